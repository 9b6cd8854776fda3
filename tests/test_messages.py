"""Every user-facing message exists in bokmål and English with the same placeholders."""

from __future__ import annotations

import string

from matrix.messages import LANGS, catalog, t


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_message_has_both_languages_and_the_same_placeholders():
    for key, entry in catalog().items():
        assert set(entry) == set(LANGS), key
        assert _placeholders(entry["nb"]) == _placeholders(entry["en"]), key


def test_lookup_fills_parameters():
    assert t("gruppe", "en", verdi="9", max=7) == "'9' is not a group (1–7)"
    assert t("gruppe", "nb", verdi="9", max=7) == "«9» er ikke en gruppe (1–7)"
