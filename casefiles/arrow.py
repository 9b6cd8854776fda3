"""The one module that talks to polars (Apache Arrow columns) for the batch paths.

polars was chosen over pyarrow by measurement on the 1M-row demo export (2 shared cores):
reading the whole file as text columns took 2.2 s with polars and 3.7 s with pyarrow's CSV
reader, and polars also does the distinct/join/group-by steps without a second library. Only
polars is a dependency.

Sharp edges, and how each is handled:
- polars' CSV parser is not Python's `csv`: it treats a lone carriage return, an empty line, a
  row with too few cells, quotes and NUL differently, and it cannot tell a short row from one
  with empty cells. `read_plain_block` therefore only parses blocks that contain none of the
  constructs where the two could disagree (no quote, no lone CR, no NUL, exactly width − 1
  delimiters on every line: the total is checked and polars raises on any line with more). Any
  other block is read by Python's `csv`, the general reader, and only then put in columns.
- polars only reads UTF-8. Windows-1252 blocks are decoded by Python's codec (the one the
  general path uses) and re-encoded; UTF-16 files are left to the general path.
- String predicates here (`str.contains`, `strip_chars`) do not define whitespace or case as
  Python does. No validation is done with them: every distinct cell goes through the general
  path's own Python validation, and the only predicate used on values (`plain_mask`) is
  conservative (it may call a cell unplain when the writer would not quote it; never the reverse).
- `hash()` differs between polars versions and is only used within one run, as a prefilter whose
  hits are confirmed exactly (see casefiles.columnar).
- polars runs on its own thread pool (all cores, `POLARS_MAX_THREADS`); the rules engine is never
  called from it (no `map_elements`): Python only sees the few distinct values.
- Importing polars costs about half a second: only the batch commands import this module.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from typing import Any, BinaryIO

# polars allocates through jemalloc, which by default keeps freed pages for seconds: a batch run
# that frees a chunk's columns and reads the next would then hold several chunks at once.
# Return them at once instead (read when polars loads, so set before the import; a user's own
# setting wins).
os.environ.setdefault("_RJEM_MALLOC_CONF", "dirty_decay_ms:0,muzzy_decay_ms:0")

import polars as pl

from matrix.safe_text import FORMULA_TRIGGERS

DataFrame = pl.DataFrame
Series = pl.Series
FORMULA_START = FORMULA_TRIGGERS  # the first characters the spreadsheet gate may neutralise


class NotPlain(Exception):
    """polars could not read a block the way Python's csv would: read it the general way."""


def read_plain_block(data: bytes, delimiter: str, width: int, field_limit: int, only: Sequence[int] | None = None) -> pl.DataFrame:
    """The cells of a block of whole lines as text columns c0…c{width-1} (`only`: just those),
    exactly as `csv.reader` reads them, and `blank`: whether every cell of the row is blank.
    Raises NotPlain when the block holds anything on which the two readers could differ."""
    if b'"' in data or b"\x00" in data:
        raise NotPlain
    expected = data.count(b"\n") + (0 if data.endswith(b"\n") else 1)
    # Each line whole (NUL is absent, so it is one field): as many lines as line feeds (none
    # skipped), no carriage return left in one (Python would end a line there), and exactly the
    # header's number of cells in every line, none longer than a field may be.
    lines = pl.read_csv(data, has_header=False, separator="\x00", quote_char=None, infer_schema=False, empty_string_is_null=False,
                        schema={"line": pl.String})["line"]
    if (len(lines) != expected or lines.null_count() or lines.str.contains("\r", literal=True).any()
            or (lines.str.count_matches(delimiter, literal=True) != width - 1).any()):
        raise NotPlain
    if (lines.str.len_bytes().max() or 0) > field_limit:  # type: ignore[operator]
        raise NotPlain  # a field may be longer than Python's csv accepts: let it say so
    names = [f"c{i}" for i in range(width)]
    try:
        frame = pl.read_csv(data, has_header=False, separator=delimiter, quote_char=None, infer_schema=False,
                            empty_string_is_null=False, schema=dict.fromkeys(names, pl.String), raise_if_empty=False,
                            columns=None if only is None else list(only))
    except pl.exceptions.PolarsError:
        raise NotPlain from None
    if frame.height != expected or frame.null_count().sum_horizontal().item():
        raise NotPlain
    return frame.with_columns(blank=_blank_lines(lines, delimiter))


