"""The report as one self-contained HTML file: charts inline as SVG, styles inline, no script,
no font, no image or link to fetch, and a print style sheet for A4.

Every text from the input or the matrix file is escaped (`html.escape`), so a cell cannot
become markup.
"""

from __future__ import annotations

from datetime import date, datetime
from html import escape
from typing import Any

from matrix.messages import t
from tallies.charts import svg
from tallies.export import Shown
from tallies.report import Report

STYLE = """
:root { --ink: #1a1a1a; --muted: #555; --line: #c8c8c8; --head: #eef2f7; --accent: #1f4e79; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: var(--ink); margin: 2rem auto;
       max-width: 60rem; padding: 0 1rem; line-height: 1.4; font-size: 10.5pt; }
h1 { color: var(--accent); font-size: 18pt; margin: 0 0 .5rem; }
h2 { color: var(--accent); font-size: 13pt; border-bottom: 2px solid var(--accent); padding-bottom: .2rem; margin-top: 2rem; }
h3 { font-size: 10.5pt; margin: 1.2rem 0 .3rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: 0 0 1rem; }
dl.facts dt { font-weight: bold; } dl.facts dd { margin: 0; }
nav ol { margin: .3rem 0 1rem; }
table { border-collapse: collapse; margin: .3rem 0 1rem; font-size: 9pt; }
th, td { border: 1px solid var(--line); padding: .15rem .45rem; vertical-align: top; }
thead th { background: var(--head); text-align: left; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.total td { font-weight: bold; border-top: 2px solid var(--ink); }
figure { margin: .5rem 0 1rem; break-inside: avoid; page-break-inside: avoid; }
figure svg { max-width: 100%; height: auto; }
p.note { color: var(--muted); font-size: 9pt; }
.table-wrap { overflow-x: auto; }
@page { size: A4; margin: 14mm 12mm 16mm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 9.5pt; }
  nav { display: none; }
  h2 { break-after: avoid; page-break-after: avoid; }
  section { break-before: page; page-break-before: always; }
  section:first-of-type { break-before: auto; page-break-before: auto; }
  thead { display: table-header-group; }
  tr, figure { break-inside: avoid; page-break-inside: avoid; }
  .table-wrap { overflow: visible; }
  table { font-size: 8pt; }
}
"""


def _value(value: Any) -> str:
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".")
    return str(value)


def _table(view: Shown) -> str:
    head = "".join(f"<th scope=\"col\">{escape(str(c))}</th>" for c in view.header)
    body = []
    for i, row in enumerate(view.rows):
        total = i >= len(view.rows) - view.total_rows
        cells = []
        for j, cell in enumerate(row):
            numeric = isinstance(cell, int | float) and not isinstance(cell, bool) and j >= view.labels
            cells.append(f"<td class=\"num\">{escape(_value(cell))}</td>" if numeric else f"<td>{escape(_value(cell))}</td>")
        opening = '<tr class="total">' if total else "<tr>"
        body.append(f"{opening}{''.join(cells)}</tr>")
    return (f"<h3>{escape(view.title)}</h3><div class=\"table-wrap\"><table><thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(body)}</tbody></table></div>")


def render_html(report: Report) -> str:
    lang = report.lang
    parts = [f"<!DOCTYPE html><html lang=\"{'en' if lang == 'en' else 'nb'}\"><head><meta charset=\"utf-8\">",
             "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
             f"<title>{escape(report.title)}</title><style>{STYLE}</style></head><body>",
             f"<header><h1>{escape(report.title)}</h1><dl class=\"facts\">"]
    parts += [f"<dt>{escape(label)}</dt><dd>{escape(_value(value))}</dd>" for label, value in report.facts]
    parts.append("</dl></header>")
    parts.append(f"<nav><strong>{escape(t('rap_innhold', lang))}</strong><ol>")
    parts += [f"<li><a href=\"#s{i}\">{escape(section.title)}</a></li>" for i, section in enumerate(report.sections, start=1)]
    parts.append(f"<li><a href=\"#kilder\">{escape(t('rap_kilder', lang))}</a></li></ol></nav>")
    chart_number = 0
    for i, section in enumerate(report.sections, start=1):
        parts.append(f"<section id=\"s{i}\"><h2>{escape(section.title)}</h2>")
        parts += [f"<p class=\"note\">{escape(text)}</p>" for text in section.intro]
        for chart in section.charts:
            if chart.empty:
                continue
            chart_number += 1
            parts.append(f"<figure>{svg(chart, f'c{chart_number}')}</figure>")  # the title is in the chart and its aria-label
        parts += [_table(view) for view in section.tables]
        parts.append("</section>")
    parts.append(f"<section id=\"kilder\"><h2>{escape(t('rap_kilder', lang))}</h2><ul>")
    parts += [f"<li>{escape(source)}</li>" for source in report.sources]
    parts.append("</ul></section></body></html>")
    return "\n".join(parts)
