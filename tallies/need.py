"""Need against supply as of a date, never netted.

Co-located homes are counted per district: each district's shortfall is max(need − homes, 0)
and its surplus max(homes − need, 0); the total shortfall is the sum of the districts'
shortfalls, and the surpluses are summed beside it. A surplus in one district houses nobody
from another, so subtracting it would hide persons without a home.

Velferdsetaten's places serve the whole city: categories compared with the same groups are
compared together, in one city-wide row (bydel None). Which groups each supply is compared
with is data (`sammenlignes_med` in the matrix file) and its `antatt` mark travels with
every row.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from matrix.supply import COLOCATED, Supply, supply_on
from tallies.count import Tally


@dataclass(frozen=True)
class NeedLine:
    """One comparison: persons in the compared groups against the supply for them."""

    kategori: str
    bydel: str | None  # None: the city-wide row (a category's total, or a VEL comparison)
    grupper: tuple[int, ...]
    antatt: bool  # the choice of groups compared is the product's assumption
    behov: int  # persons in the compared groups
    udekket: int  # of them, without a permanent home at their group's level
    tilbud: int | None  # None: the matrix file has no figure for the date
    mangel: int | None
    overskudd: int | None
    tilbud_dato: date
    parts: tuple[tuple[str | None, int], ...] = ()  # the district × group cells `behov` sums; (None, g): group g's total
    total: bool = False  # the total row of the co-located comparison

    def as_json(self) -> dict[str, Any]:
        return {
            "kategori": self.kategori, "bydel": self.bydel, "grupper": list(self.grupper), "antatt": self.antatt,
            "behov": self.behov, "udekket": self.udekket, "tilbud": self.tilbud, "mangel": self.mangel,
            "overskudd": self.overskudd, "tilbud_dato": self.tilbud_dato.isoformat(),
        }


def _gap(need: int, supply: int | None) -> tuple[int | None, int | None]:
    if supply is None:
        return None, None
    return max(need - supply, 0), max(supply - need, 0)


def _sum(values: list[int | None]) -> int | None:
    return None if any(v is None for v in values) else sum(v for v in values if v is not None)


def supply_date(result: Tally, day: date | None) -> date:
    """The date whose supply a tally is compared with: the one asked for, else the end of the
    assessments' date range, else today (SPEC section 6)."""
    return day or result.latest_assessment or date.today()


def colocated_lines(result: Tally, supply: Supply) -> list[NeedLine]:
    """A row per district and the total row (shortfalls summed, surpluses beside them)."""
    groups = supply.samlokaliserte_grupper
    homes = supply.homes()
    rows: list[NeedLine] = []
    for district in result.domain("bydel"):
        need = sum(result.district_group.get((district, g), 0) for g in groups)
        uncovered = sum(result.uncovered.get((district, g), 0) for g in groups)
        offered = homes.get(district, 0)  # an unknown district has no homes of its own
        shortfall, surplus = _gap(need, offered)
        rows.append(NeedLine(COLOCATED, district, groups, supply.samlokaliserte_antatt, need, uncovered, offered, shortfall, surplus,
                             supply.dato, tuple((district, g) for g in groups)))
    rows.append(NeedLine(
        COLOCATED, None, groups, supply.samlokaliserte_antatt, sum(r.behov for r in rows), sum(r.udekket for r in rows),
        _sum([r.tilbud for r in rows]), _sum([r.mangel for r in rows]), _sum([r.overskudd for r in rows]), supply.dato,
        tuple(p for r in rows for p in r.parts), total=True))
    return rows


def vel_lines(result: Tally, supply: Supply) -> list[NeedLine]:
    """One city-wide row per set of groups that VEL categories are compared with."""
    together: dict[tuple[int, ...], list[Any]] = {}
    for category in supply.vel:
        if category.grupper:
            together.setdefault(tuple(sorted(category.grupper)), []).append(category)
    rows = []
    for groups, categories in together.items():
        need = sum(n for (_, g), n in result.district_group.items() if g in groups)
        uncovered = sum(n for (_, g), n in result.uncovered.items() if g in groups)
        offered = _sum([c.plasser for c in categories])
        shortfall, surplus = _gap(need, offered)
        rows.append(NeedLine(" + ".join(c.kategori for c in categories), None, groups, any(c.grupper_antatt for c in categories),
                             need, uncovered, offered, shortfall, surplus, supply.dato, tuple((None, g) for g in groups)))
    return rows


def unmet_need(result: Tally, day: date | None = None) -> list[NeedLine]:
    """Every comparison of need with supply as of `day` (default: `supply_date`)."""
    supply = supply_on(result.matrix, supply_date(result, day))
    return colocated_lines(result, supply) + vel_lines(result, supply)
