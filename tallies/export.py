"""Tally tables as people read them: text, JSON cells, CSV and XLSX, optionally for publishing.

With `publish`, counts from 1 to the threshold show as "<5" and the further counts hidden so
that none of those can be worked out from the totals show as "x" (tallies.suppression).
Unmet-need figures are hidden whenever a count they are the sum of is hidden in the district
× group table, and are themselves protected against their column total.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from casefiles.messages import CaseFileError  # also registers the texts used here
from casefiles.writers import CsvWriter, Staging
from matrix.messages import Lang, t
from tallies.count import NeedRow, Table, Tally, publish_threshold
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
    "tally_behov": {"nb": "Personer i gruppene tilbudet er for", "en": "Persons in the groups the supply is for"},
    "tally_udekket": {"nb": "Av dem: uten varig bolig på gruppens nivå (dekning = udekket)",
                      "en": "Of them: without a permanent home at their group's level (dekning = udekket)"},
    "tally_boliger": {"nb": "Samlokaliserte boliger med personalbase i bydelen (matrisefilens tall)",
                      "en": "Co-located homes with a staff base in the district (the matrix file's figures)"},
    "tally_plasser": {"nb": "Velferdsetatens plasser i kategoriene som tjener gruppen",
                      "en": "Velferdsetaten's places in the categories serving the group"},
    "tally_differanse": {"nb": "Personer minus tilbud: positivt tall = flere personer enn plasser",
                         "en": "Persons minus supply: positive = more persons than places"},
}


@dataclass
class Shown:
    """A table ready to show: header and rows of cells (ints, or "<5"/"x" when published)."""

    title: str
    header: list[str]
    rows: list[list[Any]]
    labels: int  # how many leading columns are labels
    total_rows: int = 0  # how many rows at the end are totals (for bold type)


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


def _need_table(rows: list[NeedRow], label: str, supply_key: str, main: Suppressed | None, main_table: Table,
                publish: bool, lang: Lang, title: str) -> Shown:
    """Persons, uncovered, supply, persons minus supply; with a totals row."""
    need = [[r.need] for r in rows]
    uncovered = [[r.uncovered] for r in rows]
    hidden_need = hidden_uncovered = None
    if publish and main is not None:
        index = {label: i for i, (label,) in enumerate(main_table.rows)}
        group_index = {g: j for j, g in enumerate(main_table.columns)}

        def hidden_in_main(district: Any, group: Any) -> bool:
            i = index.get(district, len(main_table.rows))  # VEL rows use the column total
            return (i, group_index[group]) in main.hidden

        also = {(i, 0) for i, r in enumerate(rows) if any(hidden_in_main(d, g) for d, g in r.parts)}
        unpublished = {(i, 1) for i in range(len(rows) + 1)}
        hidden_need = suppress(need, publish_threshold(), unpublished, also)
        hidden_uncovered = suppress(uncovered, publish_threshold(), unpublished)
    need_grid, uncovered_grid = with_margins(need), with_margins(uncovered)
    body: list[list[Any]] = []
    for i, row in enumerate([*rows, None]):
        persons = _hide(need, hidden_need, (i, 0), need_grid[i][0])
        without = _hide(uncovered, hidden_uncovered, (i, 0), uncovered_grid[i][0])
        supply = sum(r.supply for r in rows) if row is None else row.supply
        difference = need_grid[i][0] - supply if isinstance(persons, int) else HIDDEN
        body.append([t("tally_totalt", lang) if row is None else row.label, persons, without, supply, difference])
    header = [label, t("tally_behov", lang), t("tally_udekket", lang), t(supply_key, lang), t("tally_differanse", lang)]
    return Shown(title, header, body, 1, 1)


def shown_views(result: Tally, publish: bool, lang: Lang) -> list[Shown]:
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
    # The district × group table with its column totals: VEL rows refer to row index len(rows).
    views.append(_need_table(result.colocated_need(), "bydel", "tally_boliger", main_hidden, main_table, publish, lang,
                             t("tally_samlokalisert", lang)))
    views.append(_need_table(result.vel_need(), "gruppe", "tally_plasser", main_hidden, main_table, publish, lang,
                             t("tally_vel", lang)))
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


def render_text(result: Tally, publish: bool, lang: Lang) -> str:
    """The views as aligned plain-text tables."""
    parts = [t("tally_antall_personer", lang, antall=result.total if not publish or result.total > publish_threshold() else SMALL,
               versjon=result.matrix.version)]
    for view in shown_views(result, publish, lang):
        grid = [view.header, *[[str(c) for c in row] for row in view.rows]]
        widths = [max(len(row[j]) for row in grid) for j in range(len(view.header))]
        lines = ["  ".join(cell.ljust(w) if isinstance(cell, str) and j < view.labels else cell.rjust(w)
                           for j, (cell, w) in enumerate(zip(row, widths, strict=True))) for row in grid]
        parts += ["", view.title, *(line.rstrip() for line in lines)]
    if publish:
        parts += ["", t("tally_prikket", lang)]
    return "\n".join(parts)


def write_tally_file(path: Path, result: Tally, publish: bool, lang: Lang) -> None:
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
            _write_xlsx(temporary, result, publish, lang)
        staging.commit()


def _write_xlsx(path: Path, result: Tally, publish: bool, lang: Lang) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    book.remove(book.active)
    bold = Font(bold=True)
    used_titles: set[str] = set()
    for view in shown_views(result, publish, lang):
        title = view.title[:31]
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
    _explanation_sheet(book.create_sheet(t("tally_forklaring", lang)[:31]), result, publish, lang, bold)
    try:
        book.save(path)
    except OSError as error:
        raise CaseFileError("skriv_feil", fil=str(path), grunn=error.strerror or str(error)) from None


def _explanation_sheet(sheet: Any, result: Tally, publish: bool, lang: Lang, bold: Any) -> None:
    colocated = result.matrix.data.samlokaliserte_boliger
    vel = result.matrix.data.vel_plasser
    sheet.append([t("tally_forklaring", lang), ""])
    sheet["A1"].font = bold
    for key in (*result.by, "antall", "dekning", "tally_behov", "tally_udekket", "tally_boliger", "tally_plasser", "tally_differanse"):
        name = key if not key.startswith("tally_") else t(key, lang)
        sheet.append([name, EXPLAIN[key][lang]])
    sheet.append([])
    groups = "–".join(str(g) for g in (min(colocated.grupper), max(colocated.grupper))) if colocated.grupper else ""
    sheet.append([t("tally_samlokalisert", lang), t("tally_samlokalisert_tekst", lang, grupper=groups, dato=colocated.gjeldende)])
    sheet.append(["", t("tally_kildetekst", lang, kilde=colocated.kilde)])
    sheet.append([t("tally_vel", lang), t("tally_vel_tekst", lang, aar=vel.aar)])
    sheet.append(["", t("tally_kildetekst", lang, kilde=vel.kilde)])
    sheet.append([])
    sheet.append([t("tally_antall_personer", lang, antall=result.total, versjon=result.matrix.version), ""])
    if publish:
        sheet.append([t("tally_prikket", lang), ""])
    sheet.column_dimensions["A"].width = 28
    sheet.column_dimensions["B"].width = 110
