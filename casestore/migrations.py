"""Versioned schema migrations for the case store, one list for both backends.

Each entry has its SQLite and its PostgreSQL form (`casestore.pg_schema`): same version
numbers, same tables and columns, same hash chain; only the dialect differs.

Each migration is applied once, in order, inside one write transaction together with its
row in `schema_migrations`; `PRAGMA user_version` mirrors the latest version so a newer
database is refused by an older program instead of being misread. A migration is never
edited after release: changes are new entries at the end of `MIGRATIONS`.

History is append-only by construction: triggers refuse UPDATE and DELETE on every history
table, and AFTER INSERT triggers write the audit log, so no code path can write without
leaving an audit row. From version 2 the audit log is a hash chain (`casestore.chain`) and
BEFORE INSERT triggers refuse a row whose key exists: `INSERT OR REPLACE` deletes the old
row *without* firing delete triggers, so only refusing the insert itself closes that path.
The triggers call `rm_sha256`, a function the store registers on each of its connections;
a connection without it (e.g. the sqlite3 shell) cannot write history at all.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from casestore import pg_schema
from casestore.chain import AUDIT_FIELDS, CHAINED, GENESIS, Dialect, link_hash, row_hash, sql_canonical, sql_row_canonical


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    sqlite: str
    postgres: str
    after: Callable[[Any, Dialect], None] | None = None  # a data step run after the SQL, same transaction


_HISTORY_TABLES = ("persons", "imports", "assessments", "decisions", "audit_log")


def _no_update(table: str) -> str:
    return f"""
CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table}
BEGIN SELECT RAISE(ABORT, 'append-only: {table} rows cannot be changed'); END;
"""


def _append_only(table: str) -> str:
    return (
        _no_update(table)
        + f"""
CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table}
BEGIN SELECT RAISE(ABORT, 'append-only: {table} rows cannot be deleted'); END;
"""
    )


_V1 = """
CREATE TABLE persons (
    id           INTEGER PRIMARY KEY,
    person_id    TEXT NOT NULL UNIQUE,
    created_at   TEXT NOT NULL,
    created_by   TEXT NOT NULL
);

-- One row per import run: which file (name and SHA-256) under which matrix.
CREATE TABLE imports (
    id              INTEGER PRIMARY KEY,
    started_at      TEXT NOT NULL,
    started_by      TEXT NOT NULL,
    file_name       TEXT NOT NULL,
    file_sha256     TEXT NOT NULL,
    matrise_versjon TEXT NOT NULL,
    matrise_sha256  TEXT NOT NULL
);

-- An assessment with the group suggested for it when it was recorded.
-- vurdert_dato is the assessment date (the recording date when the source gave none).
CREATE TABLE assessments (
    id              INTEGER PRIMARY KEY,
    person_ref      INTEGER NOT NULL REFERENCES persons(id),
    vurdert_dato    TEXT NOT NULL,
    recorded_at     TEXT NOT NULL,
    recorded_by     TEXT NOT NULL,
    import_ref      INTEGER REFERENCES imports(id),
    data            TEXT NOT NULL,
    content_sha256  TEXT NOT NULL,
    bydel           TEXT NOT NULL,
    boligsituasjon  TEXT NOT NULL,
    varighet        TEXT NOT NULL,
    kjonn           TEXT,
    fodselsar       INTEGER,
    gruppe          INTEGER NOT NULL,
    regel           TEXT NOT NULL,
    boligtype       TEXT NOT NULL,
    boligstandard   TEXT NOT NULL,
    ansvar          TEXT NOT NULL,
    dekning         TEXT NOT NULL,
    matrise_versjon TEXT NOT NULL,
    classification  TEXT NOT NULL
);
CREATE INDEX assessments_latest ON assessments(person_ref, vurdert_dato, id);
CREATE INDEX assessments_content ON assessments(person_ref, content_sha256);

