"""The fast reclassification path behind `rusmatrise reclassify`.

Its answers equal `read_assessments` + `Classifier.classify` row for row (a test holds it to
that). The group, rule, coverage and flags depend only on how each assessment field compares
with the constants the rules use: the classifier memoises on exactly that, and so does this
module, one level earlier, on the raw cell text:

- each distinct cell text is validated once, by the real assessment model (`FieldCheck`);
- the six domain scores, and the other rule inputs, are each looked up as one tuple of raw
  cells, giving a small id for their equivalence class;
- each (domain class, other class) profile goes through the rules engine once, each
  (profile, assessment-age class, previous group) gets its output cells rendered once;
- a row then costs a few dictionary look-ups and one write. Anything unusual (a bad cell, a
  repeated person, a short row) takes the general path, which names every error.
"""

from __future__ import annotations

import csv
import gc
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import chain
from operator import itemgetter
from typing import Any

from pydantic_core import PydanticCustomError

from casefiles.batch import CODE_SEPARATOR, NOTE_SEPARATOR, kept_columns, note_texts
from casefiles.readers import BadLine, Progress, Source, cell_text, csv_reader
from casefiles.validation import ROW_FIELD, DuplicateIndex, FieldCheck, Layout, duplicate_error, field_order, person_id_cell
from matrix import limits
from matrix import values as v
from matrix.assessment import FieldError
from matrix.fields import CANONICAL_FIELDS, DOMAIN_FIELDS
from matrix.load import Matrix
from matrix.messages import Lang
from rules import Classifier, Verdict, days_since

SINGLE_FIELDS: tuple[str, ...] = ("bydel", "vurdert_dato", "fodselsar", "kjonn", "tidligere_gruppe")  # one cell each, cached per text
TEXT_FIELDS: tuple[str, ...] = ("brukers_onske",)  # free text: any cell is valid (length is checked by Layout.shape)
_CACHE_LIMIT = 200_000
_DAY_BITS = 10  # a date cell is cached as ordinal << _DAY_BITS | age-class id
_AGE_MASK = (1 << _DAY_BITS) - 1
_BAD = -1
_SEPARATOR = "\x1f"
_MISSING = object()
_READ_BUFFER = 1 << 20
_REPORT_EVERY = 1 << 14  # rows between progress reports


@dataclass
class RunStats:
    rows: int = 0  # data rows read (blank rows excluded)
    classified: int = 0
    rejected: int = 0
    blank: int = 0
    errors: int = 0  # lines in the rejects file
    per_rule: Counter[str] = field(default_factory=Counter)
    per_group: Counter[int] = field(default_factory=Counter)
    per_coverage: Counter[str] = field(default_factory=Counter)
    transitions: Counter[tuple[int, int]] = field(default_factory=Counter)
    without_previous: Counter[int] = field(default_factory=Counter)
    has_previous_column: bool = False


class _Result:
    """The output cells shared by every row with one (verdict, previous group)."""

    __slots__ = ("cells", "count", "previous", "text", "verdict")

    def __init__(self, verdict: Verdict, previous: int | None, cells: list[Any], text: str) -> None:
        self.verdict = verdict
        self.previous = previous
        self.cells = cells
        self.text = text
        self.count = 0


def _getter(indices: Sequence[int]) -> Callable[[Sequence[Any]], tuple[Any, ...]]:
    if not indices:
        return lambda row: ()
    if len(indices) == 1:
        index = indices[0]
        return lambda row: (row[index],)
    return itemgetter(*indices)  # type: ignore[return-value]


