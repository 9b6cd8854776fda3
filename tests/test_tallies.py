"""Tallies: exact counts against an independent count of the same file, unmet need against
the matrix's supply figures, and publishing that no reader can undo from the totals."""

from __future__ import annotations

import csv
import json
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from casefiles.demo import demo_rows
from casefiles.reclassify import reclassify_file
from matrix.load import Matrix
from tallies.count import TALLY_KEYS, Tally, age_group, tally, write_tally
from tallies.export import HIDDEN, SMALL, json_cells, shown_views
from tallies.from_files import count_file
from tallies.need import unmet_need

YEAR = 2025


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory, matrix: Matrix) -> tuple[Path, Path]:
    """A demo export (unclassified) and its reclassified output."""
    folder = tmp_path_factory.mktemp("tally")
    export = folder / "eksport.csv"
    rows = list(demo_rows(3000, 11, matrix))
    rows[5]["bydel"] = "grunerlokka"  # another spelling of a district: counted under its canonical name
    with export.open("w", encoding="utf-8-sig", newline="") as file:
        writer = csv.writer(file, delimiter=";")
        writer.writerow(list(rows[0]))
        writer.writerows(row.values() for row in rows)
    reclassify_file(export, folder / "klassifisert.csv", matrix)
    return export, folder / "klassifisert.csv"


def classified_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as file:
        return list(csv.DictReader(file, delimiter=";"))


def independent_count(rows: list[dict[str, str]], by: tuple[str, ...], matrix: Matrix) -> Counter[tuple[Any, ...]]:
    counts: Counter[tuple[Any, ...]] = Counter()
    for row in rows:
        district = matrix.districts.resolve(row["bydel"])
        assert district is not None
        values = {**row, "bydel": district.navn, "gruppe": int(row["gruppe"]), "kjonn": row["kjonn"].lower() or "ukjent",
                  "aldersgruppe": age_group(row["fodselsar"], YEAR) if row["fodselsar"] else "ukjent"}
        counts[tuple(values[k] for k in by)] += 1
    return counts


@pytest.mark.parametrize("by", [("bydel", "gruppe"), ("gruppe",), ("dekning", "boligtype"), ("ansvar", "boligstandard", "kjonn"),
                                ("aldersgruppe",), ("bydel", "dekning", "gruppe")])
def test_counts_equal_an_independent_count(by: tuple[str, ...], files: tuple[Path, Path], matrix: Matrix) -> None:
    rows = classified_rows(files[1])
    expected = independent_count(rows, by, matrix)
    result = tally(rows, by, matrix, year=YEAR)
    got = {tuple(cell[k] for k in by): cell["antall"] for cell in result.to_json()}
    assert {k: v for k, v in got.items() if v} == dict(expected)
    assert sum(got.values()) == len(rows) == result.total
    assert all(list(cell) == [*by, "antall"] for cell in result.to_json())


def test_unclassified_and_classified_files_give_the_same_tally(files: tuple[Path, Path], matrix: Matrix) -> None:
    from_export, from_output = Tally.empty(TALLY_KEYS[:6], matrix, YEAR), Tally.empty(TALLY_KEYS[:6], matrix, YEAR)
    assert count_file(files[0], from_export, matrix) == 0
    assert count_file(files[1], from_output, matrix) == 0
    assert from_export.to_json() == from_output.to_json()
    assert from_export.total == 3000


def test_districts_by_canonical_name_in_number_order(files: tuple[Path, Path], matrix: Matrix) -> None:
    result = tally(classified_rows(files[1]), ("bydel",), matrix)
    names = [cell["bydel"] for cell in result.to_json()]
    assert names == matrix.districts.names()
    assert "grunerlokka" not in names


def test_the_default_table_has_row_and_column_totals(files: tuple[Path, Path], matrix: Matrix) -> None:
    rows = classified_rows(files[1])
    table = tally(rows, ("bydel", "gruppe"), matrix).district_group_table()
    expected = independent_count(rows, ("bydel", "gruppe"), matrix)
    assert table.total == len(rows)
    for i, (district,) in enumerate(table.rows):
        assert table.row_totals[i] == sum(n for (d, _), n in expected.items() if d == district)
    for j, group in enumerate(table.columns):
        assert table.column_totals[j] == sum(n for (_, g), n in expected.items() if g == group)


def test_unmet_need_against_the_supply_in_the_matrix(files: tuple[Path, Path], matrix: Matrix) -> None:
    rows = classified_rows(files[1])
    result = tally(rows, ("bydel", "gruppe"), matrix)
    lines = unmet_need(result, date(2024, 6, 30))
    colocated = [line for line in lines if line.kategori == "samlokaliserte" and line.bydel is not None]
    groups = matrix.data.samlokaliserte_boliger.sammenlignes_med.grupper
    for need in colocated:
        persons = [r for r in rows if matrix.districts.resolve(r["bydel"]).navn == need.bydel and int(r["gruppe"]) in groups]
        assert need.behov == len(persons)
        assert need.udekket == sum(1 for r in persons if r["dekning"] == "udekket")
        assert need.mangel == max(need.behov - need.tilbud, 0) and need.overskudd == max(need.tilbud - need.behov, 0)
    assert sum(n.tilbud for n in colocated) == 113
    vel = {line.grupper: line for line in lines if line.kategori != "samlokaliserte"}
    assert vel[(7,)].tilbud == 28 and vel[(6,)].tilbud == 63 + 22
    assert vel[(6,)].kategori == "Omsorgssentre + Omsorgssenter rusfri" and vel[(6,)].antatt and not vel[(7,)].antatt
    assert vel[(7,)].behov == sum(1 for r in rows if r["gruppe"] == "7")


