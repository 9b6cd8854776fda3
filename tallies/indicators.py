"""The planners' indicators (SPEC section 6a, PRIOslo kap. 3 målindikatorer), per district.

- Quality of life, over each person's latest assessment: among those who answered (1–7), the
  share answering 1 and the mean, against the targets in the matrix file (`[[malindikator]]`).
  «Ønsker ikke å svare» is counted beside, never as an answer; no answers gives no share and no
  mean (None), not zero.
- Persons with ten or more institution admissions in the last 12 months (latest assessment),
  by sex and age band (the age in the year of the assessment).
- Moves from an institution or temporary housing to a home of one's own: in a person's
  history, an assessment in `institusjon` or `midlertidig` followed by one in a permanent home
  (a housing situation with a level ≥ 1). Counted in the district and quarter of the later
  assessment.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from itertools import pairwise
from typing import Any

from matrix.load import Matrix
from matrix.model import TargetIndicator
from tallies.count import age_bands, age_group
from tallies.history import DECLINED, SEXES, Snapshot, latest_per_person

FROM_TEMPORARY = ("institusjon", "midlertidig")
ADMISSIONS_THRESHOLD = 10


def quarter(day: date) -> str:
    """2024-K1 … 2024-K4 (kvartal)."""
    return f"{day.year}-K{(day.month - 1) // 3 + 1}"


def latest_per_quarter(snapshots: Iterable[Snapshot]) -> dict[tuple[str, str], Snapshot]:
    """(quarter, person) → that person's latest classified snapshot in the quarter (a later row wins a tie)."""
    latest: dict[tuple[str, str], Snapshot] = {}
    for snap in snapshots:
        if snap.vurdert_dato is None or snap.gruppe is None:
            continue
        key = (quarter(snap.vurdert_dato), snap.person)
        if key not in latest or snap.vurdert_dato >= (latest[key].vurdert_dato or date.min):
            latest[key] = snap
    return latest


@dataclass
class DistrictIndicators:
    bydel: str
    personer: int = 0
    answers: list[int] = field(default_factory=list)
    avslatt: int = 0  # «Ønsker ikke å svare»
    inntak10: Counter[tuple[str, str]] = field(default_factory=Counter)  # (kjonn, aldersgruppe) → persons
    flyttinger: Counter[str] = field(default_factory=Counter)  # quarter → moves

    @property
    def besvart(self) -> int:
        return len(self.answers)

    @property
    def andel_1(self) -> float | None:
        return sum(1 for a in self.answers if a == 1) / len(self.answers) if self.answers else None

    @property
    def snitt(self) -> float | None:
        return sum(self.answers) / len(self.answers) if self.answers else None

    @property
    def inntak10_total(self) -> int:
        return sum(self.inntak10.values())


@dataclass
class Indicators:
    districts: list[DistrictIndicators]
    targets: dict[str, TargetIndicator]
    whole_city: DistrictIndicators

    def met(self, code: str, value: float | None) -> bool | None:
        """Whether `value` meets the target `code` (None: no value, or no such target)."""
        target = self.targets.get(code)
        if value is None or target is None:
            return None
        if target.retning == "under":
            return value < target.grense
        if target.retning == "over":
            return value > target.grense
        return None  # a change target needs a baseline the input does not hold

    def row_json(self, row: DistrictIndicators) -> dict[str, Any]:
        share = row.andel_1
        return {
            "bydel": row.bydel,
            "besvart_livskvalitet": row.besvart,
            "andel_livskvalitet_1": share,
            "snitt_livskvalitet": row.snitt,
            "inntak10": row.inntak10_total,
            "personer": row.personer,
            "vil_ikke_svare": row.avslatt,
            "andel_livskvalitet_1_oppnadd": self.met("livskvalitet_andel_1", None if share is None else share * 100),
            "snitt_livskvalitet_oppnadd": self.met("livskvalitet_snitt", row.snitt),
            "inntak10_fordeling": [{"kjonn": k, "aldersgruppe": a, "antall": n} for (k, a), n in sorted_cells(row.inntak10)],
            "flyttinger": [{"kvartal": q, "antall": n} for q, n in sorted(row.flyttinger.items())],
        }

    def as_json(self) -> list[dict[str, Any]]:
        return [self.row_json(row) for row in self.districts]


def sorted_cells(counts: Counter[tuple[str, str]]) -> list[tuple[tuple[str, str], int]]:
    bands = {name: i for i, (name, _) in enumerate(age_bands())}
    return sorted(((k, n) for k, n in counts.items() if n), key=lambda item: (SEXES.index(item[0][0]), bands.get(item[0][1], 99)))


def _add(row: DistrictIndicators, snap: Snapshot, year: int) -> None:
    row.personer += 1
    if isinstance(snap.livskvalitet, int):
        row.answers.append(snap.livskvalitet)
    elif snap.livskvalitet == DECLINED:
        row.avslatt += 1
    if snap.inntak is not None and snap.inntak >= ADMISSIONS_THRESHOLD:
        age_year = snap.vurdert_dato.year if snap.vurdert_dato else year
        band = age_group(snap.fodselsar, age_year) if snap.fodselsar is not None else "ukjent"
        row.inntak10[(snap.kjonn, band)] += 1


def moves(snapshots: Iterable[Snapshot], matrix: Matrix) -> list[tuple[str, str]]:
    """(district, quarter) of every move from institution/temporary housing to a permanent home."""
    histories: dict[str, list[Snapshot]] = {}
    for snap in snapshots:
        if snap.vurdert_dato is not None:
            histories.setdefault(snap.person, []).append(snap)
    found = []
    for history in histories.values():
        history.sort(key=lambda s: s.vurdert_dato or date.min)
        for before, after in pairwise(history):
            housing = matrix.housing.get(after.boligsituasjon)
            permanent = housing is not None and not housing.ukjent and (housing.boligniva or 0) >= 1
            if before.boligsituasjon in FROM_TEMPORARY and permanent and after.vurdert_dato is not None:
                found.append((after.bydel, quarter(after.vurdert_dato)))
    return found


def indicators(snapshots: Iterable[Snapshot], matrix: Matrix, year: int | None = None) -> Indicators:
    """The indicators per district (in district number order, districts with persons only)."""
    every = list(snapshots)
    year = year or date.today().year
    rows: dict[str, DistrictIndicators] = {}
    city = DistrictIndicators("Oslo")
    for snap in latest_per_person(every):
        _add(rows.setdefault(snap.bydel, DistrictIndicators(snap.bydel)), snap, year)
        _add(city, snap, year)
    for district, when in moves(every, matrix):
        rows.setdefault(district, DistrictIndicators(district)).flyttinger[when] += 1
        city.flyttinger[when] += 1
    order = {name: i for i, name in enumerate(matrix.districts.names())}
    ordered = sorted(rows.values(), key=lambda r: order.get(r.bydel, len(order)))
    return Indicators(ordered, {t.kode: t for t in matrix.data.malindikator}, city)
