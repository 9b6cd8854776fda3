"""A short, bounded fuzzing run in the normal test suite (the long runs: scripts/fuzz.sh).

Hypothesis generates inputs for the same targets the coverage-guided fuzzer drives; every
target raises on a traceback, a lost row or the batch paths disagreeing (tests/fuzz/targets.py).
"""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casefiles.readers import count_csv_records
from matrix import values as v
from tests.fuzz.targets import TARGETS, xlsx_with_sheet
from tests.hostile.generate import BASE, COLUMNS

REPO = Path(__file__).resolve().parents[2]
HOSTILE = REPO / "tests" / "hostile"
QUICK = settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)

cell = st.one_of(st.sampled_from(["", "1", "5", "ja", "Alna", "heldøgn", '"', '""', "a\nb", ";", ",", "\r", "=1+1", "\u200b", "ø"]),
                 st.text(max_size=12))


@QUICK
@given(st.lists(st.lists(cell, min_size=0, max_size=6), max_size=8), st.sampled_from([";", ",", "\t"]))
def test_the_independent_record_count_agrees_with_the_csv_module(rows: list[list[str]], delimiter: str) -> None:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    text = buffer.getvalue()
    expected = len(list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)))
    assert count_csv_records(io.StringIO(text, newline=""), delimiter) == expected


@QUICK
@given(st.lists(st.fixed_dictionaries({name: cell for name in ("person_id", "bydel", "rus", "tilsynsbehov", "kjonn", "vurdert_dato",
                                                                 "brukers_onske")}), min_size=1, max_size=6),
       st.sampled_from([";", ","]), st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]))
def test_generated_csv_exports_lose_no_row(rows: list[dict[str, str]], delimiter: str, encoding: str) -> None:
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, delimiter=delimiter, lineterminator="\r\n")
    writer.writeheader()
    for changes in rows:
        writer.writerow({**BASE, **changes})
    TARGETS["csv"](buffer.getvalue().encode(encoding, errors="replace"))


@QUICK
@given(st.binary(max_size=400))
def test_arbitrary_bytes_as_csv_and_jsonl(data: bytes) -> None:
    header = ";".join(COLUMNS).encode() + b"\r\n"
    TARGETS["csv"](header + data)
    TARGETS["jsonl"](data)


json_value = st.recursive(st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=10)),
                          lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=6), inner, max_size=3)),
                          max_leaves=8)


@settings(max_examples=150, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(st.dictionaries(st.sampled_from([*BASE, "ekstra", "RUS", "Bydel", "livskvalitet", "fodselsar", "tidligere_gruppe"]),
                       st.one_of(json_value, cell), max_size=18))
def test_classify_json_never_crashes(changes: dict[str, object]) -> None:
    document = {**BASE, **changes}
    TARGETS["classify"](json.dumps(document).encode())
    TARGETS["jsonl"]((json.dumps(document) + "\n" + json.dumps(BASE) + "\n").encode())


@QUICK
@given(st.binary(max_size=300))
def test_arbitrary_bytes_as_classify_json_matrix_and_sheet_xml(data: bytes) -> None:
    TARGETS["classify"](data)
    TARGETS["matrix"](data)


@settings(max_examples=20, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(st.binary(max_size=300))
def test_arbitrary_sheet_xml(data: bytes) -> None:
    TARGETS["xlsx_sheet"](data)


def _valid_ids() -> st.SearchStrategy[str]:
    def with_check_digits(nine: str) -> str | None:
        for tail in range(100):
            number = f"{nine}{tail:02d}"
            if v.valid_national_id(number):
                return number
        return None

    return st.from_regex(r"[0-7][0-9][8-9][0-9]{6}", fullmatch=True).map(with_check_digits).filter(bool)  # type: ignore[arg-type]


@QUICK
@given(_valid_ids(), st.lists(st.sampled_from([" ", "-", ".", "\u200b", "\u00a0"]), min_size=10, max_size=10), st.data())
def test_a_national_id_however_written_is_one_person(number: str, separators: list[str], data: st.DataObject) -> None:
    cuts = data.draw(st.lists(st.booleans(), min_size=10, max_size=10))
    written = "".join(d + (s if cut else "") for d, s, cut in zip(number, [*separators, ""], [*cuts, False], strict=False))
    assert v.parse_person_id(written) == number
    if number[0] == "0" and number[1] != "0":  # a spreadsheet number that lost its leading 0
        assert v.parse_person_id(int(number)) == number


def test_the_hostile_corpus_through_every_target() -> None:
    kinds = {".csv": "csv", ".jsonl": "jsonl", ".xlsx": "xlsx", ".json": "classify", ".toml": "matrix"}
    for path in sorted(HOSTILE.iterdir()):
        if path.suffix in kinds:
            TARGETS[kinds[path.suffix]](path.read_bytes())
    TARGETS["xlsx"](xlsx_with_sheet(b"<worksheet/>"))


@pytest.mark.skipif(importlib.util.find_spec("atheris") is None, reason="atheris is not installed here (pip install atheris)")
@pytest.mark.parametrize(("target", "runs"), [("classify", 3000), ("csv", 150), ("matrix", 300)])
def test_a_short_coverage_guided_run(target: str, runs: int, tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, str(REPO / "tests" / "fuzz" / "run_atheris.py"), target, f"-runs={runs}", "-seed=1",
                           "-max_len=4096"], capture_output=True, text=True, cwd=tmp_path, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    assert f"Done {runs} runs" in done.stderr
