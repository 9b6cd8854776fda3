"""Pydantic models of a matrix data file (groups, decision table, service chain, supply).

Every entry that states a policy value carries `kilde`; the models refuse an entry without
one, so an unsourced value cannot enter the product.
"""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Discriminator, Field, StringConstraints, Tag, model_validator

Source = Annotated[str, StringConstraints(strip_whitespace=True, min_length=3)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
ASSUMED_PREFIX = "antatt"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def is_assumed(kilde: str) -> bool:
    """Whether a source citation marks the value as the product's own assumption."""
    return kilde.strip().lower().startswith(ASSUMED_PREFIX)


class Sourced(_Strict):
    """One group attribute: the value users read, and where it comes from."""

    verdi: Text
    en: str | None = None
    kilde: Source

    @property
    def antatt(self) -> bool:
        return is_assumed(self.kilde)


class MatrixInfo(_Strict):
    navn: Text
    kommune: Text
    versjon: Text
    kilde: Source


class Responsibility(_Strict):
    kode: Text
    visning: Text
    kilde: Source


class Group(_Strict):
    nr: int = Field(ge=1)
    boligniva: int = Field(ge=1)
    navn: Sourced
    boligtype: Sourced
    boligstandard: Sourced
    bemanning: Sourced
    beliggenhet: Sourced
    ansvar: Sourced

    ATTRIBUTES: ClassVar[tuple[str, ...]] = ("navn", "boligtype", "boligstandard", "bemanning", "beliggenhet", "ansvar")


class HousingSituation(_Strict):
    kode: Text
    tekst: Text
    boligniva: int | None = Field(default=None, ge=0)
    ukjent: bool = False
    alias: list[Text] = []
    kilde: Source

    @model_validator(mode="after")
    def _level_or_unknown(self) -> HousingSituation:
        if (self.boligniva is None) == (not self.ukjent):
            raise ValueError("give either boligniva (0 = no permanent home) or ukjent = true")
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
            raise ValueError(f"a comparison needs exactly one of {', '.join(self.OPERATORS)}; got {given or 'none'}")
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


class DecisionRule(_Strict):
    id: Text
    gruppe: int
    tekst: Text
    tekst_en: Text
    kilde: Source
    naar: Condition


class DecisionTable(_Strict):
    treffpolicy: Literal["FIRST"]
    kilde: Source
    regel: list[DecisionRule] = Field(min_length=1)


class Flag(_Strict):
    """A warning (advarsel) or note (merknad): shown when its condition holds."""

    kode: Text
    tekst: Text
    tekst_en: Text
    kilde: Source
    naar: Condition


# --- Service chain ----------------------------------------------------------------------
class Provider(_Strict):
    navn: Text
    kilde: Source


class TierService(_Strict):
    navn: Text
    tilbyder: Text


class Tier(_Strict):
    id: Text
    beskrivelse: Text
    grupper_trykt: list[int]
    grupper: list[int] = Field(min_length=1)
    varighet: Literal["alle", "kortvarig", "langvarig"]
    kilde: Source
    tjenester: list[TierService] = Field(min_length=1)


class Respite(_Strict):
    niva: Text
    tjeneste: Text
    tilbyder: Text
    kilde: Source


# --- Districts and supply ---------------------------------------------------------------
class District(_Strict):
    nr: int = Field(ge=1)
    navn: Text
    alias: list[Text] = []


class Districts(_Strict):
    kilde: Source
    bydel: list[District] = Field(min_length=1)


class DistrictCount(_Strict):
    bydel: Text
    verdier: list[int]


class ReportedNeed(_Strict):
    tidspunkt: Text
    antall: int = Field(ge=0)
    kilde: Source


class CoLocatedSupply(_Strict):
    grupper: list[int]
    datoer: list[Text] = Field(min_length=1)
    gjeldende: Text
    kilde: Source
    antall: list[DistrictCount]
    behov: list[ReportedNeed] = []

    @model_validator(mode="after")
    def _shape(self) -> CoLocatedSupply:
        if self.gjeldende not in self.datoer:
            raise ValueError(f"gjeldende '{self.gjeldende}' is not one of datoer")
        for row in self.antall:
            if len(row.verdier) != len(self.datoer):
                raise ValueError(f"bydel '{row.bydel}' has {len(row.verdier)} values for {len(self.datoer)} datoer")
        return self

    def current(self) -> dict[str, int]:
        """Homes per district at the current reporting date."""
        index = self.datoer.index(self.gjeldende)
        return {row.bydel: row.verdier[index] for row in self.antall}


class PlaceCategory(_Strict):
    navn: Text
    plasser: int = Field(ge=0)
    grupper: list[int]
    kilde: Source


class PlaceChange(_Strict):
    dato: Text
    kategori: Text
    endring: int
    tekst: Text
    kilde: Source


class PlaceGoal(_Strict):
    kategori: Text
    plasser: int = Field(ge=0)
    innen: int
    kilde: Source


class VelPlaces(_Strict):
    aar: int
    beleggskrav_prosent: float
    kilde: Source
    kategorier: list[PlaceCategory]
    endringer: list[PlaceChange] = []
    maal: list[PlaceGoal] = []


class Question(_Strict):
    felt: Text
    tekst: Text
    tekst_en: Text
    hjelp: str = ""
    hjelp_en: str = ""
    nivaer: list[Text] = Field(min_length=5, max_length=5)
    nivaer_en: list[Text] | None = Field(default=None, min_length=5, max_length=5)
    kilde: Source

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
