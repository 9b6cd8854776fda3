"""The demo caseload: reproducible, valid, realistic enough to exercise every part of the product."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from casefiles.demo import demo_rows, district_weights
from matrix.assessment import parse_assessment
from matrix.fields import CANONICAL_FIELDS
from matrix.load import Matrix, load_matrix
from matrix.values import valid_national_id
from rules import Classifier

TODAY = date(2025, 3, 1)


@pytest.fixture(scope="module")
def matrix() -> Matrix:
    return load_matrix()


@pytest.fixture(scope="module")
def rows(matrix: Matrix) -> list[dict[str, str]]:
    return list(demo_rows(5000, 7, matrix, today=TODAY))


def test_same_n_and_seed_give_the_same_rows(matrix: Matrix, rows: list[dict[str, str]]) -> None:
    assert list(demo_rows(5000, 7, matrix, today=TODAY)) == rows
    assert list(demo_rows(100, 8, matrix, today=TODAY)) != rows[:100]


def test_rows_are_canonical_strings_with_unique_synthetic_ids(rows: list[dict[str, str]]) -> None:
    assert all(list(row) == list(CANONICAL_FIELDS) for row in rows)
    assert all(isinstance(value, str) for row in rows for value in row.values())
    ids = [row["person_id"] for row in rows]
    assert len(set(ids)) == len(ids)
    assert not any(len(pid) == 11 and pid.isdigit() for pid in ids)
    assert not any(valid_national_id(pid) for pid in ids)


def test_every_row_is_valid_and_every_group_and_district_occurs(matrix: Matrix, rows: list[dict[str, str]]) -> None:
    classifier = Classifier(matrix)
    groups: Counter[int] = Counter()
    coverage: Counter[str] = Counter()
    old = 0
    for row in rows:
        result = classifier.classify(parse_assessment(row, matrix), today=TODAY)
        groups[result.gruppe] += 1
        coverage[result.dekning] += 1
        old += any(note.kode == "N-gammel" for note in result.merknader)
    assert set(groups) == set(matrix.groups)
    assert set(coverage) == {"dekket", "udekket", "overdekket", "ukjent"}
    assert {row["bydel"] for row in rows} == set(matrix.districts.names())
    assert 0.01 <= old / len(rows) <= 0.02


def test_districts_follow_population(matrix: Matrix, rows: list[dict[str, str]]) -> None:
    weights = district_weights(matrix)
    counts = Counter(row["bydel"] for row in rows)
    biggest, smallest = max(weights, key=weights.__getitem__), min(weights, key=weights.__getitem__)
    assert counts[biggest] > counts[smallest] * 1.5
    total = sum(weights.values())
    for name, weight in weights.items():
        assert abs(counts[name] / len(rows) - weight / total) < 0.02


def test_optional_fields_are_sometimes_blank_and_sometimes_filled(rows: list[dict[str, str]]) -> None:
    for name in ("tidligere_gruppe", "livskvalitet", "brukers_onske"):
        filled = sum(1 for row in rows if row[name])
        assert 0.1 * len(rows) < filled < 0.9 * len(rows), name
