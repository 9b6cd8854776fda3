"""Store integrity on SQLite: rewrite paths refused by the database, tampering found by verify.

The attacker here has the file and the sqlite3 module: they can drop triggers and register
the hash function themselves. What they cannot do is leave no trace that `verify` finds.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from casestore import SQLiteStore, open_store
from casestore.migrations import MIGRATIONS, _statements
from cli.main import main
from matrix import Matrix
from matrix.assessment import parse_assessment
from rules import Classifier


@pytest.fixture
def store(tmp_path: Path) -> SQLiteStore:
    opened = open_store(str(tmp_path / "case.sqlite"))
    assert isinstance(opened, SQLiteStore)
    yield opened
    opened.close()


@pytest.fixture
def filled(store: SQLiteStore, matrix: Matrix, classifier: Classifier, person: Callable[..., dict[str, Any]]) -> SQLiteStore:
    """Three persons, four assessments, and the audit chain that goes with them."""
    for changes in ({}, {"person_id": "P-2", "tilsynsbehov": "heldogn"}, {"person_id": "P-3"}, {"vurdert_dato": "2024-05-01"}):
        assessment = parse_assessment(person(**changes), matrix)
        store.record(assessment, classifier.classify(assessment))
    assert store.verify()[0] is None
    return store


def _attacker(path: Path, drop_triggers: bool = True) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.create_function("rm_sha256", 1, lambda text: hashlib.sha256(str(text).encode()).hexdigest(), deterministic=True)
    if drop_triggers:
        for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
            conn.execute(f"DROP TRIGGER {name}")
    return conn


def _assessment_row(conn: sqlite3.Connection, assessment_id: int) -> dict[str, Any]:
    conn.row_factory = sqlite3.Row
    row = dict(conn.execute("SELECT * FROM assessments WHERE id = ?", (assessment_id,)).fetchone())
    conn.row_factory = None
    return row


def _replace_sql(row: dict[str, Any]) -> tuple[str, list[Any]]:
    columns = list(row)
    return f"INSERT OR REPLACE INTO assessments({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})", list(row.values())


def test_replace_is_refused_by_the_database(filled: SQLiteStore) -> None:
    conn = _attacker(filled.path, drop_triggers=False)
    row = _assessment_row(conn, 2)
    row["gruppe"] = 7
    with pytest.raises(sqlite3.IntegrityError, match="REPLACE is refused"):
        conn.execute(*_replace_sql(row))
    with pytest.raises(sqlite3.IntegrityError, match="REPLACE is refused"):
        conn.execute("REPLACE INTO persons(person_id, created_at, created_by) VALUES ('P-0001', 'x', 'x')")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("INSERT OR REPLACE INTO audit_log(id, at, actor, action, table_name, details) VALUES (1, 'x', 'x', 'x', 'x', '{}')")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("INSERT INTO audit_log(at, actor, action, table_name, details) VALUES ('x', 'x', 'x', 'x', '{}')")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("UPDATE OR REPLACE assessments SET gruppe = 7 WHERE id = 2")
    assert filled.history("P-2")[0].gruppe == 5
    assert filled.verify()[0] is None


def test_a_plain_sqlite_connection_cannot_write_history(filled: SQLiteStore, matrix: Matrix) -> None:
    conn = sqlite3.connect(filled.path)  # no rm_sha256: the audit trigger cannot run, so nothing is written
    with pytest.raises(sqlite3.OperationalError, match="rm_sha256"):
        conn.execute("INSERT INTO persons(person_id, created_at, created_by) VALUES ('P-9', 'x', 'x')")


def test_verify_finds_a_replace_made_past_the_guard(filled: SQLiteStore) -> None:
    conn = _attacker(filled.path, drop_triggers=False)
    conn.execute("DROP TRIGGER assessments_no_replace_id")  # the guard only: the audit trigger still runs
    row = _assessment_row(conn, 2)
    row["gruppe"] = 7
    conn.execute(*_replace_sql(row))
    breach, head = filled.verify()
    assert breach is not None and (breach.table, breach.row_id, breach.reason) == ("assessments", 2, "verify_row_twice")
    assert head.records > 0


def test_verify_finds_a_replace_with_every_trigger_dropped(filled: SQLiteStore) -> None:
    conn = _attacker(filled.path)
    row = _assessment_row(conn, 3)
    row["gruppe"] = 7
    conn.execute(*_replace_sql(row))
    breach, _ = filled.verify()
    assert breach is not None and (breach.table, breach.row_id, breach.reason) == ("assessments", 3, "verify_row_changed")


def test_verify_finds_an_update_made_with_triggers_dropped(filled: SQLiteStore) -> None:
    _attacker(filled.path).execute("UPDATE decisions SET reason = 'x'")  # no decisions: nothing changes, still intact
    assert filled.verify()[0] is None
    _attacker(filled.path).execute("UPDATE persons SET person_id = 'P-X' WHERE id = 2")
    breach, _ = filled.verify()
    assert breach is not None and (breach.table, breach.row_id, breach.reason) == ("persons", 2, "verify_row_changed")


def test_verify_finds_an_edited_audit_row(filled: SQLiteStore) -> None:
    _attacker(filled.path).execute("UPDATE audit_log SET actor = 'someone else' WHERE id = 3")
    breach, head = filled.verify()
    assert breach is not None and (breach.table, breach.row_id, breach.reason) == ("audit_log", 3, "verify_hash")
    assert head.records == 2  # the records before it still verify


def test_verify_finds_a_recomputed_audit_row_by_the_next_link(filled: SQLiteStore) -> None:
    """Editing a record and recomputing its own hash breaks the next record's link."""
    conn = _attacker(filled.path)
    conn.execute("UPDATE audit_log SET actor = 'someone else' WHERE id = 3")
    from casestore.chain import AUDIT_FIELDS, link_hash

    values = conn.execute(f"SELECT {', '.join(AUDIT_FIELDS)}, prev_hash FROM audit_log WHERE id = 3").fetchone()
    conn.execute("UPDATE audit_log SET hash = ? WHERE id = 3", (link_hash(values[-1], values[:-1]),))
    breach, _ = filled.verify()
    assert breach is not None and (breach.table, breach.row_id, breach.reason) == ("audit_log", 4, "verify_link")