-- The caseworker's decision on an assessment; the final group's attributes are kept as
-- decided, under the matrix version of the time.
CREATE TABLE decisions (
    id               INTEGER PRIMARY KEY,
    assessment_ref   INTEGER NOT NULL REFERENCES assessments(id),
    suggested_gruppe INTEGER NOT NULL,
    suggested_regel  TEXT NOT NULL,
    final_gruppe     INTEGER NOT NULL,
    reason           TEXT,
    caseworker       TEXT NOT NULL CHECK (length(trim(caseworker)) > 0),
    decided_at       TEXT NOT NULL,
    matrise_versjon  TEXT NOT NULL,
    boligtype        TEXT NOT NULL,
    boligstandard    TEXT NOT NULL,
    ansvar           TEXT NOT NULL,
    dekning          TEXT NOT NULL,
    CHECK (final_gruppe = suggested_gruppe OR length(trim(coalesce(reason, ''))) > 0)
);
CREATE INDEX decisions_assessment ON decisions(assessment_ref, id);

CREATE TABLE audit_log (
    id         INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    actor      TEXT NOT NULL,
    action     TEXT NOT NULL,
    table_name TEXT NOT NULL,
    row_ref    INTEGER,
    details    TEXT NOT NULL DEFAULT '{}'
);

CREATE TRIGGER persons_audit AFTER INSERT ON persons BEGIN
    INSERT INTO audit_log(at, actor, action, table_name, row_ref, details)
    VALUES (NEW.created_at, NEW.created_by, 'insert', 'persons', NEW.id, json_object('person_id', NEW.person_id));
END;
CREATE TRIGGER imports_audit AFTER INSERT ON imports BEGIN
    INSERT INTO audit_log(at, actor, action, table_name, row_ref, details)
    VALUES (NEW.started_at, NEW.started_by, 'insert', 'imports', NEW.id,
            json_object('file_name', NEW.file_name, 'file_sha256', NEW.file_sha256, 'matrise_versjon', NEW.matrise_versjon));
END;
CREATE TRIGGER assessments_audit AFTER INSERT ON assessments BEGIN
    INSERT INTO audit_log(at, actor, action, table_name, row_ref, details)
    VALUES (NEW.recorded_at, NEW.recorded_by, 'insert', 'assessments', NEW.id,
            json_object('person_id', (SELECT person_id FROM persons WHERE id = NEW.person_ref),
                        'vurdert_dato', NEW.vurdert_dato, 'gruppe', NEW.gruppe, 'regel', NEW.regel,
                        'import', NEW.import_ref, 'matrise_versjon', NEW.matrise_versjon));
END;
CREATE TRIGGER decisions_audit AFTER INSERT ON decisions BEGIN
    INSERT INTO audit_log(at, actor, action, table_name, row_ref, details)
    VALUES (NEW.decided_at, NEW.caseworker, 'insert', 'decisions', NEW.id,
            json_object('assessment', NEW.assessment_ref, 'suggested_gruppe', NEW.suggested_gruppe,
                        'suggested_regel', NEW.suggested_regel, 'final_gruppe', NEW.final_gruppe,
                        'reason', NEW.reason, 'matrise_versjon', NEW.matrise_versjon));
END;
""" + "".join(_append_only(table) for table in _HISTORY_TABLES)


def _audit_trigger(table: str, at: str, actor: str, details: str) -> str:
    return f"""
CREATE TRIGGER {table}_audit AFTER INSERT ON {table} BEGIN
    INSERT INTO audit_append(at, actor, action, table_name, row_ref, details, row_hash)
    VALUES ({at}, {actor}, 'insert', '{table}', NEW.id, {details}, rm_sha256({sql_row_canonical(table, "NEW", "sqlite")}));
END;
"""


def _no_replace(table: str, key: str = "id") -> str:
    return f"""
