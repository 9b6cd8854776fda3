"""Pydantic models of a matrix data file (groups, decision table, service chain, supply).

Every entry that states a policy value carries `kilde`; the models refuse an entry without
one, so an unsourced value cannot enter the product.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Discriminator, Field, StringConstraints, Tag, model_validator

Source = Annotated[str, StringConstraints(strip_whitespace=True, min_length=3)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
ASSUMED_PREFIX = "antatt"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _reason(key: str, **params: object) -> str:
    """A validator's message that the loader can show in either language (matrix.load.Reason)."""
    from matrix.load import Reason  # load imports this module

    return Reason(key, **params)


def is_assumed(kilde: str) -> bool:
    """Whether a source citation marks the value as the product's own assumption."""
    return kilde.strip().lower().startswith(ASSUMED_PREFIX)


class Cited(_Strict):
    """Anything with a source. `sitat` is a short verbatim quote from the cited document, so a
    reader (and a test, against the seed files) can check the citation; assumed values
    (`kilde = "antatt: reason"`) have none."""

    kilde: Source
    sitat: str | None = None

    @property
    def antatt(self) -> bool:
        return is_assumed(self.kilde)


class Sourced(Cited):
    """One group attribute: the value users read, and where it comes from."""

    verdi: Text
    en: str | None = None

    def text(self, lang: str) -> str:
        """The value in `lang`: the English text where the file gives one, else the value as written."""
        return (self.en or self.verdi) if lang == "en" else self.verdi


class GroupList(Cited):
    """A list of groups with its source: which groups a supply figure is compared with, or
    which groups the product adds to a printed range."""

    grupper: list[int]


class ValidFrom(Cited):
    dato: date


class MatrixInfo(Cited):
    navn: Text
    kommune: Text
    versjon: Text
    gyldig_fra: ValidFrom


class Responsibility(Cited):
    kode: Text
    visning: Text


class Group(_Strict):
    nr: int = Field(ge=1)
    boligniva: int = Field(ge=1)
    navn: Sourced
    boligtype: Sourced
    boligstandard: Sourced
    bemanning: Sourced
    beliggenhet: Sourced
    ansvar: Sourced
    boligtilbyder: Sourced  # who provides the home; `ansvar` is who settles (SPEC section 2)

    ATTRIBUTES: ClassVar[tuple[str, ...]] = ("navn", "boligtype", "boligstandard", "bemanning", "beliggenhet", "ansvar")


class HousingSituation(Cited):
    kode: Text
    tekst: Text
    boligniva: int | None = Field(default=None, ge=0)
    ukjent: bool = False
    alias: list[Text] = []

    @model_validator(mode="after")
    def _level_or_unknown(self) -> HousingSituation:
        if (self.boligniva is None) == (not self.ukjent):
            raise ValueError(_reason("mf_boligniva"))
        return self


# --- Conditions -------------------------------------------------------------------------
Scalar = bool | int | str


class Compare(_Strict):
    felt: Text
    lik: Scalar | None = None
    ulik: Scalar | None = None
    minst: int | None = None
    hoyst: int | None = None
    over: int | None = None
    under: int | None = None
    en_av: list[Scalar] | None = None

    OPERATORS: ClassVar[tuple[str, ...]] = ("lik", "ulik", "minst", "hoyst", "over", "under", "en_av")

    @model_validator(mode="after")
    def _one_operator(self) -> Compare:
        given = [op for op in self.OPERATORS if getattr(self, op) is not None]
        if len(given) != 1:
            raise ValueError(_reason("mf_en_operator", operatorer=", ".join(self.OPERATORS), gitt=", ".join(given) or "-"))
        return self

    @property
    def operator(self) -> str:
        return next(op for op in self.OPERATORS if getattr(self, op) is not None)

    @property
    def value(self) -> Scalar | list[Scalar]:
        return getattr(self, self.operator)


class AllOf(_Strict):
    alle: list[Condition] = Field(min_length=1)


class AnyOf(_Strict):
    minst_en: list[Condition] = Field(min_length=1)


class Always(_Strict):
    alltid: Literal[True]


def _condition_kind(raw: object) -> str:
    """Pick the condition model by its key, so errors name one shape, not four."""
    keys = set(raw) if isinstance(raw, dict) else set(vars(raw)) if isinstance(raw, BaseModel) else set()
    for kind in ("alle", "minst_en", "alltid"):
        if kind in keys:
            return kind
    return "sammenligning"


Condition = Annotated[
    Annotated[AllOf, Tag("alle")]
    | Annotated[AnyOf, Tag("minst_en")]
    | Annotated[Always, Tag("alltid")]
    | Annotated[Compare, Tag("sammenligning")],
    Discriminator(_condition_kind),
]
AllOf.model_rebuild()
AnyOf.model_rebuild()


class DecisionRule(Cited):
    id: Text
    gruppe: int
    tekst: Text
    tekst_en: Text
    naar: Condition

    def text(self, lang: str) -> str:
        return self.tekst_en if lang == "en" else self.tekst


class DecisionTable(Cited):
    treffpolicy: Literal["FIRST"]
    regel: list[DecisionRule] = Field(min_length=1)


class Flag(Cited):
    """A warning (advarsel) or note (merknad): shown when its condition holds."""

    kode: Text
    tekst: Text
    tekst_en: Text
    naar: Condition

    def text(self, lang: str) -> str:
        return self.tekst_en if lang == "en" else self.tekst


# --- Service chain ----------------------------------------------------------------------
class Provider(Cited):
    navn: Text


class TierService(_Strict):
    navn: Text
    tilbyder: Text


