"""`rusmatrise import FILE --db URL [--mapping FILE] [--matrix FILE]`: an export into the store.

Rows are read, validated and classified exactly as `reclassify` does, and recorded as the
logged-in user (the database login on PostgreSQL; the OS user, unverified, on SQLite). On a
shared store the database decides what that user may write: a caseworker's rows of other
districts are rejected there. Importing the same file again adds nothing. Prints the counts
and every rejected field (row, person_id, field, reason). Exit 0 when the run completed, 1 when
the file or the store cannot be used.
"""

from __future__ import annotations

import argparse
import sys

from casefiles.messages import CaseFileError
from casestore import StoreError, open_store
from casestore.importer import import_file
from cli.common import matrix_or_exit
from matrix.messages import Lang, t
from matrix.safe_text import terminal_text

EXIT_UNREADABLE = 1


def run(args: argparse.Namespace) -> int:
    lang: Lang = args.lang
    matrix = matrix_or_exit(args.matrix, lang, code=EXIT_UNREADABLE)
    try:
        with open_store(args.db, create=True) as store:
            report = import_file(store, args.file, matrix, mapping=args.mapping, lang=lang)
    except (CaseFileError, StoreError) as error:
        print(terminal_text(error.message(lang)), file=sys.stderr)
        return EXIT_UNREADABLE
    for reject in report.rejects:
        print(f"{reject.rad};{terminal_text(reject.person_id)};{reject.felt};{terminal_text(reject.feil)}", file=sys.stderr)
    print(t("import_ferdig", lang, lagret=report.saved, hoppet=report.skipped, avvist=report.rejected_rows))
    return 0