def test_age_groups_follow_the_bands_in_the_data_file() -> None:
    assert age_group("2001", 2025) == "under 25"
    assert age_group("2000", 2025) == "25–34"
    assert age_group("1958", 2025) == "67 og eldre"
    assert age_group("x", 2025) == "ukjent"


# -- publishing -----------------------------------------------------------------------------


def test_json_cells_when_published(files: tuple[Path, Path], matrix: Matrix) -> None:
    result = tally(classified_rows(files[1]), ("bydel", "gruppe"), matrix)
    plain, published = result.to_json(), json_cells(result, publish=True)
    assert len(plain) == len(published) == 15 * 7
    for before, after in zip(plain, published, strict=True):
        if after["antall"] == SMALL:
            assert 1 <= before["antall"] <= 4
        elif after["antall"] != HIDDEN:
            assert after["antall"] == before["antall"] and not 1 <= before["antall"] <= 4


def test_published_need_figures_equal_the_counts_they_add_up(files: tuple[Path, Path], matrix: Matrix) -> None:
    """The need per district is published whenever that is safe, even where its parts are hidden;
    a hidden need hides its shortfall and surplus."""
    result = tally(classified_rows(files[1])[:400], ("bydel", "gruppe"), matrix)
    views = {view.title: view for view in shown_views(result, publish=True, lang="nb")}
    need = next(view for title, view in views.items() if title.startswith("Samlokaliserte boliger: behov mot tilbud"))
    exact = {line.bydel: line.behov for line in unmet_need(result) if line.bydel is not None}
    assert any(isinstance(row[2], int) for row in need.rows[:-1]), "some district's need is published"
    for row in need.rows[:-1]:
        if isinstance(row[2], int):
            assert row[2] == exact[row[0]]
        else:
            assert row[2] in (SMALL, HIDDEN) and row[5] == row[6] == HIDDEN

def test_xlsx_has_a_sheet_per_view_and_an_explanation(files: tuple[Path, Path], matrix: Matrix, tmp_path: Path) -> None:
    result = tally(classified_rows(files[1]), ("bydel", "gruppe"), matrix)
    write_tally(tmp_path / "behov.xlsx", result, publish=True)
    book = load_workbook(tmp_path / "behov.xlsx")
    # Published: no coverage sheet, which would give back hidden counts (groups 4+5 per district).
    assert book.sheetnames == ["Antall", "Behov samlokalisert", "Behov VEL", "Forklaring"]
    sheet = book["Antall"]
    assert sheet["A1"].value == "bydel" and sheet["A1"].font.bold
    assert sheet.cell(row=sheet.max_row, column=1).value == "Totalt"
    assert sheet.freeze_panes == "B2"
    counts = [c for row in sheet.iter_rows(min_row=2, min_col=2, values_only=True) for c in row]
    assert not any(isinstance(c, int) and 1 <= c <= 4 for c in counts)
    explained = [row[0] for row in book["Forklaring"].iter_rows(values_only=True)]
    assert "bydel" in explained and "dekning" in explained
    write_tally(tmp_path / "intern.xlsx", result)
    internal = load_workbook(tmp_path / "intern.xlsx")
    assert internal.sheetnames == ["Antall", "Dekning", "Behov samlokalisert", "Behov VEL", "Forklaring"]
    assert internal["Dekning"].column_dimensions["B"].width > 20


def test_published_output_has_no_second_table_that_undoes_the_first(files: tuple[Path, Path], matrix: Matrix) -> None:
    result = tally(classified_rows(files[1])[:400], ("bydel", "gruppe"), matrix)
    titles = [view.sheet or view.title for view in shown_views(result, publish=True, lang="nb")]
    assert titles == ["Antall", "Behov samlokalisert", "Behov VEL"]
    other = tally(classified_rows(files[1])[:400], ("gruppe", "dekning"), matrix)
    assert len(shown_views(other, publish=True, lang="nb")) == 1


def test_csv_is_the_by_table_with_totals(files: tuple[Path, Path], matrix: Matrix, tmp_path: Path) -> None:
    rows = classified_rows(files[1])
    result = tally(rows, ("gruppe", "dekning"), matrix)
    write_tally(tmp_path / "behov.csv", result)
    assert (tmp_path / "behov.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    with (tmp_path / "behov.csv").open(encoding="utf-8-sig", newline="") as file:
        table = list(csv.reader(file, delimiter=";"))
    assert table[0] == ["gruppe", "dekket", "udekket", "overdekket", "ukjent", "Totalt"]
    assert table[-1][0] == "Totalt" and int(table[-1][-1]) == len(rows)
    assert json.dumps(table).count("Totalt") == 2
