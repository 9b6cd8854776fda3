"""`rusmatrise demo` draws a column at a time: reproducible, valid, shaped like the row-by-row
caseload, and written exactly as the table writer writes each row."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from casefiles import demo
from casefiles.columnar import write_frame
from casefiles.demo import demo_columns, demo_rows
from casefiles.reclassify import reclassify_file
from casefiles.writers import CsvWriter
from matrix.fields import CANONICAL_FIELDS
from matrix.load import Matrix
from matrix.values import valid_national_id

TODAY = date(2025, 3, 1)


def caseload(n: int, seed: int, matrix: Matrix) -> list[dict[str, str]]:
    return [row for block in demo_columns(n, seed, matrix, today=TODAY) for row in block.iter_rows(named=True)]


def test_same_n_seed_and_day_give_the_same_rows(matrix: Matrix, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(demo, "DEMO_BLOCK", 700)
    rows = caseload(2000, 7, matrix)
    assert caseload(2000, 7, matrix) == rows
    assert caseload(2000, 8, matrix) != rows
    assert caseload(1400, 7, matrix) == rows[:1400]  # whole blocks are the same in a larger caseload
    assert [row["person_id"] for row in rows] == [f"D{i:07d}" for i in range(1, 2001)]
    assert all(list(row) == list(CANONICAL_FIELDS) for row in rows)
    assert not any(valid_national_id(row["person_id"]) for row in rows)
    assert caseload(0, 1, matrix) == []


def test_every_row_is_valid_and_classified_by_the_engine(matrix: Matrix, tmp_path: Path) -> None:
    source = tmp_path / "demo.csv"
    writer = CsvWriter(source, list(CANONICAL_FIELDS))
    for block in demo_columns(3000, 3, matrix, today=TODAY):
        write_frame(writer, block)
    writer.close()
    outcome = reclassify_file(source, tmp_path / "ut.csv", matrix, today=TODAY)
    assert outcome.stats.rejected == 0 and outcome.stats.classified == 3000
    assert len(outcome.stats.per_group) == 7  # every group occurs


def test_shaped_like_the_row_by_row_caseload(matrix: Matrix) -> None:
    """Same distributions, other draws: the shares agree within a few points."""
    columns, rows = caseload(20_000, 5, matrix), list(demo_rows(20_000, 5, matrix, today=TODAY))
    for name in ("bydel", "tilsynsbehov", "boligsituasjon", "kjonn", "boevne", "atferd", "varighet"):
        ours, theirs = Counter(r[name] for r in columns), Counter(r[name] for r in rows)
        for value in set(ours) | set(theirs):
            assert abs(ours[value] - theirs[value]) / 20_000 < 0.02, (name, value, ours[value], theirs[value])
    previous_ours = Counter(r["tidligere_gruppe"] for r in columns)
    previous_theirs = Counter(r["tidligere_gruppe"] for r in rows)
    for value in previous_theirs:
        assert abs(previous_ours[value] - previous_theirs[value]) / 20_000 < 0.02, value


def test_written_in_bulk_exactly_as_row_by_row(matrix: Matrix, tmp_path: Path) -> None:
    block = next(demo_columns(500, 9, matrix, today=TODAY))
    block = block.with_columns(block["brukers_onske"].scatter([1, 2, 3, 4, 5], ['sier "nei"; takk', "=1+1", "linje\r\nto", "-3", "@a"]))
    bulk, single = CsvWriter(tmp_path / "bulk.csv", list(CANONICAL_FIELDS)), CsvWriter(tmp_path / "single.csv", list(CANONICAL_FIELDS))
    write_frame(bulk, block)
    for row in block.iter_rows():
        single.write(list(row))
    bulk.close()
    single.close()
    assert (tmp_path / "bulk.csv").read_bytes() == (tmp_path / "single.csv").read_bytes()
