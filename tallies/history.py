"""Assessment snapshots for the planner's indicators, trends, equity and override views.

A snapshot is one assessment as a planner needs it: district, date, group (suggested and
final, with the override reason), housing situation, quality of life, admissions, sex and
birth year. They come from files (every data row a snapshot; rows of the same person_id make
its history) or from the case store (each person's history). The person key groups a
person's snapshots and is never shown or written anywhere.

Files are read leniently field by field: a planner's indicators should not lose a row
because, say, its quality-of-life answer is «Ønsker ikke å svare». A row without a known
district is skipped and counted. An unclassified export is classified on the way by the same
fast path as `reclassify` (rows that path rejects are skipped and counted).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from pydantic_core import PydanticCustomError

from casefiles.batch import output_header
from casefiles.fastpath import Reclassifier
from casefiles.mapping import ColumnMapping
from casefiles.readers import BadLine, cell_text, open_source
from casefiles.validation import Layout
from matrix.assessment import FieldError
from matrix.load import Matrix
from matrix.values import DECLINED, is_declined, parse_date, parse_sex, sex_codes

SEXES = sex_codes()
FIELDS = ("person_id", "bydel", "vurdert_dato", "gruppe", "regel", "boligsituasjon", "livskvalitet", "institusjonsinntak_12m",
          "kjonn", "fodselsar", "dekning")


@dataclass(frozen=True)
class Snapshot:
    person: str  # groups one person's snapshots; never shown
    bydel: str
    vurdert_dato: date | None
    gruppe: int | None  # the final group (the decision if any, else the suggestion)
    foreslatt_gruppe: int | None
    regel: str  # the deciding rule of the suggestion
    besluttet: bool  # a caseworker recorded a decision (accepted or overrode)
    overstyrt: bool
    grunn: str  # the caseworker's reason for overriding ("" if none)
    boligsituasjon: str
    livskvalitet: int | str | None  # 1–7, DECLINED, or None (not asked)
    inntak: int | None
    kjonn: str  # one of SEXES
    fodselsar: int | None
    dekning: str = "ukjent"


def quality_of_life(raw: object) -> int | str | None:
    """1–7, DECLINED («Ønsker ikke å svare» in its spellings), or None (blank or unreadable)."""
    text = "" if raw is None else str(raw).strip()
    if not text:
        return None
    if text.isdigit() and 1 <= int(text) <= 7:
        return int(text)
    return DECLINED if is_declined(text) else None


def sex(raw: object) -> str:
    """kvinne, mann, annet or ukjent: the spellings are kjonn.toml's, as for assessments."""
    try:
        return parse_sex(raw)
    except PydanticCustomError:
        return "ukjent"


def _int(raw: object) -> int | None:
    text = "" if raw is None else str(raw).strip()
    try:
        return int(float(text)) if text else None
    except ValueError:
        return None


def _day(raw: object) -> date | None:
    if raw is None or str(raw).strip() == "":
        return None
    try:
        return parse_date(raw if isinstance(raw, date) else str(raw))
    except ValueError:
        return None


def snapshot(record: Mapping[str, Any], matrix: Matrix, fallback_person: str, final: int | None = None,
             override_reason: str = "", decided: bool = False) -> Snapshot | None:
    """A snapshot from one record of canonical fields; None when its district is unknown."""
    found = matrix.districts.resolve(str(record.get("bydel") or ""))
    if found is None:
        return None
    suggested = _int(record.get("gruppe"))
    suggested = suggested if suggested in matrix.groups else None
    chosen = final if final is not None else suggested
    person = str(record.get("person_id") or "").strip() or fallback_person
    return Snapshot(
        person, found.navn, _day(record.get("vurdert_dato")), chosen, suggested, str(record.get("regel") or ""), decided,
        chosen is not None and suggested is not None and chosen != suggested, override_reason,
        str(record.get("boligsituasjon") or "").strip().lower(), quality_of_life(record.get("livskvalitet")),
        _int(record.get("institusjonsinntak_12m")), sex(record.get("kjonn")), _int(record.get("fodselsar")),
        str(record.get("dekning") or "").strip().lower() or "ukjent",
    )


