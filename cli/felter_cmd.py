"""`rusmatrise felter [--markdown]`: every input column, required or not, its allowed values and
the spellings accepted. The README's field section is `felter --markdown --lang en`."""

from __future__ import annotations

import argparse

from rich.console import Console
from rich.table import Table

from cli.common import matrix_or_exit
from matrix.field_reference import field_reference, markdown
from matrix.messages import Lang, t


def run(args: argparse.Namespace) -> int:
    lang: Lang = args.lang
    matrix = matrix_or_exit(args.matrix, lang)
    docs = field_reference(matrix, lang)
    if args.markdown:
        print(markdown(docs, lang))
        return 0
    table = Table(title=t("fr_tittel", lang), show_lines=True)
    for key in ("fr_kolonne", "fr_pakrevd", "fr_betydning", "fr_verdier", "fr_ogsa"):
        table.add_column(t(key, lang), overflow="fold")
    for doc in docs:
        table.add_row(doc.name, t("ja" if doc.required else "nei", lang), doc.meaning, doc.allowed, doc.spellings or "–")
    Console(width=max(Console().width, 120)).print(table)
    return 0
