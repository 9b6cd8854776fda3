"""Need counts for housing planners: a pure function over classified records.

`tally(records, by, matrix)` counts persons by any of the SPEC's keys and, in the same pass,
the views a planner reads: district × group with totals, and coverage per district and housing
type. Need against supply as of a date is tallies.need. Records carry no identifiers and
neither does anything here.
"""

from __future__ import annotations

import tomllib
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources
from itertools import product
from pathlib import Path
from typing import Any

from pydantic_core import PydanticCustomError

from matrix.fields import DEKNING
from matrix.load import Matrix
from matrix.messages import Lang
from matrix.values import parse_date, parse_sex
from tallies.keys import DEFAULT_BY as DEFAULT_BY  # re-exported: callers import the keys from here too
from tallies.keys import TALLY_KEYS as TALLY_KEYS

UNKNOWN = "ukjent"


@cache
def _settings() -> dict[str, Any]:
    return tomllib.loads((resources.files("tallies") / "data" / "tally.toml").read_text(encoding="utf-8"))


def publish_threshold() -> int:
    """Counts from 1 up to this are suppressed when publishing (tallies/data/tally.toml)."""
    return int(_settings()["publisering"]["hoyst"])


def age_bands() -> list[tuple[str, int | None]]:
    return [(band["navn"], band.get("til")) for band in _settings()["aldersgrupper"]["grupper"]]


def age_group(birth_year: object, year: int) -> str:
    try:
        age = year - int(str(birth_year).strip())
    except ValueError:
        return UNKNOWN
    for name, upper in age_bands():
        if upper is None or age <= upper:
            return name
    return UNKNOWN


@dataclass
class Table:
    """A two-way table of counts: row labels × column labels, with totals unless it is one-way."""

    title: str  # message key of the view's name
    row_keys: tuple[str, ...]  # what the row labels are, e.g. ("bydel",) or ("bydel", "boligtype")
    column_key: str
    rows: list[tuple[Any, ...]]
    columns: list[Any]
    values: list[list[int]]

    @property
    def row_totals(self) -> list[int]:
        return [sum(row) for row in self.values]

    @property
    def column_totals(self) -> list[int]:
        return [sum(row[j] for row in self.values) for j in range(len(self.columns))]

    @property
    def total(self) -> int:
        return sum(self.row_totals)

    @property
    def shows_row_totals(self) -> bool:
        return len(self.columns) > 1  # in a one-column table the row total is the cell itself

    @property
    def shows_column_totals(self) -> bool:
        return len(self.rows) > 1


