"""Every assessment and decision of one person over time, and what changed between them."""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Footer, Header, Static

from casestore import StoredAssessment, StoredDraft
from casestore.identity_text import who_text
from matrix.safe_text import terminal_text
from tui.display import shown, when_text
from tui.form_spec import form_fields
from tui.screens.base import AppScreen
from tui.text import app_lang, localize_bindings, tr

_NOT_COMPARED = ("person_id", "ekstra")


def changes(before: dict[str, Any], after: dict[str, Any], labels: dict[str, str]) -> list[str]:
    """'Label: old → new' for every answer that differs (blank shown as '–')."""
    found = []
    for key in sorted(set(before) | set(after)):
        if key in _NOT_COMPARED or before.get(key) == after.get(key):
            continue
        old, new = before.get(key), after.get(key)
        found.append(f"{labels.get(key, key)}: {_shown(old)} → {_shown(new)}")
    return found


def _shown(value: object) -> str:
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return tr("ja") if value else tr("nei")
    return terminal_text(value)


class HistoryScreen(AppScreen):
    HELP_KEY = "help_history"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "b_back"),
        Binding("n", "reassess", "b_reassess"),
    ]

    def __init__(self, person_id: str) -> None:
        super().__init__()
        self.person_id = person_id
        localize_bindings(self, self.rapp.lang)
        self.labels = {spec.felt: spec.name for spec in form_fields(self.rapp.matrix, self.rapp.lang)}
        self.entries: list[StoredAssessment] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield VerticalScroll(id="history", classes="report-body")
        yield Footer()

    def on_mount(self) -> None:
        self.title = tr("s_history", person=shown(self.person_id))
        self.reload()

    def on_screen_resume(self) -> None:
        if self.is_mounted:
            self.reload()

    def reload(self) -> None:
        self.entries = self.rapp.store.history(self.person_id)
        body = self.query_one("#history", VerticalScroll)
        body.remove_children()
        previous: StoredAssessment | None = None
        for entry in self.entries:
            body.mount(Static(self._entry_text(entry, previous), classes="history-entry"))
            previous = entry
        drafts = self.rapp.store.drafts(self.person_id)
        if drafts:
            body.mount(Static(self._drafts_text(drafts), classes="history-entry"))
        body.scroll_end(animate=False)

    @staticmethod
    def _drafts_text(drafts: list[StoredDraft]) -> Text:
        """Drafts in words, each saved one and each completion: a draft is never a decision."""
        text = Text(tr("h_drafts"), style="bold underline")
        text.append("\n")
        for number, draft in enumerate(drafts):
            who = terminal_text(who_text(draft.saved_by, draft.verified, app_lang()))
            if draft.open:
                is_open = number == len(drafts) - 1
                line = tr("h_draft_open" if is_open else "h_draft_saved", tid=when_text(draft.saved_at), hvem=who)
            else:
                line = tr("h_draft_completed", tid=when_text(draft.saved_at), hvem=who)
            text.append(line + "\n")
        return text

    def _entry_text(self, entry: StoredAssessment, previous: StoredAssessment | None) -> Text:
        text = Text(tr("h_assessment", dato=entry.vurdert_dato.strftime("%d.%m.%Y")), style="bold underline")
        source = tr("h_imported") if entry.imported else ""
        recorder = who_text(entry.recorded_by, entry.verified, app_lang())
        recorded = tr("h_recorded", tid=when_text(entry.recorded_at), hvem=terminal_text(recorder))
        text.append(f"  ({recorded}{'; ' + source if source else ''})\n")
        suggested = tr("h_suggested", gruppe=entry.gruppe, regel=terminal_text(entry.regel), versjon=terminal_text(entry.matrise_versjon))
        text.append(suggested + "\n")
        if not entry.decisions:
            text.append(tr("h_no_decision") + "\n", style="italic")
        for decision in entry.decisions:
            line = tr("h_decision", tid=when_text(decision.decided_at), gruppe=decision.final_gruppe,
                      hvem=terminal_text(who_text(decision.caseworker, decision.verified, app_lang())))
            how = (tr("h_override", fra=decision.suggested_gruppe, grunn=terminal_text(decision.reason or "")) if decision.overridden
                   else tr("h_accepted"))
            text.append(f"{line} ({how})\n")
        wishes = entry.data.get("brukers_onske")
        if wishes:
            text.append(tr("h_wishes", tekst=terminal_text(wishes)) + "\n")
        if previous is not None:
            changed = changes(previous.data, entry.data, self.labels)
            if previous.final_gruppe != entry.final_gruppe:
                changed.insert(0, tr("h_group_change", fra=previous.final_gruppe, til=entry.final_gruppe))
            text.append(tr("h_changes", liste="; ".join(changed)) if changed else tr("h_no_changes"))
            text.append("\n")
        return text

    def action_back(self) -> None:
        self.dismiss(None)

    def action_reassess(self) -> None:
        self.rapp.open_assessment(self.person_id)
