"""Reclassifying real export files: every shape, every kind of bad row, and the fast path held
to the simple one row for row."""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook

from casefiles.batch import RESULT_COLUMNS, read_assessments
from casefiles.demo import demo_rows
from casefiles.messages import CaseFileError
from casefiles.reclassify import reclassify_file
from matrix.load import Matrix
from rules import Classifier

FIXTURES = Path(__file__).parent / "fixtures" / "files"
TODAY = date(2025, 9, 1)
CSV_SHAPES = {  # file → (encoding, delimiter), as an independent reader must be told
    "eksport_cp1252.csv": ("cp1252", ";"),
    "eksport_bom_semikolon.csv": ("utf-8-sig", ";"),
    "eksport_komma.csv": ("utf-8", ","),
    "eksport_tab.csv": ("utf-8", "\t"),
}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def records(path: Path, encoding: str, delimiter: str) -> Iterator[tuple[int, dict[str, str]]]:
    """(rad, row) for every non-blank data record, read with the csv module directly."""
    with path.open(encoding=encoding, newline="") as file:
        rows = list(csv.reader(file, delimiter=delimiter))
    header = [name.lower() if name.lower() in ("person_id", "bydel", "boevne", "rus") else name for name in rows[0]]
    for rad, cells in enumerate(rows[1:], start=1):
        if cells:
            yield rad, dict(zip(header, cells, strict=True))


def read_csv(path: Path, delimiter: str) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "CSV output starts with a UTF-8 BOM"
    with path.open(encoding="utf-8-sig", newline="") as file:
        return list(csv.DictReader(file, delimiter=delimiter))


def expectation(row: dict[str, str]) -> set[str] | None:
    """None for a row that must be classified, else the fields it must be rejected for."""
    wanted = row["forventet"]
    return None if wanted == "ok" else set(wanted.removeprefix("avvist:").split(","))


def check_against_expectations(expected: list[tuple[int, dict[str, str]]], output: list[dict[str, str]],
                               rejects: list[dict[str, str]]) -> None:
    by_rad: dict[int, set[str]] = {}
    for line in rejects:
        by_rad.setdefault(int(line["rad"]), set()).add(line["felt"])
    good = [row for _, row in expected if expectation(row) is None]
    assert [row["person_id"] for row in output] == [row["person_id"] for row in good]
    for (rad, row) in expected:
        fields = expectation(row)
        if fields is None:
            assert rad not in by_rad, (rad, by_rad.get(rad))
        else:
            assert by_rad.get(rad) == fields, (rad, row["person_id"])
    for got, sent in zip(output, good, strict=True):  # extra columns pass through unchanged
        for name in ("Merknad fra saksbehandler", "brukers_onske"):
            assert got.get(name, "") == str(sent.get(name, ""))
        assert got["gruppe"].isdigit() and got["regel"]


@pytest.mark.parametrize("name", sorted(CSV_SHAPES))
def test_every_csv_shape(name: str, matrix: Matrix, tmp_path: Path) -> None:
    encoding, delimiter = CSV_SHAPES[name]
    source = FIXTURES / name
    before = sha256(source)
    outcome = reclassify_file(source, tmp_path / "ut.csv", matrix, today=TODAY)
    assert sha256(source) == before
    stats = outcome.stats
    expected = list(records(source, encoding, delimiter))
    assert stats.rows == len(expected) == stats.classified + stats.rejected
    assert stats.blank == 1
    output = read_csv(tmp_path / "ut.csv", delimiter)
    rejects = read_csv(tmp_path / "ut.avvist.csv", delimiter)
    assert list(rejects[0]) == ["rad", "person_id", "felt", "feil"]
    check_against_expectations(expected, output, rejects)
    assert stats.rejected == len({r["rad"] for r in rejects})
    assert (tmp_path / "ut.csv").read_bytes().count(b"\r\n") >= len(output) + 1


def test_cp1252_letters_survive(matrix: Matrix, tmp_path: Path) -> None:
    reclassify_file(FIXTURES / "eksport_cp1252.csv", tmp_path / "ut.csv", matrix, today=TODAY)
    text = (tmp_path / "ut.csv").read_text(encoding="utf-8-sig")
    assert "Vil bo nær søsteren; gjerne i «Sagene»,\nikke i sentrum" in text
    assert "Søndre Nordstrand" in text


