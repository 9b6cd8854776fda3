"""The canonical assessment fields (SPEC section 3) and the facts the rules may read.

The field set is the product's interface (JSON keys, column names, database columns), so it
lives in code; the values a municipality may change (districts, housing situations, rules,
thresholds) live in the matrix data file.
"""

from __future__ import annotations

from dataclasses import dataclass

DOMAIN_FIELDS: tuple[str, ...] = (
    "boevne",
    "rus",
    "psykisk_helse",
    "somatisk_helse",
    "atferd",
    "sosial_fungering",
)
SCALE_MIN, SCALE_MAX = 1, 5
TILSYNSBEHOV: tuple[str, ...] = ("ingen", "ukentlig", "daglig", "dagtid", "heldogn")
VARIGHET: tuple[str, ...] = ("kortvarig", "langvarig")
DEKNING: tuple[str, ...] = ("dekket", "udekket", "overdekket", "ukjent")
YES_NO_FIELDS: tuple[str, ...] = ("behandlingsbehov", "vold_trusler", "brannrisiko", "avlastningsbehov")

REQUIRED_FIELDS: tuple[str, ...] = (
    "person_id",
    "bydel",
    *DOMAIN_FIELDS,
    "tilsynsbehov",
    "behandlingsbehov",
    "vold_trusler",
    "brannrisiko",
    "varighet",
    "boligsituasjon",
)
OPTIONAL_FIELDS: tuple[str, ...] = (
    "avlastningsbehov",
    "institusjonsinntak_12m",
    "livskvalitet",
    "brukers_onske",
    "kjonn",
    "fodselsar",
    "vurdert_dato",
    "tidligere_gruppe",
)
CANONICAL_FIELDS: tuple[str, ...] = REQUIRED_FIELDS + OPTIONAL_FIELDS


@dataclass(frozen=True)
class FactField:
    """A field a rule condition may compare: its kind and, where finite, its values."""

    name: str
    kind: str  # "skala", "valg", "janei", "heltall"
    values: tuple[object, ...] | None  # finite domain, None when open-ended
    stage: int  # 1: the decision table may read it; 2: only warnings and notes


def _scale() -> tuple[int, ...]:
    return tuple(range(SCALE_MIN, SCALE_MAX + 1))


def fact_fields(group_numbers: tuple[int, ...], housing_codes: tuple[str, ...]) -> dict[str, FactField]:
    """Every field a condition may name, with its domain.

    `maks` is derived (the highest domain score); `gruppe`, `dekning` and
    `dager_siden_vurdering` exist only once the group is known (stage 2).
    """
    fields: dict[str, FactField] = {}
    for name in DOMAIN_FIELDS:
        fields[name] = FactField(name, "skala", _scale(), 1)
    fields["maks"] = FactField("maks", "skala", _scale(), 1)
    fields["tilsynsbehov"] = FactField("tilsynsbehov", "valg", TILSYNSBEHOV, 1)
    fields["varighet"] = FactField("varighet", "valg", VARIGHET, 1)
    fields["boligsituasjon"] = FactField("boligsituasjon", "valg", housing_codes, 1)
    for name in YES_NO_FIELDS:
        fields[name] = FactField(name, "janei", (False, True), 1)
    fields["institusjonsinntak_12m"] = FactField("institusjonsinntak_12m", "heltall", None, 1)
    fields["livskvalitet"] = FactField("livskvalitet", "heltall", tuple(range(1, 8)), 1)
    fields["gruppe"] = FactField("gruppe", "heltall", group_numbers, 2)
    fields["dekning"] = FactField("dekning", "valg", DEKNING, 2)
    fields["dager_siden_vurdering"] = FactField("dager_siden_vurdering", "heltall", None, 2)
    return fields
