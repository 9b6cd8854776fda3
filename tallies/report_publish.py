"""The planner's report as published (`report --publish`): every count in it under one
disclosure control (tallies.suppression), with the "<5"/"x" marks and legend of `tally --publish`.

What is counted, by unit (`enhet`): cells of one unit are protected together, so a district's
total, a district × group count or a group's city total that several tables show is one
quantity, published or hidden in all of them, and no combination of the tables pins a hidden
count.

- persons (`personer`), each by their latest assessment that has a group: need per district
  and group, co-located and VEL need with the uncovered among them, the equity tables (group
  by district and sex, by district and age band), the indicator counts per district (persons,
  answers to the quality-of-life question, declined, answering 1, 10+ admissions), the
  answers 1–7 per district, and 10+ admissions by district, sex and age band. Age band = age
  in the report's supply year, the same in every table (one attribute of a person).
  Keys that never meet in one cell are tied only through shared totals (`CLIQUES`, an exact
  decomposition: tallies.atoms).
- assessments per quarter (`vurderinger`): a person counts once in each quarter they were
  assessed (their latest that quarter): the trend tables; a year is the sum of its quarters.
- decisions (`beslutninger`): decisions and overrides per deciding rule and per district.
- moves (`flyttinger`): moves to a home of one's own per district and quarter.

Shares and means are not counts: a share (answering 1, overridden) is shown only where its
numerator and denominator are both published, the mean only where all seven answer counts
are, so each is worked out from published counts and says nothing more. Free-text override
reasons are not printed at all in a published report: a reason typed by a caseworker may
name or describe a person, and no count threshold makes a free text safe.

Persons and assessments are protected together, in one model, with what any reader knows
between them as relations (a person's latest assessment is one of the assessments per
quarter, so persons in a district and group ≤ its assessments over all quarters; those
assessed in the last quarter are at their latest, so ≤ persons): without them an attacker
pinned a quarter of the hidden trend cells of a caseload assessed once each. Decisions and
moves are protected each alone (a person may have any number of decisions or moves, so no
count of persons bounds them). tests/test_report_publish.py gives the same relations to the
independent attacker, which attacks the whole published report at once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import product
from typing import Any

from matrix.fields import DEKNING
from matrix.load import Matrix
from matrix.messages import Lang, t
from tallies.atoms import values_of
from tallies.charts import Chart, numbers
from tallies.count import Table, age_bands, age_group, publish_threshold, tally
from tallies.export import (
    WEIGHT_CELL,
    WEIGHT_MARGIN,
    WEIGHT_NEED,
    WEIGHT_TOTAL,
    PublishedTable,
    Shown,
    lookup,
    need_cells,
    need_view,
    shown_table,
)
from tallies.history import SEXES, Snapshot, latest_per_person
from tallies.indicators import ADMISSIONS_THRESHOLD, latest_per_quarter
from tallies.need import colocated_lines, vel_lines
from tallies.suppression import HIDDEN, SMALL, Cell, PublishedValue, protect

PERSONS, ASSESSMENTS, DECISIONS, MOVES = "personer", "vurderinger", "beslutninger", "flyttinger"
UNANSWERED = "ubesvart"
DECLINED = "vil_ikke_svare"
ANSWERS = tuple(range(1, 8))
YES, NO = "ja", "nei"
UNIT = "enhet"  # in the model only: persons and assessments are protected together, told apart by this key
CLIQUES: dict[str, list[list[str]]] = {  # per unit, as the published JSON's reader sees them
    PERSONS: [["bydel", "gruppe", "kjonn", "aldersgruppe"], ["bydel", "gruppe", "dekning"],
              ["bydel", "kjonn", "aldersgruppe", "inntak10"], ["bydel", "livskvalitet"]],
    DECISIONS: [["regel", "overstyrt"], ["bydel", "overstyrt"]],
}
TOGETHER = [[UNIT, *clique] for clique in CLIQUES[PERSONS]] + [[UNIT, "kvartal", "bydel", "gruppe"]]
Relation = tuple[dict[str, Any], dict[str, Any]]
Count = Callable[[dict[str, Any]], int]


class RecordCounter:
    """Counts of records (key → value) matching any filter (a key left out: any value)."""

    def __init__(self, records: list[dict[str, Any]]) -> None:
        self.records = records
        self._by: dict[tuple[str, ...], Counter[tuple[Any, ...]]] = {}

    def __call__(self, filter_: dict[str, Any]) -> int:
        keys = tuple(sorted(filter_))
        table = self._by.get(keys)
        if table is None:
            table = self._by[keys] = Counter(tuple(r[k] for k in keys) for r in self.records)
        return sum(table.get(combo, 0) for combo in product(*(values_of(filter_[k]) for k in keys)))


@dataclass
class Grid:
    """A published table laid out as shown_table shows it: its cells, and the Table for the labels."""

    table: Table
    cells: PublishedTable


def grid(name: str, title: str, row_keys: tuple[str, ...], rows: list[tuple[Any, ...]], column_key: str, columns: list[Any],
         count: Count, base: dict[str, Any] | None = None, weight: float = WEIGHT_CELL,
         row_filters: list[dict[str, Any]] | None = None) -> Grid:
    """Cells at shown_table's positions: inner cells base+row+column, row totals base+row,
    column totals base+column, the grand total base. A row's filter is its labels (row_keys =
    rows[i]) unless `row_filters` says otherwise (a year as the list of its quarters)."""
    base = base or {}
    row_filters = row_filters or [dict(zip(row_keys, r, strict=True)) for r in rows]
    column_filters = [{column_key: c} for c in columns]
    values = [[count({**base, **rf, **cf}) for cf in column_filters] for rf in row_filters]
    table = Table(title, row_keys, column_key, rows, columns, values)
    cells: list[Cell] = []
    at: dict[tuple[int, int], int] = {}

    def add(position: tuple[int, int], filter_: dict[str, Any], cost: float) -> None:
        at[position] = len(cells)
        cells.append(Cell(filter_, count(filter_), cost))

    r, c = len(rows), len(columns)
    for i in range(r):
        for j in range(c):
            add((i, j), {**base, **row_filters[i], **column_filters[j]}, weight)
        if table.shows_row_totals:
            add((i, c), {**base, **row_filters[i]}, WEIGHT_MARGIN)
    if table.shows_column_totals:
        for j in range(c):
            add((r, j), {**base, **column_filters[j]}, WEIGHT_MARGIN)
        if table.shows_row_totals:
            add((r, c), dict(base), WEIGHT_TOTAL)
    return Grid(table, PublishedTable(name, cells, at))


@dataclass
class Publication:
    """Every published count table of a report, per unit, and what is shown of each cell."""

    units: dict[str, list[PublishedTable]]
    shown: dict[str, list[PublishedValue]]  # table name → per cell: count, SMALL or HIDDEN
    relations: list[Relation]  # what any reader knows between persons and assessments (smaller, larger)

    def value(self, table: PublishedTable) -> Callable[[tuple[int, int]], Any]:
        return lookup(table, self.shown)

    def as_json(self) -> dict[str, Any]:
        """SPEC 6b's form, each table with its unit (`enhet`)."""
        return {"tabeller": [
            {"navn": table.name, "enhet": unit,
             "celler": [{**{k: list(v) if isinstance(v, tuple) else v for k, v in cell.filter.items() if k != UNIT}, "antall": value}
                        for cell, value in zip(table.cells, self.shown[table.name], strict=True)]}
            for unit, tables in self.units.items() for table in tables]}


