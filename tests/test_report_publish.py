"""`report --publish`: every count table of the published report under one disclosure control.

The independent attacker (tests/attacker.py) reads the whole published report at once (SPEC
6b cells of every table, each table with its unit) and knows what any reader knows beside
them: the keys' domains, and that a person's latest assessment is one of the assessments per
quarter (so persons in a district and group ≤ its assessments over all quarters, and those
assessed in the last quarter ≤ persons). No hidden cell may be pinned, on seeded data sets
from a handful of persons in one district to hundreds across all fifteen, with tiny groups,
one quarter or many. Each published count is also checked against a count made here from
the snapshots.
"""

from __future__ import annotations

import os
import random
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from attacker import attack
from openpyxl import load_workbook
from textual.widgets import Input
from tui_pilot import SIZE, make_app, pilot_test

from cli.main import main
from matrix.fields import DEKNING
from matrix.load import Matrix
from tallies.count import age_bands, publish_threshold
from tallies.history import DECLINED, SEXES, Snapshot
from tallies.report import build_report
from tallies.report_file import write_report
from tallies.report_publish import CLIQUES
from tests.test_indicators import fixture_rows, write_rows
from tui.screens.tallies import TalliesScreen

DATA_SETS = int(os.environ.get("REPORT_DISCLOSURE_SETS", "16"))
DAY = date(2026, 1, 1)
RULES = ("G7-behandling", "G6-risiko", "G5-heldogn", "G4-dagtid", "G3-daglig", "G2-ukentlig", "G1")
REASONS = ("ønsker å bo nær familien", "Ola Nordmann på Tøyen vil ikke bo i samlokalisert bolig", "")


def snapshots_for(seed: int, matrix: Matrix) -> list[Snapshot]:
    """A seeded caseload: 3 to 400 persons (log-uniform) in one, two, three or all districts,
    groups skewed so some are tiny, one to three assessments each over one or many quarters,
    moves, decisions and overrides."""
    rng = random.Random(seed)
    names = matrix.districts.names()
    districts = rng.choice([names[:1], names[:2], rng.sample(names, 3), names])
    persons = max(3, round(2 ** rng.uniform(1.6, 8.6)))
    quarters = rng.choice([1, 2, 6, 12])
    groups = [1, 2, 3, 4, 5, 6, 7]
    weights = [rng.choice([1, 5, 20]) for _ in groups]
    snapshots = []
    for n in range(persons):
        district = rng.choice(districts)
        birth = rng.choice([None, *range(1940, 2006)])
        sex = rng.choice(SEXES)
        day = date(2023, 1, 1) + timedelta(days=rng.randrange(0, 91 * quarters))
        for _ in range(rng.choice([1, 1, 2, 3])):
            group = rng.choices(groups, weights)[0]
            decided = rng.random() < 0.6
            overridden = decided and rng.random() < 0.3
            snapshots.append(Snapshot(
                f"P{n}", district, day, group, group if not overridden else max(1, group - 1), rng.choice(RULES), decided,
                overridden, rng.choice(REASONS) if overridden else "", rng.choice(["institusjon", "midlertidig", "ordinar_bolig"]),
                rng.choice([None, DECLINED, *range(1, 8)]), rng.choice([None, 0, 4, 10, 15]), sex, birth, rng.choice(DEKNING)))
            day += timedelta(days=rng.randrange(20, 200))
            if rng.random() < 0.2:
                district = rng.choice(districts)
    return snapshots


def domains_of(matrix: Matrix, published: dict[str, Any]) -> dict[str, list[Any]]:
    """What a reader knows each key can be: the matrix's districts and groups, the coverage
    states, sexes, age bands, answers; quarters and rules as the report names them."""
    named: dict[str, list[Any]] = {"kvartal": [], "regel": []}
    for table in published["tabeller"]:
        for cell in table["celler"]:
            for key in named:
                for value in (cell[key] if isinstance(cell.get(key), list) else [cell[key]]) if key in cell else []:
                    if value not in named[key]:
                        named[key].append(value)
    return {"bydel": matrix.districts.names(), "gruppe": sorted(matrix.groups), "dekning": list(DEKNING), "kjonn": list(SEXES),
            "aldersgruppe": [name for name, _ in age_bands()] + ["ukjent"], "inntak10": ["ja", "nei"],
            "livskvalitet": [*range(1, 8), DECLINED, "ubesvart"], "kvartal": sorted(named["kvartal"]), "regel": named["regel"],
            "overstyrt": ["ja", "nei"]}


