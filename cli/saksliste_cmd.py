"""`rusmatrise saksliste --db URL -o FILE.csv|.xlsx [--bydel B] [--forfalt] [--eldste-forst]`:
the caseload list as the TUI shows it (persons with only a draft included, marked), written as
the TUI's `e` writes it. The database's access rules decide which persons are written.
Exit 0 written, 1 when the store cannot be read or the file not written (an existing file is
never overwritten), 2 for an output name that is neither .csv nor .xlsx or an unknown district.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date, timedelta
from pathlib import Path

from casestore import CaseFilter, open_store
from casestore.caseload_export import write_caseload
from cli.common import matrix_or_exit
from matrix.errors import RusmatriseError
from matrix.messages import Lang, t
from matrix.safe_text import terminal_text
from rules import Classifier

EXIT_FAILED, EXIT_USAGE = 1, 2


def run(args: argparse.Namespace) -> int:
    lang: Lang = args.lang
    target = Path(args.output)
    if target.suffix.lower() not in (".csv", ".xlsx"):
        print(terminal_text(t("saksliste_filtype", lang, fil=args.output)), file=sys.stderr)
        return EXIT_USAGE
    matrix = matrix_or_exit(args.matrix, lang, code=EXIT_FAILED)
    district = None
    if args.bydel is not None:
        found = matrix.districts.resolve(args.bydel)
        if found is None:
            print(terminal_text(t("bydel", lang, verdi=args.bydel, antall=len(matrix.districts.districts))), file=sys.stderr)
            return EXIT_USAGE
        district = found.navn
    classifier = Classifier(matrix)
    today = date.today()
    due_days = classifier.reassessment_after_days()
    if args.forfalt and due_days is None:
        print(t("saksliste_ingen_frist", lang), file=sys.stderr)
        return EXIT_USAGE
    where = CaseFilter(bydel=district, due_on_or_before=today - timedelta(days=due_days) if args.forfalt and due_days else None,
                       oldest_first=args.eldste_forst, with_drafts=True)
    try:
        with open_store(args.db, create=False) as store:
            count = write_caseload(store, where, target, classifier, today, lang)
    except RusmatriseError as error:
        print(terminal_text(error.message(lang)), file=sys.stderr)
        return EXIT_FAILED
    print(t("saksliste_skrevet", lang, antall=count, fil=terminal_text(str(target.resolve()))))
    return 0