def test_mapping_renames_another_systems_headers(matrix: Matrix, tmp_path: Path) -> None:
    outcome = reclassify_file(FIXTURES / "eksport_andre_navn.csv", tmp_path / "ut.csv", matrix,
                              mapping_path=FIXTURES / "kolonner.toml", today=TODAY)
    expected = list(records(FIXTURES / "eksport_bom_semikolon.csv", "utf-8-sig", ";"))
    output = read_csv(tmp_path / "ut.csv", ";")
    assert "person_id" in output[0] and "Løpenummer" not in output[0]
    check_against_expectations(expected, output, read_csv(tmp_path / "ut.avvist.csv", ";"))
    assert outcome.missing_columns == []


def test_without_the_mapping_the_missing_columns_are_named_and_nothing_is_written(matrix: Matrix, tmp_path: Path) -> None:
    with pytest.raises(CaseFileError) as error:
        reclassify_file(FIXTURES / "eksport_andre_navn.csv", tmp_path / "ut.csv", matrix, today=TODAY)
    assert "person_id, bydel, tilsynsbehov" in error.value.message("nb") and "--mapping" in error.value.message("nb")
    assert not list(tmp_path.iterdir())


def test_jsonl_with_unreadable_lines(matrix: Matrix, tmp_path: Path) -> None:
    source = FIXTURES / "eksport.jsonl"
    lines = source.read_text(encoding="utf-8").splitlines()
    expected = [(rad, json.loads(line)) for rad, line in enumerate(lines, start=1) if line.startswith("{") and line.endswith("}")]
    outcome = reclassify_file(source, tmp_path / "ut.jsonl", matrix, today=TODAY)
    output = [json.loads(line) for line in (tmp_path / "ut.jsonl").read_text(encoding="utf-8").splitlines()]
    rejects = read_csv(tmp_path / "ut.avvist.csv", ";")
    unreadable = [r for r in rejects if r["felt"] == "rad"]
    assert [int(r["rad"]) for r in unreadable] == [4, 5]
    check_against_expectations(expected, [{k: str(v) for k, v in row.items()} for row in output],
                               [r for r in rejects if r["felt"] != "rad"])
    assert outcome.stats.rows == len(expected) + 2 == outcome.stats.classified + outcome.stats.rejected
    first = output[0]
    assert first["boevne"] == 1 and first["vold_trusler"] is False  # JSON types pass through
    assert isinstance(first["gruppe"], int) and isinstance(first["merknader"], list)
    assert "livskvalitet" not in first  # a key the row lacks stays absent


def write_xlsx(path: Path) -> list[tuple[int, dict[str, str]]]:
    """The comma fixture as an openpyxl workbook, with typed cells as Excel stores them."""
    expected = list(records(FIXTURES / "eksport_komma.csv", "utf-8", ","))
    with (FIXTURES / "eksport_komma.csv").open(encoding="utf-8", newline="") as file:
        rows = list(csv.reader(file))
    book = Workbook()
    sheet = book.active
    sheet.append(rows[0])
    for cells in rows[1:]:
        typed: list[Any] = []
        for name, value in zip(rows[0], cells, strict=False):
            if name in ("boevne", "rus", "atferd", "fodselsar") and value.isdigit():
                typed.append(float(value) if name == "rus" else int(value))
            elif name == "vurdert_dato" and len(value) == 10 and value[4] == "-":
                typed.append(datetime.fromisoformat(value))
            elif name == "vold_trusler" and value in ("ja", "nei"):
                typed.append(value == "ja")
            else:
                typed.append(value or None)
        sheet.append(typed)
    book.save(path)
    return expected


