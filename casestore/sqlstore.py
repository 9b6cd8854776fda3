"""What the SQLite and PostgreSQL stores share: every query and write of the `Store` protocol.

A backend supplies connections and transactions as a `Tx` (three verbs over `?`-style SQL
that return rows readable by column name), how a person's row is found or made (the two
databases differ in how a concurrent first insert is settled), and how an audit record
other than a row insert is appended. Everything else, so both backends answer alike, is here.
"""

from __future__ import annotations

import hashlib
import json
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import AbstractContextManager
from datetime import UTC, date, datetime
from typing import Any, Protocol

from casestore.chain import AUDIT_FIELDS, CHAINED, Breach, ChainHead, verify_records
from casestore.models import (
    AuditEntry,
    CaseFilter,
    CaseRow,
    DecisionInput,
    Identity,
    ImportReport,
    StoredAssessment,
    StoredDecision,
    StoredDraft,
)
from casestore.store import StoreError
from matrix.assessment import Assessment
from matrix.load import Matrix
from rules.result import Classification

Clock = Callable[[], datetime]
Row = Mapping[str, Any]


def utc_now() -> datetime:
    return datetime.now(UTC)


class Tx(Protocol):
    """One connection inside one transaction (or one read snapshot)."""

    def one(self, sql: str, params: Iterable[Any] = ()) -> Row | None: ...

    def all(self, sql: str, params: Iterable[Any] = ()) -> list[Row]: ...

    def insert(self, sql: str, params: Iterable[Any]) -> int:
        """Run an INSERT … RETURNING id; the new id."""
        ...

    def savepoint(self) -> AbstractContextManager[None]:
        """A part of the transaction that is undone alone when the database refuses it
        (StoreError "store_denied"); the rest of the transaction goes on."""
        ...


# The current state of each person: the latest assessment (by assessment date, then by
# recording order) and the latest decision on it. Everything the caseload and tallies read.
# A person is a person id. In an SQLite file the id is unique (one row in persons per person),
# so the latest assessment is looked up per persons row, which lets a caseload page walk the
# person_id index and stop after one page.
CURRENT = """
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
# On PostgreSQL each district keeps its own record of an id (a row in persons, pg_schema V4), and
# whoever may see several records of one id (admin, or a district a record was handed over to)
# sees one person, by the latest assessment of them all. Ranked in one pass over the visible
# assessments: row-level security checks each row once, not once per correlated lookup.
CURRENT_BY_ID = """
WITH ranked AS (
    SELECT q.person_id, a.id AS aid,
           ROW_NUMBER() OVER (PARTITION BY q.person_id ORDER BY a.vurdert_dato DESC, a.id DESC) AS n
    FROM assessments a JOIN persons q ON q.id = a.person_ref
), latest AS (
    SELECT person_id, aid FROM ranked WHERE n = 1
), current AS (
    SELECT l.person_id, a.*,
           (SELECT MAX(d.id) FROM decisions d WHERE d.assessment_ref = a.id) AS did
    FROM latest l JOIN assessments a ON a.id = l.aid
)
"""


# The caseload: each person's current assessment (as CURRENT), its latest decision and the
# person's latest draft row (open unless it completed the draft), as `l` (person_id, aid, xid).
# Tallies never read this. Drafts are few, so each person's latest one is aggregated once.
# SQLite: one persons row per id, so a page walks the person_id index and stops after one page.
CASELOAD = """
WITH xl AS (
    SELECT person_ref, MAX(id) AS xid FROM drafts GROUP BY person_ref
), l AS (
    SELECT p.person_id,
           (SELECT a.id FROM assessments a WHERE a.person_ref = p.id ORDER BY a.vurdert_dato DESC, a.id DESC LIMIT 1) AS aid,
           xl.xid
    FROM persons p LEFT JOIN xl ON xl.person_ref = p.id
)
"""
# PostgreSQL: several records of one id are one person (as CURRENT_BY_ID); an id is listed when
# it has a visible assessment or a visible draft.
CASELOAD_BY_ID = """
WITH ranked AS (
    SELECT q.person_id, a.id AS aid,
           ROW_NUMBER() OVER (PARTITION BY q.person_id ORDER BY a.vurdert_dato DESC, a.id DESC) AS n
    FROM assessments a JOIN persons q ON q.id = a.person_ref
), xl AS (
    SELECT q.person_id, MAX(y.id) AS xid FROM drafts y JOIN persons q ON q.id = y.person_ref GROUP BY q.person_id
), l AS (
    SELECT COALESCE(r.person_id, xl.person_id) AS person_id, r.aid, xl.xid
    FROM (SELECT person_id, aid FROM ranked WHERE n = 1) r FULL JOIN xl ON xl.person_id = r.person_id
)
"""
DECISION_JOIN = """
    LEFT JOIN decisions d ON d.id = (SELECT MAX(e.id) FROM decisions e WHERE e.assessment_ref = c.id)"""
CASELOAD_FROM = (
    """
    FROM l LEFT JOIN assessments c ON c.id = l.aid"""
    + DECISION_JOIN
    + """
    LEFT JOIN drafts x ON x.id = l.xid"""
)


def content(assessment: Assessment) -> tuple[str, str]:
    """The assessment's canonical fields as stored (JSON text) and their SHA-256."""
    data = {**assessment.canonical(), "ekstra": assessment.ekstra}
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, default=str)
    return text, hashlib.sha256(text.encode()).hexdigest()


