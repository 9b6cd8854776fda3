"""The case store: persons, assessments and decisions as append-only history, with an audit log.

No Textual here (a test checks it): the TUI, `rusmatrise tally --db` and scripts share it.

    store = open_store(None)            # SQLite in the user's data directory
    store = open_store("case.sqlite")   # or a path / sqlite:///path
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from casestore.decision import DecisionInvalid, decide
from casestore.models import (
    AuditEntry,
    CaseFilter,
    CaseRow,
    DecisionInput,
    Identity,
    ImportReport,
    Reject,
    StoredAssessment,
    StoredDecision,
    StoredDraft,
)
from casestore.sqlite import SQLiteStore
from casestore.store import Store, StoreError
from casestore.url import default_path, is_postgres, sqlite_path

__all__ = [
    "AuditEntry",
    "CaseFilter",
    "CaseRow",
    "DecisionInput",
    "DecisionInvalid",
    "Identity",
    "ImportReport",
    "Reject",
    "SQLiteStore",
    "Store",
    "StoreError",
    "StoredAssessment",
    "StoredDecision",
    "StoredDraft",
    "decide",
    "default_path",
    "open_store",
]


def open_store(url: str | None = None, clock: Callable[[], datetime] | None = None, create: bool = True) -> Store:
    """Open (creating and migrating if needed) the store `url` names; None → the default file.

    A path or `sqlite:///path` → that SQLite file; `postgresql://…` → that PostgreSQL
    database (migrated to the latest schema when the user may; psycopg is imported only then).
    With `create=False` (readers such as `tally --db`) a missing file is an error, so a typo
    never counts an empty, newly made store.
    """
    if is_postgres(url):
        from casestore.postgres import PostgresStore

        assert url is not None
        return PostgresStore(url, clock=clock) if clock is not None else PostgresStore(url)
    path = sqlite_path(url)
    if not create and not path.exists():
        raise StoreError("store_finnes_ikke", fil=str(path))
    return SQLiteStore(path, clock=clock) if clock is not None else SQLiteStore(path)
