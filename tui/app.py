"""The caseworker's and planner's terminal UI: a thin face over the store and the rules.

The app holds what every screen shares (store, matrix, classifier, language, today's date,
who is logged in); screens are pushed on top of the caseload and pop back to it. Who saves is
the store's identity (the database login, or the unverified OS user), shown in the header;
nothing typed in the TUI or set in the environment changes it.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import ClassVar

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Input

from casestore import CaseRow, Store
from casestore.caseload_export import reassessment_codes
from casestore.identity_text import identity_line
from matrix.load import Matrix
from matrix.messages import Lang
from rules import Classifier
from tui.collector import CHECK_SECONDS, IdleCollector
from tui.screens.caseload import CaseloadScreen
from tui.text import localize_bindings, tr

LIGHT_THEME, DARK_THEME = "textual-light", "textual-dark"


def terminal_theme() -> str:
    """Light or dark to match the terminal: RUSMATRISE_THEME, else COLORFGBG's background."""
    chosen = os.environ.get("RUSMATRISE_THEME", "").strip()
    if chosen:
        return chosen
    background = os.environ.get("COLORFGBG", "").rsplit(";", 1)[-1]
    return LIGHT_THEME if background in ("7", "15") else DARK_THEME


class RusmatriseApp(App[None]):
    TITLE = "rusmatrise"
    CSS_PATH: ClassVar[list[str | Path]] = ["app.tcss", "assessment.tcss", "dialogs.tcss", "reports.tcss"]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "request_quit", "b_quit"),
        Binding("ctrl+q", "request_quit", "b_quit", show=False, priority=True),
        Binding("f1", "help", "b_help"),
        Binding("m", "matrix", "b_matrix"),
        Binding("k", "chain", "b_chain"),
        Binding("t", "tallies", "b_tallies"),
        Binding("i", "import_file", "b_import"),
    ]

    def __init__(
        self,
        store: Store,
        matrix: Matrix,
        lang: Lang = "nb",
        today: date | None = None,
        theme: str | None = None,
        cursor_blink: bool = True,
    ) -> None:
        self.lang: Lang = lang
        super().__init__()
        localize_bindings(self, lang)
        self.store = store
        self.matrix = matrix
        self.classifier = Classifier(matrix)
        self.today = today or date.today()
        self.identity = store.identity()
        self.sub_title = identity_line(self.identity, lang)  # who saves: the login, or the OS user marked unverified
        self._start_theme = theme or terminal_theme()
        self.cursor_blink = cursor_blink  # off for screenshots and snapshot tests
        self.collector = IdleCollector()  # full garbage collections in the user's pauses, not in a keystroke

    def on_mount(self) -> None:
        self.theme = self._start_theme
        self.collector.start()
        self.set_interval(CHECK_SECONDS, self.collector.collect_when_idle)
        if self.identity.role == "planlegger":  # aggregates only: no caseload to read, the tallies and report are the home
            from tui.screens.tallies import TalliesScreen

            self.push_screen(TalliesScreen())
        else:
            self.push_screen(CaseloadScreen())

    def on_unmount(self) -> None:
        self.collector.stop()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.InputEvent):
            self.collector.input_seen()
        await super().on_event(event)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if not self.cursor_blink and isinstance(event.widget, Input):
            event.widget.cursor_blink = False
        if not getattr(event.widget, "_localized", False):  # Textual's own widgets (a Select's menu): their keys in our language
            event.widget._localized = True  # type: ignore[attr-defined]
            if localize_bindings(event.widget, self.lang):
                self.refresh_bindings()

    # -- shared helpers --------------------------------------------------------------------
    def reassessment_flags(self, row: CaseRow) -> list[str]:
        """The matrix's notes that ask for a new assessment (e.g. N-gammel), for a caseload row."""
        return reassessment_codes(self.classifier, row, self.today)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Our commands in the app's language. Of Textual's own: Quit asks first (as q does), the
        theme is a light/dark switch; Keys, Maximize and Screenshot are left out (Keys shows
        Textual's English help, a screenshot would write personal data to a file)."""
        yield SystemCommand(tr("b_quit"), tr("b_quit_help"), self.action_request_quit)
        yield SystemCommand(tr("b_theme"), tr("b_theme_help"), self.action_toggle_theme)
        for action, key in (
            (self.action_matrix, "b_matrix"),
            (self.action_chain, "b_chain"),
            (self.action_tallies, "b_tallies"),
            (self.action_import_file, "b_import"),
            (self.action_help, "b_help"),
        ):
            yield SystemCommand(tr(key), tr(key), action)
        if isinstance(screen, CaseloadScreen):
            yield SystemCommand(tr("b_new"), tr("b_new"), screen.action_new)
            yield SystemCommand(tr("b_clear"), tr("b_clear"), screen.action_clear_filters)

    def action_toggle_theme(self) -> None:
        self.theme = LIGHT_THEME if self.theme == DARK_THEME else DARK_THEME

    def action_command_palette(self) -> None:
        """Textual's palette with its placeholder and keys in the app's language."""
        from textual.command import CommandPalette

        if self.use_command_palette and not CommandPalette.is_open(self):
            palette = CommandPalette(placeholder=tr("palette_search"), id="--command-palette")
            localize_bindings(palette, self.lang)
            self.push_screen(palette)

    # -- navigation ------------------------------------------------------------------------
    def open_assessment(self, person_id: str | None) -> None:
        from tui.screens.assessment import AssessmentScreen

        base = self.store.latest_assessment(person_id) if person_id else None
        draft = self.store.open_draft(person_id) if person_id else None  # an open draft is what the caseworker left off
        self.push_screen(AssessmentScreen(base, draft))

    def print_document(self, person_id: str) -> Path | None:
        """The person's case document as HTML in the documents folder (dated, never over an old file)."""
        from casedoc import case_document_html
        from cli.utskrift_cmd import write_document
        from tui.export_paths import suggested_path

        history = self.store.history(person_id)
        if not history:
            return None
        target = suggested_path(tr("u_filnavn"), ".html", self.today)
        try:
            write_document(case_document_html(history, self.classifier, self.lang, self.today, self.identity), target)
        except OSError as error:
            self.notify(tr("utskrift_skriv", fil=str(target), grunn=error.strerror or error), severity="error", timeout=10)
            return None
        self.notify(tr("utskrift_skrevet", fil=str(target)), timeout=10)
        return target

    def open_history(self, person_id: str) -> None:
        from tui.screens.history import HistoryScreen

        self.push_screen(HistoryScreen(person_id))

    def _push_once(self, screen_type: type[Screen], make: object) -> None:
        """Open a reference screen unless it is already on top."""
        if isinstance(self.screen, screen_type):
            return
        self.push_screen(make())  # type: ignore[operator]

    def action_matrix(self) -> None:
        from tui.screens.matrix_card import MatrixScreen

        self._push_once(MatrixScreen, MatrixScreen)

    def action_chain(self) -> None:
        from tui.screens.chain import ChainScreen

        self._push_once(ChainScreen, ChainScreen)

    def action_tallies(self) -> None:
        from tui.screens.tallies import TalliesScreen

        self._push_once(TalliesScreen, TalliesScreen)

    def action_import_file(self) -> None:
        from tui.screens.import_file import ImportScreen

        self._push_once(ImportScreen, ImportScreen)

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(getattr(self.screen, "HELP_KEY", "help_caseload")))

    # -- leaving ---------------------------------------------------------------------------
    def unsaved_screens(self) -> list[Screen]:
        return [s for s in self.screen_stack if getattr(s, "dirty", False)]

    def action_request_quit(self) -> None:
        if not self.unsaved_screens():
            self.exit()
            return
        from tui.screens.confirm import ConfirmDialog

        def answered(leave: bool | None) -> None:
            if leave:
                self.exit()

        self.push_screen(ConfirmDialog(tr("q_unsaved"), tr("q_quit"), tr("q_stay")), answered)
