"""A matrix file is loaded whole and checked, or refused with the file, key path and reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from matrix import MatrixError, load_matrix
from matrix.model import is_assumed
from tests.conftest import SHIPPED_MATRIX


def variant(tmp_path: Path, old: str, new: str, name: str = "variant.toml") -> Path:
    """The shipped matrix with one piece of text replaced: a small, readable fixture."""
    text = SHIPPED_MATRIX.read_text(encoding="utf-8")
    assert old in text, old
    path = tmp_path / name
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def problems(path: Path) -> MatrixError:
    with pytest.raises(MatrixError) as caught:
        load_matrix(path)
    return caught.value


def test_shipped_matrix_loads_and_every_entry_has_a_source(matrix):
    assert matrix.version == "oslo-2024.1"
    assert len(matrix.groups) == 7 and len(matrix.districts.districts) == 15
    for group in matrix.groups.values():
        for attribute in group.ATTRIBUTES:
            assert getattr(group, attribute).kilde
    assert all(r.kilde for r in matrix.data.beslutningstabell.regel)
    assert all(f.kilde for f in [*matrix.data.advarsel, *matrix.data.merknad])


def test_seed_facts_are_not_marked_assumed(matrix):
    # Responsibility for groups 1-5 (bydel) and 6-7 (VEL) comes from the PRIOslo report.
    assert not any(matrix.groups[g].ansvar.antatt for g in matrix.groups)
    assert matrix.groups[1].boligtype.antatt
    assert is_assumed("antatt: reason") and not is_assumed("PRIOslo tabell 4")


def test_syntax_error_names_the_file(tmp_path):
    path = variant(tmp_path, '[matrise]\nnavn = "Matrise', '[matrise\nnavn = "Matrise')
    error = problems(path)
    assert str(path) in error.render("nb") and "Ugyldig TOML" in error.render("nb")
    assert "Invalid TOML" in error.render("en")


def test_missing_source_names_the_key_path(tmp_path):
    path = variant(tmp_path, 'id = "G3-boevne"\ngruppe = 3\ntekst = "Store vansker med å bo selvstendig"\n'
                   'tekst_en = "Major difficulties living independently"\nkilde = "antatt: svak boevne krever tett oppfølging"\n',
                   'id = "G3-boevne"\ngruppe = 3\ntekst = "Store vansker med å bo selvstendig"\n'
                   'tekst_en = "Major difficulties living independently"\n')
    error = problems(path)
    assert ("beslutningstabell → regel #7 → kilde", "Field required") in error.problems


def test_unknown_condition_field_and_bad_value(tmp_path):
    path = variant(tmp_path, '{ felt = "boevne", minst = 4 }', '{ felt = "boevn", minst = 4 }')
    [(where, why)] = problems(path).problems
    assert where == "beslutningstabell → regel #7 (G3-boevne) → naar → felt" and "'boevn' cannot be used here" in why
    path = variant(tmp_path, '{ felt = "tilsynsbehov", lik = "dagtid" }', '{ felt = "tilsynsbehov", lik = "natt" }')
    assert any("'natt' is not a value of 'tilsynsbehov'" in why for _, why in problems(path).problems)


def test_dangling_references(tmp_path):
    path = variant(tmp_path, '{ navn = "Brukerrom", tilbyder = "Velferdsetaten" }', '{ navn = "Brukerrom", tilbyder = "Helseetaten" }')
    [(where, why)] = problems(path).problems
    assert where == "niva #5 (T4) → tjenester #6 → tilbyder" and "Helseetaten" in why
    path = variant(tmp_path, 'id = "G4-dagtid"\ngruppe = 4', 'id = "G4-dagtid"\ngruppe = 9')
    assert any("group 9 is not defined" in why for _, why in problems(path).problems)


def test_condition_with_two_operators_is_refused(tmp_path):
    path = variant(tmp_path, '{ felt = "maks", minst = 3 }', '{ felt = "maks", minst = 3, hoyst = 4 }')
    assert any("exactly one of" in why for _, why in problems(path).problems)


def test_unreadable_file(tmp_path):
    error = problems(tmp_path / "missing.toml")
    assert "Kan ikke lese matrisefilen" in error.render("nb")


def test_another_municipality_can_change_districts_and_thresholds(tmp_path):
    path = variant(tmp_path, '[[bydeler.bydel]]\nnr = 1\nnavn = "Gamle Oslo"', '[[bydeler.bydel]]\nnr = 1\nnavn = "Midtbyen"')
    text = path.read_text(encoding="utf-8").replace('bydel = "Gamle Oslo"', 'bydel = "Midtbyen"')
    path.write_text(text.replace('versjon = "oslo-2024.1"', 'versjon = "test-1"'), encoding="utf-8")
    other = load_matrix(path)
    assert other.districts.resolve("midtbyen").navn == "Midtbyen"
    assert other.districts.resolve("Gamle Oslo") is None
    assert other.version == "test-1"


def test_every_question_has_five_levels_in_both_languages(matrix):
    assert {q.felt for q in matrix.data.sporsmal} == {"boevne", "rus", "psykisk_helse", "somatisk_helse", "atferd", "sosial_fungering"}
    for question in matrix.data.sporsmal:
        assert len(question.levels("nb")) == len(question.levels("en")) == 5
        assert question.levels("en") != question.levels("nb") and question.help_text("en")
