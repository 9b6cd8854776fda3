"""The keys a tally can count by (SPEC section 5, `tally --by`).

A module of its own, importing nothing, so the command line can list the keys in its help
without loading the counting code.
"""

from __future__ import annotations

TALLY_KEYS: tuple[str, ...] = ("bydel", "gruppe", "boligtype", "boligstandard", "ansvar", "dekning", "kjonn", "aldersgruppe")
DEFAULT_BY: tuple[str, ...] = ("bydel", "gruppe")
