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
    # The field reference (matrix.field_reference, rusmatrise felter)
    "fr_tittel": {
        "nb": "Kolonnene i en kartlegging (eksportfil, JSON, database)",
        "en": "The columns of an assessment (export file, JSON, database)",
    },
    "fr_kolonne": {"nb": "Kolonne", "en": "Column"},
    "fr_pakrevd": {"nb": "Påkrevd", "en": "Required"},
    "fr_betydning": {"nb": "Betydning", "en": "Meaning"},
    "fr_verdier": {"nb": "Tillatte verdier", "en": "Allowed values"},
    "fr_ogsa": {"nb": "Godtar også", "en": "Also accepted"},
    "fr_skala": {"nb": "helt tall {min}–{max}", "en": "whole number {min}–{max}"},
    "fr_heltall_stavemater": {"nb": "3, 3.0 og 3,0", "en": "3, 3.0 and 3,0"},
    "fr_store_sma": {"nb": "store og små bokstaver", "en": "any case"},
    "fr_bydel_stavemater": {
        "nb": "nummer 1–{antall}, med eller uten «Bydel », store og små bokstaver, uten æ/ø/å (Grunerlokka, Ostensjo)",
        "en": "number 1–{antall}, with or without «Bydel », any case, without æ/ø/å (Grunerlokka, Ostensjo)",
    },
    "fr_person_id_verdier": {
        "nb": "tekst; 11 siffer må være et gyldig fødselsnummer eller D-nummer",
        "en": "text; 11 digits must be a valid national id or D-number",
    },
    "fr_livskvalitet_verdier": {
        "nb": "helt tall 1–7, eller vil_ikke_svare (ønsker ikke å svare); tomt: ikke spurt",
        "en": "whole number 1–7, or vil_ikke_svare (prefers not to answer); blank: not asked",
    },
    "fr_livskvalitet_stavemater": {
        "nb": "«Ønsker ikke å svare», «vil ikke svare», «prefers not to answer»; store og små bokstaver, uten æ/ø/å",
        "en": "«Ønsker ikke å svare», «vil ikke svare», «prefers not to answer»; any case, without æ/ø/å",
    },
    "fr_antall": {"nb": "helt tall, 0 eller mer", "en": "whole number, 0 or more"},
    "fr_kjonn_stavemater": {
        "nb": "K, M, f, female, male og lignende; andre verdier avvises",
        "en": "K, M, f, female, male and the like; other values are rejected",
    },
    "fr_aar": {"nb": "årstall", "en": "year"},
    "fr_dato": {"nb": "dato, ikke fram i tid", "en": "date, not in the future"},
    "fr_dato_stavemater": {"nb": "ÅÅÅÅ-MM-DD og DD.MM.ÅÅÅÅ", "en": "YYYY-MM-DD and DD.MM.YYYY"},
    "fr_tekst": {"nb": "fri tekst", "en": "free text"},
    "fr_person_id": {"nb": "saksnummer eller fødselsnummer", "en": "case number or national id"},
    "fr_bydel": {"nb": "personens bydel", "en": "the person's district"},
    "fr_boevne": {
        "nb": "evne til å bo selvstendig (husleie, holde boligen, daglige gjøremål)",
        "en": "ability to live independently (rent, keeping the home, daily tasks)",
    },
    "fr_rus": {"nb": "rusbruk og følgene av den", "en": "substance use and its consequences"},
    "fr_psykisk_helse": {"nb": "psykisk helse", "en": "mental health"},
    "fr_somatisk_helse": {"nb": "somatisk helse", "en": "physical health"},
    "fr_atferd": {"nb": "atferd utad (bråk, konflikter, trusler)", "en": "outward behaviour (noise, conflict, threats)"},
    "fr_sosial_fungering": {"nb": "sosial fungering", "en": "social functioning"},
    "fr_tilsynsbehov": {
        "nb": "oppfølging eller bemanning personen trenger: ingen, ukentlige besøk, daglige besøk, bemanning på dagtid, heldøgnsbemanning",
        "en": "follow-up or staffing needed: none, weekly visits, daily visits, staff in the daytime, 24-hour staffing",
    },
    "fr_behandlingsbehov": {"nb": "trenger behandling integrert i boligen", "en": "needs treatment integrated in the housing"},
    "fr_vold_trusler": {"nb": "vold eller trusler siste 12 måneder", "en": "violence or threats in the last 12 months"},
    "fr_brannrisiko": {"nb": "brannrisiko", "en": "fire risk"},
    "fr_varighet": {"nb": "kortvarige eller langvarige problemer", "en": "short-term or long-term problems"},
    "fr_boligsituasjon": {"nb": "nåværende boligsituasjon", "en": "current housing situation"},
    "fr_avlastningsbehov": {"nb": "trenger avlastningsopphold (tomt: nei)", "en": "needs a respite stay (blank: no)"},
    "fr_institusjonsinntak_12m": {
        "nb": "innleggelser i rusinstitusjon siste 12 måneder",
        "en": "admissions to substance-use institutions, last 12 months",
    },
    "fr_livskvalitet": {
        "nb": "«Hvor fornøyd er du med livet ditt, samlet sett?» 1 veldig misfornøyd … 7 veldig fornøyd",
        "en": "«Hvor fornøyd er du med livet ditt, samlet sett?» 1 very dissatisfied … 7 very satisfied",
    },
    "fr_brukers_onske": {"nb": "personens egne ønsker (brukermedvirkning)", "en": "the person's own wishes"},
    "fr_kjonn": {"nb": "kjønn", "en": "sex"},
    "fr_fodselsar": {"nb": "fødselsår", "en": "birth year"},
    "fr_vurdert_dato": {"nb": "datoen kartleggingen gjelder", "en": "the date of the assessment"},
    "fr_tidligere_gruppe": {
        "nb": "gruppen før denne kartleggingen (gir kolonnen endring)",
        "en": "the group before this assessment (gives the column endring)",
    },
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
