"""Horizontal bars drawn with block characters; each bar also carries its number in words."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

FULL = "█"
EIGHTHS = " ▏▎▍▌▋▊▉"


def bar(value: int, largest: int, width: int) -> str:
    """A bar `width` cells long for `largest`, in eighths of a cell."""
    if largest <= 0 or value <= 0:
        return ""
    eighths = round(value / largest * width * 8)
    return FULL * (eighths // 8) + (EIGHTHS[eighths % 8] if eighths % 8 else "")


def bar_chart(title: str, rows: Sequence[tuple[str, int]], width: int = 40, note: str = "") -> Text:
    """`title`, then one line per row: label, bar, number."""
    text = Text(title + "\n", style="bold underline")
    if not rows:
        return text
    label_width = max(len(label) for label, _ in rows)
    largest = max(value for _, value in rows)
    for label, value in rows:
        text.append(f"{label.ljust(label_width)}  ")
        text.append(bar(value, largest, width).ljust(width), style="bold")
        text.append(f"  {value}\n")
    if note:
        text.append(note + "\n", style="italic")
    return text