def test_xlsx_written_by_openpyxl(matrix: Matrix, tmp_path: Path) -> None:
    source = tmp_path / "eksport.xlsx"
    expected = write_xlsx(source)
    outcome = reclassify_file(source, tmp_path / "ut.xlsx", matrix, today=TODAY)
    sheet = load_workbook(tmp_path / "ut.xlsx", read_only=True).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    header = list(rows[0])
    output = [{h: ("" if v is None else str(v)) for h, v in zip(header, row, strict=False)} for row in rows[1:]]
    check_against_expectations(expected, output, read_csv(tmp_path / "ut.avvist.csv", ";"))
    assert outcome.stats.rows == len(expected) == outcome.stats.classified + outcome.stats.rejected
    assert isinstance(rows[1][header.index("gruppe")], int)
    assert header[-len(RESULT_COLUMNS) - 1 : -1] == list(RESULT_COLUMNS)


def test_same_input_gives_byte_identical_output(matrix: Matrix, tmp_path: Path) -> None:
    for target in ("a.csv", "b.csv"):
        reclassify_file(FIXTURES / "eksport_bom_semikolon.csv", tmp_path / target, matrix, today=TODAY)
    assert (tmp_path / "a.csv").read_bytes() == (tmp_path / "b.csv").read_bytes()
    assert (tmp_path / "a.avvist.csv").read_bytes() == (tmp_path / "b.avvist.csv").read_bytes()


def test_manifest_traces_input_and_rules(matrix: Matrix, tmp_path: Path) -> None:
    source = FIXTURES / "eksport_komma.csv"
    outcome = reclassify_file(source, tmp_path / "ut.csv", matrix, today=TODAY)
    manifest = json.loads((tmp_path / "ut.csv.manifest.json").read_text(encoding="utf-8"))
    assert manifest["inndata"]["sha256"] == sha256(source)
    assert manifest["matrise"] == {"fil": matrix.path, "versjon": matrix.version, "sha256": matrix.sha256}
    assert manifest["antall"] == {"lest": 19, "klassifisert": outcome.stats.classified, "avvist": outcome.stats.rejected,
                                  "feil": outcome.stats.errors, "tomme_rader": 1}
    assert manifest["dato_brukt"] == TODAY.isoformat()
    assert manifest["start"] <= manifest["slutt"]


def test_reclassifying_an_output_replaces_the_result_columns(matrix: Matrix, tmp_path: Path) -> None:
    reclassify_file(FIXTURES / "eksport_komma.csv", tmp_path / "en.csv", matrix, today=TODAY)
    reclassify_file(tmp_path / "en.csv", tmp_path / "to.csv", matrix, today=TODAY)
    first, second = read_csv(tmp_path / "en.csv", ","), read_csv(tmp_path / "to.csv", ",")
    assert list(first[0]) == list(second[0])
    assert first == second


def test_input_that_cannot_be_read(matrix: Matrix, tmp_path: Path) -> None:
    with pytest.raises(CaseFileError) as missing:
        reclassify_file(tmp_path / "finnes-ikke.csv", tmp_path / "ut.csv", matrix)
    assert "finnes-ikke.csv" in missing.value.message("nb")
    (tmp_path / "tom.csv").write_text("", encoding="utf-8")
    with pytest.raises(CaseFileError):
        reclassify_file(tmp_path / "tom.csv", tmp_path / "ut.csv", matrix)
    (tmp_path / "dobbel.csv").write_text("person_id;bydel;Bydel\nP;Alna;Alna\n", encoding="utf-8")
    with pytest.raises(CaseFileError) as double:
        reclassify_file(tmp_path / "dobbel.csv", tmp_path / "ut.csv", matrix)
    assert "bydel" in double.value.message("en")
    (tmp_path / "binær.csv").write_bytes(b"person_id;bydel\n\x81\x8d\x8f;x\n")
    with pytest.raises(CaseFileError):
        reclassify_file(tmp_path / "binær.csv", tmp_path / "ut.csv", matrix)
    with pytest.raises(CaseFileError):
        reclassify_file(FIXTURES / "eksport_komma.csv", tmp_path / "ut.txt.pdf", matrix)
    assert not list(tmp_path.glob("ut*")) and not list(tmp_path.glob(".ut*"))


