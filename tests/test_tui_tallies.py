"""The tallies screen on a real store: views, bar chart, and an XLSX export that equals
`rusmatrise tally --db` on the same data."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
from textual.widgets import DataTable, Input, TabbedContent
from tui_pilot import SIZE, make_app, pilot_test, text_of

from casestore import CaseFilter, decide
from cli.main import main
from matrix import Matrix
from matrix.assessment import parse_assessment
from rules import Classifier
from tui.screens.ask_text import AskTextDialog
from tui.screens.export_tally import ExportTallyDialog
from tui.screens.tallies import TalliesScreen


def _sheets(path: Path) -> dict[str, list[tuple[object, ...]]]:
    book = openpyxl.load_workbook(path, read_only=True)
    return {sheet.title: [tuple(row) for row in sheet.iter_rows(values_only=True)] for sheet in book.worksheets}


def _override_one(app, matrix: Matrix) -> str:
    """Record a decision that moves one person to group 7, so decided groups must be counted."""
    row = app.store.caseload(CaseFilter(gruppe=1), limit=1)[0]
    assessment = parse_assessment(row.data, matrix)
    result = Classifier(matrix).classify(assessment)
    app.store.record_decision(row.assessment_id, decide(matrix, assessment, result, 7, "test av overstyring"))
    return row.bydel


@pilot_test
async def test_tallies_show_views_and_export_equals_the_tally_command(tmp_path: Path, matrix: Matrix) -> None:
    db = tmp_path / "case.sqlite"
    app = make_app(db, matrix, demo=300)
    district = _override_one(app, matrix)
    exported = tmp_path / "fra_tui.xlsx"
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TalliesScreen) and screen.result is not None
        assert screen.result.total == 300
        assert screen.result.district_group[(district, 7)] >= 1
        first = screen.query_one("#table-0", DataTable)
        totals = [str(cell) for cell in first.get_row_at(first.row_count - 1)]
        assert totals[0] == "Totalt" and totals[-1] == "300"
        titles = [str(tab.label) for tab in screen.query_one(TabbedContent).query("Tab")]
        assert "Dekning" in titles and "Behov samlokalisert" in titles and "Behov VEL" in titles
        await pilot.press("v", "v", "v", "v")  # to the bar chart
        await pilot.pause()
        assert screen.query_one(TabbedContent).active == "view-chart"
        chart = text_of(screen.query_one("#tally-chart"))
        assert "Personer per gruppe" in chart and "█" in chart
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ExportTallyDialog)
        app.screen.query_one("#export-path", Input).value = str(tmp_path / "feil.txt")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ExportTallyDialog)  # refused: not .csv or .xlsx
        assert ".csv" in text_of(app.screen.query_one("#export-error"))
        app.screen.query_one("#export-path", Input).value = str(exported)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.exported == exported
        # the store's records carry their assessment dates: supply as of the last one, as from files
        latest = max(a.vurdert_dato for r in app.store.caseload(CaseFilter(), limit=1000) for a in app.store.history(r.person_id))
        assert screen.supply_day == latest < app.today
        assert f"Tilbud per {latest.isoformat()}" in text_of(screen.query_one("#tally-status"))
    from_cli = tmp_path / "fra_cli.xlsx"
    assert main(["tally", "--db", str(db), "-o", str(from_cli)]) == 0  # no --dato: the same supply date, from the store
    tui_sheets, cli_sheets = _sheets(exported), _sheets(from_cli)
    assert tui_sheets == cli_sheets
    main_sheet = next(iter(tui_sheets.values()))
    assert main_sheet[-1][0] == "Totalt" and main_sheet[-1][-1] == 300


@pilot_test
async def test_tallies_follow_new_decisions_when_reopened(tmp_path: Path, matrix: Matrix) -> None:
    app = make_app(tmp_path / "case.sqlite", matrix, demo=50)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TalliesScreen) and screen.result is not None
        before = sum(n for (_, g), n in screen.result.district_group.items() if g == 7)
        await pilot.press("escape")
        await pilot.pause()
        _override_one(app, matrix)
        await pilot.press("t")
        await app.workers.wait_for_complete()
        await pilot.pause()
        result = app.screen.result
        assert result is not None
        assert sum(n for (_, g), n in result.district_group.items() if g == 7) == before + 1


@pilot_test
async def test_tallies_pick_a_supply_date_and_write_the_report(tmp_path: Path, matrix: Matrix) -> None:
    app = make_app(tmp_path / "case.sqlite", matrix, demo=120)
    report = tmp_path / "rapport.html"
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TalliesScreen)
        await pilot.press("d")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, AskTextDialog)
        dialog.query_one("#ask-text", Input).value = "31.12.2025"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is dialog and "ÅÅÅÅ-MM-DD" in text_of(dialog.query_one("#ask-error"))  # refused, explained
        dialog.query_one("#ask-text", Input).value = "2026-01-01"
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.supply_day == date(2026, 1, 1)
        assert "Tilbud per 2026-01-01" in text_of(screen.query_one("#tally-status"))
        titles = [str(tab.label) for tab in screen.query_one(TabbedContent).query("Tab")]
        assert "Behov VEL" in titles
        await pilot.press("r")
        await pilot.pause()
        app.screen.query_one("#ask-text", Input).value = str(report)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.exported == report
    text = report.read_text(encoding="utf-8")
    assert "<svg" in text and "Tilbud per" in text and "2026-01-01" in text and "https://" not in text


@pilot_test
async def test_an_export_the_system_refuses_is_said_in_words(tmp_path: Path, matrix: Matrix) -> None:
    """Not only the product's own errors: a folder that is a file (or a full disk) reaches the user too."""
    app = make_app(tmp_path / "case.sqlite", matrix, demo=30)
    blocker = tmp_path / "ikke-en-mappe"
    blocker.write_text("x", encoding="utf-8")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("t")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TalliesScreen)
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#export-path", Input).value = str(blocker / "opptelling.xlsx")
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.exported is None
        messages = [str(n.message) for n in app._notifications]
        assert any("ikke-en-mappe" in m for m in messages), messages
