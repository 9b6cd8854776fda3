"""What the case store hands out and takes in: plain, frozen records."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any


@dataclass(frozen=True)
class CaseFilter:
    """Caseload filters; None means "any". `search` matches part of the person_id, any case.

    `due_on_or_before`: only persons whose latest assessment is dated that day or earlier (due
    for reassessment: the caller knows the matrix's threshold). `oldest_first`: sorted by the
    latest assessment's date, oldest first, instead of by person_id. `with_drafts`: also the
    persons who have only an open draft (the caseload screen); every other reader leaves it off,
    so a draft never reaches a tally, an indicator or a trend.
    """

    bydel: str | None = None
    gruppe: int | None = None
    dekning: str | None = None
    search: str = ""
    due_on_or_before: date | None = None
    oldest_first: bool = False
    with_drafts: bool = False


@dataclass(frozen=True)
class CaseRow:
    """One person in the caseload: the latest assessment and its decision, if any.

    With an open draft `draft` is True; a person with only a draft (never assessed) has no
    group, coverage or assessment (None, "" and None), and `vurdert_dato` is the day the draft
    was saved."""

    person_id: str
    bydel: str
    gruppe: int | None  # the final decided group, else the suggested one; None: only a draft
    suggested_gruppe: int | None
    decided: bool
    dekning: str
    vurdert_dato: date
    assessment_id: int | None
    data: dict[str, Any]  # the canonical fields as recorded, for facts the rules read
    decided_by: str | None = None  # who recorded the decision in force (None: not decided)
    decided_by_verified: bool = False  # a database login, not an OS user or an old free-text name
    draft: bool = False

    @property
    def assessed(self) -> bool:
        return self.assessment_id is not None


@dataclass(frozen=True)
class StoredDecision:
    id: int
    assessment_id: int
    suggested_gruppe: int
    suggested_regel: str
    final_gruppe: int
    reason: str | None
    caseworker: str  # who recorded it: the store's identity, never a name typed in
    decided_at: str
    matrise_versjon: str
    verified: bool = False  # `caseworker` is a database login (PostgreSQL), not an unverified OS user

    @property
    def overridden(self) -> bool:
        return self.final_gruppe != self.suggested_gruppe


@dataclass(frozen=True)
class StoredAssessment:
    """An assessment as recorded: its raw canonical data and the suggestion made then."""

    id: int
    person_id: str
    vurdert_dato: date
    recorded_at: str
    recorded_by: str
    data: dict[str, Any]
    gruppe: int
    regel: str
    dekning: str
    matrise_versjon: str
    classification: dict[str, Any]
    imported: bool
    decisions: tuple[StoredDecision, ...] = ()
    verified: bool = False  # `recorded_by` is a database login (PostgreSQL), not an unverified OS user

    @property
    def decision(self) -> StoredDecision | None:
        """The decision in force: the latest one recorded on this assessment."""
        return self.decisions[-1] if self.decisions else None

    @property
    def final_gruppe(self) -> int:
        return self.decision.final_gruppe if self.decision else self.gruppe


@dataclass(frozen=True)
class StoredDraft:
    """An incomplete assessment saved to finish later: the form's fields as typed (texts,
    unchecked), never classified, never counted. `completed_by` is set on the row that closes
    a draft: the assessment it became (history is append-only, so completing adds a row)."""

    id: int
    person_id: str
    bydel: str
    saved_at: str
    saved_by: str
    data: dict[str, str]
    completed_by: int | None = None
    verified: bool = False  # saved_by is a database login (PostgreSQL), not an unverified OS user

    @property
    def open(self) -> bool:
        return self.completed_by is None


@dataclass(frozen=True)
class DecisionInput:
    """A caseworker's decision, ready to store. Build it with `casestore.decide`. It names no
    caseworker: who decided is the store's identity when it is recorded (`Store.identity`)."""

    suggested_gruppe: int
    suggested_regel: str
    final_gruppe: int
    reason: str | None
    matrise_versjon: str
    boligtype: str
    boligstandard: str
    ansvar: str
    dekning: str


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: str
    actor: str
    action: str
    table_name: str
    row_ref: int | None
    details: dict[str, Any]
    verified: bool = False  # `actor` is a database login (PostgreSQL), not an unverified OS user


@dataclass(frozen=True)
class Reject:
    """One bad field of an imported row: the same columns as a reclassify rejects file."""

    rad: int
    person_id: str
    felt: str
    feil: str


@dataclass
class ImportReport:
    file_name: str
    rows: int = 0
    saved: int = 0
    skipped: int = 0  # already in the store (same person, same content)
    rejects: list[Reject] = field(default_factory=list)
    cancelled: bool = False
    last_row: int = 0

    @property
    def rejected_rows(self) -> int:
        return len({r.rad for r in self.rejects})


@dataclass(frozen=True)
class Identity:
    """Who is writing. On PostgreSQL the database login (`session_user`), verified by the
    server, with the role and district the database gives it; on SQLite the OS user, which
    nothing verifies (`verified` False: shown as such)."""

    user: str
    role: str | None = None  # saksbehandler, vel, planlegger, admin; None on SQLite (one local user)
    bydel: str | None = None  # a saksbehandler's district
    verified: bool = False
