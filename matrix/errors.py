"""The one error base of the product: a message code, its parameters, and one way to say it.

Every error a user may see (a file that cannot be read, a matrix that cannot be used, a store
that refuses, a gap in the decision table) is a `RusmatriseError`: `kode` names a message in
the catalog of `matrix.messages`, `params` fill it in, and `message(lang)` renders it in
bokmål or English. The CLI's error boundary and the TUI's workers catch this one class.
Messages hold no personal data beyond a row number and a person_id.
"""

from __future__ import annotations

from collections.abc import Mapping

from matrix.messages import Lang, t


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
