"""Tally tables as people read them: text, JSON cells, CSV and XLSX, optionally for publishing.

With `publish`, counts from 1 to the threshold show as "<5" and the further counts hidden so
that none of those can be worked out from the totals show as "x" (tallies.suppression).
Unmet-need figures are hidden whenever a count they are the sum of is hidden in the district
× group table, and are themselves protected against their column total.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from casefiles.messages import CaseFileError  # also registers the texts used here
from casefiles.writers import CsvWriter, Staging
from matrix.messages import Lang, t
from matrix.safe_text import terminal_text
from matrix.supply import supply_on
from tallies import messages as _messages  # noqa: F401  (registers the planner's texts)
from tallies.count import Table, Tally, publish_threshold
from tallies.need import NeedLine, colocated_lines, supply_date, vel_lines
from tallies.suppression import Position, Suppressed, suppress, with_margins

SMALL, HIDDEN = "<5", "x"
EXPLAIN: dict[str, dict[str, str]] = {
    "bydel": {"nb": "Bydelen personen hører til (kanonisk navn)", "en": "The person's district (canonical name)"},
    "gruppe": {"nb": "Gruppe 1–7 i matrisen (beslutning om den finnes, ellers forslaget)",
               "en": "Group 1–7 of the matrix (the decision if any, else the suggestion)"},
    "boligtype": {"nb": "Boligtypen gruppen trenger", "en": "The housing type the group needs"},
    "boligstandard": {"nb": "Boligstandarden gruppen trenger", "en": "The housing standard the group needs"},
    "ansvar": {"nb": "Hvem som har bosettingsansvaret: bydel eller vel (Velferdsetaten)",
               "en": "Who is responsible for settling: bydel (district) or vel (Velferdsetaten)"},
    "dekning": {"nb": "dekket: bor på nivået gruppen trenger; udekket: ingen varig bolig eller lavere nivå; "
                      "overdekket: høyere nivå enn nødvendig; ukjent: boligsituasjon ukjent",
                "en": "dekket: housed at the group's level; udekket: no permanent home or a lower level; "
                      "overdekket: a higher level than needed; ukjent: housing unknown"},
    "kjonn": {"nb": "Kjønn slik det står i kartleggingen", "en": "Sex as recorded in the assessment"},
    "aldersgruppe": {"nb": "Alder i telleåret (fra fødselsår)", "en": "Age in the tally's year (from birth year)"},
    "antall": {"nb": "Antall personer", "en": "Number of persons"},
    "behov_personer": {"nb": "Personer i gruppene tilbudet sammenlignes med", "en": "Persons in the groups the supply is compared with"},
    "behov_udekket": {"nb": "Av dem: uten varig bolig på gruppens nivå (dekning = udekket)",
                      "en": "Of them: without a permanent home at their group's level (dekning = udekket)"},
    "behov_tilbud": {"nb": "Boliger eller plasser per tilbudsdatoen (matrisefilens daterte tall)",
                     "en": "Homes or places as of the supply date (the matrix file's dated figures)"},
    "behov_mangel": {"nb": "Behov minus tilbud når behovet er størst, ellers 0; totalen er summen av radenes mangel",
                     "en": "Need minus supply when need is larger, else 0; the total is the sum of the rows' shortfalls"},
    "behov_overskudd": {"nb": "Tilbud minus behov når tilbudet er størst, ellers 0; trekkes aldri fra mangel",
                        "en": "Supply minus need when supply is larger, else 0; never subtracted from a shortfall"},
}


@dataclass
class Shown:
    """A table ready to show: header and rows of cells (ints, or "<5"/"x" when published)."""

    title: str
    header: list[str]
    rows: list[list[Any]]
    labels: int  # how many leading columns are labels
    total_rows: int = 0  # how many rows at the end are totals (for bold type)
    sheet: str = ""  # a short name for a spreadsheet tab (default: the title)


def _hide(values: Sequence[Sequence[int]], table_hidden: Suppressed | None, position: Position, value: int) -> Any:
    if table_hidden is None or position not in table_hidden.hidden:
        return value
    return SMALL if position in table_hidden.primary and 1 <= value <= publish_threshold() else HIDDEN


def suppression_of(table: Table) -> Suppressed:
    rows, columns = len(table.rows), len(table.columns)
    unpublished: set[Position] = set()
    if not table.shows_row_totals:
        unpublished |= {(i, columns) for i in range(rows + 1)}
    if not table.shows_column_totals:
        unpublished |= {(rows, j) for j in range(columns + 1)}
    return suppress(table.values, publish_threshold(), unpublished)


def shown_table(table: Table, publish: bool, lang: Lang) -> Shown:
    hidden = suppression_of(table) if publish else None
    grid = with_margins(table.values)
    rows, columns = len(table.rows), len(table.columns)
    total = t("tally_totalt", lang)
    header = [*table.row_keys, *(str(c) for c in table.columns)] + ([total] if table.shows_row_totals else [])
    body: list[list[Any]] = []
    for i, labels in enumerate(table.rows):
        cells = [_hide(table.values, hidden, (i, j), grid[i][j]) for j in range(columns)]
        if table.shows_row_totals:
            cells.append(_hide(table.values, hidden, (i, columns), grid[i][columns]))
        body.append([*labels, *cells])
    extra = 0
    if table.shows_column_totals:
        cells = [_hide(table.values, hidden, (rows, j), grid[rows][j]) for j in range(columns)]
        if table.shows_row_totals:
            cells.append(_hide(table.values, hidden, (rows, columns), grid[rows][columns]))
        body.append([total, *([""] * (len(table.row_keys) - 1)), *cells])
        extra = 1
    return Shown(t(table.title, lang), header, body, len(table.row_keys), extra)


def groups_label(groups: Sequence[int], assumed: bool) -> str:
    """4–5, or 6, with * when which groups are compared is assumed."""
    ordered = sorted(groups)
    consecutive = len(ordered) > 1 and ordered == list(range(ordered[0], ordered[-1] + 1))
    text = f"{ordered[0]}–{ordered[-1]}" if consecutive else ", ".join(str(g) for g in ordered)
    return text + ("*" if assumed else "")


def need_view(lines: list[NeedLine], title: str, sheet: str, main: Suppressed | None, main_table: Table, publish: bool,
              lang: Lang) -> Shown:
    """Need against supply: a row per comparison and a total row whose shortfall is the sum of
    the rows' shortfalls (never netted against surpluses). Published, a need count is hidden
    with the counts it adds up (`parts`) and by its own small-count suppression; a shortfall
    or surplus is hidden with its need, and the totals of both when any row's is."""
    rows = [line for line in lines if not line.total]
    need = [[r.behov] for r in rows]
    uncovered = [[r.udekket] for r in rows]
    hidden_need = hidden_uncovered = None
    if publish and main is not None:
        index = {label: i for i, (label,) in enumerate(main_table.rows)}
        group_index = {g: j for j, g in enumerate(main_table.columns)}

        def hidden_in_main(district: Any, group: Any) -> bool:
            i = index.get(district, len(main_table.rows))  # city-wide rows use the column total
            return (i, group_index[group]) in main.hidden

        also = {(i, 0) for i, r in enumerate(rows) if any(hidden_in_main(d, g) for d, g in r.parts)}
        unpublished = {(i, 1) for i in range(len(rows) + 1)}
        hidden_need = suppress(need, publish_threshold(), unpublished, also)
        hidden_uncovered = suppress(uncovered, publish_threshold(), unpublished)
    need_grid, uncovered_grid = with_margins(need), with_margins(uncovered)
    body: list[list[Any]] = []
    any_hidden = False
    for i, row in enumerate(rows):
        persons = _hide(need, hidden_need, (i, 0), need_grid[i][0])
        shown_gap = isinstance(persons, int)
        any_hidden |= not shown_gap
        body.append([
            row.bydel if row.bydel is not None else row.kategori, groups_label(row.grupper, row.antatt), persons,
            _hide(uncovered, hidden_uncovered, (i, 0), uncovered_grid[i][0]), _known(row.tilbud),
            _known(row.mangel) if shown_gap else HIDDEN, _known(row.overskudd) if shown_gap else HIDDEN,
        ])
    n = len(rows)
    persons = _hide(need, hidden_need, (n, 0), need_grid[n][0])
    supplies = [r.tilbud for r in rows]
    shortfalls, surpluses = [r.mangel for r in rows], [r.overskudd for r in rows]
    body.append([
        t("tally_totalt", lang), "", persons, _hide(uncovered, hidden_uncovered, (n, 0), uncovered_grid[n][0]), _total(supplies),
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


def need_views(result: Tally, day: date | None, publish: bool, lang: Lang, main: Suppressed | None = None,
               main_table: Table | None = None) -> list[Shown]:
    """The two need-against-supply views as of `day` (default: tallies.need.supply_date)."""
    main_table = main_table or result.district_group_table()
    supply = supply_on(result.matrix, supply_date(result, day))
    when = supply.dato.isoformat()
    return [
        need_view(colocated_lines(result, supply), t("behov_tittel_samlokalisert", lang, dato=when), t("ark_samlokalisert", lang),
                  main, main_table, publish, lang),
        need_view(vel_lines(result, supply), t("behov_tittel_vel", lang, dato=when), t("ark_vel", lang), main, main_table, publish,
                  lang),
    ]


def shown_views(result: Tally, publish: bool, lang: Lang, day: date | None = None) -> list[Shown]:
    """Every view, in the order a planner reads them: the `by` table first.

    Published, only views whose suppression is coordinated go out: the `by` table, and with
    the default bydel × gruppe the need views (hidden together with the counts they add up).
    Other views count the same persons along other lines (coverage per housing type sums
    groups 4+5, say); set beside the main table they could give back a hidden count.
    """
    main_table = result.district_group_table()
    main_hidden = suppression_of(main_table) if publish else None
    views = [shown_table(result.by_table(), publish, lang)]
    if publish and result.by != ("bydel", "gruppe"):
        return views
    if result.by != ("bydel", "gruppe"):
        views.append(shown_table(main_table, publish, lang))
    if not publish:
        views.append(shown_table(result.coverage_table(), publish, lang))
    # The district × group table with its column totals: city-wide rows refer to row index len(rows).
    views += need_views(result, day, publish, lang, main_hidden, main_table)
    return views


def json_cells(result: Tally, publish: bool) -> list[dict[str, Any]]:
    """`--json`: one object per cell with the `by` keys and `antall` ("<5"/"x" when published)."""
    cells = result.to_json()
    if not publish:
        return cells
    table = result.by_table()
    hidden = suppression_of(table)
    columns = len(table.columns)
    for index, cell in enumerate(cells):
        position = (index // columns, index % columns)
        cell["antall"] = _hide(table.values, hidden, position, cell["antall"])
    return cells


def render_text(result: Tally, publish: bool, lang: Lang, day: date | None = None) -> str:
    """The views as aligned plain-text tables, and how to read the need views."""
    return render_need_text(result, shown_views(result, publish, lang, day), day, publish, lang)


def render_need_text(result: Tally, views: list[Shown], day: date | None, publish: bool, lang: Lang) -> str:
    """`views` as aligned plain-text tables under the count line, with the note on how need
    is compared with supply (and the date used)."""
    parts = [t("tally_antall_personer", lang, antall=result.total if not publish or result.total > publish_threshold() else SMALL,
               versjon=result.matrix.version)]
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
        sheet.append(view.header)
        for row in view.rows:
            sheet.append(row)
        for cell in sheet[1]:
            cell.font = bold
        for offset in range(view.total_rows):
            for cell in sheet[sheet.max_row - offset]:
                cell.font = bold
        sheet.freeze_panes = sheet.cell(row=2, column=view.labels + 1)
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
    sheet.append([t("tally_forklaring", lang), ""])
    sheet["A1"].font = bold
    for key in (*result.by, "antall", "dekning"):
        sheet.append([key, EXPLAIN[key][lang]])
    for key in ("behov_personer", "behov_udekket", "behov_tilbud", "behov_mangel", "behov_overskudd"):
        sheet.append([t(key, lang), EXPLAIN[key][lang]])
    sheet.append([])
    sheet.append([t("tilbud_tittel", lang, dato=supply.dato.isoformat()), t("behov_forklaring", lang, dato=supply.dato.isoformat())])
    sheet.append([t("tilbud_samlokaliserte", lang),
                  f"{groups_label(supply.samlokaliserte_grupper, supply.samlokaliserte_antatt)}: {supply.samlokaliserte_grupper_kilde}"])
    for category in supply.vel:
        groups = groups_label(category.grupper, category.grupper_antatt) if category.grupper else "–"
        sheet.append([category.kategori, f"{groups}: {category.grupper_kilde}. {t('tally_kildetekst', lang, kilde=category.kilde)}"])
    sheet.append([])
    sheet.append([t("tally_antall_personer", lang, antall=result.total, versjon=result.matrix.version), ""])
    if publish:
        sheet.append([t("tally_prikket", lang), ""])
    sheet.column_dimensions["A"].width = 28
    sheet.column_dimensions["B"].width = 110
