"""Reading exports as real case systems write them: .csv, .xlsx and .jsonl.

A `Source` is opened once: its bytes are hashed (for the run manifest), its encoding and
delimiter detected, and its header read. `rows()` then streams the data rows as lists
aligned to the header; nothing is held in memory but the current row.

CSV: UTF-8 with or without BOM, UTF-16 with BOM, else Windows-1252; delimiter `;`, `,`, tab or
`|`, found in the header line; CRLF and quoted fields with line breaks are handled by `csv`.
XLSX: the first sheet, first row as header. JSONL: one JSON object per line; the header is
every key in order of first appearance, and a key a row lacks is `ABSENT` (written back as
missing, never as an empty string).

What a file claims never decides how many rows it has. Each source knows, from its own pass
over the bytes (`census`), how many records it holds, and the row readers check at the end
that they met every one: a CSV's records by a quote-aware count of line ends, a JSONL's by
its lines, an XLSX's by the `<row>` elements of the sheet XML (its `<dimension>` tag is
ignored). A mismatch is an error, never a shorter run. CSV is read with `strict` quoting, so
an unterminated quote that would merge rows stops the run at the row where it happened.

openpyxl hazards handled here (its read-only mode is the only XLSX reader): the sheet's
dimension is reset (it may claim fewer rows than there are); the archive's directory is
checked against `matrix.limits` before anything is expanded (zip bombs); a shared-string
index must be in range (a negative one would silently pick another cell's text); its
warnings are silenced (they would print cell contents); a row number beyond Excel's last row
is refused before any filler rows are generated.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import json
import re
import sys
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, Literal

from casefiles.messages import CaseFileError
from matrix import limits
from matrix.safe_json import JsonRefused, parse_json
from matrix.safe_text import terminal_text

Kind = Literal["csv", "xlsx", "jsonl"]
KINDS: dict[str, Kind] = {".csv": "csv", ".txt": "csv", ".xlsx": "xlsx", ".jsonl": "jsonl", ".ndjson": "jsonl"}
DELIMITERS = (";", ",", "\t", "|")
_CHUNK = 1 << 20

# One CSV field may hold a long free-text answer; the default limit (128 KiB) is kept so that
# an unterminated quote is reported instead of swallowing the rest of the file.
csv.field_size_limit(min(sys.maxsize, 1 << 17))
warnings.filterwarnings("ignore", module="openpyxl")

XLSX_MAX_ROW = 1_048_576  # Excel's last row
# A UTF-8 sequence of two or more bytes: in a file that is not valid UTF-8 it shows that two
# encodings were mixed (decoding it all as cp1252 would turn "ø" into "Ã¸").
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_SURROGATE = re.compile("[\ud800-\udfff]")


def csv_reader(lines: Any, delimiter: str) -> Any:
    """The one way CSV is parsed: `strict`, so a quote that does not close where a field ends is
    an error (csv.Error) instead of silently merging the following lines into one field."""
    return csv.reader(lines, delimiter=delimiter, strict=True)


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
    """What one pass over the bytes tells: hash, size, encoding, and its line ends."""

    sha256: str
    size: int
    encoding: str
    lines: int = 0  # physical lines as Python's universal newlines split them
    quotes: bool = False  # any '"' byte (then CSV records need a quote-aware count)


class _LineCount:
    """Counts lines over chunks exactly as universal newlines split them (\n, \r\n, lone \r)."""

    def __init__(self) -> None:
        self.lf = self.cr = self.crlf = 0
        self.last = b""

    def feed(self, chunk: bytes) -> None:
        if self.last == b"\r" and chunk[:1] == b"\n":
            self.crlf += 1
        self.lf += chunk.count(b"\n")
        self.cr += chunk.count(b"\r")
        self.crlf += chunk.count(b"\r\n")
        self.last = chunk[-1:]

    def lines(self) -> int:
        tail = 1 if self.last not in (b"", b"\n", b"\r") else 0
        return self.lf + (self.cr - self.crlf) + tail


def scan(path: Path, text: bool = True) -> Scan:
    """SHA-256 of the file and, for a text file, its encoding (UTF-8/UTF-16 by BOM or validity,
    else cp1252) and line count. A file that mixes UTF-8 with another encoding is refused."""
    digest = hashlib.sha256()
    utf8 = codecs.getincrementaldecoder("utf-8")()
    valid_utf8 = text
    multibyte = False
    quotes = False
    counter = _LineCount()
    size = 0
    try:
        with path.open("rb") as file:
            head = file.read(4)
            file.seek(0)
            while chunk := file.read(_CHUNK):
                digest.update(chunk)
                size += len(chunk)
                if not text:
                    continue
                counter.feed(chunk)
                quotes = quotes or b'"' in chunk
                multibyte = multibyte or _UTF8_MULTIBYTE.search(chunk) is not None
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
        if not valid_utf8:
            raise _mixed_encoding(path)
    elif head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    elif valid_utf8:
        encoding = "utf-8"
    elif multibyte:
        raise _mixed_encoding(path)
    elif _decodes(path, "cp1252"):
        encoding = "cp1252"
    else:
        raise CaseFileError("tegnsett", fil=str(path))
    return Scan(sha256=digest.hexdigest(), size=size, encoding=encoding, lines=counter.lines(), quotes=quotes)


def _mixed_encoding(path: Path) -> CaseFileError:
    """Where a file that is partly UTF-8 first holds a byte that is not: data row and column."""
    text = path.read_bytes().decode("utf-8", errors="surrogateescape").lstrip("\ufeff")
    lines = text.splitlines(keepends=True)
    if path.suffix.lower() in (".jsonl", ".ndjson"):
        for number, line in enumerate(lines, start=1):
            if _SURROGATE.search(line):
                return CaseFileError("tegnsett_blandet", fil=str(path), rad=number, kolonne="-")
    delimiter = detect_delimiter(lines[0] if lines else "")
    rows = csv.reader(lines, delimiter=delimiter)
    header: list[str] = []
    try:
        for number, row in enumerate(rows):
            if number == 0:
                header = row
            for index, cell in enumerate(row):
                if _SURROGATE.search(cell):
                    column = header[index] if index < len(header) else str(index + 1)
                    where = "overskriften" if number == 0 else number
                    return CaseFileError("tegnsett_blandet", fil=str(path), rad=where, kolonne=terminal_text(_SURROGATE.sub("?", column)))
    except csv.Error:
        pass
    return CaseFileError("tegnsett_blandet", fil=str(path), rad="?", kolonne="?")


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


def count_csv_records(lines: Any, delimiter: str) -> int:
    """Records in CSV text, counted apart from the csv module: line ends outside quoted fields.

    A quote opens a field only at the field's start; inside, a doubled quote is a quote and a
    single one closes the field. Lines without quotes outside a quoted field (nearly all) cost
    one membership test.
    """
    records = 0
    quoted = False
    for line in lines:
        if not quoted and '"' not in line:
            records += 1
            continue
        at_start = not quoted
        i, n = 0, len(line)
        while i < n:
            char = line[i]
            if quoted:
                if char == '"':
                    if i + 1 < n and line[i + 1] == '"':
                        i += 2
                        continue
                    quoted = False
            elif char == '"' and at_start:
                quoted = True
            at_start = not quoted and char == delimiter
            i += 1
        if not quoted:
            records += 1
    return records + (1 if quoted else 0)


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
    total_rows: int | None = None  # XLSX: the sheet's last row with a value, counted from its XML
    xlsx_census: XlsxCensus | None = None
    _data_records: int | None = None

    def data_records(self) -> int:
        """Data records (blank ones too), counted from the bytes, apart from the row readers.

        CSV: records less the header; JSONL: lines. (XLSX rows are checked by `rows()` itself
        against `xlsx_census`, since the sheet numbers its rows.)
        """
        if self._data_records is None:
            if self.kind == "csv":
                if self.scan.quotes or self.encoding == "utf-16":
                    with self.path.open(encoding=self.encoding, newline="") as file:
                        records = count_csv_records(file, self.delimiter or ",")
                else:
                    records = self.scan.lines
                self._data_records = max(records - 1, 0)  # the header is one record
            elif self.kind == "jsonl":
                if self.encoding == "utf-16":
                    with self.path.open(encoding=self.encoding) as file:
                        self._data_records = sum(1 for _ in file)
                else:
                    self._data_records = self.scan.lines
            else:
                self._data_records = self.total_rows or 0
        return self._data_records

    def check_rows_read(self, read: int) -> None:
        """Raise unless `read` data records (blank ones too) is every record the file holds."""
        if self.kind == "xlsx":
            return  # checked inside rows() against the sheet's own row elements
        expected = self.data_records()
        if read != expected:
            raise CaseFileError("rader_avvik", fil=str(self.path), lest=read, telt=expected)

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
        reader = csv_reader(file, self.delimiter or ",")
        try:
            next(reader, None)
        except csv.Error as error:
            file.close()
            raise self.csv_error(error, 0, reader.line_num) from None
        return file, reader

    def csv_error(self, error: csv.Error, rad: int, line: int) -> CaseFileError:
        """A CSV that cannot be read from data row `rad` (physical line `line`) on, in words."""
        text = str(error)
        if "expected after" in text or "end of data" in text or "field larger" in text or "field limit" in text:
            return CaseFileError("csv_sitat", fil=str(self.path), rad=rad, linje=line)
        return CaseFileError("csv_feil", fil=str(self.path), rad=rad, grunn=text)

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
                raise self.csv_error(error, rad + 1, reader.line_num) from None
        self.check_rows_read(rad)

    # -- XLSX -----------------------------------------------------------------------------
    def _xlsx_rows(self, progress: Progress | None) -> Iterator[list[Any]]:
        workbook, sheet = _open_sheet(self.path)
        census = self.xlsx_census
        with_values = last = 0
        rad = 0
        try:
            rows = sheet.iter_rows(values_only=True)
            next(rows, None)
            for rad, values in enumerate(rows, start=1):
                if progress is not None and not rad & 0x3FFF:
                    progress(rad, self.total_rows or rad)
                cells = list(values)
                if any(value is not None for value in cells):
                    with_values += 1
                    last = rad
                while cells and (cells[-1] is None or cells[-1] == ""):
                    cells.pop()
                yield cells
        except CaseFileError:
            raise
        except IndexError:
            raise CaseFileError("xlsx_delt_tekst", fil=str(self.path), rad=rad + 1) from None
        except (ValueError, TypeError, KeyError, OverflowError, SyntaxError) as error:
            raise CaseFileError("xlsx_rad", fil=str(self.path), rad=rad + 1, grunn=type(error).__name__) from None
        finally:
            workbook.close()
        if census is not None:
            expected = census.rows_with_values - census.header_has_value
            if (with_values, last) != (expected, max(census.last_row - 1, 0)):
                raise CaseFileError("rader_avvik", fil=str(self.path), lest=with_values, telt=expected)

    # -- JSONL ----------------------------------------------------------------------------
    def _jsonl_rows(self, progress: Progress | None) -> Iterator[list[Any] | BadLine]:
        width = len(self.header)
        index = {key: i for i, key in enumerate(self.header)}
        done = 0
        rad = 0
        with self.path.open(encoding=self.encoding) as file:
            for rad, line in enumerate(file, start=1):
                done += len(line)
                if progress is not None and not rad & 0x3FFF:
                    progress(min(done, self.scan.size), self.scan.size)
                if not line.strip():
                    yield []
                    continue
                parsed = json_object(line)
                if isinstance(parsed, BadLine):
                    yield parsed
                    continue
                cells: list[Any] = [ABSENT] * width
                for key, value in parsed.items():
                    cells[index[key]] = value
                yield cells
        self.check_rows_read(rad)


def json_object(line: str) -> dict[str, Any] | BadLine:
    """One JSONL line as an object, or why not (the whole line is then one rejected row)."""
    try:
        parsed = parse_json(line)
    except JsonRefused as bad:
        if bad.kode == "json_syntaks":
            return BadLine("jsonl_ugyldig", {"grunn": f"{bad.params['grunn']} (kolonne {bad.params['kolonne']})"})
        return BadLine(bad.kode, bad.params)
    if not isinstance(parsed, dict):
        return BadLine("jsonl_objekt", {})
    return parsed


def check_archive(path: Path) -> None:
    """Refuse an XLSX whose archive would expand beyond `matrix.limits`, before expanding it.

    Python's zipfile never inflates a member beyond the size its directory declares, so the
    declared sizes bound the work.
    """
    from zipfile import BadZipFile, ZipFile

    try:
        with ZipFile(path) as archive:
            members = archive.infolist()
    except (BadZipFile, OSError, ValueError, EOFError) as error:
        raise CaseFileError("xlsx_les", fil=str(path), grunn=str(error) or type(error).__name__) from None
    if len(members) > limits.XLSX_MAX_MEMBERS:
        raise CaseFileError("xlsx_bombe", fil=str(path), grunn=f"{len(members)} > {limits.XLSX_MAX_MEMBERS} deler")
    total = sum(member.file_size for member in members)
    if total > limits.XLSX_MAX_UNCOMPRESSED:
        raise CaseFileError("xlsx_bombe", fil=str(path), grunn=f"{total} > {limits.XLSX_MAX_UNCOMPRESSED} byte")
    for member in members:
        if member.file_size > limits.XLSX_RATIO_FROM and member.file_size > limits.XLSX_MAX_RATIO * max(member.compress_size, 1):
            raise CaseFileError("xlsx_bombe", fil=str(path),
                                grunn=f"{member.filename}: {member.file_size} / {member.compress_size} > {limits.XLSX_MAX_RATIO}")


class _CheckedStrings(list):  # type: ignore[type-arg]
    """The shared-string table, refusing an index out of range (a negative one would silently
    give another cell's text)."""

    def __getitem__(self, index: Any) -> Any:
        if not isinstance(index, int) or not 0 <= index < len(self):
            raise IndexError("shared string index out of range")
        return super().__getitem__(index)


def _open_workbook(path: Path) -> Any:
    from zipfile import BadZipFile

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    check_archive(path)
    try:
        return load_workbook(path, read_only=True, data_only=True)
    except (BadZipFile, InvalidFileException, KeyError, OSError, ValueError, TypeError, IndexError, SyntaxError, EOFError) as error:
        raise CaseFileError("xlsx_les", fil=str(path), grunn=str(error)[:200] or type(error).__name__) from None


def _open_sheet(path: Path) -> tuple[Any, Any]:
    """The workbook and its first sheet, with the sheet's claimed dimension reset."""
    workbook = _open_workbook(path)
    if not workbook.worksheets:
        workbook.close()
        raise CaseFileError("tom_fil", fil=str(path))
    sheet = workbook.worksheets[0]
    if hasattr(sheet, "reset_dimensions"):
        sheet.reset_dimensions()
    if hasattr(sheet, "_shared_strings"):
        sheet._shared_strings = _CheckedStrings(sheet._shared_strings)
    return workbook, sheet


@dataclass(frozen=True)
class XlsxCensus:
    """The sheet's rows as its XML holds them: how many have a value, and the last that does."""

    rows_with_values: int
    last_row: int  # 1-based sheet row; 0 when no row has a value
    header_has_value: int  # 1 when sheet row 1 has a value


_XML_TOKEN = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(row|v|is)\b([^>]*)>")
_ROW_NUMBER = re.compile(rb"\br=\"([^\"]*)\"")


def xlsx_census(path: Path, workbook: Any, sheet: Any) -> XlsxCensus:
    """Count the sheet's rows from its XML, apart from openpyxl's row reader.

    A row counts when it holds a `<v>` with text or an inline string `<is>`. Row numbers are
    the `r` attributes (or one more than the previous row); one beyond Excel's last row is refused.
    """
    member = getattr(sheet, "_worksheet_path", None)
    archive = getattr(workbook, "_archive", None)
    if member is None or archive is None:
        return XlsxCensus(0, 0, 0)
    with_values = last = header = 0
    row = 0
    row_has_value = False

    def close_row() -> None:
        nonlocal with_values, last, header
        if row_has_value:
            with_values += 1
            last = row
            header = header or (1 if row == 1 else 0)

    try:
        with archive.open(member) as xml:
            carry = b""
            while True:
                chunk = xml.read(_CHUNK)
                data = carry + chunk
                end = data.rfind(b"<") if chunk else len(data)
                if end <= 0 and chunk:
                    carry = data
                    continue
                for match in _XML_TOKEN.finditer(data, 0, end):
                    tag, attributes = match.group(1), match.group(2)
                    if tag == b"row":
                        close_row()
                        row_has_value = False
                        number = _ROW_NUMBER.search(attributes)
                        row = _row_number(number.group(1), path) if number else row + 1
                        if row > XLSX_MAX_ROW:
                            raise CaseFileError("xlsx_rad", fil=str(path), rad=row - 1, grunn=f"rad {row} > {XLSX_MAX_ROW}")
                    elif tag == b"is" or (not attributes.endswith(b"/") and data[match.end():match.end() + 1] not in (b"<", b"")):
                        row_has_value = True
                carry = data[end:]
                if not chunk:
                    break
    except CaseFileError:
        raise
    except Exception as error:  # a damaged member: zlib, CRC or size errors
        raise CaseFileError("xlsx_les", fil=str(path), grunn=str(error)[:200] or type(error).__name__) from None
    close_row()
    return XlsxCensus(with_values, last, header)


def _row_number(raw: bytes, path: Path) -> int:
    try:
        number = float(raw)
    except ValueError:
        number = -1.0
    if not number.is_integer() or number < 1:
        raise CaseFileError("xlsx_rad", fil=str(path), rad="?", grunn=f"r={raw[:20]!r}")
    return int(number)


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
        if not first.strip():
            raise CaseFileError("tom_fil", fil=str(file))
        delimiter = detect_delimiter(first)
        text.seek(0)
        reader = csv_reader(text, delimiter)
        try:
            header = next(reader)
        except csv.Error:
            raise CaseFileError("overskrift_sitat", fil=str(file)) from None
        lines = reader.line_num
    if lines > limits.MAX_HEADER_LINES or any("\n" in name or "\r" in name for name in header):
        raise CaseFileError("overskrift_sitat", fil=str(file))
    names = _trim(header)
    if not names:
        raise CaseFileError("tom_fil", fil=str(file))
    _check_width(file, names)
    return Source(file, "csv", info, names, delimiter=delimiter)


def _check_width(file: Path, names: list[str]) -> None:
    if len(names) > limits.MAX_COLUMNS:
        raise CaseFileError("for_mange_kolonner", fil=str(file), antall=len(names), maks=limits.MAX_COLUMNS)
    long = next((name for name in names if len(name) > 200), None)
    if long is not None:
        raise CaseFileError("overskrift_lang", fil=str(file), navn=terminal_text(long[:40]) + "…")


def _xlsx_source(file: Path, info: Scan) -> Source:
    workbook, sheet = _open_sheet(file)
    try:
        census = xlsx_census(file, workbook, sheet)
        try:
            first = next(sheet.iter_rows(values_only=True), None)
        except (ValueError, TypeError, KeyError, IndexError, OverflowError, SyntaxError) as error:
            raise CaseFileError("xlsx_rad", fil=str(file), rad=0, grunn=type(error).__name__) from None
    finally:
        workbook.close()
    if first is None or all(v is None or v == "" for v in first):
        raise CaseFileError("tom_fil", fil=str(file))
    names = _trim([cell_text(v) for v in first])
    _check_width(file, names)
    return Source(file, "xlsx", info, names, total_rows=max(census.last_row - 1, 0), xlsx_census=census)


def _jsonl_source(file: Path, info: Scan) -> Source:
    keys: dict[str, None] = {}
    with file.open(encoding=info.encoding) as text:
        for line in text:
            if line.strip():
                parsed = json_object(line)
                if isinstance(parsed, dict):
                    keys.update(dict.fromkeys(parsed))
    if not keys:
        raise CaseFileError("tom_fil", fil=str(file))
    names = list(keys)
    _check_width(file, names)
    return Source(file, "jsonl", info, names)


def _trim(header: list[str]) -> list[str]:
    """Header names without surrounding blanks, and without empty trailing columns."""
    names = [name.replace("\ufeff", "").strip() for name in header]
    while names and not names[-1]:
        names.pop()
    return names
