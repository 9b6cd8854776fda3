"""Ask where to write the tallies (.csv or .xlsx) and whether to suppress small counts."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from tui.export_paths import chosen_path
from tui.text import app_lang, localize_bindings, tr
from tui.widgets.choice import ChoiceSet

SUFFIXES = (".csv", ".xlsx")


class ExportTallyDialog(ModalScreen[tuple[Path, bool] | None]):
    """Dismisses with (path, publish), or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "b_cancel")]

    def __init__(self, suggested: str) -> None:
        super().__init__(classes="dialog-screen")
        localize_bindings(self, app_lang())
        self.suggested = suggested

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(tr("t_export_to"), classes="dialog-title")
            yield Input(self.suggested, id="export-path", compact=True)
            yield Static(tr("t_publish"), classes="field-label")
            yield ChoiceSet([("nei", tr("t_publish_no")), ("ja", tr("t_publish_yes"))], id="export-publish")
            yield Static("", id="export-error", classes="field-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button(tr("d_cancel"), id="cancel", compact=True)
                yield Button(tr("b_export"), id="export", variant="primary", compact=True)

    def on_mount(self) -> None:
        self.query_one("#export-publish", ChoiceSet).choose("nei", announce=False)
        self.query_one("#export-path", Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#export")
    def _export(self) -> None:
        path = chosen_path(self.query_one("#export-path", Input).value)
        problem = tr("t_bad_suffix") if path.suffix.lower() not in SUFFIXES or not path.stem else ""
        if not problem and path.exists():
            problem = tr("t_exists", fil=str(path))  # never overwrite a file silently
        if problem:
            error = self.query_one("#export-error", Static)
            error.update(problem)
            error.add_class("-shown")
            return
        self.dismiss((path, self.query_one("#export-publish", ChoiceSet).value == "ja"))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