class _Group:
    """Rule-input fields read together: their cells → class id (from 1), or _BAD.

    The cells are looked up joined by a separator (hashing one string is cheaper than a
    tuple of fresh ones); a key is only stored when it splits back unambiguously.
    """

    def __init__(self, owner: Reclassifier, names: Sequence[str], layout: Layout) -> None:
        self.owner = owner
        self.names = tuple(names)
        self.present = tuple(n for n in self.names if n in layout.index)
        self.cells = _getter([layout.index[n] for n in self.present])
        self.memo: dict[str, int] = {}
        self.values: list[dict[str, Any]] = [{}]  # class id → representative parsed values
        self._ids: dict[Any, int] = {}

    def key(self, text: Sequence[str]) -> str:
        return _SEPARATOR.join(self.cells(text))

    def lookup(self, key: str, text: Sequence[str]) -> int:
        found = self.memo.get(key)
        if found is None:
            raw = self.cells(text)
            found = self._resolve(raw)
            if key.count(_SEPARATOR) == max(len(raw) - 1, 0):
                if len(self.memo) >= _CACHE_LIMIT:
                    self.memo.clear()
                self.memo[key] = found
        return found

    def _resolve(self, raw: tuple[Any, ...]) -> int:
        cells = dict(zip(self.present, raw, strict=True))
        checked = [self.owner.field_token(name, cells.get(name)) for name in self.names]
        if None in checked:
            return _BAD
        values = {name: value for name, (value, _) in zip(self.names, checked, strict=True)}  # type: ignore[misc]
        # The domain scores are one class together (with the `maks` they derive); other fields one each.
        token = self.owner.classifier.domain_class(values) if self.names == DOMAIN_FIELDS else tuple(t for _, t in checked)  # type: ignore[misc]
        found = self._ids.get(token)
        if found is None:
            found = self._ids[token] = len(self.values)
            self.values.append(values)
        return found


class Reclassifier:
    """Classifies whole sources under one matrix; results identical to `Classifier.classify`."""

    def __init__(self, matrix: Matrix, today: date | None = None, lang: Lang = "nb", classifier: Classifier | None = None) -> None:
        self.matrix = matrix
        self.today = today or date.today()
        self.lang = lang
        self.classifier = classifier or Classifier(matrix)
        self.check = FieldCheck(matrix)
        stage_one = [name for name, spec in matrix.fields.items() if spec.stage == 1 and name != "maks"]
        self.domain_fields = tuple(DOMAIN_FIELDS)
        self.other_fields = tuple(name for name in stage_one if name not in DOMAIN_FIELDS)
        covered = {*stage_one, *SINGLE_FIELDS, *TEXT_FIELDS, "person_id"}
        if covered != set(CANONICAL_FIELDS):  # a new field must be validated here too
            raise AssertionError(f"the fast path does not cover {sorted(set(CANONICAL_FIELDS) ^ covered)}")
        self._field_tokens: dict[tuple[str, str | None], Any] = {}
        self._age_ids: dict[Any, int] = {}
        self._age_examples: list[int | None] = [None]

    def field_token(self, name: str, raw: str | None) -> tuple[Any, tuple[Any, ...]] | None:
        """(value, token) of a valid cell, None for a bad one; memoised per distinct cell."""
        key = (name, raw)
        found = self._field_tokens.get(key, _MISSING)
        if found is _MISSING:
            value, problems = self.check.check(name, raw)
            found = None if problems else (value, self.classifier.field_class(name, value))
            if len(self._field_tokens) >= _CACHE_LIMIT:
                self._field_tokens.clear()
            self._field_tokens[key] = found
        return found  # type: ignore[return-value]

    def age_class(self, day: date | None) -> int:
        """An id (from 1) for how the assessment's age compares with the constants of the notes."""
        days = days_since(day, self.today)
        key = self.classifier.age_class(days)
        found = self._age_ids.get(key)
        if found is None:
            found = self._age_ids[key] = len(self._age_examples)
            if found >= 1 << _DAY_BITS:
                raise AssertionError("too many assessment-age classes")
            self._age_examples.append(days)
        return found

    def run(self, source: Source, layout: Layout, output: Any, reject: Callable[[int, str | None, FieldError], None],
            progress: Progress | None = None) -> RunStats:
        """Classify every row of `source`: good rows to `output` (a TableWriter), each bad field to `reject`."""
        return _Run(self, source, layout, output, reject).execute(progress)


