"""Supply as of a date: the matrix file's dated series and events, read the way OpenFisca reads
a parameter (the value whose `fra` is the latest on or before the date).

A VEL category's places on a day are its latest figure, changed by every event (closure,
opening, transfer between categories) dated after that figure and on or before the day.
Before a series' first figure there is no figure: `None`, never a guess.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from matrix.load import Matrix
from matrix.model import DatedCount, PlaceChange, PlaceGoal, is_assumed

COLOCATED = "samlokaliserte"


def value_on(values: Sequence[DatedCount], day: date) -> DatedCount | None:
    """The figure that holds on `day` (values are in increasing `fra` order), or None."""
    found = None
    for value in values:
        if value.fra > day:
            break
        found = value
    return found


@dataclass(frozen=True)
class CategorySupply:
    """A VEL category's places on a day, the groups they are compared with, and the sources."""

    kategori: str
    plasser: int | None
    grupper: tuple[int, ...]
    grupper_antatt: bool
    grupper_kilde: str
    fra: date | None  # the date of the figure the count starts from
    kilde: str
    endringer: tuple[PlaceChange, ...] = ()

    def as_json(self) -> dict[str, Any]:
        return {
            "kategori": self.kategori,
            "plasser": self.plasser,
            "grupper": list(self.grupper),
            "grupper_antatt": self.grupper_antatt,
            "kilde": self.kilde,
            "endringer": [_change_json(c) for c in self.endringer],
        }


@dataclass(frozen=True)
class DistrictHomes:
    bydel: str
    boliger: int | None
    fra: date | None
    kilde: str
    flagget: bool = False
    merknad: str | None = None

    def as_json(self) -> dict[str, Any]:
        row: dict[str, Any] = {"bydel": self.bydel, "boliger": self.boliger, "fra": _iso(self.fra), "kilde": self.kilde}
        if self.flagget:
            row["flagget"] = True
            row["merknad"] = self.merknad
        return row


@dataclass(frozen=True)
class Supply:
    """Everything the matrix file says about supply on one day."""

    dato: date
    vel: list[CategorySupply]
    samlokaliserte: list[DistrictHomes]
    samlokaliserte_grupper: tuple[int, ...]
    samlokaliserte_antatt: bool
    samlokaliserte_grupper_kilde: str
    behov: DatedCount | None  # the city-wide surveyed need for co-located homes on that day
    maal: list[PlaceGoal] = field(default_factory=list)

    @property
    def vel_total(self) -> int | None:
        counts = [c.plasser for c in self.vel]
        return None if any(n is None for n in counts) else sum(n for n in counts if n is not None)

    @property
    def samlokaliserte_total(self) -> int | None:
        counts = [d.boliger for d in self.samlokaliserte]
        return None if any(n is None for n in counts) else sum(n for n in counts if n is not None)

    def homes(self) -> dict[str, int | None]:
        return {d.bydel: d.boliger for d in self.samlokaliserte}

    def as_json(self) -> dict[str, Any]:
        """SPEC section 5's keys (`dato`, `vel`, `vel_total`, `samlokaliserte`,
        `samlokaliserte_total`) and, beside them, the groups compared, the surveyed need and
        the goal with its status."""
        return {
            "dato": self.dato.isoformat(),
            "vel": [c.as_json() for c in self.vel],
            "vel_total": self.vel_total,
            "samlokaliserte": [d.as_json() for d in self.samlokaliserte],
            "samlokaliserte_total": self.samlokaliserte_total,
            "samlokaliserte_grupper": list(self.samlokaliserte_grupper),
            "samlokaliserte_grupper_antatt": self.samlokaliserte_antatt,
            "samlokaliserte_behov": None if self.behov is None else {
                "antall": self.behov.antall, "fra": self.behov.fra.isoformat(), "merknad": self.behov.merknad,
                "kilde": self.behov.kilde},
            "maal": [_goal_json(g) for g in self.maal],
        }


def supply_on(matrix: Matrix, day: date) -> Supply:
    """What the matrix file says holds on `day`."""
    data = matrix.data
    vel = data.vel_plasser
    base = {c.navn: value_on(c.verdier, day) for c in vel.kategori}
    counts: dict[str, int | None] = {name: (v.antall if v else None) for name, v in base.items()}
    applied: dict[str, list[PlaceChange]] = {name: [] for name in base}
    for change in sorted(vel.endring, key=lambda c: c.dato):
        if change.dato > day:
            continue
        for name, sign in ((change.kategori, -1 if change.type != "opprettelse" else 1), (change.til_kategori, 1)):
            if name is None or counts.get(name) is None:
                continue
            start = base[name]
            if start is not None and change.dato > start.fra:
                counts[name] = (counts[name] or 0) + sign * change.plasser.antall
                applied[name].append(change)
    categories = []
    for category in vel.kategori:
        start = base[category.navn]
        sources = [start.kilde if start else "ingen tall for denne datoen"]
        sources += [f"{c.kilde}: {c.tekst} ({_signed(c, category.navn)} fra {c.dato.isoformat()})" for c in applied[category.navn]]
        categories.append(CategorySupply(
            category.navn, counts[category.navn], tuple(category.sammenlignes_med.grupper), category.sammenlignes_med.antatt,
            category.sammenlignes_med.kilde, start.fra if start else None, "; ".join(sources), tuple(applied[category.navn])))
    colocated = data.samlokaliserte_boliger
    homes = []
    for series in colocated.bydel:
        found = matrix.districts.resolve(series.bydel)
        value = value_on(series.verdier, day)
        homes.append(DistrictHomes(
            found.navn if found else series.bydel, value.antall if value else None, value.fra if value else None,
            value.kilde if value else "ingen tall for denne datoen", bool(value and value.flagget), value.merknad if value else None))
    order = {name: i for i, name in enumerate(matrix.districts.names())}
    homes.sort(key=lambda h: order.get(h.bydel, len(order)))
    return Supply(day, categories, homes, tuple(colocated.sammenlignes_med.grupper), colocated.sammenlignes_med.antatt,
                  colocated.sammenlignes_med.kilde, value_on(colocated.behov, day), list(vel.maal))


def _signed(change: PlaceChange, category: str) -> str:
    gained = change.type == "opprettelse" or change.til_kategori == category
    return f"{'+' if gained else '−'}{change.plasser.antall}{' (antatt)' if is_assumed(change.plasser.kilde) else ''}"


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _change_json(change: PlaceChange) -> dict[str, Any]:
    return {
        "dato": change.dato.isoformat(), "type": change.type, "kategori": change.kategori, "til_kategori": change.til_kategori,
        "plasser": change.plasser.antall, "plasser_antatt": is_assumed(change.plasser.kilde), "plasser_kilde": change.plasser.kilde,
        "tekst": change.tekst, "kilde": change.kilde,
    }


def _goal_json(goal: PlaceGoal) -> dict[str, Any]:
    return {
        "kategori": goal.kategori, "fra_plasser": goal.fra_plasser, "plasser": goal.plasser, "innen": goal.innen, "kilde": goal.kilde,
        "status": goal.status.verdi, "status_per": goal.status.per.isoformat(), "status_merknad": goal.status.merknad,
        "status_kilde": goal.status.kilde,
    }
