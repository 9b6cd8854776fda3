"""`rusmatrise matrix [--json]`: the groups and their attributes, assumed cells marked."""

from __future__ import annotations

import argparse

from rich.console import Console
from rich.table import Table
from rich.text import Text

from cli.common import matrix_or_exit, print_json, rich_cell
from matrix.load import Matrix
from matrix.messages import Lang, t
from matrix.model import Group

HEADERS = {"gruppe": "c_gruppe", "navn": "m_navn", "boligtype": "p_boligtype", "boligstandard": "p_boligstandard",
           "bemanning": "p_bemanning", "beliggenhet": "p_beliggenhet", "ansvar": "tekst_bosetter", "boligtilbyder": "tekst_gir_boligen"}
SHOWN = (*Group.ATTRIBUTES, "boligtilbyder")


def group_json(group: Group) -> dict[str, object]:
    row: dict[str, object] = {"gruppe": group.nr}
    for attribute in SHOWN:  # `boligtilbyder` added after the contract keys: who provides the home
        row[attribute] = getattr(group, attribute).verdi
    row["kilde"] = {attribute: getattr(group, attribute).kilde for attribute in SHOWN}
    row["antatt"] = [attribute for attribute in SHOWN if getattr(group, attribute).antatt]
    return row


def matrix_table(matrix: Matrix, lang: Lang) -> Table:
    table = Table(title=rich_cell(matrix.data.matrise.navn + f" ({matrix.version})"), show_lines=True)
    for key in HEADERS.values():
        table.add_column(t(key, lang), overflow="fold")
    for group in matrix.groups.values():
        cells: list[Text | str] = [str(group.nr)]
        for attribute in SHOWN:
            value = getattr(group, attribute)
            text = value.text(lang)
            if attribute in ("ansvar", "boligtilbyder"):
                text = matrix.party_in_words(value.verdi, lang)
            cells.append(rich_cell(text + (" *" if value.antatt else "")))
        table.add_row(*cells)
    table.caption = t("antatt_merke", lang)
    return table


def run(args: argparse.Namespace) -> int:
    matrix = matrix_or_exit(args.matrix, args.lang)
    if args.json:
        print_json([group_json(g) for g in matrix.groups.values()])
    else:
        Console(width=max(Console().width, 120)).print(matrix_table(matrix, args.lang))
    return 0
