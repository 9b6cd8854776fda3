"""`rusmatrise supply [--dato D] [--json]`: homes and places as of a date, each with its source.

Exit 0 on success, 1 when the matrix file cannot be read, 2 for a bad --dato.
"""

from __future__ import annotations

import argparse
from datetime import date

from rich.console import Console
from rich.table import Table
from rich.text import Text

from cli.common import date_or_exit, matrix_or_exit, print_json
from matrix.messages import Lang, t
from matrix.safe_text import terminal_text
from matrix.supply import Supply, supply_on
from tallies.export import groups_label


def _number(value: int | None) -> str:
    return "–" if value is None else str(value)


def _cell(value: object) -> Text:
    """A table cell from the matrix file: terminal controls removed, never read as markup."""
    return Text(terminal_text(value))


def render(supply: Supply, lang: Lang) -> list[Table | str]:
    """The supply as tables and notes, every matrix-file text through the terminal gate."""
    when = supply.dato.isoformat()
    vel = Table(title=f"{t('tilbud_vel', lang)} — {t('tilbud_tittel', lang, dato=when)}", show_lines=False)
    for name in ("behov_kategori", "tilbud_plasser", "behov_grupper", "tilbud_kilde"):
        vel.add_column(t(name, lang), overflow="fold")
    for category in supply.vel:
        groups = groups_label(category.grupper, category.grupper_antatt) if category.grupper else "–"
        vel.add_row(_cell(category.kategori), _number(category.plasser), groups, _cell(category.kilde))
    vel.add_row(t("tilbud_totalt", lang), _number(supply.vel_total), "", "")
    homes = Table(title=f"{t('tilbud_samlokaliserte', lang)} — {t('tilbud_tittel', lang, dato=when)} "
                        f"({groups_label(supply.samlokaliserte_grupper, supply.samlokaliserte_antatt)})")
    for name in ("bydel", "tilbud_boliger", "tilbud_kilde"):
        homes.add_column(name if name == "bydel" else t(name, lang), overflow="fold")
    flagged = [h for h in supply.samlokaliserte if h.flagget]
    for district in supply.samlokaliserte:
        homes.add_row(_cell(district.bydel), _number(district.boliger) + (" !" if district.flagget else ""), _cell(district.kilde))
    homes.add_row(t("tilbud_totalt", lang), _number(supply.samlokaliserte_total), "")
    notes: list[Table | str] = [vel, homes]
    notes += [t("tilbud_flagget", lang, merknad=terminal_text(h.merknad or "")) for h in flagged]
    if supply.behov is not None:
        notes.append(t("tilbud_behov", lang, antall=supply.behov.antall, omtrent=f" ({terminal_text(supply.behov.merknad)})"
                       if supply.behov.merknad else "", fra=supply.behov.fra.isoformat(), kilde=terminal_text(supply.behov.kilde)))
    for goal in supply.maal:
        notes.append(t("tilbud_maal", lang, kategori=terminal_text(goal.kategori), fra_plasser=goal.fra_plasser, plasser=goal.plasser,
                       innen=goal.innen, per=goal.status.per.isoformat(), status=terminal_text(goal.status.verdi),
                       merknad=terminal_text(goal.status.merknad or goal.status.kilde)))
    notes.append(t("antatt_merke", lang))
    return notes


def run(args: argparse.Namespace) -> int:
    day = date_or_exit(args.dato, args.lang) or date.today()
    matrix = matrix_or_exit(args.matrix, args.lang)
    supply = supply_on(matrix, day)
    if args.json:
        print_json(supply.as_json())
        return 0
    console = Console(width=max(Console().width, 120))
    for part in render(supply, args.lang):
        console.print(part, markup=False, highlight=False) if isinstance(part, str) else console.print(part)
    return 0
