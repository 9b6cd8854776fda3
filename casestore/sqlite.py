"""The case store on SQLite: one file, WAL mode, owner-only permissions.

Concurrency: every write is one `BEGIN IMMEDIATE` transaction (the write lock is taken up
front, so two writers queue instead of failing half-way), with a busy timeout; readers see
a consistent snapshot (WAL). Each thread gets its own connection, so TUI workers can read
and write while the UI thread does. `synchronous=FULL` makes a committed decision survive
a crash of the process or the machine.
"""

from __future__ import annotations

import getpass
import hashlib
import os
import sqlite3
import stat
import threading
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from casestore.migrations import LATEST, SchemaTooNew, current_version, migrate
from casestore.models import Identity
from casestore.sqlstore import Clock, Row, SqlStore, utc_now
from casestore.store import StoreError

BUSY_TIMEOUT_MS = 30_000


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


def os_user() -> str:
    """The account this process runs as, from the operating system's user database (the
    process's user id), not from LOGNAME/USER, which anyone can set to any name. Still not
    verified: whoever owns the account and the file can write anything into the file."""
    try:
        import pwd

        return pwd.getpwuid(os.geteuid()).pw_name
    except (ImportError, KeyError, OSError):  # no pwd (Windows), or a uid without an entry (containers)
        pass
    try:
        return getpass.getuser() or "ukjent"
    except (KeyError, OSError):
        return "ukjent"


def _sha256(text: str | bytes | None) -> str | None:
    """`rm_sha256` inside SQL: the chain's hash function (hex SHA-256 of the UTF-8 text)."""
    if text is None:
        return None
    return hashlib.sha256(text if isinstance(text, bytes) else str(text).encode("utf-8")).hexdigest()


class _SQLiteTx:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def one(self, sql: str, params: Iterable[Any] = ()) -> Row | None:
        row: Row | None = self.conn.execute(sql, tuple(params)).fetchone()
        return row

    def all(self, sql: str, params: Iterable[Any] = ()) -> list[Row]:
        return list(self.conn.execute(sql, tuple(params)).fetchall())

    def insert(self, sql: str, params: Iterable[Any]) -> int:
        return int(self.conn.execute(sql, tuple(params)).fetchone()[0])

    @contextmanager
    def savepoint(self) -> Iterator[None]:
        yield  # one local user: SQLite refuses nothing by access rules