@dataclass
class Tally:
    """Counts of classified records. Build with `tally()`."""

    matrix: Matrix
    by: tuple[str, ...]
    year: int
    counts: Counter[tuple[Any, ...]] = field(default_factory=Counter)
    district_group: Counter[tuple[str, int]] = field(default_factory=Counter)
    coverage: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    uncovered: Counter[tuple[str, int]] = field(default_factory=Counter)
    total: int = 0
    latest_assessment: date | None = None  # the end of the assessments' date range, when records carry vurdert_dato
    _districts: dict[str, str] = field(default_factory=dict, repr=False)
    _ages: dict[str, str] = field(default_factory=dict, repr=False)
    _sexes: dict[str, str] = field(default_factory=dict, repr=False)

    @classmethod
    def empty(cls, by: Sequence[str], matrix: Matrix, year: int | None = None) -> Tally:
        keys = tuple(by) or DEFAULT_BY
        unknown = [k for k in keys if k not in TALLY_KEYS]
        if unknown:
            raise ValueError(f"unknown tally keys {unknown}; valid: {', '.join(TALLY_KEYS)}")
        return cls(matrix, keys, year or date.today().year)

    def add(self, record: Mapping[str, object], count: int = 1) -> None:
        """Count one classified record (`count` times: equal records counted together)."""
        matrix, keys = self.matrix, self.by
        raw_district = _text(record.get("bydel"))
        district = self._districts.get(raw_district)
        if district is None:
            found = matrix.districts.resolve(raw_district)
            district = self._districts[raw_district] = found.navn if found else (raw_district or UNKNOWN)
        group = int(str(record["gruppe"]).strip())
        coverage = _text(record.get("dekning")) or UNKNOWN
        housing_type = _text(record.get("boligtype")) or matrix.groups[group].boligtype.verdi
        values: dict[str, Any] = {
            "bydel": district,
            "gruppe": group,
            "boligtype": housing_type,
            "boligstandard": _text(record.get("boligstandard")) or matrix.groups[group].boligstandard.verdi,
            "ansvar": _text(record.get("ansvar")) or matrix.groups[group].ansvar.verdi,
            "dekning": coverage,
        }
        if "kjonn" in keys:
            values["kjonn"] = self._sex(_text(record.get("kjonn")))
        if "aldersgruppe" in keys:
            birth = _text(record.get("fodselsar"))
            age = self._ages.get(birth)
            if age is None:
                age = self._ages[birth] = age_group(birth, self.year) if birth else UNKNOWN
            values["aldersgruppe"] = age
        self.counts[tuple(values[k] for k in keys)] += count
        self.district_group[(district, group)] += count
        self.coverage[(district, housing_type, coverage)] += count
        if coverage == "udekket":
            self.uncovered[(district, group)] += count
        self.total += count
        self.saw_assessment(record.get("vurdert_dato"))

    def _sex(self, raw: str) -> str:
        """One category per sex whatever the spelling (K, kvinne, Female): kjonn.toml's, as
        validation uses; a spelling it does not know is counted as unknown, never as a new sex."""
        found = self._sexes.get(raw)
        if found is None:
            try:
                found = parse_sex(raw) if raw else UNKNOWN
            except PydanticCustomError:
                found = UNKNOWN
            self._sexes[raw] = found
        return found

    def merge(self, other: Tally) -> None:
        """Add another tally's counts (same keys) to this one."""
        self.counts.update(other.counts)
        self.district_group.update(other.district_group)
        self.coverage.update(other.coverage)
        self.uncovered.update(other.uncovered)
        self.total += other.total
        if other.latest_assessment is not None:
            self.saw_assessment(other.latest_assessment)

    def saw_assessment(self, value: object) -> None:
        """Widen the assessments' date range by one record's vurdert_dato (blank: no date)."""
        assessed = _day(value)
        if assessed is not None and (self.latest_assessment is None or assessed > self.latest_assessment):
            self.latest_assessment = assessed

    # -- value orders: districts by number, groups by number, the rest as the matrix lists them
    def domain(self, key: str) -> list[Any]:
        groups = [self.matrix.groups[g] for g in sorted(self.matrix.groups)]
        known: dict[str, list[Any]] = {
            "bydel": self.matrix.districts.names(),
            "gruppe": sorted(self.matrix.groups),
            "boligtype": list(dict.fromkeys(g.boligtype.verdi for g in groups)),
            "boligstandard": list(dict.fromkeys(g.boligstandard.verdi for g in groups)),
            "ansvar": [a.kode for a in self.matrix.data.ansvar],
            "dekning": list(DEKNING),
            "aldersgruppe": [name for name, _ in age_bands()],
        }
        seen = {cell[self.by.index(key)] for cell in self.counts} if key in self.by else set()
        if key == "bydel":
            seen |= {d for d, _ in self.district_group}
        values = list(known.get(key, []))
        extra = sorted((v for v in seen if v not in values and v != UNKNOWN), key=str)
        return values + extra + ([UNKNOWN] if UNKNOWN in seen and UNKNOWN not in values else [])

    # -- views ----------------------------------------------------------------------------
    def to_json(self) -> list[dict[str, Any]]:
        """One object per cell: the `by` keys and `antall` (SPEC section 5); zeros included."""
        return [{**dict(zip(self.by, cell, strict=True)), "antall": self.counts.get(cell, 0)} for cell in self.cells()]

    def cells(self) -> list[tuple[Any, ...]]:
        """Every combination of the `by` keys' values, in display order."""
        return list(product(*(self.domain(key) for key in self.by)))

    def by_table(self) -> Table:
        """The `by` counts as a table: the first key down, the other keys across."""
        first = self.domain(self.by[0])
        rest = list(product(*(self.domain(key) for key in self.by[1:]))) if len(self.by) > 1 else [()]
        values = [[self.counts.get((r, *c), 0) for c in rest] for r in first]
        columns = [" / ".join(str(v) for v in c) if c else "antall" for c in rest]
        return Table("tally_tabell", (self.by[0],), " / ".join(self.by[1:]) or "antall", [(r,) for r in first], columns, values)

    def district_group_table(self) -> Table:
        districts = self.domain("bydel")
        groups = sorted(self.matrix.groups)
        values = [[self.district_group.get((d, g), 0) for g in groups] for d in districts]
        return Table("tally_bydel_gruppe", ("bydel",), "gruppe", [(d,) for d in districts], groups, values)

    def coverage_table(self) -> Table:
        """Persons per district and housing type of their group, by coverage status."""
        kinds = self.domain("boligtype")
        rows = [(d, k) for d in self.domain("bydel") for k in kinds]
        values = [[self.coverage.get((d, k, s), 0) for s in DEKNING] for d, k in rows]
        return Table("tally_dekning", ("bydel", "boligtype"), "dekning", rows, list(DEKNING), values)


def _text(value: object) -> str:
    return "" if value is None else str(value).strip()


def _day(value: object) -> date | None:
    """An assessment date as the record holds it (a date, or text in a form the assessment
    accepts); a blank or unreadable one counts as no date."""
    if isinstance(value, date):
        return value
    if not _text(value):
        return None
    try:
        return parse_date(value)
    except ValueError:  # the date parser's PydanticCustomError is one
        return None


def tally(records: Iterable[Mapping[str, object]], by: Sequence[str], matrix: Matrix, year: int | None = None) -> Tally:
    """Count classified records by the keys `by` (any of TALLY_KEYS), and every planner's view.

    Each record has at least bydel, gruppe, boligtype, boligstandard, ansvar and dekning;
    kjonn and fodselsar are optional (aldersgruppe is the age this `year` - default: this
    year - in the bands of tallies/data/tally.toml). Districts are counted by canonical name.
    """
    result = Tally.empty(by, matrix, year)
    for record in records:
        result.add(record)
    return result


def write_tally(path: str | Path, result: Tally, publish: bool = False, lang: Lang = "nb", day: date | None = None) -> None:
    """Write the tables to .csv (the `by` table with totals) or .xlsx (a sheet per view and one
    explaining the columns), whole or not at all. `publish` suppresses small counts; need is
    compared with the supply as of `day` (tallies.need.supply_date)."""
    from tallies.export import write_tally_file

    write_tally_file(Path(path), result, publish, lang, day)