def test_the_input_is_never_the_output(matrix: Matrix, tmp_path: Path) -> None:
    source = tmp_path / "eksport.csv"
    source.write_bytes((FIXTURES / "eksport_komma.csv").read_bytes())
    with pytest.raises(CaseFileError):
        reclassify_file(source, source, matrix)
    assert source.read_bytes() == (FIXTURES / "eksport_komma.csv").read_bytes()


def test_unterminated_quote_is_an_unreadable_file_and_nothing_is_written(matrix: Matrix, tmp_path: Path) -> None:
    source = tmp_path / "brutt.csv"
    text = (FIXTURES / "eksport_komma.csv").read_text(encoding="utf-8")
    source.write_text(text + 'P-x,"Alna' + "x" * 200_000 + "\n", encoding="utf-8")
    with pytest.raises(CaseFileError) as error:
        reclassify_file(source, tmp_path / "ut.csv", matrix)
    assert "21" in error.value.message("nb")  # the data row where reading broke
    assert not (tmp_path / "ut.csv").exists() and not list(tmp_path.glob(".ut*"))


# -- the fast path against the simple one --------------------------------------------------


Results = tuple[list[dict[str, Any]], list[tuple[int, str, str]]]


def simple_results(path: Path, matrix: Matrix, mapping: Path | None = None) -> Results:
    """Output result cells and reject lines as read_assessments + Classifier.classify give them."""
    classifier = Classifier(matrix)
    good: list[dict[str, Any]] = []
    bad: list[tuple[int, str, str]] = []
    for result in read_assessments(path, matrix, mapping=None if mapping is None else _mapping(mapping)):
        if result.errors:
            bad += [(result.rad, error.felt, error.message("nb")) for error in result.errors]
            continue
        assert result.assessment is not None
        c = classifier.classify(result.assessment, today=TODAY)
        good.append({
            "person_id": result.person_id, "gruppe": c.gruppe, "regel": c.regel, "boligtype": c.boligtype,
            "boligstandard": c.boligstandard, "bemanning": c.bemanning, "beliggenhet": c.beliggenhet, "ansvar": c.ansvar,
            "dekning": c.dekning, "advarsler": [f.kode for f in c.advarsler], "merknader": [f.tekst for f in c.merknader],
        })
    return good, bad


def _mapping(path: Path) -> Any:
    from casefiles.mapping import ColumnMapping

    return ColumnMapping.load(path)


