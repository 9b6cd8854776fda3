"""The caseworker's list (issue 11, item 11), key by key on a real SQLite store: persons due for
reassessment filtered and sorted oldest first and said in words; the list as shown exported to
CSV and XLSX (dated name, never over an old file, full path shown, formulas neutralised, XLSX
typed with a frozen, filtered header); an incomplete assessment saved as a draft, marked in the
list and the history, never counted, and later completed into a real decision."""

from __future__ import annotations

import csv
from datetime import date, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from textual.widgets import DataTable, Input, Select
from tui_pilot import SIZE, TODAY, make_app, pilot_test, text_of, until

from casestore import CaseFilter, StoredDraft, open_store
from casestore.caseload_export import HEADER, write_caseload
from matrix import Matrix
from matrix.assessment import parse_assessment
from rules import Classifier
from tests.conftest import BASELINE
from tui.screens.assessment import AssessmentScreen
from tui.screens.caseload import CaseloadScreen
from tui.screens.history import HistoryScreen
from tui.screens.save_decision import SaveDecisionDialog
from tui.widgets.live_panel import LivePanel


def _column(table: DataTable, key: str) -> list[str]:
    return [str(cell) for cell in table.get_column(key)]


def _store_with(db: Path, matrix: Matrix, classifier: Classifier) -> None:
    """Four persons assessed 2 years, 13 months, 11 months and 1 day before TODAY; one hostile id."""
    with open_store(str(db)) as store:
        for person_id, days in (("=HYPERLINK(1)", 730), ("B-13", 396), ("C-11", 335), ("D-0", 1)):
            assessment = parse_assessment({**BASELINE, "person_id": person_id, "vurdert_dato": TODAY - timedelta(days=days)}, matrix)
            store.record(assessment, classifier.classify(assessment, today=TODAY))


@pilot_test
async def test_due_for_reassessment_filter_sort_and_export(tmp_path: Path, matrix: Matrix, classifier: Classifier,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("tui.export_paths.export_folder", lambda: tmp_path)
    db = tmp_path / "case.sqlite"
    _store_with(db, matrix, classifier)
    app = make_app(db, matrix)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CaseloadScreen)
        table = screen.query_one(DataTable)
        assert screen.total == 4
        screen.query_one("#filter-due", Select).focus()
        await pilot.press("enter", "down", "enter")  # only those due for reassessment
        await pilot.pause()
        assert sorted(_column(table, "c_person")) == ["=HYPERLINK(1)", "B-13"]
        assert _column(table, "c_status") == ["ny kartlegging"] * 2  # said in words, not by colour
        table.focus()
        await pilot.press("o")  # oldest first
        await pilot.pause()
        assert _column(table, "c_person") == ["=HYPERLINK(1)", "B-13"]
        assert "eldste kartlegging først" in text_of(screen.query_one("#caseload-status"))
        await pilot.press("ctrl+r")  # clear the filters, keep the order
        await pilot.pause()
        assert _column(table, "c_person") == ["=HYPERLINK(1)", "B-13", "C-11", "D-0"]
        await pilot.press("o")  # back to by person id
        await pilot.pause()
        assert _column(table, "c_person") == ["=HYPERLINK(1)", "B-13", "C-11", "D-0"]
        assert "sortert etter person" in text_of(screen.query_one("#caseload-status"))

        # export what the list shows now: the due persons
        screen.query_one("#filter-due", Select).focus()
        await pilot.press("enter", "down", "enter")
        await pilot.pause()
        table.focus()
        await pilot.press("e")
        await pilot.pause()
        field = app.screen.query_one("#ask-text", Input)
        assert field.value == str(tmp_path / f"saksliste-{TODAY.isoformat()}.xlsx")  # dated, in the documents folder
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        written = tmp_path / f"saksliste-{TODAY.isoformat()}.xlsx"
        assert screen.exported == written and written.exists()
        sheet = load_workbook(written).active
        rows = list(sheet.iter_rows(values_only=True))
        assert rows[0] == HEADER and len(rows) == 3
        assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == f"A1:I{len(rows)}"
        assert rows[1][0] == "'=HYPERLINK(1)" and isinstance(rows[1][2], int)  # neutralised; a number stays a number
        assert rows[1][6].date() == TODAY - timedelta(days=730)  # a date stays a date
        assert rows[1][7] == "forfalt"

        await pilot.press("e")  # the next suggestion never names the file just written
        await pilot.pause()
        assert app.screen.query_one("#ask-text", Input).value.endswith(f"saksliste-{TODAY.isoformat()}-2.xlsx")
        app.screen.query_one("#ask-text", Input).value = str(written)
        await pilot.press("enter")
        await pilot.pause()
        assert "finnes fra før" in text_of(app.screen.query_one("#ask-error"))  # never overwritten
        await pilot.press("escape")


