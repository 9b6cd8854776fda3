"""A synthetic, reproducible caseload: rows as an export from the case system would have them.

The distributions live in `casefiles/data/demo.toml` and the district weights in
`casefiles/data/bydel_befolkning.toml`; the group of each row is decided by the rules engine.
The same (n, seed, today) always gives the same rows. `demo_rows` draws a row at a time (the
TUI's demo caseload, tests); `demo_columns` draws the same distributions a column at a time
(`rusmatrise demo`: a million rows in seconds). Dates are drawn as days before `today`,
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


# -- the same caseload, drawn a column at a time ----------------------------------------------


class _Draws:
    """Uniform numbers in [0, 1) from Python's Mersenne Twister (the same on every Python), a
    column at a time: `random.Random(seed).randbytes` turned into floats by polars."""

    def __init__(self, seed: str, n: int) -> None:
        self.rng = random.Random(seed)
        self.n = n

    def uniform(self) -> Any:
        from casefiles.arrow import pl

        if not self.n:
            return pl.Series([], dtype=pl.Float64)
        raw = pl.Series([self.rng.randbytes(4 * self.n)], dtype=pl.Binary)
        words = raw.bin.reinterpret(dtype=pl.Array(pl.UInt32, self.n), endianness="little").explode()
        return words.cast(pl.Float64) / 4294967296.0

    def choice(self, choice: _Choice) -> Any:
        """Indices into `choice.values`, drawn by its weights."""
        from casefiles.arrow import pl

        total = choice.cum[-1]
        cum = pl.Series([c / total for c in choice.cum[:-1]], dtype=pl.Float64)
        return cum.search_sorted(self.uniform(), side="right").cast(pl.Int64)

    def yes(self, probability: Any) -> Any:
        return self.uniform() < probability

    def integers(self, low: int, high: int) -> Any:
        """Uniform integers low..high (both included)."""
        from casefiles.arrow import pl

        return (self.uniform() * (high - low + 1)).floor().cast(pl.Int64) + low


def _pick(values: Sequence[Any], positions: Any) -> Any:
    from casefiles.arrow import pl

    return pl.Series(list(values)).gather(positions)


def _by(key: Any, options: dict[Any, Any]) -> Any:
    """Per row, the series in `options` chosen by the row's key."""
    from casefiles.arrow import pl

    chain = None
    for value, series in options.items():
        chain = (pl.when(key == value) if chain is None else chain.when(key == value)).then(series)
    return pl.select(chain.otherwise(None)).to_series()  # type: ignore[union-attr]


DEMO_BLOCK = 250_000  # rows drawn at a time: memory stays bounded however many are asked for


def demo_columns(n: int, seed: int, matrix: Matrix, today: date | None = None) -> Iterator[Any]:
    """`n` synthetic assessments as polars DataFrames of text columns (CANONICAL_FIELDS), a block
    of rows at a time: deterministic for (n, seed, today) (each block from its own seed: a larger
    caseload begins with a smaller one's whole blocks), drawn from the same distributions as
    `demo_rows` a column at a time; every row valid; groups decided by the engine once per class."""
    generator = _Generator(matrix, today or date.today())
    for start in range(0, n, DEMO_BLOCK):
        yield _demo_block(generator, min(DEMO_BLOCK, n - start), start, f"{seed}:{start // DEMO_BLOCK}")


