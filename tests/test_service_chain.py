"""The service chain graph: the SPEC's tier selection, the respite rule and the graph checks."""

from __future__ import annotations

import pytest

from matrix.assessment import parse_assessment
from service_chain import ServiceChain, validate_graph
from service_chain.graph import node

EXPECTED_TIERS = {
    (1, "kortvarig"): ["T0", "T1"],
    (1, "langvarig"): ["T0", "T2"],
    (2, "kortvarig"): ["T0", "T3"],
    (2, "langvarig"): ["T0", "T2"],
    (3, "kortvarig"): ["T0", "T3"],
    (3, "langvarig"): ["T0", "T2"],
    (4, "kortvarig"): ["T0", "T4"],
    (5, "langvarig"): ["T0", "T4"],
    (6, "kortvarig"): ["T0", "T5"],
    (7, "langvarig"): ["T0", "T5"],
}


@pytest.fixture(scope="module")
def chain(matrix):
    return ServiceChain(matrix)


@pytest.mark.parametrize(("key", "tiers"), EXPECTED_TIERS.items(), ids=[f"{g}-{v}" for g, v in EXPECTED_TIERS])
def test_duration_selects_tiers(key, tiers, chain):
    assert chain.selected_tiers(*key) == tiers
    assert [line.niva for line in chain.services(*key)] == sorted(
        [line.niva for line in chain.services(*key)], key=tiers.index
    )


def test_every_service_has_its_printed_provider(chain):
    lines = {line.tjeneste: line.tilbyder for line in chain.services(4, "langvarig")}
    assert lines["Brukerrom"] == "Velferdsetaten"
    assert lines["IP/Ansvarsgruppe"] == "Bydel/NAV"
    assert lines["Lavterskeltilbud"] == "Andre tjenesteytere"
    assert lines["Fastlege"] == "Andre tjenesteytere"


def test_respite_is_added_for_every_group_from_vel(chain):
    for group in range(1, 8):
        without = chain.services(group, "langvarig", respite=False)
        with_respite = chain.services(group, "langvarig", respite=True)
        assert with_respite[:-1] == without
        assert (with_respite[-1].tjeneste, with_respite[-1].tilbyder) == ("Avlastningsopphold", "Velferdsetaten")


def test_classification_carries_the_services(matrix, classifier, person):
    result = classifier.classify(parse_assessment(person(tilsynsbehov="heldogn", varighet="kortvarig", avlastningsbehov="ja"), matrix))
    assert {s.niva for s in result.tjenester} == {"T0", "T4", "avlastning"}


def test_graph_has_the_specified_relations(chain):
    graph = chain.graph
    relations = {data["relation"] for _, _, data in graph.edges(data=True)}
    assert relations == {"tilhorer_niva", "tilbyr", "ansvarlig_for", "trenger_boligtype", "har_standard", "bosetter"}
    assert graph.has_edge(node("ansvar", "vel"), node("gruppe", 6))
    assert graph.has_edge(node("gruppe", 4), node("boligtype", "samlokalisert bolig med personalbase"))
    assert validate_graph(graph) == []


def test_validation_finds_orphans_missing_links_and_double_providers(chain):
    graph = chain.graph.copy()
    graph.add_node("tjeneste:Løs tjeneste", kind="tjeneste", name="Løs tjeneste")
    graph.add_edge("tilbyder:Bydel/NAV", "tjeneste:Brukerrom", relation="ansvarlig_for")
    graph.remove_edge(node("ansvar", "bydel"), node("gruppe", 2))
    graph.remove_edge(node("gruppe", 3), node("boligtype", "ordinær bolig"))
    codes = sorted(p.kode for p in validate_graph(graph))
    assert codes == ["graf_boligtype", "graf_bosetting", "graf_foreldrelos", "graf_standard", "graf_tilbyder", "graf_tilbyder"]
    texts = [p.message("en") for p in validate_graph(graph)]
    assert "group 2 has no party responsible for settling" in texts
