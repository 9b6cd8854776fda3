"""Tolerant parsing of real-world spellings and strict, named errors for bad input."""

from __future__ import annotations

from datetime import date

import pytest

from matrix.assessment import AssessmentInvalid, parse_assessment
from matrix.values import valid_national_id

# Synthetic numbers made for tests (valid and invalid check digits), not real persons.
VALID_FNR = "01010150074"
INVALID_FNR = "01010150075"


def _errors(raw, matrix) -> dict[str, str]:
    with pytest.raises(AssessmentInvalid) as caught:
        parse_assessment(raw, matrix)
    return {e.felt: e.kode for e in caught.value.errors}


@pytest.mark.parametrize(
    ("spelling", "canonical"),
    [
        ("Grünerløkka", "Grünerløkka"),
        ("grunerlokka", "Grünerløkka"),
        ("Bydel Grünerløkka", "Grünerløkka"),
        ("BYDEL GRUNERLOKKA", "Grünerløkka"),
        ("2", "Grünerløkka"),
        ("02", "Grünerløkka"),
        (2, "Grünerløkka"),
        ("Ostensjo", "Østensjø"),
        ("Sondre Nordstrand", "Søndre Nordstrand"),
        ("st. hanshaugen", "St. Hanshaugen"),
        ("St Hanshaugen", "St. Hanshaugen"),
        ("bydel 15", "Søndre Nordstrand"),
    ],
)
def test_district_spellings(spelling, canonical, matrix, person):
    assert parse_assessment(person(bydel=spelling), matrix).bydel == canonical


@pytest.mark.parametrize(
    ("raw", "value"),
    [("ja", True), ("JA", True), ("j", True), ("Yes", True), ("true", True), ("1", True), (1, True), (True, True),
     ("nei", False), ("N", False), ("no", False), ("FALSE", False), ("0", False), (0, False)],
)
def test_yes_no_spellings(raw, value, matrix, person):
    assert parse_assessment(person(vold_trusler=raw), matrix).vold_trusler is value


@pytest.mark.parametrize(("raw", "value"), [("heldøgn", "heldogn"), ("Heldøgn", "heldogn"), ("HELDOGN", "heldogn"), (" dagtid ", "dagtid")])
def test_supervision_spellings(raw, value, matrix, person):
    assert parse_assessment(person(tilsynsbehov=raw), matrix).tilsynsbehov == value


@pytest.mark.parametrize(
    ("raw", "value"), [("ordinær bolig", "ordinar_bolig"), ("Bostedsløs", "bostedslos"), ("bo-og-behandling", "bo_og_behandling")]
)
def test_housing_spellings(raw, value, matrix, person):
    assert parse_assessment(person(boligsituasjon=raw), matrix).boligsituasjon == value


def test_scores_as_spreadsheets_write_them(matrix, person):
    parsed = parse_assessment(person(boevne="3", rus=4.0, atferd=" 2 ", sosial_fungering="5,0"), matrix)
    assert (parsed.boevne, parsed.rus, parsed.atferd, parsed.sosial_fungering) == (3, 4, 2, 5)


def test_dates_in_both_formats(matrix, person):
    assert parse_assessment(person(vurdert_dato="2024-03-05"), matrix).vurdert_dato == date(2024, 3, 5)
    assert parse_assessment(person(vurdert_dato="05.03.2024"), matrix).vurdert_dato == date(2024, 3, 5)


def test_extra_columns_are_kept(matrix, person):
    parsed = parse_assessment(person(saksbehandler="Kari", Kommentar="x"), matrix)
    assert parsed.ekstra == {"saksbehandler": "Kari", "Kommentar": "x"}


def test_blank_optional_fields_are_absent_and_respite_defaults_to_no(matrix, person):
    parsed = parse_assessment(person(livskvalitet="", institusjonsinntak_12m="  "), matrix)
    assert parsed.livskvalitet is None and parsed.institusjonsinntak_12m is None and parsed.avlastningsbehov is False


