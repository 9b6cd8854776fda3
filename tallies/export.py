"""Tally tables as people read them: text, JSON cells, CSV and XLSX, optionally for publishing.

With `publish`, counts from 1 to the threshold show as "<5" and the further counts hidden so
that none of those can be worked out from the totals show as "x" (tallies.suppression).
Unmet-need figures are hidden whenever a count they are the sum of is hidden in the district
× group table, and are themselves protected against their column total.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import product
from pathlib import Path
from typing import Any

from casefiles.messages import CaseFileError
from casefiles.writers import CsvWriter, Staging
from matrix.messages import Lang, t
from matrix.safe_text import terminal_text, xlsx_text
from matrix.supply import supply_on
from tallies.count import Table, Tally, publish_threshold
from tallies.need import NeedLine, colocated_lines, supply_date, vel_lines
from tallies.suppression import HIDDEN as HIDDEN
from tallies.suppression import SMALL as SMALL
from tallies.suppression import Cell, PublishedValue, protect


@dataclass
class Shown:
    """A table ready to show: header and rows of cells (ints, or "<5"/"x" when published)."""

    title: str
    header: list[str]
    rows: list[list[Any]]
    labels: int  # how many leading columns are labels
    total_rows: int = 0  # how many rows at the end are totals (for bold type)
    sheet: str = ""  # a short name for a spreadsheet tab (default: the title)


Position = tuple[int, int]  # (row, column) in a table with margins: row R = column totals, column C = row totals
Lookup = Callable[[Position], Any]
Protected = dict[str, list[PublishedValue]]

# What hiding a cell costs (tallies.suppression): the need per district is what planners
# need most, then totals; inner cells of the district × group table go first.
WEIGHT_CELL, WEIGHT_MARGIN, WEIGHT_TOTAL, WEIGHT_NEED = 1.0, 3.0, 4.0, 8.0


def with_margins(values: Sequence[Sequence[int]]) -> list[list[int]]:
    """The (R+1)×(C+1) grid: cells, row totals in the last column, column totals in the last row."""
    rows = [[*row, sum(row)] for row in values]
    columns = len(rows[0]) if rows else 1
    totals = [sum(row[j] for row in rows) for j in range(columns)]
    return [*rows, totals]


@dataclass
class PublishedTable:
    """The cells of one published table as `protect` takes them, and where each one is shown."""

    name: str  # stable, for `tally --publish --json`
    cells: list[Cell]
    at: dict[Position, int]  # position in the view → index in `cells`


def _by_filters(result: Tally) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The filters of the `by` table's rows and columns (in Tally.by_table's order)."""
    first = result.domain(result.by[0])
    rest = list(product(*(result.domain(key) for key in result.by[1:]))) if len(result.by) > 1 else [()]
    return [{result.by[0]: r} for r in first], [dict(zip(result.by[1:], c, strict=True)) for c in rest]


def _table_cells(name: str, table: Table, rows: list[dict[str, Any]], columns: list[dict[str, Any]]) -> PublishedTable:
    grid = with_margins(table.values)
    r, c = len(table.rows), len(table.columns)
    cells: list[Cell] = []
    at: dict[Position, int] = {}

    def add(position: Position, filter_: dict[str, Any], weight: float) -> None:
        at[position] = len(cells)
        cells.append(Cell(filter_, grid[position[0]][position[1]], weight))

    for i in range(r):
        for j in range(c):
            add((i, j), {**rows[i], **columns[j]}, WEIGHT_CELL)
        if table.shows_row_totals:
            add((i, c), rows[i], WEIGHT_MARGIN)
    if table.shows_column_totals:
        for j in range(c):
            add((r, j), columns[j], WEIGHT_MARGIN)
        if table.shows_row_totals:
            add((r, c), {}, WEIGHT_TOTAL)
    return PublishedTable(name, cells, at)


def _group_filter(groups: Sequence[int]) -> Any:
    return groups[0] if len(groups) == 1 else tuple(groups)


def need_cells(name: str, lines: list[NeedLine], weight: float) -> PublishedTable:
    """Persons (column 0) and of them uncovered (column 1) per comparison row, then the total row."""
    rows = [line for line in lines if not line.total]
    cells: list[Cell] = []
    at: dict[Position, int] = {}

    def add(i: int, filter_: dict[str, Any], need: int, uncovered: int, need_weight: float) -> None:
        at[(i, 0)] = len(cells)
        cells.append(Cell(filter_, need, need_weight))
        at[(i, 1)] = len(cells)
        cells.append(Cell({**filter_, "dekning": "udekket"}, uncovered, WEIGHT_MARGIN))

    for i, line in enumerate(rows):
        add(i, ({"bydel": line.bydel} if line.bydel is not None else {}) | {"gruppe": _group_filter(line.grupper)},
            line.behov, line.udekket, weight)
    groups = sorted({g for line in rows for g in line.grupper})
    add(len(rows), {"gruppe": _group_filter(groups)}, sum(r.behov for r in rows), sum(r.udekket for r in rows), WEIGHT_TOTAL)
    return PublishedTable(name, cells, at)