def protect_units(units: dict[str, list[PublishedTable]], domains: dict[str, list[Any]], relations: list[Relation],
                  one_district: bool) -> dict[str, list[PublishedValue]]:
    """Persons and assessments together (with the relations between them), decisions and moves each alone."""
    shown: dict[str, list[PublishedValue]] = {}
    jobs = [([*units.get(PERSONS, []), *units.get(ASSESSMENTS, [])], TOGETHER, relations),
            (units.get(DECISIONS, []), None if one_district else CLIQUES[DECISIONS], []), (units.get(MOVES, []), None, [])]
    for tables, cliques, known in jobs:
        if not tables:
            continue
        values = protect([table.cells for table in tables], publish_threshold(), domains, cliques, known)
        shown.update({table.name: v for table, v in zip(tables, values, strict=True)})
    return shown


def person_records(snapshots: Iterable[Snapshot], year: int) -> list[dict[str, Any]]:
    """Each person by their latest assessment that has a group, with every attribute a published table counts by."""
    records = []
    for snap in latest_per_person(s for s in snapshots if s.gruppe is not None):
        answer = snap.livskvalitet if snap.livskvalitet is not None else UNANSWERED
        records.append({UNIT: PERSONS, "bydel": snap.bydel, "gruppe": snap.gruppe, "dekning": snap.dekning, "kjonn": snap.kjonn,
                        "aldersgruppe": age_group(snap.fodselsar, year) if snap.fodselsar is not None else "ukjent",
                        "inntak10": YES if snap.inntak is not None and snap.inntak >= ADMISSIONS_THRESHOLD else NO,
                        "livskvalitet": answer})
    return records


def assessment_records(snapshots: Iterable[Snapshot]) -> list[dict[str, Any]]:
    """One record per person and quarter they were assessed in (their latest that quarter)."""
    latest = latest_per_quarter(snapshots)
    return [{UNIT: ASSESSMENTS, "kvartal": q, "bydel": snap.bydel, "gruppe": snap.gruppe} for (q, _), snap in latest.items()]


def decision_records(snapshots: Iterable[Snapshot]) -> list[dict[str, Any]]:
    return [{"regel": s.regel, "bydel": s.bydel, "overstyrt": YES if s.overstyrt else NO} for s in snapshots if s.besluttet]