class _Run:
    """One pass over one source: the caches that depend on its columns, and the counts."""

    def __init__(self, owner: Reclassifier, source: Source, layout: Layout, output: Any,
                 reject: Callable[[int, str | None, FieldError], None]) -> None:
        self.owner = owner
        self.source = source
        self.layout = layout
        self.output = output
        self.reject = reject
        self.domain = _Group(owner, owner.domain_fields, layout)
        self.other = _Group(owner, owner.other_fields, layout)
        keep = kept_columns(layout)
        self.keep: list[int] | None = None if len(keep) == layout.width else keep
        self.has_previous = "tidligere_gruppe" in layout.index
        self.singles: dict[str, dict[str, int]] = {name: {} for name in SINGLE_FIELDS}
        self.duplicates = DuplicateIndex()
        self.results: dict[tuple[int, int, int, int], _Result] = {}
        self.stats = RunStats(has_previous_column=self.has_previous)
        self.csv_suffix = getattr(output, "suffix_text", None)  # CSV output: row ends rendered once
        self.misc_names = tuple(n for n in ("bydel", "fodselsar", "kjonn", "tidligere_gruppe") if n in layout.index)
        self.misc_cells = _getter([layout.index[n] for n in self.misc_names])
        self.misc_memo: dict[str, int] = {}
        self._by_content: dict[tuple[Any, ...], _Result] = {}

    def misc_lookup(self, key: str, cells: Sequence[str]) -> int:
        """bydel, fodselsar, kjonn and tidligere_gruppe looked up together (few distinct combinations):
        the previous-group code (see `single`), or _BAD if any of them is bad."""
        found = self.misc_memo.get(key)
        if found is None:
            raw = self.misc_cells(cells)
            codes = [self.single(name, cell) for name, cell in zip(self.misc_names, raw, strict=True)]
            found = _BAD if min(codes) < 0 else codes[-1] if self.has_previous else 1
            if key.count(_SEPARATOR) == len(raw) - 1:
                if len(self.misc_memo) >= _CACHE_LIMIT:
                    self.misc_memo.clear()
                self.misc_memo[key] = found
        return found

    def single(self, name: str, raw: str) -> int:
        """A cached cell as an int: _BAD, or 1 (valid); dates as ordinal << _DAY_BITS | age class;
        previous groups as group + 1 (1 = blank)."""
        cache = self.singles[name]
        found = cache.get(raw)
        if found is None:
            if len(cache) >= _CACHE_LIMIT:
                cache.clear()
            value, errors = self.owner.check.check(name, raw)
            if errors:
                found = _BAD
            elif name == "vurdert_dato":
                found = (value.toordinal() if value else 0) << _DAY_BITS | self.owner.age_class(value)
            elif name == "tidligere_gruppe":
                found = 1 if value is None else value + 1
            else:
                found = 1
            cache[raw] = found
        return found

    def result(self, key: tuple[int, int, int, int]) -> _Result:
        found = self.results.get(key)
        if found is None:
            domain_id, other_id, age, previous_code = key
            values = {**self.domain.values[domain_id], **self.other.values[other_id]}
            verdict = self.owner.classifier.verdict(values, self.owner._age_examples[age])
            content = (verdict, previous_code)
            found = self._by_content.get(content)
            if found is None:  # the first row with these output cells: render them once
                previous = None if previous_code <= 1 else previous_code - 1
                cells = self._cells(verdict, previous)
                found = self._by_content[content] = _Result(verdict, previous, cells, self.csv_suffix(cells) if self.csv_suffix else "")
            self.results[key] = found
        return found

    def _cells(self, verdict: Verdict, previous: int | None) -> list[Any]:
        group = self.owner.matrix.groups[verdict.gruppe]
        cells: list[Any] = [
            verdict.gruppe,
            verdict.regel,
            group.boligtype.verdi,
            group.boligstandard.verdi,
            group.bemanning.verdi,
            group.beliggenhet.verdi,
            group.ansvar.verdi,
            verdict.dekning,
            list(verdict.advarsler),
            self._notes(verdict),
        ]
        if self.has_previous:
            cells.append("" if previous is None else f"{previous}->{verdict.gruppe}")
        if self.output.kind == "csv":
            cells = [CODE_SEPARATOR.join(c) if isinstance(c, list) else str(c) for c in cells]
        return cells

    def _notes(self, verdict: Verdict) -> list[str] | str:
        """The notes' texts: a list in JSONL, one cell of sentences in CSV and XLSX."""
        texts = note_texts(self.owner.classifier, verdict.merknader, self.owner.lang)
        return texts if self.output.kind == "jsonl" else NOTE_SEPARATOR.join(texts)

    def execute(self, progress: Progress | None) -> RunStats:
        # Nothing here makes reference cycles, and the cyclic collector would otherwise walk the
        # growing duplicate index again and again (a third of the run time at a million rows).
        collecting = gc.isenabled()
        gc.disable()
        try:
            if self.source.kind == "csv":
                rad = self._csv(progress)
            else:
                # XLSX and JSONL come typed and are slower to read than to check: every row
                # takes the general path.
                rad = 0
                for rad, cells in enumerate(self.source.rows(progress), start=1):
                    self.general(rad, cells)
        finally:
            if collecting:
                gc.enable()
        self._finish(rad)
        return self.stats

    def _csv(self, progress: Progress | None) -> int:
        """The fast loop. A line without quotes (nearly all of them) is split on the delimiter,
        which is exactly how csv.reader reads it, and written back as itself plus the rendered
        result cells, which is exactly how csv.writer would write it; a line with quotes is
        read by csv.reader, which pulls in the further lines of a multi-line field."""
        source, output = self.source, self.output
        delimiter = source.delimiter or ","
        at = self.layout.index.get
        width = self.layout.width
        pid_at, district_at, day_at = at("person_id"), at("bydel"), at("vurdert_dato")
        if pid_at is None or district_at is None:
            width = -1  # every row is rejected for the missing column: all take the general path
        dcells, ocells, dlook, olook = self.domain.cells, self.other.cells, self.domain.lookup, self.other.lookup
        sep = _SEPARATOR.join
        dmemo, omemo = self.domain.memo, self.other.memo
        mcells, mmemo, mlook = self.misc_cells, self.misc_memo, self.misc_lookup
        single = self.single
        days = self.singles["vurdert_dato"]
        blank_day = self.owner.age_class(None)
        setdefault = self.duplicates.seen.setdefault
        results, result = self.results, self.result
        parse_pid, plain_pid = v.parse_person_id, v.person_id_is_plain
        keep = self.keep
        out_width = width if keep is None else len(keep)
        general, emit = self.general, self.emit
        csv_output = output.kind == "csv"
        same_line = csv_output and output.delimiter == delimiter and keep is None
        if csv_output:
            join, plain, fwrite, verbatim = output.delimiter.join, output.plain, output.raw_write, output.verbatim
        size = source.scan.size
        limit = limits.MAX_CELL_CHARS
        rad = 0
        report_at = _REPORT_EVERY if progress is not None else -1
        with source.path.open(encoding=source.encoding, newline="", buffering=_READ_BUFFER) as file:
            try:
                next(csv_reader(file, delimiter), None)  # the header, however many lines
                for line in file:
                    rad += 1
                    if rad == report_at:
                        report_at += _REPORT_EVERY
                        progress(file.buffer.tell(), size)  # type: ignore[misc]
                    if '"' in line or len(line) > limit:
                        cells = next(csv_reader(chain((line,), file), delimiter))
                        line = None
                        if max(map(len, cells), default=0) > limit:  # Layout.shape names the long cell
                            general(rad, cells)
                            continue
                    else:
                        line = line.rstrip("\r\n")
                        cells = line.split(delimiter) if line else []
                    if len(cells) != width:
                        general(rad, cells)
                        continue
                    d = dmemo.get(raw := sep(dcells(cells))) or dlook(raw, cells)
                    o = omemo.get(raw := sep(ocells(cells))) or olook(raw, cells)
                    previous = mmemo.get(raw := sep(mcells(cells))) or mlook(raw, cells)
                    day = blank_day if day_at is None else (days.get(raw := cells[day_at]) or single("vurdert_dato", raw))
                    if d < 0 or o < 0 or previous < 0 or day < 0:
                        general(rad, cells)
                        continue
                    person_id = cells[pid_at]
                    if not plain_pid(person_id):
                        try:
                            person_id = parse_pid(person_id)
                        except PydanticCustomError:
                            general(rad, cells)
                            continue
                    packed = day << 32 | rad  # a new int object (day >= 1): `is` tells whether it went in
                    if setdefault(person_id, packed) is not packed:  # the same person again: the general path decides
                        general(rad, cells)
                        continue
                    key = (d, o, day & _AGE_MASK, previous)
                    entry = results.get(key) or result(key)
                    entry.count += 1
                    if same_line and line is not None and verbatim(line):  # no cell that a spreadsheet would run
                        fwrite(line + entry.text)
                        continue
                    out = cells if keep is None else [cells[i] for i in keep]
                    if csv_output and plain(text := join(out), out_width):
                        fwrite(text + entry.text)
                    else:
                        emit(out, entry)
            except csv.Error as error:
                raise source.csv_error(error, rad, rad + 1) from None
        return rad

    def emit(self, out: list[Any], entry: _Result) -> None:
        """Write one output row through the table writer (it converts and quotes cells)."""
        self.output.write(out + entry.cells)

    def general(self, rad: int, cells: list[Any] | BadLine) -> None:
        """Any row the fast path did not take: name every error, or classify it after all."""
        if isinstance(cells, BadLine):
            self._reject(rad, None, [FieldError(ROW_FIELD, cells.kode, cells.params)])
            return
        cells, shape_error = self.layout.shape(cells)
        if shape_error is None and self.layout.is_blank(cells):
            self.stats.blank += 1
            return
        text = [cell_text(c) for c in cells]
        at = self.layout.index.get
        person_id, shown, errors = row_errors(self.owner.check.check, self.layout, text, shape_error, cells)
        day = self.single("vurdert_dato", text[at("vurdert_dato")]) if at("vurdert_dato") is not None else self.owner.age_class(None)
        if person_id is not None and day >= 0:
            earlier = self.duplicates.earlier(person_id, day)
            if earlier is not None:
                errors.append(duplicate_error(earlier))
        if errors:
            self._reject(rad, shown, errors)
            return
        assert person_id is not None
        self.duplicates.add(person_id, day, rad)
        pid_at = at("person_id")
        if pid_at is not None and not isinstance(cells[pid_at], str):  # a numeric cell: written back as the id it was read as
            cells = [*cells[:pid_at], person_id, *cells[pid_at + 1 :]]
        previous_at = at("tidligere_gruppe")
        previous = 1 if previous_at is None else self.single("tidligere_gruppe", text[previous_at])
        d = self.domain.lookup(self.domain.key(text), text)
        o = self.other.lookup(self.other.key(text), text)
        entry = self.result((d, o, day & _AGE_MASK, previous))
        entry.count += 1
        self.emit(cells if self.keep is None else [cells[i] for i in self.keep], entry)

    def _reject(self, rad: int, person_id: str | None, errors: list[FieldError]) -> None:
        self.stats.rejected += 1
        self.stats.errors += len(errors)
        for error in errors:
            self.reject(rad, person_id, error)

    def _finish(self, rows_seen: int) -> None:
        stats = self.stats
        for entry in self._by_content.values():  # each distinct output once (keys may share one)
            count, verdict = entry.count, entry.verdict
            stats.classified += count
            stats.per_rule[verdict.regel] += count
            stats.per_group[verdict.gruppe] += count
            stats.per_coverage[verdict.dekning] += count
            if entry.previous is None:
                stats.without_previous[verdict.gruppe] += count
            else:
                stats.transitions[(entry.previous, verdict.gruppe)] += count
        stats.rows = rows_seen - stats.blank
        if stats.rows != stats.classified + stats.rejected:
            raise AssertionError(f"rows {stats.rows} != classified {stats.classified} + rejected {stats.rejected}")


