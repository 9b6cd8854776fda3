"""The matrix as a reference card: the groups with their attributes (assumed cells marked),
and the decision table read from the top."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Header, Static

from matrix.model import Group
from matrix.safe_text import terminal_text
from rules.conditions import describe_condition
from tui.screens.base import AppScreen
from tui.text import localize_bindings, tr

ASSUMED = "*"


class MatrixScreen(AppScreen):
    HELP_KEY = "help_reference"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "back", "b_back")]

    def __init__(self) -> None:
        super().__init__()
        localize_bindings(self, self.rapp.lang)

    def compose(self) -> ComposeResult:
        matrix = self.rapp.matrix
        info = matrix.data.matrise
        yield Header()
        with VerticalScroll(classes="report-body", id="matrix-card"):
            yield Static(tr("m_version", navn=info.navn, versjon=info.versjon), classes="report-title")
            yield Static(tr("m_legend"), classes="field-help")
            for group in matrix.groups.values():
                yield Static(self._card(group), classes="group-card")
            yield Static(tr("m_rules"), classes="report-title")
            yield Static(self._rules(), id="matrix-rules")

    def on_mount(self) -> None:
        self.title = tr("s_matrix")

    def _card(self, group: Group) -> Text:
        name = group.navn.text(self.rapp.lang)
        text = Text(f"{tr('c_group_n', n=group.nr)}: {terminal_text(name)}{ASSUMED if group.navn.antatt else ''}\n", style="bold")
        for label, attr in (
            ("p_boligtype", group.boligtype),
            ("p_boligstandard", group.boligstandard),
            ("p_bemanning", group.bemanning),
            ("p_beliggenhet", group.beliggenhet),
            ("p_ansvarlig", group.ansvar),
            ("p_boligtilbyder", group.boligtilbyder),
        ):
            text.append(f"  {tr(label)}: ", style="bold")
            value = self._responsible(attr.verdi) if label in ("p_ansvarlig", "p_boligtilbyder") else attr.text(self.rapp.lang)
            text.append(f"{terminal_text(value)}{ASSUMED if attr.antatt else ''}\n")
        return text

    def _responsible(self, code: str) -> str:
        return self.rapp.matrix.party_in_words(code, self.rapp.lang)

    def _rules(self) -> Text:
        lang = self.rapp.lang
        text = Text()
        for i, rule in enumerate(self.rapp.matrix.data.beslutningstabell.regel, start=1):
            text.append(f"{i:>2}. {terminal_text(rule.id)} → {tr('c_group_n', n=rule.gruppe)}: ", style="bold")
            text.append(f"{terminal_text(describe_condition(rule.naar, lang))}\n")
            text.append(f"    {terminal_text(rule.text(lang))} ({terminal_text(rule.kilde)})\n", style="dim")
        return text

    def action_back(self) -> None:
        self.dismiss(None)
