"""The columnar path against the general one: output, rejects and manifest byte for byte equal
(apart from times and the output's own name) on every CSV fixture under tests/, on damaged
demo files in many shapes, and on hypothesis-generated files; small chunks so that quoted
fields, duplicates and damage fall across chunk boundaries."""

from __future__ import annotations

import csv
import json
import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casefiles import arrow, columnar
from casefiles.demo import demo_rows
from casefiles.messages import CaseFileError
from casefiles.reclassify import reclassify_file
from matrix.fields import CANONICAL_FIELDS
from matrix.load import Matrix
from matrix.messages import Lang
from matrix.values import NATIONAL_ID_SHAPE, PLAIN_PERSON_ID, parse_person_id
from tallies.count import TALLY_KEYS, Tally
from tallies.from_files import count_file

TESTS = Path(__file__).parent
TODAY = date(2025, 9, 1)
FIXTURE_CSVS = sorted(p for p in TESTS.rglob("*.csv") if ".venv" not in p.parts)
MAPPING = TESTS / "fixtures" / "files" / "kolonner.toml"


def outputs(source: Path, matrix: Matrix, folder: Path, use_columnar: bool, mapping: Path | None = None,
            lang: Lang = "nb") -> dict[str, bytes]:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "ut.csv"
    reclassify_file(source, target, matrix, today=TODAY, mapping_path=mapping, columnar=use_columnar, lang=lang)
    manifest = json.loads((folder / "ut.csv.manifest.json").read_text(encoding="utf-8"))
    for key in ("start", "slutt", "utdata"):
        manifest.pop(key)
    return {"output": target.read_bytes(), "rejects": (folder / "ut.avvist.csv").read_bytes(),
            "manifest": json.dumps(manifest, sort_keys=True).encode()}


def assert_same(source: Path, matrix: Matrix, folder: Path, mapping: Path | None = None) -> dict[str, bytes]:
    try:
        general = outputs(source, matrix, folder / "general", False, mapping)
    except CaseFileError as refused:  # a file that cannot be used (tests/hostile): refused alike
        with pytest.raises(CaseFileError) as also:
            outputs(source, matrix, folder / "columnar", True, mapping)
        assert also.value.message("nb") == refused.message("nb")
        return {}
    fast = outputs(source, matrix, folder / "columnar", True, mapping)
    for key in fast:
        assert fast[key] == general[key], f"{key} differs for {source.name}"
    return fast


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_notes_are_written_in_words_alike_by_both_paths(lang: Lang, matrix: Matrix, tmp_path: Path, small_chunks: None) -> None:
    """`merknader` holds each note's text in the user's language, never its code (issue 11, item 8)."""
    rows = list(demo_rows(300, 11, matrix, today=TODAY))
    source = tmp_path / "inn.csv"
    with source.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file, delimiter=";")
        writer.writerow(list(rows[0]))
        writer.writerows(row.values() for row in rows)
    general = outputs(source, matrix, tmp_path / "general", False, lang=lang)
    fast = outputs(source, matrix, tmp_path / "columnar", True, lang=lang)
    assert fast == general
    notes = [row["merknader"] for row in csv.DictReader(general["output"].decode("utf-8-sig").splitlines(), delimiter=";")]
    texts = {flag.kode: flag.text(lang) for flag in matrix.data.merknad}
    assert any(texts["N-udekket"] in cell for cell in notes) and any(texts["N-avlastning"] in cell for cell in notes)
    assert not any(re.search(r"\bN-[a-z0-9]+", cell) for cell in notes)
    assert any(cell == f"{texts['N-avlastning']}; {texts['N-udekket']}" for cell in notes)  # sentences apart, in the flags' order


@pytest.fixture
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(columnar, "CHUNK_BYTES", 1500)


@pytest.mark.parametrize("source", FIXTURE_CSVS, ids=[str(p.relative_to(TESTS)) for p in FIXTURE_CSVS])
def test_every_csv_fixture(source: Path, matrix: Matrix, tmp_path: Path, small_chunks: None) -> None:
    assert_same(source, matrix, tmp_path)
    if source.name == "eksport_andre_navn.csv":
        assert_same(source, matrix, tmp_path / "med-mapping", MAPPING)