def relations_of(matrix: Matrix, published: dict[str, Any], district: str | None) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    quarters = domains_of(matrix, published)["kvartal"]
    assessed = sorted({c["kvartal"] for t in published["tabeller"] if t["navn"] == "kvartal_gruppe" for c in t["celler"] if "kvartal" in c})
    if not quarters or not assessed:
        return []
    found = []
    for place in [district] if district else matrix.districts.names():
        for group in sorted(matrix.groups):
            persons = {"enhet": "personer", "bydel": place, "gruppe": group}
            assessments = {"enhet": "vurderinger", "bydel": place, "gruppe": group}
            found += [(persons, assessments), ({**assessments, "kvartal": assessed[-1]}, persons)]
    return found


def cliques_of(district: str | None) -> dict[str, list[list[str]]]:
    """The key sets that meet in a cell, per unit; in a district's report every count names the district."""
    return CLIQUES if district is None else {"personer": CLIQUES["personer"]}


def true_persons(snapshots: list[Snapshot], year: int) -> list[dict[str, Any]]:
    """Persons by their latest assessment with a group, counted here the plain way."""
    latest: dict[str, Snapshot] = {}
    for snap in snapshots:
        if snap.gruppe is None:
            continue
        if snap.person not in latest or (snap.vurdert_dato or date.min) >= (latest[snap.person].vurdert_dato or date.min):
            latest[snap.person] = snap
    bands = [(band, upper) for band, upper in age_bands()]

    def band(birth: int | None) -> str:
        if birth is None:
            return "ukjent"
        return next(name for name, upper in bands if upper is None or year - birth <= upper)

    return [{"bydel": s.bydel, "gruppe": s.gruppe, "dekning": s.dekning, "kjonn": s.kjonn, "aldersgruppe": band(s.fodselsar),
             "inntak10": "ja" if (s.inntak or 0) >= 10 else "nei",
             "livskvalitet": s.livskvalitet if s.livskvalitet is not None else "ubesvart"} for s in latest.values()]


def matches(record: dict[str, Any], cell: dict[str, Any]) -> bool:
    return all(record[k] in (v if isinstance(v, list) else [v]) for k, v in cell.items() if k != "antall")


def check_report(snapshots: list[Snapshot], matrix: Matrix, district: str | None) -> tuple[int, int]:
    report = build_report(snapshots, matrix, district, DAY, publish=True)
    published = report.publication.as_json()
    people = true_persons(snapshots, DAY.year)
    threshold = publish_threshold()
    cells = [cell for table in published["tabeller"] for cell in table["celler"]]
    for table in published["tabeller"]:
        for cell in table["celler"]:
            value = cell["antall"]
            assert isinstance(value, int) or value in ("<5", "x"), cell
            assert not (isinstance(value, int) and 1 <= value <= threshold), cell
            if table["enhet"] == "personer":
                truth = sum(matches(p, cell) for p in people)
                assert value == truth if isinstance(value, int) else (value == "x" or 1 <= truth <= threshold), (cell, truth)
    relations = relations_of(matrix, published, district)
    for cell, low, high in attack(published, domains_of(matrix, published), cliques_of(district), relations):
        assert low < high, f"pinned: {cell} ({len(snapshots)} assessments, district {district})"
    return sum(isinstance(c["antall"], int) for c in cells), len(cells)


@pytest.mark.slow
def test_no_hidden_cell_of_a_published_report_is_pinned(matrix: Matrix) -> None:
    shown = total = 0
    for seed in range(DATA_SETS):
        snapshots = snapshots_for(seed, matrix)
        district = snapshots[0].bydel if seed % 4 == 3 else None
        published, cells = check_report(snapshots, matrix, district)
        shown += published
        total += cells
    assert shown / total > 0.5


def test_a_tiny_caseload_in_one_district(matrix: Matrix) -> None:
    """Five persons in one district, one quarter: nearly everything small; nothing pinned."""
    rng = random.Random(3)
    snapshots = [Snapshot(f"T{n}", "Alna", date(2025, 3, 1 + n), rng.choice([4, 5]), 4, "G4-dagtid", True, False, "",
                          "midlertidig", rng.choice([1, 7]), 12, "kvinne", 1980, "udekket") for n in range(5)]
    check_report(snapshots, matrix, None)
    check_report(snapshots, matrix, "Alna")