class SqlStore(ABC):
    """`casestore.store.Store` over a backend's `_read`/`_write` transactions."""

    location: str
    clock: Clock
    current_sql: str = CURRENT  # how "each person's current state" is found on this backend
    caseload_sql: str = CASELOAD  # … and each person's current state and latest draft, for the caseload

    # -- what a backend supplies -------------------------------------------------------------
    @abstractmethod
    def _read(self) -> AbstractContextManager[Tx]:
        ...

    @abstractmethod
    def _write(self) -> AbstractContextManager[Tx]:
        ...

    @abstractmethod
    def _person_ref(self, tx: Tx, person_id: str, actor: str, at: str, bydel: str) -> int:
        """The person's row for a new assessment in `bydel`: made (and placed there) when new;
        a person placed elsewhere is moved (an audited act) where the user may, else refused."""
        ...

    @abstractmethod
    def _move(self, tx: Tx, person_id: str, to_bydel: str, reason: str, actor: str, at: str) -> None:
        ...

    @abstractmethod
    def _append_audit(self, tx: Tx, at: str, actor: str, action: str, table: str, row_ref: int | None, details: str) -> None:
        ...

    @abstractmethod
    def close(self) -> None:
        ...

    @abstractmethod
    def identity(self) -> Identity:
        ...

    @abstractmethod
    def _verified(self, table: str, row_id: int) -> bool:
        """Whether the who-column of `table`'s row `row_id` holds a login the database checked
        (False on SQLite: an OS user, or in rows from before identities, a name typed in)."""
        ...

    def _who(self) -> str:
        """Who every write is recorded as: the store's identity, never a name a caller passes."""
        return self.identity().user

    @abstractmethod
    def schema_version(self) -> int:
        """The schema version the store is at (the latest migration applied)."""
        ...

    def __enter__(self) -> SqlStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _now(self) -> str:
        return self.clock().isoformat()

    def _today(self) -> date:
        return self.clock().astimezone().date()

    # -- writes ----------------------------------------------------------------------------
    def _insert_assessment(
        self,
        tx: Tx,
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
        return tx.insert(
            """INSERT INTO assessments(person_ref, vurdert_dato, recorded_at, recorded_by, import_ref, data, content_sha256,
                   bydel, boligsituasjon, varighet, kjonn, fodselsar, gruppe, regel, boligtype, boligstandard, ansvar, dekning,
                   matrise_versjon, classification)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""",
            (
                person_ref, vurdert, at, actor, import_id, data, sha,
                assessment.bydel, assessment.boligsituasjon, assessment.varighet, assessment.kjonn, assessment.fodselsar,
                c.gruppe, c.regel, c.boligtype, c.boligstandard, c.ansvar, c.dekning, c.matrise_versjon,
                c.model_dump_json(),
            ),
        )  # fmt: skip

    def _insert_decision(self, tx: Tx, assessment_id: int, d: DecisionInput, at: str, who: str) -> int:
        if d.final_gruppe != d.suggested_gruppe and not (d.reason or "").strip():
            raise StoreError("store_reason")
        return tx.insert(
            """INSERT INTO decisions(assessment_ref, suggested_gruppe, suggested_regel, final_gruppe, reason, caseworker,
                   decided_at, matrise_versjon, boligtype, boligstandard, ansvar, dekning)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""",
            (
                assessment_id, d.suggested_gruppe, d.suggested_regel, d.final_gruppe, d.reason, who,
                at, d.matrise_versjon, d.boligtype, d.boligstandard, d.ansvar, d.dekning,
            ),
        )  # fmt: skip

    def record(
        self,
        assessment: Assessment,
        classification: Classification,
        decision: DecisionInput | None = None,
        draft: int | None = None,
    ) -> int:
        """With `draft` (an open draft of this person), the draft is completed by this
        assessment in the same transaction: both or neither."""
        data, sha = content(assessment)
        who = self._who()
        with self._write() as tx:
            at = self._now()
            person_ref = self._person_ref(tx, assessment.person_id, who, at, assessment.bydel)
            assessment_id = self._insert_assessment(tx, person_ref, assessment, classification, who, at, data, sha, None)
            if decision is not None:
                self._insert_decision(tx, assessment_id, decision, at, who)
            if draft is not None:
                self._complete_draft(tx, person_ref, draft, assessment_id, assessment.bydel, who, at)
        return assessment_id

    # -- drafts ----------------------------------------------------------------------------
    def save_draft(self, person_id: str, bydel: str, data: Mapping[str, str]) -> int:
        """Save an incomplete assessment (the form's fields as typed) for `person_id` placed in
        `bydel` (a canonical district name), as the store's identity; a new row each time, the
        latest is the open one."""
        if not person_id.strip() or not bydel.strip():
            raise StoreError("store_draft_who")
        text = json.dumps({str(k): str(v) for k, v in data.items()}, ensure_ascii=False, sort_keys=True)
        who = self._who()
        with self._write() as tx:
            at = self._now()
            person_ref = self._person_ref(tx, person_id, who, at, bydel)
            return tx.insert(
                "INSERT INTO drafts(person_ref, bydel, saved_at, saved_by, data, completed_by) VALUES (?, ?, ?, ?, ?, NULL) RETURNING id",
                (person_ref, bydel, at, who, text),
            )

    def _complete_draft(self, tx: Tx, person_ref: int, draft: int, assessment_id: int, bydel: str, actor: str, at: str) -> None:
        latest = tx.one(  # the id's latest draft, whichever of its records (PostgreSQL: one per district) holds it
            """SELECT y.id, y.completed_by FROM drafts y JOIN persons q ON q.id = y.person_ref
               WHERE q.person_id = (SELECT person_id FROM persons WHERE id = ?) ORDER BY y.id DESC LIMIT 1""",
            (person_ref,),
        )
        if latest is None or latest["id"] != draft or latest["completed_by"] is not None:
            raise StoreError("store_draft_not_open")
        tx.insert(
            "INSERT INTO drafts(person_ref, bydel, saved_at, saved_by, data, completed_by) VALUES (?, ?, ?, ?, '{}', ?) RETURNING id",
            (person_ref, bydel, at, actor, assessment_id),
        )

    def drafts(self, person_id: str) -> list[StoredDraft]:
        """Every draft row of the person, oldest first: saved drafts and the completions."""
        with self._read() as tx:
            rows = tx.all(
                """SELECT x.*, p.person_id FROM drafts x JOIN persons p ON p.id = x.person_ref
                   WHERE p.person_id = ? ORDER BY x.id""",
                (person_id,),
            )
        return [
            StoredDraft(r["id"], r["person_id"], r["bydel"], r["saved_at"], r["saved_by"], json.loads(r["data"]), r["completed_by"],
                        self._verified("drafts", r["id"]))
            for r in rows
        ]

    def open_draft(self, person_id: str) -> StoredDraft | None:
        """The person's latest draft unless it has been completed."""
        found = self.drafts(person_id)
        return found[-1] if found and found[-1].open else None

    def record_decision(self, assessment_id: int, decision: DecisionInput) -> int:
        who = self._who()
        with self._write() as tx:
            if tx.one("SELECT 1 AS found FROM assessments WHERE id = ?", (assessment_id,)) is None:
                raise StoreError("store_no_assessment", id=assessment_id)
            return self._insert_decision(tx, assessment_id, decision, self._now(), who)

    def record_many(
        self,
        items: Iterable[tuple[Assessment, Classification]],
        import_id: int | None = None,
        refused: list[int] | None = None,
    ) -> tuple[int, int]:
        """With `refused` given, an item the database's access rules refuse (another district's
        person, on a shared store) is left out and its index (0-based) appended there; without
        it, a refusal undoes the whole call."""
        saved = skipped = 0
        actor = self._who()
        with self._write() as tx:
            at = self._now()
            for index, (assessment, classification) in enumerate(items):
                data, sha = content(assessment)
                try:
                    with tx.savepoint():
                        person_ref = self._person_ref(tx, assessment.person_id, actor, at, assessment.bydel)
                        if tx.one("SELECT 1 AS found FROM assessments WHERE person_ref = ? AND content_sha256 = ?", (person_ref, sha)):
                            skipped += 1
                            continue
                        self._insert_assessment(tx, person_ref, assessment, classification, actor, at, data, sha, import_id)
                        saved += 1
                except StoreError as error:
                    if refused is None or error.kode != "store_denied":
                        raise
                    refused.append(index)
        return saved, skipped

    def move_person(self, person_id: str, to_bydel: str, reason: str) -> None:
        """Move a person to another district: an audited act with a reason, never an overwrite."""
        if not reason.strip():
            raise StoreError("store_move_reason")
        who = self._who()
        with self._write() as tx:
            self._move(tx, person_id, to_bydel, reason.strip(), who, self._now())

    def moves(self, person_id: str) -> list[dict[str, Any]]:
        """The person's placements and moves between districts, oldest first."""
        with self._read() as tx:
            rows = tx.all(
                """SELECT m.id, m.from_bydel, m.to_bydel, m.moved_at, m.moved_by, m.reason FROM person_moves m
                   JOIN persons p ON p.id = m.person_ref WHERE p.person_id = ? ORDER BY m.id""",
                (person_id,),
            )
        return [
            {**{k: r[k] for k in ("from_bydel", "to_bydel", "moved_at", "moved_by", "reason")},
             "moved_by_verified": self._verified("person_moves", r["id"])}
            for r in rows
        ]  # fmt: skip

    def person_district(self, person_id: str) -> str | None:
        """The district the person is placed in now (None when unknown or not visible)."""
        with self._read() as tx:
            row = tx.one(
                """SELECT m.to_bydel FROM person_moves m JOIN persons p ON p.id = m.person_ref
                   WHERE p.person_id = ? ORDER BY m.id DESC LIMIT 1""",
                (person_id,),
            )
            return str(row["to_bydel"]) if row else None

    def begin_import(self, file_name: str, file_sha256: str, matrix: Matrix) -> int:
        actor = self._who()
        with self._write() as tx:
            return tx.insert(
                """INSERT INTO imports(started_at, started_by, file_name, file_sha256, matrise_versjon, matrise_sha256)
                   VALUES (?, ?, ?, ?, ?, ?) RETURNING id""",
                (self._now(), actor, file_name, file_sha256, matrix.version, matrix.sha256),
            )

    def log_import_result(self, import_id: int, report: ImportReport) -> None:
        """The import's outcome goes in the audit log (counts only, no personal data)."""
        details = {
            "rows": report.rows,
            "saved": report.saved,
            "skipped": report.skipped,
            "rejected_rows": report.rejected_rows,
            "cancelled": report.cancelled,
        }
        actor = self._who()
        with self._write() as tx:
            self._append_audit(tx, self._now(), actor, "import_done", "imports", import_id, json.dumps(details))

    # -- reads -----------------------------------------------------------------------------
    def person_count(self) -> int:
        with self._read() as tx:
            row = tx.one("SELECT COUNT(DISTINCT person_id) AS n FROM persons")
            return int(row["n"]) if row else 0

    @staticmethod
    def _where(where: CaseFilter) -> tuple[str, list[Any]]:
        """The caseload's WHERE over CASELOAD's columns (c: the current assessment, x: the
        latest draft row): assessed persons, and with `with_drafts` those with only an open draft."""
        clauses = ["(c.id IS NOT NULL OR (x.id IS NOT NULL AND x.completed_by IS NULL))" if where.with_drafts else "c.id IS NOT NULL"]
        params: list[Any] = []
        if where.bydel:
            clauses.append("COALESCE(c.bydel, x.bydel) = ?")
            params.append(where.bydel)
        if where.gruppe is not None:
            clauses.append("COALESCE(d.final_gruppe, c.gruppe) = ?")
            params.append(where.gruppe)
        if where.dekning:
            clauses.append("COALESCE(d.dekning, c.dekning) = ?")
            params.append(where.dekning)
        if where.due_on_or_before is not None:
            clauses.append("c.vurdert_dato <= ?")  # ISO dates: text order is date order
            params.append(where.due_on_or_before.isoformat())
        if where.search.strip():
            pattern = where.search.strip().lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            clauses.append("lower(l.person_id) LIKE ? ESCAPE '\\'")
            params.append(f"%{pattern}%")
        return " WHERE " + " AND ".join(clauses), params

    def caseload(self, where: CaseFilter, offset: int = 0, limit: int = 100) -> list[CaseRow]:
        sql_where, params = self._where(where)
        order = "shown_date, l.person_id" if where.oldest_first else "l.person_id"
        with self._read() as tx:
            rows = tx.all(
                self.caseload_sql
                + """SELECT l.person_id, COALESCE(c.bydel, x.bydel) AS bydel, COALESCE(d.final_gruppe, c.gruppe) AS gruppe,
                            c.gruppe AS suggested, d.id IS NOT NULL AS decided, COALESCE(d.dekning, c.dekning, '') AS dekning,
                            COALESCE(c.vurdert_dato, substr(x.saved_at, 1, 10)) AS shown_date, c.id AS aid, c.data,
                            d.id AS decision_id, d.caseworker AS decided_by, x.id IS NOT NULL AND x.completed_by IS NULL AS draft"""
                + CASELOAD_FROM
                + sql_where
                + f" ORDER BY {order} LIMIT ? OFFSET ?",
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
                vurdert_dato=date.fromisoformat(r["shown_date"]),
                assessment_id=r["aid"],
                data=json.loads(r["data"]) if r["data"] is not None else {},
                decided_by=r["decided_by"],
                decided_by_verified=r["decision_id"] is not None and self._verified("decisions", r["decision_id"]),
                draft=bool(r["draft"]),
            )
            for r in rows
        ]

    def caseload_count(self, where: CaseFilter) -> int:
        sql_where, params = self._where(where)
        source = CASELOAD_FROM
        if where.gruppe is None and where.dekning is None:  # only those two read the decision: count without it
            source = source.replace(DECISION_JOIN, "")
        with self._read() as tx:
            row = tx.one(self.caseload_sql + "SELECT COUNT(*) AS n" + source + sql_where, params)
            return int(row["n"]) if row else 0

    def districts_in_use(self) -> list[str]:
        with self._read() as tx:
            return [r["bydel"] for r in tx.all("SELECT DISTINCT bydel FROM assessments ORDER BY bydel")]

    def _assessments(self, person_id: str) -> list[StoredAssessment]:
        with self._read() as tx:
            rows = tx.all(
                """SELECT a.*, p.person_id FROM assessments a JOIN persons p ON p.id = a.person_ref
                   WHERE p.person_id = ? ORDER BY a.vurdert_dato, a.id""",
                (person_id,),
            )
            if not rows:
                return []
            ids = [r["id"] for r in rows]
            marks = ",".join("?" * len(ids))
            found = tx.all(f"SELECT * FROM decisions WHERE assessment_ref IN ({marks}) ORDER BY id", ids)
        decisions: dict[int, list[StoredDecision]] = {}
        for d in found:
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
                    verified=self._verified("decisions", d["id"]),
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
                verified=self._verified("assessments", r["id"]),
            )
            for r in rows
        ]

    def history(self, person_id: str) -> list[StoredAssessment]:
        """Every assessment of the person, oldest first, each with all its decisions."""
        return self._assessments(person_id)

    def assessments_since(self, person_id: str, after_id: int, exclude: int | None = None) -> list[StoredAssessment]:
        """The person's assessments recorded after assessment `after_id` (by anyone), but `exclude`."""
        return [a for a in self._assessments(person_id) if a.id > after_id and a.id != exclude]

    def latest_assessment(self, person_id: str) -> StoredAssessment | None:
        found = self._assessments(person_id)
        return found[-1] if found else None

    def tally_records(self) -> Iterator[dict[str, Any]]:
        """Per person the current classification, with its assessment date (`vurdert_dato`, ISO):
        a tally takes the end of the dates as its supply date, as it does from files."""
        with self._read() as tx:
            rows = tx.all(
                self.current_sql
                + """SELECT c.bydel, COALESCE(d.final_gruppe, c.gruppe) AS gruppe, COALESCE(d.boligtype, c.boligtype) AS boligtype,
                            COALESCE(d.boligstandard, c.boligstandard) AS boligstandard, COALESCE(d.ansvar, c.ansvar) AS ansvar,
                            COALESCE(d.dekning, c.dekning) AS dekning, c.kjonn, c.fodselsar, c.vurdert_dato
                     FROM current c LEFT JOIN decisions d ON d.id = c.did ORDER BY c.person_id"""
            )
        for r in rows:
            yield dict(r)

    def assessment_records(self) -> Iterator[dict[str, Any]]:
        """Every assessment the user may read, in recording order, as planners' views need it
        (`ASSESSMENT_RECORD` keys): `person` groups one person's assessments (here the person
        id; a planner gets a key that is no id, casestore.postgres), the latest decision on it
        (`besluttet`, `endelig_gruppe`, `grunn`), and the fields indicators read."""
        with self._read() as tx:
            rows = tx.all(
                """SELECT p.person_id, a.bydel, a.vurdert_dato, a.gruppe, a.regel, a.dekning, a.boligsituasjon, a.kjonn, a.fodselsar,
                          a.data, d.id AS decision_id, d.final_gruppe, d.reason
                   FROM assessments a JOIN persons p ON p.id = a.person_ref
                   LEFT JOIN decisions d ON d.id = (SELECT max(x.id) FROM decisions x WHERE x.assessment_ref = a.id)
                   ORDER BY a.id"""
            )
        for r in rows:
            data = json.loads(r["data"])
            yield {
                "person": r["person_id"], "bydel": r["bydel"], "vurdert_dato": r["vurdert_dato"], "gruppe": r["gruppe"],
                "regel": r["regel"], "dekning": r["dekning"], "besluttet": r["decision_id"] is not None,
                "endelig_gruppe": r["final_gruppe"], "grunn": (r["reason"] or "").strip(), "boligsituasjon": r["boligsituasjon"],
                "livskvalitet": data.get("livskvalitet"), "institusjonsinntak_12m": data.get("institusjonsinntak_12m"),
                "kjonn": r["kjonn"], "fodselsar": r["fodselsar"],
            }  # fmt: skip

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
        with self._read() as tx:
            rows = tx.all(query, params)
        return [
            AuditEntry(r["id"], r["at"], r["actor"], r["action"], r["table_name"], r["row_ref"], json.loads(r["details"]),
                       self._verified("audit_log", r["id"]))
            for r in rows
        ]

    # -- integrity -------------------------------------------------------------------------
    def verify(self) -> tuple[Breach | None, ChainHead]:
        """Recompute the hash chain and every history row's hash (`casestore.chain`), in one snapshot."""
        with self._read() as tx:
            audit = tx.all(f"SELECT {', '.join(AUDIT_FIELDS)}, prev_hash, hash FROM audit_log ORDER BY id")
            fields = (*AUDIT_FIELDS, "prev_hash", "hash")
            rows = {table: tx.all(f"SELECT {', '.join(columns)} FROM {table} ORDER BY id") for table, columns in CHAINED.items()}
        return verify_records(
            (tuple(r[f] for f in fields) for r in audit),
            {table: [tuple(r[c] for c in CHAINED[table]) for r in found] for table, found in rows.items()},
        )

    # -- backup and restore (casestore.backup) -----------------------------------------------
    def dump_tables(self, tables: dict[str, tuple[str, ...]]) -> dict[str, list[list[Any]]]:
        """Every row of `tables` (columns as given, id order), in one snapshot."""
        with self._read() as tx:
            return {
                t: [[r[c] for c in columns] for r in tx.all(f"SELECT {', '.join(columns)} FROM {t} ORDER BY id")]
                for t, columns in tables.items()
            }

    def _insert_rows(self, tx: Tx, tables: dict[str, tuple[str, ...]], order: Iterable[str], rows: dict[str, list[list[Any]]]) -> None:
        for table in order:
            columns = tables[table]
            statement = f"INSERT INTO {table}({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))}) RETURNING id"
            for row in rows[table]:
                if len(row) != len(columns):
                    raise StoreError("backup_format", fil=table)
                tx.insert(statement, row)

    @staticmethod
    def _require_empty(tx: Tx) -> None:
        for table in ("persons", "audit_log"):
            found = tx.one(f"SELECT count(*) AS n FROM {table}")
            if found and int(found["n"]):
                raise StoreError("backup_ikke_tom")
