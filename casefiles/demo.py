"""A synthetic, reproducible caseload: rows as an export from the case system would have them.

The distributions live in `casefiles/data/demo.toml` and the district weights in
`casefiles/data/bydel_befolkning.toml`; the group of each row is decided by the rules engine.
The same (n, seed, today) always gives the same rows. Dates are drawn as days before `today`,
so that the share of assessments older than 12 months stays the same whatever the day.
"""

from __future__ import annotations

import random
import tomllib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from importlib import resources
from itertools import accumulate
from typing import Any

from matrix.fields import CANONICAL_FIELDS, DOMAIN_FIELDS
from matrix.load import Matrix
from rules import Classifier

_YES_NO = ("nei", "ja")


@cache
def _data(name: str) -> dict[str, Any]:
    return tomllib.loads((resources.files("casefiles") / "data" / name).read_text(encoding="utf-8"))


def district_weights(matrix: Matrix) -> dict[str, float]:
    """Population per district of `matrix`; a district missing from the data gets the mean."""
    found: dict[str, float] = {}
    for row in _data("bydel_befolkning.toml")["befolkning"]["antall"]:
        district = matrix.districts.resolve(row["bydel"])
        if district is not None:
            found[district.navn] = float(row["innbyggere"])
    mean = sum(found.values()) / len(found) if found else 1.0
    return {name: found.get(name, mean) for name in matrix.districts.names()}


@dataclass(frozen=True)
class _Choice:
    """Values with cumulative weights, for `random.choices`."""

    values: tuple[Any, ...]
    cum: tuple[float, ...]

    @classmethod
    def of(cls, values: Sequence[Any], weights: Sequence[float]) -> _Choice:
        return cls(tuple(values), tuple(accumulate(weights)))

    def draw(self, rng: random.Random) -> Any:
        return rng.choices(self.values, cum_weights=self.cum)[0]


class _Generator:
    def __init__(self, matrix: Matrix, today: date) -> None:
        spec = _data("demo.toml")
        self.p = spec["sannsynlighet"]
        self.today = today
        self.classifier = Classifier(matrix)
        self.groups = sorted(matrix.groups)
        weights = district_weights(matrix)
        self.district = _Choice.of(list(weights), list(weights.values()))
        self.level = _Choice.of(range(1, 6), spec["niva"]["vekter"])
        self.deviation = _Choice.of(spec["skaar"]["avvik"], spec["skaar"]["vekter"])
        self.shift = {name: int(spec["skaar"].get("forskyvning", {}).get(name, 0)) for name in DOMAIN_FIELDS}
        supervision = spec["tilsynsbehov"]
        self.supervision = [_Choice.of(supervision["verdier"], row) for row in supervision["per_niva"]]
        self.housing = {need: self._housing(table, matrix) for need, table in spec["boligsituasjon"].items()}
        admissions = spec["institusjonsinntak"]
        self.admissions = _Choice.of(admissions["verdier"], admissions["vekter"])
        self.quality = _Choice.of(range(1, 8), spec["livskvalitet"]["vekter"])
        person = spec["person"]
        self.sex = _Choice.of(person["kjonn"], person["kjonn_vekter"])
        self.age = (person["alder_min"], person["alder_max"], person["alder_typisk"])
        self.wishes = tuple(person["onsker"])

    @staticmethod
    def _housing(table: dict[str, float], matrix: Matrix) -> _Choice:
        # A municipality's own matrix may lack some codes: draw among those it has.
        usable = {code: w for code, w in table.items() if code in matrix.housing}
        if not usable:
            usable = dict.fromkeys(matrix.housing, 1.0)
        return _Choice.of(list(usable), list(usable.values()))

    def _yes(self, rng: random.Random, probability: float) -> bool:
        return rng.random() < probability

    def row(self, rng: random.Random, number: int) -> dict[str, str]:
        p = self.p
        level = self.level.draw(rng)
        scores = {name: min(5, max(1, level + self.shift[name] + self.deviation.draw(rng))) for name in DOMAIN_FIELDS}
        supervision = self.supervision[level - 1].draw(rng)
        treatment = self._yes(rng, p["behandlingsbehov_heldogn"] if supervision == "heldogn" else p["behandlingsbehov_ellers"])
        violence = self._yes(rng, p["vold_trusler_per_atferd"][scores["atferd"] - 1])
        fire = self._yes(rng, p["brannrisiko_per_niva"][level - 1])
        duration = "langvarig" if self._yes(rng, p["langvarig_per_niva"][level - 1]) else "kortvarig"
        housing = self.housing[supervision].draw(rng)
        respite = self._yes(rng, p["avlastningsbehov"])
        values: dict[str, Any] = {
            **scores,
            "tilsynsbehov": supervision,
            "behandlingsbehov": treatment,
            "vold_trusler": violence,
            "brannrisiko": fire,
            "varighet": duration,
            "boligsituasjon": housing,
            "avlastningsbehov": respite,
        }
        admissions = self.admissions.draw(rng) if self._yes(rng, p["institusjonsinntak_oppgitt"]) else None
        quality = self.quality.draw(rng) if self._yes(rng, p["livskvalitet_oppgitt"]) else None
        previous = self._previous_group(rng, values)
        low, high, mode = self.age
        birth_year = self.today.year - round(rng.triangular(low, high, mode))
        # N-gammel reads "more than 365 days": old ones start at 366.
        days_ago = rng.randint(366, 900) if self._yes(rng, p["gammel_vurdering"]) else rng.randint(0, 364)
        wish = rng.choice(self.wishes) if self._yes(rng, p["brukers_onske_oppgitt"]) else ""
        row = {
            "person_id": f"D{number:07d}",
            "bydel": self.district.draw(rng),
            **{name: str(scores[name]) for name in DOMAIN_FIELDS},
            "tilsynsbehov": supervision,
            "behandlingsbehov": _YES_NO[treatment],
            "vold_trusler": _YES_NO[violence],
            "brannrisiko": _YES_NO[fire],
            "varighet": duration,
            "boligsituasjon": housing,
            "avlastningsbehov": _YES_NO[respite],
            "institusjonsinntak_12m": "" if admissions is None else str(admissions),
            "livskvalitet": "" if quality is None else str(quality),
            "brukers_onske": wish,
            "kjonn": self.sex.draw(rng),
            "fodselsar": str(birth_year),
            "vurdert_dato": (self.today - timedelta(days=days_ago)).isoformat(),
            "tidligere_gruppe": "" if previous is None else str(previous),
        }
        return {name: row[name] for name in CANONICAL_FIELDS}

    def _previous_group(self, rng: random.Random, values: dict[str, Any]) -> int | None:
        """Most people keep their group between assessments; some move one step."""
        if not self._yes(rng, self.p["tidligere_gruppe_oppgitt"]):
            return None
        group = self.classifier.decide(values).gruppe
        if self._yes(rng, self.p["tidligere_gruppe_samme"]):
            return group
        index = self.groups.index(group) + rng.choice((-1, 1))
        return self.groups[min(len(self.groups) - 1, max(0, index))]


def demo_rows(n: int, seed: int, matrix: Matrix, today: date | None = None) -> Iterator[dict[str, str]]:
    """`n` synthetic assessments (canonical columns, string cells), deterministic for (n, seed, today).

    Every row is valid under `matrix`; person_ids are "D" + 7 digits, never a national id.
    """
    generator = _Generator(matrix, today or date.today())
    rng = random.Random(seed)
    for number in range(1, n + 1):
        yield generator.row(rng, number)