def publishes_need(result: Tally) -> bool:
    """Need views go out with the default bydel × gruppe table only: other `by` tables count
    the same persons along other lines and are published alone."""
    return result.by == ("bydel", "gruppe")


def publication(result: Tally, day: date | None = None) -> list[PublishedTable]:
    """Every table `tally --publish` prints, as cells for tallies.suppression.protect."""
    rows, columns = _by_filters(result)
    tables = [_table_cells("tabell", result.by_table(), rows, columns)]
    if publishes_need(result):
        supply = supply_on(result.matrix, supply_date(result, day))
        tables.append(need_cells("samlokalisert", colocated_lines(result, supply), WEIGHT_NEED))
        vel = vel_lines(result, supply)
        if vel:
            tables.append(need_cells("vel", vel, WEIGHT_MARGIN))
    tables.append(PublishedTable("totalt", [Cell({}, result.total, WEIGHT_TOTAL)], {(0, 0): 0}))
    return tables


def protected(result: Tally, day: date | None = None) -> Protected:
    """Per table name: each cell's count, "<5" or "x", protected all together."""
    tables = publication(result, day)
    keys = {key for table in tables for cell in table.cells for key in cell.filter}
    shown = protect([table.cells for table in tables], publish_threshold(), {key: result.domain(key) for key in keys})
    return {table.name: values for table, values in zip(tables, shown, strict=True)}


def lookup(table: PublishedTable, shown: Protected | None) -> Lookup:
    """position → what to show: the count, or "<5"/"x" when published and hidden."""

    def value(position: Position) -> Any:
        index = table.at[position]
        return table.cells[index].count if shown is None else shown[table.name][index]

    return value


def shown_table(table: Table, publish: bool, lang: Lang, value: Lookup | None = None) -> Shown:
    grid = with_margins(table.values)

    def exact(position: Position) -> Any:
        return grid[position[0]][position[1]]

    value = value or exact
    rows, columns = len(table.rows), len(table.columns)
    total = t("tally_totalt", lang)
    header = [*table.row_keys, *(str(c) for c in table.columns)] + ([total] if table.shows_row_totals else [])
    body: list[list[Any]] = []
    for i, labels in enumerate(table.rows):
        cells = [value((i, j)) for j in range(columns)]
        if table.shows_row_totals:
            cells.append(value((i, columns)))
        body.append([*labels, *cells])
    extra = 0
    if table.shows_column_totals:
        cells = [value((rows, j)) for j in range(columns)]
        if table.shows_row_totals:
            cells.append(value((rows, columns)))
        body.append([total, *([""] * (len(table.row_keys) - 1)), *cells])
        extra = 1
    return Shown(t(table.title, lang), header, body, len(table.row_keys), extra)


def groups_label(groups: Sequence[int], assumed: bool) -> str:
    """4–5, or 6, with * when which groups are compared is assumed."""
    ordered = sorted(groups)
    consecutive = len(ordered) > 1 and ordered == list(range(ordered[0], ordered[-1] + 1))
    text = f"{ordered[0]}–{ordered[-1]}" if consecutive else ", ".join(str(g) for g in ordered)
    return text + ("*" if assumed else "")


def need_view(lines: list[NeedLine], title: str, sheet: str, value: Lookup | None, lang: Lang) -> Shown:
    """Need against supply: a row per comparison and a total row whose shortfall is the sum of
    the rows' shortfalls (never netted against surpluses). Published (`value` looks up what
    tallies.suppression lets out), a shortfall or surplus is hidden with its need, and the
    totals of both when any row's is."""
    rows = [line for line in lines if not line.total]
    value = value or lookup(need_cells("", lines, WEIGHT_NEED), None)
    body: list[list[Any]] = []
    any_hidden = False
    for i, row in enumerate(rows):
        persons = value((i, 0))
        shown_gap = isinstance(persons, int)
        any_hidden |= not shown_gap
        body.append([
            row.bydel if row.bydel is not None else row.kategori, groups_label(row.grupper, row.antatt), persons,
            value((i, 1)), _known(row.tilbud),
            _known(row.mangel) if shown_gap else HIDDEN, _known(row.overskudd) if shown_gap else HIDDEN,
        ])
    n = len(rows)
    supplies = [r.tilbud for r in rows]
    shortfalls, surpluses = [r.mangel for r in rows], [r.overskudd for r in rows]
    body.append([
        t("tally_totalt", lang), "", value((n, 0)), value((n, 1)), _total(supplies),
        HIDDEN if any_hidden else _total(shortfalls), HIDDEN if any_hidden else _total(surpluses),
    ])
    label = "bydel" if rows and rows[0].bydel is not None else t("behov_kategori", lang)
    header = [label, t("behov_grupper", lang), t("behov_personer", lang), t("behov_udekket", lang), t("behov_tilbud", lang),
              t("behov_mangel", lang), t("behov_overskudd", lang)]
    return Shown(title, header, body, 2, 1, sheet)