class Tier(Cited):
    id: Text
    beskrivelse: Text
    beskrivelse_en: Text | None = None  # the same description in English (same `kilde`)
    grupper_trykt: list[int]
    grupper: list[int] = Field(min_length=1)
    lagt_til: GroupList | None = None  # why `grupper` differs from the printed range (antatt)
    varighet: Literal["alle", "kortvarig", "langvarig"]
    tjenester: list[TierService] = Field(min_length=1)

    def text(self, lang: str) -> str:
        """The description in `lang`: the English text where the file gives one, else as printed."""
        return (self.beskrivelse_en or self.beskrivelse) if lang == "en" else self.beskrivelse


class Respite(Cited):
    niva: Text
    tjeneste: Text
    tilbyder: Text


# --- Districts and supply ---------------------------------------------------------------
class District(_Strict):
    nr: int = Field(ge=1)
    navn: Text
    alias: list[Text] = []


class Districts(Cited):
    bydel: list[District] = Field(min_length=1)


class DatedCount(Cited):
    """One figure of a dated series: `antall` holds from `fra` until the next value's `fra`."""

    fra: date
    antall: int = Field(ge=0)
    merknad: str | None = None  # e.g. a figure the source itself says was misreported
    flagget: bool = False  # the source calls the figure wrong; kept as printed, shown flagged


def _ordered(values: list[DatedCount], where: str) -> list[DatedCount]:
    days = [v.fra for v in values]
    if days != sorted(set(days)):
        raise ValueError(f"{where}: the dates (fra) must be in increasing order without repeats")
    return values


class DistrictSeries(_Strict):
    bydel: Text
    verdier: list[DatedCount] = Field(min_length=1)

    @model_validator(mode="after")
    def _in_order(self) -> DistrictSeries:
        _ordered(self.verdier, f"bydel '{self.bydel}'")
        return self


class CoLocatedSupply(_Strict):
    """Co-located homes with a staff base, per district, as a dated series each."""

    beskrivelse: Text
    sammenlignes_med: GroupList
    bydel: list[DistrictSeries]
    behov: list[DatedCount] = []  # the city-wide need as surveyed

    @model_validator(mode="after")
    def _in_order(self) -> CoLocatedSupply:
        _ordered(self.behov, "behov")
        return self


class PlaceCategory(_Strict):
    navn: Text
    sammenlignes_med: GroupList
    verdier: list[DatedCount] = Field(min_length=1)

    @model_validator(mode="after")
    def _in_order(self) -> PlaceCategory:
        _ordered(self.verdier, f"kategori '{self.navn}'")
        return self


class PlaceCount(Cited):
    antall: int = Field(ge=1)


class PlaceChange(Cited):
    """A dated event: places closed in a category, opened in one, or moved from one to another."""

    dato: date
    type: Literal["avvikling", "opprettelse", "overforing"]
    kategori: Text
    til_kategori: Text | None = None
    plasser: PlaceCount
    tekst: Text

    @model_validator(mode="after")
    def _transfer_has_a_target(self) -> PlaceChange:
        if (self.type == "overforing") != (self.til_kategori is not None):
            raise ValueError("til_kategori is given for, and only for, type = \"overforing\"")
        return self


class GoalStatus(Cited):
    verdi: Text
    per: date
    merknad: str | None = None


class PlaceGoal(Cited):
    kategori: Text
    fra_plasser: int = Field(ge=0)
    plasser: int = Field(ge=0)
    innen: int
    status: GoalStatus


class Percentage(Cited):
    verdi: float = Field(ge=0, le=100)


class VelPlaces(_Strict):
    beskrivelse: Text
    beleggskrav_prosent: Percentage
    kategori: list[PlaceCategory] = Field(min_length=1)
    endring: list[PlaceChange] = []
    maal: list[PlaceGoal] = []


class TargetIndicator(Cited):
    """A target the city measures itself by (PRIOslo kap. 3, målindikatorer)."""

    kode: Literal["livskvalitet_andel_1", "livskvalitet_snitt", "inntak10", "flytting"]
    tekst: Text
    tekst_en: Text
    grense: float
    retning: Literal["under", "over", "reduksjon", "okning"]  # value under/over grense; or a change of grense %


class Question(Cited):
    felt: Text
    tekst: Text
    tekst_en: Text
    hjelp: str = ""
    hjelp_en: str = ""
    nivaer: list[Text] = Field(min_length=5, max_length=5)
    nivaer_en: list[Text] | None = Field(default=None, min_length=5, max_length=5)

    def levels(self, lang: str) -> list[str]:
        return self.nivaer_en if lang == "en" and self.nivaer_en else self.nivaer

    def help_text(self, lang: str) -> str:
        return self.hjelp_en if lang == "en" and self.hjelp_en else self.hjelp


class MatrixData(_Strict):
    """A whole matrix data file, as read from TOML."""

    matrise: MatrixInfo
    ansvar: list[Responsibility] = Field(min_length=1)
    gruppe: list[Group] = Field(min_length=1)
    boligsituasjon: list[HousingSituation] = Field(min_length=1)
    beslutningstabell: DecisionTable
    advarsel: list[Flag] = []
    merknad: list[Flag] = []
    tilbyder: list[Provider] = Field(min_length=1)
    niva: list[Tier] = Field(min_length=1)
    avlastning: Respite
    bydeler: Districts
    samlokaliserte_boliger: CoLocatedSupply
    vel_plasser: VelPlaces
    sporsmal: list[Question] = []
    malindikator: list[TargetIndicator] = []