def domains(matrix: Matrix, districts: Sequence[str], quarters: Sequence[str], rules: Sequence[str]) -> dict[str, list[Any]]:
    """Every value each key can take (a key the cells do not list completely still has other values)."""
    names = matrix.districts.names()
    return {
        UNIT: [PERSONS, ASSESSMENTS],
        "bydel": [*names, *(d for d in districts if d not in names)],
        "gruppe": sorted(matrix.groups),
        "dekning": list(DEKNING),
        "kjonn": list(SEXES),
        "aldersgruppe": [name for name, _ in age_bands()] + ["ukjent"],
        "inntak10": [YES, NO],
        "livskvalitet": [*ANSWERS, DECLINED, UNANSWERED],
        "kvartal": list(quarters),
        "regel": list(rules),
        "overstyrt": [YES, NO],
    }


def derived_share(numerator: Any, denominator: Any, scale: float = 100.0) -> Any:
    """A share worked out from two published counts; hidden when either is, "–" when there is no denominator."""
    if not isinstance(numerator, int) or not isinstance(denominator, int):
        return HIDDEN
    return "–" if denominator == 0 else round(scale * numerator / denominator, 1)


def is_hidden(value: Any) -> bool:
    return value in (SMALL, HIDDEN)


def shown_rows(view_grid: Grid, publication: Publication) -> list[int]:
    """The rows a reader sees: those whose total is not a published 0 (a hidden total is shown,
    whatever it hides, so which rows appear says nothing the marks do not)."""
    value = publication.value(view_grid.cells)
    table = view_grid.table
    column = len(table.columns) if table.shows_row_totals else 0
    return [i for i in range(len(table.rows)) if value((i, column)) != 0]


def published_view(view_grid: Grid, publication: Publication, lang: Lang, title: str, sheet: str,
                   rows: list[int] | None = None) -> Shown:
    """The grid as a Shown table of published values, with only `rows` (default: shown_rows)."""
    keep = shown_rows(view_grid, publication) if rows is None else rows
    table = view_grid.table
    value = publication.value(view_grid.cells)
    sub = Table(table.title, table.row_keys, table.column_key, [table.rows[i] for i in keep], table.columns,
                [table.values[i] for i in keep])
    full_rows = len(table.rows)

    def at(position: tuple[int, int]) -> Any:
        i, j = position
        if i >= len(keep):  # the column totals: over every row, shown or not (the hidden rows' are published 0s)
            if not table.shows_column_totals:
                return value((keep[0], j)) if keep else 0
            return value((full_rows, j))
        return value((keep[i], j))

    shown = shown_table(sub, True, lang, at)
    if not table.shows_column_totals and shown.total_rows:
        shown.rows, shown.total_rows = shown.rows[:-1], 0
    shown.title, shown.sheet = title, sheet
    return shown


def need_tables(snapshots_records: list[dict[str, Any]], matrix: Matrix, day: date, district: str | None,
                ) -> tuple[PublishedTable, PublishedTable | None, list[Any], list[Any]]:
    """The co-located and VEL need cells (from the same persons as every other person table)."""
    from matrix.supply import supply_on

    counts = tally(snapshots_records, ("bydel", "gruppe"), matrix)
    supply = supply_on(matrix, day)
    colocated = [line for line in colocated_lines(counts, supply) if not line.total and (district is None or line.bydel == district)]
    vel = vel_lines(counts, supply)
    cells = need_cells("samlokalisert", colocated, WEIGHT_NEED)
    if district is not None:  # need_cells' total row sums the rows given (this district's) but names no district
        cells.cells[-2:] = [Cell({**cell.filter, "bydel": district}, cell.count, cell.weight) for cell in cells.cells[-2:]]
    vel_cells = need_cells("vel", vel, WEIGHT_MARGIN) if vel else None
    for table in (cells, vel_cells):
        if table is not None:
            table.cells[:] = [Cell({UNIT: PERSONS, **cell.filter}, cell.count, cell.weight) for cell in table.cells]
    return cells, vel_cells, colocated, vel


def need_shown(lines: list[Any], table: PublishedTable, publication: Publication, title: str, sheet: str, lang: Lang,
               total: bool) -> Shown:
    view = need_view(lines, title, sheet, publication.value(table), lang)
    if not total:
        view.rows, view.total_rows = view.rows[:-1], 0
    return view


def numbers_of(values: Iterable[Any]) -> list[float | None]:
    """Published values as chart values: hidden ones are no value."""
    return numbers(list(values))


def chart(title: str, kind: str, categories: list[str], series: list[tuple[str, list[Any]]], y_label: str, **more: Any) -> Chart:
    return Chart(title, kind, categories, [(name, numbers_of(values)) for name, values in series], y_label, **more)


def legend(lang: Lang) -> str:
    return t("rap_prikket", lang, minst=publish_threshold() + 1)
