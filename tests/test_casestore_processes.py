"""The store under real concurrency and crashes: separate processes on one SQLite file or one
PostgreSQL database (each test runs on both)."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from casestore import open_store
from casestore.migrations import LATEST

WRITER = """
import json, sys, time
from pathlib import Path
from casestore import decide, open_store
from matrix import load_matrix
from matrix.assessment import parse_assessment
from rules import Classifier

db, tag, count, start_file = sys.argv[1], sys.argv[2], int(sys.argv[3]), Path(sys.argv[4])
matrix = load_matrix()
classifier = Classifier(matrix)
store = open_store(db)
while not start_file.exists():  # start together with the other writer
    time.sleep(0.001)
levels = ["ingen", "ukentlig", "daglig", "dagtid", "heldogn"]
for i in range(count if count > 0 else 10**9):
    raw = {
        "person_id": f"{tag}-{i % 50}", "bydel": (i % 15) + 1, "boevne": 1 + i % 5, "rus": 2, "psykisk_helse": 2,
        "somatisk_helse": 1, "atferd": 1 + i % 3, "sosial_fungering": 2, "tilsynsbehov": levels[i % 5],
        "behandlingsbehov": "nei", "vold_trusler": "nei", "brannrisiko": "nei", "varighet": "langvarig",
        "boligsituasjon": "bostedslos", "vurdert_dato": f"2024-01-{1 + i % 28:02d}", "brukers_onske": f"{tag} {i}",
    }
    assessment = parse_assessment(raw, matrix)
    result = classifier.classify(assessment)
    final = result.gruppe % 7 + 1
    decision = decide(matrix, assessment, result, final, reason=f"{tag} reason {i}")
    assessment_id = store.record(assessment, result, decision)
    print(json.dumps({"assessment": assessment_id, "reason": f"{tag} reason {i}"}), flush=True)
