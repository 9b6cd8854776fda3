"""Every row of the decision table: a vignette that hits it and a near miss that must not."""

from __future__ import annotations

import pytest

from matrix.assessment import parse_assessment
from rules.cases import load_cases, run_case, shipped_cases_path

CASES = load_cases(shipped_cases_path())  # the shipped vignettes, the same file `check --cases` runs


@pytest.mark.parametrize("case", CASES, ids=[c["navn"] for c in CASES])
def test_vignette(case, classifier):
    outcome = run_case(case, classifier, "nb")
    assert outcome.passed, outcome.problems


def test_every_row_has_a_hit_and_a_near_miss(matrix):
    rows = {r.id for r in matrix.data.beslutningstabell.regel}
    assert rows == {c["forventet"]["regel"] for c in CASES if "naer_bom_for" not in c}
    near_misses = {c["naer_bom_for"]: c["forventet"]["regel"] for c in CASES if "naer_bom_for" in c}
    assert set(near_misses) == rows
    assert all(hit != row for row, hit in near_misses.items())


def test_explanation_names_conditions_values_and_later_rows(matrix, classifier, person):
    result = classifier.classify(parse_assessment(person(tilsynsbehov="heldogn", vold_trusler="ja", rus=3), matrix))
    why = result.forklaring
    assert why.regel == "G6-risiko"
    held = {(h.felt, h.verdi) for h in why.oppfylt}
    assert held == {("tilsynsbehov", "heldogn"), ("vold_trusler", "ja")}  # atferd = 1 did not hold
    assert why.ogsa_truffet == ["G5-heldogn", "G2-vansker", "G1"]
    assert "G6-risiko" in result.begrunnelse and "vold eller trusler: ja" in result.begrunnelse and "(verdi: ja)" not in result.begrunnelse
    assert "G5-heldogn" in result.begrunnelse


def test_english_explanation(matrix, classifier, person):
    result = classifier.classify(parse_assessment(person(tilsynsbehov="dagtid"), matrix), lang="en")
    assert result.begrunnelse.startswith("Group 4 by rule G4-dagtid: Needs staff present in the daytime.")
    assert result.navn == "Co-located housing with staff base, part-time staffing"


def test_consequences_follow_the_group(matrix, classifier, person):
    result = classifier.classify(parse_assessment(person(tilsynsbehov="heldogn", bydel="bydel sondre nordstrand"), matrix))
    assert result.gruppe == 5
    assert (result.ansvar, result.ansvarlig) == ("bydel", "Bydel Søndre Nordstrand")
    assert result.boligstandard == "forsterket"
    seven = classifier.classify(parse_assessment(person(tilsynsbehov="heldogn", behandlingsbehov="ja"), matrix))
    assert (seven.ansvar, seven.ansvarlig, seven.boligstandard) == ("vel", "Velferdsetaten", "ekstra forsterket")
    assert seven.matrise_versjon == matrix.version


def test_missing_fields_give_not_enough_information_never_a_default(classifier, person):
    from rules import NotEnoughInformation

    partial = {k: v for k, v in person(boevne="9").items() if k not in ("tilsynsbehov", "varighet")}
    outcome = classifier.evaluate(partial)
    assert isinstance(outcome, NotEnoughInformation)
    assert outcome.missing == ["tilsynsbehov", "varighet"]
    assert [e.felt for e in outcome.invalid] == ["boevne"]
    assert outcome.message("nb") == "Ikke nok informasjon til å foreslå gruppe. Mangler: tilsynsbehov, varighet, boevne"
    assert classifier.evaluate(person(tilsynsbehov="dagtid")).gruppe == 4
