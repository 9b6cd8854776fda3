"""The case store on PostgreSQL — the only module that talks to psycopg.

A district office or the whole city runs one PostgreSQL database; every caseworker's TUI
connects with `--db postgresql://user@host/db`. Access is the database's business (roles,
grants and row-level security, `casestore.pg_schema`); this module only connects, runs the
shared queries of `casestore.sqlstore` and turns the driver's errors into `StoreError`s.

psycopg 3 (with psycopg_pool): the sharp edges and how each is handled here.

- Placeholders are `%s`, and a literal `%` in a query with parameters must be `%%`. The shared
  queries are written with `?`; `_pg()` translates them once (and doubles every `%`). Nothing
  else may build SQL by string formatting with values.
- Without autocommit, the first statement opens a transaction that stays open ("idle in
  transaction", holding snapshots and locks) until commit. Every use here is inside
  `pool.connection()`, which commits on a clean exit and rolls back on an exception, and
  writes are inside `conn.transaction()`.
- After an error the connection is in a failed transaction until rolled back; the pool's
  context manager does that, so a connection is never handed back broken.
- A server restart breaks every pooled connection silently. The pool checks a connection
  when it is handed out (`check=ConnectionPool.check_connection`) and replaces a dead one;
  a statement in flight when the server went away fails with `OperationalError`, which is
  never retried behind the user's back (a write's commit may or may not have happened): the
  user is told the connection was lost and that what was saved is kept; the next action
  gets a fresh connection.
- The pool starts worker threads; `close()` must be called (the store's `close`) or they
  outlive the store. A pool must not cross `fork()`: open the store in the child.
- Multi-statement strings run only without parameters (simple query protocol): migrations
  pass none.
- psycopg prepares a statement after 5 executions on a connection; behind a pgbouncer in
  transaction mode that breaks. `RUSMATRISE_PG_NO_PREPARE=1` turns preparing off.
- A URL may carry a password: messages show `url.shown_url()`, never the URL itself.
- The binary package (`psycopg[binary]`) bundles libpq; no system client library is needed.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

import psycopg
from psycopg import errors
from psycopg.rows import dict_row
from psycopg_pool import ConnectionPool, PoolTimeout

from casestore.migrations import LATEST, SchemaTooNew, migrate_postgres
from casestore.models import Identity
from casestore.sqlstore import CASELOAD_BY_ID, CURRENT_BY_ID, Clock, Row, SqlStore, utc_now
from casestore.store import StoreError
from casestore.url import shown_url

CONNECT_TIMEOUT_S = 10
POOL_MAX = 4


@lru_cache(maxsize=256)
def _pg(sql: str) -> str:
    return sql.replace("%", "%%").replace("?", "%s")


def _denied(error: Exception) -> bool:
    return isinstance(error, errors.InsufficientPrivilege | errors.CheckViolation) or "row-level security" in str(error)


class _PgTx:
    def __init__(self, conn: psycopg.Connection[Any]) -> None:
        self.conn = conn

    def one(self, sql: str, params: Iterable[Any] = ()) -> Row | None:
        row: Row | None = self.conn.execute(_pg(sql), tuple(params)).fetchone()
        return row

    def all(self, sql: str, params: Iterable[Any] = ()) -> list[Row]:
        return list(self.conn.execute(_pg(sql), tuple(params)).fetchall())

    def insert(self, sql: str, params: Iterable[Any]) -> int:
        row = self.conn.execute(_pg(sql), tuple(params)).fetchone()
        assert row is not None
        return int(next(iter(row.values())))

    @contextmanager
    def savepoint(self) -> Iterator[None]:
        try:
            with self.conn.transaction():  # nested: a SAVEPOINT
                yield
        except psycopg.Error as error:
            if _denied(error):
                raise StoreError("store_denied", grunn=_reason(error)) from None
            raise


class PostgresStore(SqlStore):
    """`casestore.store.Store` on a PostgreSQL database."""

    current_sql = CURRENT_BY_ID  # several records of one id (one per district) are one person
    caseload_sql = CASELOAD_BY_ID  # … in the caseload too, with the id's latest draft

    def __init__(self, url: str, clock: Clock = utc_now, migrate: bool = True) -> None:
        self.url = url
        self.location = shown_url(url)
        self.clock = clock
        self._identity: Identity | None = None
        self._unverified: dict[str, int] | None = None  # per table, the highest id restored with an unchecked name
        prepare = {"prepare_threshold": None} if os.environ.get("RUSMATRISE_PG_NO_PREPARE") else {}
        try:
            # One direct connection first: a wrong address or password fails at once with the
            # server's reason, instead of the pool retrying in the background until it times out.
            with psycopg.connect(url, connect_timeout=CONNECT_TIMEOUT_S, **prepare) as first:
                self.session_user = str(first.execute("SELECT session_user").fetchone()[0])  # type: ignore[index]
                if migrate:
                    migrate_postgres(first, self._now())
        except SchemaTooNew as newer:
            raise StoreError("store_newer", fil=self.location, versjon=newer.found, kjent=LATEST) from None
        except psycopg.OperationalError as error:
            raise StoreError("store_connect_reason", url=self.location, grunn=_reason(error)) from None
        except psycopg.Error as error:
            raise StoreError("store_open", fil=self.location, grunn=_reason(error)) from None
        self._pool = ConnectionPool(
            url,
            min_size=1,
            max_size=POOL_MAX,
            kwargs={"row_factory": dict_row, "connect_timeout": CONNECT_TIMEOUT_S, **prepare},
            check=ConnectionPool.check_connection,
            open=False,
            name="rusmatrise",
        )
        try:
            self._pool.open(wait=True, timeout=CONNECT_TIMEOUT_S)
        except PoolTimeout:
            self.close()
            raise StoreError("store_connect", url=self.location) from None

    # -- connections and transactions ------------------------------------------------------
    @contextmanager
    def _write(self) -> Iterator[_PgTx]:
        try:
            with self._pool.connection() as conn, conn.transaction():
                yield _PgTx(conn)
        except StoreError:
            raise
        except (psycopg.OperationalError, PoolTimeout) as error:
            if isinstance(error, psycopg.errors.QueryCanceled | psycopg.errors.LockNotAvailable):
                raise StoreError("store_busy") from None
            raise StoreError("store_connection_lost", url=self.location) from None
        except psycopg.Error as error:
            if _denied(error):
                raise StoreError("store_denied", grunn=_reason(error)) from None
            raise StoreError("store_open", fil=self.location, grunn=_reason(error)) from None

    @contextmanager
    def _read(self) -> Iterator[_PgTx]:
        """One snapshot (REPEATABLE READ, read only) for everything read inside. A connection
        that died with a server restart is replaced when it is handed out (the pool's check)."""
        try:
            with self._pool.connection() as conn:
                conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
                yield _PgTx(conn)
        except StoreError:
            raise
        except (psycopg.OperationalError, PoolTimeout):
            raise StoreError("store_connection_lost", url=self.location) from None
        except psycopg.Error as error:
            if _denied(error):
                raise StoreError("store_denied", grunn=_reason(error)) from None
            raise StoreError("store_open", fil=self.location, grunn=_reason(error)) from None

    def close(self) -> None:
        self._pool.close()

    def __enter__(self) -> PostgresStore:
        return self

    def identity(self) -> Identity:
        if self._identity is None:
            with self._read() as tx:
                row = tx.one("SELECT name, role, bydel FROM rm_my_identity()")
            assert row is not None
            self._identity = Identity(str(row["name"]), row["role"], row["bydel"], verified=True)
        return self._identity

    def _verified(self, table: str, row_id: int) -> bool:
        """Every who-column written here is stamped with session_user by the database
        (rm_stamp_login); only rows restored from a store that could not check its names (an
        SQLite file, `casestore.backup`) keep their mark."""
        return row_id > self.unverified_upto().get(table, 0)

    def unverified_upto(self, rows: object = None) -> dict[str, int]:
        """Per table, the highest id whose name the database did not stamp (for reads, and for a backup)."""
        if self._unverified is None:
            with self._read() as tx:
                row = tx.one("SELECT rm_unverified_upto() AS v")
            found = json.loads(row["v"]) if row else {}
            self._unverified = {str(k): int(v) for k, v in found.items()} if isinstance(found, dict) else {}
        return self._unverified

    def schema_version(self) -> int:
        with self._read() as tx:
            row = tx.one("SELECT coalesce(max(version), 0) AS v FROM schema_migrations")
            return int(row["v"]) if row else 0

    # -- what differs from SQLite ----------------------------------------------------------
    def _person_ref(self, tx: _PgTx, person_id: str, actor: str, at: str, bydel: str) -> int:  # type: ignore[override]
        # The database decides (rm_person_ref, pg_schema): it makes or finds the person, places
        # or moves them, and refuses what the login's role and district do not allow. Two
        # writers creating one person at once are settled there (ON CONFLICT).
        row = tx.one("SELECT rm_person_ref(?, ?, ?) AS id", (person_id, bydel, at))
        assert row is not None
        return int(row["id"])

    def _move(self, tx: _PgTx, person_id: str, to_bydel: str, reason: str, actor: str, at: str) -> None:  # type: ignore[override]
        tx.one("SELECT rm_move_person(?, ?, ?, ?) AS id", (person_id, to_bydel, reason, at))

    def _append_audit(  # type: ignore[override]
        self, tx: _PgTx, at: str, actor: str, action: str, table: str, row_ref: int | None, details: str
    ) -> None:
        assert action == "import_done" and table == "imports" and row_ref is not None
        tx.one("SELECT rm_import_done(?, ?, ?) AS done", (row_ref, details, at))

    def load_tables(
        self, tables: dict[str, tuple[str, ...]], order: Iterable[str], rows: dict[str, list[list[Any]]],
        unverified: dict[str, int] | None = None,
    ) -> None:
        """Copy a backup into this (empty) store as it was (casestore.backup); the owner only.
        `unverified`: per table, the highest id whose name no database login stamped (kept, so
        those rows stay marked)."""
        _load_tables(self, tables, order, rows, unverified or {})
        self._unverified = None

    def tally_records(self) -> Iterator[dict[str, Any]]:
        """As on SQLite; a planner reads the pseudonymised records (no ids) instead."""
        if self.identity().role != "planlegger":
            yield from super().tally_records()
            return
        with self._read() as tx:
            rows = tx.all(
                "SELECT bydel, gruppe, boligtype, boligstandard, ansvar, dekning, kjonn, fodselsar, vurdert_dato FROM planner_records"
            )
        for r in rows:
            yield dict(r)

    def assessment_records(self) -> Iterator[dict[str, Any]]:
        """As on SQLite; a planner reads `rm_planner_history()` instead: no person id (a key made
        for this one call groups a person's assessments) and rare override reasons as opaque
        tokens, so the report and indicators give a planner the admin's figures."""
        if self.identity().role != "planlegger":
            yield from super().assessment_records()
            return
        with self._read() as tx:
            rows = tx.all("SELECT * FROM rm_planner_history()")
        for r in rows:
            yield dict(r)


def _load_tables(store: PostgresStore, tables: dict[str, tuple[str, ...]], order: Iterable[str], rows: dict[str, list[list[Any]]],
                 unverified: dict[str, int]) -> None:
    names = list(order)
    with store._write() as tx:
        store._require_empty(tx)
        if unverified:
            tx.one(
                "INSERT INTO settings(name, value) VALUES ('unverified_upto', ?)"
                " ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value RETURNING name",
                (json.dumps(unverified, sort_keys=True),),
            )
        for table in names:  # the owner's switch: user triggers off for the copy, in this transaction only
            tx.conn.execute(f"ALTER TABLE {table} DISABLE TRIGGER USER")
        store._insert_rows(tx, tables, names, rows)
        for table in names:
            tx.conn.execute(f"ALTER TABLE {table} ENABLE TRIGGER USER")
            if table != "audit_log":  # identity columns go on after the copied ids
                tx.conn.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), coalesce(max(id), 1), max(id) IS NOT NULL) FROM {table}"
                )