def _demo_block(g: _Generator, n: int, start: int, seed: str) -> Any:
    from casefiles.arrow import factorize, pl

    today = g.today
    p = g.p
    draw = _Draws(seed, n)
    level = draw.choice(g.level) + 1
    scores = {}
    for name in DOMAIN_FIELDS:
        deviation = _pick(g.deviation.values, draw.choice(g.deviation))
        scores[name] = (level + g.shift[name] + deviation).clip(1, 5)
    supervision_index = _by(level, {lv: draw.choice(g.supervision[lv - 1]) for lv in range(1, 6)})
    supervision = _pick(g.supervision[0].values, supervision_index)
    treatment = draw.yes(pl.select(pl.when(supervision == "heldogn").then(p["behandlingsbehov_heldogn"])
                                   .otherwise(p["behandlingsbehov_ellers"])).to_series())
    violence = draw.yes(_pick(p["vold_trusler_per_atferd"], scores["atferd"] - 1))
    fire = draw.yes(_pick(p["brannrisiko_per_niva"], level - 1))
    long_term = draw.yes(_pick(p["langvarig_per_niva"], level - 1))
    housing = _by(supervision, {need: _pick(choice.values, draw.choice(choice)) for need, choice in g.housing.items()})
    respite = draw.yes(p["avlastningsbehov"])
    admissions = pl.select(pl.when(draw.yes(p["institusjonsinntak_oppgitt"]))
                           .then(_pick(g.admissions.values, draw.choice(g.admissions)).cast(pl.String)).otherwise(pl.lit(""))).to_series()
    quality = pl.select(pl.when(draw.yes(p["livskvalitet_oppgitt"]))
                        .then(_pick(g.quality.values, draw.choice(g.quality)).cast(pl.String)).otherwise(pl.lit(""))).to_series()
    # The previous group: the engine's group, once per class of what the table reads; most keep it.
    code = sum((scores[name] * 16**i for i, name in enumerate(DOMAIN_FIELDS)), start=pl.zeros(n, dtype=pl.Int64, eager=True))
    codes = code.unique().to_list()
    domain_ids: dict[Any, int] = {}
    examples: list[dict[str, int]] = []
    for value in codes:
        example = {name: value // 16**i % 16 for i, name in enumerate(DOMAIN_FIELDS)}
        found = domain_ids.setdefault(g.classifier.domain_class(example), len(examples))
        if found == len(examples):
            examples.append(example)
    domain = code.replace_strict(codes, [domain_ids[g.classifier.domain_class({name: c // 16**i % 16 for i, name in
                                                                                enumerate(DOMAIN_FIELDS)})] for c in codes],
                                 return_dtype=pl.UInt32)
    positions, combos = factorize([domain, supervision_index.cast(pl.UInt32), treatment.cast(pl.UInt32), violence.cast(pl.UInt32),
                                   fire.cast(pl.UInt32)])
    groups = []
    for combo in combos:
        values = dict(examples[combo[0]])
        values.update(tilsynsbehov=g.supervision[0].values[combo[1]], behandlingsbehov=bool(combo[2]), vold_trusler=bool(combo[3]),
                      brannrisiko=bool(combo[4]))
        groups.append(g.groups.index(g.classifier.decide(values).gruppe))
    group_index = pl.Series(groups, dtype=pl.Int64).gather(positions)
    step = pl.select(pl.when(draw.yes(0.5)).then(-1).otherwise(1)).to_series()
    moved = (group_index + step).clip(0, len(g.groups) - 1)
    previous_index = pl.select(pl.when(draw.yes(p["tidligere_gruppe_samme"])).then(group_index).otherwise(moved)).to_series()
    previous = pl.select(pl.when(draw.yes(p["tidligere_gruppe_oppgitt"]))
                         .then(_pick(g.groups, previous_index).cast(pl.String)).otherwise(pl.lit(""))).to_series()
    low, high, mode = g.age
    u = draw.uniform()
    cut = (mode - low) / (high - low)
    age = pl.select(pl.when(u < cut).then(low + (u * (high - low) * (mode - low)).sqrt())
                    .otherwise(high - ((1 - u) * (high - low) * (high - mode)).sqrt())).to_series()
    birth_year = (today.year - age.round(0).cast(pl.Int64)).cast(pl.String)
    # N-gammel reads "more than 365 days": old ones start at 366.
    old = draw.yes(p["gammel_vurdering"])
    days_ago = pl.select(pl.when(old).then(draw.integers(366, 900)).otherwise(draw.integers(0, 364))).to_series()
    assessed = (pl.lit(today) - pl.duration(days=days_ago))
    wishes = pl.select(pl.when(draw.yes(p["brukers_onske_oppgitt"])).then(_pick(g.wishes, draw.integers(0, len(g.wishes) - 1)))
                       .otherwise(pl.lit(""))).to_series()
    yes_no = pl.Series(list(_YES_NO))
    columns = {
        "person_id": pl.select(pl.format("D{}", pl.int_range(start + 1, start + n + 1, eager=True).cast(pl.String).str.zfill(7)))
        .to_series(),
        "bydel": _pick(g.district.values, draw.choice(g.district)),
        **{name: scores[name].cast(pl.String) for name in DOMAIN_FIELDS},
        "tilsynsbehov": supervision,
        "behandlingsbehov": yes_no.gather(treatment.cast(pl.Int64)),
        "vold_trusler": yes_no.gather(violence.cast(pl.Int64)),
        "brannrisiko": yes_no.gather(fire.cast(pl.Int64)),
        "varighet": pl.select(pl.when(long_term).then(pl.lit("langvarig")).otherwise(pl.lit("kortvarig"))).to_series(),
        "boligsituasjon": housing,
        "avlastningsbehov": yes_no.gather(respite.cast(pl.Int64)),
        "institusjonsinntak_12m": admissions,
        "livskvalitet": quality,
        "brukers_onske": wishes,
        "kjonn": _pick(g.sex.values, draw.choice(g.sex)),
        "fodselsar": birth_year,
        "vurdert_dato": pl.select(assessed.dt.strftime("%Y-%m-%d")).to_series(),
        "tidligere_gruppe": previous,
    }
    return pl.DataFrame({name: columns[name].cast(pl.String).alias(name) for name in CANONICAL_FIELDS})
