"""The case store's interface: what the TUI, the importer and `tally --db` may rely on.

SQLite (`casestore.sqlite`) and PostgreSQL (`casestore.postgres`) implement it, sharing their
queries (`casestore.sqlstore`), so nothing outside this package knows which database is behind
it. Storage does not parse files: importing an export is `casestore.importer.import_file`, which
reads with casefiles and writes through this protocol.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any, Protocol

from casestore.chain import Breach, ChainHead
from casestore.models import AuditEntry, CaseFilter, CaseRow, DecisionInput, Identity, ImportReport, StoredAssessment, StoredDraft
from matrix.assessment import Assessment
from matrix.errors import RusmatriseError
from matrix.load import Matrix
from rules.result import Classification

Progress = Callable[[int, int], None]  # (bytes or rows done, total) → None


class StoreError(RusmatriseError):
    """The store cannot do what was asked. The message is for the user and holds no personal
    data; `message(lang)` gives it in Norwegian or English."""

    def __init__(self, kode: str, **params: object) -> None:
        super().__init__(kode, params)


class Store(Protocol):
    location: str

    def close(self) -> None: ...

    def __enter__(self) -> Store: ...

    def __exit__(self, *exc: object) -> None: ...

    def schema_version(self) -> int: ...

    def identity(self) -> Identity:
        """Who this store writes as (the database login, or the unverified OS user). Every write
        records this and nothing else: no caller can name who did something."""
        ...

    def person_count(self) -> int: ...

    def record(
        self,
        assessment: Assessment,
        classification: Classification,
        decision: DecisionInput | None = None,
        draft: int | None = None,
    ) -> int:
        """Append an assessment (and optionally its decision) in one transaction; returns its id.
        With `draft`, the person's open draft is completed by it in the same transaction."""
        ...

    def save_draft(self, person_id: str, bydel: str, data: dict[str, str]) -> int:
        """Save an incomplete assessment, never classified or counted; returns the draft's id."""
        ...

    def drafts(self, person_id: str) -> list[StoredDraft]:
        """The person's draft rows, oldest first (saved drafts and completions)."""
        ...

    def open_draft(self, person_id: str) -> StoredDraft | None: ...

    def record_decision(self, assessment_id: int, decision: DecisionInput) -> int: ...

    def record_many(
        self,
        items: Iterable[tuple[Assessment, Classification]],
        import_id: int | None = None,
        refused: list[int] | None = None,
    ) -> tuple[int, int]:
        """Append many assessments in one transaction, skipping any a person already has with the
        same content; returns (saved, skipped). With `refused`, items the database's access rules
        refuse are left out and their indexes listed there."""
        ...

    def move_person(self, person_id: str, to_bydel: str, reason: str) -> None:
        """Move a person to another district: an audited act with a reason."""
        ...

    def person_district(self, person_id: str) -> str | None: ...

    def moves(self, person_id: str) -> list[dict[str, Any]]:
        """Placements and moves between districts, oldest first."""
        ...

    def begin_import(self, file_name: str, file_sha256: str, matrix: Matrix) -> int: ...

    def caseload(self, where: CaseFilter, offset: int = 0, limit: int = 100) -> list[CaseRow]: ...

    def caseload_count(self, where: CaseFilter) -> int: ...

    def districts_in_use(self) -> list[str]: ...

    def latest_assessment(self, person_id: str) -> StoredAssessment | None: ...

    def history(self, person_id: str) -> list[StoredAssessment]: ...

    def assessments_since(self, person_id: str, after_id: int, exclude: int | None = None) -> list[StoredAssessment]:
        """What others saved for the person since `after_id` (for the TUI's conflict message)."""
        ...

    def tally_records(self) -> Iterator[dict[str, Any]]:
        """Per person, the latest classification (decided group if any, else suggested) and its
        assessment date (`vurdert_dato`), no ids."""
        ...

    def assessment_records(self) -> Iterator[dict[str, Any]]:
        """Every assessment the user may read, in recording order, for the planners' indicators,
        trends, equity and override views: a person key (no id for a planner), the bydel, date,
        suggested group and rule, the latest decision, and the fields the indicators read."""
        ...

    def audit_log(self, table_name: str | None = None, limit: int | None = None) -> list[AuditEntry]: ...

    def log_import_result(self, import_id: int, report: ImportReport) -> None: ...

    def verify(self) -> tuple[Breach | None, ChainHead]:
        """Recompute the hash chain and every history row's hash: the first breach, if any."""
        ...