"""


def _writer(tmp_path: Path, db: str, tag: str, count: int, start: Path) -> subprocess.Popen[str]:
    script = tmp_path / "writer.py"
    script.write_text(WRITER, encoding="utf-8")
    return subprocess.Popen(
        [sys.executable, str(script), str(db), tag, str(count), str(start)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[1],
    )


class _Db:
    """Read-only SQL on the store's database, past the store, for either backend."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.sqlite = not url.startswith("postgresql://")

    def rows(self, sql: str, params: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
        if self.sqlite:
            conn = sqlite3.connect(self.url)
            try:
                return list(conn.execute(sql, params).fetchall())
            finally:
                conn.close()
        import psycopg

        with psycopg.connect(self.url) as conn:
            return list(conn.execute(sql.replace("?", "%s"), params or None).fetchall())

    def value(self, sql: str, params: tuple[object, ...] = ()) -> object:
        return self.rows(sql, params)[0][0]


def _consistent(url: str) -> _Db:
    db = _Db(url)
    if db.sqlite:
        assert db.value("PRAGMA integrity_check") == "ok"
        assert db.rows("PRAGMA foreign_key_check") == []
    for table in ("persons", "assessments", "decisions"):
        rows = db.value(f"SELECT COUNT(*) FROM {table}")
        audited = db.value("SELECT COUNT(*) FROM audit_log WHERE table_name = ? AND action = 'insert'", (table,))
        assert rows == audited, f"{table}: {rows} rows but {audited} audit entries"
    assert db.value("SELECT COUNT(*) FROM decisions d LEFT JOIN assessments a ON a.id = d.assessment_ref WHERE a.id IS NULL") == 0
    with open_store(url, create=False) as store:
        assert store.verify()[0] is None  # the hash chain holds under concurrency and after a kill
    return db


@pytest.mark.slow
def test_two_processes_writing_at_once_lose_nothing(tmp_path: Path, store_url: str) -> None:
    db = store_url
    start = tmp_path / "go"
    writers = [_writer(tmp_path, db, tag, 150, start) for tag in ("A", "B")]
    time.sleep(1.0)  # both have opened the store (and raced to create the schema)
    start.touch()
    outputs = [w.communicate(timeout=120) for w in writers]
    for writer, (_, err) in zip(writers, outputs, strict=True):
        assert writer.returncode == 0, err
    conn = _consistent(db)
    assert conn.value("SELECT COUNT(*) FROM assessments") == 300
    assert conn.value("SELECT COUNT(*) FROM decisions") == 300
    assert conn.value("SELECT COUNT(*) FROM persons") == 100
    assert conn.value("SELECT COUNT(*) FROM schema_migrations") == LATEST
    reported = {json.loads(line)["reason"] for out, _ in outputs for line in out.splitlines()}
    stored = {row[0] for row in conn.rows("SELECT reason FROM decisions")}
    assert reported == stored and len(stored) == 300


@pytest.mark.slow
def test_two_processes_making_the_same_persons_at_once_make_one_record_each(tmp_path: Path, store_url: str) -> None:
    """The first assessment of an id is serialised per id (PostgreSQL: an advisory lock, since the
    id is no longer unique there; SQLite: the write lock), so racing writers never split a person."""
    start = tmp_path / "go"
    writers = [_writer(tmp_path, store_url, "S", 100, start) for _ in range(2)]
    time.sleep(1.0)
    start.touch()
    for writer in writers:
        _, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err
    conn = _consistent(store_url)
    assert conn.value("SELECT COUNT(*) FROM persons") == conn.value("SELECT COUNT(DISTINCT person_id) FROM persons") == 50
    assert conn.value("SELECT COUNT(*) FROM assessments") == 200


@pytest.mark.slow
@pytest.mark.parametrize("after", [5, 40, 120])
def test_sigkill_during_writes_keeps_every_committed_decision(tmp_path: Path, after: int, store_url: str) -> None:
    db = store_url
    start = tmp_path / "go"
    start.touch()
    writer = _writer(tmp_path, db, "K", 0, start)  # writes until killed
    assert writer.stdout is not None
    committed = []
    for line in writer.stdout:
        committed.append(json.loads(line))
        if len(committed) >= after:
            break
    os.kill(writer.pid, signal.SIGKILL)  # in the middle of the next transactions
    rest, _ = writer.communicate(timeout=30)
    committed += [json.loads(line) for line in rest.splitlines() if line.strip()]
    assert writer.returncode == -signal.SIGKILL
    conn = _consistent(db)
    stored = {row[0]: row[1] for row in conn.rows("SELECT assessment_ref, reason FROM decisions")}
    for item in committed:
        assert stored.get(item["assessment"]) == item["reason"]
    # at most the transaction in flight is missing, never half of one
    assert conn.value("SELECT COUNT(*) FROM assessments") == len(stored)


def test_history_rows_are_unchanged_by_later_writes(tmp_path: Path, store_url: str) -> None:
    db = store_url
    start = tmp_path / "go"
    start.touch()
    first = _writer(tmp_path, db, "H", 30, start)
    first.communicate(timeout=60)
    before = _Db(db).rows("SELECT * FROM assessments ORDER BY id")
    second = _writer(tmp_path, db, "H", 30, start)  # same persons again: new assessments
    second.communicate(timeout=60)
    after = _Db(db).rows("SELECT * FROM assessments ORDER BY id")
    assert after[: len(before)] == before
    assert len(after) == 2 * len(before)


def test_a_postgres_restart_while_in_use_loses_nothing_and_the_store_reconnects(pg_cluster, matrix, classifier, person) -> None:
    from casestore import StoreError
    from matrix.assessment import parse_assessment

    url = pg_cluster.url(pg_cluster.new_database())
    store = open_store(url)

    def save(i: int) -> int:
        assessment = parse_assessment(person(vurdert_dato=f"2024-01-{i:02d}"), matrix)
        return store.record(assessment, classifier.classify(assessment))

    saved = [save(i) for i in (1, 2, 3)]
    pg_cluster.restart()
    outcomes = []
    for i in (4, 5, 6):
        try:
            saved.append(save(i))
            outcomes.append("saved")
        except StoreError as error:  # at most the action in flight, said in words
            assert error.code == "store_connection_lost" and "kept" in error.message("en")
            outcomes.append("lost connection")
    assert outcomes[-1] == "saved"
    assert [a.id for a in store.history("P-0001")] == saved
    assert store.verify()[0] is None
    store.close()