CREATE TRIGGER {table}_no_replace_{key} BEFORE INSERT ON {table}
WHEN EXISTS (SELECT 1 FROM {table} WHERE {key} = NEW.{key})
BEGIN SELECT RAISE(ABORT, 'append-only: {table} already has this {key}; REPLACE is refused'); END;
"""


_HEAD = f"coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '{GENESIS}')"
_NEXT_ID = "(SELECT coalesce(max(id), 0) + 1 FROM audit_log)"

_V2 = (
    """
ALTER TABLE audit_log ADD COLUMN row_hash TEXT;
ALTER TABLE audit_log ADD COLUMN prev_hash TEXT;
ALTER TABLE audit_log ADD COLUMN hash TEXT;
DROP TRIGGER persons_audit;
DROP TRIGGER imports_audit;
DROP TRIGGER assessments_audit;
DROP TRIGGER decisions_audit;

-- The one way into the audit log: insert here, and the record is numbered and chained.
CREATE VIEW audit_append AS SELECT at, actor, action, table_name, row_ref, details, row_hash FROM audit_log WHERE 0;
"""
    + f"""
CREATE TRIGGER audit_append_chain INSTEAD OF INSERT ON audit_append BEGIN
    INSERT INTO audit_log(id, at, actor, action, table_name, row_ref, details, row_hash, prev_hash, hash)
    SELECT n.id, n.at, n.actor, n.action, n.table_name, n.row_ref, n.details, n.row_hash, n.prev_hash,
           rm_sha256(n.prev_hash || {sql_canonical([f"n.{f}" for f in AUDIT_FIELDS], "sqlite")})
    FROM (SELECT {_NEXT_ID} AS id, NEW.at AS at, NEW.actor AS actor, NEW.action AS action, NEW.table_name AS table_name,
                 NEW.row_ref AS row_ref, NEW.details AS details, NEW.row_hash AS row_hash, {_HEAD} AS prev_hash) AS n;
END;

-- Gapless, linear and complete: nothing enters the log except as the next link of the chain.
CREATE TRIGGER audit_log_chained BEFORE INSERT ON audit_log
WHEN NEW.id IS NOT {_NEXT_ID} OR NEW.prev_hash IS NOT {_HEAD} OR NEW.hash IS NULL
BEGIN SELECT RAISE(ABORT, 'append-only: audit_log is written only through audit_append'); END;
"""
    + _audit_trigger("persons", "NEW.created_at", "NEW.created_by", "json_object('person_id', NEW.person_id)")
    + _audit_trigger(
        "imports",
        "NEW.started_at",
        "NEW.started_by",
        "json_object('file_name', NEW.file_name, 'file_sha256', NEW.file_sha256, 'matrise_versjon', NEW.matrise_versjon)",
    )
    + _audit_trigger(
        "assessments",
        "NEW.recorded_at",
        "NEW.recorded_by",
        """json_object('person_id', (SELECT person_id FROM persons WHERE id = NEW.person_ref),
                        'vurdert_dato', NEW.vurdert_dato, 'gruppe', NEW.gruppe, 'regel', NEW.regel,
                        'import', NEW.import_ref, 'matrise_versjon', NEW.matrise_versjon)""",
    )
    + _audit_trigger(
        "decisions",
        "NEW.decided_at",
        "NEW.caseworker",
        """json_object('assessment', NEW.assessment_ref, 'suggested_gruppe', NEW.suggested_gruppe,
                        'suggested_regel', NEW.suggested_regel, 'final_gruppe', NEW.final_gruppe,
                        'reason', NEW.reason, 'matrise_versjon', NEW.matrise_versjon)""",
    )
    + "".join(_no_replace(table) for table in ("persons", "imports", "assessments", "decisions"))  # frozen: version 2's tables
    + _no_replace("persons", "person_id")
)


def _seal_existing(conn: Any, dialect: Dialect) -> None:
    """Chain the audit records a version-1 store already holds, each insert record with the
    hash of its row as it is now: the upgrade vouches for the state it found, from then on
    every change is evident. `conn` is a sqlite3 or psycopg connection (both have execute)."""
    mark = "?" if dialect == "sqlite" else "%s"
    records = conn.execute(f"SELECT {', '.join(AUDIT_FIELDS)} FROM audit_log ORDER BY id").fetchall()
    if not records:
        return
    if dialect == "sqlite":
        conn.execute("DROP TRIGGER audit_log_no_update")
    else:
        conn.execute("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change")
    prev = GENESIS
    for record in records:
        values = list(record)
        table, ref = values[4], values[5]
        if values[3] == "insert" and table in CHAINED:
            row = conn.execute(f"SELECT {', '.join(CHAINED[table])} FROM {table} WHERE id = {mark}", (ref,)).fetchone()
            values[7] = row_hash(table, tuple(row)) if row is not None else None
        digest = link_hash(prev, values)
        conn.execute(
            f"UPDATE audit_log SET row_hash = {mark}, prev_hash = {mark}, hash = {mark} WHERE id = {mark}",
            (values[7], prev, digest, values[0]),
        )
        prev = digest
    if dialect == "sqlite":
        conn.execute(_no_update("audit_log"))
    else:
        conn.execute("ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_change")


# Version 3: a person's district is a fact of its own, and moving between districts an audited
# act (a row in person_moves), so that access can follow the district (PostgreSQL: RLS).
_V3 = (
    """
