"""`rusmatrise verify --db URL`: check the store's tamper-evident history (SPEC section 5).

Exit 0 when every audit record and history row verifies (prints the chain head, so it can be
noted and compared later), 1 naming the first record that does not, or when the store cannot
be opened.
"""

from __future__ import annotations

import argparse

from casestore import StoreError, open_store
from cli.common import say
from matrix.messages import Lang, t

EXIT_BROKEN = 1


def run(args: argparse.Namespace) -> int:
    lang: Lang = args.lang
    try:
        with open_store(args.db, create=False) as store:
            breach, head = store.verify()
    except StoreError as error:
        say(error.message(lang), err=True)
        return EXIT_BROKEN
    if breach is None:
        say(t("verify_ok", lang, antall=head.records, hash=head.head))
        return 0
    reason = t(breach.reason, lang)
    say(t("verify_brudd", lang, tabell=breach.table, id=breach.row_id, grunn=reason, antall=head.records), err=True)
    return EXIT_BROKEN
