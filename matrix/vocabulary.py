"""Field names and coded values as people read them: `tilsynsbehov = heldogn` → "Tilsynsbehov: heldøgn".

The canonical field names and codes (`heldogn`, `ordinar_bolig`, `vel`) are the interface for
files and scripts; everything shown to a caseworker or planner goes through here instead.
Housing situations and responsible parties are named by the matrix file (a municipality's own
words); the rest by the catalog below.
"""

from __future__ import annotations

from matrix.messages import Lang, t

MESSAGES: dict[str, dict[str, str]] = {
    # Field labels
    "felt_person_id": {"nb": "person-id", "en": "person id"},
    "felt_bydel": {"nb": "bydel", "en": "district"},
    "felt_boevne": {"nb": "boevne", "en": "ability to live independently"},
    "felt_rus": {"nb": "rus", "en": "substance use"},
    "felt_psykisk_helse": {"nb": "psykisk helse", "en": "mental health"},
    "felt_somatisk_helse": {"nb": "somatisk helse", "en": "physical health"},
    "felt_atferd": {"nb": "atferd", "en": "behaviour"},
    "felt_sosial_fungering": {"nb": "sosial fungering", "en": "social functioning"},
    "felt_maks": {"nb": "største vansker på ett område", "en": "greatest difficulty in any domain"},
    "felt_tilsynsbehov": {"nb": "tilsynsbehov", "en": "supervision need"},
    "felt_behandlingsbehov": {"nb": "behandlingsbehov i boligen", "en": "treatment need in the home"},
    "felt_vold_trusler": {"nb": "vold eller trusler", "en": "violence or threats"},
    "felt_brannrisiko": {"nb": "brannrisiko", "en": "fire risk"},
    "felt_varighet": {"nb": "varighet", "en": "duration"},
    "felt_boligsituasjon": {"nb": "boligsituasjon", "en": "housing situation"},
    "felt_avlastningsbehov": {"nb": "avlastningsbehov", "en": "respite need"},
    "felt_institusjonsinntak_12m": {"nb": "innleggelser i rusinstitusjon siste 12 mnd.", "en": "admissions in the last 12 months"},
    "felt_livskvalitet": {"nb": "livskvalitet", "en": "quality of life"},
    "felt_brukers_onske": {"nb": "personens egne ønsker", "en": "the person's own wishes"},
    "felt_kjonn": {"nb": "kjønn", "en": "sex"},
    "felt_fodselsar": {"nb": "fødselsår", "en": "birth year"},
    "felt_vurdert_dato": {"nb": "vurderingsdato", "en": "assessment date"},
    "felt_tidligere_gruppe": {"nb": "tidligere gruppe", "en": "previous group"},
    "felt_gruppe": {"nb": "gruppe", "en": "group"},
    "felt_dekning": {"nb": "dekning", "en": "coverage"},
    "felt_dager_siden_vurdering": {"nb": "dager siden vurdering", "en": "days since the assessment"},
    # Coded values
    "verdi_tilsynsbehov_ingen": {"nb": "ingen", "en": "none"},
    "verdi_tilsynsbehov_ukentlig": {"nb": "ukentlig", "en": "weekly"},
    "verdi_tilsynsbehov_daglig": {"nb": "daglig", "en": "daily"},
    "verdi_tilsynsbehov_dagtid": {"nb": "bemanning på dagtid", "en": "daytime staffing"},
    "verdi_tilsynsbehov_heldogn": {"nb": "heldøgnsbemanning", "en": "24-hour staffing"},
    "verdi_varighet_kortvarig": {"nb": "kortvarige problemer", "en": "short-term problems"},
    "verdi_varighet_langvarig": {"nb": "langvarige problemer", "en": "long-term problems"},
    "verdi_dekning_dekket": {"nb": "dekket", "en": "covered"},
    "verdi_dekning_udekket": {"nb": "udekket", "en": "not covered"},
    "verdi_dekning_overdekket": {"nb": "overdekket", "en": "over-covered"},
    "verdi_dekning_ukjent": {"nb": "ukjent", "en": "unknown"},
    "verdi_kjonn_kvinne": {"nb": "kvinne", "en": "woman"},
    "verdi_kjonn_mann": {"nb": "mann", "en": "man"},
    "verdi_kjonn_annet": {"nb": "annet", "en": "other"},
    "verdi_kjonn_ukjent": {"nb": "ukjent", "en": "unknown"},
    "verdi_livskvalitet_vil_ikke_svare": {"nb": "ønsker ikke å svare", "en": "prefers not to answer"},
}

def field_label(field: str, lang: Lang) -> str:
    """'tilsynsbehov' → 'tilsynsbehov' / 'supervision need'; an unknown field keeps its name."""
    key = f"felt_{field}"
    return t(key, lang) if key in MESSAGES else field


def value_label(field: str, value: object, lang: Lang) -> str:
    """A coded value in words: heldogn → 'heldøgnsbemanning'; yes/no as ja/nei; others as given."""
    if isinstance(value, bool):
        return t("ja" if value else "nei", lang)
    if value is None or value == "":
        return t("tom", lang)
    key = f"verdi_{field}_{value}"
    return t(key, lang) if key in MESSAGES else str(value)