class SQLiteStore(SqlStore):
    """`casestore.store.Store` on one SQLite file."""

    def __init__(self, path: str | Path, clock: Clock = utc_now) -> None:
        self.path = Path(path).expanduser()
        self.location = str(self.path)
        self.clock = clock
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        try:
            _create_private(self.path)
            self._open_schema()
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
    def _open_schema(self) -> None:
        """WAL mode and migrations. Switching to WAL while another process opens the same new file
        can answer "database is locked" without waiting for busy_timeout (SQLite does not call the
        busy handler there), so the opening steps are retried for a bounded time."""
        deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
        while True:
            try:
                conn = self._conn()
                conn.execute("PRAGMA journal_mode=WAL")
                migrate(conn, self._now())
                return
            except sqlite3.OperationalError as error:
                if "locked" not in str(error) or time.monotonic() > deadline:
                    raise
                opened: sqlite3.Connection | None = getattr(self._local, "conn", None)
                if opened is not None and opened.in_transaction:  # a migration cut short: start it again
                    opened.rollback()
                time.sleep(0.05)

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
    def _write(self) -> Iterator[_SQLiteTx]:
        conn = self._conn()
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as error:
            if "locked" in str(error) or "busy" in str(error):
                raise StoreError("store_busy") from None
            raise
        try:
            yield _SQLiteTx(conn)
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    @contextmanager
    def _read(self) -> Iterator[_SQLiteTx]:
        """One snapshot for everything read inside (a deferred transaction in WAL mode)."""
        conn = self._conn()
        if conn.in_transaction:
            yield _SQLiteTx(conn)
            return
        conn.execute("BEGIN")
        try:
            yield _SQLiteTx(conn)
        finally:
            conn.execute("COMMIT")

    def close(self) -> None:
        with self._lock:
            for conn in self._connections:
                conn.close()
            self._connections.clear()
        self._local = threading.local()

    def __enter__(self) -> SQLiteStore:
        return self

    def schema_version(self) -> int:
        return current_version(self._conn())

    def identity(self) -> Identity:
        """The OS user: recorded as such, and labelled unverified (nothing checks it)."""
        return Identity(os_user(), verified=False)

    def _verified(self, table: str, row_id: int) -> bool:
        return False  # one file on one machine: nothing checks who wrote, now or in older rows

    # -- what differs from PostgreSQL ------------------------------------------------------
    def _person_ref(self, tx: _SQLiteTx, person_id: str, actor: str, at: str, bydel: str) -> int:  # type: ignore[override]
        # Look first: the database refuses an insert of an existing person_id outright (an
        # upsert's DO NOTHING would still fire the trigger that refuses REPLACE). The write
        # transaction is IMMEDIATE, so no other writer can insert the person in between.
        found = tx.one("SELECT id FROM persons WHERE person_id = ?", (person_id,))
        if found is None:
            ref = tx.insert("INSERT INTO persons(person_id, created_at, created_by) VALUES (?, ?, ?) RETURNING id", (person_id, at, actor))
            self._insert_move(tx, ref, None, bydel, at, actor, "plassert ved første kartlegging")
            return ref
        ref = int(found["id"])
        placed = self._placed(tx, ref)
        if placed != bydel:  # one local user: an assessment in another district moves the person, audited
            self._insert_move(tx, ref, placed, bydel, at, actor, "ny kartlegging i annen bydel")
        return ref

    @staticmethod
    def _placed(tx: _SQLiteTx, ref: int) -> str | None:
        row = tx.one("SELECT to_bydel FROM person_moves WHERE person_ref = ? ORDER BY id DESC LIMIT 1", (ref,))
        return str(row["to_bydel"]) if row else None

    @staticmethod
    def _insert_move(tx: _SQLiteTx, ref: int, from_bydel: str | None, to_bydel: str, at: str, actor: str, reason: str) -> None:
        tx.insert(
            "INSERT INTO person_moves(person_ref, from_bydel, to_bydel, moved_at, moved_by, reason) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
            (ref, from_bydel, to_bydel, at, actor, reason),
        )

    def _move(self, tx: _SQLiteTx, person_id: str, to_bydel: str, reason: str, actor: str, at: str) -> None:  # type: ignore[override]
        found = tx.one("SELECT id FROM persons WHERE person_id = ?", (person_id,))
        if found is None:
            raise StoreError("store_no_person")
        self._insert_move(tx, int(found["id"]), self._placed(tx, int(found["id"])), to_bydel, at, actor, reason)

    def _append_audit(  # type: ignore[override]
        self, tx: _SQLiteTx, at: str, actor: str, action: str, table: str, row_ref: int | None, details: str
    ) -> None:
        tx.conn.execute(
            "INSERT INTO audit_append(at, actor, action, table_name, row_ref, details) VALUES (?, ?, ?, ?, ?, ?)",
            (at, actor, action, table, row_ref, details),
        )

    def unverified_upto(self, rows: dict[str, list[list[Any]]]) -> dict[str, int]:
        """For a backup: every row of an SQLite store has an unchecked name."""
        from casestore.backup import highest_ids

        return highest_ids(rows)

    def load_tables(
        self, tables: dict[str, tuple[str, ...]], order: Iterable[str], rows: dict[str, list[list[Any]]],
        unverified: dict[str, int] | None = None,
    ) -> None:
        """Copy a backup into this (empty) store as it was: the triggers are dropped for the copy
        and made again from their own SQL in the same transaction, so nothing is audited twice.
        (`unverified` needs no keeping here: no name in an SQLite store is checked.) A person id
        in several districts' records (PostgreSQL, schema 4) is refused in words: one file keeps
        one record per id."""
        person_column = tables["persons"].index("person_id")
        shared = [pid for pid, n in Counter(row[person_column] for row in rows["persons"]).items() if n > 1]
        if shared:
            raise StoreError("backup_flere_bydeler", antall=len(shared))
        with self._write() as tx:
            self._require_empty(tx)
            triggers = [(r["name"], r["sql"]) for r in tx.all("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")]
            for name, _ in triggers:
                tx.conn.execute(f'DROP TRIGGER "{name}"')
            self._insert_rows(tx, tables, order, rows)
            for _, sql in triggers:
                tx.conn.execute(sql)
