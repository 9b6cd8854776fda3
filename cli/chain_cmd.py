"""`rusmatrise chain GROUP`: the services a group gets, by provider."""

from __future__ import annotations

import argparse

from rich.console import Console
from rich.table import Table

from cli.common import matrix_or_exit, print_json, rich_cell, say
from matrix.messages import t
from matrix.vocabulary import value_label
from service_chain import ServiceChain


def run(args: argparse.Namespace) -> int:
    matrix = matrix_or_exit(args.matrix, args.lang)
    if args.group not in matrix.groups:
        say(t("ukjent_gruppe", args.lang, gruppe=args.group), err=True)
        return 2
    chain = ServiceChain(matrix)
    lines = chain.services(args.group, args.varighet, args.avlastning)
    if args.json:
        print_json([line.as_json() for line in lines])
        return 0
    lang = args.lang
    group = matrix.groups[args.group]
    durations = chain.own_durations(args.group)
    shown = args.varighet if args.varighet in durations or not durations else next(iter(sorted(durations)))
    title = t("tekst_kjede_tittel", lang, gruppe=group.nr, navn=group.navn.text(lang), varighet=value_label("varighet", shown, lang))
    if shown != args.varighet:  # say so plainly rather than title long-term services "kortvarige"
        say(t("kjede_bare", lang, gruppe=group.nr, valgt=t(f"varighet_{args.varighet}", lang), varighet=t(f"varighet_{shown}", lang)))
    table = Table(title=rich_cell(title))
    table.add_column(t("tekst_tilbyder", lang))
    table.add_column(t("tekst_tjeneste", lang))
    table.add_column(t("tekst_niva", lang))
    providers = [p.navn for p in matrix.data.tilbyder]
    for provider in providers:
        for line in (x for x in lines if x.tilbyder == provider):
            tier = matrix.tier_text(line.niva, lang)
            table.add_row(rich_cell(provider), rich_cell(line.tjeneste), rich_cell(tier + (" *" if line.antatt else "")))
    if any(line.antatt for line in lines):
        table.caption = t("antatt_merke", args.lang)
    Console().print(table)
    return 0
