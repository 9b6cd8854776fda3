"""The columnar batch path: CSV exports in Arrow columns, a chunk at a time.

Its output, rejects and manifest are byte for byte those of the general path
(`casefiles.fastpath.Reclassifier.run`); a differential test holds it to that on every fixture
and on generated files. How:

- The file is read in blocks of whole lines (`CHUNK_BYTES`), so memory stays bounded whatever
  its size. A block with nothing on which polars and Python's csv could disagree is parsed by
  polars; any other block (quotes, multi-line fields, ragged rows, stray carriage returns) is
  read by Python's csv, exactly as the general path reads it, and then put in the same columns.
  Files that cannot be read this way at all (UTF-16, a quoted header) go to the general path.
- Each column's distinct cells are validated once, by the general path's own validation
  (`FieldCheck.check`, and `row_errors` for the messages of a rejected row).
- Each distinct combination of the fields' equivalence classes (`Classifier.field_class`,
  `domain_class`, `age_class`) is decided once through `Classifier.verdict` (the engine runs
  once per class) and joined back to the rows; the result cells are rendered once per
  (verdict, previous group) by the output writer itself.
- Duplicates (person_id and vurdert_dato of an accepted row) are found by a group-by within a
  chunk and, across chunks, by a 64-bit hash of the key; every cross-chunk hit is confirmed
  against the earlier row's own cells before the run is committed. A hash collision (never seen,
  about 1 in 10^7 for 10M rows) sends the whole file to the general path.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Hashable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from casefiles import arrow
from casefiles.arrow import pl
from casefiles.batch import CODE_SEPARATOR, NOTE_SEPARATOR, kept_columns, note_texts
from casefiles.fastpath import TEXT_FIELDS, Reclassifier, RunStats, _person_id, row_errors
from casefiles.readers import Progress, Source, csv_reader
from casefiles.validation import Layout, duplicate_error
from casefiles.writers import LINE_END
from matrix import limits
from matrix.assessment import FieldError
from matrix.fields import CANONICAL_FIELDS, DOMAIN_FIELDS
from matrix.values import NATIONAL_ID_SHAPE, PLAIN_PERSON_ID
from rules import Verdict, coverage, days_since
from rules.classifier import AGE_FIELD

CHUNK_BYTES = 4 << 20
REPORT_EVERY = 1 << 14  # rows between progress reports, as the general path
_ENCODINGS = {"utf-8": "utf-8", "utf-8-sig": "utf-8", "cp1252": "cp1252"}
_DOMAIN_BASE = 16  # domain scores are packed into one integer, 4 bits each
_DOMAIN, _AGE = "_domain", "_age"  # id columns: the domain scores' class, the assessment age's class


class Unsuitable(Exception):
    """This file (or this run) must take the general path."""


def suitable(source: Source, layout: Layout) -> bool:
    """Whether the columnar path can read `source` exactly as the general path does."""
    if source.kind != "csv" or source.encoding not in _ENCODINGS or layout.width < 2 or not source.delimiter:
        return False
    with source.path.open("rb") as file:
        header = file.readline()
    text = header.decode(source.encoding, errors="replace")
    return '"' not in text and "\r" not in text.removesuffix("\r\n")


@dataclass
class Chunk:
    """Consecutive rows of the file in text columns c0…, with their row numbers (`rad`)."""

    frame: pl.DataFrame
    shape_errors: dict[int, FieldError] = field(default_factory=dict)  # rad → too many cells
    blank: int = 0  # blank rows read by Python's csv (left out of `frame`)
    rows: int = 0  # rows read (blank ones included)
    end: int = 0  # byte position after the chunk
    by_polars: bool = False  # read by polars: no cell holds a quote or a line break


def chunks(source: Source, layout: Layout, only: list[int] | None = None) -> Iterator[Chunk]:
    """The data rows of a CSV source, a block of whole lines at a time (`only`: just these columns)."""
    delimiter = source.delimiter or ","
    encoding = _ENCODINGS[source.encoding]
    width = layout.width
    rad = 0
    with source.path.open("rb") as file:
        file.readline()  # the header (one line: see `suitable`)
        while block := file.read(CHUNK_BYTES):
            if not block.endswith(b"\n"):
                block += file.readline()
            data = block if encoding == "utf-8" else block.decode(encoding).encode("utf-8")
            try:
                frame = arrow.read_plain_block(data, delimiter, width, limits.MAX_CELL_CHARS, only)  # longer: Layout.shape rejects
            except arrow.NotPlain:
                chunk = _python_rows(block.decode(encoding), file, encoding, source, layout, rad)
                if only is not None:
                    chunk.frame = chunk.frame.select(*(f"c{i}" for i in only), "blank", "rad")
            else:
                chunk = Chunk(frame.with_columns(pl.int_range(rad + 1, rad + 1 + frame.height, dtype=pl.UInt32).alias("rad")),
                              rows=frame.height, by_polars=True)
            rad += chunk.rows
            chunk.end = file.tell()
            yield chunk


def _python_rows(text: str, file: Any, encoding: str, source: Source, layout: Layout, rad: int) -> Chunk:
    """A block read by Python's csv, as the general path reads it; a quoted field that runs past
    the block pulls further lines from the file."""
    lines = io.StringIO(text, newline="").readlines()
    used = 0

    def feed() -> Iterator[str]:
        nonlocal used
        while True:
            if used == len(lines):  # a multi-line field goes on past the block
                more = file.readline()
                if not more:
                    return
                lines.extend(io.StringIO(more.decode(encoding), newline="").readlines())
            used += 1
            yield lines[used - 1]

    reader = csv_reader(feed(), source.delimiter or ",")
    rows: list[list[str]] = []
    rads: list[int] = []
    chunk = Chunk(pl.DataFrame())
    start = rad
    while used < len(lines):
        rad += 1
        try:
            cells = next(reader)
        except csv.Error as error:
            raise source.csv_error(error, rad, rad + 1) from None
        except StopIteration:
            break
        cells, shape_error = layout.shape(cells)
        if shape_error is None and layout.is_blank(cells):
            chunk.blank += 1
            continue
        if shape_error is not None:
            chunk.shape_errors[rad] = shape_error
        rows.append(cells)
        rads.append(rad)
    chunk.frame = arrow.rows_frame(rows, layout.width).with_columns(pl.Series("rad", rads, dtype=pl.UInt32))
    chunk.rows = rad - start
    return chunk


class _Field:
    """One canonical field's distinct cells: validated once each, with what the rows need."""

    def __init__(self, name: str, check: Callable[[str, str | None], tuple[Any, tuple[FieldError, ...]]]) -> None:
        self.name = name
        self.check = check
        self.known: dict[str | None, tuple[bool, Any]] = {}

    def resolve(self, cells: list[str | None]) -> None:
        for cell in cells:
            if cell not in self.known:
                value, errors = self.check(self.name, cell)
                self.known[cell] = (not errors, value)


