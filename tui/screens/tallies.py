"""Tallies for planners: district × group with totals, coverage, unmet need for groups 4–7
against supply, a bar chart, and export to CSV/XLSX.

Counting and export use `tallies.count`, the code behind `rusmatrise tally`, so what the
screen shows and exports equals the command's output on the same store. Both run in a thread
worker; the worker posts its result and the handlers fill the tables.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import DataTable, Footer, Header, Static, TabbedContent, TabPane

from matrix.errors import failure_message
from matrix.messages import t
from matrix.safe_text import terminal_text
from matrix.supply import COLOCATED
from tallies.count import DEFAULT_BY, Tally, tally, write_tally
from tallies.export import Shown, groups_label, shown_views
from tallies.history import snapshots_from_store
from tallies.need import unmet_need
from tallies.report import build_report
from tallies.report_file import SUFFIXES as REPORT_SUFFIXES
from tallies.report_file import write_report
from tui.display import as_text, shown
from tui.export_paths import chosen_path, suggested_path
from tui.screens.ask_text import AskTextDialog
from tui.screens.base import AppScreen
from tui.screens.export_tally import ExportTallyDialog
from tui.text import localize_bindings, tr
from tui.widgets.bar_chart import bar_chart


class TalliesScreen(AppScreen):
    HELP_KEY = "help_tallies"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "b_back"),
        Binding("v", "next_view", "b_view"),
        Binding("e", "export", "b_export"),
        Binding("d", "supply_date", "b_supply_date"),
        Binding("r", "report", "b_report"),
        Binding("p", "report_published", "b_report_publish", show=False),  # in F1 help and the palette: the footer is full
    ]

    class Counted(Message):
        def __init__(self, result: Tally, views: list[Shown], day: date) -> None:
            super().__init__()
            self.result, self.views, self.day = result, views, day

    class Exported(Message):
        def __init__(self, path: Path, problem: str = "") -> None:
            super().__init__()
            self.path, self.problem = path, problem

    def __init__(self) -> None:
        super().__init__()
        localize_bindings(self, self.rapp.lang)
        self.result: Tally | None = None
        self.chosen_day: date | None = None  # the supply date asked for; None: the latest assessment, or today
        self.supply_day: date | None = None  # the supply date the shown views used
        self.views: list[Shown] = []
        self.exported: Path | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(Text(tr("t_running")), id="tally-status", classes="status-line")
        yield TabbedContent(id="tally-views")
        yield Footer()

    def on_mount(self) -> None:
        self.title = tr("s_tallies")
        self._count()

    def on_screen_resume(self) -> None:
        if self.is_mounted and self.result is not None:
            self._count()  # the store may have changed while another screen was on top

    @work(thread=True, exclusive=True, exit_on_error=False, group="tally")
    def _count(self) -> None:
        app = self.rapp
        result = tally(app.store.tally_records(), DEFAULT_BY, app.matrix, year=app.today.year)
        day = self.chosen_day or result.latest_assessment or app.today
        self.post_message(self.Counted(result, shown_views(result, publish=False, lang=app.lang, day=day), day))

    @on(Counted)
    async def _counted(self, message: Counted) -> None:
        self.result, self.views, self.supply_day = message.result, message.views, message.day
        tabs = self.query_one(TabbedContent)
        active = tabs.active
        await tabs.clear_panes()
        for index, view in enumerate(message.views):
            await tabs.add_pane(TabPane(view.sheet or view.title, self._table(view, index), id=f"view-{index}"))
        chart = VerticalScroll(Static(self._chart(message.result), id="tally-chart"), classes="report-body")
        await tabs.add_pane(TabPane(tr("t_view_chart"), chart, id="view-chart"))
        if active:
            tabs.active = active
        status = t("tally_antall_personer", self.rapp.lang, antall=message.result.total, versjon=message.result.matrix.version)
        status += " · " + t("tilbud_tittel", self.rapp.lang, dato=message.day.isoformat())
        self.query_one("#tally-status", Static).update(Text(status))

    @staticmethod
    def _table(view: Shown, index: int) -> DataTable[Any]:
        table: DataTable[Any] = DataTable(id=f"table-{index}", zebra_stripes=True, cursor_type="row")
        for j, name in enumerate(view.header):
            table.add_column(as_text(name, style="bold"), key=f"c{j}")
        for i, row in enumerate(view.rows):
            total = i >= len(view.rows) - view.total_rows
            cells = [
                Text(terminal_text(cell), style="bold" if total else "", justify="left" if j < view.labels else "right")
                for j, cell in enumerate(row)
            ]
            table.add_row(*cells)
        return table

    def _chart(self, result: Tally) -> Text:
        """Persons per group, and for the supply figures persons against homes/places as of the
        supply date."""
        main = result.district_group_table()
        groups = [(tr("c_group_n", n=g), n) for g, n in zip(main.columns, main.column_totals, strict=True)]
        text = bar_chart(tr("t_chart_groups"), groups)
        lines = unmet_need(result, self.supply_day)
        vel = [line for line in lines if line.kategori != COLOCATED]
        if vel:
            text.append("\n")
            rows = []
            for line in vel:
                label = tr("c_group_n", n=groups_label(line.grupper, line.antatt))
                rows += [(f"{label} {tr('t_chart_persons')}", line.behov), (f"{label} {tr('t_chart_places')}", line.tilbud or 0)]
            text.append_text(bar_chart(tr("t_chart_vel"), rows))
        colocated = [line for line in lines if line.kategori == COLOCATED and line.bydel is not None and (line.behov or line.tilbud)]
        if colocated:
            text.append("\n")
            rows = []
            for line in colocated:
                rows += [(f"{line.bydel} {tr('t_chart_persons')}", line.behov), (f"{line.bydel} {tr('t_chart_homes')}", line.tilbud or 0)]
            text.append_text(bar_chart(tr("t_chart_colocated"), rows))
        return text

    def action_next_view(self) -> None:
        tabs = self.query_one(TabbedContent)
        panes = [pane.id for pane in tabs.query(TabPane) if pane.id]
        if panes:
            current = panes.index(tabs.active) if tabs.active in panes else -1
            tabs.active = panes[(current + 1) % len(panes)]

    # -- export ----------------------------------------------------------------------------
    def action_export(self) -> None:
        if self.result is None:
            return
        suggested = suggested_path(tr("t_default_stem"), ".xlsx", self.rapp.today)
        self.app.push_screen(ExportTallyDialog(str(suggested)), self._export_chosen)

    def _export_chosen(self, choice: tuple[Path, bool] | None) -> None:
        if choice is not None and self.result is not None:
            self._export(choice[0], choice[1], self.result)

    @work(thread=True, exclusive=True, exit_on_error=False, group="tally-export")
    def _export(self, path: Path, publish: bool, result: Tally) -> None:
        try:
            write_tally(path, result, publish=publish, lang=self.rapp.lang, day=self.supply_day)
        except Exception as error:  # a full disk, a folder that is gone: said in words, never a silent worker
            self.post_message(self.Exported(path, failure_message(error, self.rapp.lang, "tui")))
            return
        self.post_message(self.Exported(path))

    @on(Exported)
    def _exported(self, message: Exported) -> None:
        if message.problem:
            self.notify(shown(message.problem), severity="error", timeout=10)
            return
        self.exported = message.path
        self.notify(tr("t_exported", fil=shown(message.path)))

    # -- supply date and the report --------------------------------------------------------
    def action_supply_date(self) -> None:
        current = self.chosen_day.isoformat() if self.chosen_day else ""
        self.app.push_screen(AskTextDialog(tr("t_supply_date_title"), current, _date_problem, tr("b_supply_date")), self._date_chosen)

    def _date_chosen(self, text: str | None) -> None:
        if text is not None:
            self.chosen_day = date.fromisoformat(text) if text else None
            self._count()

    def action_report(self) -> None:
        # the documents folder, dated, never over an old report
        suggested = str(suggested_path(tr("t_report_stem"), ".html", self.rapp.today))
        self.app.push_screen(AskTextDialog(tr("t_report_to"), suggested, _report_problem, tr("b_report")), self._report_chosen)

    def action_report_published(self) -> None:
        """The report for publication: every count suppressed together, no free-text reasons."""
        suggested = str(suggested_path(tr("t_report_publish_stem"), ".html", self.rapp.today))
        self.app.push_screen(AskTextDialog(tr("t_report_publish_to"), suggested, _report_problem, tr("b_report_publish")),
                             self._published_report_chosen)

    def _report_chosen(self, text: str | None) -> None:
        if text is not None:
            self.notify(tr("t_writing_report"))
            self._write_report(chosen_path(text), self.supply_day)

    def _published_report_chosen(self, text: str | None) -> None:
        if text is not None:
            self.notify(tr("t_writing_report"))
            self._write_report(chosen_path(text), self.supply_day, publish=True)

    @work(thread=True, exclusive=True, exit_on_error=False, group="tally-report")
    def _write_report(self, path: Path, day: date | None, publish: bool = False) -> None:
        app = self.rapp
        try:
            report = build_report(snapshots_from_store(app.store, app.matrix), app.matrix, None, day, app.lang, publish=publish)
            write_report(report, path)
        except Exception as error:  # as the export: in words
            self.post_message(self.Exported(path, failure_message(error, app.lang, "tui")))
            return
        self.post_message(self.Exported(path))

    def action_back(self) -> None:
        if len(self.app.screen_stack) <= 2:  # a planner's first screen: nothing below it to go back to
            self.rapp.action_request_quit()
            return
        self.dismiss(None)


def _date_problem(text: str) -> str | None:
    if not text:
        return None
    try:
        date.fromisoformat(text)
    except ValueError:
        return tr("t_bad_date")
    return None


def _report_problem(text: str) -> str | None:
    path = Path(text)
    return None if path.suffix.lower() in REPORT_SUFFIXES and path.stem else tr("t_bad_report_suffix")
