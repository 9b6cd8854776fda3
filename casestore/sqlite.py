"""The case store on SQLite: one file, WAL mode, owner-only permissions.

Concurrency: every write is one `BEGIN IMMEDIATE` transaction (the write lock is taken up
front, so two writers queue instead of failing half-way), with a busy timeout; readers see
a consistent snapshot (WAL). Each thread gets its own connection, so TUI workers can read
and write while the UI thread does. `synchronous=FULL` makes a committed decision survive
a crash of the process or the machine.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import stat
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from casestore.chain import AUDIT_FIELDS, CHAINED, Breach, ChainHead, verify_records
from casestore.migrations import LATEST, SchemaTooNew, current_version, migrate
from casestore.models import AuditEntry, CaseFilter, CaseRow, DecisionInput, ImportReport, StoredAssessment, StoredDecision
from casestore.store import Progress, StoreError
from matrix.assessment import Assessment
from matrix.load import Matrix
from rules.result import Classification

BUSY_TIMEOUT_MS = 30_000
Clock = Callable[[], datetime]


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _create_private(path: Path) -> None:
    """Create the directory (0700) and an empty file (0600) before SQLite touches it; SQLite
    gives its -wal and -shm files the database file's permissions. An existing file that
    others may read (e.g. 0644 from a copy) is tightened to 0600 first; when that is not
    possible (someone else's file) the store refuses to open it rather than use it as it is."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        for existing in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            try:
                mode = stat.S_IMODE(existing.stat().st_mode)
            except FileNotFoundError:
                continue
            if mode & 0o077:
                try:
                    os.chmod(existing, mode & 0o700)
                except OSError:
                    raise StoreError("store_permissions", fil=str(existing), modus=f"{mode:04o}") from None
        return
    os.close(fd)


def _sha256(text: str | bytes | None) -> str | None:
    """`rm_sha256` inside SQL: the chain's hash function (hex SHA-256 of the UTF-8 text)."""
    if text is None:
        return None
    return hashlib.sha256(text if isinstance(text, bytes) else str(text).encode("utf-8")).hexdigest()


# The current state of each person: the latest assessment (by assessment date, then by
# recording order) and the latest decision on it. Everything the caseload and tallies read.
_CURRENT = """
WITH latest AS (
    SELECT p.person_id,
           (SELECT a.id FROM assessments a WHERE a.person_ref = p.id
            ORDER BY a.vurdert_dato DESC, a.id DESC LIMIT 1) AS aid
    FROM persons p
), current AS (
    SELECT l.person_id, a.*,
           (SELECT MAX(d.id) FROM decisions d WHERE d.assessment_ref = a.id) AS did
    FROM latest l JOIN assessments a ON a.id = l.aid
)
"""


class SQLiteStore:
    """`casestore.store.Store` on one SQLite file."""

    def __init__(self, path: str | Path, clock: Clock = _utc_now) -> None:
        self.path = Path(path).expanduser()
        self.location = str(self.path)
        self.clock = clock
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        try:
            _create_private(self.path)
            conn = self._conn()
            conn.execute("PRAGMA journal_mode=WAL")
            migrate(conn, self._now())
        except StoreError:
            self.close()
            raise
        except SchemaTooNew as newer:
            self.close()
            raise StoreError("store_newer", fil=self.location, versjon=newer.found, kjent=LATEST) from None
        except (OSError, sqlite3.Error) as error:
            self.close()
            raise StoreError("store_open", fil=self.location, grunn=getattr(error, "strerror", None) or str(error)) from None

    # -- connections and transactions ------------------------------------------------------
    def _conn(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000)
            conn.row_factory = sqlite3.Row
            conn.create_function("rm_sha256", 1, _sha256, deterministic=True)
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA foreign_keys = ON")
            self._local.conn = conn
            with self._lock:
                self._connections.append(conn)
        return conn

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        conn = self._conn()
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as error:
            if "locked" in str(error) or "busy" in str(error):
                raise StoreError("store_busy") from None
            raise
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    def _now(self) -> str:
        return self.clock().isoformat()

    def _today(self) -> date:
        return self.clock().astimezone().date()

    def close(self) -> None:
        with self._lock:
            for conn in self._connections:
                conn.close()
            self._connections.clear()
        self._local = threading.local()

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def schema_version(self) -> int:
        return current_version(self._conn())

    # -- writes ----------------------------------------------------------------------------
    def _person_ref(self, conn: sqlite3.Connection, person_id: str, actor: str, at: str) -> int:
        # Look first: the database refuses an insert of an existing person_id outright (an
        # upsert's DO NOTHING would still fire the trigger that refuses REPLACE).
        found = conn.execute("SELECT id FROM persons WHERE person_id = ?", (person_id,)).fetchone()
        if found is not None:
            return int(found[0])
        cursor = conn.execute("INSERT INTO persons(person_id, created_at, created_by) VALUES (?, ?, ?)", (person_id, at, actor))
        return int(cursor.lastrowid or 0)

    @staticmethod
    def _content(assessment: Assessment) -> tuple[str, str]:
        data = {**assessment.canonical(), "ekstra": assessment.ekstra}
        text = json.dumps(data, ensure_ascii=False, sort_keys=True, default=str)
        return text, hashlib.sha256(text.encode()).hexdigest()

    def _insert_assessment(
        self,
        conn: sqlite3.Connection,
        person_ref: int,
        assessment: Assessment,
        classification: Classification,
        actor: str,
        at: str,
        data: str,
        sha: str,
        import_id: int | None,
    ) -> int:
        c = classification
        vurdert = (assessment.vurdert_dato or self._today()).isoformat()
        cursor = conn.execute(
            """INSERT INTO assessments(person_ref, vurdert_dato, recorded_at, recorded_by, import_ref, data, content_sha256,
                   bydel, boligsituasjon, varighet, kjonn, fodselsar, gruppe, regel, boligtype, boligstandard, ansvar, dekning,
                   matrise_versjon, classification)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (
                person_ref, vurdert, at, actor, import_id, data, sha,
                assessment.bydel, assessment.boligsituasjon, assessment.varighet, assessment.kjonn, assessment.fodselsar,
                c.gruppe, c.regel, c.boligtype, c.boligstandard, c.ansvar, c.dekning, c.matrise_versjon,
                c.model_dump_json(),
            ),
        )  # fmt: skip
        return int(cursor.lastrowid or 0)

    def _insert_decision(self, conn: sqlite3.Connection, assessment_id: int, d: DecisionInput, at: str) -> int:
        if d.final_gruppe != d.suggested_gruppe and not (d.reason or "").strip():
            raise StoreError("store_reason")
        if not d.caseworker.strip():
            raise StoreError("store_caseworker")
        cursor = conn.execute(
            """INSERT INTO decisions(assessment_ref, suggested_gruppe, suggested_regel, final_gruppe, reason, caseworker,
                   decided_at, matrise_versjon, boligtype, boligstandard, ansvar, dekning)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (
                assessment_id, d.suggested_gruppe, d.suggested_regel, d.final_gruppe, d.reason, d.caseworker.strip(),
                at, d.matrise_versjon, d.boligtype, d.boligstandard, d.ansvar, d.dekning,
            ),
        )  # fmt: skip
        return int(cursor.lastrowid or 0)

    def record(
        self,
        assessment: Assessment,
        classification: Classification,
        actor: str,
        decision: DecisionInput | None = None,
    ) -> int:
        data, sha = self._content(assessment)
        with self._write() as conn:
            at = self._now()
            person_ref = self._person_ref(conn, assessment.person_id, actor, at)
            assessment_id = self._insert_assessment(conn, person_ref, assessment, classification, actor, at, data, sha, None)
            if decision is not None:
                self._insert_decision(conn, assessment_id, decision, at)
        return assessment_id

    def record_decision(self, assessment_id: int, decision: DecisionInput) -> int:
        with self._write() as conn:
            if conn.execute("SELECT 1 FROM assessments WHERE id = ?", (assessment_id,)).fetchone() is None:
                raise StoreError("store_no_assessment", id=assessment_id)
            return self._insert_decision(conn, assessment_id, decision, self._now())

    def record_many(self, items: Iterable[tuple[Assessment, Classification]], actor: str, import_id: int | None = None) -> tuple[int, int]:
        saved = skipped = 0
        with self._write() as conn:
            at = self._now()
            for assessment, classification in items:
                data, sha = self._content(assessment)
                person_ref = self._person_ref(conn, assessment.person_id, actor, at)
                seen = conn.execute("SELECT 1 FROM assessments WHERE person_ref = ? AND content_sha256 = ?", (person_ref, sha))
                if seen.fetchone() is not None:
                    skipped += 1
                    continue
                self._insert_assessment(conn, person_ref, assessment, classification, actor, at, data, sha, import_id)
                saved += 1
        return saved, skipped

    def begin_import(self, file_name: str, file_sha256: str, matrix: Matrix, actor: str) -> int:
        with self._write() as conn:
            cursor = conn.execute(
                """INSERT INTO imports(started_at, started_by, file_name, file_sha256, matrise_versjon, matrise_sha256)
                   VALUES (?, ?, ?, ?, ?, ?)""",
                (self._now(), actor, file_name, file_sha256, matrix.version, matrix.sha256),
            )
            return int(cursor.lastrowid or 0)

    def import_file(
        self,
        path: str | Path,
        matrix: Matrix,
        actor: str,
        mapping: str | Path | None = None,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
        lang: str = "nb",
    ) -> ImportReport:
        from casestore.importer import import_file

        return import_file(self, path, matrix, actor, mapping=mapping, progress=progress, cancelled=cancelled, lang=lang)

    # -- reads -----------------------------------------------------------------------------
    def person_count(self) -> int:
        return int(self._conn().execute("SELECT COUNT(*) FROM persons").fetchone()[0])

    @staticmethod
    def _where(where: CaseFilter) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if where.bydel:
            clauses.append("c.bydel = ?")
            params.append(where.bydel)
        if where.gruppe is not None:
            clauses.append("COALESCE(d.final_gruppe, c.gruppe) = ?")
            params.append(where.gruppe)
        if where.dekning:
            clauses.append("COALESCE(d.dekning, c.dekning) = ?")
            params.append(where.dekning)
        if where.search.strip():
            pattern = where.search.strip().lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            clauses.append("lower(c.person_id) LIKE ? ESCAPE '\\'")
            params.append(f"%{pattern}%")
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def caseload(self, where: CaseFilter, offset: int = 0, limit: int = 100) -> list[CaseRow]:
        sql_where, params = self._where(where)
        rows = self._conn().execute(
            _CURRENT
            + """SELECT c.person_id, c.bydel, COALESCE(d.final_gruppe, c.gruppe) AS gruppe, c.gruppe AS suggested,
                        d.id IS NOT NULL AS decided, COALESCE(d.dekning, c.dekning) AS dekning, c.vurdert_dato, c.id AS aid, c.data
                 FROM current c LEFT JOIN decisions d ON d.id = c.did"""
            + sql_where
            + " ORDER BY c.person_id LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )
        return [
            CaseRow(
                person_id=r["person_id"],
                bydel=r["bydel"],
                gruppe=r["gruppe"],
                suggested_gruppe=r["suggested"],
                decided=bool(r["decided"]),
                dekning=r["dekning"],
                vurdert_dato=date.fromisoformat(r["vurdert_dato"]),
                assessment_id=r["aid"],
                data=json.loads(r["data"]),
            )
            for r in rows
        ]

    def caseload_count(self, where: CaseFilter) -> int:
        sql_where, params = self._where(where)
        query = _CURRENT + "SELECT COUNT(*) FROM current c LEFT JOIN decisions d ON d.id = c.did" + sql_where
        return int(self._conn().execute(query, params).fetchone()[0])

    def districts_in_use(self) -> list[str]:
        return [r[0] for r in self._conn().execute("SELECT DISTINCT bydel FROM assessments ORDER BY bydel")]

    def _assessments(self, person_id: str) -> list[StoredAssessment]:
        conn = self._conn()
        rows = conn.execute(
            """SELECT a.*, p.person_id FROM assessments a JOIN persons p ON p.id = a.person_ref
               WHERE p.person_id = ? ORDER BY a.vurdert_dato, a.id""",
            (person_id,),
        ).fetchall()
        if not rows:
            return []
        ids = [r["id"] for r in rows]
        decisions: dict[int, list[StoredDecision]] = {}
        marks = ",".join("?" * len(ids))
        for d in conn.execute(f"SELECT * FROM decisions WHERE assessment_ref IN ({marks}) ORDER BY id", ids):
            decisions.setdefault(d["assessment_ref"], []).append(
                StoredDecision(
                    id=d["id"],
                    assessment_id=d["assessment_ref"],
                    suggested_gruppe=d["suggested_gruppe"],
                    suggested_regel=d["suggested_regel"],
                    final_gruppe=d["final_gruppe"],
                    reason=d["reason"],
                    caseworker=d["caseworker"],
                    decided_at=d["decided_at"],
                    matrise_versjon=d["matrise_versjon"],
                )
            )
        return [
            StoredAssessment(
                id=r["id"],
                person_id=r["person_id"],
                vurdert_dato=date.fromisoformat(r["vurdert_dato"]),
                recorded_at=r["recorded_at"],
                recorded_by=r["recorded_by"],
                data=json.loads(r["data"]),
                gruppe=r["gruppe"],
                regel=r["regel"],
                dekning=r["dekning"],
                matrise_versjon=r["matrise_versjon"],
                classification=json.loads(r["classification"]),
                imported=r["import_ref"] is not None,
                decisions=tuple(decisions.get(r["id"], ())),
            )
            for r in rows
        ]

    def history(self, person_id: str) -> list[StoredAssessment]:
        """Every assessment of the person, oldest first, each with all its decisions."""
        return self._assessments(person_id)

    def latest_assessment(self, person_id: str) -> StoredAssessment | None:
        found = self._assessments(person_id)
        return found[-1] if found else None

    def tally_records(self) -> Iterator[dict[str, Any]]:
        rows = self._conn().execute(
            _CURRENT
            + """SELECT c.bydel, COALESCE(d.final_gruppe, c.gruppe) AS gruppe, COALESCE(d.boligtype, c.boligtype) AS boligtype,
                        COALESCE(d.boligstandard, c.boligstandard) AS boligstandard, COALESCE(d.ansvar, c.ansvar) AS ansvar,
                        COALESCE(d.dekning, c.dekning) AS dekning, c.kjonn, c.fodselsar
                 FROM current c LEFT JOIN decisions d ON d.id = c.did ORDER BY c.person_id"""
        )
        for r in rows:
            yield dict(r)

    def audit_log(self, table_name: str | None = None, limit: int | None = None) -> list[AuditEntry]:
        query = "SELECT * FROM audit_log"
        params: list[Any] = []
        if table_name:
            query += " WHERE table_name = ?"
            params.append(table_name)
        query += " ORDER BY id DESC"
        if limit is not None:
            query += " LIMIT ?"
            params.append(limit)
        return [
            AuditEntry(r["id"], r["at"], r["actor"], r["action"], r["table_name"], r["row_ref"], json.loads(r["details"]))
            for r in self._conn().execute(query, params)
        ]

    def log_import_result(self, import_id: int, report: ImportReport, actor: str) -> None:
        """The import's outcome goes in the audit log (counts only, no personal data)."""
        details = {
            "rows": report.rows,
            "saved": report.saved,
            "skipped": report.skipped,
            "rejected_rows": report.rejected_rows,
            "cancelled": report.cancelled,
        }
        with self._write() as conn:
            conn.execute(
                "INSERT INTO audit_append(at, actor, action, table_name, row_ref, details) VALUES (?, ?, 'import_done', 'imports', ?, ?)",
                (self._now(), actor, import_id, json.dumps(details)),
            )

    # -- integrity -------------------------------------------------------------------------
    def verify(self) -> tuple[Breach | None, ChainHead]:
        """Recompute the hash chain and every history row's hash (`casestore.chain`)."""
        conn = self._conn()
        conn.execute("BEGIN")  # one snapshot for the whole check
        try:
            audit = conn.execute(f"SELECT {', '.join(AUDIT_FIELDS)}, prev_hash, hash FROM audit_log ORDER BY id")
            rows = {table: conn.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY id") for table, columns in CHAINED.items()}
            return verify_records((tuple(r) for r in audit), {t: (tuple(r) for r in c) for t, c in rows.items()})
        finally:
            conn.execute("COMMIT")
