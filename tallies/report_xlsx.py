"""The report as an XLSX workbook: an overview sheet, a sheet per table (typed cells, bold frozen
header, filters), and native Excel charts (openpyxl.chart) drawn from a chart-data sheet, so a
planner can restyle or reuse them. Every text cell goes through `xlsx_text`."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from matrix.messages import t
from matrix.safe_text import xlsx_text
from tallies.charts import Chart
from tallies.export import Shown
from tallies.report import Report

BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)


def _cell(value: Any) -> Any:
    """Numbers and dates as themselves; everything else as safe text."""
    if isinstance(value, bool):
        return xlsx_text(str(value))
    if isinstance(value, int | float | date | datetime):
        return value
    return xlsx_text("" if value is None else str(value))


def _format_dates(sheet: Worksheet, row: int) -> None:
    for cell in sheet[row]:
        if isinstance(cell.value, datetime):
            cell.number_format = "yyyy-mm-dd hh:mm"
        elif isinstance(cell.value, date):
            cell.number_format = "yyyy-mm-dd"


def _sheet_name(book: Workbook, wanted: str) -> str:
    name = "".join("-" if c in "[]:*?/\\" else c for c in wanted)[:31] or "Ark"
    base, n = name, 2
    while name in book.sheetnames:
        suffix = f" {n}"
        name, n = base[: 31 - len(suffix)] + suffix, n + 1
    return name


def _table_sheet(book: Workbook, view: Shown) -> Worksheet:
    sheet = book.create_sheet(_sheet_name(book, view.sheet or view.title))
    sheet.append([_cell(c) for c in view.header])
    for cell in sheet[1]:
        cell.font = BOLD
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in view.rows:
        sheet.append([_cell(c) for c in row])
        _format_dates(sheet, sheet.max_row)
    for offset in range(view.total_rows):
        for cell in sheet[sheet.max_row - offset]:
            cell.font = BOLD
    sheet.freeze_panes = sheet.cell(row=2, column=view.labels + 1)
    last_data_row = 1 + len(view.rows) - view.total_rows
    if len(view.header) and last_data_row > 1:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(view.header))}{last_data_row}"
    for j, name in enumerate(view.header, start=1):
        longest = max([len(str(name))] + [len(str(row[j - 1])) for row in view.rows])
        sheet.column_dimensions[get_column_letter(j)].width = min(60, max(8, longest + 2))
    return sheet


def _chart(data: Worksheet, chart: Chart) -> BarChart | LineChart:
    """Write the chart's data as a block on the data sheet and build a native chart on it."""
    top = data.max_row + 2 if data.max_row > 1 else 1
    data.cell(row=top, column=1, value=xlsx_text(chart.title)).font = BOLD
    header = top + 1
    data.cell(row=header, column=1, value=xlsx_text(""))
    names = [name for name, _ in chart.series] + ([chart.target_label or "mål"] if chart.target is not None else [])
    for j, name in enumerate(names, start=2):
        data.cell(row=header, column=j, value=xlsx_text(name)).font = BOLD
    for i, category in enumerate(chart.categories, start=1):
        data.cell(row=header + i, column=1, value=xlsx_text(category))
        for j, (_, values) in enumerate(chart.series, start=2):
            data.cell(row=header + i, column=j, value=values[i - 1])
        if chart.target is not None:
            data.cell(row=header + i, column=len(chart.series) + 2, value=chart.target)
    last = header + len(chart.categories)
    categories = Reference(data, min_col=1, min_row=header + 1, max_row=last)
    main: BarChart | LineChart = LineChart() if chart.kind == "line" else BarChart()
    main.add_data(Reference(data, min_col=2, max_col=len(chart.series) + 1, min_row=header, max_row=last), titles_from_data=True)
    main.set_categories(categories)
    if isinstance(main, BarChart):
        main.type = "col"
        if chart.stacked:
            main.grouping, main.overlap = "stacked", 100
    if chart.target is not None:
        target = LineChart()
        column = len(chart.series) + 2
        target.add_data(Reference(data, min_col=column, max_col=column, min_row=header, max_row=last), titles_from_data=True)
        target.set_categories(categories)
        main += target
    main.title = chart.title
    main.y_axis.title = chart.y_label
    main.height, main.width = 8, 18
    return main


def write_report_xlsx(report: Report, path: Path) -> None:
    """The workbook at `path` (the caller stages it so it appears whole or not at all)."""
    lang = report.lang
    book = Workbook()
    overview = book.active
    overview.title = _sheet_name(book, t("rap_oversikt_ark", lang))
    overview.append([xlsx_text(report.title)])
    overview["A1"].font = TITLE
    for label, value in report.facts:
        overview.append([xlsx_text(label), _cell(value)])
        overview.cell(row=overview.max_row, column=1).font = BOLD
        _format_dates(overview, overview.max_row)
    data = None
    placed: dict[str, int] = {}  # charts already on each sheet
    for section in report.sections:
        overview.append([])
        overview.append([xlsx_text(section.title)])
        overview.cell(row=overview.max_row, column=1).font = BOLD
        for text in section.intro:
            overview.append([xlsx_text(text)])
        sheets = [_table_sheet(book, view) for view in section.tables]
        for chart in section.charts:
            if chart.empty:
                continue
            if data is None:
                data = book.create_sheet(_sheet_name(book, t("rap_data_ark", lang)))
            built = _chart(data, chart)
            host = sheets[0] if sheets else data
            anchor_row = 1 + 17 * placed.get(host.title, 0)  # charts stacked down the host sheet, right of its table
            placed[host.title] = placed.get(host.title, 0) + 1
            host.add_chart(built, f"{get_column_letter((host.max_column or 1) + 2)}{anchor_row}")
    overview.append([])
    overview.append([xlsx_text(t("rap_kilder", lang))])
    overview.cell(row=overview.max_row, column=1).font = BOLD
    for source in report.sources:
        overview.append([xlsx_text(source)])
    overview.column_dimensions["A"].width = 40
    overview.column_dimensions["B"].width = 60
    if data is not None:
        book.move_sheet(data, offset=len(book.sheetnames))
    book.save(path)
