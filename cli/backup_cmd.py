"""`rusmatrise backup --db URL -o FILE`: the whole history as one JSON file (0600, whole or not
at all), ids and hashes included, so a restore verifies exactly as the original. Run as the
owner or an admin (a caseworker's login cannot read everything). Exit 0 written, 1 not."""

from __future__ import annotations

import argparse
import sys

from casestore import StoreError, open_store
from casestore.backup import write_backup
from matrix.messages import Lang, t
from matrix.safe_text import terminal_text


def run(args: argparse.Namespace) -> int:
    lang: Lang = args.lang
    try:
        with open_store(args.db, create=False) as store:
            counts = write_backup(store, args.output)
    except (StoreError, OSError) as error:
        message = error.message(lang) if isinstance(error, StoreError) else str(error)
        print(terminal_text(message), file=sys.stderr)
        return 1
    print(t("backup_skrevet", lang, fil=terminal_text(args.output), antall=sum(counts.values())))
    return 0
