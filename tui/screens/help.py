"""F1: what the current screen does and how the matrix works, in words."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.text import app_lang, localize_bindings, tr


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,f1,q", "close", "b_close")]

    def __init__(self, topic: str) -> None:
        super().__init__(classes="dialog-screen")
        localize_bindings(self, app_lang())
        self.topic = topic

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog help-dialog"):
            yield Static(tr("s_help"), classes="dialog-title")
            with VerticalScroll():
                yield Static(tr(self.topic), classes="help-text")
                yield Static(tr("help_common"), classes="help-text")
                yield Static(tr("s_matrix"), classes="dialog-title")
                yield Static(tr("help_matrix"), classes="help-text")

    def action_close(self) -> None:
        self.dismiss(None)