class ColumnarRun:
    """One pass over one CSV source; the caches that outlive a chunk, and the counts."""

    def __init__(self, owner: Reclassifier, source: Source, layout: Layout, output: Any,
                 reject: Callable[[int, str | None, FieldError], None], tally: Any = None) -> None:
        if output is not None and output.kind != "csv":
            raise Unsuitable
        self.tally = tally  # a tallies.Tally to count the accepted rows into, instead of writing them
        self.owner = owner
        self.classifier = owner.classifier
        self.check = owner.check.check
        self.source = source
        self.layout = layout
        self.output = output
        self.reject = reject
        self.keep = kept_columns(layout)
        self.has_previous = "tidligere_gruppe" in layout.index
        self.fields = {name: _Field(name, self.check) for name in CANONICAL_FIELDS if name not in TEXT_FIELDS and name != "person_id"}
        covered = {*DOMAIN_FIELDS, *self.classifier.class_fields, "bydel", "fodselsar", "kjonn", "vurdert_dato", "tidligere_gruppe"}
        if covered != set(self.fields):  # a new field must be validated here too
            raise AssertionError(f"the columnar path does not cover {sorted(covered ^ set(self.fields))}")
        self.person_ids: dict[str, str | None] = {}
        self.field_ids: dict[str, dict[Hashable, int]] = {name: {} for name in self.classifier.class_fields}
        self.field_examples: dict[str, list[Any]] = {name: [] for name in self.classifier.class_fields}
        self.domain_ids: dict[Hashable, int] = {}
        self.domain_examples: list[dict[str, Any]] = []
        self.domain_of_code: dict[int, int] = {}
        self.age_ids: dict[Hashable, int] = {}
        self.age_examples: list[int | None] = []
        self.table_columns = (_DOMAIN, *(n for n in self.classifier.class_fields if n in self.classifier.table_fields))
        self.flag_columns = {code: self._flag_columns(names) for code, names in self.classifier.flag_fields.items()}
        self.decision_ids: dict[tuple[int, ...], int] = {}
        self.decision_index: dict[tuple[str, int], int] = {}
        self.decisions: list[tuple[str, int]] = []
        self.coverages: dict[str, int] = {}
        self.flag_answers: dict[tuple[Any, ...], int] = {}
        self.results: dict[tuple[int, ...], int] = {}  # (decision, coverage, flags, previous) → result index
        self.result_list: list[tuple[Verdict, int | None]] = []
        self.suffixes: list[str] = []
        self.counts: list[int] = []
        self.seen = arrow.SortedKeys()
        self.to_confirm: dict[int, list[tuple[str, int]]] = {}  # earlier rad → the (person_id, day) said to repeat it
        self.stats = RunStats(has_previous_column=self.has_previous)

    def _flag_columns(self, names: tuple[str, ...]) -> tuple[str, ...]:
        """The id columns that carry what one flag reads."""
        classifier = self.classifier
        columns: list[str] = []
        if any(name in DOMAIN_FIELDS or name == "maks" for name in names):
            columns.append(_DOMAIN)  # a domain score or the `maks` they derive
        columns += [name for name in classifier.class_fields if name in names]
        columns += [name for name in ("gruppe", "dekning") if name in names]
        if AGE_FIELD in names:
            columns.append(_AGE)
        unknown = set(names) - {*DOMAIN_FIELDS, "maks", *classifier.class_fields, "gruppe", "dekning", AGE_FIELD}
        if unknown:
            raise AssertionError(f"the columnar path does not carry {sorted(unknown)}")
        return tuple(columns)

    # -- per field ---------------------------------------------------------------------------
    def column(self, frame: pl.DataFrame, name: str) -> pl.Series | None:
        at = self.layout.index.get(name)
        return None if at is None else frame[f"c{at}"]

    def validated(self, frame: pl.DataFrame, name: str, convert: Callable[[Any], Any],
                  dtype: Any) -> tuple[pl.Series | None, pl.Series]:
        """(valid? per row, or None when every row is; converted value per row) for one field,
        each distinct cell checked once by the general path's validation."""
        spec = self.fields[name]
        column = self.column(frame, name)
        cells: list[str | None] = [None] if column is None else arrow.distinct(column)
        spec.resolve(cells)
        found = [spec.known[c] for c in cells]
        converted = [convert(value) if ok else None for ok, value in found]
        every = all(ok for ok, _ in found)
        if column is None:
            ok, _ = found[0]
            return (None if ok else pl.repeat(False, frame.height, dtype=pl.Boolean, eager=True),
                    pl.repeat(converted[0], frame.height, dtype=dtype, eager=True))
        positions = arrow.codes(column, cells)  # type: ignore[arg-type]
        return (None if every else arrow.pick([ok for ok, _ in found], positions, pl.Boolean),
                arrow.pick(converted, positions, dtype))

    def class_id(self, name: str, value: Any) -> int:
        token = self.classifier.field_class(name, value)
        ids = self.field_ids[name]
        found = ids.get(token)
        if found is None:
            found = ids[token] = len(self.field_examples[name])
            self.field_examples[name].append(value)
        return found

    def domain_id(self, code: int) -> int:
        found = self.domain_of_code.get(code)
        if found is None:
            values = {name: code // _DOMAIN_BASE**i % _DOMAIN_BASE for i, name in enumerate(DOMAIN_FIELDS)}
            token = self.classifier.domain_class(values)
            found = self.domain_ids.get(token)
            if found is None:
                found = self.domain_ids[token] = len(self.domain_examples)
                self.domain_examples.append(values)
            self.domain_of_code[code] = found
        return found

    def age_id(self, ordinal: int) -> int:
        days = days_since(date.fromordinal(ordinal) if ordinal else None, self.owner.today)
        token = self.classifier.age_class(days)
        found = self.age_ids.get(token)
        if found is None:
            found = self.age_ids[token] = len(self.age_examples)
            self.age_examples.append(days)
        return found

    def person_id_column(self, frame: pl.DataFrame) -> pl.Series | None:
        """Each row's validated person_id (None where it is bad). Cells of the plain shape that
        `parse_person_id` keeps unchanged are taken as they are; every other distinct cell goes
        through the general path's validation."""
        column = self.column(frame, "person_id")
        if column is None:
            return None
        plain = arrow.matches(column, PLAIN_PERSON_ID) & ~arrow.matches(column, NATIONAL_ID_SHAPE)
        if plain.all():
            return column
        others = column.filter(~plain)
        cells = arrow.distinct(others)
        checked = [_person_id(cell, self.check)[0] for cell in cells]
        return pl.select(pl.when(plain).then(column).otherwise(arrow.replace_some(column, cells, checked))).to_series()

    # -- per chunk ---------------------------------------------------------------------------
    def execute(self, progress: Progress | None) -> RunStats:
        done = 0
        position = 0
        for chunk in chunks(self.source, self.layout):
            self.stats.blank += chunk.blank
            self.process(chunk)
            if progress is not None:
                for boundary in range((done // REPORT_EVERY + 1) * REPORT_EVERY, done + chunk.rows + 1, REPORT_EVERY):
                    progress(position + (chunk.end - position) * (boundary - done) // max(chunk.rows, 1), self.source.scan.size)
            done += chunk.rows
            position = chunk.end
        self.confirm_duplicates()
        self.finish(done)
        return self.stats

    def process(self, chunk: Chunk) -> None:
        frame = chunk.frame
        if not frame.height:
            return
        frame = self.drop_blank(frame)
        if not frame.height:
            return
        height = frame.height
        valid = pl.repeat(True, height, dtype=pl.Boolean, eager=True)
        if chunk.shape_errors:
            valid = ~frame["rad"].is_in(list(chunk.shape_errors))
        columns: dict[str, pl.Series] = {}
        for name in DOMAIN_FIELDS:
            ok, columns[name] = self.validated(frame, name, _small_score, pl.Int64)
            valid = valid if ok is None else valid & ok
        for name in self.classifier.class_fields:
            ok, columns[name] = self.validated(frame, name, lambda v, n=name: self.class_id(n, v), pl.UInt32)
            valid = valid if ok is None else valid & ok
        day_ok, day = self.validated(frame, "vurdert_dato", lambda v: v.toordinal() if v else 0, pl.Int64)
        previous_ok, previous = self.validated(frame, "tidligere_gruppe", lambda v: v or 0, pl.Int64)
        for ok in (day_ok, previous_ok):
            valid = valid if ok is None else valid & ok
        for name in self.fields:
            if name not in columns and name not in ("vurdert_dato", "tidligere_gruppe"):
                ok = self.validated(frame, name, lambda v: 0, pl.Int8)[0]
                valid = valid if ok is None else valid & ok
        if day_ok is None:
            day_ok = pl.repeat(True, height, dtype=pl.Boolean, eager=True)
        person_id = self.person_id_column(frame)
        if person_id is None:
            person_ok = pl.repeat(self.check("person_id", None)[1] == (), height, dtype=pl.Boolean, eager=True)
            person_id = pl.repeat(None, height, dtype=pl.String, eager=True)
        else:
            person_ok = person_id.is_not_null()
        valid &= person_ok
        earlier = self.duplicates(frame["rad"], person_id, day, person_ok & day_ok, valid)
        accepted = valid & (earlier == 0)
        self.write_accepted(frame, accepted, columns, day, previous, chunk.by_polars)
        rejected = ~accepted
        if rejected.any():
            self.write_rejects(frame.filter(rejected), earlier.filter(rejected), chunk.shape_errors)

    def drop_blank(self, frame: pl.DataFrame) -> pl.DataFrame:
        kept, blank = drop_blank(frame)
        self.stats.blank += blank
        return kept

    def duplicates(self, rads: pl.Series, person_id: pl.Series, day: pl.Series, has_key: pl.Series, valid: pl.Series) -> pl.Series:
        """For each row, the row number of an earlier accepted row with its person_id and date (0: none)."""
        keys = pl.DataFrame({"rad": rads, "pid": person_id, "day": day.fill_null(0), "has_key": has_key, "valid": valid})
        first = (keys.filter(pl.col("has_key") & pl.col("valid")).group_by("pid", "day")
                 .agg(pl.col("rad").min().alias("first")))
        hashes = arrow.key_hash(keys["pid"], keys["day"])
        before = self.seen.find(hashes)
        keys = keys.with_columns(hash=hashes, before=before).join(first, on=["pid", "day"], how="left", maintain_order="left")
        earlier = keys.select(
            pl.when(~pl.col("has_key")).then(0)
            .when(pl.col("before") > 0).then(pl.col("before"))
            .when(pl.col("first") < pl.col("rad")).then(pl.col("first"))
            .otherwise(0).cast(pl.UInt32)
        ).to_series()
        hits = keys.filter(pl.col("has_key") & (pl.col("before") > 0))
        for pid, day_number, earlier_rad in hits.select("pid", "day", "before").iter_rows():
            self.to_confirm.setdefault(earlier_rad, []).append((pid, day_number))
        newly = keys.filter(pl.col("has_key") & pl.col("valid") & (earlier == 0))
        if newly.height:
            self.seen.add(newly["hash"], newly["rad"])
        return earlier

    def write_accepted(self, frame: pl.DataFrame, accepted: pl.Series, columns: dict[str, pl.Series], day: pl.Series,
                       previous: pl.Series, by_polars: bool) -> None:
        if not accepted.any():
            return
        everyone = bool(accepted.all())

        def kept(column: pl.Series) -> pl.Series:
            return column if everyone else column.filter(accepted)

        good = frame if everyone else frame.filter(accepted)
        ids = {name: kept(columns[name]) for name in self.classifier.class_fields}
        domain_code = sum((kept(columns[name]) * _DOMAIN_BASE**i for i, name in enumerate(DOMAIN_FIELDS)),
                          start=pl.zeros(good.height, dtype=pl.Int64, eager=True))
        codes = arrow.distinct(domain_code)
        ids[_DOMAIN] = arrow.lookup(domain_code, codes, [self.domain_id(c) for c in codes], pl.UInt32)
        ordinal = kept(day)
        ordinals = arrow.distinct(ordinal)
        ids[_AGE] = arrow.lookup(ordinal, ordinals, [self.age_id(o) for o in ordinals], pl.UInt32)
        # Stage 1: the deciding row, once per class of what the table reads.
        ids["decision"] = self.per_class(ids, self.table_columns, self.decision_id)
        ids["gruppe"] = arrow.pick([g for _, g in self.decisions], ids["decision"], pl.UInt32)
        ids["dekning"] = self.per_class(ids, ("gruppe", "boligsituasjon"), self.coverage_id)
        # Stage 2: each warning and note, once per class of the fields it reads.
        flags = pl.zeros(good.height, dtype=pl.UInt32, eager=True)
        for bit, code in enumerate(self.classifier.flag_fields):
            holds = self.per_class(ids, self.flag_columns[code], lambda combo, c=code: self.flag_holds(c, combo))
            flags = flags + holds * (1 << bit)
        ids["flags"] = flags
        ids["previous"] = kept(previous).cast(pl.UInt32)
        result = self.per_class(ids, ("decision", "dekning", "flags", "previous"), self.result_index)
        for position, count in result.value_counts().iter_rows():
            self.counts[position] += count
        if self.tally is not None:
            self.count_into_tally(good, result)
        if self.output is None:
            return
        suffix = arrow.pick(self.suffixes, result, pl.String)
        delimiter = self.output.delimiter
        cells = [self.rendered(good[f"c{i}"], delimiter, by_polars) for i in self.keep]
        arrow.write_lines(self.output.binary_sink(), cells, delimiter, suffix, LINE_END)

    def count_into_tally(self, good: pl.DataFrame, result: pl.Series) -> None:
        """The accepted rows as tally records (what the general path's tally sink receives), equal ones together."""
        tally = self.tally
        raw = [name for name in ("bydel", "kjonn", "fodselsar") if name in self.layout.index
               and (name != "kjonn" or "kjonn" in tally.by) and (name != "fodselsar" or "aldersgruppe" in tally.by)]
        frame = pl.DataFrame({"result": result, **{name: good[f"c{self.layout.index[name]}"] for name in raw}})
        for index, *cells, n in frame.group_by("result", *raw).len("n").iter_rows():
            verdict, _ = self.result_list[index]
            group = self.owner.matrix.groups[verdict.gruppe]
            record = {**dict(zip(raw, cells, strict=True)), "gruppe": verdict.gruppe, "boligtype": group.boligtype.verdi,
                      "boligstandard": group.boligstandard.verdi, "ansvar": group.ansvar.verdi, "dekning": verdict.dekning}
            tally.add(record, n)
        if "vurdert_dato" in self.layout.index:
            for cell in arrow.distinct(good[f"c{self.layout.index['vurdert_dato']}"]):
                tally.saw_assessment(cell)

    def per_class(self, ids: dict[str, pl.Series], names: tuple[str, ...], decide: Callable[[dict[str, int]], int]) -> pl.Series:
        """`decide` once per distinct combination of the named id columns, joined back to the rows."""
        positions, combos = arrow.factorize([ids[name] for name in names])
        answers = [decide(dict(zip(names, combo, strict=True))) for combo in combos]
        return arrow.pick(answers, positions, pl.UInt32)

    def values_of(self, combo: dict[str, int]) -> dict[str, Any]:
        """Representative validated values for a combination of class ids (a field it lacks: any example)."""
        values = dict(self.domain_examples[combo.get(_DOMAIN, 0)])
        for name in self.classifier.class_fields:
            values[name] = self.field_examples[name][combo.get(name, 0)]
        return values

    def decision_id(self, combo: dict[str, int]) -> int:
        key = tuple(combo[name] for name in self.table_columns)
        found = self.decision_ids.get(key)
        if found is None:
            decided = self.classifier.decide(self.values_of(combo))
            pair = (decided.regel, decided.gruppe)
            found = self.decision_ids[key] = self.decision_index.setdefault(pair, len(self.decisions))
            if found == len(self.decisions):
                self.decisions.append(pair)
        return found

    def coverage_id(self, combo: dict[str, int]) -> int:
        housing = self.field_examples["boligsituasjon"][combo["boligsituasjon"]]
        status = coverage(self.owner.matrix, combo["gruppe"], housing)
        return self.coverages.setdefault(status, len(self.coverages))

    def flag_holds(self, code: str, combo: dict[str, int]) -> int:
        key = (code, *(combo[name] for name in self.flag_columns[code]))
        found = self.flag_answers.get(key)
        if found is None:
            dekning = list(self.coverages)[combo["dekning"]] if "dekning" in combo else "ukjent"
            days = self.age_examples[combo[_AGE]] if _AGE in combo else None
            holds = self.classifier.flag_holds(code, self.values_of(combo), combo.get("gruppe", 1), dekning, days)
            found = self.flag_answers[key] = int(holds)
        return found

    def result_index(self, combo: dict[str, int]) -> int:
        """The output of one (decision, coverage, flags, previous group): rendered once."""
        key = (combo["decision"], combo["dekning"], combo["flags"], combo["previous"])
        found = self.results.get(key)
        if found is None:
            regel, gruppe = self.decisions[key[0]]
            codes = [code for bit, code in enumerate(self.classifier.flag_fields) if key[2] >> bit & 1]
            warnings = self.classifier.warning_codes
            verdict = Verdict(regel, gruppe, list(self.coverages)[key[1]], tuple(c for c in codes if c in warnings),
                              tuple(c for c in codes if c not in warnings))
            found = self.results[key] = len(self.result_list)
            self.result_list.append((verdict, key[3] or None))
            self.counts.append(0)
            self.suffixes.append(self.suffix(verdict, key[3] or None) if self.output is not None else "")
        return found

    def suffix(self, verdict: Verdict, previous: int | None) -> str:
        group = self.owner.matrix.groups[verdict.gruppe]
        cells = [str(verdict.gruppe), verdict.regel, group.boligtype.verdi, group.boligstandard.verdi, group.bemanning.verdi,
                 group.beliggenhet.verdi, group.ansvar.verdi, verdict.dekning, CODE_SEPARATOR.join(verdict.advarsler),
                 NOTE_SEPARATOR.join(note_texts(self.owner.classifier, verdict.merknader, self.owner.lang))]
        if self.has_previous:
            cells.append("" if previous is None else f"{previous}->{verdict.gruppe}")
        return self.output.suffix_text(cells).removesuffix(LINE_END)

    def rendered(self, column: pl.Series, delimiter: str, by_polars: bool) -> pl.Series:
        return render_column(self.output, column, delimiter, by_polars)

    def write_rejects(self, rows: pl.DataFrame, earlier: pl.Series, shape_errors: dict[int, FieldError]) -> None:
        width = self.layout.width
        for values, before in zip(rows.iter_rows(), earlier, strict=True):
            text, rad = list(values[:width]), values[width]
            _, shown, errors = row_errors(self.check, self.layout, text, shape_errors.get(rad))
            if before:
                errors.append(duplicate_error(before))
            self.stats.rejected += 1
            self.stats.errors += len(errors)
            for error in errors:
                self.reject(rad, shown, error)

    # -- the end -----------------------------------------------------------------------------
    def confirm_duplicates(self) -> None:
        """Every cross-chunk duplicate found by hash is checked against the earlier row's cells."""
        if not self.to_confirm:
            return
        wanted = list(self.to_confirm)
        for chunk in chunks(self.source, self.layout):
            rows = chunk.frame.filter(chunk.frame["rad"].is_in(wanted)) if chunk.frame.height else chunk.frame
            if not rows.height:
                continue
            pid = self.column(rows, "person_id")
            dates = self.column(rows, "vurdert_dato")
            for i, rad in enumerate(rows["rad"]):
                person = _person_id(pid[i], self.check)[0] if pid is not None else None
                value, _ = self.check("vurdert_dato", None if dates is None else dates[i])
                if any((person, value.toordinal() if value else 0) != later for later in self.to_confirm[rad]):
                    raise Unsuitable("hash collision")

    def finish(self, rows_seen: int) -> None:
        stats = self.stats
        for (verdict, previous), count in zip(self.result_list, self.counts, strict=True):
            if not count:
                continue
            stats.classified += count
            stats.per_rule[verdict.regel] += count
            stats.per_group[verdict.gruppe] += count
            stats.per_coverage[verdict.dekning] += count
            if previous is None:
                stats.without_previous[verdict.gruppe] += count
            else:
                stats.transitions[(previous, verdict.gruppe)] += count
        stats.rows = rows_seen - stats.blank
        if stats.rows != stats.classified + stats.rejected:
            raise AssertionError(f"rows {stats.rows} != classified {stats.classified} + rejected {stats.rejected}")


def render_column(output: Any, column: pl.Series, delimiter: str, by_polars: bool) -> pl.Series:
    """A text column as the CSV writer writes its cells: plain ones as they are, the rest by the
    writer itself. (A cell polars read holds no quote, delimiter or line break: only its start
    can need care.)"""
    plain = arrow.plain_start(column) if by_polars else arrow.plain_mask(column, delimiter)
    if plain.all():
        return column
    special = arrow.distinct(column.filter(~plain))
    texts = [output.suffix_text([cell])[len(delimiter):-len(LINE_END)] if cell else "" for cell in special]
    return arrow.replace_some(column, special, texts)


def write_frame(output: Any, frame: pl.DataFrame) -> None:
    """Rows of text columns, written exactly as `output.write(row)` writes each (CSV: in bulk)."""
    if output.kind != "csv":
        for row in frame.iter_rows():
            output.write(list(row))
        return
    delimiter = output.delimiter
    cells = [render_column(output, frame[name], delimiter, False) for name in frame.columns]
    arrow.write_lines(output.binary_sink(), cells, delimiter, pl.repeat("", frame.height, dtype=pl.String, eager=True), LINE_END)


def drop_blank(frame: pl.DataFrame) -> tuple[pl.DataFrame, int]:
    """`frame` without its blank rows (every cell blank, as `Layout.is_blank` says), and how many."""
    blank = frame["blank"]
    count = int(blank.sum())
    return (frame.filter(~blank) if count else frame).drop("blank"), count


def count_classified(source: Source, layout: Layout, result: Any, valid_group: Callable[[str], bool],
                     valid_district: Callable[[str], bool], fields: tuple[str, ...]) -> int:
    """Count a classified CSV file into `result` (a tallies.Tally) as `tallies.from_files` does row
    by row: equal records are counted together; returns the rows not counted."""
    index = {name: layout.names.index(name) for name in fields if name in layout.names}
    wanted = [name for name in index if name != "vurdert_dato" and (name != "kjonn" or "kjonn" in result.by)
              and (name != "fodselsar" or "aldersgruppe" in result.by)]
    skipped = 0
    needed = sorted({index[name] for name in (*wanted, "gruppe", "bydel", "vurdert_dato") if name in index})
    for chunk in chunks(source, layout, only=needed):
        frame = drop_blank(chunk.frame)[0]
        if not frame.height:
            continue
        ok = pl.repeat(True, frame.height, dtype=pl.Boolean, eager=True)
        for name, test in (("gruppe", valid_group), ("bydel", valid_district)):
            column = frame[f"c{index[name]}"] if name in index else pl.repeat("", frame.height, dtype=pl.String, eager=True)
            cells = arrow.distinct(column)
            ok &= arrow.pick([test(c.strip()) for c in cells], arrow.codes(column, cells), pl.Boolean)
        skipped += int((~ok).sum())
        counted = frame.filter(ok)
        groups = counted.group_by([f"c{index[name]}" for name in wanted]).len("n")
        for *cells, n in groups.iter_rows():
            result.add({name: cell.strip() for name, cell in zip(wanted, cells, strict=True)}, n)
        if "vurdert_dato" in index:
            for cell in arrow.distinct(counted[f"c{index['vurdert_dato']}"]):
                result.saw_assessment(cell.strip())
    return skipped


def _small_score(value: int) -> int:
    if not 0 <= value < _DOMAIN_BASE:
        raise Unsuitable(f"domain score {value} does not fit in 4 bits")
    return value