@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        ("DELETE FROM audit_log WHERE id = 2", ("audit_log", 2, "verify_gap")),
        ("DELETE FROM assessments WHERE id = 1", ("assessments", 1, "verify_row_missing")),
        (
            "INSERT INTO persons(person_id, created_at, created_by) VALUES ('P-sneaky', '2024-01-01', 'x')",
            ("persons", 4, "verify_no_audit"),
        ),
    ],
)
def test_verify_finds_deleted_and_unaudited_rows(filled: SQLiteStore, statement: str, expected: tuple[str, int, str]) -> None:
    _attacker(filled.path).execute(statement)
    breach, _ = filled.verify()
    assert breach is not None and (breach.table, breach.row_id, breach.reason) == expected


def test_verify_command_exit_codes_and_message(filled: SQLiteStore, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(filled.path)
    assert main(["verify", "--db", db]) == 0
    assert "uendret" in capsys.readouterr().out
    _attacker(filled.path).execute("UPDATE assessments SET gruppe = 7 WHERE id = 4")
    assert main(["verify", "--db", db, "--lang", "en"]) == 1
    err = capsys.readouterr().err
    assert "assessments id 4" in err and "changed" in err
    assert main(["verify", "--db", str(filled.path.parent / "missing.sqlite")]) == 1


def test_a_version_1_store_is_upgraded_in_place_and_sealed(tmp_path: Path, matrix: Matrix, classifier: Classifier, person) -> None:
    path = tmp_path / "old.sqlite"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)")
    for statement in _statements(MIGRATIONS[0].sqlite):
        conn.execute(statement)
    conn.execute("INSERT INTO schema_migrations VALUES (1, 'v1', '2024-01-01')")
    conn.execute("PRAGMA user_version = 1")
    conn.execute("INSERT INTO persons(person_id, created_at, created_by) VALUES ('P-old', '2024-01-01', 'old')")
    conn.execute(
        "INSERT INTO audit_log(at, actor, action, table_name, row_ref, details)"
        " VALUES ('2024-01-02', 'old', 'import_done', 'imports', 1, '{}')"
    )
    conn.close()
    with open_store(str(path)) as upgraded:
        assert upgraded.schema_version() == MIGRATIONS[-1].version
        assert upgraded.verify()[0] is None
        assessment = parse_assessment(person(person_id="P-old"), matrix)
        upgraded.record(assessment, classifier.classify(assessment))
        breach, head = upgraded.verify()
        assert breach is None and head.records == 4
        new = upgraded.identity().user  # the OS user, recorded as such
        assert [e.actor for e in upgraded.audit_log()] == [new, new, "old", "old"]
        assert not any(e.verified for e in upgraded.audit_log())  # SQLite: nothing checked who, then or now
        assert upgraded.person_district("P-old") == "Alna"  # placed, by an audited act, with its first assessment


def test_loose_permissions_are_tightened(tmp_path: Path) -> None:
    path = tmp_path / "loose.sqlite"
    open_store(str(path)).close()
    os.chmod(path, 0o644)
    with open_store(str(path)):
        pass
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
