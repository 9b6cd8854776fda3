"""The TUI's one way to put an untrusted value into markup.

Textual renders `Static`/`Label` strings as markup, so a person id such as `[/]` would crash a
screen and `[b]` would restyle it. Every imported or typed value shown inside markup goes
through `shown()`: control characters removed (matrix.safe_text), markup escaped. Stored
timestamps are shown with `when_text`.
"""

from __future__ import annotations

from datetime import datetime

from rich.text import Text
from textual.markup import escape

from matrix.safe_text import terminal_text


def shown(value: object) -> str:
    """`value` for a markup string (Static, notify, a title): controls removed, markup escaped."""
    return escape(terminal_text(value))


def as_text(value: object, style: str = "") -> Text:
    """`value` as a Text (never parsed as markup), controls removed: for DataTable cells, Selects, trees."""
    return Text(terminal_text(value), style=style)


def when_text(stamp: str) -> str:
    """A stored ISO timestamp as local day and time (dd.mm.yyyy hh:mm); another shape as it is."""
    try:
        return datetime.fromisoformat(stamp).astimezone().strftime("%d.%m.%Y %H:%M")
    except ValueError:
        return stamp
