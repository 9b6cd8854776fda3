"""Reading exports as real case systems write them: .csv, .xlsx and .jsonl.

A `Source` is opened once: its bytes are hashed (for the run manifest), its encoding and
delimiter detected, and its header read. `rows()` then streams the data rows as lists
aligned to the header; nothing is held in memory but the current row.

CSV: UTF-8 with or without BOM, UTF-16 with BOM, else Windows-1252; delimiter `;`, `,`, tab or
`|`, found in the header line; CRLF and quoted fields with line breaks are handled by `csv`.
XLSX: the first sheet, first row as header. JSONL: one JSON object per line; the header is
every key in order of first appearance, and a key a row lacks is `ABSENT` (written back as
missing, never as an empty string).
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import json
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, Literal

from casefiles.messages import CaseFileError

Kind = Literal["csv", "xlsx", "jsonl"]
KINDS: dict[str, Kind] = {".csv": "csv", ".txt": "csv", ".xlsx": "xlsx", ".jsonl": "jsonl", ".ndjson": "jsonl"}
DELIMITERS = (";", ",", "\t", "|")
_CHUNK = 1 << 20

# One CSV field may hold a long free-text answer; the default limit (128 KiB) is kept so that
# an unterminated quote is reported instead of swallowing the rest of the file.
csv.field_size_limit(min(sys.maxsize, 1 << 17))


class _Absent:
    """A JSONL key the row does not have (distinct from null and from "")."""

    _instance: _Absent | None = None

    def __new__(cls) -> _Absent:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "ABSENT"

    def __bool__(self) -> bool:
        return False


ABSENT = _Absent()


@dataclass(frozen=True)
class BadLine:
    """A row that could not be read as a row at all (a JSONL line that is not a JSON object)."""

    kode: str
    params: dict[str, object]


def kind_of(path: str | Path) -> Kind:
    suffix = Path(path).suffix.lower()
    if suffix not in KINDS:
        raise CaseFileError("filtype", fil=str(path), filtyper=", ".join(sorted(KINDS)))
    return KINDS[suffix]


def cell_text(value: Any) -> str:
    """A cell as the text a person would type: what validation and CSV output see."""
    if isinstance(value, str):
        return value
    if value is None or value is ABSENT:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat()
    if isinstance(value, date | time):
        return value.isoformat()
    return json.dumps(value, ensure_ascii=False, default=str)


@dataclass
class Scan:
    """What one pass over the bytes tells: hash, size, encoding."""

    sha256: str
    size: int
    encoding: str


def scan(path: Path, text: bool = True) -> Scan:
    """SHA-256 of the file and, for a text file, its encoding (UTF-8/UTF-16 by BOM or validity, else cp1252)."""
    digest = hashlib.sha256()
    utf8 = codecs.getincrementaldecoder("utf-8")()
    valid_utf8 = text
    size = 0
    try:
        with path.open("rb") as file:
            head = file.read(4)
            file.seek(0)
            while chunk := file.read(_CHUNK):
                digest.update(chunk)
                size += len(chunk)
                if valid_utf8:
                    try:
                        utf8.decode(chunk)
                    except UnicodeDecodeError:
                        valid_utf8 = False
            if valid_utf8:
                try:
                    utf8.decode(b"", final=True)
                except UnicodeDecodeError:
                    valid_utf8 = False
    except OSError as error:
        raise CaseFileError("fil_les", fil=str(path), grunn=error.strerror or str(error)) from None
    if not text:
        encoding = "binary"
    elif head.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
    elif head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    elif valid_utf8:
        encoding = "utf-8"
    elif _decodes(path, "cp1252"):
        encoding = "cp1252"
    else:
        raise CaseFileError("tegnsett", fil=str(path))
    return Scan(sha256=digest.hexdigest(), size=size, encoding=encoding)


def _decodes(path: Path, encoding: str) -> bool:
    decoder = codecs.getincrementaldecoder(encoding)()
    try:
        with path.open("rb") as file:
            while chunk := file.read(_CHUNK):
                decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def detect_delimiter(header_line: str) -> str:
    """The candidate that occurs most often in the header line outside quotes (comma if none)."""
    counts = dict.fromkeys(DELIMITERS, 0)
    quoted = False
    for char in header_line:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


Progress = Callable[[int, int], None]


@dataclass
class Source:
    """An input file, opened for streaming. `header` holds the names exactly as written."""

    path: Path
    kind: Kind
    scan: Scan
    header: list[str]
    delimiter: str | None = None
    total_rows: int | None = None  # known for XLSX (the sheet's dimension), else None
    _jsonl_keys: list[str] = field(default_factory=list)

    @property
    def sha256(self) -> str:
        return self.scan.sha256

    @property
    def encoding(self) -> str:
        return self.scan.encoding

    def rows(self, progress: Progress | None = None) -> Iterator[list[Any] | BadLine]:
        """Data rows (header excluded), one list of cells per row; blank rows as []."""
        if self.kind == "csv":
            return self._csv_rows(progress)
        if self.kind == "xlsx":
            return self._xlsx_rows(progress)
        return self._jsonl_rows(progress)

    # -- CSV ------------------------------------------------------------------------------
    def open_csv(self) -> tuple[Any, Iterator[list[str]]]:
        """The open text file and a csv.reader positioned after the header (for the fast path)."""
        file = self.path.open(encoding=self.encoding, newline="")
        reader = csv.reader(file, delimiter=self.delimiter or ",")
        try:
            next(reader, None)
        except csv.Error as error:
            file.close()
            raise CaseFileError("csv_feil", fil=str(self.path), rad=0, grunn=str(error)) from None
        return file, reader

    def _csv_rows(self, progress: Progress | None) -> Iterator[list[str]]:
        file, reader = self.open_csv()
        with file:
            rad = 0
            try:
                for row in reader:
                    rad += 1
                    if progress is not None and not rad & 0x3FFF:
                        progress(file.buffer.tell(), self.scan.size)
                    yield row
            except csv.Error as error:
                raise CaseFileError("csv_feil", fil=str(self.path), rad=rad + 1, grunn=str(error)) from None

    # -- XLSX -----------------------------------------------------------------------------
    def _xlsx_rows(self, progress: Progress | None) -> Iterator[list[Any]]:
        workbook = _open_workbook(self.path)
        try:
            sheet = workbook.worksheets[0]
            rows = sheet.iter_rows(values_only=True)
            next(rows, None)
            for rad, values in enumerate(rows, start=1):
                if progress is not None and not rad & 0x3FFF:
                    progress(rad, self.total_rows or rad)
                cells = list(values)
                while cells and (cells[-1] is None or cells[-1] == ""):
                    cells.pop()
                yield cells
        finally:
            workbook.close()

    # -- JSONL ----------------------------------------------------------------------------
    def _jsonl_rows(self, progress: Progress | None) -> Iterator[list[Any] | BadLine]:
        width = len(self.header)
        index = {key: i for i, key in enumerate(self.header)}
        done = 0
        with self.path.open(encoding=self.encoding) as file:
            for rad, line in enumerate(file, start=1):
                done += len(line)
                if progress is not None and not rad & 0x3FFF:
                    progress(min(done, self.scan.size), self.scan.size)
                if not line.strip():
                    yield []
                    continue
                parsed = _json_object(line)
                if isinstance(parsed, BadLine):
                    yield parsed
                    continue
                cells: list[Any] = [ABSENT] * width
                for key, value in parsed.items():
                    cells[index[key]] = value
                yield cells


def _json_object(line: str) -> dict[str, Any] | BadLine:
    try:
        parsed = json.loads(line)
    except json.JSONDecodeError as error:
        return BadLine("jsonl_ugyldig", {"grunn": f"{error.msg} (kolonne {error.colno})"})
    if not isinstance(parsed, dict):
        return BadLine("jsonl_objekt", {})
    return parsed


def _open_workbook(path: Path) -> Any:
    from zipfile import BadZipFile

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        return load_workbook(path, read_only=True, data_only=True)
    except (BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as error:
        raise CaseFileError("xlsx_les", fil=str(path), grunn=str(error) or type(error).__name__) from None


def open_source(path: str | Path) -> Source:
    """Open an input file: hash it, detect its shape, read its header. Raises CaseFileError."""
    file = Path(path)
    kind = kind_of(file)
    if not file.is_file():
        raise CaseFileError("fil_finnes_ikke", fil=str(file))
    info = scan(file, text=kind != "xlsx")
    if kind == "csv":
        return _csv_source(file, info)
    if kind == "xlsx":
        return _xlsx_source(file, info)
    return _jsonl_source(file, info)


def _csv_source(file: Path, info: Scan) -> Source:
    with file.open(encoding=info.encoding, newline="") as text:
        first = text.readline()
        # A quoted header cell may span lines; read on until the quotes balance.
        while first.count('"') % 2 and (more := text.readline()):
            first += more
    if not first.strip():
        raise CaseFileError("tom_fil", fil=str(file))
    delimiter = detect_delimiter(first)
    try:
        header = next(csv.reader([first], delimiter=delimiter))
    except (csv.Error, StopIteration) as error:
        raise CaseFileError("csv_feil", fil=str(file), rad=0, grunn=str(error)) from None
    if not _trim(header):
        raise CaseFileError("tom_fil", fil=str(file))
    return Source(file, "csv", info, _trim(header), delimiter=delimiter)


def _xlsx_source(file: Path, info: Scan) -> Source:
    workbook = _open_workbook(file)
    try:
        if not workbook.worksheets:
            raise CaseFileError("tom_fil", fil=str(file))
        sheet = workbook.worksheets[0]
        first = next(sheet.iter_rows(values_only=True), None)
        total = (sheet.max_row - 1) if sheet.max_row else None
    finally:
        workbook.close()
    if first is None or all(v is None or v == "" for v in first):
        raise CaseFileError("tom_fil", fil=str(file))
    return Source(file, "xlsx", info, _trim([cell_text(v) for v in first]), total_rows=total)


def _jsonl_source(file: Path, info: Scan) -> Source:
    keys: dict[str, None] = {}
    with file.open(encoding=info.encoding) as text:
        for line in text:
            if line.strip():
                parsed = _json_object(line)
                if isinstance(parsed, dict):
                    keys.update(dict.fromkeys(parsed))
    if not keys:
        raise CaseFileError("tom_fil", fil=str(file))
    return Source(file, "jsonl", info, list(keys))


def _trim(header: list[str]) -> list[str]:
    """Header names without surrounding blanks, and without empty trailing columns."""
    names = [name.replace("\ufeff", "").strip() for name in header]
    while names and not names[-1]:
        names.pop()
    return names
