"""The store under real concurrency and crashes: separate processes on one SQLite file."""

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
    decision = decide(matrix, assessment, result, final, f"worker {tag}", reason=f"{tag} reason {i}")
    assessment_id = store.record(assessment, result, f"worker {tag}", decision)
    print(json.dumps({"assessment": assessment_id, "reason": f"{tag} reason {i}"}), flush=True)
"""


def _writer(tmp_path: Path, db: Path, tag: str, count: int, start: Path) -> subprocess.Popen[str]:
    script = tmp_path / "writer.py"
    script.write_text(WRITER, encoding="utf-8")
    return subprocess.Popen(
        [sys.executable, str(script), str(db), tag, str(count), str(start)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[1],
    )


def _consistent(db: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    for table in ("persons", "assessments", "decisions"):
        rows = conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
        audited = conn.execute("SELECT COUNT(*) FROM audit_log WHERE table_name = ? AND action = 'insert'", (table,)).fetchone()[0]
        assert rows == audited, f"{table}: {rows} rows but {audited} audit entries"
    orphans = conn.execute("SELECT COUNT(*) FROM decisions d LEFT JOIN assessments a ON a.id = d.assessment_ref WHERE a.id IS NULL")
    assert orphans.fetchone()[0] == 0
    with open_store(str(db), create=False) as store:
        assert store.verify()[0] is None  # the hash chain holds under concurrency and after a kill
    return conn


@pytest.mark.slow
def test_two_processes_writing_at_once_lose_nothing(tmp_path: Path) -> None:
    db = tmp_path / "shared.sqlite"
    start = tmp_path / "go"
    writers = [_writer(tmp_path, db, tag, 150, start) for tag in ("A", "B")]
    time.sleep(1.0)  # both have opened the store (and raced to create the schema)
    start.touch()
    outputs = [w.communicate(timeout=120) for w in writers]
    for writer, (_, err) in zip(writers, outputs, strict=True):
        assert writer.returncode == 0, err
    conn = _consistent(db)
    assert conn.execute("SELECT COUNT(*) FROM assessments").fetchone()[0] == 300
    assert conn.execute("SELECT COUNT(*) FROM decisions").fetchone()[0] == 300
    assert conn.execute("SELECT COUNT(*) FROM persons").fetchone()[0] == 100
    assert conn.execute("SELECT COUNT(*) FROM schema_migrations").fetchone()[0] == LATEST
    reported = {json.loads(line)["reason"] for out, _ in outputs for line in out.splitlines()}
    stored = {row[0] for row in conn.execute("SELECT reason FROM decisions")}
    assert reported == stored and len(stored) == 300


@pytest.mark.slow
@pytest.mark.parametrize("after", [5, 40, 120])
def test_sigkill_during_writes_keeps_every_committed_decision(tmp_path: Path, after: int) -> None:
    db = tmp_path / "crash.sqlite"
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
    stored = {row[0]: row[1] for row in conn.execute("SELECT assessment_ref, reason FROM decisions")}
    for item in committed:
        assert stored.get(item["assessment"]) == item["reason"]
    # at most the transaction in flight is missing, never half of one
    assert conn.execute("SELECT COUNT(*) FROM assessments").fetchone()[0] == len(stored)


def test_history_rows_are_unchanged_by_later_writes(tmp_path: Path) -> None:
    db = tmp_path / "h.sqlite"
    start = tmp_path / "go"
    start.touch()
    first = _writer(tmp_path, db, "H", 30, start)
    first.communicate(timeout=60)
    before = sqlite3.connect(db).execute("SELECT * FROM assessments ORDER BY id").fetchall()
    second = _writer(tmp_path, db, "H", 30, start)  # same persons again: new assessments
    second.communicate(timeout=60)
    after = sqlite3.connect(db).execute("SELECT * FROM assessments ORDER BY id").fetchall()
    assert after[: len(before)] == before
    assert len(after) == 2 * len(before)
