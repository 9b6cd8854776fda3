"""What every command shares: loading the matrix with a clear message, writing JSON."""

from __future__ import annotations

import json
import sys
from datetime import date
from typing import Any

from matrix.load import Matrix, MatrixError, load_matrix
from matrix.messages import Lang, t
from matrix.safe_text import terminal_text
from tallies import messages as _planner_messages  # noqa: F401  (registers the texts used here)


class CommandFailed(Exception):
    """A failure already explained to the user; carries the exit code."""

    def __init__(self, code: int) -> None:
        self.code = code


def matrix_or_exit(path: str | None, lang: Lang, code: int = 1) -> Matrix:
    try:
        return load_matrix(path)
    except MatrixError as error:
        print(error.render(lang), file=sys.stderr)
        raise CommandFailed(code) from None


def date_or_exit(text: str | None, lang: Lang, code: int = 2) -> date | None:
    """A --dato value (YYYY-MM-DD), None when not given; a bad one is explained, exit `code`."""
    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        print(t("tilbud_dato_feil", lang, verdi=terminal_text(text)), file=sys.stderr)
        raise CommandFailed(code) from None


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")

