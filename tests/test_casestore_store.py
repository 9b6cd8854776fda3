"""The case store on a real SQLite file and a real PostgreSQL database (every test that is not
about one backend's files runs on both): append-only history, decisions, audit, tallies."""

from __future__ import annotations

import sqlite3
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from casestore import CaseFilter, DecisionInvalid, SQLiteStore, Store, StoreError, decide, open_store
from casestore.migrations import LATEST
from casestore.url import default_path, sqlite_path
from matrix import Matrix
from matrix.assessment import parse_assessment
from rules import Classifier


@pytest.fixture
def store(store_url: str) -> Store:
    opened = open_store(store_url)
    yield opened
    opened.close()


@pytest.fixture
def raw(store: Store) -> Callable[..., None]:
    """Run SQL on the store's database past the store (as the file's owner / the superuser)."""

    def run(statement: str, params: tuple[Any, ...] = ()) -> None:
        if isinstance(store, SQLiteStore):
            conn = sqlite3.connect(store.path, isolation_level=None)
            conn.create_function("rm_sha256", 1, lambda text: "0" * 64)  # as the store's own connections have it
            try:
                conn.execute(statement, params)
            finally:
                conn.close()
        else:
            import psycopg

            with psycopg.connect(store.url, autocommit=True) as conn:
                conn.execute(statement.replace("?", "%s"), params or None)

    return run


def _refused() -> tuple[type[Exception], ...]:
    import psycopg

    return (sqlite3.IntegrityError, psycopg.errors.IntegrityConstraintViolation, psycopg.errors.CheckViolation)


@pytest.fixture
def save(store: Store, matrix: Matrix, classifier: Classifier, person: Callable[..., dict[str, Any]]):
    """save(**fields) → assessment id; the real parser and classifier on the way in."""

    def run(**changes: Any) -> int:
        assessment = parse_assessment(person(**changes), matrix)
        return store.record(assessment, classifier.classify(assessment))

    return run


def test_file_is_created_owner_only_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "nested" / "case.sqlite"
    with open_store(str(path)) as s:
        assert s.schema_version() >= 1
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    versions = [row[0] for row in conn.execute("SELECT version FROM schema_migrations")]
    assert versions == list(range(1, len(versions) + 1))


def test_urls() -> None:
    assert sqlite_path(None) == default_path()
    assert default_path().name == "rusmatrise.sqlite"
    assert sqlite_path("sqlite:////tmp/a.sqlite") == Path("/tmp/a.sqlite")
    assert sqlite_path("sqlite:///rel.sqlite") == Path("rel.sqlite")
    assert sqlite_path("some/file.db") == Path("some/file.db")
    with pytest.raises(StoreError) as error:
        open_store("postgresql://user:secret@/db?host=/nonexistent&port=1")
    assert "Cannot connect" in error.value.message("en") and "secret" not in str(error.value)
    with pytest.raises(StoreError):
        open_store("mysql://host/db")


def test_reopening_does_not_migrate_twice(store_url: str) -> None:
    open_store(store_url).close()
    with open_store(store_url) as s:
        assert s.schema_version() == LATEST
        assert s.person_count() == 0


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    open_store(str(path)).close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(StoreError) as error:
        open_store(str(path))
    assert "99" in error.value.message("nb")


def test_a_new_assessment_never_overwrites_an_old_one(store: Store, save) -> None:
    first = save(tilsynsbehov="ukentlig", vurdert_dato="2024-01-10")
    second = save(tilsynsbehov="heldogn", vurdert_dato="2025-01-10")
    history = store.history("P-0001")
    assert [a.id for a in history] == [first, second]
    assert [a.gruppe for a in history] == [2, 5]
    assert history[0].data["tilsynsbehov"] == "ukentlig"
    assert store.latest_assessment("P-0001").id == second  # type: ignore[union-attr]
    assert store.person_count() == 1


def test_history_tables_refuse_update_and_delete(store: Store, save, raw) -> None:
    save()
    for statement in (
        "UPDATE assessments SET gruppe = 7",
        "DELETE FROM assessments",
        "UPDATE persons SET person_id = 'x'",
        "DELETE FROM audit_log",
        "UPDATE audit_log SET actor = 'x'",
    ):
        with pytest.raises(_refused(), match="append-only"):
            raw(statement)
    if not isinstance(store, SQLiteStore):
        with pytest.raises(_refused(), match="append-only"):
            raw("TRUNCATE assessments, decisions, drafts, audit_log")  # drafts refer to assessments
    assert store.history("P-0001")[0].gruppe == 1
    assert store.verify()[0] is None


