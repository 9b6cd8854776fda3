"""The caseload list as a file (.csv or .xlsx): what the caseworker's list shows, under the same
filter, for a meeting or a follow-up list.

The rows come from the store's `caseload` in pages, so the database's access rules decide
what is written (a caseworker exports their own district's persons only) and the list is the
one the screen shows. Written through casefiles.writers: whole or not at all, formulas
neutralised, XLSX with typed numbers and dates under a frozen header with filters. An existing
file is never overwritten. Persons with only a draft are listed as drafts, without a group.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from casefiles.messages import CaseFileError
from casefiles.writers import Staging, open_table
from casestore.models import CaseFilter, CaseRow
from casestore.store import Store
from matrix.messages import Lang, t
from rules import Classifier, days_since

HEADER: tuple[str, ...] = (
    "person_id", "bydel", "gruppe", "foreslatt_gruppe", "status", "dekning", "vurdert_dato", "ny_vurdering", "utkast",
)  # fmt: skip
NUMERIC = ("gruppe", "foreslatt_gruppe")
PAGE = 1000

MESSAGES: dict[str, dict[str, str]] = {  # listed in matrix.messages.CATALOG_MODULES
    "saksliste_filtype": {
        "nb": "{fil}: sakslisten skrives som .csv eller .xlsx",
        "en": "{fil}: the caseload list is written as .csv or .xlsx",
    },
    "saksliste_finnes": {
        "nb": "{fil} finnes fra før; velg et annet navn (en fil overskrives aldri)",
        "en": "{fil} already exists; choose another name (a file is never overwritten)",
    },
    "saksliste_skrevet": {"nb": "Skrev {antall} personer til {fil}", "en": "Wrote {antall} persons to {fil}"},
    "saksliste_skrevet_1": {"nb": "Skrev {antall} person til {fil}", "en": "Wrote {antall} person to {fil}"},
    "saksliste_ingen_frist": {
        "nb": "Matrisen har ingen merknad om ny kartlegging (som N-gammel); --forfalt kan ikke brukes",
        "en": "The matrix has no note asking for reassessment (such as N-gammel); --forfalt cannot be used",
    },
    "saksliste_besluttet": {"nb": "besluttet", "en": "decided"},
    "saksliste_forslag": {"nb": "forslag", "en": "suggested"},
    "saksliste_bare_utkast": {"nb": "bare utkast", "en": "draft only"},
    "saksliste_forfalt": {"nb": "forfalt", "en": "due"},
    "saksliste_utkast": {"nb": "utkast", "en": "draft"},
}


def reassessment_codes(classifier: Classifier, row: CaseRow, today: date) -> list[str]:
    """The matrix's notes asking for a new assessment (e.g. N-gammel) for a caseload row; none
    for a person with only a draft. The one place the list, the filter and the file agree on."""
    if not row.assessed or row.gruppe is None:
        return []
    return classifier.reassessment_codes(row.data, row.gruppe, row.dekning, days_since(row.vurdert_dato, today))


def caseload_rows(store: Store, where: CaseFilter) -> Iterator[CaseRow]:
    """Every row of the caseload under `where`, page by page, as the store lets the user see it."""
    offset = 0
    while True:
        page = store.caseload(where, offset=offset, limit=PAGE)
        yield from page
        if len(page) < PAGE:
            return
        offset += len(page)


def _cells(row: CaseRow, due: bool, lang: Lang) -> list[Any]:
    status = "saksliste_bare_utkast" if not row.assessed else "saksliste_besluttet" if row.decided else "saksliste_forslag"
    return [
        row.person_id,
        row.bydel,
        "" if row.gruppe is None else row.gruppe,
        "" if row.suggested_gruppe is None else row.suggested_gruppe,
        t(status, lang),
        row.dekning,
        row.vurdert_dato.isoformat(),
        t("saksliste_forfalt", lang) if due else "",
        t("saksliste_utkast", lang) if row.draft else "",
    ]


def write_caseload(store: Store, where: CaseFilter, path: str | Path, classifier: Classifier, today: date, lang: Lang = "nb") -> int:
    """Write the caseload under `where` to `path` (.csv or .xlsx, which must not exist); the
    number of persons written. CaseFileError when the name or the disk refuses."""
    target = Path(path)
    if target.suffix.lower() not in (".csv", ".xlsx"):
        raise CaseFileError("saksliste_filtype", fil=str(target))
    if target.exists():
        raise CaseFileError("saksliste_finnes", fil=str(target))
    written = 0
    with Staging() as staging:
        writer = open_table(staging.path(target), target, HEADER, numeric=NUMERIC)
        try:
            for row in caseload_rows(store, where):
                writer.write(_cells(row, bool(reassessment_codes(classifier, row, today)), lang))
                written += 1
        finally:
            writer.close()
        if target.exists():  # made while we wrote: still never overwritten
            raise CaseFileError("saksliste_finnes", fil=str(target))
        staging.commit()
    return written