CREATE TABLE person_moves (
    id          INTEGER PRIMARY KEY,
    person_ref  INTEGER NOT NULL REFERENCES persons(id),
    from_bydel  TEXT,
    to_bydel    TEXT NOT NULL,
    moved_at    TEXT NOT NULL,
    moved_by    TEXT NOT NULL,
    reason      TEXT NOT NULL
);
CREATE INDEX person_moves_person ON person_moves(person_ref, id);
"""
    + _audit_trigger(
        "person_moves",
        "NEW.moved_at",
        "NEW.moved_by",
        "json_object('person', NEW.person_ref, 'from_bydel', NEW.from_bydel, 'to_bydel', NEW.to_bydel, 'reason', NEW.reason)",
    )
    + _append_only("person_moves")
    + _no_replace("person_moves")
    + """
INSERT INTO person_moves(person_ref, from_bydel, to_bydel, moved_at, moved_by, reason)
SELECT p.id, NULL, a.bydel, {now}, 'migrering', 'plassert etter siste kartlegging ved oppgradering'
FROM persons p JOIN assessments a ON a.id = (SELECT x.id FROM assessments x WHERE x.person_ref = p.id
                                             ORDER BY x.vurdert_dato DESC, x.id DESC LIMIT 1)
ORDER BY p.id;
"""
)

# Version 5: drafts, incomplete assessments saved to finish later. Append-only and chained like
# every history table; never read by the tallies (they read assessments). Completing a draft
# appends a row naming the assessment it became (`completed_by`), in the assessment's transaction.
_V5 = (
    """
