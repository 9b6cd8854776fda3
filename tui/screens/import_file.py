"""Import an export file into the store: a progress bar, a cancel key, the rejects listed.

The import runs in a thread worker that never touches widgets; it posts progress and the
final report as messages, and the handlers update the screen.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import DataTable, DirectoryTree, Footer, Header, Input, ProgressBar, Static

from casestore import ImportReport
from casestore.importer import import_file
from matrix.errors import failure_message
from matrix.messages import t
from tui.display import as_text
from tui.export_paths import chosen_path, export_folder
from tui.screens.base import AppScreen
from tui.text import localize_bindings, tr

SHOWN_REJECTS = 5_000  # a table this long is still quick; the count says if there are more
SUFFIXES = (".csv", ".xlsx", ".jsonl")
WITH_HEADER = (".csv", ".xlsx")  # the header is row 1 of what a spreadsheet shows


class ImportFilePicker(DirectoryTree):
    """Folders and the files that can be imported; choosing one fills in the path."""

    def filter_paths(self, paths: Iterable[Path]) -> Iterable[Path]:
        return [p for p in paths if not p.name.startswith(".") and (p.is_dir() or p.suffix.lower() in SUFFIXES)]


class ImportScreen(AppScreen):
    HELP_KEY = "help_import"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel_or_back", "b_cancel_back")]

    class Progressed(Message):
        def __init__(self, done: int, total: int) -> None:
            super().__init__()
            self.done, self.total = done, total

    class Finished(Message):
        def __init__(self, report: ImportReport | None, problem: str = "") -> None:
            super().__init__()
            self.report, self.problem = report, problem

    def __init__(self, folder: Path | None = None) -> None:
        super().__init__()
        localize_bindings(self, self.rapp.lang)
        self.folder = folder or export_folder()
        self.shown_rows_offset = 0
        self._cancel = threading.Event()
        self.running = False
        self.report: ImportReport | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="import-form"):
            yield Static(tr("i_path"), classes="field-label")
            yield Input(placeholder=tr("i_placeholder"), id="import-path")
            yield ImportFilePicker(self.folder, id="import-picker")
            yield ProgressBar(id="import-progress", show_eta=False)
            yield Static("", id="import-summary")
        yield DataTable(id="import-rejects", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.title = tr("s_import")
        table = self.query_one(DataTable)
        for key in ("i_rad_fil", "c_person", "i_felt", "i_feil"):
            table.add_column(tr(key), key=key)
        self.query_one("#import-path", Input).focus()

    @on(DirectoryTree.FileSelected, "#import-picker")
    def _picked(self, event: DirectoryTree.FileSelected) -> None:
        field = self.query_one("#import-path", Input)
        field.value = str(event.path)
        field.focus()  # Enter starts the import

    @on(Input.Submitted, "#import-path")
    def start(self) -> None:
        if self.running:
            return
        path = chosen_path(self.query_one("#import-path", Input).value)
        summary = self.query_one("#import-summary", Static)
        if not path.is_file():
            summary.update(as_text(tr("i_no_file", fil=str(path))))
            return
        self.running = True
        self._cancel.clear()
        self.query_one(DataTable).clear()
        self.shown_rows_offset = 1 if path.suffix.lower() in WITH_HEADER else 0
        self.query_one(ProgressBar).update(total=None, progress=0)
        summary.update(Text(tr("i_running")))
        self._import(path)

    @work(thread=True, exclusive=True, exit_on_error=False)
    def _import(self, path: Path) -> None:
        app = self.rapp
        try:
            report = import_file(
                app.store,
                path,
                app.matrix,
                progress=lambda done, total: self.post_message(self.Progressed(done, total)),
                cancelled=self._cancel.is_set,
                lang=app.lang,
            )
        except Exception as error:  # every failure becomes a message on the screen, never a dead worker
            self.post_message(self.Finished(None, failure_message(error, app.lang, "import")))
            return
        self.post_message(self.Finished(report))

    @on(Progressed)
    def _progressed(self, message: Progressed) -> None:
        self.query_one(ProgressBar).update(total=message.total, progress=message.done)

    @on(Finished)
    def _finished(self, message: Finished) -> None:
        self.running = False
        summary = self.query_one("#import-summary", Static)
        report = message.report
        self.report = report
        if report is None:
            summary.update(as_text(message.problem))
            return
        lang = self.rapp.lang
        done = t("import_ferdig", lang, lagret=report.saved, hoppet=report.skipped, avvist=report.rejected_rows)
        if report.cancelled:
            done = t("import_avbrutt", lang, rad=report.last_row, lagret=report.saved) + " " + done
        summary.update(Text(done))
        table = self.query_one(DataTable)
        for reject in report.rejects[:SHOWN_REJECTS]:
            # `rad` counts data rows (SPEC); the table shows the row number the file shows in Excel
            row = str(reject.rad + self.shown_rows_offset)
            table.add_row(row, as_text(reject.person_id or ""), as_text(reject.felt), as_text(reject.feil))

    def action_cancel_or_back(self) -> None:
        if self.running:
            self._cancel.set()
            self.query_one("#import-summary", Static).update(Text(tr("i_cancelling")))
        else:
            self.dismiss(None)