def damaged(matrix: Matrix, n: int = 400) -> list[list[str]]:
    """Demo rows with the damage real exports carry, at places that fall in different chunks."""
    rows = [list(row.values()) for row in demo_rows(n, 11, matrix, today=TODAY)]
    index = {name: i for i, name in enumerate(CANONICAL_FIELDS)}
    edits = [
        ("boevne", "0"), ("bydel", "Narnia"), ("vurdert_dato", "2024-13-01"), ("tidligere_gruppe", "8"), ("fodselsar", "år"),
        ("vold_trusler", "tja"), ("person_id", " "), ("person_id", "01818510079"), ("person_id", "01818510078"),
        ("boligsituasjon", "slott"), ("livskvalitet", "9"), ("institusjonsinntak_12m", "mange"), ("tilsynsbehov", "HELDØGN"),
        ("person_id", " D0000001 "), ("rus", " 3 "), ("bydel", "ST HANSHAUGEN"), ("brukers_onske", "=HYPERLINK(\"x\")"),
        ("brukers_onske", "-3"), ("brukers_onske", "+vil bo alene"), ("brukers_onske", "@SUM(A1)"), ("kjonn", "\tK"),
        ("brukers_onske", "linje 1\r\nlinje 2"), ("brukers_onske", 'sier "nei"; takk'), ("person_id", "=1+1"),
        ("person_id", "D-9\u202e"), ("brukers_onske", "   "), ("bydel", "bydel grunerlokka"), ("vurdert_dato", "01.02.2025"),
    ]
    for i, (name, value) in enumerate(edits):
        rows[5 + 11 * i][index[name]] = value
    rows[350][index["person_id"]], rows[350][index["vurdert_dato"]] = rows[20][index["person_id"]], rows[20][index["vurdert_dato"]]
    rows[351][index["person_id"]] = rows[21][index["person_id"]]  # same person, another date: kept
    rows[352][index["person_id"]], rows[352][index["vurdert_dato"]] = rows[352 - 300][index["person_id"]], ""
    rows[353][index["person_id"]], rows[353][index["vurdert_dato"]] = rows[352][index["person_id"]], ""  # duplicate, no date
    rows[360] = [""] * len(CANONICAL_FIELDS)  # blank
    rows[361] = rows[361][:5]  # short: padded
    rows[362] = [*rows[362], "", " "]  # long, blank extra cells: fine
    rows[363] = [*rows[363], "ekstra"]  # long with content: rejected
    return rows


def write(path: Path, rows: list[list[str]], delimiter: str = ";", quoting: int = csv.QUOTE_MINIMAL, encoding: str = "utf-8",
          line_end: str = "\r\n") -> None:
    with path.open("w", encoding=encoding, newline="") as file:
        writer = csv.writer(file, delimiter=delimiter, quoting=quoting, lineterminator=line_end)
        writer.writerow(list(CANONICAL_FIELDS))
        writer.writerows(rows)


SHAPES = {
    "semikolon-crlf": {},
    "komma-alt-sitert": {"delimiter": ",", "quoting": csv.QUOTE_ALL},
    "tab-lf": {"delimiter": "\t", "line_end": "\n"},
    "cp1252": {"encoding": "cp1252"},
    "utf8-bom": {"encoding": "utf-8-sig"},
}


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_damaged_demo_files(shape: str, matrix: Matrix, tmp_path: Path, small_chunks: None) -> None:
    rows = damaged(matrix)
    if shape == "cp1252":
        rows = [[cell.replace("\u202e", "") for cell in row] for row in rows]
    source = tmp_path / "inn.csv"
    write(source, rows, **SHAPES[shape])  # type: ignore[arg-type]
    found = assert_same(source, matrix, tmp_path)
    assert b"'=HYPERLINK" in found["output"] or b"=HYPERLINK" in found["output"]


def test_raw_lines_polars_and_csv_read_differently(matrix: Matrix, tmp_path: Path, small_chunks: None) -> None:
    """Blank lines, a lone carriage return, a NUL, a quote inside a field, an unclosed quote at the end."""
    rows = [list(row.values()) for row in demo_rows(120, 4, matrix, today=TODAY)]
    lines = [";".join(CANONICAL_FIELDS)] + [";".join(row) for row in rows]
    lines[10] = ""
    lines[20] = lines[20].replace(";kvinne;", ";kvi\rnne;").replace(";mann;", ";ma\rnn;")
    lines[30] = lines[30].replace(";", ';a"b;', 1)
    lines[40] = lines[40] + "\x00"
    lines[50] = ";;;;"
    lines[60] = lines[60].rsplit(";", 3)[0]
    source = tmp_path / "inn.csv"
    source.write_bytes(("\r\n".join(lines) + "\r\n" + 'P-x;"Alna').encode())
    assert_same(source, matrix, tmp_path)


