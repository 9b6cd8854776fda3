"""`rusmatrise restore FILE --db URL`: a backup into an empty store (an SQLite file or a
PostgreSQL database after `db init`), as it was, then verified. Exit 0 restored and intact,
1 refused, unreadable or not intact."""

from __future__ import annotations

import argparse
import sys

from casestore import StoreError, open_store
from casestore.backup import restore_backup
from matrix.messages import Lang, t
from matrix.safe_text import terminal_text


def run(args: argparse.Namespace) -> int:
    lang: Lang = args.lang
    try:
        with open_store(args.db, create=True) as store:
            counts = restore_backup(store, args.file)
            breach, head = store.verify()
    except StoreError as error:
        print(terminal_text(error.message(lang)), file=sys.stderr)
        return 1
    if breach is not None:
        reason = t(breach.reason, lang)
        print(t("verify_brudd", lang, tabell=breach.table, id=breach.row_id, grunn=reason, antall=head.records), file=sys.stderr)
        return 1
    verified = t("verify_ok", lang, antall=head.records, hash=head.head)
    print(t("backup_gjenopprettet", lang, antall=sum(counts.values()), fil=terminal_text(args.file), verify=verified))
    return 0
