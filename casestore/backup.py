"""`backup` and `restore`: the whole history as one JSON document, for either backend.

A backup holds every history table and the audit log row for row, ids and hashes included,
so a restored store verifies exactly as the original did (same chain, same head) — and a
backup of an SQLite file restores into PostgreSQL and back. Restore writes into an empty
store only, with the history triggers held off for the copy (otherwise every copied row would
be audited again as new); `verify` then proves the copy whole. Run it as the owner.

Who wrote each row travels with it, and so does whether the database checked that name: the
document's `unverified_upto` gives, per table, the highest id whose who-column no database
login stamped (all of an SQLite store's rows). Restored into PostgreSQL, those rows keep the
"unverified" mark while the rows written there afterwards have none. A backup without it (made
before the mark existed) is taken as wholly unverified.

The file holds health data: it is written 0600, whole or not at all (a temp file renamed).
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from casestore.chain import AUDIT_FIELDS, CHAINED
from casestore.store import Store, StoreError

FORMAT = "rusmatrise-backup"
AUDIT_COLUMNS = (*AUDIT_FIELDS, "prev_hash", "hash")
TABLES: dict[str, tuple[str, ...]] = {**CHAINED, "audit_log": AUDIT_COLUMNS}
# Insert order: referenced rows first.
ORDER = ("persons", "imports", "assessments", "decisions", "person_moves", "drafts", "audit_log")
# Tables a backup made before their migration does not have: restored as empty.
ADDED_LATER = {"drafts": 4}


def write_backup(store: Store, path: str | Path) -> dict[str, int]:
    """Every table's rows in id order, in one read snapshot; returns the row count per table."""
    rows = store.dump_tables(TABLES)  # type: ignore[attr-defined]
    document = {
        "format": FORMAT,
        "schema_version": store.schema_version(),
        "unverified_upto": store.unverified_upto(rows),  # type: ignore[attr-defined]
        "tables": {t: {"columns": list(TABLES[t]), "rows": rows[t]} for t in ORDER},
    }
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(document, out, ensure_ascii=False)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, 0o600)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return {t: len(rows[t]) for t in ORDER}


def read_backup(path: str | Path) -> dict[str, Any]:
    try:
        document = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise StoreError("backup_les", fil=str(path), grunn=getattr(error, "strerror", None) or type(error).__name__) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT or not isinstance(document.get("tables"), dict):
        raise StoreError("backup_format", fil=str(path))
    for table, version in ADDED_LATER.items():
        if table not in document["tables"] and int(document.get("schema_version", 0) or 0) < version:
            document["tables"][table] = {"columns": list(TABLES[table]), "rows": []}
    for table in ORDER:
        entry = document["tables"].get(table)
        if not isinstance(entry, dict) or entry.get("columns") != list(TABLES[table]) or not isinstance(entry.get("rows"), list):
            raise StoreError("backup_format", fil=str(path))
    return document


def restore_backup(store: Store, path: str | Path) -> dict[str, int]:
    document = read_backup(path)
    if int(document.get("schema_version", 0)) > store.schema_version():
        raise StoreError("backup_nyere", fil=str(path))
    tables = {t: [list(r) for r in document["tables"][t]["rows"]] for t in ORDER}
    unverified = document.get("unverified_upto")
    if not isinstance(unverified, dict) or not all(isinstance(k, str) and type(v) is int for k, v in unverified.items()):
        unverified = highest_ids(tables)  # an older backup: nothing says its names were checked
    store.load_tables(TABLES, ORDER, tables, unverified)  # type: ignore[attr-defined]
    return {t: len(tables[t]) for t in ORDER}


def highest_ids(rows: dict[str, list[list[Any]]]) -> dict[str, int]:
    """Per table, the highest id among `rows` (every table's first column is its id)."""
    return {t: max(int(r[0]) for r in found) for t, found in rows.items() if found}
