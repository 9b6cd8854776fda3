"""Tolerant parsers for values as real exports write them.

Each parser takes the raw cell (str, int, float, bool or date) and returns the canonical
value or raises `FieldProblem` with a message code from `matrix.messages`. They are plain
functions so that the pydantic model and the batch reader share one definition.
"""

from __future__ import annotations

import re
import tomllib
from datetime import date, datetime, time
from functools import cache
from importlib import resources

from pydantic_core import PydanticCustomError

from matrix import limits
from matrix.districts import fold

YES = frozenset({"ja", "j", "yes", "y", "true", "sann", "1"})
NO = frozenset({"nei", "n", "no", "false", "usann", "0"})
_TILSYN_ALIASES = {"heldoegn": "heldogn", "hel_dogn": "heldogn", "dogn": "heldogn", "dag": "dagtid"}
_NUMBER = re.compile(r"^[+-]?\d+(?:[.,]0+)?$")
_NO_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})\Z")
# ISO 8601 calendar date, optionally with a time of day (as spreadsheets export dates); nothing else.
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?)?\Z")
# Characters that are invisible or formatting only: removed from a person_id before it is checked.
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u2060-\u2064\ufeff\u180e]")
_ID_SPACES = re.compile("[\u00a0\u2000-\u200a\u202f\u205f\u3000]")
# A national id as people write it: eleven digits, maybe grouped by spaces, dashes, dots or slashes.
_NATIONAL_ID_SHAPE = re.compile(r"[0-9][0-9 .\-/]*[0-9]\Z")  # ASCII digits only: "٠" is not "0"
_ID_SEPARATORS = re.compile(r"[ .\-/]")
# An answer the person chose not to give (SPEC section 3: livskvalitet «Ønsker ikke å svare»).
# It is an answer, kept and counted as such, but not a number: the rules read it as not given.
DECLINED = "vil_ikke_svare"
_DECLINED_SPELLINGS = frozenset({"vil_ikke_svare", "onsker_ikke_a_svare", "prefers_not_to_answer", "declined"})


def problem(code: str, **params: object) -> PydanticCustomError:
    """A field problem: `code` names the message in the catalog, `params` fill it in."""
    return PydanticCustomError(code, code, params)  # type: ignore[arg-type]


def shown(raw: object) -> str:
    text = raw[:41] if isinstance(raw, str) else str(raw)[:41] if isinstance(raw, int | float) else type(raw).__name__
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


def is_declined(raw: object) -> bool:
    """True for «Ønsker ikke å svare» in the spellings exports use."""
    return isinstance(raw, str) and fold(raw) in _DECLINED_SPELLINGS


def parse_scale_or_declined(raw: object, low: int, high: int) -> int | str:
    """A score on the scale, or DECLINED when the person chose not to answer."""
    if is_declined(raw):
        return DECLINED
    try:
        return parse_scale(raw, low, high)
    except PydanticCustomError:
        raise problem("skala_eller_avslag", verdi=shown(raw), min=low, max=high) from None


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


def parse_date(raw: object, today: date | None = None) -> date:
    """A date: ISO (YYYY-MM-DD, optionally with a time) or DD.MM.YYYY, nothing trailing, not in the future."""
    day = _calendar_date(raw)
    if day > (today or date.today()):
        raise problem("dato_fremtid", verdi=shown(raw))
    return day


def _calendar_date(raw: object) -> date:
    if isinstance(raw, datetime):
        return raw.date()
    if isinstance(raw, date):
        return raw
    if isinstance(raw, str):
        text = raw.strip()
        try:
            if match := _NO_DATE.match(text):
                day, month, year = (int(g) for g in match.groups())
                return date(year, month, day)
            if match := _ISO_DATE.match(text):
                year, month, day = (int(g) for g in match.groups()[:3])
                hour, minute, second = (int(g or 0) for g in match.groups()[3:])
                time(hour, minute, second)  # the time, if any, must be a real time of day
                return date(year, month, day)
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
    if len(number) != 11 or not number.isascii() or not number.isdigit():
        return False
    digits = [int(c) for c in number]
    return _check_digit(digits[:9], _K1) == digits[9] and _check_digit(digits[:10], _K2) == digits[10]


