"""The caseload screen on a real store: filters, search, lazy loading, the reassessment flag."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable
from tui_pilot import SIZE, TODAY, make_app, pilot_test, text_of

from casestore import CaseFilter
from matrix import Matrix
from tui.screens.caseload import PAGE, CaseloadScreen


def _column(table: DataTable, key: str) -> list[str]:
    return [str(cell) for cell in table.get_column(key)]


@pilot_test
async def test_filter_by_district_and_group_and_search(tmp_path: Path, matrix: Matrix) -> None:
    app = make_app(tmp_path / "case.sqlite", matrix, demo=300)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CaseloadScreen)
        table = screen.query_one(DataTable)
        assert table.row_count == PAGE and screen.total == 300
        screen.query_one("#filter-bydel").focus()
        await pilot.press("enter", "a", "l", "n", "a", "enter")
        await pilot.pause()
        expected = app.store.caseload_count(CaseFilter(bydel="Alna"))
        assert 0 < expected < 300
        assert screen.total == expected and set(_column(table, "c_bydel")) == {"Alna"}
        assert f"av {expected} personer" in text_of(screen.query_one("#caseload-status"))
        screen.query_one("#filter-gruppe").focus()
        await pilot.press("enter", "down", "down", "enter")  # Gruppe 2
        await pilot.pause()
        both = app.store.caseload(CaseFilter(bydel="Alna", gruppe=2), limit=1000)
        assert [row.person_id for row in both] == _column(table, "c_person")
        assert all(cell.startswith("2 ") for cell in _column(table, "c_gruppe"))
        await pilot.press("ctrl+r")  # clear the filters
        await pilot.pause()
        assert screen.total == 300
        await pilot.press("slash")
        await pilot.press("0", "0", "0", "1", "5")
        await pilot.pause(0.5)  # the search runs after a short pause in typing
        assert _column(table, "c_person") == [row.person_id for row in app.store.caseload(CaseFilter(search="00015"))]
        assert all("00015" in person for person in _column(table, "c_person")) and table.row_count >= 1


@pilot_test
async def test_rows_load_as_the_cursor_nears_the_end(tmp_path: Path, matrix: Matrix) -> None:
    app = make_app(tmp_path / "case.sqlite", matrix, demo=250)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        assert table.row_count == PAGE
        await pilot.press("ctrl+end")
        await pilot.pause()
        assert table.row_count == 2 * PAGE
        await pilot.press("ctrl+end")
        await pilot.pause()
        assert table.row_count == 250
        assert "Viser 1–250 av 250 personer" in text_of(app.screen.query_one("#caseload-status"))


@pilot_test
async def test_old_assessments_are_flagged_in_words(tmp_path: Path, matrix: Matrix) -> None:
    app = make_app(tmp_path / "case.sqlite", matrix, demo=200)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CaseloadScreen)
        table = screen.query_one(DataTable)
        flags = _column(table, "c_status")
        for row, flag in zip(screen.rows, flags, strict=True):
            old = (TODAY - row.vurdert_dato).days > 365
            assert flag == ("ny kartlegging" if old else ""), (row.vurdert_dato, flag)
        assert "ny kartlegging" in flags and "" in flags
