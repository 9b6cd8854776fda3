"""`rusmatrise tui [--db URL] [--demo] [--matrix FILE] [--lang en]`: the terminal UI.

Opens (creating if needed) the case store, loads the matrix, and with --demo fills an empty
store with a synthetic caseload first, so a new user sees a living system at once.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date

from casestore import Store, StoreError, open_store
from casestore import messages as _messages  # noqa: F401  (registers the texts)
from casestore.demo import DEMO_PERSONS, DEMO_SEED, fill_demo
from cli.common import CommandFailed, matrix_or_exit
from matrix.messages import t


def _open(url: str | None, lang: str) -> Store:
    try:
        return open_store(url)
    except StoreError as error:
        print(error.message(lang), file=sys.stderr)  # type: ignore[arg-type]
        raise CommandFailed(1) from None


def run(args: argparse.Namespace) -> int:
    lang = args.lang
    matrix = matrix_or_exit(args.matrix, lang)
    store = _open(args.db, lang)
    try:
        if args.demo:
            present = store.person_count()
            if present == 0:
                print(t("demo_filling", lang, n=DEMO_PERSONS), file=sys.stderr)
                fill_demo(store, matrix, DEMO_PERSONS, DEMO_SEED, date.today())
        from tui.app import RusmatriseApp

        RusmatriseApp(store, matrix, lang=lang).run()
    finally:
        store.close()
    return 0
