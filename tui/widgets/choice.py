"""One field's options as a single widget; the chosen one reads "(•)", the others "( )".

The stock RadioSet marks the chosen option by colour alone (invisible in a plain terminal
or to a screen reader) and is one widget per option, so every choice restyles and re-lays
out the whole form. Here the marks and the cursor ("›") are characters, the widget's
height only depends on its width, and a choice repaints just this widget.

Keys: up/down move the cursor, space/enter choose it, and each option's shortcut (1–9, or
j/y/n for yes/no) chooses directly. A click chooses the option under the pointer.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.widget import Widget

from matrix.safe_text import terminal_text

CHOSEN, NOT_CHOSEN = "(•)", "( )"
CURSOR = "›"
_INDENT = 6  # cursor, space, mark (3), space


class ChoiceSet(Widget, can_focus=True):
    DEFAULT_CSS = """
    ChoiceSet {
        height: auto;
        width: 1fr;
    }
    ChoiceSet > .choice--cursor {
        background: $block-cursor-blurred-background;
    }
    ChoiceSet:focus > .choice--cursor {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
    }
    ChoiceSet > .choice--chosen {
        text-style: bold;
    }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {"choice--cursor", "choice--chosen"}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "move(-1)", "Previous", show=False),
        Binding("down", "move(1)", "Next", show=False),
        Binding("space,enter", "choose_cursor", "Choose", show=False),
    ]

    class Changed(Message):
        """The user chose `value`."""

        def __init__(self, choice_set: ChoiceSet, value: str) -> None:
            super().__init__()
            self.choice_set = choice_set
            self.value = value

        @property
        def control(self) -> ChoiceSet:
            return self.choice_set

    def __init__(
        self,
        options: list[tuple[str, str]],
        shortcuts: dict[str, str] | None = None,
        *,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.options = options
        self.values = [value for value, _ in options]
        self.shortcuts = shortcuts if shortcuts is not None else {str(i + 1): value for i, value in enumerate(self.values)}
        self._value: str | None = None
        self.cursor = 0
        self.on_choose: Callable[[str], None] | None = None  # called at once, before any message
        self._wrapped: tuple[int, list[list[Text]]] | None = None  # (width, label lines per option)

    @property
    def value(self) -> str | None:
        return self._value

    def choose(self, value: str | None, announce: bool = True) -> None:
        """Choose `value` (None clears); with `announce`, post Changed as a key press would."""
        self._value = value
        if value is not None:
            self.cursor = self.values.index(value)
        self.refresh()
        if announce and value is not None:
            if self.on_choose is not None:
                self.on_choose(value)
            self.post_message(self.Changed(self, value))

    # -- layout and drawing ----------------------------------------------------------------
    def _lines(self, width: int) -> list[list[Text]]:
        if self._wrapped is None or self._wrapped[0] != width:
            room = max(1, width - _INDENT)
            wrapped = [list(Text(terminal_text(label)).wrap(self.app.console, room)) for _, label in self.options]
            self._wrapped = (width, wrapped)
        return self._wrapped[1]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return sum(len(lines) for lines in self._lines(width))

    def render(self) -> Text:
        width = self.content_size.width
        cursor_style = self.get_component_rich_style("choice--cursor")
        chosen_style = self.get_component_rich_style("choice--chosen")
        out = Text(no_wrap=True, overflow="crop", end="")
        first = True
        for index, ((value, _), lines) in enumerate(zip(self.options, self._lines(width), strict=True)):
            here = index == self.cursor
            for row, part in enumerate(lines):
                if not first:
                    out.append("\n")
                first = False
                start = len(out)
                if row == 0:
                    out.append(f"{CURSOR if here and self.has_focus else ' '} {CHOSEN if value == self._value else NOT_CHOSEN} ")
                else:
                    out.append(" " * _INDENT)
                out.append_text(part)
                if value == self._value:
                    out.stylize(chosen_style, start, len(out))
                if here:
                    out.stylize(cursor_style, start, len(out))
        return out

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    # -- input -----------------------------------------------------------------------------
    def action_move(self, step: int) -> None:
        self.cursor = (self.cursor + step) % len(self.options)
        self.refresh()
        self.scroll_visible()

    def action_choose_cursor(self) -> None:
        self.choose(self.values[self.cursor])

    def _on_key(self, event: events.Key) -> None:
        chosen = self.shortcuts.get(event.character or "")
        if chosen is not None:
            event.stop()
            event.prevent_default()
            self.choose(chosen)

    def _on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        row = 0
        for index, lines in enumerate(self._lines(self.content_size.width)):
            row += len(lines)
            if offset.y < row:
                self.choose(self.values[index])
                return
