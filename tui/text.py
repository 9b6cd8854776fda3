"""The terminal UI's texts (Norwegian bokmål by default, English with --lang en).

The texts themselves are in tui/messages.py. Binding descriptions are written as catalog
keys in the BINDINGS lists and translated per instance by `localize_bindings`, so the footer
and the command palette speak the app's language.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from textual._context import active_app

from matrix.messages import Lang, has, t

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


# Descriptions Textual gives its own bindings (footer, palette) → our catalog keys.
TEXTUAL_DESCRIPTIONS: dict[str, str] = {
    "palette": "b_palette",
    "Dismiss menu": "b_dismiss_menu",
    "Exit the command palette": "b_close_palette",
    "Next command": "b_next_command",
    "Previous command": "b_previous_command",
    "Next page": "b_next_page",
    "Previous page": "b_previous_page",
    "Go to top": "b_top",
    "Go to bottom": "b_bottom",
}


def _in_lang(description: str, lang: Lang) -> str | None:
    key = TEXTUAL_DESCRIPTIONS.get(description, description)
    return t(key, lang) if has(key) else None


def localize_bindings(node: DOMNode, lang: Lang) -> bool:
    """Replace binding descriptions (our catalog keys, and Textual's own English ones) by their text in `lang`."""
    bindings = node._bindings.key_to_bindings
    changed = False
    for key, found in bindings.items():
        shown = [(b, _in_lang(b.description, lang), _in_lang(b.tooltip, lang) if b.tooltip else None) for b in found]
        bindings[key] = [dataclasses.replace(b, description=text or b.description, tooltip=tip or (text if b.tooltip else b.tooltip))
                         if text or tip else b for b, text, tip in shown]
        changed |= any(text or tip for _, text, tip in shown)
    return changed
