"""What every command shares: loading the matrix with a clear message, writing text and JSON.

Everything a command prints for a person goes through `say` (text) or `print_json`: file names,
cell values and matrix texts inside messages are data, and a terminal obeys escape sequences
in data as readily as in code (matrix.safe_text.terminal_text). Rich tables take their cells
as `rich_cell`s, so that brackets in data are never read as markup."""

from __future__ import annotations

import json
import sys
from datetime import date
from typing import TYPE_CHECKING, Any

from matrix.load import Matrix, MatrixError, load_matrix
from matrix.messages import Lang, t
from matrix.safe_text import json_text, terminal_text

if TYPE_CHECKING:
    from rich.text import Text


class CommandFailed(Exception):
    """A failure already explained to the user; carries the exit code."""

    def __init__(self, code: int) -> None:
        self.code = code


def matrix_or_exit(path: str | None, lang: Lang, code: int = 1) -> Matrix:
    try:
        return load_matrix(path)
    except MatrixError as error:
        say(error.message(lang), err=True)
        raise CommandFailed(code) from None


def date_or_exit(text: str | None, lang: Lang, code: int = 2) -> date | None:
    """A --dato value (YYYY-MM-DD), None when not given; a bad one is explained, exit `code`."""
    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        say(t("tilbud_dato_feil", lang, verdi=terminal_text(text)), err=True)
        raise CommandFailed(code) from None


def say(text: object = "", *, err: bool = False) -> None:
    """Print text for a person (standard error with `err`): every control character a terminal
    would obey removed, line breaks kept."""
    print(terminal_text(text, one_line=False), file=sys.stderr if err else sys.stdout)


def rich_cell(value: object) -> Text:
    """A value for a Rich table or title: shown as it is (no markup), without controls."""
    from rich.text import Text  # here: commands without tables start without Rich

    return Text(terminal_text(value))


def print_json(data: Any) -> None:
    sys.stdout.write(json_text(json.dumps(data, ensure_ascii=False, indent=2)))
    sys.stdout.write("\n")

