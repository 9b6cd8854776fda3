"""The start screen: every person's latest assessment, filtered and searched, loaded by page.

Rows come from the store a page at a time (the next page loads as the cursor nears the end),
so a caseload of any size opens at once and filtering re-queries instead of scanning.
"""

from __future__ import annotations

from typing import ClassVar, cast

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.timer import Timer
from textual.widgets import DataTable, Footer, Header, Input, Select, Static

from casestore import CaseFilter, CaseRow
from casestore.identity_text import who_text
from matrix.fields import DEKNING
from matrix.messages import number
from tui.display import as_text
from tui.screens.base import AppScreen
from tui.text import app_lang, localize_bindings, tr

PAGE = 100
PREFETCH = 20  # load the next page when the cursor is this close to the last loaded row


def _count(n: int) -> str:
    return number(n, app_lang())


SEARCH_MAX = 64  # person ids are short; a pasted novel is cut here, not sent to the database
SEARCH_PAUSE = 0.25  # seconds of quiet after the last key before the search runs


class CaseloadScreen(AppScreen):
    HELP_KEY = "help_caseload"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new", "b_new"),
        Binding("h", "history", "b_history"),
        Binding("u", "print_document", "b_print"),
        Binding("slash", "search", "b_search"),
        Binding("ctrl+r", "clear_filters", "b_clear", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        localize_bindings(self, self.rapp.lang)
        self.where = CaseFilter()
        self.rows: list[CaseRow] = []
        self.total = 0
        self._search_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        matrix = self.rapp.matrix
        yield Header()
        with Horizontal(id="filters"):
            yield Select(
                [(d.navn, d.navn) for d in matrix.districts.districts], prompt=tr("c_all_districts"), id="filter-bydel", compact=True
            )
            yield Select([(tr("c_group_n", n=nr), nr) for nr in matrix.groups], prompt=tr("c_all_groups"), id="filter-gruppe", compact=True)
            yield Select([(tr(f"dekning_{d}"), d) for d in DEKNING], prompt=tr("c_all_coverage"), id="filter-dekning", compact=True)
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
        status = tr("c_decided") if row.decided else tr("c_suggested")
        flags = self.rapp.reassessment_flags(row)
        return (
            as_text(row.person_id),
            as_text(row.bydel),
            f"{row.gruppe} ({status})",
            tr(f"dekning_{row.dekning}"),
            row.vurdert_dato.strftime("%d.%m.%Y"),
            tr("c_outdated") if flags else "",
            as_text(who_text(row.decided_by, row.decided_by_verified, self.rapp.lang)) if row.decided_by else "",
        )

    def _show_status(self) -> None:
        status = self.query_one("#caseload-status", Static)
        if self.total == 0:
            empty = self.where == CaseFilter()
            shown = tr("c_empty") if empty else tr("c_none")
        else:
            shown = tr("c_showing", fra=1, til=_count(len(self.rows)), antall=_count(self.total))
        # where the caseload lives, never a guess (the header has who is logged in)
        status.update(Text(f"{shown} · {tr('c_store', sted=self.rapp.store.location)}"))

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
        self.where = CaseFilter(
            bydel=cast("str | None", chosen("#filter-bydel")),
            gruppe=int(cast("int", gruppe)) if gruppe is not None else None,
            dekning=cast("str | None", chosen("#filter-dekning")),
            search=self.query_one("#search", Input).value[:SEARCH_MAX],
        )
        self.reload()

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
        self.where = CaseFilter()
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
