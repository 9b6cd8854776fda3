"""The classification result: the JSON of `rusmatrise classify` (SPEC section 5)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from matrix.messages import Lang, t
from matrix.vocabulary import value_label


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class ServiceItem(_Frozen):
    tjeneste: str
    tilbyder: str
    niva: str
    antatt: bool = False  # the tier is the group's by the product's assumption (group 3 in T2/T3)


class FlagItem(_Frozen):
    kode: str
    tekst: str


class HeldCondition(_Frozen):
    """One condition of the deciding rule that held, with the value the engine saw."""

    felt: str
    betingelse: str
    verdi: str

    def text(self, lang: Lang) -> str:
        """'tilsynsbehov: heldøgnsbemanning', or 'atferd ≥ 4 (verdi: 5)' where the value adds something."""
        shown = value_label(self.felt, self.verdi, lang)
        if self.betingelse.endswith(f": {shown}"):
            return self.betingelse
        return t("verdi_sett", lang, betingelse=self.betingelse, verdi=shown)


class Explanation(_Frozen):
    regel: str
    regel_tekst: str
    kilde: str
    oppfylt: list[HeldCondition]
    ogsa_truffet: list[str]


class Classification(_Frozen):
    """Field order follows SPEC section 5; `forklaring` adds the structured trace."""

    gruppe: int
    regel: str
    begrunnelse: str
    navn: str
    boligtype: str
    boligstandard: str
    bemanning: str
    beliggenhet: str
    ansvar: str
    ansvarlig: str
    dekning: str
    tjenester: list[ServiceItem]
    advarsler: list[FlagItem]
    merknader: list[FlagItem]
    matrise_versjon: str
    forklaring: Explanation
    # Settling versus providing (SPEC section 2): `ansvar`/`ansvarlig` settle the person;
    # these say who provides the home, and both in one sentence. Added after the contract
    # keys; empty in results stored before they existed.
    boligtilbyder: str = ""
    boligtilbyder_navn: str = ""
    ansvar_tekst: str = ""