def fast_results(path: Path, matrix: Matrix, tmp_path: Path, mapping: Path | None = None) -> Results:
    reclassify_file(path, tmp_path / "fast.jsonl", matrix, mapping_path=mapping, today=TODAY)
    keys = ("person_id", *RESULT_COLUMNS)
    good = []
    for line in (tmp_path / "fast.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        good.append({k: (str(row[k]).strip() if k == "person_id" else row[k]) for k in keys})
    rejects = read_csv(tmp_path / "fast.avvist.csv", _delimiter_of(tmp_path / "fast.avvist.csv"))
    return good, [(int(r["rad"]), r["felt"], r["feil"]) for r in rejects]


def _delimiter_of(path: Path) -> str:
    header = path.read_text(encoding="utf-8-sig").splitlines()[0]
    return next(d for d in (";", ",", "\t") if d in header)


def with_trouble(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """Demo rows with every kind of damage sprinkled in: the fast path must hand each to the general one."""
    damaged = [dict(row) for row in rows]
    edits = [
        ("boevne", "0"), ("bydel", "Narnia"), ("vurdert_dato", "2024-13-01"), ("tidligere_gruppe", "8"),
        ("fodselsar", "år"), ("vold_trusler", "tja"), ("person_id", " "), ("person_id", "01818510079"),
        ("person_id", "01818510078"), ("boligsituasjon", "slott"), ("livskvalitet", "9"), ("institusjonsinntak_12m", "mange"),
        ("tilsynsbehov", "HELDØGN"), ("person_id", " D0000001 "), ("rus", " 3 "), ("bydel", "ST HANSHAUGEN"),
    ]
    for i, (name, value) in enumerate(edits):
        damaged[7 + 13 * i][name] = value
    damaged[300]["person_id"] = damaged[200]["person_id"]
    damaged[300]["vurdert_dato"] = damaged[200]["vurdert_dato"]  # a duplicate
    damaged[301]["person_id"] = damaged[202]["person_id"]  # same person, another date: kept
    damaged[302] = {name: "" for name in damaged[302]}  # blank row
    return damaged


@pytest.mark.parametrize("shape", ["csv-semikolon", "csv-komma-sitert", "jsonl", "xlsx"])
def test_fast_path_equals_the_simple_path(shape: str, matrix: Matrix, tmp_path: Path) -> None:
    rows = with_trouble(list(demo_rows(1500, 3, matrix, today=TODAY)))
    source = tmp_path / ("inn.jsonl" if shape == "jsonl" else "inn.xlsx" if shape == "xlsx" else "inn.csv")
    if shape == "jsonl":
        source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    elif shape == "xlsx":
        book = Workbook()
        book.active.append(list(rows[0]))
        for row in rows:
            book.active.append([int(v) if v.isdigit() and len(v) < 6 else (v or None) for v in row.values()])
        book.save(source)
    else:
        quoting = csv.QUOTE_ALL if shape == "csv-komma-sitert" else csv.QUOTE_MINIMAL
        with source.open("w", encoding="utf-8", newline="") as file:
            writer = csv.writer(file, delimiter="," if quoting == csv.QUOTE_ALL else ";", quoting=quoting)
            writer.writerow(list(rows[0]))
            writer.writerows(row.values() for row in rows)
    fast_good, fast_bad = fast_results(source, matrix, tmp_path)
    simple_good, simple_bad = simple_results(source, matrix)
    assert fast_bad == simple_bad
    assert fast_good == simple_good
    assert len(fast_bad) == 12 and len(fast_good) == 1500 - 12 - 1  # one blank row


@pytest.mark.parametrize("name", [*sorted(CSV_SHAPES), "eksport.jsonl"])
def test_fast_path_equals_the_simple_path_on_the_fixtures(name: str, matrix: Matrix, tmp_path: Path) -> None:
    assert fast_results(FIXTURES / name, matrix, tmp_path) == simple_results(FIXTURES / name, matrix)


def test_fast_csv_writing_equals_csv_writer(matrix: Matrix, tmp_path: Path) -> None:
    """Rows the fast path writes as their own text must be byte for byte what csv.writer writes."""
    rows = list(demo_rows(500, 5, matrix, today=TODAY))
    rows[3]["brukers_onske"] = 'Sier "nei takk", vil bo alene'
    rows[4]["brukers_onske"] = "linje 1\r\nlinje 2"
    rows[5]["brukers_onske"] = "  mellomrom  "
    source = tmp_path / "inn.csv"
    with source.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file, delimiter=";")
        writer.writerow(list(rows[0]))
        writer.writerows(row.values() for row in rows)
    reclassify_file(source, tmp_path / "ut.csv", matrix, today=TODAY)
    with (tmp_path / "ut.csv").open(encoding="utf-8-sig", newline="") as file:
        parsed = list(csv.reader(file, delimiter=";"))
    again = tmp_path / "igjen.csv"
    with again.open("w", encoding="utf-8-sig", newline="") as file:
        csv.writer(file, delimiter=";", lineterminator="\r\n").writerows(parsed)
    assert (tmp_path / "ut.csv").read_bytes() == again.read_bytes()
    assert parsed[5][list(rows[0]).index("brukers_onske")] == "linje 1\r\nlinje 2"


def test_progress_is_reported_as_the_file_is_read(matrix: Matrix, tmp_path: Path) -> None:
    rows = list(demo_rows(40_000, 2, matrix, today=TODAY))
    source = tmp_path / "inn.csv"
    with source.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file, delimiter=";")
        writer.writerow(list(rows[0]))
        writer.writerows(row.values() for row in rows)
    reports: list[tuple[int, int]] = []
    reclassify_file(source, tmp_path / "ut.csv", matrix, today=TODAY, progress=lambda done, total: reports.append((done, total)))
    assert len(reports) == 2  # every 16 384 rows
    assert all(total == source.stat().st_size for _, total in reports)
    assert 0 < reports[0][0] < reports[1][0] <= source.stat().st_size
