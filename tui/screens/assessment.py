"""Assess one person: the form on the left, the live suggestion on the right, Ctrl+S to save.

A saved assessment is never changed: saving edited answers appends a new assessment; saving
unchanged answers of an existing assessment records only a new decision on it. Ctrl+L saves
what the form holds as a draft (incomplete answers are fine; a person id and a district are
needed): never classified or counted, it opens again next time and becomes an assessment when
saved with Ctrl+S.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Footer, Header, Static

from casestore import DecisionInput, StoredAssessment, StoredDraft, StoreError
from casestore.identity_text import identity_who, who_text
from matrix.assessment import Assessment, AssessmentInvalid, parse_assessment
from matrix.safe_text import terminal_text
from matrix.values import parse_person_id
from rules import TableGap
from rules.result import Classification
from tui.display import shown, when_text
from tui.form_spec import form_fields
from tui.screens.base import AppScreen
from tui.screens.confirm import ConfirmDialog
from tui.screens.save_decision import SaveDecisionDialog
from tui.text import localize_bindings, tr
from tui.widgets.assessment_form import AssessmentForm
from tui.widgets.live_panel import LivePanel


class AssessmentScreen(AppScreen):
    HELP_KEY = "help_assessment"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "b_save", priority=True),
        Binding("ctrl+l", "save_draft", "b_save_draft", priority=True),
        Binding("escape", "back", "b_back"),
    ]

    def __init__(self, base: StoredAssessment | None = None, draft: StoredDraft | None = None) -> None:
        super().__init__()
        self.base = base
        self.draft = draft  # an open draft of this person: the form starts from it, saving completes it
        self.specs = form_fields(self.rapp.matrix, self.rapp.lang)
        self.labels = {spec.felt: spec.name for spec in self.specs}
        localize_bindings(self, self.rapp.lang)
        self._initial: dict[str, str] = {}
        self.assessment: Assessment | None = None
        self.result: Classification | None = None
        self.problem = ""
        self._state_shown = ""

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="assessment-body"):
            yield AssessmentForm(self.specs, on_change=lambda: self.refresh_live(), id="form")
            yield LivePanel(self.rapp.matrix, self.rapp.lang, id="live")
        yield Static("", id="assessment-state")
        yield Footer()

    def on_mount(self) -> None:
        self.title = tr("s_assessment")
        person = self.draft.person_id if self.draft else self.base.person_id if self.base else None
        self.sub_title = shown(person) if person else ""
        form = self.query_one(AssessmentForm)
        if self.draft is not None:
            form.load({"person_id": self.draft.person_id, **self.draft.data})
        elif self.base is not None:
            form.load(self.base.data)
        else:
            form.load({"vurdert_dato": self.rapp.today})
        form.control("person_id").disabled = person is not None
        self._initial = form.raw()
        self.refresh_live()
        form.control("bydel" if person else "person_id").focus()

    @property
    def decision_only(self) -> bool:
        """Saving records only a decision on the shown assessment (its answers unchanged, no draft)."""
        return self.base is not None and self.draft is None and not self.dirty

    # -- live classification ---------------------------------------------------------------
    @property
    def dirty(self) -> bool:
        return self.query_one(AssessmentForm).raw() != self._initial

    def refresh_live(self) -> None:
        """Parse and classify what the form holds now, and show it. Runs on every change."""
        app = self.rapp
        form = self.query_one(AssessmentForm)
        panel = self.query_one(LivePanel)
        raw = form.raw()
        self.assessment = self.result = None
        try:
            assessment = parse_assessment(raw, app.matrix)
            result = app.classifier.classify(assessment, lang=app.lang, today=app.today)
        except AssessmentInvalid as invalid:
            missing = [self.labels.get(f, f) for f in invalid.missing_fields]
            wrong = [(e.felt, e.message(app.lang)) for e in invalid.errors if not e.missing]
            form.show_errors(dict(wrong))
            panel.show_missing(missing, [(self.labels.get(f, f), m) for f, m in wrong])
            self.problem = tr("p_missing_list", liste=", ".join(missing)) if missing else "; ".join(m for _, m in wrong)
        except TableGap as gap:
            form.show_errors({})
            panel.show_gap(gap.message(app.lang))
            self.problem = gap.message(app.lang)
        else:
            form.show_errors({})
            decision = self.base.decision if self.base is not None and self.decision_only else None
            decided = (decision, app.classifier.with_group(result, assessment, decision.final_gruppe, app.lang)) if decision else None
            panel.show(result, assessment.varighet, decided)
            self.assessment, self.result, self.problem = assessment, result, ""
        self._show_state()

    def _show_state(self) -> None:
        parts = []
        if self.draft is not None:
            who = who_text(self.draft.saved_by, self.draft.verified, self.rapp.lang)
            parts.append(tr("f_draft", tid=when_text(self.draft.saved_at), hvem=terminal_text(who)))  # into Text, not markup
        elif self.base is not None:
            parts.append(tr("f_existing", dato=self.base.vurdert_dato.strftime("%d.%m.%Y")))
        state = "f_unsaved" if self.dirty else "f_saved_state" if self.base is not None else "f_no_changes"
        parts.append(f"({tr(state)})")
        text = " ".join(parts)
        if text != self._state_shown:  # repainting an unchanged line would widen every frame's redraw
            self._state_shown = text
            self.query_one("#assessment-state", Static).update(Text(text), layout=False)  # one line, always

    # -- saving and leaving ----------------------------------------------------------------
    def action_save(self) -> None:
        if self.assessment is None or self.result is None:
            self.notify(tr("d_cannot_save", grunn=shown(self.problem)), severity="warning")
            return
        decision_only = self.decision_only
        note = tr("d_decision_only", dato=self.base.vurdert_dato.strftime("%d.%m.%Y")) if decision_only and self.base else ""
        saved_as = identity_who(self.rapp.identity, self.rapp.lang)
        dialog = SaveDecisionDialog(self.rapp.matrix, self.assessment, self.result, saved_as, note)
        self.app.push_screen(dialog, self._save_decided)

    def _save_decided(self, decision: DecisionInput | None) -> None:
        if decision is None or self.assessment is None or self.result is None:
            return
        store = self.rapp.store
        try:
            if self.decision_only and self.base is not None:
                store.record_decision(self.base.id, decision)
                saved_id = self.base.id
            else:
                saved_id = store.record(self.assessment, self.result, decision, draft=self.draft.id if self.draft else None)
            # Someone else saved this person while the form was open: both versions are kept
            # (history is append-only); say so, so that nobody thinks theirs replaced the other.
            newer = store.assessments_since(self.assessment.person_id, self.base.id if self.base else 0, exclude=saved_id)
        except StoreError as error:
            self.notify(shown(error.message(self.rapp.lang)), severity="error", timeout=10)
            return
        self._initial = self.query_one(AssessmentForm).raw()
        if newer:
            other = newer[-1]
            who = who_text(other.recorded_by, other.verified, self.rapp.lang)
            self.notify(
                tr("store_konflikt", person=shown(self.assessment.person_id), hvem=shown(who), tid=other.recorded_at[:16]),
                severity="warning",
                timeout=30,
            )
        self.notify(tr("d_saved", person=shown(self.assessment.person_id), gruppe=decision.final_gruppe))
        self.dismiss(True)

    def action_save_draft(self) -> None:
        """Save the form as it is, incomplete answers and all, to finish later; never counted."""
        app = self.rapp
        raw = self.query_one(AssessmentForm).raw()
        district = app.matrix.districts.resolve(raw.get("bydel", ""))
        person = self.draft.person_id if self.draft else self.base.person_id if self.base else raw.get("person_id", "")
        try:
            person = parse_person_id(person)
        except ValueError:  # pydantic's custom error is one: the field's own message says why
            person = ""
        if not person or district is None:
            self.notify(tr("d_draft_needs"), severity="warning")
            return
        try:
            app.store.save_draft(person, district.navn, {k: v for k, v in raw.items() if k != "person_id"})
        except StoreError as error:
            self.notify(shown(error.message(app.lang)), severity="error", timeout=10)
            return
        self._initial = raw
        self.notify(tr("d_draft_saved", person=shown(person)))
        self.dismiss(True)

    def action_back(self) -> None:
        if not self.dirty:
            self.dismiss(False)
            return

        def answered(leave: bool | None) -> None:
            if leave:
                self.dismiss(False)

        self.app.push_screen(ConfirmDialog(tr("q_unsaved"), tr("q_leave"), tr("q_stay")), answered)
