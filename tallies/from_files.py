"""Counting from files: a classified file (the output of reclassify) is counted as it stands; an
unclassified export is classified on the way by the same fast path as `reclassify`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from casefiles.batch import output_header
from casefiles.fastpath import Reclassifier
from casefiles.mapping import ColumnMapping
from casefiles.messages import CaseFileError
from casefiles.readers import BadLine, cell_text, open_source
from casefiles.validation import Layout
from matrix.assessment import FieldError
from matrix.load import Matrix
from tallies.count import Tally

RECORD_FIELDS = ("bydel", "gruppe", "boligtype", "boligstandard", "ansvar", "dekning", "kjonn", "fodselsar", "vurdert_dato")
CLASSIFIED_MARKS = ("gruppe", "dekning")


class _TallySink:
    """Takes the fast path's output rows and counts them instead of writing them."""

    kind = "jsonl"  # typed cells: gruppe as an int

    def __init__(self, header: list[str], result: Tally) -> None:
        self.index = {name: header.index(name) for name in RECORD_FIELDS if name in header}
        self.result = result

    def write(self, cells: list[Any]) -> None:
        self.result.add({name: cells[i] for name, i in self.index.items()})


def count_file(path: str | Path, result: Tally, matrix: Matrix, mapping: ColumnMapping | None = None,
               columnar: bool = True) -> int:
    """Add every valid row of `path` to `result`; returns how many rows were not counted.

    A CSV file is counted in columns (casefiles.columnar), equal records together, with the same
    counts as the row-by-row path (`columnar=False`). Raises CaseFileError when the file cannot
    be read at all.
    """
    source = open_source(path)
    layout = Layout(source, mapping)
    classified = all(mark in layout.names for mark in CLASSIFIED_MARKS)
    if not classified:
        layout.require_columns()
    if columnar and source.kind == "csv":
        from casefiles import columnar as columns

        if columns.suitable(source, layout):
            scratch = Tally.empty(result.by, matrix, result.year)
            try:
                if classified:
                    skipped = columns.count_classified(source, layout, scratch, lambda g: _valid_group(g, matrix),
                                                       lambda d: matrix.districts.resolve(d) is not None, RECORD_FIELDS)
                else:
                    run = columns.ColumnarRun(Reclassifier(matrix), source, layout, None, _ignore, tally=scratch)
                    stats = run.execute(None)
                    _check_counted(source, stats)
                    skipped = stats.rejected
            except columns.Unsuitable:
                pass  # a hash collision in the duplicate check: count the general way
            else:
                result.merge(scratch)
                return skipped
    if classified:
        return _count_classified(source, layout, result, matrix)
    stats = Reclassifier(matrix).run(source, layout, _TallySink(output_header(layout), result), _ignore)
    _check_counted(source, stats)
    return stats.rejected


def _ignore(rad: int, person_id: str | None, error: FieldError) -> None:
    """Rejected rows are not counted; `reclassify` names their errors."""


def _valid_group(text: str, matrix: Matrix) -> bool:
    return text.isascii() and text.isdigit() and int(text) in matrix.groups  # "²".isdigit(), but int("²") fails


def _check_counted(source: Any, stats: Any) -> None:
    """Every record of the file was read (SPEC: rows read = classified + rejected), and there was one."""
    source.check_rows_read(stats.rows + stats.blank)
    if not stats.rows:
        raise CaseFileError("ingen_rader", fil=str(source.path))


def _count_classified(source: Any, layout: Layout, result: Tally, matrix: Matrix) -> int:
    index = {name: layout.names.index(name) for name in RECORD_FIELDS if name in layout.names}
    skipped = 0
    for cells in source.rows():
        if isinstance(cells, BadLine):
            skipped += 1
            continue
        cells, _ = layout.shape(cells)
        if layout.is_blank(cells):
            continue
        record = {name: cell_text(cells[i]).strip() for name, i in index.items()}
        if not _valid_group(record.get("gruppe", ""), matrix) or matrix.districts.resolve(record.get("bydel", "")) is None:
            skipped += 1
            continue
        result.add(record)
    return skipped
