"""`rusmatrise indicators INPUT... | --db URL [--json]`: the indicators of SPEC section 6a per
district. Exit 0 on success, 1 when an input or the store cannot be read, 2 for bad usage."""

from __future__ import annotations

import argparse

from cli.common import matrix_or_exit, print_json
from cli.planner_input import EXIT_UNREADABLE, check_source, load_snapshots
from matrix.messages import Lang, t
from matrix.safe_text import terminal_text
from tallies.export import render_views
from tallies.indicators import indicators
from tallies.planner_views import indicator_views, targets_text


def run(args: argparse.Namespace) -> int:
    lang: Lang = args.lang
    check_source(args, lang)
    matrix = matrix_or_exit(args.matrix, lang, code=EXIT_UNREADABLE)
    found = indicators(load_snapshots(args, matrix, lang), matrix)
    if args.json:
        print_json(found.as_json())
        return 0
    print(render_views(indicator_views(found, lang)).lstrip("\n"))
    print()
    print(t("ind_forklaring", lang))
    print(t("ind_maal", lang) + ":")
    for line in targets_text(found, lang):
        print("  - " + terminal_text(line))
    return 0
