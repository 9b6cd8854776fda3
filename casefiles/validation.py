"""Row validation shared by the simple and the fast batch paths.

`Layout` says which column holds which field. `FieldCheck` validates one field's raw cell by
running the real `parse_assessment` on a known-good assessment with only that cell changed, so
every message and value is exactly what the pydantic model gives, and caches the answer per
distinct cell (exports repeat the same few values millions of times). `DuplicateIndex` finds
rows whose person_id and vurdert_dato repeat an accepted row, exactly and in bounded memory.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from casefiles.mapping import ColumnMapping, canonical_header
from casefiles.messages import CaseFileError
from casefiles.readers import ABSENT, Source, cell_text
from matrix import limits
from matrix.assessment import Assessment, AssessmentInvalid, FieldError, parse_assessment
from matrix.fields import CANONICAL_FIELDS, REQUIRED_FIELDS
from matrix.load import Matrix

FIELD_ORDER: dict[str, int] = {name: i for i, name in enumerate(Assessment.model_fields)}
ROW_FIELD = "rad"  # `felt` for a problem with the row as a whole
_CACHE_LIMIT = 200_000


def field_order(error: FieldError) -> int:
    """Errors are listed as the model reports them: the row first, then fields in model order."""
    return -1 if error.felt == ROW_FIELD else FIELD_ORDER.get(error.felt, len(FIELD_ORDER))


class Layout:
    """A source's columns: output names, where each canonical field is, how to read a row."""

    def __init__(self, source: Source, mapping: ColumnMapping | None = None) -> None:
        self.source = source
        self.names = canonical_header(source.header, mapping, str(source.path))
        self.width = len(self.names)
        self.index = {name: i for i, name in enumerate(self.names) if name in CANONICAL_FIELDS}
        self.pad: Any = "" if source.kind == "csv" else None
        self.missing_required = [name for name in REQUIRED_FIELDS if name not in self.index]

    def require_columns(self) -> None:
        """Refuse a file that lacks a required column: every row would be rejected (SPEC: exit 1)."""
        if self.missing_required:
            raise CaseFileError("mangler_kolonner", fil=str(self.source.path), felt=", ".join(self.missing_required))

    def shape(self, cells: list[Any]) -> tuple[list[Any], FieldError | None]:
        """Cells cut or padded to the header's width; an error if cut cells held anything, or if
        a cell is longer than `limits.MAX_CELL_CHARS`."""
        shaped, error = self._fit(cells)
        if error is None:
            for index, cell in enumerate(shaped):
                if isinstance(cell, str) and len(cell) > limits.MAX_CELL_CHARS:
                    return shaped, FieldError(ROW_FIELD, "celle_for_lang",
                                              {"kolonne": self.names[index][:60], "lengde": len(cell), "maks": limits.MAX_CELL_CHARS})
        return shaped, error

    def _fit(self, cells: list[Any]) -> tuple[list[Any], FieldError | None]:
        if len(cells) == self.width:
            return cells, None
        if len(cells) < self.width:
            return cells + [self.pad] * (self.width - len(cells)), None
        extra = cells[self.width :]
        kept = cells[: self.width]
        if any(cell_text(c).strip() for c in extra):
            filled = self.width + max(i for i, c in enumerate(extra) if cell_text(c).strip()) + 1
            return kept, FieldError(ROW_FIELD, "for_mange_celler", {"celler": filled, "kolonner": self.width})
        return kept, None

    @staticmethod
    def is_blank(cells: Sequence[Any]) -> bool:
        return not any(cell_text(c).strip() for c in cells)

    def record(self, cells: Sequence[Any]) -> dict[str, Any]:
        """The row as parse_assessment takes it: canonical fields as text (a numeric person_id as
        its number), every other column as read, under `ekstra`."""
        record: dict[str, Any] = {}
        extra: dict[str, Any] = {}
        for name, value in zip(self.names, cells, strict=True):
            if value is ABSENT:
                continue
            if name == "person_id":
                record[name] = person_id_cell(value)
            elif name in self.index:
                record[name] = cell_text(value)
            else:  # every other column passes through, even one named like the model's own `ekstra`
                extra[name] = value
        record["ekstra"] = extra
        return record


def person_id_cell(value: Any) -> Any:
    """A person_id cell as validation takes it: a number stays a number (`parse_person_id`
    restores a national id's lost leading zero from it, or refuses it); anything else as text."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    return cell_text(value)


class FieldCheck:
    """Validates single cells with the real assessment model, memoised per distinct cell."""

    def __init__(self, matrix: Matrix) -> None:
        self.matrix = matrix
        self.template: dict[str, str] = {
            "person_id": "X1",
            "bydel": matrix.districts.names()[0],
            "boevne": "1",
            "rus": "1",
            "psykisk_helse": "1",
            "somatisk_helse": "1",
            "atferd": "1",
            "sosial_fungering": "1",
            "tilsynsbehov": "ingen",
            "behandlingsbehov": "nei",
            "vold_trusler": "nei",
            "brannrisiko": "nei",
            "varighet": "langvarig",
            "boligsituasjon": next(iter(matrix.housing)),
        }
        parse_assessment(self.template, matrix)  # the template itself must be valid
        self._cache: dict[tuple[str, str | None], tuple[Any, tuple[FieldError, ...]]] = {}

    def check(self, name: str, raw: str | None) -> tuple[Any, tuple[FieldError, ...]]:
        """(value, ()) for a valid cell, (None, errors) for a bad one; raw None = no such column."""
        key = (name, raw)
        found = self._cache.get(key)
        if found is None:
            if len(self._cache) >= _CACHE_LIMIT:
                self._cache.clear()
            found = self._cache[key] = self._check(name, raw)
        return found

    def _check(self, name: str, raw: str | None) -> tuple[Any, tuple[FieldError, ...]]:
        record = dict(self.template)
        record.pop(name, None)
        if raw is not None:
            record[name] = raw
        try:
            assessment = parse_assessment(record, self.matrix)
        except AssessmentInvalid as invalid:
            errors = tuple(e for e in invalid.errors if e.felt == name)
            if not errors or len(errors) != len(invalid.errors):
                raise AssertionError(f"validating {name} alone reported {invalid.errors}") from None
            return None, errors
        return getattr(assessment, name), ()


def day_number(day: date | None) -> int:
    return day.toordinal() if day is not None else 0


class DuplicateIndex:
    """person_id → the accepted (vurdert_dato, row) pairs, packed into ints to keep memory small.

    Each value is `ordinal << 32 | rad` (ordinal 0 = no date), or a list of those when one
    person has several assessments. Exact: no hashing of keys, so no false duplicates.
    """

    def __init__(self) -> None:
        self.seen: dict[str, int | list[int]] = {}

    def earlier(self, person_id: str, day: int) -> int | None:
        """The row number of an accepted row with the same person_id and day, if any."""
        packed = self.seen.get(person_id)
        if packed is None:
            return None
        for entry in packed if isinstance(packed, list) else (packed,):
            if entry >> 32 == day:
                return entry & 0xFFFFFFFF
        return None

    def add(self, person_id: str, day: int, rad: int) -> None:
        entry = day << 32 | rad
        packed = self.seen.get(person_id)
        if packed is None:
            self.seen[person_id] = entry
        elif isinstance(packed, list):
            packed.append(entry)
        else:
            self.seen[person_id] = [packed, entry]


def duplicate_error(rad: int) -> FieldError:
    return FieldError("person_id", "duplikat", {"rad": rad})
