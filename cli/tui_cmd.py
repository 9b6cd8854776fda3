"""`rusmatrise tui [--db URL] [--opprett] [--demo] [--matrix FILE] [--lang en]`: the terminal UI.

Opens the case store, loads the matrix, and with --demo fills an empty store with a synthetic
caseload first, so a new user sees a living system at once. The default store (no --db) is
created on first use; a store --db names must exist unless --opprett or --demo says to make
it, so a mistyped path is refused rather than opened as a new, empty store.
"""

from __future__ import annotations

import argparse
from datetime import date

from casestore import Store, StoreError, open_store
from casestore.demo import DEMO_PERSONS, DEMO_SEED, fill_demo
from cli.common import CommandFailed, matrix_or_exit, say
from matrix.messages import t
from tui.app import RusmatriseApp


def build_app(args: argparse.Namespace, today: date | None = None) -> tuple[RusmatriseApp, Store]:
    """The app on the store --db names (filled with the demo caseload when asked and empty)."""
    lang = args.lang
    matrix = matrix_or_exit(args.matrix, lang)
    try:
        store = open_store(args.db, create=args.db is None or args.opprett or args.demo)
    except StoreError as error:
        say(error.message(lang), err=True)
        if error.kode == "store_finnes_ikke":
            say(t("tui_opprett_hint", lang), err=True)
        raise CommandFailed(1) from None
    if args.demo and store.person_count() == 0:
        say(t("demo_filling", lang, n=DEMO_PERSONS), err=True)
        fill_demo(store, matrix, DEMO_PERSONS, DEMO_SEED, today or date.today())
    return RusmatriseApp(store, matrix, lang=lang, today=today), store


def run(args: argparse.Namespace) -> int:
    app, store = build_app(args)
    try:
        app.run()
    finally:
        store.close()
    return 0