def _known(value: int | None) -> Any:
    return "–" if value is None else value


def _total(values: list[int | None]) -> Any:
    return "–" if any(v is None for v in values) else sum(v for v in values if v is not None)


def need_views(result: Tally, day: date | None, publish: bool, lang: Lang, shown: Protected | None = None) -> list[Shown]:
    """The two need-against-supply views as of `day` (default: tallies.need.supply_date).

    Published, their counts are protected together with the `by` table (`protected`)."""
    supply = supply_on(result.matrix, supply_date(result, day))
    when = supply.dato.isoformat()
    if publish and shown is None:
        shown = protected(result, day)
    tables = {table.name: table for table in publication(result, day)} if publish else {}

    def value(name: str, lines: list[NeedLine]) -> Lookup:
        if publish and name in tables:
            return lookup(tables[name], shown)
        return lookup(need_cells(name, lines, WEIGHT_NEED), None)

    colocated, vel = colocated_lines(result, supply), vel_lines(result, supply)
    return [
        need_view(colocated, t("behov_tittel_samlokalisert", lang, dato=when), t("ark_samlokalisert", lang),
                  value("samlokalisert", colocated), lang),
        need_view(vel, t("behov_tittel_vel", lang, dato=when), t("ark_vel", lang), value("vel", vel), lang),
    ]


def shown_views(result: Tally, publish: bool, lang: Lang, day: date | None = None, shown: Protected | None = None) -> list[Shown]:
    """Every view, in the order a planner reads them: the `by` table first.

    Published, only the tables protected together go out (`publication`): the `by` table, and
    with the default bydel × gruppe the need views. Other views count the same persons along
    other lines (coverage per housing type sums groups 4+5, say) and are left out.
    """
    if publish and shown is None:
        shown = protected(result, day)
    by_cells = publication(result, day)[0]
    views = [shown_table(result.by_table(), publish, lang, lookup(by_cells, shown if publish else None))]
    if publish and not publishes_need(result):
        return views
    if not publishes_need(result):
        views.append(shown_table(result.district_group_table(), publish, lang))
    if not publish:
        views.append(shown_table(result.coverage_table(), publish, lang))
    views += need_views(result, day, publish, lang, shown)
    return views


