"""`--demo`: fill an empty store with the synthetic caseload of `casefiles.demo`.

Every row goes through the real parser and classifier, exactly as a caseworker's or an
import's would, and is recorded as an assessment by whoever fills the store (the store's
identity, as every write; no decisions: those are for caseworkers to make).
"""

from __future__ import annotations

from datetime import date

from casefiles.demo import demo_rows
from casestore.store import Store
from matrix.assessment import parse_assessment
from matrix.load import Matrix
from rules import Classifier

DEMO_PERSONS = 2_000
DEMO_SEED = 1


def fill_demo(store: Store, matrix: Matrix, n: int = DEMO_PERSONS, seed: int = DEMO_SEED, today: date | None = None) -> int:
    """Record `n` synthetic assessments; returns how many were saved."""
    classifier = Classifier(matrix)
    items = []
    for row in demo_rows(n, seed, matrix, today=today):
        assessment = parse_assessment(row, matrix)
        items.append((assessment, classifier.classify(assessment, today=today)))
    saved, _ = store.record_many(items)
    return saved