def _blank_lines(lines: pl.Series, delimiter: str) -> pl.Series:
    """Which lines hold only blank cells (Python's `strip` decides, once per distinct remainder)."""
    maybe = ~matches(lines, "[A-Za-z0-9]")  # a letter or digit anywhere: not blank
    if not maybe.any():
        return maybe
    rest = lines.str.replace_all(delimiter, "", literal=True)
    blank = [text for text in distinct(rest.filter(maybe)) if not text.strip()]
    return (rest.is_in(blank) & maybe) if blank else pl.repeat(False, len(lines), dtype=pl.Boolean, eager=True)


def rows_frame(rows: Sequence[Sequence[str]], width: int) -> pl.DataFrame:
    """Rows already read (shaped to `width` text cells, blank ones left out) as the same columns."""
    names = [f"c{i}" for i in range(width)]
    if not rows:
        return pl.DataFrame(schema={**dict.fromkeys(names, pl.String), "blank": pl.Boolean})
    frame = pl.DataFrame([list(row) for row in rows], schema=dict.fromkeys(names, pl.String), orient="row")
    return frame.with_columns(blank=pl.lit(False))


def matches(column: pl.Series, pattern: str) -> pl.Series:
    """Where a text cell matches a regular expression (Rust syntax; used for ASCII patterns only)."""
    return column.str.contains(pattern).fill_null(False)


def distinct(column: pl.Series) -> list[Any]:
    return column.unique(maintain_order=False).to_list()


def codes(column: pl.Series, cells: Sequence[str]) -> pl.Series:
    """Each text cell's position in `cells` (its distinct values, every cell among them)."""
    return column.cast(pl.Enum(list(cells))).to_physical().cast(pl.UInt32)


def pick(values: Sequence[Any], positions: pl.Series, dtype: Any) -> pl.Series:
    """values[position] for each position."""
    return pl.Series(list(values), dtype=dtype).gather(positions)


def lookup(column: pl.Series, keys: Sequence[Any], values: Sequence[Any], dtype: Any) -> pl.Series:
    """Each cell of `column` replaced by the value its key maps to (every cell must be a key)."""
    return column.replace_strict(pl.Series(keys, dtype=column.dtype), pl.Series(values, dtype=dtype), return_dtype=dtype)


def replace_some(column: pl.Series, keys: Sequence[Any], values: Sequence[Any]) -> pl.Series:
    """`column` with the cells that are keys replaced by their values, the rest unchanged."""
    return column.replace(pl.Series(keys, dtype=column.dtype), pl.Series(values, dtype=column.dtype))


def plain_start(column: pl.Series) -> pl.Series:
    """True where a text cell does not start like a formula (see `plain_mask`)."""
    starts = "".join(re.escape(c) for c in FORMULA_START)
    return ~column.str.contains(f"^[{starts}]").fill_null(True)


def plain_mask(column: pl.Series, delimiter: str) -> pl.Series:
    """True where a text cell is certainly written as itself by the CSV writer: no delimiter,
    quote or line break, and not starting like a formula (which the writer may neutralise)."""
    special = re.escape(delimiter) + '"\\r\\n'
    starts = "".join(re.escape(c) for c in FORMULA_START)
    return ~(column.str.contains(f"[{special}]") | column.str.contains(f"^[{starts}]")).fill_null(True)