def json_cells(result: Tally, publish: bool) -> list[dict[str, Any]]:
    """`--json`: one object per cell with the `by` keys and `antall` ("<5"/"x" when published)."""
    cells = result.to_json()
    if not publish:
        return cells
    values = protected(result)["tabell"]
    table = publication(result)[0]
    columns = len(result.by_table().columns)
    for index, cell in enumerate(cells):
        cell["antall"] = values[table.at[(index // columns, index % columns)]]
    return cells


def publish_json(result: Tally, day: date | None = None) -> dict[str, Any]:
    """`tally --publish --json` (SPEC 6b): every table published together, each cell with the
    filter it counts over (a list for a sum of values) and `antall`: a count, "<5" or "x"."""
    tables = publication(result, day)
    shown = protected(result, day)
    return {"tabeller": [
        {"navn": table.name,
         "celler": [{**{key: list(v) if isinstance(v, tuple) else v for key, v in cell.filter.items()}, "antall": value}
                    for cell, value in zip(table.cells, shown[table.name], strict=True)]}
        for table in tables
    ]}


def render_text(result: Tally, publish: bool, lang: Lang, day: date | None = None) -> str:
    """The views as aligned plain-text tables, and how to read the need views."""
    shown = protected(result, day) if publish else None
    return render_need_text(result, shown_views(result, publish, lang, day, shown), day, publish, lang, shown)


def render_need_text(result: Tally, views: list[Shown], day: date | None, publish: bool, lang: Lang,
                     shown: Protected | None = None) -> str:
    """`views` as aligned plain-text tables under the count line, with the note on how need
    is compared with supply (and the date used)."""
    if publish and shown is None:
        shown = protected(result, day)
    total = shown["totalt"][0] if publish and shown else result.total
    parts = [t("tally_antall_personer", lang, antall=total, versjon=result.matrix.version)]
    parts.append(render_views(views))
    parts += ["", t("behov_forklaring", lang, dato=supply_date(result, day).isoformat())]
    if publish:
        parts += ["", t("tally_prikket", lang)]
    return "\n".join(parts)


def render_views(views: list[Shown]) -> str:
    """Views as aligned plain-text tables under their titles; every cell through the terminal gate."""
    parts: list[str] = []
    for view in views:
        grid = [[terminal_text(c) for c in view.header], *[[terminal_text(c) for c in row] for row in view.rows]]
        widths = [max(len(row[j]) for row in grid) for j in range(len(view.header))]
        lines = ["  ".join(cell.ljust(w) if j < view.labels else cell.rjust(w)
                           for j, (cell, w) in enumerate(zip(row, widths, strict=True))) for row in grid]
        parts += ["", terminal_text(view.title), *(line.rstrip() for line in lines)]
    return "\n".join(parts)


def write_tally_file(path: Path, result: Tally, publish: bool, lang: Lang, day: date | None = None) -> None:
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise CaseFileError("tally_utfil", fil=str(path))
    with Staging() as staging:
        temporary = staging.path(path)
        if suffix == ".csv":
            view = shown_views(result, publish, lang)[0]
            writer = CsvWriter(temporary, view.header)
            for row in view.rows:
                writer.write(row)
            writer.close()
        else:
            _write_xlsx(temporary, result, publish, lang, day)
        staging.commit()


def _write_xlsx(path: Path, result: Tally, publish: bool, lang: Lang, day: date | None) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    book.remove(book.active)
    bold = Font(bold=True)
    used_titles: set[str] = set()
    for view in shown_views(result, publish, lang, day):
        title = (view.sheet or view.title)[:31]
        while title in used_titles:
            title = title[:29] + f" {len(used_titles)}"
        used_titles.add(title)
        sheet = book.create_sheet(title)
        _append(sheet, view.header)
        for row in view.rows:
            _append(sheet, row)
        for cell in sheet[1]:
            cell.font = bold
        for offset in range(view.total_rows):
            for cell in sheet[sheet.max_row - offset]:
                cell.font = bold
        sheet.freeze_panes = sheet.cell(row=2, column=view.labels + 1)
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(view.header))}{sheet.max_row - view.total_rows}"  # not the totals
        for j, name in enumerate(view.header, start=1):
            longest = max([len(str(name))] + [len(str(row[j - 1])) for row in view.rows])
            sheet.column_dimensions[get_column_letter(j)].width = min(60, max(8, longest + 2))
    _explanation_sheet(book.create_sheet(t("tally_forklaring", lang)[:31]), result, publish, lang, bold, day)
    try:
        book.save(path)
    except OSError as error:
        raise CaseFileError("skriv_feil", fil=str(path), grunn=error.strerror or str(error)) from None


def _explanation_sheet(sheet: Any, result: Tally, publish: bool, lang: Lang, bold: Any, day: date | None) -> None:
    supply = supply_on(result.matrix, supply_date(result, day))
    _append(sheet, [t("tally_forklaring", lang), ""])
    sheet["A1"].font = bold
    for key in (*result.by, "antall", "dekning"):
        _append(sheet, [key, t(f"forklaring_{key}", lang)])
    for key in ("behov_personer", "behov_udekket", "behov_tilbud", "behov_mangel", "behov_overskudd"):
        _append(sheet, [t(key, lang), t(f"forklaring_{key}", lang)])
    _append(sheet, [])
    _append(sheet, [t("tilbud_tittel", lang, dato=supply.dato.isoformat()), t("behov_forklaring", lang, dato=supply.dato.isoformat())])
    _append(sheet, [t("tilbud_samlokaliserte", lang),
                  f"{groups_label(supply.samlokaliserte_grupper, supply.samlokaliserte_antatt)}: {supply.samlokaliserte_grupper_kilde}"])
    for category in supply.vel:
        groups = groups_label(category.grupper, category.grupper_antatt) if category.grupper else "–"
        _append(sheet, [category.kategori, f"{groups}: {category.grupper_kilde}. {t('tally_kildetekst', lang, kilde=category.kilde)}"])
    _append(sheet, [])
    _append(sheet, [t("tally_antall_personer", lang, antall=result.total, versjon=result.matrix.version), ""])
    if publish:
        _append(sheet, [t("tally_prikket", lang), ""])
    sheet.column_dimensions["A"].width = 28
    sheet.column_dimensions["B"].width = 110


def _append(sheet: Any, row: Sequence[Any]) -> None:
    """A row of typed cells: numbers stay numbers; every text through the spreadsheet gate."""
    sheet.append([xlsx_text(c) if isinstance(c, str) else c for c in row])
