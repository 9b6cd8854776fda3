"""The terminal UI's texts (Norwegian bokmål by default, English with --lang en).

The texts themselves are in tui/messages.py. Binding descriptions are written as catalog
keys in the BINDINGS lists and translated per instance by `localize_bindings`, so the footer
and the command palette speak the app's language.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from textual._context import active_app

from matrix.messages import Lang, catalog, t

if TYPE_CHECKING:
    from textual.dom import DOMNode


def app_lang() -> Lang:
    try:
        return getattr(active_app.get(), "lang", "nb")
    except LookupError:
        return "nb"


def tr(key: str, /, **params: object) -> str:
    """`key` in the running app's language."""
    return t(key, app_lang(), **params)


def localize_bindings(node: DOMNode, lang: Lang) -> None:
    """Replace binding descriptions that are catalog keys by their text in `lang`."""
    bindings = node._bindings.key_to_bindings
    for key, found in bindings.items():
        bindings[key] = [dataclasses.replace(b, description=t(b.description, lang)) if b.description in catalog() else b for b in found]
