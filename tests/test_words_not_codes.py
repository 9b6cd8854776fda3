"""What people read is words, in good Norwegian: no internal codes, the terms a caseworker uses,
and correct singulars (issue 11, items 8 and 9)."""

from __future__ import annotations

import json
import re

import pytest

from cli.main import main
from matrix import Matrix
from matrix.messages import catalog, t
from rules import Classifier
from tests.conftest import BASELINE, SHIPPED_MATRIX

# Words a Norwegian caseworker reader flagged, and what replaced them.
REJECTED_WORDING = {
    r"heldøgns (bemanning|tilsyn)": "heldøgnsbemanning (one word, one term)",
    r"\bvedtatt\b": "besluttet (vedtak is a formal administrative decision)",
    r"samtidig rus": "samtidige rus- og psykiske lidelser",
    r"kolonnemapping": "kolonnefil",
    r"kanonisk": "plain words",
    r"distinkte": "ulike",
    r"skygget": "plain words",
    r"\bfrø\b": "startverdi",
    r"kontrollsifferkontroll": "plain words",
}


def _norwegian_texts() -> list[tuple[str, str]]:
    texts = [(key, entry["nb"]) for key, entry in catalog().items()]
    texts.append(("oslo.toml", SHIPPED_MATRIX.read_text(encoding="utf-8")))
    return texts


@pytest.mark.parametrize("pattern", sorted(REJECTED_WORDING))
def test_no_rejected_wording_in_norwegian_texts(pattern: str) -> None:
    found = [key for key, text in _norwegian_texts() if re.search(pattern, text, re.IGNORECASE)]
    assert not found, f"{pattern!r} in {found}: use {REJECTED_WORDING[pattern]}"


def test_respite_is_not_called_settling_responsibility() -> None:
    text = t("help_matrix", "nb")
    settling = text[text.index("bosettingsansvar"):].split(".")[0]
    assert "avlastning" not in settling


def test_a_count_of_one_is_singular() -> None:
    assert t("c_showing", "nb", fra=1, til=1, antall=1) == "Viser 1–1 av 1 person"
    assert t("c_showing", "en", fra=1, til=1, antall=1) == "Showing 1–1 of 1 person"
    assert t("c_showing", "nb", fra=1, til=2, antall=2) == "Viser 1–2 av 2 personer"
    assert t("streng_avvist", "nb", antall=1) == "--strict: 1 rad ble avvist"
    assert t("tally_antall_personer", "nb", antall=1, versjon="x") == "1 person talt, matrise x"


def test_the_explanation_names_fields_and_values_in_words(classifier: Classifier, matrix: Matrix) -> None:
    from matrix.assessment import parse_assessment

    result = classifier.classify(parse_assessment({**BASELINE, "tilsynsbehov": "heldogn", "avlastningsbehov": "ja"}, matrix))
    assert "tilsynsbehov: heldøgnsbemanning" in result.begrunnelse
    assert "(verdi: heldogn)" not in result.begrunnelse and "tilsynsbehov = heldogn" not in result.begrunnelse
    english = classifier.classify(parse_assessment({**BASELINE, "tilsynsbehov": "heldogn"}, matrix), lang="en")
    assert "supervision need: 24-hour staffing" in english.begrunnelse


def _run(capsys: pytest.CaptureFixture[str], *argv: str, stdin: str | None = None,
         monkeypatch: pytest.MonkeyPatch | None = None) -> str:
    if stdin is not None and monkeypatch is not None:
        import io

        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    main(list(argv))
    return capsys.readouterr().out


def test_classify_text_shows_no_flag_codes(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    person = {**BASELINE, "tilsynsbehov": "heldogn", "avlastningsbehov": "ja", "boligsituasjon": "bostedslos"}
    out = _run(capsys, "classify", "--tekst", stdin=json.dumps(person), monkeypatch=monkeypatch)
    assert "Behov for avlastningsopphold" in out and "Dekning: udekket" in out
    assert "N-avlastning" not in out and "N-udekket" not in out and "W-heldogn-lav" not in out


def test_matrix_names_the_responsible_party_in_words(capsys: pytest.CaptureFixture[str]) -> None:
    out = _run(capsys, "matrix")
    assert "Velferds" in out and "Bosetter" in out and "Bydelen" in out  # (narrow columns may wrap long names)
    cells = {cell.strip() for line in out.splitlines() for cell in line.split("│")}
    assert "vel" not in cells and "bydel" not in cells


def test_chain_gives_each_tier_its_description(capsys: pytest.CaptureFixture[str]) -> None:
    out = _run(capsys, "chain", "4")
    assert "T4: Alvorlige langvarige" in out and "T0: Generelle behov" in out


def test_check_names_a_gap_in_words(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    catch_all, narrowed = 'naar = { alltid = true }', 'naar = { felt = "behandlingsbehov", lik = true }'
    text = SHIPPED_MATRIX.read_text(encoding="utf-8").replace(catch_all, narrowed, 1)
    path = tmp_path / "hull.toml"
    path.write_text(text, encoding="utf-8")
    out = _run(capsys, "check", "--matrix", str(path))
    assert "behandlingsbehov i boligen: nei" in out
    assert "behandlingsbehov=False" not in out and "=False" not in out
