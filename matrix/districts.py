"""Resolving district names as real exports spell them ("bydel Grunerlokka", "2", "02")."""

from __future__ import annotations

import re

from matrix.model import District

_FOLD = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "ü": "u", "é": "e", "ö": "o", "ä": "a"})
_PREFIX = re.compile(r"^bydel\s+")
_SEPARATORS = re.compile(r"[\s._\-]+")


def fold(text: str) -> str:
    """Lower-case, ASCII-folded, separators collapsed to one underscore."""
    return _SEPARATORS.sub("_", text.strip().lower().translate(_FOLD)).strip("_")


def fold_variants(text: str) -> set[str]:
    """`fold(text)`, plus the spelling that writes æ as a (ordinær → ordinar)."""
    return {fold(text), fold(text.lower().replace("æ", "a"))}


class DistrictIndex:
    """Finds a district by number, name, or alias, in any case and spelling."""

    def __init__(self, districts: list[District]) -> None:
        self.districts = sorted(districts, key=lambda d: d.nr)
        self._by_key: dict[str, District] = {}
        for district in self.districts:
            for spelling in (district.navn, *district.alias):
                for key in fold_variants(spelling):
                    self._by_key[key] = district
            self._by_key[str(district.nr)] = district

    def resolve(self, raw: object) -> District | None:
        if isinstance(raw, bool):
            return None
        if isinstance(raw, int | float) and float(raw).is_integer():
            raw = str(int(raw))
        if not isinstance(raw, str):
            return None
        text = _PREFIX.sub("", raw.strip().lower())
        if text.isdigit():
            return self._by_key.get(str(int(text)))
        for key in fold_variants(text):
            if key in self._by_key:
                return self._by_key[key]
        return None

    def names(self) -> list[str]:
        return [d.navn for d in self.districts]
