"""Writing the report file, whole or not at all: .html or .xlsx by the name's suffix."""

from __future__ import annotations

from pathlib import Path

from casefiles.messages import CaseFileError
from casefiles.writers import Staging
from tallies.report import Report

SUFFIXES = (".html", ".xlsx")


def write_report(report: Report, path: str | Path) -> None:
    """Raises CaseFileError (rap_filtype) for another suffix, or when the file cannot be written."""
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in SUFFIXES:
        raise CaseFileError("rap_filtype", fil=str(target))
    with Staging() as staging:
        temporary = staging.path(target)
        try:
            if suffix == ".html":
                from tallies.report_html import render_html

                temporary.write_text(render_html(report), encoding="utf-8")
            else:
                from tallies.report_xlsx import write_report_xlsx

                write_report_xlsx(report, temporary)
        except OSError as error:
            raise CaseFileError("skriv_feil", fil=str(target), grunn=error.strerror or str(error)) from None
        staging.commit()
