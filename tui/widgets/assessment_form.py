"""The assessment form, generated from `FieldSpec`s: labels, help, one control per field, and
a line under each control that states the field's problem in words.

Every edit calls `on_change` at once, in the same turn as the key that made it, rather than
through a chain of messages: so the live panel is recomputed before Textual paints the
key's own echo, and both appear in the same frame.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Input, Select, Static

from tui.display import as_text
from tui.form_spec import FieldSpec, shown_value
from tui.text import tr
from tui.widgets.choice import ChoiceSet


class _FormInput(Input):
    """An Input that tells its form about each edit at once."""

    def __init__(self, form: AssessmentForm, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.form = form

    def _watch_value(self, value: str) -> None:
        super()._watch_value(value)
        self.form.edited()


class _FormSelect(Select[str]):
    """A Select that tells its form about each choice at once."""

    def __init__(self, form: AssessmentForm, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.form = form

    def _watch_value(self, value: Any) -> None:
        super()._watch_value(value)
        self.form.edited()


class AssessmentForm(VerticalScroll):
    """Calls `on_change()` after every edit by the user (not while `load` fills it)."""

    def __init__(self, specs: list[FieldSpec], on_change: Callable[[], None], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.specs = specs
        self.on_change = on_change
        self._loading = True  # until the screen loads the first values
        self._shown_errors: dict[str, str] = {}

    def edited(self) -> None:
        if not self._loading and self.is_mounted:
            self.on_change()

    def compose(self) -> ComposeResult:
        section = None
        for spec in self.specs:
            if spec.section != section:
                section = spec.section
                yield Static(as_text(section), classes="form-section")
            yield Static(as_text(spec.label), classes="field-label")
            if spec.help:
                yield Static(as_text(spec.help), classes="field-help")
            yield self._control(spec)
            yield Static("", id=f"e-{spec.felt}", classes="field-error")

    def _control(self, spec: FieldSpec) -> Widget:
        name = f"f-{spec.felt}"
        if spec.kind == "choice":
            shortcuts = dict(spec.shortcuts) if spec.shortcuts is not None else None
            choice = ChoiceSet(list(spec.options), shortcuts, id=name, classes="field-control")
            choice.on_choose = lambda _value: self.edited()
            return choice
        if spec.kind == "select":
            options = [(as_text(label), value) for value, label in spec.options]
            return _FormSelect(self, options, prompt=tr("f_choose"), id=name, classes="field-control", compact=True)
        kinds = {"int": "integer", "date": "text", "text": "text"}
        return _FormInput(self, id=name, type=kinds[spec.kind], classes="field-control", compact=True)

    def control(self, felt: str) -> Widget:
        return self.query_one(f"#f-{felt}")

    def raw(self) -> dict[str, str]:
        """The values as typed or chosen; blank fields are left out (the parser reports them)."""
        values: dict[str, str] = {}
        for spec in self.specs:
            widget = self.control(spec.felt)
            value: object
            if isinstance(widget, ChoiceSet):
                value = widget.value
            elif isinstance(widget, Select):
                value = None if widget.value is Select.NULL else widget.value
            else:
                value = widget.value.strip() if isinstance(widget, Input) else None
            if value:
                values[spec.felt] = str(value)
        return values

    def load(self, data: Mapping[str, Any]) -> None:
        """Fill every field from `data` without a change (or message) per field."""
        self._loading = True
        try:
            self._fill(data)
        finally:
            self._loading = False

    def _fill(self, data: Mapping[str, Any]) -> None:
        with self.prevent(Input.Changed, Select.Changed):
            for spec in self.specs:
                widget = self.control(spec.felt)
                text = shown_value(spec, data.get(spec.felt))
                if isinstance(widget, ChoiceSet):
                    widget.choose(text if text in widget.values else None, announce=False)
                elif isinstance(widget, Select):
                    known = {value for value, _ in spec.options}
                    widget.value = text if text in known else Select.NULL
                elif isinstance(widget, Input):
                    widget.value = text

    def show_errors(self, errors: Mapping[str, str]) -> None:
        """One line of words under each bad field; only lines that changed are redrawn."""
        for spec in self.specs:
            message = errors.get(spec.felt, "")
            if self._shown_errors.get(spec.felt, "") != message:
                self.query_one(f"#e-{spec.felt}", Static).update(as_text(message))
                self.query_one(f"#e-{spec.felt}").set_class(bool(message), "-shown")
        self._shown_errors = dict(errors)
