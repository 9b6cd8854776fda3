"""`rusmatrise demo [-n N] [--seed S] -o FILE`: a synthetic, reproducible caseload export.

The same N, seed and day give the same file; every row is valid. Written whole or not at all.
"""

from __future__ import annotations

import argparse

from casefiles.demo import demo_columns
from casefiles.messages import CaseFileError
from casefiles.readers import kind_of
from casefiles.writers import Staging, open_table
from cli.common import matrix_or_exit, say
from matrix.fields import CANONICAL_FIELDS
from matrix.messages import Lang, t

EXIT_FAILED = 1


def run(args: argparse.Namespace) -> int:
    lang: Lang = args.lang
    if args.n < 0:
        say(t("demo_antall", lang), err=True)
        return 2
    matrix = matrix_or_exit(args.matrix, lang, code=EXIT_FAILED)
    try:
        kind_of(args.output)
        with Staging() as staging:
            table = open_table(staging.path(args.output), args.output, list(CANONICAL_FIELDS),
                               numeric=("boevne", "rus", "psykisk_helse", "somatisk_helse", "atferd", "sosial_fungering",
                                        "institusjonsinntak_12m", "livskvalitet", "fodselsar", "tidligere_gruppe"))
            try:
                from casefiles.columnar import write_frame

                for block in demo_columns(args.n, args.seed, matrix):  # drawn a column at a time
                    write_frame(table, block)
            finally:
                table.close()
            staging.commit()
    except CaseFileError as error:
        say(error.message(lang), err=True)
        return EXIT_FAILED
    say(t("demo_skrevet", lang, antall=args.n, fil=args.output, seed=args.seed))
    return 0