def test_latest_is_by_assessment_date_not_recording_order(store: Store, save) -> None:
    newer = save(vurdert_dato="2025-03-01", tilsynsbehov="dagtid")
    save(vurdert_dato="2023-03-01", tilsynsbehov="ingen")  # an old assessment entered later
    row = store.caseload(CaseFilter())[0]
    assert row.assessment_id == newer and row.gruppe == 4


def test_override_needs_a_reason_and_is_audited(store: Store, matrix: Matrix, classifier: Classifier, person) -> None:
    assessment = parse_assessment(person(tilsynsbehov="daglig"), matrix)
    result = classifier.classify(assessment)
    with pytest.raises(DecisionInvalid) as error:
        decide(matrix, assessment, result, 5, reason="  ")
    assert "begrunnelse" in error.value.message("nb").lower()
    with pytest.raises(DecisionInvalid):
        decide(matrix, assessment, result, 9)
    decision = decide(matrix, assessment, result, 5, reason="Nylig utkastet, trenger base")
    assessment_id = store.record(assessment, result, decision)
    stored = store.latest_assessment("P-0001")
    assert stored is not None and stored.id == assessment_id
    assert stored.decision is not None and stored.decision.overridden
    assert (stored.gruppe, stored.final_gruppe, stored.decision.reason) == (3, 5, "Nylig utkastet, trenger base")
    audit = store.audit_log("decisions")
    assert audit[0].details["reason"] == "Nylig utkastet, trenger base"
    assert audit[0].actor == store.identity().user == stored.decision.caseworker
    assert audit[0].details["suggested_gruppe"] == 3 and audit[0].details["final_gruppe"] == 5


def test_database_refuses_an_override_without_reason_even_bypassing_the_code(store: Store, save, raw) -> None:
    assessment_id = save()
    with pytest.raises(_refused()):
        raw(
            "INSERT INTO decisions(assessment_ref, suggested_gruppe, suggested_regel, final_gruppe, reason, caseworker, decided_at,"
            " matrise_versjon, boligtype, boligstandard, ansvar, dekning)"
            " VALUES (?, 1, 'G1', 4, NULL, 'x', 'now', 'v', 'a', 'b', 'c', 'd')",
            (assessment_id,),
        )


def test_every_write_is_in_the_audit_log(store: Store, save) -> None:
    save()
    save(person_id="P-0002")
    save(person_id="P-0002", vurdert_dato="2020-01-01")
    tables = [e.table_name for e in reversed(store.audit_log())]
    assert tables == ["persons", "person_moves", "assessments", "persons", "person_moves", "assessments", "assessments"]
    assert {e.actor for e in store.audit_log()} == {store.identity().user}


def test_tally_records_use_the_decided_group_and_carry_no_identifiers(store: Store, matrix, classifier, person, save) -> None:
    save(person_id="P-1", bydel="2", tilsynsbehov="heldogn", kjonn="k", fodselsar="1980")
    assessment = parse_assessment(person(person_id="P-2", bydel="gamle oslo", boligsituasjon="bostedslos"), matrix)
    result = classifier.classify(assessment)
    store.record(assessment, result, decide(matrix, assessment, result, 6, "høy risiko"))
    records = sorted(store.tally_records(), key=lambda r: r["gruppe"])
    assert set(records[0]) == {"bydel", "gruppe", "boligtype", "boligstandard", "ansvar", "dekning", "kjonn", "fodselsar", "vurdert_dato"}
    assert records[0] == {
        "bydel": "Grünerløkka", "gruppe": 5, "boligtype": matrix.groups[5].boligtype.verdi,
        "boligstandard": matrix.groups[5].boligstandard.verdi, "ansvar": "bydel", "dekning": "udekket",
        "kjonn": "kvinne", "fodselsar": 1980, "vurdert_dato": store.latest_assessment("P-1").vurdert_dato.isoformat(),
    }  # fmt: skip
    assert records[1]["bydel"] == "Gamle Oslo" and records[1]["gruppe"] == 6
    assert records[1]["ansvar"] == matrix.groups[6].ansvar.verdi and records[1]["dekning"] == "udekket"


