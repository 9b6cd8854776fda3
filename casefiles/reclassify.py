"""One reclassification run: input file in; output, rejects and manifest out, all or nothing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from casefiles.batch import NUMERIC_COLUMNS, output_header
from casefiles.fastpath import Reclassifier, RunStats
from casefiles.manifest import RunRecord, manifest_path, write_manifest
from casefiles.mapping import ColumnMapping
from casefiles.messages import CaseFileError
from casefiles.readers import Progress, Source, kind_of, open_source
from casefiles.validation import Layout
from casefiles.writers import CsvWriter, Staging, open_table, same_file, sibling_with_infix
from matrix.assessment import FieldError
from matrix.load import Matrix
from matrix.messages import Lang

REJECT_COLUMNS = ("rad", "person_id", "felt", "feil")


def _close_quietly(*tables: Any) -> None:
    """Close every table; the first failure (a full disk shows here too) is raised after all are closed."""
    failure: BaseException | None = None
    for table in tables:
        try:
            table.close()
        except (OSError, CaseFileError) as error:
            failure = failure or error
    if isinstance(failure, OSError):
        raise CaseFileError("skriv_feil", fil=str(getattr(tables[0], "path", "?")), grunn=failure.strerror or str(failure))
    if failure is not None:
        raise failure


def default_rejects(output: str | Path) -> Path:
    """OUTPUT's name with .avvist before the suffix, always CSV (SPEC section 5)."""
    return sibling_with_infix(output, ".avvist", ".csv")


@dataclass
class Outcome:
    stats: RunStats
    output: Path
    rejects: Path
    manifest: Path
    missing_columns: list[str]
    record: RunRecord


def reclassify_file(
    input_path: str | Path,
    output_path: str | Path,
    matrix: Matrix,
    *,
    rejects_path: str | Path | None = None,
    mapping_path: str | Path | None = None,
    lang: Lang = "nb",
    today: date | None = None,
    progress: Progress | None = None,
    on_start: Any = None,
    columnar: bool = True,
) -> Outcome:
    """Reclassify every row of `input_path`. Raises CaseFileError if a file cannot be read or written.

    Nothing appears at `output_path`, the rejects path or the manifest path unless the whole
    run succeeds; the input is only ever read. A CSV file goes through the columnar path
    (casefiles.columnar) where it can be read exactly; `columnar=False` forces the general path,
    which gives byte-identical files.
    """
    started = datetime.now().astimezone()
    output = Path(output_path)
    rejects = Path(rejects_path) if rejects_path else default_rejects(output)
    manifest = manifest_path(output)
    kind_of(output)
    for target in (output, rejects, manifest):
        if same_file(target, input_path):
            raise CaseFileError("samme_fil", fil=str(target))
    mapping = ColumnMapping.load(mapping_path) if mapping_path else None
    source = open_source(input_path)
    layout = Layout(source, mapping)
    layout.require_columns()
    if on_start is not None:
        on_start(source, layout)
    today = today or date.today()
    reclassifier = Reclassifier(matrix, today=today, lang=lang)
    use_columnar = columnar and _columnar_suitable(source, layout, output)
    while True:
        try:
            record = _run(reclassifier, source, layout, output, rejects, manifest, mapping_path, lang, today, started, progress,
                          use_columnar)
            break
        except _Unsuitable:  # the columnar path found it cannot answer exactly: start again on the general one
            use_columnar = False
    return Outcome(record.stats, output, rejects, manifest, layout.missing_required, record)


class _Unsuitable(Exception):
    pass


def _columnar_suitable(source: Source, layout: Layout, output: Path) -> bool:
    if kind_of(output) != "csv" or source.kind != "csv":
        return False
    from casefiles.columnar import suitable

    return suitable(source, layout)


def _run(reclassifier: Reclassifier, source: Source, layout: Layout, output: Path, rejects: Path, manifest: Path,
         mapping_path: str | Path | None, lang: Lang, today: date, started: datetime, progress: Progress | None,
         use_columnar: bool) -> RunRecord:
    """One attempt: everything staged, committed only when the whole run succeeded."""
    delimiter = source.delimiter or None
    with Staging() as staging:
        run_header = output_header(layout)
        table = open_table(staging.path(output), output, run_header, delimiter, NUMERIC_COLUMNS)
        reject_table = CsvWriter(staging.path(rejects), REJECT_COLUMNS, delimiter or ";")
        try:
            write_text = reject_table.writerow

            def reject(rad: int, person_id: str | None, error: FieldError) -> None:
                write_text([str(rad), person_id or "", error.felt, error.message(lang)])

            if use_columnar:
                from casefiles.columnar import ColumnarRun, Unsuitable

                try:
                    stats = ColumnarRun(reclassifier, source, layout, table, reject).execute(progress)
                except Unsuitable:
                    raise _Unsuitable from None
            else:
                stats = reclassifier.run(source, layout, table, reject, progress)
        except OSError as error:  # disk full, file too large, a vanished directory
            raise CaseFileError("skriv_feil", fil=str(output), grunn=error.strerror or str(error)) from None
        finally:
            _close_quietly(table, reject_table)
        source.check_rows_read(stats.rows + stats.blank)
        if not stats.rows:
            raise CaseFileError("ingen_rader", fil=str(source.path))
        record = RunRecord(source, reclassifier.matrix, output, rejects, Path(mapping_path) if mapping_path else None, today,
                           started, datetime.now().astimezone(), stats)
        write_manifest(staging.path(manifest), record)
        staging.commit()
    return record
