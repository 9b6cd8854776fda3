"""The tamper-evident history: one hash chain over every history row and audit record.

One design for both backends (SQLite and PostgreSQL); the database computes the hashes in
its own triggers, and `verify` recomputes them here, in Python, from what is stored.

Canonical serialisation (documented because `verify` and both databases must agree byte for
byte):

- A *field* is encoded as `~` when it is NULL, otherwise as `<n>:<text>` where `<text>` is
  the value's text form (an integer in decimal, a text as stored: every chained column is an
  integer or a text, never a float, a date or a JSON type whose text form a backend chooses)
  and `<n>` is the length of `<text>` in UTF-8 bytes. The length prefix makes the
  concatenation of fields unambiguous without any escaping.
- A *row* of a history table is the table's name followed by its columns in the order of
  `CHAINED[table]`; its `row_hash` is the lowercase hex SHA-256 of the concatenated fields.
- An *audit record* is `(id, at, actor, action, table_name, row_ref, details, row_hash)`;
  its `hash` is the SHA-256 of `prev_hash` (64 hex digits; 64 zeros for the first record)
  followed by the record's fields. So each record's hash covers the previous one's.

Every insert into a history table writes exactly one audit record (`action` "insert",
`table_name`, `row_ref` = the row's id, `row_hash` = that row's hash at insert time). Audit
ids are gapless (1, 2, 3, …) and each record's `prev_hash` is the previous record's `hash`.

What `verify` therefore detects: an edited or deleted audit record (its own hash or the next
record's `prev_hash` no longer matches), an edited history row (its hash differs from the one
its audit record holds — this is what `INSERT OR REPLACE` or an UPDATE with the triggers
dropped leaves behind), a deleted history row (an audit record points at nothing) and a row
written past the triggers (it has no audit record). What it cannot detect alone is the
removal of the newest records together with their rows: `verify` prints the chain head
(count and last hash) so that it can be noted elsewhere and compared later.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

GENESIS = "0" * 64

# The chained history tables and their columns, in hash order. A migration that adds a
# column to one of these appends it here in the same change.
CHAINED: dict[str, tuple[str, ...]] = {
    "persons": ("id", "person_id", "created_at", "created_by"),
    "imports": ("id", "started_at", "started_by", "file_name", "file_sha256", "matrise_versjon", "matrise_sha256"),
    "assessments": (
        "id", "person_ref", "vurdert_dato", "recorded_at", "recorded_by", "import_ref", "data", "content_sha256",
        "bydel", "boligsituasjon", "varighet", "kjonn", "fodselsar", "gruppe", "regel", "boligtype", "boligstandard",
        "ansvar", "dekning", "matrise_versjon", "classification",
    ),
    "decisions": (
        "id", "assessment_ref", "suggested_gruppe", "suggested_regel", "final_gruppe", "reason", "caseworker",
        "decided_at", "matrise_versjon", "boligtype", "boligstandard", "ansvar", "dekning",
    ),
    "person_moves": ("id", "person_ref", "from_bydel", "to_bydel", "moved_at", "moved_by", "reason"),
    "drafts": ("id", "person_ref", "bydel", "saved_at", "saved_by", "data", "completed_by"),
}  # fmt: skip
AUDIT_FIELDS = ("id", "at", "actor", "action", "table_name", "row_ref", "details", "row_hash")

Dialect = Literal["sqlite", "postgres"]
Value = int | str | None


def field(value: Value) -> str:
    if value is None:
        return "~"
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise TypeError(f"chained values are integers or texts, not {type(value).__name__}")
    text = str(value)
    return f"{len(text.encode('utf-8'))}:{text}"


def canonical(values: Iterable[Value]) -> str:
    return "".join(field(v) for v in values)


def sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def row_hash(table: str, values: Sequence[Value]) -> str:
    return sha256_hex(canonical((table, *values)))


def link_hash(prev_hash: str, audit_values: Sequence[Value]) -> str:
    return sha256_hex(prev_hash + canonical(audit_values))


def sql_field(expr: str, dialect: Dialect) -> str:
    """The SQL expression giving `field(expr)` in the dialect (same bytes as the Python one)."""
    if dialect == "sqlite":
        # CAST(… AS BLOB) makes length() count bytes; an integer is cast to its decimal text first.
        return f"coalesce(length(CAST(({expr}) AS BLOB)) || ':' || ({expr}), '~')"
    return f"coalesce(octet_length(({expr})::text)::text || ':' || ({expr})::text, '~')"


def sql_canonical(exprs: Iterable[str], dialect: Dialect) -> str:
    return " || ".join(sql_field(e, dialect) for e in exprs)


def sql_row_canonical(table: str, alias: str, dialect: Dialect) -> str:
    return sql_canonical([f"'{table}'", *(f"{alias}.{c}" for c in CHAINED[table])], dialect)


# -- verification --------------------------------------------------------------------------


@dataclass(frozen=True)
class Breach:
    """The first record that does not verify: which table, which id, and why (a message code)."""

    table: str
    row_id: int
    reason: str  # a message code: verify_hash, verify_link, verify_gap, verify_row_twice, verify_row_changed, …


@dataclass(frozen=True)
class ChainHead:
    records: int
    head: str


def verify_records(
    audit: Iterable[Sequence[Value]],
    rows: dict[str, Iterable[Sequence[Value]]],
) -> tuple[Breach | None, ChainHead]:
    """Check the audit chain (records as `AUDIT_FIELDS + (prev_hash, hash)`, in id order) and
    every history row (`CHAINED[table]` order, in id order) against it.

    Returns the first breach in chain order (a history row without an audit record comes
    after every chained one) and the head of the chain as far as it verified.
    """
    prev = GENESIS
    count = 0
    expected_id = 1
    inserted: dict[tuple[str, int], tuple[int, str | None]] = {}  # (table, row id) → (audit id, row_hash)
    first: Breach | None = None
    for record in audit:
        values, prev_hash, stored_hash = tuple(record[: len(AUDIT_FIELDS)]), record[-2], record[-1]
        audit_id = int(values[0] or 0)
        if first is None:
            if audit_id != expected_id:
                first = Breach("audit_log", expected_id, "verify_gap")
            elif prev_hash != prev:
                first = Breach("audit_log", audit_id, "verify_link")
            elif stored_hash != link_hash(prev, values):
                first = Breach("audit_log", audit_id, "verify_hash")
            else:
                count += 1
                prev = str(stored_hash)
        expected_id = audit_id + 1
        table, action, ref = values[4], values[3], values[5]
        if action == "insert" and isinstance(table, str) and isinstance(ref, int):
            if (table, ref) in inserted and first is None:
                first = Breach(table, ref, "verify_row_twice")  # a row inserted again under its old id: REPLACE
            inserted[(table, ref)] = (audit_id, values[7] if isinstance(values[7], str) else None)
    if first is not None:
        return first, ChainHead(count, prev)
    by_position: list[tuple[int, Breach]] = []
    for table, table_rows in rows.items():
        for row in table_rows:
            row_id = int(row[0] or 0)
            entry = inserted.pop((table, row_id), None)
            if entry is None:
                by_position.append((10**18 + row_id, Breach(table, row_id, "verify_no_audit")))
            elif entry[1] != row_hash(table, row):
                by_position.append((entry[0], Breach(table, row_id, "verify_row_changed")))
    for (table, row_id), (audit_id, _) in inserted.items():
        if table in rows:
            by_position.append((audit_id, Breach(table, row_id, "verify_row_missing")))
    if by_position:
        return min(by_position, key=lambda item: item[0])[1], ChainHead(count, prev)
    return None, ChainHead(count, prev)
