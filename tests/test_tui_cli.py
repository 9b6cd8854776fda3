"""`rusmatrise tui`: the command's store handling and --demo, up to the running app."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from textual.widgets import DataTable
from tui_pilot import TODAY, pilot_test

from casestore.demo import DEMO_PERSONS
from cli.main import main, parse
from tui.screens.caseload import CaseloadScreen


@pilot_test
async def test_demo_fills_an_empty_store_once_and_opens_the_caseload(tmp_path: Path) -> None:
    from cli.tui_cmd import build_app

    db = tmp_path / "demo.sqlite"
    args = parse(["tui", "--demo", "--db", str(db)])
    app, store = build_app(args, today=TODAY)
    async with app.run_test() as pilot:  # 80×24, the smallest size we promise
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CaseloadScreen)
        assert screen.total == DEMO_PERSONS and screen.query_one(DataTable).row_count > 0
    store.close()
    _, store = build_app(args, today=TODAY)  # a second start adds nothing
    store.close()
    assert sqlite3.connect(db).execute("SELECT COUNT(*) FROM persons").fetchone()[0] == DEMO_PERSONS


def test_unreachable_or_unknown_database_is_refused_in_words(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["tui", "--db", "postgresql://user:secret@/rus?host=/nonexistent&port=1"]) == 1
    err = capsys.readouterr().err
    assert "Får ikke kontakt med databasen postgresql://user@/rus" in err and "secret" not in err
    assert main(["tui", "--db", "mysql://x/y", "--lang", "en"]) == 1
    assert "Unknown database address" in capsys.readouterr().err


def test_unreadable_matrix_file_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["tui", "--db", str(tmp_path / "x.sqlite"), "--matrix", str(tmp_path / "missing.toml")]) == 1
    assert "missing.toml" in capsys.readouterr().err
