"""JSON from outside (classify's document, each JSONL line), parsed within bounds.

`json.loads` alone keeps the last of two equal keys silently (a person could change group by
a repeated key), accepts lone surrogates that cannot be written back as UTF-8, and recurses
until the stack runs out on deep nesting. `parse_json` refuses each of these by a message
code (`JsonRefused.kode`) before any value is used.
"""

from __future__ import annotations

import json
import re
from typing import Any

from matrix import limits
from matrix.safe_text import terminal_text

_SURROGATE = re.compile("[\ud800-\udfff]")


class JsonRefused(Exception):
    """A JSON text that is refused: a message code and its parameters."""

    def __init__(self, kode: str, params: dict[str, object]) -> None:
        self.kode = kode
        self.params = params
        super().__init__(kode)


class _DuplicateKey(Exception):
    def __init__(self, key: str) -> None:
        self.key = key


class _BadText(Exception):
    pass


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object's keys, refusing one that repeats in any letter case (JSON would keep the
    last silently) and any text holding a lone surrogate (it cannot be written back)."""
    seen: set[str] = set()
    for key, value in pairs:
        folded = key.strip().casefold()
        if folded in seen:
            raise _DuplicateKey(key)
        seen.add(folded)
        if _SURROGATE.search(key) or (isinstance(value, str) and _SURROGATE.search(value)):
            raise _BadText
    return dict(pairs)


def _depth(value: Any) -> int:
    """Nesting depth of a parsed JSON value, without recursion."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, level)
            if level > limits.MAX_JSON_DEPTH:
                return level
            stack.extend((child, level + 1) for child in (item.values() if isinstance(item, dict) else item))
    return deepest


def parse_json(text: str) -> Any:
    """One JSON document, bounded and checked; raises `JsonRefused` naming what is wrong."""
    if len(text) > limits.MAX_JSON_BYTES:
        raise JsonRefused("json_for_stor", {"maks": limits.MAX_JSON_BYTES})
    if _SURROGATE.search(text):
        raise JsonRefused("json_tegn", {})
    try:
        parsed = json.loads(text, object_pairs_hook=_unique_keys)
    except _DuplicateKey as duplicate:
        raise JsonRefused("json_dobbel_nokkel", {"nokkel": terminal_text(duplicate.key)[:60]}) from None
    except _BadText:
        raise JsonRefused("json_tegn", {}) from None
    except RecursionError:
        raise JsonRefused("json_dybde", {"maks": limits.MAX_JSON_DEPTH}) from None
    except json.JSONDecodeError as error:
        raise JsonRefused("json_syntaks", {"grunn": f"{error.msg}", "linje": error.lineno, "kolonne": error.colno}) from None
    except ValueError as error:  # e.g. an integer with too many digits
        raise JsonRefused("json_syntaks", {"grunn": str(error)[:80], "linje": 1, "kolonne": 1}) from None
    if _depth(parsed) > limits.MAX_JSON_DEPTH:
        raise JsonRefused("json_dybde", {"maks": limits.MAX_JSON_DEPTH})
    return parsed