def test_export_is_what_the_store_lets_the_user_see_and_csv_is_neutralised(tmp_path: Path, matrix: Matrix,
                                                                          classifier: Classifier) -> None:
    db = tmp_path / "case.sqlite"
    _store_with(db, matrix, classifier)
    target = tmp_path / "liste.csv"
    with open_store(str(db)) as store:
        store.save_draft("E-UTKAST", "Alna", {"bydel": "Alna", "rus": "3"})
        count = write_caseload(store, CaseFilter(with_drafts=True, oldest_first=True), target, classifier, TODAY, "en")
        assert count == 5
        with pytest.raises(Exception, match="already exists"):
            write_caseload(store, CaseFilter(), target, classifier, TODAY, "en")
    rows = list(csv.DictReader(target.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    assert [r["person_id"] for r in rows] == ["'=HYPERLINK(1)", "B-13", "C-11", "D-0", "E-UTKAST"]
    assert [r["ny_vurdering"] for r in rows] == ["due", "due", "", "", ""]
    assert rows[-1]["status"] == "draft only" and rows[-1]["utkast"] == "draft" and rows[-1]["gruppe"] == ""


def test_the_command_writes_the_same_list(tmp_path: Path, matrix: Matrix, classifier: Classifier,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    from cli.main import main

    db = tmp_path / "case.sqlite"
    today = date.today()
    with open_store(str(db)) as store:
        for person_id, days, bydel in (("A-2", 730, "Alna"), ("B-13", 396, "Alna"), ("C-11", 335, "Alna"), ("S-2", 800, "Stovner")):
            assessment = parse_assessment({**BASELINE, "person_id": person_id, "bydel": bydel,
                                           "vurdert_dato": today - timedelta(days=days)}, matrix)
            store.record(assessment, classifier.classify(assessment))
    out = tmp_path / "forfalt.csv"
    assert main(["saksliste", "--db", str(db), "-o", str(out), "--forfalt", "--eldste-forst", "--bydel", "alna"]) == 0
    assert str(out.resolve()) in capsys.readouterr().out  # the full path
    rows = list(csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    assert [(r["person_id"], r["ny_vurdering"]) for r in rows] == [("A-2", "forfalt"), ("B-13", "forfalt")]
    assert main(["saksliste", "--db", str(db), "-o", str(out)]) == 1  # never over an old file
    assert "finnes fra før" in capsys.readouterr().err
    assert main(["saksliste", "--db", str(db), "-o", str(tmp_path / "x.pdf")]) == 2
    assert main(["saksliste", "--db", str(db), "-o", str(tmp_path / "y.csv"), "--bydel", "Narnia", "--lang", "en"]) == 2
    assert "Narnia" in capsys.readouterr().err


async def _type(pilot, text: str) -> None:
    await pilot.press(*[c if c != " " else "space" for c in text])


@pilot_test
async def test_a_draft_is_saved_marked_never_counted_and_completed(tmp_path: Path, matrix: Matrix) -> None:
    db = tmp_path / "case.sqlite"
    app = make_app(db, matrix, demo=5)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        before = len(list(app.store.tally_records()))
        await pilot.press("n")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, AssessmentScreen)
        await _type(pilot, "UTKAST-1")
        await pilot.press("tab", "enter")
        await _type(pilot, "alna")
        await pilot.press("enter", "tab", "tab", "3", "tab", "4")  # boevne, rus; the rest not known yet
        await pilot.pause()
        assert screen.query_one(LivePanel).gruppe is None  # not enough information: no group
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert isinstance(app.screen, CaseloadScreen)
        assert len(list(app.store.tally_records())) == before  # a draft is never counted
        table = app.screen.query_one(DataTable)
        row = _column(table, "c_person").index("UTKAST-1")
        assert _column(table, "c_gruppe")[row] == "– (bare utkast)" and "utkast" in _column(table, "c_status")[row]

        table.move_cursor(row=row)
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        assert "Utkast lagret" in text_of(app.screen) and "venter på å bli fullført" in text_of(app.screen)
        await pilot.press("escape")
        await pilot.pause()

        table.move_cursor(row=row)
        await pilot.press("enter")  # opens the draft where it was left
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, AssessmentScreen) and screen.draft is not None
        assert "Utkast lagret" in text_of(screen.query_one("#assessment-state"))
        form_values = screen.query_one("#form").raw()
        assert form_values["rus"] == "4" and form_values["boevne"] == "3" and form_values["bydel"] == "Alna"
        screen.query_one("#f-psykisk_helse").focus()
        await pilot.press("2", "tab", "1", "tab", "1", "tab", "1", "tab")  # psykisk_helse … sosial_fungering
        await pilot.press("2", "tab", "n", "tab", "n", "tab", "n", "tab", "2", "tab", "tab", "enter")
        await _type(pilot, "ordin")
        await pilot.press("enter")
        await until(pilot, lambda: screen.query_one(LivePanel).gruppe is not None)
        assert screen.query_one(LivePanel).gruppe == 2
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SaveDecisionDialog)
        await pilot.press("ctrl+s")  # accept the suggestion
        await until(pilot, lambda: isinstance(app.screen, CaseloadScreen))
        assert app.store.open_draft("UTKAST-1") is None
        assert len(list(app.store.tally_records())) == before + 1  # completed: now it counts
        table = app.screen.query_one(DataTable)
        row = _column(table, "c_person").index("UTKAST-1")
        assert _column(table, "c_gruppe")[row] == "2 (besluttet)" and "utkast" not in _column(table, "c_status")[row]
        drafts = app.store.drafts("UTKAST-1")
        assert [d.open for d in drafts] == [True, False] and drafts[-1].completed_by == app.store.latest_assessment("UTKAST-1").id
        assert app.store.verify()[0] is None


@pilot_test
async def test_a_drafts_recorded_name_is_shown_as_written(tmp_path: Path, matrix: Matrix) -> None:
    """Who saved a draft is shown literally in the state line (a plain Text: no markup, no escapes)."""
    app = make_app(tmp_path / "case.sqlite", matrix)
    draft = StoredDraft(1, "P-1", "Alna", "2025-05-30T10:00:00+00:00", "[b]ola\x1b[2J", {"bydel": "Alna"})
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.push_screen(AssessmentScreen(None, draft))
        await pilot.pause()
        state = text_of(app.screen.query_one("#assessment-state"))
        assert "[b]ola" in state and "\\[" not in state and "\x1b" not in state
