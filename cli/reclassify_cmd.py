"""`rusmatrise reclassify INPUT -o OUTPUT`: every row of an export through the decision table.

Exit 0 when the run completed (rejects or not), 1 when a file cannot be read or written, 3 with
--strict when any row was rejected. The summary goes to standard output; the progress bar to
standard error, and only when that is a terminal.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from casefiles.fastpath import RunStats
from casefiles.messages import CaseFileError
from casefiles.reclassify import Outcome, reclassify_file
from cli.common import matrix_or_exit, say
from matrix.messages import Lang, t

EXIT_UNREADABLE = 1
EXIT_STRICT = 3


@contextmanager
def progress_bar(lang: Lang) -> Iterator[Callable[[int, int], None] | None]:
    """A rich progress bar on stderr when it is a terminal; otherwise nothing at all."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeRemainingColumn

    with Progress(TextColumn(t("fremdrift", lang)), BarColumn(), TaskProgressColumn(), TimeRemainingColumn(),
                  console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("", total=None)

        def update(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield update


def transition_table(stats: RunStats, groups: list[int], lang: Lang) -> list[str]:
    """Previous group (rows) × new group (columns), with totals."""
    total = t("totalt", lang)
    head = ["", *(str(g) for g in groups), total]
    rows: list[list[str]] = []
    for old in groups:
        counts = [stats.transitions.get((old, new), 0) for new in groups]
        rows.append([str(old), *(str(c) for c in counts), str(sum(counts))])
    if stats.without_previous:
        counts = [stats.without_previous.get(new, 0) for new in groups]
        rows.append([t("uten_tidligere", lang), *(str(c) for c in counts), str(sum(counts))])
    column_totals = [stats.per_group.get(new, 0) for new in groups]
    rows.append([total, *(str(c) for c in column_totals), str(sum(column_totals))])
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
    return ["  " + "  ".join(cell.rjust(w) if i else cell.ljust(w) for i, (cell, w) in enumerate(zip(r, widths, strict=True)))
            for r in [head, *rows]]


def summary(outcome: Outcome, groups: list[int], lang: Lang) -> list[str]:
    stats = outcome.stats
    lines = [t("oppsummering", lang, lest=stats.rows, klassifisert=stats.classified, avvist=stats.rejected)]
    if stats.blank:
        lines.append(t("tomme_rader", lang, antall=stats.blank))
    lines.append(t("per_gruppe", lang))
    lines += [f"  {g}: {stats.per_group.get(g, 0)}" for g in groups]
    lines.append(t("per_regel", lang))
    width = max((len(rule) for rule in stats.per_rule), default=0)
    lines += [f"  {rule.ljust(width)}  {count}" for rule, count in sorted(stats.per_rule.items(), key=lambda rc: (-rc[1], rc[0]))]
    if stats.has_previous_column:
        lines.append(t("overgang_tittel", lang))
        lines += transition_table(stats, groups, lang)
    lines.append(t("skrevet", lang, fil=outcome.output))
    if stats.rejected:
        lines.append(t("avvist_skrevet", lang, antall=stats.errors, fil=outcome.rejects))
    return lines


def run(args: argparse.Namespace) -> int:
    lang: Lang = args.lang
    matrix = matrix_or_exit(args.matrix, lang, code=EXIT_UNREADABLE)

    try:
        with progress_bar(lang) as progress:
            outcome = reclassify_file(args.input, args.output, matrix, rejects_path=args.rejects, mapping_path=args.mapping,
                                      lang=lang, progress=progress)
    except CaseFileError as error:
        say(error.message(lang), err=True)
        return EXIT_UNREADABLE
    say("\n".join(summary(outcome, sorted(matrix.groups), lang)))
    if args.strict and outcome.stats.rejected:
        say(t("streng_avvist", lang, antall=outcome.stats.rejected), err=True)
        return EXIT_STRICT
    return 0
