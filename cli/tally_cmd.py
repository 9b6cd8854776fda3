"""`rusmatrise tally INPUT... | --db URL`: need counts per district, group and more.

Prints the tables (or, with --json, one object per cell), and with -o writes them to .csv or
.xlsx. --publish suppresses counts 1–4 as "<5" and hides ("x") whatever would let them be
worked out from the totals. Exit 0 on success, 1 when an input or the store cannot be read or
the output cannot be written, 2 for a bad --by.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from typing import Any

from casefiles.mapping import ColumnMapping
from casefiles.messages import CaseFileError
from cli.common import CommandFailed, date_or_exit, matrix_or_exit, print_json, say
from matrix.messages import Lang, t
from tallies.count import TALLY_KEYS, Tally, write_tally
from tallies.export import json_cells, need_views, publish_json, render_need_text, render_text
from tallies.from_files import count_file
from tallies.need import unmet_need

EXIT_UNREADABLE = 1
EXIT_USAGE = 2


def store_records(url: str, lang: Lang) -> Iterator[dict[str, Any]]:
    """The case store's latest classification per person (casestore.open_store(url).tally_records())."""
    try:
        from casestore import open_store
    except ImportError as error:
        say(t("casestore_mangler", lang, grunn=error), err=True)
        raise CommandFailed(EXIT_UNREADABLE) from None
    try:
        yield from open_store(url, create=False).tally_records()
    except Exception as error:  # the store's own errors carry their message; show it, no trace
        reason = error.message(lang) if hasattr(error, "message") else error
        say(t("casestore_feil", lang, db=url, grunn=reason), err=True)
        raise CommandFailed(EXIT_UNREADABLE) from None


def run(args: argparse.Namespace) -> int:
    lang: Lang = args.lang
    by = [key.strip() for key in args.by.split(",") if key.strip()]
    for key in by:
        if key not in TALLY_KEYS:
            say(t("tally_nokkel", lang, nokkel=key, gyldige=", ".join(TALLY_KEYS)), err=True)
            return EXIT_USAGE
    if args.db and args.inputs:
        say(t("tally_begge", lang), err=True)
        return EXIT_USAGE
    if not args.db and not args.inputs:
        say(t("tally_kilde", lang), err=True)
        return EXIT_USAGE
    day = date_or_exit(args.dato, lang, code=EXIT_USAGE)
    matrix = matrix_or_exit(args.matrix, lang, code=EXIT_UNREADABLE)
    result = Tally.empty(by, matrix)
    try:
        if args.db:
            for record in store_records(args.db, lang):
                result.add(record)
        else:
            mapping = ColumnMapping.load(args.mapping) if args.mapping else None
            for path in args.inputs:
                skipped = count_file(path, result, matrix, mapping)
                if skipped:
                    say(t("tally_hoppet", lang, fil=path, antall=skipped), err=True)
        if args.output:
            write_tally(args.output, result, publish=args.publish, lang=lang, day=day)
    except CaseFileError as error:
        say(error.message(lang), err=True)
        return EXIT_UNREADABLE
    if args.udekket:
        if args.json:  # shortfalls and surpluses are not counts of persons: published tables are text
            print_json([line.as_json() for line in unmet_need(result, day)])
        else:
            say(render_need_text(result, need_views(result, day, args.publish, lang), day, args.publish, lang))
    elif args.json:
        print_json(publish_json(result, day) if args.publish else json_cells(result, False))
    elif args.output:
        say(t("skrevet", lang, fil=args.output))
    else:
        say(render_text(result, args.publish, lang, day))
    return 0