def test_the_clique_model_pins_what_the_full_model_pins() -> None:
    """The attacker's (and tallies.atoms') decomposition is exact: with tables over a×b and
    b×c only, the clique model {a,b},{b,c} pins exactly the cells the full a×b×c model pins."""
    rng = random.Random(5)
    for _ in range(20):
        people = [(rng.randrange(3), rng.randrange(2), rng.randrange(3)) for _ in range(rng.randrange(3, 25))]
        cells = []
        for keys in (("a", "b"), ("b", "c"), ("a",), ("b",), ("c",), ()):
            for values in sorted({tuple(p[{"a": 0, "b": 1, "c": 2}[k]] for k in keys) for p in people}):
                cell = dict(zip(keys, values, strict=True))
                n = sum(all(p[{"a": 0, "b": 1, "c": 2}[k]] == v for k, v in cell.items()) for p in people)
                cells.append({**cell, "antall": "<5" if 1 <= n <= 4 else n})
        published = {"tabeller": [{"navn": "t", "celler": cells}]}
        domains = {"a": [0, 1, 2], "b": [0, 1], "c": [0, 1, 2]}
        full = [low == high for _, low, high in attack(published, domains)]
        split = [low == high for _, low, high in attack(published, domains, {"personer": [["a", "b"], ["b", "c"]]})]
        assert full == split


def test_a_published_report_prints_no_free_text_reason(matrix: Matrix, tmp_path: Path) -> None:
    """Reasons are free text that may describe a person: the published report prints none, even
    one given by many decisions; the internal report shows a reason given by enough of them."""
    snapshots = snapshots_for(11, matrix)
    many = [Snapshot(f"R{n}", "Sagene", date(2025, 5, 1), 6, 5, "G5-heldogn", True, True, REASONS[1], "institusjon", None, None,
                     "mann", 1970, "udekket") for n in range(12)]
    internal = build_report(snapshots + many, matrix, None, DAY)
    published = build_report(snapshots + many, matrix, None, DAY, publish=True)
    assert any(REASONS[1] in str(cell) for section in internal.sections for table in section.tables for row in table.rows
               for cell in row)
    for kind in ("html", "xlsx"):
        write_report(published, tmp_path / f"p.{kind}")
    text = (tmp_path / "p.html").read_text(encoding="utf-8")
    assert REASONS[1] not in text and REASONS[0] not in text
    book = load_workbook(tmp_path / "p.xlsx")
    assert not any(REASONS[1] in str(cell.value) for sheet in book for row in sheet.iter_rows() for cell in row if cell.value)


def test_report_publish_on_the_command_line(tmp_path: Path, matrix: Matrix) -> None:
    export = write_rows(tmp_path / "historikk.csv", fixture_rows())
    for name in ("p.html", "p.xlsx"):
        assert main(["report", str(export), "--dato", "2026-01-01", "--publish", "-o", str(tmp_path / name)]) == 0
    text = (tmp_path / "p.html").read_text(encoding="utf-8")
    assert "&lt;5" in text and "x = skjult" in text
    book = load_workbook(tmp_path / "p.xlsx")
    marks = [cell.value for sheet in book for row in sheet.iter_rows() for cell in row if cell.value in ("<5", "x")]
    assert marks  # 60 persons in three districts: small cells are there, and marked
    assert main(["report", str(export), "--publish", "--bydel", "Alna", "-o", str(tmp_path / "alna.html")]) == 0


@pilot_test
async def test_the_tallies_screen_writes_the_report_for_publication(tmp_path: Path, matrix: Matrix) -> None:
    app = make_app(tmp_path / "case.sqlite", matrix, demo=60)
    report = tmp_path / "publisert.html"
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TalliesScreen)
        await pilot.press("p")
        await pilot.pause()
        app.screen.query_one("#ask-text", Input).value = str(report)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.exported == report
    text = report.read_text(encoding="utf-8")
    assert "x = skjult" in text and "&lt;5" in text  # 60 persons over fifteen districts: small counts, marked


def test_a_district_report_counts_that_district_in_every_total(tmp_path: Path, matrix: Matrix) -> None:
    """Column totals of a district's equity tables are the district's, not the city's."""
    from tallies.history import snapshots_from_files

    export = write_rows(tmp_path / "historikk.csv", fixture_rows())  # 20 persons in each of three districts
    snapshots, _ = snapshots_from_files([export], matrix)
    report = build_report(snapshots, matrix, "Alna", DAY, publish=True)
    equity = next(section for section in report.sections if section.tables and section.tables[0].sheet == "Kjønn")
    for table in equity.tables:
        assert table.rows[-1][0] == "Totalt" and table.rows[-1][-1] == 20
    assert dict(report.facts)["Personer (siste kartlegging)"] == 20
