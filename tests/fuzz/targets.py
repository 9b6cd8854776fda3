"""Fuzz targets: each takes bytes from a fuzzer and feeds them to a real entry point.

A target returns quietly when the product handled the input: it read it, or refused it with
one of its own errors (a message for the user). Anything else is a finding and is raised: an
exception that would be a traceback, a row lost (the rows read differ from the file's own
record count, or rows read ≠ classified + rejected), or the two batch paths disagreeing.

Used three ways: by `tests/fuzz/test_fuzz.py` (a short bounded run in the normal test suite,
over the hostile corpus and generated inputs), by `tests/fuzz/run_atheris.py` (coverage-guided,
long runs; see scripts/fuzz.sh), and by hand when a finding is replayed.
"""

from __future__ import annotations

import io
import os
import tempfile
import zipfile
from functools import cache
from pathlib import Path
from typing import Any

from casefiles.batch import read_assessments
from casefiles.fastpath import Reclassifier
from casefiles.messages import CaseFileError
from casefiles.readers import open_source
from casefiles.validation import Layout
from matrix.assessment import AssessmentInvalid, FieldError, parse_assessment
from matrix.load import Matrix, MatrixError, load_matrix
from matrix.safe_json import JsonRefused, parse_json
from rules import Classifier, TableGap

SCRATCH = Path(os.environ.get("RUSMATRISE_FUZZ_DIR") or (Path("/dev/shm") if Path("/dev/shm").is_dir() else Path(tempfile.gettempdir())))


class Finding(AssertionError):
    """The product mishandled an input (a lost row, a disagreement): not an error for a user."""


@cache
def matrix() -> Matrix:
    return load_matrix()


@cache
def classifier() -> Classifier:
    return Classifier(matrix())


@cache
def reclassifier() -> Reclassifier:
    return Reclassifier(matrix(), classifier=classifier())


@cache
def scratch(suffix: str) -> Path:
    return SCRATCH / f"rusmatrise-fuzz-{os.getpid()}{suffix}"


class _Sink:
    """An output table that only counts rows (the fast path writes CSV-kind text rows)."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.rows = 0
        self.delimiter = ";"

    def write(self, cells: Any) -> None:
        self.rows += 1

    def raw_write(self, text: str) -> None:
        self.rows += text.count("\n") and 1

    def plain(self, line: str, cells: int) -> bool:
        return False

    def suffix_text(self, cells: Any) -> str:
        return ";" + ";".join(map(str, cells)) + "\r\n"

    def close(self) -> None:
        pass


def _batch(path: Path) -> None:
    """Both batch paths over one file: they must agree, and count every record."""
    fast_error = general_error = None
    fast: dict[int, set[str]] = {}
    general: dict[int, set[str]] = {}
    written = 0
    stats = None
    try:
        source = open_source(path)
        layout = Layout(source)
        layout.require_columns()
        sink = _Sink("jsonl")  # typed rows through emit(); the CSV text shortcuts are the writers' business

        def reject(rad: int, person_id: str | None, error: FieldError) -> None:
            fast.setdefault(rad, set()).add(error.felt)

        stats = reclassifier().run(source, layout, sink, reject)
        source.check_rows_read(stats.rows + stats.blank)
        written = sink.rows
        if not stats.rows:  # as reclassify_file and tally do
            raise CaseFileError("ingen_rader", fil=str(path))
    except (CaseFileError, TableGap) as error:
        fast_error = error
    try:
        good = 0
        for result in read_assessments(path, matrix()):
            if result.errors:
                general[result.rad] = {e.felt for e in result.errors}
            else:
                good += 1
    except (CaseFileError, TableGap) as error:
        general_error = error
    for error in (fast_error, general_error):
        if isinstance(error, CaseFileError) and error.kode == "rader_avvik":
            raise Finding(f"row count: {error.message('en')}")
    if (fast_error is None) != (general_error is None):
        raise Finding(f"paths disagree: fast {fast_error!r} general {general_error!r}")
    if fast_error is not None or stats is None:
        return
    if stats.rows != stats.classified + stats.rejected or written != stats.classified:
        raise Finding(f"rows {stats.rows} != classified {stats.classified} + rejected {stats.rejected} (written {written})")
    if set(fast) != set(general) or good != stats.classified:
        raise Finding(f"rejected rows differ: fast {sorted(fast)} general {sorted(general)}; good {good} vs {stats.classified}")


def _file_target(suffix: str, data: bytes) -> None:
    path = scratch(suffix)
    path.write_bytes(data)
    try:
        _batch(path)
    finally:
        path.unlink(missing_ok=True)


def fuzz_csv(data: bytes) -> None:
    _file_target(".csv", data)


def fuzz_jsonl(data: bytes) -> None:
    _file_target(".jsonl", data)


@cache
def xlsx_template() -> dict[str, bytes]:
    from tests.hostile.generate import five_rows, table, xlsx_bytes

    with zipfile.ZipFile(io.BytesIO(xlsx_bytes(table(five_rows())))) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def xlsx_with_sheet(sheet_xml: bytes) -> bytes:
    """A workbook whose first sheet's XML is `sheet_xml` (the rest of the archive is valid)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in xlsx_template().items():
            archive.writestr(name, sheet_xml if name == "xl/worksheets/sheet1.xml" else content)
    return buffer.getvalue()


def fuzz_xlsx_sheet(data: bytes) -> None:
    """The sheet XML is the fuzzer's; the archive around it is sound (random bytes would stop at the zip)."""
    _file_target(".xlsx", xlsx_with_sheet(data))


def fuzz_xlsx(data: bytes) -> None:
    _file_target(".xlsx", data)


def fuzz_classify(data: bytes) -> None:
    """`rusmatrise classify`'s path: bytes → UTF-8 → bounded JSON → assessment → result as JSON."""
    try:
        text = data.decode("utf-8-sig")
        raw = parse_json(text)
    except (UnicodeDecodeError, JsonRefused):
        return
    if not isinstance(raw, dict):
        return
    try:
        assessment = parse_assessment(raw, matrix())
    except AssessmentInvalid as invalid:
        for error in invalid.errors:
            error.message("nb")
            error.message("en")
        return
    result = classifier().classify(assessment)
    result.model_dump_json()


def fuzz_matrix(data: bytes) -> None:
    """The matrix TOML loader: a usable matrix or a MatrixError naming the problem."""
    path = scratch(".toml")
    path.write_bytes(data)
    try:
        load_matrix(path)
    except MatrixError as error:
        error.message("nb")
    finally:
        path.unlink(missing_ok=True)


TARGETS = {
    "csv": fuzz_csv,
    "jsonl": fuzz_jsonl,
    "xlsx": fuzz_xlsx,
    "xlsx_sheet": fuzz_xlsx_sheet,
    "classify": fuzz_classify,
    "matrix": fuzz_matrix,
}
