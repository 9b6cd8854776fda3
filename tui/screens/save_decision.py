"""Ctrl+S on an assessment: accept the suggested group or choose another, with a reason.

Who decides is shown, not asked: the store records its own identity (the database login, or
the OS user marked unverified), so there is no name field to type into."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from casestore import DecisionInput, DecisionInvalid, decide
from matrix.assessment import Assessment
from matrix.load import Matrix
from rules.result import Classification
from tui.display import as_text, shown
from tui.text import app_lang, localize_bindings, tr
from tui.widgets.choice import ChoiceSet


class SaveDecisionDialog(ModalScreen[DecisionInput | None]):
    """Dismisses with a checked DecisionInput, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "b_cancel"),
        Binding("ctrl+s", "save", "b_save", priority=True),
    ]

    def __init__(self, matrix: Matrix, assessment: Assessment, result: Classification, saved_as: str, note: str = "") -> None:
        super().__init__(classes="dialog-screen")
        localize_bindings(self, app_lang())
        self.matrix, self.assessment, self.result = matrix, assessment, result
        self.saved_as = saved_as  # who the store records, in words (casestore.identity_text.identity_who)
        self.note = note

    def compose(self) -> ComposeResult:
        r = self.result
        options = [
            (str(nr), tr("d_accept", n=nr, navn=g.navn.text(app_lang())) if nr == r.gruppe else f"{nr}: {g.navn.text(app_lang())}")
            for nr, g in self.matrix.groups.items()
        ]
        with Vertical(classes="dialog save-dialog"):
            yield Static(tr("d_save_title"), classes="dialog-title")
            with VerticalScroll():
                yield Static(tr("d_suggested", gruppe=r.gruppe, navn=shown(r.navn), regel=shown(r.regel)), id="d-suggested")
                if self.note:
                    yield Static(shown(self.note), classes="field-help")
                yield Static(tr("d_final", max=max(self.matrix.groups)), classes="field-label")
                yield ChoiceSet(options, id="d-group")
                yield Static(tr("d_reason"), classes="field-label")
                yield Input(id="d-reason", compact=True)
                yield Static(tr("d_caseworker"), classes="field-label")
                yield Static(shown(self.saved_as), id="d-caseworker")
                yield Static("", id="d-error", classes="field-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button(tr("d_cancel"), id="cancel", compact=True)
                yield Button(tr("d_save"), id="save", variant="primary", compact=True)

    def on_mount(self) -> None:
        group = self.query_one("#d-group", ChoiceSet)
        group.choose(str(self.result.gruppe), announce=False)
        group.focus()

    @property
    def final_group(self) -> int:
        value = self.query_one("#d-group", ChoiceSet).value
        return int(value) if value is not None else self.result.gruppe

    @on(ChoiceSet.Changed, "#d-group")
    def _group_changed(self) -> None:
        """An override needs a reason: go there at once."""
        if self.final_group != self.result.gruppe:
            self.query_one("#d-reason", Input).focus()

    @on(Button.Pressed, "#save")
    @on(Input.Submitted)
    def action_save(self) -> None:
        try:
            decision = decide(
                self.matrix,
                self.assessment,
                self.result,
                self.final_group,
                self.query_one("#d-reason", Input).value,
            )
        except DecisionInvalid as invalid:
            error = self.query_one("#d-error", Static)
            error.update(as_text(invalid.message(app_lang())))
            error.add_class("-shown")
            return
        self.dismiss(decision)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
