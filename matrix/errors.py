"""The one error base of the product: a message code, its parameters, and one way to say it.

Every error a user may see (a file that cannot be read, a matrix that cannot be used, a store
that refuses, a gap in the decision table) is a `RusmatriseError`: `kode` names a message in
the catalog of `matrix.messages`, `params` fill it in, and `message(lang)` renders it in
bokmål or English. The CLI's error boundary and the TUI's workers catch this one class.
Messages hold no personal data beyond a row number and a person_id.
"""

from __future__ import annotations

import errno
from collections.abc import Mapping

from matrix.messages import Lang, t
from matrix.safe_text import terminal_text

DEBUG_VARIABLE = "RUSMATRISE_DEBUG"


class RusmatriseError(Exception):
    """A failure explained in the user's language: `kode` + `params` → `message(lang)`."""

    def __init__(self, kode: str, params: Mapping[str, object] | None = None) -> None:
        self.kode = kode
        self.params: dict[str, object] = dict(params or {})
        super().__init__(self.message("en"))

    def message(self, lang: Lang = "nb") -> str:
        return t(self.kode, lang, **self.params)

    def render(self, lang: Lang = "nb") -> str:
        """Alias of `message` (matrix errors were rendered under this name)."""
        return self.message(lang)


def failure_message(error: BaseException, lang: Lang, where: str) -> str:
    """Any failure as one line for the user: the product's own errors by their message, the
    operating system's by file and reason (a full disk said as such), anything else by its
    type only (its text could hold personal data). `where` names the command or screen."""
    if isinstance(error, RusmatriseError):
        return error.message(lang)
    if isinstance(error, OSError):
        shown = terminal_text(error.filename) if error.filename else "-"
        if error.errno in (errno.ENOSPC, errno.EDQUOT):
            return t("disk_full", lang, fil=shown)
        return t("os_feil", lang, fil=shown, grunn=error.strerror or type(error).__name__)
    if isinstance(error, RecursionError | MemoryError):
        return t("for_stort", lang, grunn=type(error).__name__)
    return t("intern_feil", lang, type=type(error).__name__, kommando=where, variabel=DEBUG_VARIABLE)