def test_a_hash_collision_sends_the_file_to_the_general_path(matrix: Matrix, tmp_path: Path, small_chunks: None,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """Every key hashing alike: each cross-chunk 'duplicate' is checked, found false, and the
    file is done again the general way, with the same files as a result."""
    monkeypatch.setattr(arrow, "key_hash", lambda person_ids, days: arrow.pl.zeros(len(person_ids), dtype=arrow.pl.UInt64,
                                                                                    eager=True))
    source = tmp_path / "inn.csv"
    write(source, damaged(matrix))
    found = assert_same(source, matrix, tmp_path)
    assert found["output"].count(b"\r\n") > 150


def plain_ids(texts: list[str]) -> list[bool]:
    """Which texts the columnar path takes as plain person ids: decided by polars (Rust regex),
    checked here against Python's own full match of the same patterns."""
    found = (arrow.matches(arrow.pl.Series(texts, dtype=arrow.pl.String), PLAIN_PERSON_ID)
             & ~arrow.matches(arrow.pl.Series(texts, dtype=arrow.pl.String), NATIONAL_ID_SHAPE)).to_list()
    python = [re.fullmatch(PLAIN_PERSON_ID, t) is not None and re.fullmatch(NATIONAL_ID_SHAPE, t) is None for t in texts]
    assert found == python
    return found


def test_plain_person_ids_are_what_the_parser_keeps() -> None:
    texts = ["D0000001", "a", "SAK-2024/17", "x.y:z_9", "12345678901", "1234567890", "A" * 64, "A" * 65, "0\n", " A", "A "]
    assert plain_ids(texts) == [True, True, True, True, False, True, True, False, False, False, False]
    for text, plain in zip(texts, plain_ids(texts), strict=True):
        if plain:
            assert parse_person_id(text) == text


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(texts=st.lists(st.one_of(st.text(alphabet=st.sampled_from("AB0189 -=/._:\t\"'\n\r;,\u00a0\x1f"), min_size=1, max_size=13),
                                st.text(max_size=12)), min_size=1, max_size=8))
def test_person_id_pattern_holds(texts: list[str]) -> None:
    for text, plain in zip(texts, plain_ids(texts), strict=True):
        if plain:
            assert parse_person_id(text) == text


CELL = st.one_of(
    st.sampled_from(["", " ", "1", "3", "5", "0", "6", " 4 ", "ja", "nei", "J", "x", "heldogn", "dagtid", "ingen", "Alna", "2",
                     "Bydel Frogner", "langvarig", "kortvarig", "ordinar_bolig", "bostedslos", "2024-05-01", "31.12.2024",
                     "2031-01-01", "1970", "12", "=1", "-1", "@x", '"', "a;b", "a,b", "\r\n", "\n", "1.0"]),
    st.text(max_size=6),
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(rows=st.lists(st.lists(CELL, min_size=len(CANONICAL_FIELDS) - 2, max_size=len(CANONICAL_FIELDS) + 1), min_size=1, max_size=25),
       delimiter=st.sampled_from([";", ",", "\t"]), quoting=st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL]),
       repeat=st.integers(min_value=0, max_value=3))
