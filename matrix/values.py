"""Tolerant parsers for values as real exports write them.

Each parser takes the raw cell (str, int, float, bool or date) and returns the canonical
value or raises `FieldProblem` with a message code from `matrix.messages`. They are plain
functions so that the pydantic model and the batch reader share one definition.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from pydantic_core import PydanticCustomError

from matrix.districts import fold

YES = frozenset({"ja", "j", "yes", "y", "true", "sann", "1"})
NO = frozenset({"nei", "n", "no", "false", "usann", "0"})
_TILSYN_ALIASES = {"heldoegn": "heldogn", "hel_dogn": "heldogn", "dogn": "heldogn", "dag": "dagtid"}
_NUMBER = re.compile(r"^[+-]?\d+(?:[.,]0+)?$")
_NO_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")


def problem(code: str, **params: object) -> PydanticCustomError:
    """A field problem: `code` names the message in the catalog, `params` fill it in."""
    return PydanticCustomError(code, code, params)  # type: ignore[arg-type]


def shown(raw: object) -> str:
    text = str(raw)
    return text if len(text) <= 40 else text[:37] + "..."


def parse_int(raw: object) -> int:
    """Whole numbers, also as '3', ' 3 ', '3.0', '3,0' and 3.0 (spreadsheets write floats)."""
    if isinstance(raw, bool):
        raise problem("heltall", verdi=shown(raw))
    if isinstance(raw, int):
        return raw
    if isinstance(raw, float) and raw.is_integer():
        return int(raw)
    if isinstance(raw, str) and _NUMBER.match(raw.strip()):
        return int(re.split(r"[.,]", raw.strip())[0])
    raise problem("heltall", verdi=shown(raw))


def parse_scale(raw: object, low: int = 1, high: int = 5) -> int:
    try:
        value = parse_int(raw)
    except PydanticCustomError:
        raise problem("skala", verdi=shown(raw), min=low, max=high) from None
    if not low <= value <= high:
        raise problem("skala", verdi=shown(raw), min=low, max=high)
    return value


def parse_count(raw: object) -> int:
    try:
        value = parse_int(raw)
    except PydanticCustomError:
        raise problem("heltall_min", verdi=shown(raw), min=0) from None
    if value < 0:
        raise problem("heltall_min", verdi=shown(raw), min=0)
    return value


def parse_yes_no(raw: object) -> bool:
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, int | float) and raw in (0, 1):
        return bool(raw)
    if isinstance(raw, str):
        text = raw.strip().lower()
        if text in YES:
            return True
        if text in NO:
            return False
    raise problem("janei", verdi=shown(raw))


def parse_choice(raw: object, choices: tuple[str, ...], aliases: dict[str, str] | None = None) -> str:
    if isinstance(raw, str):
        key = fold(raw)
        key = (aliases or {}).get(key, key)
        if key in choices:
            return key
    raise problem("valg", verdi=shown(raw), gyldige=", ".join(choices))


def parse_supervision(raw: object, choices: tuple[str, ...]) -> str:
    return parse_choice(raw, choices, _TILSYN_ALIASES)


def parse_date(raw: object) -> date:
    if isinstance(raw, datetime):
        return raw.date()
    if isinstance(raw, date):
        return raw
    if isinstance(raw, str):
        text = raw.strip()
        match = _NO_DATE.match(text)
        try:
            if match:
                day, month, year = (int(g) for g in match.groups())
                return date(year, month, day)
            return date.fromisoformat(text[:10]) if len(text) >= 10 and text[10:11] in ("", "T", " ") else date.fromisoformat(text)
        except ValueError:
            pass
    raise problem("dato", verdi=shown(raw))


_K1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
_K2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)


def _check_digit(digits: list[int], weights: tuple[int, ...]) -> int | None:
    remainder = 11 - sum(d * w for d, w in zip(digits, weights, strict=False)) % 11
    return 0 if remainder == 11 else None if remainder == 10 else remainder


def valid_national_id(number: str) -> bool:
    """Mod-11 check of a Norwegian fødselsnummer or D-number (both control digits)."""
    if len(number) != 11 or not number.isdigit():
        return False
    digits = [int(c) for c in number]
    return _check_digit(digits[:9], _K1) == digits[9] and _check_digit(digits[:10], _K2) == digits[10]


# A person_id of this shape is valid and stays as written: `parse_person_id` returns it unchanged.
# The columnar batch path validates such cells by this pattern alone (a test holds the two to it);
# every other cell goes through `parse_person_id`. Keep it a strict subset when hardening the parser.
# Rust regex syntax as polars runs it: `$` is the end of the text (Python: use re.fullmatch).
PLAIN_PERSON_ID = r"^[A-Za-z0-9](?:[A-Za-z0-9_./:-]{0,62}[A-Za-z0-9])?$"
NATIONAL_ID_SHAPE = r"^[0-9]{11}$"


def parse_person_id(raw: object) -> str:
    if isinstance(raw, bool) or not isinstance(raw, str | int):
        raise problem("tekst")
    text = str(raw).strip()
    if not text:
        raise problem("mangler")
    if len(text) == 11 and text.isdigit() and not valid_national_id(text):
        raise problem("fodselsnummer")
    return text


def parse_text(raw: object) -> str:
    if isinstance(raw, str | int | float) and not isinstance(raw, bool):
        return str(raw).strip()
    raise problem("tekst")
