"""Warnings and notes (each fires when it should and not otherwise) and the coverage rule."""

from __future__ import annotations

from datetime import date

import pytest

from matrix.assessment import parse_assessment

TODAY = date(2026, 11, 26)

# (code, changes that make it fire, changes that come close but must not)
FLAG_CASES = [
    ("W-heldogn-lav", {"tilsynsbehov": "heldogn", "rus": 2}, {"tilsynsbehov": "heldogn", "rus": 3}),
    ("W-behandling", {"behandlingsbehov": "ja", "tilsynsbehov": "dagtid"}, {"behandlingsbehov": "ja", "tilsynsbehov": "heldogn"}),
    ("W-risiko", {"vold_trusler": "ja"}, {"vold_trusler": "ja", "tilsynsbehov": "heldogn"}),  # group 6: no warning
    ("W-risiko", {"brannrisiko": "ja", "tilsynsbehov": "dagtid"}, {"brannrisiko": "nei", "tilsynsbehov": "dagtid"}),
    ("W-ingen-tilsyn", {"psykisk_helse": 4}, {"psykisk_helse": 4, "tilsynsbehov": "ukentlig"}),
    ("N-inntak10", {"institusjonsinntak_12m": 10}, {"institusjonsinntak_12m": 9}),
    ("N-avlastning", {"avlastningsbehov": "ja"}, {"avlastningsbehov": "nei"}),
    ("N-udekket", {"boligsituasjon": "bostedslos"}, {"boligsituasjon": "ordinar_bolig"}),
    ("N-gammel", {"vurdert_dato": "2025-11-25"}, {"vurdert_dato": "2025-11-26"}),  # 366 vs 365 days
]


def _codes(classifier, matrix, assessment) -> set[str]:
    result = classifier.classify(parse_assessment(assessment, matrix), today=TODAY)
    return {f.kode for f in result.advarsler} | {f.kode for f in result.merknader}


@pytest.mark.parametrize(("code", "fires", "near"), FLAG_CASES, ids=[c[0] + "-" + str(i) for i, c in enumerate(FLAG_CASES)])
def test_flag_fires_and_near_miss_does_not(code, fires, near, matrix, classifier, person):
    assert code in _codes(classifier, matrix, person(**fires))
    assert code not in _codes(classifier, matrix, person(**near))


def test_warnings_and_notes_are_separated_and_never_change_the_group(matrix, classifier, person):
    plain = classifier.classify(parse_assessment(person(rus=3), matrix), today=TODAY)
    flagged = classifier.classify(parse_assessment(person(rus=3, vold_trusler="ja", avlastningsbehov="ja"), matrix), today=TODAY)
    assert plain.gruppe == flagged.gruppe == 2
    assert [f.kode for f in flagged.advarsler] == ["W-risiko"]
    assert [f.kode for f in flagged.merknader] == ["N-avlastning"]


def test_baseline_has_no_flags(matrix, classifier, person):
    assert _codes(classifier, matrix, person()) == set()


# boligsituasjon → expected coverage for groups 1..7
COVERAGE = {
    "ordinar_bolig": ["dekket", "dekket", "dekket", "udekket", "udekket", "udekket", "udekket"],
    "samlokalisert_delvis": ["overdekket"] * 3 + ["dekket", "udekket", "udekket", "udekket"],
    "samlokalisert_heldogn": ["overdekket"] * 4 + ["dekket", "udekket", "udekket"],
    "skjermet_heldogn": ["overdekket"] * 5 + ["dekket", "udekket"],
    "bo_og_behandling": ["overdekket"] * 6 + ["dekket"],
    "institusjon": ["udekket"] * 7,
    "midlertidig": ["udekket"] * 7,
    "bostedslos": ["udekket"] * 7,
    "fengsel": ["udekket"] * 7,
    "sykehus": ["udekket"] * 7,
    "ukjent": ["ukjent"] * 7,
}
GROUP_PROFILES = {
    1: {},
    2: {"rus": 3},
    3: {"tilsynsbehov": "daglig"},
    4: {"tilsynsbehov": "dagtid"},
    5: {"tilsynsbehov": "heldogn", "rus": 4},
    6: {"tilsynsbehov": "heldogn", "atferd": 5},
    7: {"tilsynsbehov": "heldogn", "behandlingsbehov": "ja", "rus": 5},
}


def test_coverage_table_covers_every_housing_situation(matrix):
    assert set(COVERAGE) == set(matrix.housing)


@pytest.mark.parametrize("situation", sorted(COVERAGE))
def test_coverage_for_every_housing_situation_and_group(situation, matrix, classifier, person):
    for group, changes in GROUP_PROFILES.items():
        result = classifier.classify(parse_assessment(person(boligsituasjon=situation, **changes), matrix), today=TODAY)
        assert result.gruppe == group
        assert result.dekning == COVERAGE[situation][group - 1], (situation, group)
