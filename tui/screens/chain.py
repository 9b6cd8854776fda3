"""The service chain (Helhetlig tiltakskjede): tiers → services → providers, by group."""

from __future__ import annotations

from typing import ClassVar, cast

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Footer, Header, Select, Static, Tree

from tui.display import as_text
from tui.screens.base import AppScreen
from tui.text import localize_bindings, tr


def _ranges(numbers: list[int]) -> str:
    """[1, 2, 3, 5] → '1–3, 5'."""
    parts: list[str] = []
    for n in sorted(numbers):
        if parts and parts[-1].split("–")[-1] == str(n - 1):
            parts[-1] = f"{parts[-1].split('–')[0]}–{n}"
        else:
            parts.append(str(n))
    return ", ".join(parts)


class ChainScreen(AppScreen):
    HELP_KEY = "help_reference"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "back", "b_back")]

    def __init__(self) -> None:
        super().__init__()
        localize_bindings(self, self.rapp.lang)
        self.group: int | None = None

    def compose(self) -> ComposeResult:
        matrix = self.rapp.matrix
        yield Header()
        with Horizontal(id="chain-filter"):
            yield Select([(tr("c_group_n", n=nr), nr) for nr in matrix.groups], prompt=tr("k_filter"), id="chain-group")
        yield Tree("", id="chain-tree", classes="report-body")
        yield Static("", id="chain-respite", classes="status-line")
        yield Footer()

    def on_mount(self) -> None:
        self.title = tr("s_chain")
        respite = self.rapp.matrix.data.avlastning
        self.query_one("#chain-respite", Static).update(as_text(tr("k_respite", tjeneste=respite.tjeneste, tilbyder=respite.tilbyder)))
        self.rebuild()

    @on(Select.Changed, "#chain-group")
    def _group_changed(self, event: Select.Changed) -> None:
        self.group = None if event.value is Select.NULL else int(cast("int", event.value))
        self.rebuild()

    def rebuild(self) -> None:
        tree: Tree[str] = self.query_one("#chain-tree", Tree)
        tree.clear()
        tree.show_root = False
        for tier in self.rapp.matrix.data.niva:
            if self.group is not None and self.group not in tier.grupper:
                continue
            varighet = tr("k_varighet_alle") if tier.varighet == "alle" else tr(f"varighet_{tier.varighet}")
            label = tr("k_tier", id=tier.id, beskrivelse=tier.text(self.rapp.lang), grupper=_ranges(tier.grupper), varighet=varighet)
            if tier.lagt_til:  # groups the product adds to the printed range: say so, with the mark
                label += " " + tr("k_lagt_til", grupper=_ranges(tier.lagt_til.grupper))
            node = tree.root.add(as_text(label), expand=True)
            by_provider: dict[str, list[str]] = {}
            for service in tier.tjenester:
                by_provider.setdefault(service.tilbyder, []).append(service.navn)
            for provider, services in by_provider.items():
                branch = node.add(as_text(provider), expand=True)
                for name in services:
                    branch.add_leaf(as_text(name))
        tree.root.expand()

    def action_back(self) -> None:
        self.dismiss(None)