CREATE TABLE drafts (
    id            INTEGER PRIMARY KEY,
    person_ref    INTEGER NOT NULL REFERENCES persons(id),
    bydel         TEXT NOT NULL,
    saved_at      TEXT NOT NULL,
    saved_by      TEXT NOT NULL,
    data          TEXT NOT NULL,
    completed_by  INTEGER REFERENCES assessments(id)
);
CREATE INDEX drafts_person ON drafts(person_ref, id);
"""
    + _audit_trigger(
        "drafts",
        "NEW.saved_at",
        "NEW.saved_by",
        "json_object('person', NEW.person_ref, 'bydel', NEW.bydel, 'completed_by', NEW.completed_by)",
    )
    + _append_only("drafts")
    + _no_replace("drafts")
)

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "persons, assessments, decisions, imports and the audit log", _V1, pg_schema.V1),
    Migration(2, "hash chain over history and audit records; REPLACE refused", _V2, pg_schema.V2, after=_seal_existing),
    Migration(
        3,
        "districts as audited placements and moves; PostgreSQL roles, grants and row-level security",
        _V3.replace("{now}", "strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')"),
        pg_schema.V3,
    ),
    # SQLite holds one local user's persons: the person id stays unique there, and nothing else
    # of version 4 (per-district records, the planners' history, restored rows' marks) applies.
    Migration(
        4,
        "one record per district for a person id (no refusal tells of another district's persons); "
        "planners' history; unverified restored rows",
        "",
        pg_schema.V4,
    ),
    Migration(5, "drafts: incomplete assessments, append-only, never counted", _V5, pg_schema.V5),
    # PostgreSQL only: SQLite has no row-level security.
    Migration(6, "the read rule of row-level security as one query per row", "", pg_schema.V6),
)
LATEST = MIGRATIONS[-1].version


class SchemaTooNew(Exception):
    def __init__(self, found: int) -> None:
        self.found = found
        super().__init__(f"schema version {found} is newer than {LATEST}")


def current_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, applied_at: str) -> int:
    """Bring the schema up to LATEST; returns the version found before. Safe to race: the
    version is re-read inside the write transaction, so two processes never apply one twice."""
    found = current_version(conn)
    if found > LATEST:
        raise SchemaTooNew(found)
    if found == LATEST:
        return found
    conn.execute("BEGIN IMMEDIATE")
    try:
        found = current_version(conn)
        if found > LATEST:
            raise SchemaTooNew(found)
        if found == 0:
            conn.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations"
                " (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)"
            )
        for migration in MIGRATIONS:
            if migration.version <= found:
                continue
            for statement in _statements(migration.sqlite):
                conn.execute(statement)
            if migration.after is not None:
                migration.after(conn, "sqlite")
            conn.execute(
                "INSERT INTO schema_migrations(version, description, applied_at) VALUES (?, ?, ?)",
                (migration.version, migration.description, applied_at),
            )
            conn.execute(f"PRAGMA user_version = {int(migration.version)}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return found


def _statements(script: str) -> list[str]:
    """Split a script into statements (triggers contain ';' inside BEGIN … END)."""
    statements: list[str] = []
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        statements.append(buffer.strip())
    return statements


def migrate_postgres(conn: Any, applied_at: str) -> int:
    """Bring a PostgreSQL store up to LATEST in one transaction (psycopg connection, not in
    autocommit); returns the version found before. An advisory lock serialises two programs
    starting at once; the version is read again under it."""
    from psycopg.rows import tuple_row

    cur = conn.cursor(row_factory=tuple_row)
    with conn.transaction():
        # An application role may not create anything: look before taking the lock.
        if cur.execute("SELECT to_regclass('schema_migrations') IS NOT NULL").fetchone()[0]:
            seen = int(cur.execute("SELECT coalesce(max(version), 0) FROM schema_migrations").fetchone()[0])
            if seen > LATEST:
                raise SchemaTooNew(seen)
            if seen == LATEST:
                return seen
    with conn.transaction():
        cur.execute("SELECT pg_advisory_xact_lock(%s)", (pg_schema.MIGRATION_LOCK,))
        cur.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations"
            " (version integer PRIMARY KEY, description text NOT NULL, applied_at text NOT NULL)"
        )
        found = int(cur.execute("SELECT coalesce(max(version), 0) FROM schema_migrations").fetchone()[0])
        if found > LATEST:
            raise SchemaTooNew(found)
        for migration in MIGRATIONS:
            if migration.version <= found:
                continue
            cur.execute(migration.postgres)
            if migration.after is not None:
                migration.after(cur, "postgres")
            cur.execute(
                "INSERT INTO schema_migrations(version, description, applied_at) VALUES (%s, %s, %s)",
                (migration.version, migration.description, applied_at),
            )
    return found
