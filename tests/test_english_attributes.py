"""The groups' attributes (housing type and standard, staffing, location) and the service
chain's tiers in English with `--lang en` (issue 11, items 7 and 8): the matrix file gives each
an English text beside the Norwegian one, and every place that shows them to people uses it;
the JSON keeps the values as the matrix writes them (SPEC section 5)."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest
from tui_pilot import SIZE, make_app, pilot_test, screen_text

from casestore import decide, open_store
from cli.main import main
from matrix import Matrix
from matrix.assessment import parse_assessment
from rules import Classifier
from tests.conftest import BASELINE, SHIPPED_MATRIX
from tests.language import data_phrases, foreign_words
from tui.widgets.live_panel import LivePanel

SHOWN = ("boligtype", "boligstandard", "bemanning", "beliggenhet")
PHRASES = data_phrases(SHIPPED_MATRIX)  # the Norwegian side of a translated text is not data to the English product
GROUP_5 = {**BASELINE, "tilsynsbehov": "heldogn", "boligsituasjon": "bostedslos"}


def test_every_group_attribute_and_tier_has_english_with_its_source(matrix: Matrix) -> None:
    for group in matrix.groups.values():
        for name in SHOWN:
            attribute = getattr(group, name)
            assert attribute.en and attribute.text("en") == attribute.en, (group.nr, name)
            assert attribute.text("nb") == attribute.verdi and attribute.kilde
    assert all(tier.beskrivelse_en for tier in matrix.data.niva)
    assert matrix.groups[5].boligtype.text("en") == "co-located housing with a staff base"


def _english(texts: dict[str, str]) -> None:
    for where, text in texts.items():
        assert not foreign_words(text, "en", PHRASES), f"{where}: {foreign_words(text, 'en', PHRASES)}"


def test_matrix_and_classify_text_in_english(matrix: Matrix, capsys: pytest.CaptureFixture[str],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    assert main(["matrix", "--lang", "en"]) == 0
    table = capsys.readouterr().out
    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps(GROUP_5)))
    assert main(["classify", "--tekst", "--lang", "en"]) == 0
    text = capsys.readouterr().out
    group = matrix.groups[5]
    assert f"Housing type: {group.boligtype.text('en')} ({group.boligstandard.text('en')})" in text
    assert f"Staffing: {group.bemanning.text('en')}" in text and f"Location: {group.beliggenhet.text('en')}" in text
    assert group.boligtype.verdi not in text
    _english({"matrix --lang en": table, "classify --tekst --lang en": text})
    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps(GROUP_5)))
    assert main(["classify", "--lang", "en"]) == 0
    assert json.loads(capsys.readouterr().out)["boligtype"] == group.boligtype.verdi  # the JSON's values stay as written


def test_case_document_in_english(tmp_path: Path, matrix: Matrix, classifier: Classifier) -> None:
    db = tmp_path / "case.sqlite"
    with open_store(str(db)) as store:
        assessment = parse_assessment({**GROUP_5, "person_id": "P-5", "vurdert_dato": "2025-05-02"}, matrix)
        result = classifier.classify(assessment, today=date(2025, 5, 2))
        store.record(assessment, result, decide(matrix, assessment, result, result.gruppe))
    out = tmp_path / "document.html"
    assert main(["utskrift", "P-5", "--db", str(db), "-o", str(out), "--lang", "en"]) == 0
    html = out.read_text(encoding="utf-8")
    group = matrix.groups[5]
    for name in SHOWN:
        assert getattr(group, name).text("en") in html, name
    assert group.bemanning.verdi not in html


@pilot_test
async def test_tui_shows_the_attributes_and_tiers_in_english(tmp_path: Path, matrix: Matrix) -> None:
    app = make_app(tmp_path / "s.sqlite", matrix, demo=20, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        panel = app.screen.query_one(LivePanel)
        shown = panel.plain()
        group = matrix.groups[panel.gruppe or 0]
        assert group.bemanning.text("en") in shown and group.beliggenhet.text("en") in shown
        assert "T0: General needs" in shown
        _english({"assessment panel": shown})
        await pilot.press("escape", "m")
        await pilot.pause()
        card = screen_text(app)
        assert "co-located housing with a staff base" in card
        _english({"matrix card": card})
