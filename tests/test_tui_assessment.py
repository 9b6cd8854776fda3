"""The assessment screen driven key by key on a real SQLite file, with the real rules engine."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from textual.widgets import Input, Select
from tui_pilot import SIZE, make_app, pilot_test, screen_text, text_of

from casestore.sqlite import os_user
from matrix import Matrix
from tui.screens.assessment import AssessmentScreen
from tui.screens.caseload import CaseloadScreen
from tui.screens.confirm import ConfirmDialog
from tui.screens.history import HistoryScreen
from tui.screens.save_decision import SaveDecisionDialog
from tui.widgets.choice import ChoiceSet
from tui.widgets.live_panel import LivePanel


async def _type(pilot, text: str) -> None:
    await pilot.press(*[c if c != " " else "space" for c in text])


async def _fill_new_person(pilot, app, person_id: str = "P-100") -> AssessmentScreen:
    """Fill the required fields with Tab and keys only; supervision left for the caller."""
    await pilot.press("n")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, AssessmentScreen)
    assert app.focused is screen.query_one("#f-person_id")
    await _type(pilot, person_id)
    await pilot.press("tab", "enter")  # the district list opens
    await _type(pilot, "alna")
    await pilot.press("enter", "tab", "tab")  # past the assessment date, prefilled with today
    for score in "212111":  # boevne, rus, psykisk_helse, somatisk_helse, atferd, sosial_fungering
        await pilot.press(score, "tab")
    return screen


@pilot_test
async def test_live_panel_follows_supervision_need_and_names_missing_fields(tmp_path: Path, matrix: Matrix) -> None:
    app = make_app(tmp_path / "case.sqlite", matrix)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _fill_new_person(pilot, app)
        panel = screen.query_one(LivePanel)
        assert panel.gruppe is None
        assert "Mangler: Tilsynsbehov, Behandlingsbehov, Vold/trusler, Brannrisiko, Varighet, Boligsituasjon" in panel.plain()
        assert isinstance(app.focused, ChoiceSet) and app.focused.id == "f-tilsynsbehov"
        await pilot.press("1", "tab", "n", "tab", "n", "tab", "n", "tab", "2", "tab", "tab", "enter")
        await _type(pilot, "bostedsl")
        await pilot.press("enter")
        await pilot.pause()
        assert screen.query_one("#f-boligsituasjon", Select).value == "bostedslos"
        assert panel.gruppe == 1
        seen = []
        supervision = screen.query_one("#f-tilsynsbehov", ChoiceSet)
        supervision.focus()
        for key in "12345":
            await pilot.press(key)
            await pilot.pause()
            seen.append((supervision.value, panel.gruppe))
        assert seen == [("ingen", 1), ("ukentlig", 2), ("daglig", 3), ("dagtid", 4), ("heldogn", 5)]
        text = panel.plain()
        assert "G5-heldogn" in text and "tilsynsbehov: heldøgnsbemanning" in text
        assert "(verdi: heldogn)" not in text and "heldogn" not in text.replace("G5-heldogn", "")
        assert "Velferdsetaten" in text and "Bydel/NAV" in text  # services grouped by provider
        # each tier with its description, not a bare code (issue 11, item 8)
        assert "T0: Generelle behov" in text and "T4: Alvorlige langvarige problemer / behov for forsterket langvarig bistand" in text
        assert "udekket" in text  # homeless: coverage said in words
        await pilot.press("shift+tab", "shift+tab")  # back to atferd
        assert app.focused is screen.query_one("#f-atferd")
        await pilot.press("5")
        await pilot.pause()
        assert panel.gruppe == 6
        assert "G6-risiko" in panel.plain()


@pilot_test
async def test_invalid_value_is_named_under_the_field(tmp_path: Path, matrix: Matrix) -> None:
    app = make_app(tmp_path / "case.sqlite", matrix)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        screen = app.screen
        screen.query_one("#f-vurdert_dato", Input).focus()
        await pilot.press("ctrl+a", "backspace")
        await _type(pilot, "31.02.2024")
        await pilot.pause()
        error = screen.query_one("#e-vurdert_dato")
        assert "31.02.2024" in text_of(error)
        assert error.display


@pilot_test
async def test_save_with_override_records_reason_decision_and_audit(tmp_path: Path, matrix: Matrix,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("RUSMATRISE_SAKSBEHANDLER", "LOGNAME", "USER"):  # names anyone can set: none of them is who is recorded
        monkeypatch.setenv(name, "mallory")
    db = tmp_path / "case.sqlite"
    app = make_app(db, matrix)
    assert app.sub_title == f"Lokal bruker: {os_user()} (OS-bruker, ikke verifisert)"
    async with app.run_test(size=SIZE) as pilot:
        screen = await _fill_new_person(pilot, app, "P-200")
        await pilot.press("3", "tab", "n", "tab", "n", "tab", "n", "tab", "2", "tab", "tab", "enter")
        await _type(pilot, "bostedsl")
        await pilot.press("enter")
        await pilot.pause()
        assert screen.query_one(LivePanel).gruppe == 3
        assert screen.dirty
        await pilot.press("ctrl+s")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, SaveDecisionDialog)
        assert text_of(dialog.query_one("#d-caseworker")) == f"{os_user()} (OS-bruker, ikke verifisert)"  # shown, not asked
        assert not dialog.query("#d-caseworker Input") and not isinstance(dialog.query_one("#d-caseworker"), Input)
        await pilot.press("5")  # override the suggested group 3 with group 5
        await pilot.pause()
        assert app.focused is dialog.query_one("#d-reason")
        await pilot.press("enter")  # no reason yet: refused, in words
        await pilot.pause()
        assert isinstance(app.screen, SaveDecisionDialog)
        assert "begrunnelse" in text_of(dialog.query_one("#d-error")).lower()
        await _type(pilot, "Nylig utskrevet, trenger base")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CaseloadScreen)
        assert "P-200" in screen_text(app)
    conn = sqlite3.connect(db)
    row = conn.execute("SELECT suggested_gruppe, final_gruppe, reason, caseworker FROM decisions").fetchone()
    assert row == (3, 5, "Nylig utskrevet, trenger base", os_user())  # the OS user, not the environment's names
    details = [r[0] for r in conn.execute("SELECT details FROM audit_log WHERE table_name = 'decisions'")]
    assert len(details) == 1 and "Nylig utskrevet, trenger base" in details[0]


@pilot_test
async def test_reopen_shows_latest_and_history_keeps_both(tmp_path: Path, matrix: Matrix) -> None:
    db = tmp_path / "case.sqlite"
    app = make_app(db, matrix)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _fill_new_person(pilot, app, "P-300")
        await pilot.press("2", "tab", "n", "tab", "n", "tab", "n", "tab", "2", "tab", "tab", "enter")
        await _type(pilot, "ordin")
        await pilot.press("enter", "ctrl+s")
        await pilot.pause()
        await pilot.press("ctrl+s")  # accept the suggestion (group 2)
        await pilot.pause()
        assert isinstance(app.screen, CaseloadScreen)
        await pilot.press("enter")  # open the latest assessment of the highlighted person
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, AssessmentScreen) and screen.base is not None
        assert screen.query_one("#f-tilsynsbehov", ChoiceSet).value == "ukentlig"
        assert not screen.dirty
        screen.query_one("#f-tilsynsbehov", ChoiceSet).focus()
        await pilot.press("4")  # staff present in the daytime now
        await pilot.pause()
        assert screen.query_one(LivePanel).gruppe == 4 and screen.dirty
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        text = text_of(app.screen)
        assert text.count("Kartlegging 01.06.2025") == 2
        assert "gruppe 2 → 4" in text and "Tilsynsbehov: ukentlig → dagtid" in text
        assert "forslaget godtatt" in text
    assert [
        r[0]
        for r in sqlite3.connect(db).execute(
            "SELECT tilsynsbehov FROM (SELECT json_extract(data, '$.tilsynsbehov') AS tilsynsbehov, id FROM assessments) ORDER BY id"
        )
    ] == ["ukentlig", "dagtid"]


@pilot_test
async def test_quit_and_back_with_unsaved_changes_ask_first(tmp_path: Path, matrix: Matrix) -> None:
    app = make_app(tmp_path / "case.sqlite", matrix)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        await _type(pilot, "P-1")
        await pilot.press("tab", "escape")  # escape from the (closed) district list: leave the screen
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")  # keep editing
        await pilot.pause()
        assert isinstance(app.screen, AssessmentScreen)
        app.screen.query_one("#f-boevne").focus()
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "ulagrede endringer" in screen_text(app)
        await pilot.click("#yes")
        await pilot.pause()
    assert app.return_code == 0 and not app.is_running


@pilot_test
async def test_a_click_chooses_the_option_under_the_pointer(tmp_path: Path, matrix: Matrix) -> None:
    app = make_app(tmp_path / "case.sqlite", matrix)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        choice = app.screen.query_one("#f-rus", ChoiceSet)
        choice.scroll_visible(animate=False)
        await pilot.pause()
        heights = [len(lines) for lines in choice._lines(choice.content_size.width)]  # long options wrap
        await pilot.click("#f-rus", offset=(10, heights[0] + heights[1]))  # the first line of option 3
        await pilot.pause()
        assert choice.value == "3"
        assert "(•) 3" in screen_text(app)


@pilot_test
async def test_declining_the_quality_of_life_question_is_offered_and_kept(tmp_path: Path, matrix: Matrix) -> None:
    db = tmp_path / "case.sqlite"
    app = make_app(db, matrix)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _fill_new_person(pilot, app, "P-400")
        await pilot.press("2", "tab", "n", "tab", "n", "tab", "n", "tab", "2", "tab", "tab", "enter")
        await _type(pilot, "ordin")
        await pilot.press("enter")
        quality = screen.query_one("#f-livskvalitet", Select)
        labels = {value: str(label) for label, value in quality._options if value is not Select.BLANK}
        assert labels["1"] == "1 Veldig misfornøyd" and labels["7"] == "7 Veldig fornøyd"
        assert labels["vil_ikke_svare"] == "Ønsker ikke å svare"
        quality.value = "vil_ikke_svare"
        await pilot.pause()
        assert screen.query_one(LivePanel).gruppe == 2 and "Mangler" not in screen.query_one(LivePanel).plain()
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("ctrl+s")  # accept the suggestion
        await pilot.pause()
        assert isinstance(app.screen, CaseloadScreen)
    stored = sqlite3.connect(db).execute("SELECT json_extract(data, '$.livskvalitet') FROM assessments").fetchall()
    assert stored == [("vil_ikke_svare",)]
