"""`rusmatrise innsyn PERSON_ID --db URL [--json] [-o FILE]`: one person's whole record (their
right of access), as a readable document or JSON; with -o written to FILE (0600, whole or not
at all; .json gives JSON). The database's access rules apply. Exit 0 written, 1 nothing found
or the store cannot be read."""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

from casefiles import messages as _file_messages  # noqa: F401  (the shared 'skrevet' text)
from casestore import StoreError, open_store
from casestore.innsyn import person_record, readable
from matrix.messages import Lang, t
from matrix.safe_text import terminal_text


def _write_private(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
        os.chmod(temp, 0o600)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def run(args: argparse.Namespace) -> int:
    lang: Lang = args.lang
    try:
        with open_store(args.db, create=False) as store:
            record = person_record(store, args.person_id)
    except StoreError as error:
        print(terminal_text(error.message(lang)), file=sys.stderr)
        return 1
    as_json = args.json or (args.output or "").lower().endswith(".json")
    text = json.dumps(record, ensure_ascii=False, indent=2) + "\n" if as_json else readable(record, lang)
    if args.output:
        _write_private(Path(args.output), text)
        print(t("skrevet", lang, fil=terminal_text(args.output)))
    else:
        sys.stdout.write(text if as_json else terminal_text(text, one_line=False))
    return 0
