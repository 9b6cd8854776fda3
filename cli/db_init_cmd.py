"""`rusmatrise db init --db URL [--nokkelfil FILE]`: create or upgrade the store's schema.

On PostgreSQL run it as the database's owner (a role that may create roles): it creates the
tables, the group roles rusmatrise_saksbehandler/_vel/_planlegger/_admin, the grants and the
row-level security policies (SPEC section 8). `--nokkelfil` (or RUSMATRISE_PSEUDONYM_KEY_FILE)
names the file on the database server holding the planners' pseudonym key. Exit 0 ready, 1 not.
"""

from __future__ import annotations

import argparse
import os
import sys

from casestore import StoreError, open_store
from casestore.url import is_postgres
from matrix.messages import Lang, t
from matrix.safe_text import terminal_text

KEY_FILE_VARIABLE = "RUSMATRISE_PSEUDONYM_KEY_FILE"


def run(args: argparse.Namespace) -> int:
    lang: Lang = args.lang
    key_file = args.nokkelfil or os.environ.get(KEY_FILE_VARIABLE)
    try:
        with open_store(args.db, create=True) as store:
            if key_file and is_postgres(args.db):
                from casestore.postgres import PostgresStore, set_pseudonym_key_file

                assert isinstance(store, PostgresStore)
                set_pseudonym_key_file(store, key_file)
            print(t("db_klar", lang, db=terminal_text(store.location), versjon=store.schema_version()))
    except StoreError as error:
        print(terminal_text(error.message(lang)), file=sys.stderr)
        return 1
    return 0
