"""`rusmatrise chain GROUP`: the services a group gets, by provider."""

from __future__ import annotations

import argparse

from rich.console import Console
from rich.table import Table

from cli.common import matrix_or_exit, print_json, rich_cell, say
from matrix.messages import t
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
    en = args.lang == "en"
    group = matrix.groups[args.group]
    durations = chain.own_durations(args.group)
    shown = args.varighet if args.varighet in durations or not durations else next(iter(sorted(durations)))
    title = f"{'Group' if en else 'Gruppe'} {group.nr} ({group.navn.en if en and group.navn.en else group.navn.verdi}), {shown}"
    if shown != args.varighet:  # say so plainly rather than title long-term services "kortvarige"
        words = {"kortvarig": ("kortvarige", "short-term"), "langvarig": ("langvarige", "long-term")}
        say(t("kjede_bare", args.lang, gruppe=group.nr, valgt=words[args.varighet][en], varighet=words[shown][en]))
    table = Table(title=rich_cell(title))
    table.add_column("Tilbyder" if not en else "Provider")
    table.add_column("Tjeneste" if not en else "Service")
    table.add_column("Nivå" if not en else "Tier")
    providers = [p.navn for p in matrix.data.tilbyder]
    for provider in providers:
        for line in (x for x in lines if x.tilbyder == provider):
            table.add_row(rich_cell(provider), rich_cell(line.tjeneste), rich_cell(line.niva + (" *" if line.antatt else "")))
    if any(line.antatt for line in lines):
        table.caption = t("antatt_merke", args.lang)
    Console().print(table)
    return 0
