"""Ask for one line of text (a date, a file name), checked before the dialog closes."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from tui.text import app_lang, localize_bindings, tr


class AskTextDialog(ModalScreen[str | None]):
    """Dismisses with the text (stripped) once `problem(text)` finds nothing wrong; None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "b_cancel")]

    def __init__(self, title: str, value: str, problem: Callable[[str], str | None], ok: str) -> None:
        super().__init__(classes="dialog-screen")
        localize_bindings(self, app_lang())
        self.heading, self.value, self.problem, self.ok = title, value, problem, ok

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.heading, classes="dialog-title")
            yield Input(self.value, id="ask-text", compact=True)
            yield Static("", id="ask-error", classes="field-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button(tr("d_cancel"), id="cancel", compact=True)
                yield Button(self.ok, id="ok", variant="primary", compact=True)

    def on_mount(self) -> None:
        self.query_one("#ask-text", Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#ok")
    def _done(self) -> None:
        text = self.query_one("#ask-text", Input).value.strip()
        wrong = self.problem(text)
        if wrong:
            error = self.query_one("#ask-error", Static)
            error.update(wrong)
            error.add_class("-shown")
            return
        self.dismiss(text)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