def test_national_id_mod11():
    assert valid_national_id(VALID_FNR)
    assert not valid_national_id(INVALID_FNR)
    assert not valid_national_id("0101015002")


def test_national_id_is_checked_only_when_it_has_11_digits(matrix, person):
    assert parse_assessment(person(person_id=VALID_FNR), matrix).person_id == VALID_FNR
    assert parse_assessment(person(person_id="SAK-123"), matrix).person_id == "SAK-123"
    assert _errors(person(person_id=INVALID_FNR), matrix) == {"person_id": "fodselsnummer"}


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("boevne", "6", "skala"),
        ("rus", "0", "skala"),
        ("atferd", "mye", "skala"),
        ("psykisk_helse", "2.5", "skala"),
        ("bydel", "Bærum", "bydel"),
        ("bydel", "16", "bydel"),
        ("tilsynsbehov", "av og til", "valg"),
        ("varighet", "evig", "valg"),
        ("boligsituasjon", "hytte", "valg"),
        ("brannrisiko", "kanskje", "janei"),
        ("livskvalitet", "8", "skala_eller_avslag"),
        ("institusjonsinntak_12m", "-1", "heltall_min"),
        ("vurdert_dato", "31.02.2024", "dato"),
        ("tidligere_gruppe", "8", "gruppe"),
        ("fodselsar", "1850", "aar"),
    ],
)
def test_bad_values_are_named(field, value, code, matrix, person):
    assert _errors(person(**{field: value}), matrix) == {field: code}


def test_every_missing_required_field_is_named(matrix):
    with pytest.raises(AssessmentInvalid) as caught:
        parse_assessment({"person_id": "X", "bydel": "Alna"}, matrix)
    assert caught.value.only_missing
    assert caught.value.missing_fields == [
        "boevne", "rus", "psykisk_helse", "somatisk_helse", "atferd", "sosial_fungering",
        "tilsynsbehov", "behandlingsbehov", "vold_trusler", "brannrisiko", "varighet", "boligsituasjon",
    ]


def test_messages_in_both_languages(matrix, person):
    with pytest.raises(AssessmentInvalid) as caught:
        parse_assessment(person(boevne="9", bydel="Mars"), matrix)
    by_field = {e.felt: e for e in caught.value.errors}
    assert by_field["boevne"].message("nb") == "«9» er ikke et helt tall fra 1 til 5"
    assert by_field["boevne"].message("en") == "'9' is not a whole number from 1 to 5"
    assert "Mars" in by_field["bydel"].message("nb") and "bydel" in by_field["bydel"].message("nb")
    assert "district" in by_field["bydel"].message("en")


@pytest.mark.parametrize("spelling", ["vil_ikke_svare", "Vil ikke svare", "Ønsker ikke å svare", " ønsker ikke å svare ",
                                      "ONSKER IKKE A SVARE", "prefers not to answer"])
def test_declining_the_quality_of_life_question_is_an_answer(spelling, matrix, person):
    assert parse_assessment(person(livskvalitet=spelling), matrix).livskvalitet == "vil_ikke_svare"


@pytest.mark.parametrize(("raw", "value"), [("1", 1), (7, 7), ("4.0", 4), ("", None)])
def test_quality_of_life_scores(raw, value, matrix, person):
    assert parse_assessment(person(livskvalitet=raw), matrix).livskvalitet == value


@pytest.mark.parametrize("raw", ["0", "8", "vet ikke", "ja"])
def test_quality_of_life_outside_the_scale_names_what_is_allowed(raw, matrix, person):
    assert _errors(person(livskvalitet=raw), matrix) == {"livskvalitet": "skala_eller_avslag"}


def test_a_declined_answer_classifies_as_an_unasked_question(matrix, classifier, person):
    for scores in ({}, {"rus": 5, "tilsynsbehov": "heldogn"}, {"atferd": 5, "vold_trusler": "ja"}):
        declined = classifier.classify(parse_assessment(person(livskvalitet="vil_ikke_svare", **scores), matrix))
        unasked = classifier.classify(parse_assessment(person(**scores), matrix))
        assert declined.model_dump() == unasked.model_dump()
