"""The field reference: every input column, whether it is required, what it may hold and which
spellings are accepted (`rusmatrise felter`, and the README section generated from it).

Built from the same definitions the validation uses (matrix.fields, matrix.values and the
matrix file's districts and housing situations), so the reference cannot drift from what
is accepted.
"""

from __future__ import annotations

from dataclasses import dataclass

from matrix.fields import (
    CANONICAL_FIELDS,
    DOMAIN_FIELDS,
    REQUIRED_FIELDS,
    SCALE_MAX,
    SCALE_MIN,
    TILSYNSBEHOV,
    VARIGHET,
    YES_NO_FIELDS,
)
from matrix.load import Matrix
from matrix.messages import Lang, t
from matrix.values import NO, YES

TILSYN_SPELLINGS = ("heldøgn", "heldoegn", "dogn", "dag")  # matrix.values' aliases, as people type them
KJONN = ("kvinne", "mann", "annet", "ukjent")


@dataclass(frozen=True)
class FieldDoc:
    name: str
    required: bool
    allowed: str
    spellings: str
    meaning: str


def _allowed(name: str, matrix: Matrix, lang: Lang) -> tuple[str, str]:
    """(allowed values, other spellings accepted) in words."""
    if name in DOMAIN_FIELDS:
        return t("fr_skala", lang, min=SCALE_MIN, max=SCALE_MAX), t("fr_heltall_stavemater", lang)
    if name == "tilsynsbehov":
        return ", ".join(TILSYNSBEHOV), ", ".join(TILSYN_SPELLINGS) + "; " + t("fr_store_sma", lang)
    if name == "varighet":
        return ", ".join(VARIGHET), t("fr_store_sma", lang)
    if name in YES_NO_FIELDS:
        return "ja, nei", ", ".join(sorted(YES | NO)) + "; " + t("fr_store_sma", lang)
    if name == "boligsituasjon":
        codes = ", ".join(h.kode for h in matrix.data.boligsituasjon)
        codes_only = {h.kode for h in matrix.data.boligsituasjon}
        spellings = sorted({s for h in matrix.data.boligsituasjon for s in (h.tekst, *h.alias)} - codes_only)
        return codes, ", ".join(spellings)
    if name == "bydel":
        names = ", ".join(d.navn for d in matrix.data.bydeler.bydel)
        return names, t("fr_bydel_stavemater", lang, antall=len(matrix.data.bydeler.bydel))
    if name == "person_id":
        return t("fr_person_id_verdier", lang), ""
    if name == "livskvalitet":
        return t("fr_livskvalitet_verdier", lang), t("fr_livskvalitet_stavemater", lang)
    if name == "institusjonsinntak_12m":
        return t("fr_antall", lang), ""
    if name == "kjonn":
        return ", ".join(KJONN), t("fr_kjonn_stavemater", lang)
    if name == "fodselsar":
        return t("fr_aar", lang), ""
    if name == "vurdert_dato":
        return t("fr_dato", lang), t("fr_dato_stavemater", lang)
    if name == "tidligere_gruppe":
        return ", ".join(str(nr) for nr in matrix.groups), ""
    return t("fr_tekst", lang), ""


def field_reference(matrix: Matrix, lang: Lang) -> list[FieldDoc]:
    docs = []
    for name in CANONICAL_FIELDS:
        allowed, spellings = _allowed(name, matrix, lang)
        docs.append(FieldDoc(name, name in REQUIRED_FIELDS, allowed, spellings, t(f"fr_{name}", lang)))
    return docs


def markdown(docs: list[FieldDoc], lang: Lang) -> str:
    """A Markdown table (the README section is this, for --lang en)."""
    head = [t("fr_kolonne", lang), t("fr_pakrevd", lang), t("fr_betydning", lang), t("fr_verdier", lang), t("fr_ogsa", lang)]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for doc in docs:
        cells = [f"`{doc.name}`", t("ja" if doc.required else "nei", lang), doc.meaning, doc.allowed, doc.spellings or "–"]
        lines.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
    return "\n".join(lines)
