"""Drafts (issue 11, item 11): an incomplete assessment saved to finish later, on both backends.

Marked as a draft in the store and the caseload, never counted (tallies read assessments
only), append-only and in the hash chain like every history row, and completed into a real
assessment in one transaction. On PostgreSQL the database's row-level security applies to
drafts as to assessments.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date
from typing import Any

import psycopg
import pytest

from casestore import CaseFilter, SQLiteStore, Store, StoreError, open_store
from casestore.innsyn import person_record, readable
from matrix import Matrix
from matrix.assessment import parse_assessment
from rules import Classifier
from tests.test_casestore_access import Site, site  # noqa: F401  (the shared-store fixture)

PARTIAL = {"person_id": "NY-1", "bydel": "Alna", "boevne": "3", "rus": "4", "brukers_onske": "egen leilighet"}


@pytest.fixture
def store(store_url: str) -> Store:
    opened = open_store(store_url)
    yield opened
    opened.close()


@pytest.fixture
def save(store: Store, matrix: Matrix, classifier: Classifier, person: Callable[..., dict[str, Any]]) -> Callable[..., int]:
    def run(draft: int | None = None, **changes: Any) -> int:
        assessment = parse_assessment(person(**changes), matrix)
        return store.record(assessment, classifier.classify(assessment), draft=draft)

    return run


def _ids(rows: list[Any]) -> list[str]:
    return [r.person_id for r in rows]


def test_a_draft_is_marked_never_counted_and_completed_into_an_assessment(store: Store, save) -> None:
    save(person_id="AB-1", bydel="Alna")
    new = store.save_draft("NY-1", "Alna", PARTIAL)
    store.save_draft("AB-1", "Alna", {"person_id": "AB-1", "bydel": "Alna", "rus": "5"})

    assert _ids(store.caseload(CaseFilter())) == ["AB-1"]  # what every other reader sees: assessed persons
    shown = store.caseload(CaseFilter(with_drafts=True))
    assert [(r.person_id, r.draft, r.assessed, r.gruppe) for r in shown] == [("AB-1", True, True, 1), ("NY-1", True, False, None)]
    assert store.caseload_count(CaseFilter(with_drafts=True)) == 2 and store.caseload_count(CaseFilter()) == 1
    assert len(list(store.tally_records())) == 1 and store.history("NY-1") == []
    draft = store.open_draft("NY-1")
    assert draft is not None and draft.id == new and draft.data == PARTIAL and draft.bydel == "Alna"

    completed = save(draft=new, person_id="NY-1", bydel="Alna", rus=4)
    assert store.open_draft("NY-1") is None
    rows = store.drafts("NY-1")
    assert [(r.open, r.completed_by) for r in rows] == [(True, None), (False, completed)]  # nothing overwritten
    row = next(r for r in store.caseload(CaseFilter(with_drafts=True)) if r.person_id == "NY-1")
    assert not row.draft and row.assessed and len(list(store.tally_records())) == 2

    with pytest.raises(StoreError) as refused:
        save(draft=new, person_id="NY-1", bydel="Alna", rus=3)  # a draft is completed once
    assert refused.value.kode == "store_draft_not_open"
    assert len(store.history("NY-1")) == 1  # and the refused assessment was not saved either

    assert store.verify()[0] is None
    assert sum(1 for entry in store.audit_log("drafts")) == 3


def test_the_right_of_access_shows_drafts(store: Store) -> None:
    store.save_draft("NY-1", "Alna", PARTIAL)
    record = person_record(store, "NY-1")  # a person with only a draft has a record too
    assert record["kartlegginger"] == [] and record["utkast"][0]["opplysninger"] == PARTIAL
    text = readable(record, "nb")
    assert "Utkast lagret" in text and "brukers_onske: egen leilighet" in text


def test_a_draft_needs_a_person_and_a_district(store: Store) -> None:
    with pytest.raises(StoreError) as refused:
        store.save_draft(" ", "Alna", {})
    assert refused.value.kode == "store_draft_who"


def test_draft_rows_cannot_be_changed(store: Store, store_url: str) -> None:
    store.save_draft("NY-1", "Alna", PARTIAL)
    if isinstance(store, SQLiteStore):
        conn = sqlite3.connect(store.path, isolation_level=None)
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute("UPDATE drafts SET data = '{}'")
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute("DELETE FROM drafts")
        conn.close()
    else:
        with psycopg.connect(store_url, autocommit=True) as conn:
            with pytest.raises(psycopg.errors.IntegrityConstraintViolation):
                conn.execute("UPDATE drafts SET data = '{}'")
            with pytest.raises(psycopg.errors.IntegrityConstraintViolation):
                conn.execute("DELETE FROM drafts")
    assert store.open_draft("NY-1").data == PARTIAL


def test_due_for_reassessment_filter_and_oldest_first(store: Store, save) -> None:
    save(person_id="A", vurdert_dato="2023-01-01")
    save(person_id="B", vurdert_dato="2025-01-01")
    save(person_id="C", vurdert_dato="2024-06-01")
    store.save_draft("D", "Alna", {"person_id": "D", "bydel": "Alna"})
    assert _ids(store.caseload(CaseFilter(due_on_or_before=date(2024, 6, 1)))) == ["A", "C"]
    assert store.caseload_count(CaseFilter(due_on_or_before=date(2024, 6, 1), with_drafts=True)) == 2  # a draft is not due
    assert _ids(store.caseload(CaseFilter(oldest_first=True))) == ["A", "C", "B"]
    assert _ids(store.caseload(CaseFilter(oldest_first=True), offset=1, limit=1)) == ["C"]


def test_row_level_security_applies_to_drafts(site: Site) -> None:  # noqa: F811
    with site.store("alna") as alna:
        alna.save_draft("ALN-7", "Alna", {"person_id": "ALN-7", "bydel": "Alna"})
        with pytest.raises(StoreError):
            alna.save_draft("STO-7", "Stovner", {"person_id": "STO-7"})  # a draft in another district
        alna.save_draft("STO-1", "Alna", {"person_id": "STO-1", "rus": "2"})  # Alna's own record of the id, as for an assessment
    with site.store("stovner") as stovner:
        stovner.save_draft("STO-8", "Stovner", {"person_id": "STO-8", "bydel": "Stovner"})
        assert stovner.open_draft("ALN-7") is None and "ALN-7" not in _ids(stovner.caseload(CaseFilter(with_drafts=True)))
        assert stovner.open_draft("STO-1") is None  # Alna's draft is on Alna's record, not on Stovner's person
        assert [a.gruppe for a in stovner.history("STO-1")] == [2]
    with site.store("alna") as alna:
        assert _ids(alna.caseload(CaseFilter(with_drafts=True))) == ["ALN-1", "ALN-2", "ALN-7", "STO-1"]
        assert alna.open_draft("STO-8") is None and alna.history("STO-1") == []
        assert alna.open_draft("ALN-7").saved_by == site.users["alna"]  # who saved it is the login
    assert all("Stovner" not in repr(row) and "STO-8" not in repr(row) for row in site.sql("alna", "SELECT * FROM drafts"))
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        site.sql("plan", "SELECT count(*) FROM drafts")  # a planner sees aggregates only, never a draft
