"""`rusmatrise check --cases FILE.toml`: test cases as data, run against the matrix (SPEC section 5)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cli.main import main
from rules.cases import shipped_cases_path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().out


def test_the_shipped_cases_pass(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "check", "--cases", str(shipped_cases_path()))
    assert code == 0, out
    assert "OK: alle 24 tilfeller i" in out and "FEIL" not in out


def test_a_wrong_expectation_fails_naming_the_case(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = shipped_cases_path().read_text(encoding="utf-8")
    wrong = text.replace('forventet = { gruppe = 7, regel = "G7-behandling" }', 'forventet = { gruppe = 6, regel = "G7-behandling" }', 1)
    wrong = wrong.replace('advarsler = ["W-heldogn-lav"]', 'advarsler = []', 1)
    path = tmp_path / "egne.toml"
    path.write_text(wrong, encoding="utf-8")
    code, out = run(capsys, "check", "--cases", str(path))
    assert code == 1
    assert "FEIL: tilfelle «G7: heldøgn og behandling»: forventet gruppe 6, fikk 7" in out
    assert "forventet advarsler [], fikk [W-heldogn-lav]" in out
    assert "2 av 24 tilfeller" in out
    code, out = run(capsys, "check", "--cases", str(path), "--lang", "en")
    assert code == 1 and "ERROR: case 'G7: heldøgn og behandling': expected gruppe 6, got 7" in out


def test_a_near_miss_that_hits_its_rule_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "nesten.toml"
    path.write_text(
        '[[case]]\nnavn = "nesten"\nnaer_bom_for = "G1"\nforventet = { gruppe = 1 }\n'
        'inndata = { person_id = "X", bydel = "Alna", boevne = 1, rus = 1, psykisk_helse = 1, somatisk_helse = 1, atferd = 1, '
        'sosial_fungering = 1, tilsynsbehov = "ingen", behandlingsbehov = "nei", vold_trusler = "nei", brannrisiko = "nei", '
        'varighet = "langvarig", boligsituasjon = "ordinar_bolig" }\n',
        encoding="utf-8",
    )
    code, out = run(capsys, "check", "--cases", str(path))
    assert code == 1 and "tilfelle «nesten»: traff regel G1, som dette tilfellet ikke skal treffe" in out


@pytest.mark.parametrize(
    ("content", "said"),
    [
        ("[[case]]\nnavn = 'x'\n", "trenger tabellene inndata og forventet"),
        ("[[case]]\nnavn = 'x'\ninndata = {}\nforventet = { farge = 'blå' }\n", "forventer farge"),
        ("[[case]]\nnavn = 'x'\ninndata = {}\nforventet = { gruppe = 1 }\nekstra = 1\n", "ukjente nøkler: ekstra"),
        ("[[tilfelle]]\nnavn = 'x'\n", "må bestå av tabeller [[case]]"),
        ("not toml at all [", "Ugyldig TOML"),
    ],
)
def test_a_malformed_cases_file_is_refused_in_words(tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, said: str) -> None:
    path = tmp_path / "feil.toml"
    path.write_text(content, encoding="utf-8")
    code, out = run(capsys, "check", "--cases", str(path))
    assert code == 2 and said in out


def test_invalid_input_in_a_case_is_a_failure_naming_the_field(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "inndata.toml"
    path.write_text("[[case]]\nnavn = 'uten rus'\ninndata = { person_id = 'X' }\nforventet = { gruppe = 1 }\n", encoding="utf-8")
    code, out = run(capsys, "check", "--cases", str(path))
    assert code == 1 and "tilfelle «uten rus»: inndata er ugyldige:" in out and "felt rus: mangler" in out


def test_the_readme_example_case_holds(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import re

    from tests.conftest import REPO

    example = re.search(r"```toml\n(\[\[case\]\].*?)```", (REPO / "README.md").read_text(encoding="utf-8"), re.S)
    assert example is not None
    path = tmp_path / "readme.toml"
    path.write_text(example.group(1), encoding="utf-8")
    code, out = run(capsys, "check", "--cases", str(path))
    assert code == 0, out
