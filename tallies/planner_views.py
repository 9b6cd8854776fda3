"""The planner's views beyond need counts, as tables people read (`Shown`): the indicators,
and (from assessment histories) trends, equity and overrides. The count tables are
`tallies.count.Table`s, shown through `shown_table` so the same disclosure control applies
when they are published."""

from __future__ import annotations

from collections import Counter
from typing import Any

from matrix.messages import Lang, t
from tallies.export import Shown
from tallies.indicators import Indicators


def _percent(value: float | None) -> Any:
    return "–" if value is None else round(value * 100, 1)


def _mean(value: float | None) -> Any:
    return "–" if value is None else round(value, 2)


def _met(value: bool | None, lang: Lang) -> str:
    return "–" if value is None else t("ind_ja" if value else "ind_nei", lang)


def indicator_views(found: Indicators, lang: Lang) -> list[Shown]:
    """Quality of life and 10+ admissions per district (with the whole city), 10+ admissions by
    sex and age band, and moves to a home of one's own per quarter."""
    header = ["bydel", t("ind_personer", lang), t("ind_besvart", lang), t("ind_avslatt", lang), t("ind_andel_1", lang),
              t("ind_andel_1_maal", lang), t("ind_snitt", lang), t("ind_snitt_maal", lang), t("ind_inntak10", lang)]
    rows = []
    for row in [*found.districts, found.whole_city]:
        data = found.row_json(row)
        rows.append([row.bydel if row is not found.whole_city else t("ind_hele_byen", lang), row.personer, row.besvart, row.avslatt,
                     _percent(row.andel_1), _met(data["andel_livskvalitet_1_oppnadd"], lang), _mean(row.snitt),
                     _met(data["snitt_livskvalitet_oppnadd"], lang), row.inntak10_total])
    views = [Shown(t("ind_tittel", lang), header, rows, 1, 1, t("ind_ark", lang))]
    admissions = [[row.bydel, kjonn, band, n] for row in found.districts for (kjonn, band), n in _cells(row.inntak10)]
    views.append(Shown(t("ind_inntak10_tittel", lang), ["bydel", "kjonn", "aldersgruppe", t("ind_antall", lang)], admissions, 3, 0,
                       t("ind_inntak10_ark", lang)))
    quarters = sorted(found.whole_city.flyttinger)
    moves = [[row.bydel, *(row.flyttinger.get(q, 0) for q in quarters), sum(row.flyttinger.values())]
             for row in found.districts if row.flyttinger]
    moves.append([t("ind_hele_byen", lang), *(found.whole_city.flyttinger.get(q, 0) for q in quarters),
                  sum(found.whole_city.flyttinger.values())])
    views.append(Shown(t("ind_flytting_tittel", lang), ["bydel", *quarters, t("tally_totalt", lang)], moves, 1, 1,
                       t("ind_flytting_ark", lang)))
    return views


def _cells(counts: Counter[tuple[str, str]]) -> list[tuple[tuple[str, str], int]]:
    from tallies.indicators import sorted_cells

    return sorted_cells(counts)


def targets_text(found: Indicators, lang: Lang) -> list[str]:
    """The targets as the matrix file states them, with their sources."""
    return [f"{target.tekst_en if lang == 'en' else target.tekst} ({target.kilde})" for target in found.targets.values()]
