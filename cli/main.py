"""The `rusmatrise` command: the stable interface of SPEC section 5.

Every command's flags are declared here, in one place, so the contract can be read at a
glance; each command's work lives in its own module (`cli/<name>_cmd.py`), imported only
when that command runs so that start-up stays quick.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

TALLY_KEYS = ("bydel", "gruppe", "boligtype", "boligstandard", "ansvar", "dekning", "kjonn", "aldersgruppe")


def _lang_parent() -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False)
    default = os.environ.get("RUSMATRISE_LANG", "nb")
    parent.add_argument("--lang", choices=("nb", "en"), default=default if default in ("nb", "en") else "nb",
                        help="language of messages: nb (default) or en")
    return parent


def build_parser() -> argparse.ArgumentParser:
    common = _lang_parent()
    parser = argparse.ArgumentParser(
        prog="rusmatrise",
        description="Matrise for rusfeltet: classify, explain and tally housing need. Without a command: the terminal UI.",
        parents=[common],
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("tui", parents=[common], help="open the terminal UI")
    p.add_argument("--db", metavar="URL", help="database (SQLite file path or sqlite:/// URL); default: in the user's data directory")
    p.add_argument("--demo", action="store_true", help="fill an empty database with a synthetic caseload")
    p.add_argument("--matrix", metavar="FILE", help="matrix data file (default: Oslo)")

    p = sub.add_parser("classify", parents=[common], help="classify one assessment (JSON in, JSON out)")
    p.add_argument("file", nargs="?", default="-", metavar="FILE|-", help="JSON file with one assessment; - or nothing: standard input")
    p.add_argument("--matrix", metavar="FILE", help="matrix data file (default: Oslo)")
    p.add_argument("--tekst", action="store_true", help="print the result as readable text instead of JSON")

    p = sub.add_parser("reclassify", parents=[common], help="reclassify every row of an exported file")
    p.add_argument("input", metavar="INPUT", help=".csv, .xlsx or .jsonl export")
    p.add_argument("-o", "--output", required=True, metavar="OUTPUT", help=".csv, .xlsx or .jsonl")
    p.add_argument("--rejects", metavar="FILE", help="rejects file (CSV); default: OUTPUT with .avvist before the suffix")
    p.add_argument("--matrix", metavar="FILE", help="matrix data file (default: Oslo)")
    p.add_argument("--mapping", metavar="FILE", help="TOML file renaming the export's headers to canonical names")
    p.add_argument("--strict", action="store_true", help="exit 3 if any row is rejected")

    p = sub.add_parser("tally", parents=[common], help="count need per group, district and more")
    p.add_argument("inputs", nargs="*", metavar="INPUT", help="classified or unclassified export files")
    p.add_argument("--db", metavar="URL", help="count from the case store instead of files")
    p.add_argument("--by", default="bydel,gruppe", help=f"comma-separated keys from: {', '.join(TALLY_KEYS)}")
    p.add_argument("-o", "--output", metavar="FILE", help="write the tables to .csv or .xlsx")
    p.add_argument("--json", action="store_true", help="print one JSON object per cell")
    p.add_argument("--publish", action="store_true", help="suppress counts 1–4 as <5 (and what would reveal them)")
    p.add_argument("--matrix", metavar="FILE", help="matrix data file (default: Oslo)")
    p.add_argument("--mapping", metavar="FILE", help="TOML file renaming the export's headers to canonical names")

    p = sub.add_parser("chain", parents=[common], help="the services in the service chain for a group")
    p.add_argument("group", type=int, metavar="GROUP")
    p.add_argument("--varighet", choices=("kortvarig", "langvarig"), default="langvarig")
    p.add_argument("--avlastning", action="store_true", help="include the respite stay (avlastningsopphold)")
    p.add_argument("--json", action="store_true")
    p.add_argument("--matrix", metavar="FILE", help="matrix data file (default: Oslo)")

    p = sub.add_parser("matrix", parents=[common], help="the groups and their attributes")
    p.add_argument("--json", action="store_true")
    p.add_argument("--matrix", metavar="FILE", help="matrix data file (default: Oslo)")

    p = sub.add_parser("check", parents=[common], help="validate a matrix file, its decision table and the service chain")
    p.add_argument("--matrix", metavar="FILE", help="matrix data file (default: Oslo)")

    p = sub.add_parser("demo", parents=[common], help="write a synthetic, reproducible caseload export")
    p.add_argument("-n", type=int, default=1000, metavar="N", help="number of persons (default 1000)")
    p.add_argument("--seed", type=int, default=1, metavar="S", help="random seed (default 1)")
    p.add_argument("-o", "--output", required=True, metavar="FILE", help=".csv, .xlsx or .jsonl")
    p.add_argument("--matrix", metavar="FILE", help="matrix data file (default: Oslo)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    command = args.command or "tui"
    if args.command is None:
        args = build_parser().parse_args(["tui", *(argv if argv is not None else sys.argv[1:])])
    from cli.common import CommandFailed

    module = importlib.import_module(f"cli.{command}_cmd")
    try:
        return int(module.run(args) or 0)
    except CommandFailed as failed:
        return failed.code
    except BrokenPipeError:  # the reader (e.g. `| head`) left early: not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
