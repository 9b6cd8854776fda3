"""`rusmatrise db user add NAME --role ROLE [--bydel B] --db URL`: a login for the shared store.

PostgreSQL only: creates the login role if missing (password from RUSMATRISE_NEW_PASSWORD when
set; otherwise the server's own authentication, e.g. peer or certificates, applies), grants it
the role's group role and records its role and, for a saksbehandler, its one district. Exit 0
added, 1 refused (by the database or for an SQLite store), 2 a role or district we do not know.
"""

from __future__ import annotations

import argparse
import os
import sys

from casestore import StoreError, open_store
from casestore.url import is_postgres
from cli.common import matrix_or_exit
from matrix.messages import Lang, t
from matrix.safe_text import terminal_text

PASSWORD_VARIABLE = "RUSMATRISE_NEW_PASSWORD"


def run(args: argparse.Namespace) -> int:
    lang: Lang = args.lang
    if not is_postgres(args.db):
        print(t("db_bare_postgres", lang), file=sys.stderr)
        return 1
    bydel = None
    if args.bydel is not None:
        found = matrix_or_exit(None, lang).districts.resolve(args.bydel)
        if found is None:
            print(t("db_bydel", lang, bydel=terminal_text(args.bydel)), file=sys.stderr)
            return 2
        bydel = found.navn
    from casestore.postgres import PostgresStore, add_user

    try:
        with open_store(args.db) as store:
            assert isinstance(store, PostgresStore)
            add_user(store, args.name, args.role, bydel, os.environ.get(PASSWORD_VARIABLE) or None)
    except StoreError as error:
        print(terminal_text(error.message(lang)), file=sys.stderr)
        return 2 if error.kode in ("db_rolle", "db_bydel_rolle") else 1
    print(t("db_bruker_lagt_til", lang, navn=terminal_text(args.name), rolle=args.role, bydel=f" ({bydel})" if bydel else ""))
    return 0
