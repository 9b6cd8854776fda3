"""`rusmatrise report INPUT... | --db URL [--bydel B] [--dato D] [--publish] -o FILE.html|.xlsx`:
the planner's report for one district or the whole city; `--publish` puts every count under
one disclosure control and leaves out free-text reasons (tallies.report_public). Exit 0 on success, 1 when an input or
the store cannot be read or the file cannot be written, 2 for bad usage."""

from __future__ import annotations

import argparse
import sys

from casefiles.messages import CaseFileError
from cli.common import date_or_exit, matrix_or_exit
from cli.planner_input import EXIT_UNREADABLE, EXIT_USAGE, check_source, load_snapshots
from matrix.messages import Lang, t
from matrix.safe_text import terminal_text
from tallies.report import build_report
from tallies.report_file import SUFFIXES, write_report


def run(args: argparse.Namespace) -> int:
    lang: Lang = args.lang
    check_source(args, lang)
    if not args.output.lower().endswith(SUFFIXES):
        print(t("rap_filtype", lang, fil=terminal_text(args.output)), file=sys.stderr)
        return EXIT_USAGE
    day = date_or_exit(args.dato, lang, code=EXIT_USAGE)
    matrix = matrix_or_exit(args.matrix, lang, code=EXIT_UNREADABLE)
    district = None
    if args.bydel:
        found = matrix.districts.resolve(args.bydel)
        if found is None:
            print(t("rap_ukjent_bydel", lang, verdi=terminal_text(args.bydel)), file=sys.stderr)
            return EXIT_USAGE
        district = found.navn
    report = build_report(load_snapshots(args, matrix, lang), matrix, district, day, lang, publish=args.publish)
    try:
        write_report(report, args.output)
    except CaseFileError as error:
        print(error.message(lang), file=sys.stderr)
        return EXIT_UNREADABLE
    print(t("skrevet", lang, fil=terminal_text(args.output)))
    return 0