def write_lines(sink: BinaryIO, parts: Sequence[pl.Series], delimiter: str, suffix: pl.Series, line_end: str) -> None:
    """Row texts to `sink` as UTF-8: the parts joined by the delimiter, then the row's suffix and
    the line end. Written as they are (no quoting: the parts are rendered cells already)."""
    frame = pl.DataFrame({**{f"p{i}": part for i, part in enumerate(parts)}, "suffix": suffix})
    if not frame.height:
        return
    line = pl.concat_str([pl.concat_str([pl.col(f"p{i}") for i in range(len(parts))], separator=delimiter), pl.col("suffix")])
    frame.select(line).write_csv(sink, include_header=False, quote_style="never", line_terminator=line_end)


def factorize(columns: Sequence[pl.Series]) -> tuple[pl.Series, list[tuple[int, ...]]]:
    """Per row, the index of its combination of values in the returned list of distinct
    combinations. The columns hold small non-negative integers (class ids), no nulls."""
    height = len(columns[0]) if columns else 0
    if not columns or not height:
        return pl.zeros(height, dtype=pl.UInt32, eager=True), [()] if height else []
    widths = [max(1, int(column.max() or 0).bit_length()) for column in columns]  # type: ignore[arg-type]
    names = [f"k{i}" for i in range(len(columns))]
    frame = pl.DataFrame({name: column.cast(pl.UInt64) for name, column in zip(names, columns, strict=True)})
    if sum(widths) <= 63:  # packed into one integer key: one hash per row
        offsets = [sum(widths[:i]) for i in range(len(widths))]
        frame = frame.with_columns(key=pl.sum_horizontal(pl.col(n) * (1 << o) for n, o in zip(names, offsets, strict=True)))
        distinct_rows = frame.unique(subset="key", maintain_order=False)
        codes = frame["key"].replace_strict(distinct_rows["key"], pl.int_range(0, distinct_rows.height, dtype=pl.UInt32, eager=True),
                                            return_dtype=pl.UInt32)
    else:
        distinct_rows = frame.unique(maintain_order=False).with_row_index("code")
        codes = frame.join(distinct_rows, on=names, how="left", maintain_order="left")["code"].cast(pl.UInt32)
    return codes, [tuple(int(v) for v in row) for row in distinct_rows.select(names).iter_rows()]


def key_hash(person_ids: pl.Series, days: pl.Series) -> pl.Series:
    """A 64-bit hash of (person_id, day) pairs: a prefilter only, hits are confirmed exactly."""
    return pl.DataFrame({"p": person_ids, "d": days}).select(pl.struct("p", "d").hash(seed=20_260_101)).to_series()


RUN_LIMIT = 1 << 20  # keys in one sorted run


class SortedKeys:
    """A growing set of 64-bit keys with a row number each, in sorted runs merged as they grow
    (a log-structured set): lookup is a binary search per run, memory 12 bytes per key."""

    def __init__(self) -> None:
        self.runs: list[pl.DataFrame] = []

    def find(self, keys: pl.Series) -> pl.Series:
        """The row number stored for each key, 0 where it is absent."""
        keys = keys.cast(pl.UInt64)
        found = pl.zeros(len(keys), dtype=pl.UInt32, eager=True)
        for run in self.runs:
            column = run["key"]
            at = column.search_sorted(keys, side="left").clip(0, len(column) - 1)
            hit = pl.select(pl.when(column.gather(at) == keys).then(run["rad"].gather(at)).otherwise(0)).to_series()
            found = pl.select(pl.when(found == 0).then(hit).otherwise(found)).to_series()
        return found

    def add(self, keys: pl.Series, rads: pl.Series) -> None:
        run = pl.DataFrame({"key": keys.cast(pl.UInt64), "rad": rads.cast(pl.UInt32)}).sort("key")
        self.runs.append(run)
        # Runs merge while they are small; a merge copies both, so none grows past RUN_LIMIT (a
        # 10M-row file then holds ten runs, and no merge ever needs more than 2 x 12 MB at once).
        while (len(self.runs) > 1 and self.runs[-2].height <= 2 * self.runs[-1].height
               and self.runs[-2].height + self.runs[-1].height <= RUN_LIMIT):
            last = self.runs.pop()
            self.runs[-1] = pl.concat([self.runs[-1], last]).sort("key")