_Check = Callable[[str, str | None], tuple[Any, tuple[FieldError, ...]]]


def row_errors(check: _Check, layout: Layout, text: Sequence[str], shape_error: FieldError | None,
               cells: Sequence[Any] | None = None) -> tuple[str | None, str | None, list[FieldError]]:
    """(validated person_id or None, person_id as shown in the rejects file, every error of the row
    but the duplicate check, in model order). Shared by every batch path, so their rejects agree.
    `cells`, the row as read, lets a numeric person_id cell be checked as the number it is."""
    at = layout.index.get
    errors: list[FieldError] = [shape_error] if shape_error else []
    for name in CANONICAL_FIELDS:
        if name in TEXT_FIELDS or name == "person_id":
            continue
        position = at(name)
        errors += check(name, None if position is None else text[position])[1]
    pid_at = at("person_id")
    pid_raw = None if pid_at is None else person_id_cell(cells[pid_at]) if cells is not None else text[pid_at]
    person_id, problems = (None, ()) if pid_raw is None else _person_id(pid_raw, check)
    if pid_raw is None:
        problems = check("person_id", None)[1]
    errors += problems
    errors.sort(key=field_order)  # stable: the order the model reports them in
    shown = (cell_text(pid_raw).strip() or None) if pid_raw is not None else None
    return person_id, shown, errors


def _person_id(raw: Any, check: _Check) -> tuple[str | None, tuple[FieldError, ...]]:
    """Validated person_id; national ids (unique per row) are checked without filling the cache."""
    try:
        return v.parse_person_id(raw), ()
    except PydanticCustomError:
        value, errors = check("person_id", raw)
        return value, errors
