"""The two gates every untrusted value passes on its way out.

Imported values (an export's cells, a matrix file's texts, a person id typed in a form) are
hostile until checked. Two places turn them into something a person's tools act on:

- a terminal: `terminal_text()` for every value shown in the CLI or the TUI. It removes what a
  terminal would obey rather than show: C0/C1 control characters (ESC starts ANSI/OSC
  sequences that recolour, move the cursor or retitle the window), DEL, and the bidirectional
  overrides and isolates that make text read differently from how it is stored. Line breaks and
  tabs become spaces where a value must stay on one line. Markup is a second, separate hazard:
  the TUI escapes it where it renders markup (`tui.display.shown`), so here only controls go.
- a spreadsheet: `spreadsheet_cell()` for every cell written to CSV or XLSX. Per the OWASP
  CSV-injection guidance a text that starts with `=`, `+`, `-`, `@`, a tab or a carriage return
  is prefixed with an apostrophe, so Excel and LibreOffice show it as text instead of running
  it as a formula. A plain number ("-3", "+4,5") is left alone: it cannot be a formula.
  `xlsx_text()` also removes the control characters that XML 1.0 forbids (openpyxl would raise
  on them and lose the whole file).
"""

from __future__ import annotations

import re
from typing import Any

# C0 controls except tab/newline/CR (handled apart), DEL, C1 controls, and the Unicode
# bidirectional embedding/override/isolate marks (Trojan Source).
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_LINE_BREAKS = re.compile(r"[\t\n\r\u2028\u2029\x85]+")
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")  # a cell starting with one may be run as a formula
_PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?\Z")
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def terminal_text(value: object, one_line: bool = True) -> str:
    """`value` as text that a terminal shows and never obeys. With `one_line=False` line breaks
    stay, as LF: a lone carriage return would move the cursor back over what was written."""
    text = value if isinstance(value, str) else str(value)
    text = _LINE_BREAKS.sub(" ", text) if one_line else text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROLS.sub("", text)


def json_text(text: str) -> str:
    """JSON text (from json.dumps with ensure_ascii=False) with every character a terminal would
    obey written as a \\u escape: the same JSON value, safe to print. (json escapes C0 controls
    itself; C1 controls, DEL and the bidirectional marks are left to this.)"""
    return _CONTROLS.sub(lambda found: f"\\u{ord(found.group()):04x}", text)


def spreadsheet_cell(value: Any) -> Any:
    """A cell value that no spreadsheet will evaluate: formula triggers neutralised; non-text unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS) and not _PLAIN_NUMBER.match(value):
        return "'" + value
    return value


def xlsx_text(value: str) -> str:
    """A text cell for XLSX: without XML-illegal controls, then neutralised like every spreadsheet
    cell (in that order: "\x01=cmd" must not become a formula once the control is gone)."""
    return spreadsheet_cell(_XML_ILLEGAL.sub("", value))