class _Collect:
    """Takes the fast path's output rows (the input's columns plus the result columns)."""

    kind = "jsonl"

    def __init__(self, header: list[str]) -> None:
        self.index = {name: header.index(name) for name in FIELDS if name in header}
        self.rows: list[dict[str, Any]] = []

    def write(self, cells: list[Any]) -> None:
        self.rows.append({name: cells[i] for name, i in self.index.items()})


def _raw_rows(path: str | Path, mapping: ColumnMapping | None) -> tuple[list[dict[str, Any]], int]:
    """Every data row's FIELDS as text, and how many lines could not be read."""
    source = open_source(path)
    layout = Layout(source, mapping)
    index = {name: layout.names.index(name) for name in FIELDS if name in layout.names}
    rows, unreadable = [], 0
    for cells in source.rows():
        if isinstance(cells, BadLine):
            unreadable += 1
            continue
        cells, _ = layout.shape(cells)
        if layout.is_blank(cells):
            continue
        rows.append({name: cell_text(cells[i]).strip() for name, i in index.items()})
    return rows, unreadable


def _key(row: Mapping[str, Any]) -> tuple[str, date | None]:
    return str(row.get("person_id") or "").strip(), _day(row.get("vurdert_dato"))


def _file_records(path: str | Path, matrix: Matrix, mapping: ColumnMapping | None) -> tuple[list[dict[str, Any]], int]:
    """The rows of a file with their group. An unclassified export is classified by the fast
    path; a row it rejects keeps no group (so need, trends and equity leave it out) but still
    counts in the indicators, which read only its own fields: an answer «Ønsker ikke å svare»,
    which the assessment does not take yet, must not drop the person from them."""
    rows, skipped = _raw_rows(path, mapping)
    source = open_source(path)
    layout = Layout(source, mapping)
    if "gruppe" in layout.names:
        return rows, skipped

    def ignore(rad: int, person_id: str | None, error: FieldError) -> None:
        """Rejected rows get no group; `reclassify` names their errors."""

    sink = _Collect(output_header(layout))
    stats = Reclassifier(matrix).run(source, layout, sink, ignore)
    classified = {_key(row): row for row in sink.rows}
    for row in rows:
        found = classified.get(_key(row), {})
        row.update({name: found.get(name, "") for name in ("gruppe", "regel", "dekning")})
    return rows, skipped + stats.rejected


def snapshots_from_files(paths: Iterable[str | Path], matrix: Matrix, mapping: ColumnMapping | None = None) -> tuple[list[Snapshot], int]:
    """Every data row of the files as a snapshot; and how many rows were skipped.

    Raises CaseFileError when a file cannot be read at all.
    """
    found: list[Snapshot] = []
    skipped = 0
    for file_number, path in enumerate(paths, start=1):
        rows, rejected = _file_records(path, matrix, mapping)
        skipped += rejected
        for row_number, record in enumerate(rows, start=1):
            made = snapshot(record, matrix, f"#{file_number}:{row_number}")
            if made is None:
                skipped += 1
            else:
                found.append(made)
    return found, skipped


def snapshots_from_store(store: Any, matrix: Matrix) -> Iterator[Snapshot]:
    """Every stored assessment the user may read, in recording order, from the store's one
    query for it (`Store.assessment_records`). The person key groups one person's assessments
    and is never shown; for a planner on a shared store it is not even the person id."""
    for record in store.assessment_records():
        decided = bool(record["besluttet"])
        final = record["endelig_gruppe"] if decided else None
        reason = record["grunn"] if decided and final != record["gruppe"] else ""
        made = snapshot({**record, "person_id": record["person"]}, matrix, record["person"], final, reason, decided=decided)
        if made is not None:
            yield made


def latest_per_person(snapshots: Iterable[Snapshot]) -> list[Snapshot]:
    """Each person's latest snapshot (by assessment date; a later row wins a tie)."""
    latest: dict[str, Snapshot] = {}
    for snap in snapshots:
        before = latest.get(snap.person)
        if before is None or (snap.vurdert_dato or date.min) >= (before.vurdert_dato or date.min):
            latest[snap.person] = snap
    return list(latest.values())
