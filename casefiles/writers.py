"""Writing tables whole or not at all: every file goes to a temporary name beside its target
and is renamed into place only when the whole run has succeeded.

CSV output is UTF-8 with BOM and CRLF, so that Excel with Norwegian settings opens it cleanly;
its delimiter is the input's (semicolon when the input was not CSV). XLSX output is written in
streaming mode; JSONL output keeps JSON types.

Every cell a spreadsheet will open passes `matrix.safe_text.spreadsheet_cell` (XLSX text:
`xlsx_text`): a text starting with = + - @ tab or CR gets an apostrophe in front, so it is shown,
never run. The CSV fast path (casefiles.fastpath) writes whole input lines as they are; it may
only do so when `CsvWriter.verbatim(line)` says no cell of the line starts with such a
character — otherwise the row goes through `write`, which neutralises cell by cell. XLSX cells
are written as typed values (numbers as numbers, dates as dates, text as text), never as
formulas, under a frozen, filterable header.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import re
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any, Protocol

from casefiles.messages import CaseFileError
from casefiles.readers import ABSENT, Kind, cell_text, kind_of
from matrix.safe_text import FORMULA_TRIGGERS, spreadsheet_cell, xlsx_text

DEFAULT_DELIMITER = ";"
LINE_END = "\r\n"
XLSX_MAX_ROWS = 1_048_576


TEMP_MODE = 0o600  # health data: a temporary file is readable by its owner only
_TEMP_NAME = re.compile(r"\.(?P<name>.+)\.(?P<pid>\d+)\.tmp\Z")


class Staging:
    """Temporary files that become their targets together, on `commit()`, or vanish.

    Each is created owner-only (0600) before anything is written to it, beside its target as
    `.NAME.PID.tmp`. A run killed outright (SIGKILL) cannot remove its own: the next run that
    stages the same target removes any whose process no longer exists.
    """

    def __init__(self) -> None:
        self._pending: list[tuple[Path, Path]] = []

    def path(self, target: str | Path) -> Path:
        final = Path(target)
        remove_stale(final)
        temporary = final.with_name(f".{final.name}.{os.getpid()}.tmp")
        try:
            with contextlib.suppress(FileNotFoundError):
                temporary.unlink()
            os.close(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, TEMP_MODE))
        except OSError as error:
            raise CaseFileError("skriv_feil", fil=str(final), grunn=error.strerror or str(error)) from None
        self._pending.append((temporary, final))
        return temporary

    def commit(self) -> None:
        for temporary, final in self._pending:
            try:
                os.replace(temporary, final)
            except OSError as error:
                raise CaseFileError("skriv_feil", fil=str(final), grunn=error.strerror or str(error)) from None
        self._pending.clear()

    def discard(self) -> None:
        for temporary, _ in self._pending:
            with contextlib.suppress(OSError):
                temporary.unlink()
        self._pending.clear()

    def __enter__(self) -> Staging:
        return self

    def __exit__(self, *exc: object) -> None:
        self.discard()  # after commit() nothing is pending


def remove_stale(target: Path) -> list[Path]:
    """Remove `.TARGET.PID.tmp` files beside `target` left by processes that no longer run."""
    removed: list[Path] = []
    try:
        candidates = list(target.parent.glob(f".{glob_escape(target.name)}.*.tmp"))
    except OSError:
        return removed
    for candidate in candidates:
        match = _TEMP_NAME.match(candidate.name)
        if match is None or match["name"] != target.name or _alive(int(match["pid"])):
            continue
        with contextlib.suppress(OSError):
            candidate.unlink()
            removed.append(candidate)
    return removed


def glob_escape(name: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", name)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True  # another user's process, or not a pid we can ask about: leave it
    return True


def same_file(a: str | Path, b: str | Path) -> bool:
    """Whether two paths name one file (so the input can never be overwritten)."""
    first, second = Path(a), Path(b)
    if first.exists() and second.exists():
        return os.path.samefile(first, second)
    return first.resolve() == second.resolve()


def sibling_with_infix(path: str | Path, infix: str, suffix: str = ".csv") -> Path:
    """out.xlsx + ".avvist" → out.avvist.csv"""
    target = Path(path)
    return target.with_name(f"{target.stem}{infix}{suffix}")


class TableWriter(Protocol):
    kind: Kind

    def write(self, cells: Sequence[Any]) -> None: ...

    def close(self) -> None: ...


class CsvWriter:
    kind: Kind = "csv"

    def __init__(self, path: Path, header: Sequence[str], delimiter: str = DEFAULT_DELIMITER) -> None:
        self.path = path
        # The BOM is written by hand: the "utf-8-sig" codec costs a Python call per write.
        self.file = _open_text(path, "utf-8")
        self.file.write("\ufeff")
        self.delimiter = delimiter
        self.writer = csv.writer(self.file, delimiter=delimiter, lineterminator=LINE_END)
        self._writerow = self.writer.writerow
        self.raw_write = self.file.write
        triggers = "".join(re.escape(c) for c in FORMULA_TRIGGERS)
        self._formula_cell = re.compile(f"(?:^|{re.escape(delimiter)})[{triggers}]").search
        self.write(header)

    def write(self, cells: Sequence[Any]) -> None:
        self._writerow([spreadsheet_cell(cell_text(c)) for c in cells])

    writerow = write  # every row, also one that is all text, is neutralised

    def suffix_text(self, cells: Sequence[str]) -> str:
        """`cells` rendered once as the end of a row: delimiter, neutralised and quoted cells, line end."""
        buffer = io.StringIO()
        csv.writer(buffer, delimiter=self.delimiter, lineterminator=LINE_END).writerow([spreadsheet_cell(c) for c in cells])
        return self.delimiter + buffer.getvalue()

    def binary_sink(self) -> Any:
        """The file's byte stream, for rows rendered exactly as this writer renders them (the
        columnar path writes them in bulk); what was written as text before is flushed first."""
        self.file.flush()
        return self.file.buffer

    def verbatim(self, line: str) -> bool:
        """Whether `line` (cells joined by this writer's delimiter) may be written as it is: no
        cell starts with a formula trigger. (A plain negative number also says no: it then
        takes `write`, which leaves it as it is.)"""
        return self._formula_cell(line) is None

    def plain(self, line: str, cells: int) -> bool:
        """Whether `line` (cells joined by the delimiter) is exactly what `write` would write: no
        cell needs quoting or neutralising. Then a row can be written as the joined text."""
        return (cells > 1 and '"' not in line and "\n" not in line and "\r" not in line and line.count(self.delimiter) == cells - 1
                and self._formula_cell(line) is None)

    def close(self) -> None:
        self.file.close()


class JsonlWriter:
    kind: Kind = "jsonl"

    def __init__(self, path: Path, header: Sequence[str]) -> None:
        self.file = _open_text(path, "utf-8")
        self.header = list(header)

    def write(self, cells: Sequence[Any]) -> None:
        row = {name: value for name, value in zip(self.header, cells, strict=False) if value is not ABSENT}
        self.file.write(json.dumps(row, ensure_ascii=False, default=cell_text))
        self.file.write("\n")

    def close(self) -> None:
        self.file.close()


DATE_COLUMNS: tuple[str, ...] = ("vurdert_dato",)
DATE_FORMAT = "dd.mm.yyyy"  # as Norwegian readers write dates (and as the TUI shows them)


class XlsxWriter:
    """One sheet "Data": a bold, frozen header with filters; numbers in `numeric` columns and
    dates in DATE_COLUMNS typed when they read back as the same value, everything else text."""

    kind: Kind = "xlsx"

    def __init__(self, path: Path, header: Sequence[str], numeric: Iterable[str] = ()) -> None:
        from openpyxl import Workbook
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Font
        from openpyxl.utils import get_column_letter

        self.path = path
        self.workbook = Workbook(write_only=True)
        self.sheet = self.workbook.create_sheet("Data")
        self.sheet.freeze_panes = "A2"
        self.numeric = {i for i, name in enumerate(header) if name in set(numeric)}
        self.dates = {i for i, name in enumerate(header) if name in DATE_COLUMNS}
        self.rows = 0
        self.last_column = get_column_letter(max(1, len(header)))
        for j, name in enumerate(header, start=1):
            self.sheet.column_dimensions[get_column_letter(j)].width = min(40, max(10, len(str(name)) + 4))
        self._date_cell = lambda value: _typed(WriteOnlyCell(self.sheet, value), DATE_FORMAT)
        bold = Font(bold=True)
        self.sheet.append([_styled(WriteOnlyCell(self.sheet, xlsx_text(str(name))), bold) for name in header])

    def write(self, cells: Sequence[Any]) -> None:
        self.rows += 1
        if self.rows >= XLSX_MAX_ROWS:
            raise CaseFileError("xlsx_for_stor", fil=str(self.path), maks=XLSX_MAX_ROWS - 1)
        self.sheet.append([self._cell(i, value) for i, value in enumerate(cells)])

    def _cell(self, index: int, value: Any) -> Any:
        if value is ABSENT or value is None:
            return None
        if isinstance(value, list | tuple):
            return xlsx_text(", ".join(cell_text(v) for v in value))
        if isinstance(value, bool | dict):
            return xlsx_text(cell_text(value))
        if isinstance(value, int | float | date):
            return self._date_cell(value) if isinstance(value, date) else value
        text = value if isinstance(value, str) else cell_text(value)
        if index in self.numeric and _plain_int(text):
            return int(text)
        if index in self.dates:
            day = _iso_date(text)
            if day is not None:
                return self._date_cell(day)
        return xlsx_text(text)

    def close(self) -> None:
        self.sheet.auto_filter.ref = f"A1:{self.last_column}{self.rows + 1}"
        try:
            self.workbook.save(self.path)
        except OSError as error:
            raise CaseFileError("skriv_feil", fil=str(self.path), grunn=error.strerror or str(error)) from None


def _styled(cell: Any, font: Any) -> Any:
    cell.font = font
    return cell


def _typed(cell: Any, number_format: str) -> Any:
    cell.number_format = number_format
    return cell


def _iso_date(text: str) -> date | None:
    """YYYY-MM-DD exactly (what the readers accept and write back), else None."""
    stripped = text.strip()
    if len(stripped) != 10:
        return None
    try:
        return date.fromisoformat(stripped)
    except ValueError:
        return None


def _plain_int(text: str) -> bool:
    """Digits that read back as the same number (no leading zeros to lose)."""
    stripped = text.strip()
    return stripped.isdigit() and len(stripped) < 16 and (stripped == "0" or not stripped.startswith("0"))


def _open_text(path: Path, encoding: str) -> Any:
    try:
        return path.open("w", encoding=encoding, newline="", buffering=1 << 20)
    except OSError as error:
        raise CaseFileError("skriv_feil", fil=str(path), grunn=error.strerror or str(error)) from None


def open_table(temporary: Path, target: str | Path, header: Sequence[str], delimiter: str | None = None,
               numeric: Iterable[str] = ()) -> TableWriter:
    """A writer for `target`'s kind, writing to `temporary` (from Staging.path)."""
    kind = kind_of(target)
    if kind == "csv":
        return CsvWriter(temporary, header, delimiter or DEFAULT_DELIMITER)
    if kind == "xlsx":
        return XlsxWriter(temporary, header, numeric)
    return JsonlWriter(temporary, header)
