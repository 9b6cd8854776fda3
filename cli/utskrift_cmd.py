"""`rusmatrise utskrift PERSON --db URL -o FILE.html|.pdf`: the case document for one person.

The latest assessment with the suggestion and its reasons, the decision and its reason, the
decided group's housing and services by provider, and the history; dated and signed with the
decider. .html is one self-contained page that prints on A4; .pdf is printed from it by
headless Chromium. Exit 0 written, 1 when the store or person cannot be read or the file not
written (Chromium missing included), 2 for an output name that is neither .html nor .pdf.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

from casedoc import ChromiumMissing, case_document_html, html_to_pdf
from casestore import StoreError, open_store
from cli.common import matrix_or_exit
from matrix.messages import Lang, t
from rules import Classifier

EXIT_FAILED, EXIT_USAGE = 1, 2


def write_document(html: str, target: Path) -> None:
    """The document to .html or .pdf, whole or not at all (ChromiumMissing, OSError, CalledProcessError)."""
    if target.suffix.lower() == ".pdf":
        html_to_pdf(html, target)
        return
    partial = target.with_name(f".{target.name}.tmp")
    partial.write_text(html, encoding="utf-8")
    os.replace(partial, target)


def run(args: argparse.Namespace) -> int:
    lang: Lang = args.lang
    target = Path(args.output)
    if target.suffix.lower() not in (".html", ".pdf"):
        print(t("utskrift_filtype", lang, fil=args.output), file=sys.stderr)
        return EXIT_USAGE
    matrix = matrix_or_exit(args.matrix, lang, code=EXIT_FAILED)
    try:
        with open_store(args.db, create=False) as store:
            history = store.history(args.person)
            printed_by = store.identity()
    except StoreError as error:
        print(error.message(lang), file=sys.stderr)
        return EXIT_FAILED
    if not history:
        print(t("utskrift_ingen", lang, person=args.person), file=sys.stderr)
        return EXIT_FAILED
    html = case_document_html(history, Classifier(matrix), lang, date.today(), printed_by)
    try:
        write_document(html, target)
    except ChromiumMissing as missing:
        print(t("utskrift_chromium", lang, navn=str(missing)), file=sys.stderr)
        return EXIT_FAILED
    except (OSError, subprocess.SubprocessError) as error:
        print(t("utskrift_skriv", lang, fil=args.output, grunn=getattr(error, "strerror", None) or error), file=sys.stderr)
        return EXIT_FAILED
    print(t("skrevet", lang, fil=str(target.resolve())))
    return 0
