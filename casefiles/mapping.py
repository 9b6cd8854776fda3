"""Column names: another system's headers renamed to the canonical field names.

A mapping file is TOML with one table:

    [kolonner]
    "Fødselsnummer" = "person_id"
    "Bydelsnavn"    = "bydel"

Names are matched without regard to case or surrounding blanks. Without a mapping (and for
columns the mapping does not name) a header that is a canonical name in any case is taken as
that field; every other column is kept and passed through under its own name.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from casefiles.messages import CaseFileError
from matrix.fields import CANONICAL_FIELDS


def _key(name: str) -> str:
    return name.replace("\ufeff", "").strip().casefold()


@dataclass(frozen=True)
class ColumnMapping:
    renames: dict[str, str]  # folded export name → canonical field

    @classmethod
    def load(cls, path: str | Path) -> ColumnMapping:
        shown = str(path)
        try:
            raw = tomllib.loads(Path(path).read_text(encoding="utf-8-sig"))
        except OSError as error:
            raise CaseFileError("mapping_les", fil=shown, grunn=error.strerror or str(error)) from None
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
            raise CaseFileError("mapping_les", fil=shown, grunn=str(error)) from None
        table = raw.get("kolonner")
        if not isinstance(table, dict) or not all(isinstance(v, str) for v in table.values()):
            raise CaseFileError("mapping_form", fil=shown)
        renames: dict[str, str] = {}
        sources: dict[str, list[str]] = {}
        for source, target in table.items():
            field = target.strip().lower()
            if field not in CANONICAL_FIELDS:
                raise CaseFileError("mapping_felt", fil=shown, kilde=source, felt=target, gyldige=", ".join(CANONICAL_FIELDS))
            renames[_key(source)] = field
            sources.setdefault(field, []).append(source)
        for field, names in sources.items():
            if len(names) > 1:
                raise CaseFileError("mapping_dobbel", fil=shown, felt=field, kilder=", ".join(names))
        return cls(renames)

    def rename(self, name: str) -> str:
        return self.renames.get(_key(name), name)


def canonical_header(header: list[str], mapping: ColumnMapping | None, file: str) -> list[str]:
    """Each column's name in the output: the canonical field it holds, or its own name.

    Raises CaseFileError when two columns would hold the same canonical field.
    """
    names: list[str] = []
    for name in header:
        renamed = mapping.rename(name) if mapping else name
        key = _key(renamed)
        names.append(key if key in CANONICAL_FIELDS else renamed)
    for field in CANONICAL_FIELDS:
        holders = [original for original, name in zip(header, names, strict=True) if name == field]
        if len(holders) > 1:
            raise CaseFileError("dobbel_kolonne", fil=file, felt=field, kolonner=", ".join(holders))
    return names
