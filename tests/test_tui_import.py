"""Importing an export file from the TUI: progress, rejects listed by row and field, cancel."""

from __future__ import annotations

import csv
from pathlib import Path

from textual.widgets import DataTable, Input
from tui_pilot import SIZE, TODAY, make_app, pilot_test, text_of, until

from casefiles.demo import demo_rows
from casestore import CaseFilter
from matrix import Matrix
from tui.screens.caseload import CaseloadScreen
from tui.screens.import_file import ImportScreen


def _write(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as file:
        writer = csv.DictWriter(file, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


async def _start_import(pilot, app, path: Path) -> ImportScreen:
    await pilot.press("i")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, ImportScreen)
    screen.query_one("#import-path", Input).value = str(path)
    await pilot.press("enter")
    return screen


@pilot_test
async def test_import_lists_bad_rows_and_keeps_the_good(tmp_path: Path, matrix: Matrix) -> None:
    rows = list(demo_rows(6, 3, matrix, today=TODAY))
    rows[1] = {**rows[1], "bydel": "Atlantis"}
    rows[3] = {**rows[3], "boevne": "9", "tilsynsbehov": ""}
    rows.append(dict(rows[0]))  # the same person and date again: a duplicate
    path = _write(tmp_path / "export.csv", rows)
    original = path.read_bytes()
    app = make_app(tmp_path / "case.sqlite", matrix)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _start_import(pilot, app, path)
        await until(pilot, lambda: not screen.running)
        report = screen.report
        assert report is not None and not report.cancelled
        assert (report.rows, report.saved, report.rejected_rows) == (7, 4, 3)
        table = screen.query_one(DataTable)
        listed = [(str(table.get_row_at(i)[0]), str(table.get_row_at(i)[2])) for i in range(table.row_count)]
        # the rows as Excel numbers them (header = row 1)
        assert ("3", "bydel") in listed and ("5", "boevne") in listed and ("5", "tilsynsbehov") in listed
        assert ("8", "person_id") in listed
        reasons = " ".join(str(table.get_row_at(i)[3]) for i in range(table.row_count))
        assert "Atlantis" in reasons and "mangler" in reasons
        assert "Kartlegginger lagret: 4" in text_of(screen.query_one("#import-summary"))
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, CaseloadScreen) and app.screen.total == 4
    assert path.read_bytes() == original  # the input file is never modified
    assert app.store.caseload_count(CaseFilter(search=rows[1]["person_id"])) == 0


@pilot_test
async def test_cancel_stops_the_import_and_a_second_run_completes_it(tmp_path: Path, matrix: Matrix) -> None:
    path = _write(tmp_path / "big.csv", list(demo_rows(4000, 5, matrix, today=TODAY)))
    app = make_app(tmp_path / "case.sqlite", matrix)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ImportScreen)
        screen.query_one("#import-path", Input).value = str(path)
        # Start and cancel in one go: a key press waits for the app to be idle, which it is
        # not while the import thread works, so the keys would arrive after the end.
        screen.start()
        assert screen.running
        screen.action_cancel_or_back()  # what Escape does while an import runs
        await until(pilot, lambda: not screen.running)
        first = screen.report
        assert first is not None and first.cancelled and first.saved < 4000
        assert any(b.action == "cancel_or_back" for b in screen._bindings.key_to_bindings["escape"])
        assert "avbrutt" in text_of(screen.query_one("#import-summary"))
        assert isinstance(app.screen, ImportScreen)  # escape while running cancels, it does not leave
        await pilot.press("enter")
        await until(pilot, lambda: not screen.running)
        second = screen.report
        assert second is not None and not second.cancelled
        assert (second.saved, second.skipped) == (4000 - first.saved, first.saved)
    assert app.store.person_count() == 4000