# A person_id of this shape is valid and stays as written: `parse_person_id` returns it unchanged.
# The columnar batch path validates such cells by this pattern alone (a test holds the two to it);
# every other cell goes through `parse_person_id`. Keep it a strict subset when hardening the parser.
# Rust regex syntax as polars runs it: `$` is the end of the text (Python: use re.fullmatch).
PLAIN_PERSON_ID = r"^[A-Za-z0-9](?:[A-Za-z0-9_./:-]{0,62}[A-Za-z0-9])?$"
# What may be a national id as written: 11 digits, or digits grouped by separators (normalised
# and checked by `parse_person_id`, so never taken as plain).
NATIONAL_ID_SHAPE = r"^(?:[0-9]{11}|[0-9][0-9 ./-]*[ ./-][0-9 ./-]*[0-9])$"


def person_id_is_plain(text: str) -> bool:
    """Whether `text` is a person_id exactly as `parse_person_id` would return it, without
    looking further: ASCII letters and digits only, not a national id's 11 digits, not too long."""
    return text.isascii() and text.isalnum() and len(text) != 11 and len(text) <= limits.MAX_PERSON_ID_CHARS


def parse_person_id(raw: object) -> str:
    """The case system's id, normalised: national ids always get the mod-11 check.

    Invisible characters (zero-width, soft hyphen, BOM) are removed and odd spaces made plain.
    Text of digits grouped by spaces, dashes, dots or slashes with eleven digits in all is a
    national id ("010190 00084" = "01019000084"). A number (a JSON integer, a spreadsheet's
    numeric cell) with 10 digits has lost a leading zero: it is read back as 11 digits only if
    that passes mod-11, otherwise refused, so it can never become a second person.
    """
    if isinstance(raw, str) and person_id_is_plain(raw):
        return raw
    if isinstance(raw, bool):
        raise problem("tekst")
    if isinstance(raw, float):
        if not raw.is_integer():
            raise problem("person_id_tall", verdi=shown(raw))
        raw = int(raw)
    if isinstance(raw, int):
        return _numeric_person_id(raw)
    if not isinstance(raw, str):
        raise problem("tekst")
    text = _ID_SPACES.sub(" ", _INVISIBLE.sub("", raw)).strip()
    if not text:
        raise problem("mangler")
    if len(text) > limits.MAX_PERSON_ID_CHARS:
        raise problem("person_id_lang", maks=limits.MAX_PERSON_ID_CHARS)
    if _NATIONAL_ID_SHAPE.match(text):
        digits = _ID_SEPARATORS.sub("", text)
        if len(digits) == 11:
            if not valid_national_id(digits):
                raise problem("fodselsnummer")
            return digits
    return text


def _numeric_person_id(number: int) -> str:
    if number < 0:
        raise problem("person_id_tall", verdi=shown(number))
    text = str(number)
    if len(text) == 10 and valid_national_id("0" + text):
        return "0" + text
    if len(text) == 10:
        raise problem("person_id_null", verdi=text)
    if len(text) == 11 and not valid_national_id(text):
        raise problem("fodselsnummer")
    return text


@cache
def _sex_spellings() -> dict[str, str]:
    """Folded spelling → kjonn code, from matrix/data/kjonn.toml."""
    data = tomllib.loads((resources.files("matrix") / "data" / "kjonn.toml").read_text(encoding="utf-8"))
    spellings: dict[str, str] = {}
    for entry in data["kjonn"]:
        for spelling in (entry["kode"], *entry["skrivemater"]):
            spellings[fold(spelling)] = entry["kode"]
    return spellings


def sex_codes() -> tuple[str, ...]:
    return tuple(dict.fromkeys(_sex_spellings().values()))


def parse_sex(raw: object) -> str:
    """kjonn (SPEC section 3): kvinne, mann, annet or ukjent, in any of the spellings in kjonn.toml."""
    if isinstance(raw, str):
        found = _sex_spellings().get(fold(raw))
        if found is not None:
            return found
    raise problem("valg", verdi=shown(raw), gyldige=", ".join(sex_codes()))


def parse_text(raw: object) -> str:
    if isinstance(raw, str | int | float) and not isinstance(raw, bool):
        return str(raw).strip()
    raise problem("tekst")
