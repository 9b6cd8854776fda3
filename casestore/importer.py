"""Import an export file (classified or not) into the store, with the batch code's rejects.

Rows are read and validated by `casefiles.batch.read_assessments` (so a row is rejected
here exactly when `rusmatrise reclassify` rejects it), classified under the given matrix,
and appended in chunks of one transaction each. A chunk is all-or-nothing; cancelling
stops after the current chunk. Importing the same file again adds nothing: an assessment a
person already has with the same content is skipped, so an interrupted import is resumed by
running it again.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from casefiles.batch import CHANGE_COLUMN, RESULT_COLUMNS, read_assessments
from casefiles.mapping import ColumnMapping
from casefiles.readers import open_source
from casefiles.validation import ROW_FIELD
from casestore.models import ImportReport, Reject
from casestore.store import Progress, Store
from matrix.assessment import Assessment
from matrix.load import Matrix
from matrix.messages import Lang, t
from rules import Classifier, TableGap
from rules.result import Classification

CHUNK = 500
_CANCEL_EVERY = 50
_OUTPUT_COLUMNS = frozenset((*RESULT_COLUMNS, CHANGE_COLUMN))


def _estimated_rows(path: Path, known: int | None) -> int:
    """Data rows for the progress bar: the sheet's size, or the file's lines less the header."""
    if known is not None:
        return max(known, 1)
    with path.open("rb") as file:
        return max(sum(1 for _ in file) - 1, 1)


def _without_outputs(assessment: Assessment) -> Assessment:
    """A classified export carries an earlier run's results; the store classifies afresh."""
    kept = {k: v for k, v in assessment.ekstra.items() if k.strip().lower() not in _OUTPUT_COLUMNS}
    return assessment if len(kept) == len(assessment.ekstra) else assessment.model_copy(update={"ekstra": kept})


def import_file(
    store: Store,
    path: str | Path,
    matrix: Matrix,
    mapping: str | Path | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    lang: Lang | str = "nb",
) -> ImportReport:
    """Raises casefiles' CaseFileError when the file (or mapping) cannot be read at all. Every
    row is recorded as the store's identity (`Store.identity`), the user who runs the import."""
    language: Lang = "en" if lang == "en" else "nb"
    file = Path(path)
    columns = ColumnMapping.load(mapping) if mapping is not None else None
    source = open_source(file)
    total = _estimated_rows(file, source.total_rows)
    classifier = Classifier(matrix)
    report = ImportReport(file_name=file.name)
    import_id = store.begin_import(file.name, source.sha256, matrix)
    pending: list[tuple[Assessment, Classification]] = []
    pending_rows: list[tuple[int, str]] = []  # (rad, person_id) of each pending item

    def flush() -> None:
        if pending:
            refused: list[int] = []
            saved, skipped = store.record_many(pending, import_id, refused=refused)
            report.saved += saved
            report.skipped += skipped
            for index in refused:  # the database's access rules: e.g. another district's person
                rad, person = pending_rows[index]
                report.rejects.append(Reject(rad, person, "bydel", t("import_nektet", language)))
            pending.clear()
            pending_rows.clear()

    for row in read_assessments(file, matrix, columns):
        report.rows += 1
        report.last_row = row.rad
        person = row.person_id or ""
        if row.errors or row.assessment is None:
            report.rejects += [Reject(row.rad, person, e.felt, e.message(language)) for e in row.errors]
        else:
            try:
                assessment = _without_outputs(row.assessment)
                pending.append((assessment, classifier.classify(assessment, lang="nb")))
                pending_rows.append((row.rad, person))
            except TableGap as gap:
                report.rejects.append(Reject(row.rad, person, ROW_FIELD, gap.message(language)))
        if len(pending) >= CHUNK:
            flush()
            if progress is not None:
                progress(min(row.rad, total), total)
        if cancelled is not None and report.rows % _CANCEL_EVERY == 0 and cancelled():
            report.cancelled = True
            break
    flush()
    if progress is not None and not report.cancelled:
        progress(total, total)
    store.log_import_result(import_id, report)
    return report