def test_caseload_filters_and_search(store: Store, save) -> None:
    save(person_id="AB-1", bydel="Alna", tilsynsbehov="ukentlig")
    save(person_id="AB-2", bydel="Bjerke", tilsynsbehov="heldogn", boligsituasjon="bostedslos")
    save(person_id="CD-3", bydel="Alna", tilsynsbehov="heldogn", boligsituasjon="samlokalisert_heldogn")
    everyone = store.caseload(CaseFilter())
    assert [r.person_id for r in everyone] == ["AB-1", "AB-2", "CD-3"]
    assert [r.person_id for r in store.caseload(CaseFilter(bydel="Alna"))] == ["AB-1", "CD-3"]
    assert [r.person_id for r in store.caseload(CaseFilter(gruppe=5))] == ["AB-2", "CD-3"]
    assert [r.person_id for r in store.caseload(CaseFilter(gruppe=5, dekning="dekket"))] == ["CD-3"]
    assert [r.person_id for r in store.caseload(CaseFilter(search="ab"))] == ["AB-1", "AB-2"]
    assert store.caseload(CaseFilter(search="%")) == []
    assert store.caseload_count(CaseFilter(bydel="Alna")) == 2
    assert [r.person_id for r in store.caseload(CaseFilter(), offset=1, limit=1)] == ["AB-2"]
    assert store.districts_in_use() == ["Alna", "Bjerke"]


def test_the_planners_reason_rule_in_the_database_is_the_reports() -> None:
    """rm_planner_history gives a reason word for word from the same count on as the report shows one."""
    from casestore.pg_schema import PLANNER_REASON_LEAST
    from tallies.count import publish_threshold

    assert publish_threshold() + 1 == PLANNER_REASON_LEAST


def test_a_version_3_postgres_store_is_upgraded_in_place(pg_url: str, matrix: Matrix, classifier: Classifier, person,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    import casestore.migrations as migrations

    with monkeypatch.context() as patch:  # the program as it was at version 3
        patch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:3])
        patch.setattr(migrations, "LATEST", 3)
        with open_store(pg_url) as old:
            assessment = parse_assessment(person(person_id="P-3", tilsynsbehov="daglig"), matrix)
            old.record(assessment, classifier.classify(assessment))
            assert old.schema_version() == 3
    with open_store(pg_url) as upgraded:
        assert upgraded.schema_version() == LATEST == 6  # 4: per-district records; 5: drafts; 6: the read rule in one query
        assert upgraded.verify()[0] is None
        assessment = parse_assessment(person(person_id="P-3", tilsynsbehov="heldogn"), matrix)
        upgraded.record(assessment, classifier.classify(assessment))  # the same record, found by the new rm_person_ref
        assert upgraded.person_count() == 1 and [a.gruppe for a in upgraded.history("P-3")] == [3, 5]
        assert [r["vurdert_dato"] is not None for r in upgraded.tally_records()] == [True]
        assert upgraded.verify()[0] is None


def test_a_first_assessment_racing_another_for_the_same_id_finds_its_record(pg_url: str) -> None:
    """PostgreSQL: the person id is not unique (each district keeps its own record), so the first
    assessment of an id is serialised per id: a second writer waits for the first and then finds
    the record it made, instead of making another."""
    import threading

    import psycopg

    open_store(pg_url).close()  # the schema
    at = "2025-01-01T00:00:00+00:00"
    with psycopg.connect(pg_url) as first, psycopg.connect(pg_url) as second:
        mine = first.execute("SELECT rm_person_ref('P-RACE', 'Alna', %s)", (at,)).fetchone()[0]  # not committed yet
        theirs: list[int] = []
        query = "SELECT rm_person_ref('P-RACE', 'Alna', %s)"
        racer = threading.Thread(target=lambda: theirs.append(second.execute(query, (at,)).fetchone()[0]))
        racer.start()
        racer.join(timeout=1.0)
        assert racer.is_alive()  # waiting for the first writer, not racing past it
        first.commit()
        racer.join(timeout=30)
        second.commit()
        assert theirs == [mine]
        assert first.execute("SELECT count(*) FROM persons WHERE person_id = 'P-RACE'").fetchone()[0] == 1
