"""Formula injection (issue 7, class 4) and XLSX a planner can use at once (issue 11, item 13).

Cells that start with = + - @ tab or CR, put into every field a writer passes through (free
text, an extra column, a rejected person id, a district name in a tally), are read back with
the csv module and openpyxl: each is shown as text (apostrophe in front), no XLSX cell is a
formula, and numbers and dates stay numbers and dates.
"""

from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from casefiles.demo import demo_rows
from casefiles.reclassify import reclassify_file
from matrix.load import Matrix
from matrix.safe_text import spreadsheet_cell, xlsx_text
from tallies.count import tally, write_tally

TODAY = date(2025, 9, 1)
HOSTILE = ["=HYPERLINK(\"http://x\";\"klikk\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1"]
NUMBERS = ["-3", "+4", "12", "-4,5"]


def hostile_export(path: Path, matrix: Matrix) -> list[dict[str, Any]]:
    """Demo rows with a hostile free-text answer and an extra column; one row whose hostile
    person id is rejected."""
    rows = list(demo_rows(len(HOSTILE) + len(NUMBERS) + 1, 3, matrix, today=TODAY))
    values = HOSTILE + NUMBERS
    for row, value in zip(rows, values, strict=False):
        row["brukers_onske"] = value
        row["notat"] = value
    rows[-1]["notat"] = "ok"
    rows[-1]["person_id"] = "=1+2"
    rows[-1]["boevne"] = "=9"  # not a level: the row is rejected, its id quoted in the rejects file
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file, delimiter=";")
        writer.writerow(list(rows[0]))
        writer.writerows(row.values() for row in rows)
    return rows


def neutral(value: Any) -> bool:
    """What a spreadsheet shows as text: not starting with a formula trigger."""
    return not (isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r") and value not in NUMBERS)


def test_the_gate_leaves_numbers_and_neutralises_the_rest() -> None:
    assert [spreadsheet_cell(v) for v in NUMBERS] == NUMBERS
    assert all(spreadsheet_cell(v) == "'" + v for v in HOSTILE)
    assert spreadsheet_cell(7) == 7
    assert xlsx_text("\x01=1+1") == "'=1+1"  # the control goes first: no formula is left behind
    assert xlsx_text("a\x00b\x1fc") == "abc"


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_reclassify_output_and_rejects_are_neutral(suffix: str, tmp_path: Path, matrix: Matrix) -> None:
    hostile_export(tmp_path / "eksport.csv", matrix)
    outcome = reclassify_file(tmp_path / "eksport.csv", tmp_path / f"ut{suffix}", matrix, today=TODAY)
    assert outcome.stats.rejected == 1
    if suffix == ".csv":
        with (tmp_path / "ut.csv").open(encoding="utf-8-sig", newline="") as file:
            out = list(csv.DictReader(file, delimiter=";"))
        written = [(row["brukers_onske"], row["notat"]) for row in out]
    else:
        sheet = load_workbook(tmp_path / "ut.xlsx")["Data"]
        header = [c.value for c in sheet[1]]
        assert not any(c.data_type == "f" for row in sheet.iter_rows() for c in row), "no formula anywhere"
        out = [dict(zip(header, (c.value for c in row), strict=True)) for row in sheet.iter_rows(min_row=2)]
        written = [(row["brukers_onske"].replace("\n", "\r"), row["notat"].replace("\n", "\r")) for row in out]  # XML reads CR as LF
    expected = [("'" + v, "'" + v) for v in HOSTILE] + [(v, v) for v in NUMBERS]
    assert sorted(written) == sorted(expected)
    with outcome.rejects.open(encoding="utf-8-sig", newline="") as file:
        rejects = list(csv.DictReader(file, delimiter=";"))
    assert rejects and all(r["person_id"] == "'=1+2" for r in rejects)


def test_xlsx_output_a_planner_can_use_at_once(tmp_path: Path, matrix: Matrix) -> None:
    rows = list(demo_rows(30, 5, matrix, today=TODAY))
    rows[0]["brukers_onske"] = "bo nær\x07 familien\x1b]0;tittel\x07"  # controls XML cannot hold: removed, never a crash
    with (tmp_path / "eksport.csv").open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file, delimiter=";")
        writer.writerow(list(rows[0]))
        writer.writerows(row.values() for row in rows)
    reclassify_file(tmp_path / "eksport.csv", tmp_path / "ut.xlsx", matrix, today=TODAY)
    sheet = load_workbook(tmp_path / "ut.xlsx")["Data"]
    header = [c.value for c in sheet[1]]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:{sheet.cell(row=1, column=len(header)).column_letter}{len(rows) + 1}"
    assert all(c.font.bold for c in sheet[1])
    first = {name: c for name, c in zip(header, sheet[2], strict=True)}
    assert isinstance(first["gruppe"].value, int) and isinstance(first["boevne"].value, int)
    assert isinstance(first["vurdert_dato"].value, datetime)
    assert first["vurdert_dato"].value.date() == date.fromisoformat(rows[0]["vurdert_dato"])
    assert first["vurdert_dato"].number_format == "dd.mm.yyyy"
    assert first["brukers_onske"].value == "bo nær familien]0;tittel"


def test_tally_exports_are_neutral(tmp_path: Path, matrix: Matrix) -> None:
    """A district the matrix does not know keeps its raw name in a tally: it is data too."""
    records = [{"bydel": name, "gruppe": 4, "dekning": "udekket"} for name in HOSTILE for _ in range(6)]
    result = tally(records, ("bydel", "gruppe"), matrix)
    for publish in (False, True):
        write_tally(tmp_path / "t.csv", result, publish=publish)
        with (tmp_path / "t.csv").open(encoding="utf-8-sig", newline="") as file:
            cells = [c for row in csv.reader(file, delimiter=";") for c in row]
        assert all(neutral(c) for c in cells)
        assert {"'" + name.strip() for name in HOSTILE} <= set(cells)  # tallies strip district names
        write_tally(tmp_path / "t.xlsx", result, publish=publish)
        book = load_workbook(tmp_path / "t.xlsx")
        for sheet in book.worksheets:
            assert not any(c.data_type == "f" for row in sheet.iter_rows() for c in row)
            assert all(neutral(c.value) for row in sheet.iter_rows() for c in row)
        counts = book.worksheets[0]
        assert counts.auto_filter.ref and counts.freeze_panes == "B2"
        totals = [c.value for c in counts[counts.max_row]]
        assert isinstance(totals[-1], int)  # numbers stay numbers