def add_user(store: PostgresStore, name: str, role: str, bydel: str | None, password: str | None = None) -> None:
    """Create the login (when missing), give it the role's group role, and record its role and
    district; run by the owner or an admin allowed to create roles. Identifiers are quoted by
    psycopg (sql.Identifier), never formatted into the statement."""
    from psycopg import sql

    from casestore.pg_schema import ROLES, group_role

    if role not in ROLES:
        raise StoreError("db_rolle", rolle=role, roller=", ".join(ROLES))
    if (role == "saksbehandler") != (bydel is not None):
        raise StoreError("db_bydel_rolle")
    login = sql.Identifier(name)
    try:
        with store._pool.connection() as conn, conn.transaction():
            exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone()
            if exists is None:
                conn.execute(sql.SQL("CREATE ROLE {} LOGIN").format(login))
            if password:
                conn.execute(sql.SQL("ALTER ROLE {} PASSWORD {}").format(login, sql.Literal(password)))
            if role == "admin":
                conn.execute(sql.SQL("ALTER ROLE {} CREATEROLE").format(login))
            conn.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(group_role(role)), login))
            conn.execute("INSERT INTO app_users(name, role, bydel) VALUES (%s, %s, %s)", (name, role, bydel))
    except psycopg.errors.UniqueViolation:
        raise StoreError("db_bruker_finnes", navn=name) from None
    except psycopg.Error as error:
        if _denied(error):
            raise StoreError("store_denied", grunn=_reason(error)) from None
        raise StoreError("store_open", fil=store.location, grunn=_reason(error)) from None


def set_pseudonym_key_file(store: PostgresStore, path: str) -> None:
    """Where the server reads the planners' pseudonym key (a file on the database server, readable
    by its OS user). The path is stored, the key never is."""
    try:
        with store._pool.connection() as conn, conn.transaction():
            conn.execute(
                "INSERT INTO settings(name, value) VALUES ('pseudonym_key_file', %s)"
                " ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value",
                (path,),
            )
            conn.execute("SELECT rm_pseudonym('check')")  # the server can read it, or this fails now and not for a planner later
    except psycopg.Error as error:
        raise StoreError("db_nokkel", fil=path, grunn=_reason(error)) from None


def _reason(error: psycopg.Error) -> str:
    """The server's message without the statement or parameters (they may hold personal data)."""
    diag = getattr(error, "diag", None)
    primary = getattr(diag, "message_primary", None) if diag is not None else None
    return str(primary or type(error).__name__)
