"""Batch reading and reclassification of exported caseloads.

Three paths give the same answers (tests hold them to it):

- `read_assessments` is the simple, complete path: each row through the pydantic model, for
  the case store's import and anything else that wants `Assessment` objects.
- `Reclassifier` (casefiles.fastpath) is the general batch path behind `rusmatrise reclassify`:
  a row at a time, any file kind. The group, rule, coverage and flags are a pure function of
  how each assessment field compares with the constants the rules use (the public evaluation
  API of rules/), so each cell is validated once per distinct text, each equivalence class goes
  through the rules engine once, and a row costs a handful of dictionary look-ups.
- casefiles.columnar reads CSV in Arrow columns a chunk at a time and gives byte-identical
  files; it falls back to the general path for whatever it cannot read exactly.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic_core import PydanticCustomError

from casefiles.mapping import ColumnMapping
from casefiles.messages import CaseFileError
from casefiles.readers import BadLine, cell_text, open_source
from casefiles.validation import (
    ROW_FIELD,
    DuplicateIndex,
    Layout,
    day_number,
    duplicate_error,
)
from matrix import values as v
from matrix.assessment import Assessment, AssessmentInvalid, FieldError, parse_assessment
from matrix.fields import DOMAIN_FIELDS
from matrix.load import Matrix
from matrix.messages import Lang
from rules import Classifier

RESULT_COLUMNS: tuple[str, ...] = (
    "gruppe",
    "regel",
    "boligtype",
    "boligstandard",
    "bemanning",
    "beliggenhet",
    "ansvar",
    "dekning",
    "advarsler",
    "merknader",
)
CHANGE_COLUMN = "endring"
NUMERIC_COLUMNS: tuple[str, ...] = (*DOMAIN_FIELDS, "institusjonsinntak_12m", "livskvalitet", "fodselsar", "tidligere_gruppe", "gruppe")
CODE_SEPARATOR = ", "
NOTE_SEPARATOR = "; "  # between the notes' texts in one cell: each is a sentence, and may hold commas


def note_texts(classifier: Classifier, codes: Iterable[str], lang: Lang) -> list[str]:
    """The `merknader` column: each note's text in the user's language, never its code (the
    codes only restate columns the row already has: dekning, avlastningsbehov, …)."""
    return [classifier.flag_text(code, lang) for code in codes]


def kept_columns(layout: Layout) -> list[int]:
    """The input columns the output keeps: all but earlier results, which are computed anew."""
    result_names = {*RESULT_COLUMNS, CHANGE_COLUMN}
    return [i for i, name in enumerate(layout.names) if name not in result_names]


def output_header(layout: Layout) -> list[str]:
    """The input's columns (canonical names where known), then the result columns."""
    change = [CHANGE_COLUMN] if "tidligere_gruppe" in layout.index else []
    return [layout.names[i] for i in kept_columns(layout)] + list(RESULT_COLUMNS) + change


@dataclass(frozen=True)
class RowResult:
    """One data row: its 1-based number, its person_id as written, and an assessment or errors."""

    rad: int
    person_id: str | None
    assessment: Assessment | None
    errors: list[FieldError]


def _person_id_text(raw: Any) -> str | None:
    text = cell_text(raw).strip()
    return text or None


def _dup_key(record: dict[str, Any], assessment: Assessment | None) -> tuple[str, int] | None:
    """(person_id, day) when both parse (a blank date counts as a value), else None."""
    if assessment is not None:
        return assessment.person_id, day_number(assessment.vurdert_dato)
    try:
        person_id = v.parse_person_id(record.get("person_id", ""))
        raw_day = record.get("vurdert_dato", "")
        day = v.parse_date(raw_day) if str(raw_day).strip() else None
    except PydanticCustomError:
        return None
    return person_id, day_number(day)


def read_assessments(path: str | Path, matrix: Matrix, mapping: ColumnMapping | None = None) -> Iterator[RowResult]:
    """Every non-blank data row of `path`, validated with the assessment model.

    Raises CaseFileError when the file cannot be read at all, lacks a required column or has
    no data rows (before any row, or after the last). A row that repeats the
    person_id and vurdert_dato of an accepted row is rejected as a duplicate (felt person_id).
    """
    source = open_source(path)
    layout = Layout(source, mapping)
    layout.require_columns()
    duplicates = DuplicateIndex()
    data_rows = 0
    for rad, cells in enumerate(source.rows(), start=1):
        if isinstance(cells, BadLine):
            yield RowResult(rad, None, None, [FieldError(ROW_FIELD, cells.kode, cells.params)])
            continue
        cells, shape_error = layout.shape(cells)
        if shape_error is None and layout.is_blank(cells):
            continue
        data_rows += 1
        record = layout.record(cells)
        errors = [shape_error] if shape_error else []
        assessment: Assessment | None = None
        try:
            assessment = parse_assessment(record, matrix)
        except AssessmentInvalid as invalid:
            errors += invalid.errors
        key = _dup_key(record, assessment)
        if key is not None:
            earlier = duplicates.earlier(*key)
            if earlier is not None:
                errors.append(duplicate_error(earlier))
            elif not errors:
                duplicates.add(*key, rad)
        valid = assessment if not errors else None
        yield RowResult(rad, valid.person_id if valid else _person_id_text(record.get("person_id")), valid, errors)
    if not data_rows:
        raise CaseFileError("ingen_rader", fil=str(source.path))
