"""A yes/no question in a modal: leave without saving, quit without saving."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from tui.text import app_lang, localize_bindings


class ConfirmDialog(ModalScreen[bool]):
    """Dismisses with True for the first (destructive) choice, False for the safe one."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "answer(False)", "b_cancel")]

    def __init__(self, question: str, yes: str, no: str) -> None:
        super().__init__(classes="dialog-screen")
        localize_bindings(self, app_lang())
        self.question, self.yes, self.no = question, yes, no

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.question, classes="dialog-text")
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.no, id="no", variant="primary", compact=True)
                yield Button(self.yes, id="yes", variant="error", compact=True)

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