def test_generated_files(rows: list[list[str]], delimiter: str, quoting: int, repeat: int, matrix: Matrix,
                         tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(columnar, "CHUNK_BYTES", 300)
    folder = tmp_path_factory.mktemp("gen")
    rows = rows + rows[:repeat]  # repeated rows: duplicates
    source = folder / "inn.csv"
    write(source, rows, delimiter=delimiter, quoting=quoting)
    assert_same(source, matrix, folder)


def tallies(source: Path, matrix: Matrix, by: tuple[str, ...]) -> list[tuple[object, ...]]:
    found: list[tuple[object, ...]] = []
    for use_columnar in (True, False):
        result = Tally.empty(by, matrix, 2026)
        try:
            skipped = count_file(source, result, matrix, columnar=use_columnar)
        except CaseFileError as refused:  # a file that cannot be counted (tests/hostile, missing columns): refused alike
            found.append((refused.message("nb"),))
            continue
        found.append((skipped, result.to_json(), dict(result.district_group), dict(result.coverage), dict(result.uncovered),
                      result.total, result.latest_assessment))
    return found


@pytest.mark.parametrize("by", [("bydel", "gruppe"), ("kjonn", "aldersgruppe", "dekning"), TALLY_KEYS])
def test_tally_columnar_equals_row_by_row(by: tuple[str, ...], matrix: Matrix, tmp_path: Path, small_chunks: None) -> None:
    """Unclassified and classified files, damaged, and every CSV fixture: the same counts either way."""
    source = tmp_path / "inn.csv"
    write(source, damaged(matrix))
    reclassify_file(source, tmp_path / "ut.csv", matrix, today=TODAY)
    classified = (tmp_path / "ut.csv").read_text(encoding="utf-8-sig").splitlines(keepends=True)
    at = classified[0].lstrip("\ufeff").split(";").index("gruppe")
    for line in (7, 8):  # an unknown group, an unknown district: not counted
        cells = classified[line].split(";")
        cells[at if line == 7 else 1] = "9" if line == 7 else "Narnia"
        classified[line] = ";".join(cells)
    (tmp_path / "ut2.csv").write_text("".join(classified), encoding="utf-8")
    for path in [source, tmp_path / "ut.csv", tmp_path / "ut2.csv", *FIXTURE_CSVS]:
        fast, general = tallies(path, matrix, by)
        assert fast == general, path.name
        if path.name == "ut2.csv":
            assert fast[0] == 2


def test_sorted_keys_find_every_key_in_every_run(monkeypatch: pytest.MonkeyPatch, matrix: Matrix, tmp_path: Path,
                                                  small_chunks: None) -> None:
    """Runs stop merging at RUN_LIMIT (bounded memory); keys are found in whichever run holds them."""
    monkeypatch.setattr(arrow, "RUN_LIMIT", 8)
    keys = arrow.SortedKeys()
    for i in range(10):
        keys.add(arrow.pl.Series([30 - i, 100 + i, 7 * i + 1000], dtype=arrow.pl.UInt64), arrow.pl.Series([i + 1] * 3))
    assert max(run.height for run in keys.runs) <= 8 and len(keys.runs) > 1
    assert keys.find(arrow.pl.Series([30, 21, 109, 1063, 5], dtype=arrow.pl.UInt64)).to_list() == [1, 10, 10, 10, 0]
    source = tmp_path / "inn.csv"
    write(source, damaged(matrix))
    assert_same(source, matrix, tmp_path)  # duplicates across many small runs


def test_declined_quality_of_life_is_kept_on_both_paths(matrix: Matrix, tmp_path: Path, small_chunks: None) -> None:
    """SPEC section 3: «Ønsker ikke å svare» is an allowed answer, never a reject; a score outside 1–7 still is."""
    rows = [list(row.values()) for row in demo_rows(40, 7, matrix, today=TODAY)]
    answers = ["vil_ikke_svare", "Ønsker ikke å svare", "3", "", "8"]
    column = CANONICAL_FIELDS.index("livskvalitet")
    for i, row in enumerate(rows):
        row[column] = answers[i % len(answers)]
    source = tmp_path / "svar.csv"
    write(source, rows)
    found = assert_same(source, matrix, tmp_path)
    kept = list(csv.DictReader(found["output"].decode("utf-8-sig").splitlines(), delimiter=";"))
    rejects = list(csv.DictReader(found["rejects"].decode("utf-8-sig").splitlines(), delimiter=";"))
    assert len(kept) == 32 and {r["livskvalitet"] for r in kept} == {"vil_ikke_svare", "Ønsker ikke å svare", "3", ""}
    assert len(rejects) == 8 and {r["felt"] for r in rejects} == {"livskvalitet"}


def test_a_sex_spelt_several_ways_is_counted_once(matrix: Matrix, tmp_path: Path, small_chunks: None) -> None:
    """reclassify keeps the input's own spelling of kjonn; the tally must still count K, kvinne
    and Female as one sex, on both paths, and an unknown spelling as unknown, never a new sex."""
    rows = [list(row.values()) for row in demo_rows(30, 3, matrix, today=TODAY)]
    column = CANONICAL_FIELDS.index("kjonn")
    for i, row in enumerate(rows):
        row[column] = ["K", "kvinne", " Female ", "m", "Mann", ""][i % 6]
    write(tmp_path / "inn.csv", rows)
    reclassify_file(tmp_path / "inn.csv", tmp_path / "ut.csv", matrix, today=TODAY)
    for path in (tmp_path / "inn.csv", tmp_path / "ut.csv"):
        fast, general = tallies(path, matrix, ("kjonn",))
        assert fast == general
        counts = {cell["kjonn"]: cell["antall"] for cell in fast[1]}
        assert counts == {"kvinne": 15, "mann": 10, "ukjent": 5}, path.name
