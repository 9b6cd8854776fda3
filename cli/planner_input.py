"""The planner commands' input: export files or the case store, as assessment snapshots."""

from __future__ import annotations

import argparse

from casefiles.mapping import ColumnMapping
from casefiles.messages import CaseFileError
from cli.common import CommandFailed, say
from matrix.load import Matrix
from matrix.messages import Lang, t
from tallies.history import Snapshot, snapshots_from_files, snapshots_from_store

EXIT_UNREADABLE = 1
EXIT_USAGE = 2


def check_source(args: argparse.Namespace, lang: Lang) -> None:
    """Files or --db, exactly one of them (exit 2 otherwise)."""
    if args.db and args.inputs:
        say(t("tally_begge", lang), err=True)
        raise CommandFailed(EXIT_USAGE)
    if not args.db and not args.inputs:
        say(t("tally_kilde", lang), err=True)
        raise CommandFailed(EXIT_USAGE)


def load_snapshots(args: argparse.Namespace, matrix: Matrix, lang: Lang) -> list[Snapshot]:
    """Every assessment in the files or the store; skipped rows are reported on stderr."""
    if args.db:
        try:
            from casestore import open_store

            store = open_store(args.db, create=False)
            try:
                return list(snapshots_from_store(store, matrix))
            finally:
                store.close()
        except Exception as error:  # the store's own errors carry their message; show it, no trace
            reason = error.message(lang) if hasattr(error, "message") else error
            say(t("casestore_feil", lang, db=args.db, grunn=reason), err=True)
            raise CommandFailed(EXIT_UNREADABLE) from None
    try:
        mapping = ColumnMapping.load(args.mapping) if getattr(args, "mapping", None) else None
        found, skipped = snapshots_from_files(args.inputs, matrix, mapping)
    except CaseFileError as error:
        say(error.message(lang), err=True)
        raise CommandFailed(EXIT_UNREADABLE) from None
    if skipped:
        say(t("tally_hoppet", lang, fil=", ".join(args.inputs), antall=skipped), err=True)
    return found
