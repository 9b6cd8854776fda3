"""A caseworker's day in the TUI (issue 11, items 1, 2, 4, 5, 6, 7): what was decided is what is
shown, nothing is lost on the way out, and Textual's own strings speak Norwegian."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from textual.command import CommandPalette
from textual.widgets import DataTable, DirectoryTree, Input, Select
from tui_pilot import SIZE, TODAY, make_app, pilot_test, screen_text, text_of, until

from casefiles.demo import demo_rows
from casestore.sqlite import os_user
from matrix import Matrix
from matrix.assessment import parse_assessment
from tui.screens.assessment import AssessmentScreen
from tui.screens.caseload import CaseloadScreen
from tui.screens.confirm import ConfirmDialog
from tui.screens.export_tally import ExportTallyDialog
from tui.screens.import_file import ImportScreen
from tui.screens.tallies import TalliesScreen
from tui.widgets.live_panel import LivePanel

PERSON = {
    "person_id": "P-500", "bydel": "Alna", "vurdert_dato": TODAY.isoformat(), "boevne": 2, "rus": 1, "psykisk_helse": 2,
    "somatisk_helse": 1, "atferd": 1, "sosial_fungering": 1, "tilsynsbehov": "daglig", "behandlingsbehov": "nei",
    "vold_trusler": "nei", "brannrisiko": "nei", "varighet": "langvarig", "boligsituasjon": "bostedslos",
}  # fmt: skip


def _record_override(app, matrix: Matrix) -> None:
    """Person P-500: suggested group 3, decided group 5 by the OS user (SQLite) with a reason."""
    from casestore import decide

    assessment = parse_assessment(PERSON, matrix)
    result = app.classifier.classify(assessment, today=TODAY)
    assert result.gruppe == 3
    decision = decide(matrix, assessment, result, 5, "Nylig utskrevet, trenger base")
    app.store.record(assessment, result, decision)


@pilot_test
async def test_reopening_shows_the_decided_group_who_decided_and_why(tmp_path: Path, matrix: Matrix) -> None:
    app = make_app(tmp_path / "case.sqlite", matrix)
    _record_override(app, matrix)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, AssessmentScreen) and not screen.dirty
        text = screen.query_one(LivePanel).plain()
        assert text.startswith("Besluttet gruppe Gruppe 5:")
        assert f"Besluttet av {os_user()} (OS-bruker, ikke verifisert)" in text  # who decided: the OS user, marked
        assert "Begrunnelse: Nylig utskrevet, trenger base" in text
        assert "Avviker fra forslaget: gruppe 3" in text
        assert "Bosetter: Bydel Alna" in text and "samlokalisert bolig med personalbase" in text  # group 5's housing
        screen.query_one("#f-tilsynsbehov").focus()
        await pilot.press("4")  # new answers: a new suggestion, the old decision no longer applies
        await pilot.pause()
        assert screen.query_one(LivePanel).plain().startswith("Forslag Gruppe 4:")


@pilot_test
async def test_quit_from_the_palette_asks_first_and_the_palette_is_norwegian(tmp_path: Path, matrix: Matrix) -> None:
    app = make_app(tmp_path / "case.sqlite", matrix)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("P", "-", "1")
        assert app.screen.dirty
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Avslutt" in titles and "Lyst eller mørkt tema" in titles
        assert not {"Quit", "Keys", "Theme", "Screenshot", "Maximize"} & set(titles)
        await pilot.press("ctrl+p")
        await pilot.pause()
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        assert palette.query_one(Input).placeholder == "Søk etter kommandoer …"
        await pilot.press(*"Avslutt")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, ConfirmDialog)  # not gone with the changes
        assert "ulagrede endringer" in screen_text(app)


@pilot_test
async def test_footer_keys_of_textuals_widgets_are_norwegian(tmp_path: Path, matrix: Matrix) -> None:
    app = make_app(tmp_path / "case.sqlite", matrix, demo=5)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: "Kommandoer" in screen_text(app) or "palette" in screen_text(app))  # the footer's first frame
        shown = screen_text(app)
        assert "Kommandoer" in shown and "palette" not in shown
        app.screen.query_one("#filter-bydel", Select).focus()
        await pilot.press("enter")  # open the district list
        await until(pilot, lambda: "Lukk listen" in screen_text(app) or "Dismiss" in screen_text(app))  # the footer follows a frame later
        shown = screen_text(app)
        assert "Lukk listen" in shown and "Dismiss" not in shown


@pilot_test
async def test_the_caseload_says_where_the_store_is(tmp_path: Path, matrix: Matrix) -> None:
    db = tmp_path / "case.sqlite"
    app = make_app(db, matrix)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, CaseloadScreen)
        assert f"Saksregister: {db}" in text_of(app.screen.query_one("#caseload-status"))


@pytest.fixture
def documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "Dokumenter"
    folder.mkdir()
    monkeypatch.setattr("tui.export_paths.platformdirs.user_documents_dir", lambda: str(folder))
    return folder


@pilot_test
async def test_tally_export_is_dated_in_documents_never_overwrites_and_names_the_full_path(tmp_path: Path, matrix: Matrix,
                                                                                           documents: Path) -> None:
    app = make_app(tmp_path / "case.sqlite", matrix, demo=20)
    old = documents / f"opptelling-{TODAY.isoformat()}.xlsx"
    old.write_bytes(b"an earlier export")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TalliesScreen)
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportTallyDialog)
        field = dialog.query_one("#export-path", Input)
        assert field.value == str(documents / f"opptelling-{TODAY.isoformat()}-2.xlsx")  # beside, not over, the old one
        field.value = old.name  # typed by hand: relative to the documents folder, and it exists
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ExportTallyDialog) and "finnes fra før" in text_of(dialog.query_one("#export-error"))
        field.value = "behov.xlsx"
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.exported == documents / "behov.xlsx" and screen.exported.is_file()
    assert old.read_bytes() == b"an earlier export"
    shown = [n.message for n in app._notifications]
    assert any(str(documents / "behov.xlsx") in str(message) for message in shown)


@pilot_test
async def test_import_picks_the_file_from_a_list_and_gives_the_rows_excel_shows(tmp_path: Path, matrix: Matrix) -> None:
    rows = list(demo_rows(3, 3, matrix, today=TODAY))
    rows[1] = {**rows[1], "bydel": "Atlantis"}  # data row 2 = row 3 in Excel, under the header
    path = tmp_path / "eksport.csv"
    with path.open("w", newline="", encoding="utf-8") as file:
        writer = csv.DictWriter(file, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    (tmp_path / "notater.txt").write_text("not importable")
    app = make_app(tmp_path / "case.sqlite", matrix)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = ImportScreen(tmp_path)
        app.push_screen(screen)
        await pilot.pause()
        tree = screen.query_one("#import-picker", DirectoryTree)
        await pilot.pause(0.3)
        names = [str(node.label) for node in tree.root.children]
        assert "eksport.csv" in names and "notater.txt" not in names
        tree.focus()
        node = next(n for n in tree.root.children if str(n.label) == "eksport.csv")
        tree.move_cursor(node)
        await pilot.press("enter")
        await pilot.pause()
        assert screen.query_one("#import-path", Input).value == str(path)
        await pilot.press("enter")
        await until(pilot, lambda: screen.report is not None)  # the directory tree's loader never ends
        table = screen.query_one(DataTable)
        assert next(str(c.label) for c in table.columns.values()) == "Rad i filen"
        listed = [(str(table.get_row_at(i)[0]), str(table.get_row_at(i)[2])) for i in range(table.row_count)]
        assert listed == [("3", "bydel")]


@pilot_test
async def test_u_writes_the_case_document_and_says_where(tmp_path: Path, matrix: Matrix, documents: Path) -> None:
    app = make_app(tmp_path / "case.sqlite", matrix)
    _record_override(app, matrix)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("u")
        await pilot.pause()
    written = documents / f"utskrift-{TODAY.isoformat()}.html"
    html = written.read_text(encoding="utf-8")
    assert "Gruppe 5:" in html and "Begrunnelse: Nylig utskrevet, trenger base" in html
    assert any(str(written) in str(n.message) for n in app._notifications)


@pilot_test
async def test_search_is_bounded_and_runs_once_after_typing_stops(tmp_path: Path, matrix: Matrix) -> None:
    from textual import events

    from tui.screens.caseload import SEARCH_MAX

    app = make_app(tmp_path / "case.sqlite", matrix, demo=30)
    queries: list[str] = []
    real_caseload = app.store.caseload

    def counted(where, *args, **kwargs):  # the real store, with its queries counted
        queries.append(where.search)
        return real_caseload(where, *args, **kwargs)

    app.store.caseload = counted  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CaseloadScreen)
        queries.clear()
        await pilot.press("slash", *"D00000")
        await pilot.pause(0.6)
        assert queries == ["D00000"]  # six keys, one query
        search = screen.query_one("#search", Input)
        search.value = ""
        await pilot.pause(0.6)
        queries.clear()
        search.post_message(events.Paste("x" * 60_000))  # a long paste: cut, and still one query
        await pilot.pause(0.6)
        assert len(search.value) <= SEARCH_MAX and len(queries) <= 1  # refused or cut, never 60,000 characters to the store
        assert app.is_running
        search.value = "y" * (SEARCH_MAX + 10)
        await pilot.pause(0.6)
        assert all(len(q) <= SEARCH_MAX for q in queries)
