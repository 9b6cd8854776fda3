"""Terminal and markup injection in the TUI (issue 7, class 5), on a real SQLite store.

Person ids, free text, a caseworker's name and an override reason that hold Rich/Textual markup
(`[/]` closes a tag that was never opened and used to crash a screen for good; `[b]` restyles;
`[@click=app.quit]` is an action link) or terminal escapes (OSC retitles the window) are shown
literally, on every screen that shows them; the app starts with such a person in its history.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widgets import DataTable
from tui_pilot import SIZE, make_app, pilot_test, screen_text

from casestore import decide
from matrix import Matrix, load_matrix
from matrix.assessment import parse_assessment
from rules import Classifier
from tui.screens.caseload import CaseloadScreen
from tui.screens.history import HistoryScreen

MARKUP_IDS = ["[/]", "[b]x", "[@click=app.quit]q"]
ESCAPES = "\x1b]0;overtatt\x07\x1b[31mrød\x1b[0m"


def fill(db: Path, matrix: Matrix, person: Any) -> None:
    """Person ids, wishes, an OS user name (who decided) and reasons that hold markup and escapes."""
    app = make_app(db, matrix)
    classifier = Classifier(matrix)
    for i, person_id in enumerate(MARKUP_IDS):
        assessment = parse_assessment(person(person_id=person_id, brukers_onske=f"[i]bo[/i] {ESCAPES}", bydel="Alna"), matrix)
        result = classifier.classify(assessment)
        decision = decide(matrix, assessment, result, result.gruppe % 7 + 1, reason=f"[/] grunn {i} {ESCAPES}")
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr("casestore.sqlite.os_user", lambda: f"[b]Kari[/] {ESCAPES}")
            app.store.record(assessment, result, decision)
    app.store.close()


def clean(text: str) -> None:
    assert "\x1b" not in text and "\x07" not in text


@pilot_test
async def test_markup_and_escapes_in_the_store_render_literally(tmp_path: Path, matrix: Matrix, person: Any) -> None:
    fill(tmp_path / "case.sqlite", matrix, person)
    app = make_app(tmp_path / "case.sqlite", matrix)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, CaseloadScreen)
        table = app.screen.query_one(DataTable)
        assert table.row_count == len(MARKUP_IDS)
        shown = screen_text(app)
        for person_id in MARKUP_IDS:
            assert person_id in shown  # literally, brackets and all
        clean(shown)
        for person_id in MARKUP_IDS:
            app.open_history(person_id)
            await pilot.pause()
            assert isinstance(app.screen, HistoryScreen)
            text = screen_text(app)
            assert "[b]Kari[/]" in text and "[/] grunn" in text and "[i]bo[/i]" in text
            clean(text)
            await pilot.press("escape")
            await pilot.pause()
        app.open_assessment(MARKUP_IDS[0])
        await pilot.pause()
        await pilot.pause()
        text = screen_text(app)
        assert MARKUP_IDS[0] in text
        clean(text)
    assert app.return_code in (None, 0)


def hostile_matrix(tmp_path: Path) -> Path:
    """The shipped matrix with markup and escapes in its texts."""
    text = (Path(load_matrix().path)).read_text(encoding="utf-8")
    hostile = "[/][@click=app.quit]Klarer[b] seg \\u001b]0;x\\u0007i ordinær bolig"
    text = text.replace('verdi = "Klarer seg i ordinær bolig', f'verdi = "{hostile}', 1)
    text = text.replace('tjeneste = "', 'tjeneste = "[/]\\u001b[2J', 1)
    path = tmp_path / "fiendtlig.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pilot_test
async def test_the_matrix_card_and_chain_show_a_hostile_matrix_literally(tmp_path: Path) -> None:
    matrix = load_matrix(hostile_matrix(tmp_path))
    assert "[/][@click=app.quit]" in matrix.groups[1].navn.verdi
    app = make_app(tmp_path / "case.sqlite", matrix)
    async with app.run_test(size=(160, 60)) as pilot:
        await pilot.pause()
        app.action_matrix()
        await pilot.pause()
        text = screen_text(app)
        assert "[/][@click=app.quit]Klarer[b] seg" in text
        clean(text)
        await pilot.press("escape")
        app.action_chain()
        await pilot.pause()
        clean(screen_text(app))
