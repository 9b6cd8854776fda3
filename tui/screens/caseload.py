"""The start screen: every person's latest assessment, filtered and searched, loaded by page.

Rows come from the store a page at a time (the next page loads as the cursor nears the end),
so a caseload of any size opens at once and filtering re-queries instead of scanning. Persons
due for reassessment can be listed alone and the list sorted oldest assessment first; open
drafts are listed and marked in words; `e` writes the list as shown to a file.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import ClassVar, cast

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.timer import Timer
from textual.widgets import DataTable, Footer, Header, Input, Select, Static

from casestore import CaseFilter, CaseRow
from casestore.caseload_export import write_caseload
from casestore.identity_text import who_text
from matrix.errors import failure_message
from matrix.fields import DEKNING
from matrix.messages import number
from tui.display import as_text, shown
from tui.export_paths import chosen_path, suggested_path
from tui.screens.ask_text import AskTextDialog
from tui.screens.base import AppScreen
from tui.text import app_lang, localize_bindings, tr

PAGE = 100
PREFETCH = 20  # load the next page when the cursor is this close to the last loaded row


def _count(n: int) -> str:
    return number(n, app_lang())


SEARCH_MAX = 64  # person ids are short; a pasted novel is cut here, not sent to the database
SEARCH_PAUSE = 0.25  # seconds of quiet after the last key before the search runs
DUE = "forfalt"  # the due-for-reassessment filter's value
EXPORT_SUFFIXES = (".csv", ".xlsx")


def _export_problem(text: str) -> str | None:
    path = chosen_path(text) if text else None
    if path is None or path.suffix.lower() not in EXPORT_SUFFIXES or not path.stem:
        return tr("t_bad_suffix")
    return tr("t_exists", fil=str(path)) if path.exists() else None  # never overwrite a file silently


class CaseloadScreen(AppScreen):
    HELP_KEY = "help_caseload"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new", "b_new"),
        Binding("h", "history", "b_history"),
        Binding("u", "print_document", "b_print"),
        Binding("slash", "search", "b_search"),
        Binding("o", "sort_oldest", "b_sort_oldest"),
        Binding("e", "export", "b_export"),
        Binding("ctrl+r", "clear_filters", "b_clear", show=False),
    ]

    class Exported(Message):
        """The export worker is done: the file written, or why not."""

        def __init__(self, path: Path, count: int, problem: str = "") -> None:
            super().__init__()
            self.path, self.count, self.problem = path, count, problem

    def __init__(self) -> None:
        super().__init__()
        localize_bindings(self, self.rapp.lang)
        self.where = CaseFilter(with_drafts=True)
        self.rows: list[CaseRow] = []
        self.total = 0
        self._search_timer: Timer | None = None
        self.exported: Path | None = None
        due_days = self.rapp.classifier.reassessment_after_days()  # the matrix's threshold (N-gammel), not a number here
        self.due_cutoff = self.rapp.today - timedelta(days=due_days) if due_days is not None else None

    def compose(self) -> ComposeResult:
        matrix = self.rapp.matrix
        yield Header()
        with Horizontal(id="filters"):
            yield Select(
                [(d.navn, d.navn) for d in matrix.districts.districts], prompt=tr("c_all_districts"), id="filter-bydel", compact=True
            )
            yield Select([(tr("c_group_n", n=nr), nr) for nr in matrix.groups], prompt=tr("c_all_groups"), id="filter-gruppe", compact=True)
            yield Select([(tr(f"dekning_{d}"), d) for d in DEKNING], prompt=tr("c_all_coverage"), id="filter-dekning", compact=True)
            if self.due_cutoff is not None:
                yield Select([(tr("c_due_only"), DUE)], prompt=tr("c_all_dates"), id="filter-due", compact=True)
            yield Input(placeholder=tr("c_search"), id="search", compact=True, max_length=SEARCH_MAX)
        yield DataTable(id="caseload", cursor_type="row", zebra_stripes=True)
        yield Static("", id="caseload-status")
        yield Footer()

    def on_mount(self) -> None:
        self.title = tr("s_caseload")
        table = self.query_one(DataTable)
        for key in ("c_person", "c_bydel", "c_gruppe", "c_dekning", "c_dato", "c_status", "c_decided_by"):
            table.add_column(tr(key), key=key)
        self.reload()
        table.focus()

    def on_screen_resume(self) -> None:
        if self.is_mounted:
            self.reload(keep=self.current_person())

    # -- loading ---------------------------------------------------------------------------
    def reload(self, keep: str | None = None) -> None:
        """Query the first page under the current filter (and keep the cursor on `keep`)."""
        store = self.rapp.store
        self.total = store.caseload_count(self.where)
        self.rows = []
        table = self.query_one(DataTable)
        table.clear()
        self._load_more()
        if keep is not None:
            for index, row in enumerate(self.rows):
                if row.person_id == keep:
                    table.move_cursor(row=index)
                    break
        self._show_status()

    def _load_more(self) -> None:
        page = self.rapp.store.caseload(self.where, offset=len(self.rows), limit=PAGE)
        self.rows.extend(page)
        table = self.query_one(DataTable)
        for row in page:
            table.add_row(*self._cells(row), key=row.person_id)

    def _cells(self, row: CaseRow) -> tuple[Text | str, ...]:
        """A row in words: a draft says so (a person with only a draft has no group yet)."""
        marks = [tr("c_outdated")] if self.rapp.reassessment_flags(row) else []
        if row.draft:
            marks.append(tr("c_draft"))
        if not row.assessed:
            return (as_text(row.person_id), as_text(row.bydel), tr("c_no_group"), "", row.vurdert_dato.strftime("%d.%m.%Y"),
                    ", ".join(marks), "")
        status = tr("c_decided") if row.decided else tr("c_suggested")
        return (
            as_text(row.person_id),
            as_text(row.bydel),
            f"{row.gruppe} ({status})",
            tr(f"dekning_{row.dekning}"),
            row.vurdert_dato.strftime("%d.%m.%Y"),
            ", ".join(marks),
            as_text(who_text(row.decided_by, row.decided_by_verified, self.rapp.lang)) if row.decided_by else "",
        )

    def _show_status(self) -> None:
        status = self.query_one("#caseload-status", Static)
        if self.total == 0:
            empty = self.where == CaseFilter(with_drafts=True, oldest_first=self.where.oldest_first)
            listed = tr("c_empty") if empty else tr("c_none")
        else:
            listed = tr("c_showing", fra=1, til=_count(len(self.rows)), antall=_count(self.total))
        order = tr("c_sorted_oldest") if self.where.oldest_first else tr("c_sorted_person")
        # where the caseload lives, never a guess (the header has who is logged in)
        status.update(Text(f"{listed} · {order} · {tr('c_store', sted=self.rapp.store.location)}"))

    @on(DataTable.RowHighlighted)
    def _near_end(self, event: DataTable.RowHighlighted) -> None:
        if event.cursor_row >= len(self.rows) - PREFETCH and len(self.rows) < self.total:
            self._load_more()
            self._show_status()

    # -- filters ---------------------------------------------------------------------------
    @on(Input.Changed, "#search")
    def _search_typed(self) -> None:
        """Search after a pause in typing, not on every key: a long paste or fast typing runs one query."""
        if self._search_timer is not None:
            self._search_timer.stop()
        self._search_timer = self.set_timer(SEARCH_PAUSE, self._filter_changed)

    @on(Select.Changed)
    def _filter_changed(self) -> None:
        self._search_timer = None
        def chosen(selector: str) -> object:
            value = self.query_one(selector, Select).value
            return None if value is Select.NULL else value

        gruppe = chosen("#filter-gruppe")
        due = self.due_cutoff is not None and chosen("#filter-due") == DUE
        self.where = CaseFilter(
            bydel=cast("str | None", chosen("#filter-bydel")),
            gruppe=int(cast("int", gruppe)) if gruppe is not None else None,
            dekning=cast("str | None", chosen("#filter-dekning")),
            search=self.query_one("#search", Input).value[:SEARCH_MAX],
            due_on_or_before=self.due_cutoff if due else None,
            oldest_first=self.where.oldest_first,
            with_drafts=True,
        )
        self.reload()

    def action_sort_oldest(self) -> None:
        """Oldest assessment first (who is most overdue), or back to by person id."""
        self.where = replace(self.where, oldest_first=not self.where.oldest_first)
        self.reload(keep=self.current_person())

    @on(Input.Submitted, "#search")
    def _search_done(self) -> None:
        self.query_one(DataTable).focus()

    def action_search(self) -> None:
        self.query_one("#search", Input).focus()

    def action_clear_filters(self) -> None:
        with self.prevent(Select.Changed, Input.Changed):
            for select in self.query(Select):
                select.value = Select.NULL
            self.query_one("#search", Input).value = ""
        self.where = CaseFilter(with_drafts=True, oldest_first=self.where.oldest_first)
        self.reload()

    # -- opening ---------------------------------------------------------------------------
    def current_person(self) -> str | None:
        table = self.query_one(DataTable)
        if not self.rows or table.cursor_row < 0 or table.cursor_row >= len(self.rows):
            return None
        return self.rows[table.cursor_row].person_id

    @on(DataTable.RowSelected)
    def _open(self, event: DataTable.RowSelected) -> None:
        person = event.row_key.value
        if person is not None:
            self.rapp.open_assessment(person)

    def action_new(self) -> None:
        self.rapp.open_assessment(None)

    def action_print_document(self) -> None:
        person = self.current_person()
        if person is None:
            self.notify(tr("c_select_first"), severity="warning")
            return
        self.rapp.print_document(person)

    def action_history(self) -> None:
        person = self.current_person()
        if person is None:
            self.notify(tr("c_select_first"), severity="warning")
            return
        self.rapp.open_history(person)

    # -- export ----------------------------------------------------------------------------
    def action_export(self) -> None:
        """Write the list as filtered now (every page, not only those loaded) to .csv or .xlsx."""
        suggested = str(suggested_path(tr("c_export_stem"), ".xlsx", self.rapp.today))
        self.app.push_screen(AskTextDialog(tr("c_export_to"), suggested, _export_problem, tr("b_export")), self._export_chosen)

    def _export_chosen(self, text: str | None) -> None:
        if text is not None:
            self._export(chosen_path(text), self.where)

    @work(thread=True, exclusive=True, exit_on_error=False, group="caseload-export")
    def _export(self, path: Path, where: CaseFilter) -> None:
        app = self.rapp
        try:
            count = write_caseload(app.store, where, path, app.classifier, app.today, app.lang)
        except Exception as error:  # the file, the store or the system refused: said in words, never a silent worker
            self.post_message(self.Exported(path, 0, failure_message(error, app.lang, "tui")))
            return
        self.post_message(self.Exported(path, count))

    @on(Exported)
    def _exported(self, message: Exported) -> None:
        if message.problem:
            self.notify(shown(message.problem), severity="error", timeout=10)
            return
        self.exported = message.path
        self.notify(tr("c_exported", antall=_count(message.count), fil=shown(str(message.path))), timeout=10)
