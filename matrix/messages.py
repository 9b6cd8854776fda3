"""User-facing texts in Norwegian bokmål (default) and English.

One catalog for the whole product so that every message exists in both languages; a
missing translation is caught by a test rather than shown to a user.
"""

from __future__ import annotations

from typing import Literal

Lang = Literal["nb", "en"]
LANGS: tuple[Lang, ...] = ("nb", "en")

CATALOG: dict[str, dict[str, str]] = {
    # Field validation
    "mangler": {"nb": "mangler (påkrevd felt)", "en": "is missing (required field)"},
    "skala": {
        "nb": "«{verdi}» er ikke et helt tall fra {min} til {max}",
        "en": "'{verdi}' is not a whole number from {min} to {max}",
    },
    "heltall": {"nb": "«{verdi}» er ikke et helt tall", "en": "'{verdi}' is not a whole number"},
    "heltall_min": {
        "nb": "«{verdi}» er ikke et helt tall på minst {min}",
        "en": "'{verdi}' is not a whole number of at least {min}",
    },
    "janei": {
        "nb": "«{verdi}» er ikke ja eller nei (godtar ja/nei, j/n, yes/no, true/false, 1/0)",
        "en": "'{verdi}' is not yes or no (accepts ja/nei, j/n, yes/no, true/false, 1/0)",
    },
    "valg": {
        "nb": "«{verdi}» er ikke en gyldig verdi; gyldige verdier: {gyldige}",
        "en": "'{verdi}' is not a valid value; valid values: {gyldige}",
    },
    "bydel": {
        "nb": "«{verdi}» er ikke en kjent bydel (navn eller nummer 1–{antall})",
        "en": "'{verdi}' is not a known district (name or number 1–{antall})",
    },
    "fodselsnummer": {
        "nb": "11-sifret person_id består ikke kontrollsifferkontrollen (mod 11) for fødselsnummer/D-nummer",
        "en": "11-digit person_id fails the check-digit test (mod 11) for a national id/D-number",
    },
    "dato": {
        "nb": "«{verdi}» er ikke en dato (ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ)",
        "en": "'{verdi}' is not a date (YYYY-MM-DD or DD.MM.YYYY)",
    },
    "aar": {"nb": "«{verdi}» er ikke et årstall fra {min} til {max}", "en": "'{verdi}' is not a year from {min} to {max}"},
    "gruppe": {"nb": "«{verdi}» er ikke en gruppe (1–{max})", "en": "'{verdi}' is not a group (1–{max})"},
    "tekst": {"nb": "må være tekst", "en": "must be text"},
    "duplikat": {
        "nb": "samme person_id og vurdert_dato som rad {rad}",
        "en": "same person_id and vurdert_dato as row {rad}",
    },
    "ugyldig": {"nb": "ugyldig verdi: {detalj}", "en": "invalid value: {detalj}"},
    # Classification and explanation
    "ikke_nok_info": {
        "nb": "Ikke nok informasjon til å foreslå gruppe. Mangler: {felt}",
        "en": "Not enough information to suggest a group. Missing: {felt}",
    },
    "begrunnelse": {
        "nb": "Gruppe {gruppe} etter regel {regel}: {tekst}.",
        "en": "Group {gruppe} by rule {regel}: {tekst}.",
    },
    "betingelser_holdt": {"nb": "Oppfylt: {liste}.", "en": "Conditions that held: {liste}."},
    "ogsa_truffet": {
        "nb": "Senere regler som også passet: {liste}.",
        "en": "Later rules that also matched: {liste}.",
    },
    "alltid": {"nb": "ingen regel over slo til", "en": "no rule above applied"},
    "verdi_sett": {"nb": "{betingelse} (verdi: {verdi})", "en": "{betingelse} (value: {verdi})"},
    "ja": {"nb": "ja", "en": "yes"},
    "nei": {"nb": "nei", "en": "no"},
    "tom": {"nb": "(tom)", "en": "(blank)"},
    "hull": {
        "nb": "Ingen regel i beslutningstabellen passer for denne kartleggingen ({profil}): tabellen har et hull",
        "en": "No rule in the decision table matches this assessment ({profil}): the table has a gap",
    },
    # Matrix file errors
    "matrisefil": {"nb": "Feil i matrisefilen {fil}, {sti}: {grunn}", "en": "Error in matrix file {fil}, {sti}: {grunn}"},
    "matrise_les": {"nb": "Kan ikke lese matrisefilen {fil}: {grunn}", "en": "Cannot read matrix file {fil}: {grunn}"},
    "matrise_toml": {"nb": "Ugyldig TOML i {fil}: {grunn}", "en": "Invalid TOML in {fil}: {grunn}"},
    # CLI
    "felt_feil": {"nb": "felt {felt}: {feil}", "en": "field {felt}: {feil}"},
    "json_ugyldig": {"nb": "Inndata er ikke gyldig JSON: {grunn}", "en": "Input is not valid JSON: {grunn}"},
    "json_objekt": {"nb": "Inndata må være ett JSON-objekt", "en": "Input must be one JSON object"},
    "fil_les": {"nb": "Kan ikke lese {fil}: {grunn}", "en": "Cannot read {fil}: {grunn}"},
    "ukjent_gruppe": {"nb": "Ukjent gruppe {gruppe}", "en": "Unknown group {gruppe}"},
    "ansvar_tekst": {
        "nb": "{bosetter}{bosetter_antatt} har ansvaret for å bosette; {tilbyder}{tilbyder_antatt} gir boligen ({boligtype}).",
        "en": "{bosetter}{bosetter_antatt} is responsible for settling; {tilbyder}{tilbyder_antatt} provides the home ({boligtype}).",
    },
    "kjede_bare": {
        "nb": "Gruppe {gruppe} har ingen {valgt} nivåer i tiltakskjeden; nivåene under er {varighet}.",
        "en": "Group {gruppe} has no {valgt} tiers in the service chain; the tiers below are {varighet}.",
    },
    "antatt_merke": {"nb": "* = antatt (ikke fra kildedokumentene)", "en": "* = assumed (not from the source documents)"},
    "check_ok": {"nb": "OK: {tekst}", "en": "OK: {tekst}"},
    "check_feil": {"nb": "FEIL: {tekst}", "en": "ERROR: {tekst}"},
    "check_advarsel": {"nb": "ADVARSEL: {tekst}", "en": "WARNING: {tekst}"},
    "check_matrise": {
        "nb": "matrisefilen {fil} (versjon {versjon}) er gyldig",
        "en": "matrix file {fil} (version {versjon}) is valid",
    },
    "check_tabell": {
        "nb": "beslutningstabellen er komplett: {profiler} profiler kontrollert ({distinkte} distinkte regelinndata), ingen hull",
        "en": "the decision table is complete: {profiler} profiles checked ({distinkte} distinct rule inputs), no gaps",
    },
    "check_hull": {
        "nb": "beslutningstabellen har hull: {antall} profiler får ingen gruppe, f.eks. {eksempel}",
        "en": "the decision table has gaps: {antall} profiles get no group, e.g. {eksempel}",
    },
    "check_skygget": {
        "nb": "regel {regel} kan aldri avgjøre (skygget av reglene over)",
        "en": "rule {regel} can never decide (shadowed by the rows above)",
    },
    "check_graf": {
        "nb": "tiltakskjeden er gyldig: {noder} noder, {kanter} kanter",
        "en": "the service chain is valid: {noder} nodes, {kanter} edges",
    },
    # Service-chain validation
    "graf_boligtype": {"nb": "gruppe {gruppe} når ingen boligtype", "en": "group {gruppe} reaches no housing type"},
    "graf_standard": {"nb": "gruppe {gruppe} når ingen boligstandard", "en": "group {gruppe} reaches no housing standard"},
    "graf_flere_standarder": {
        "nb": "boligtype «{boligtype}» har flere standarder: {standarder}",
        "en": "housing type '{boligtype}' has several standards: {standarder}",
    },
    "graf_bosetting": {"nb": "gruppe {gruppe} har ingen bosettingsansvarlig", "en": "group {gruppe} has no party responsible for settling"},
    "graf_tjeneste": {
        "nb": "gruppe {gruppe} får ingen tjeneste utover generelle behov (T0)",
        "en": "group {gruppe} gets no service beyond general needs (T0)",
    },
    "graf_tilbyder": {
        "nb": "tjenesten «{tjeneste}» har {antall} tilbydere ({tilbydere}); den skal ha nøyaktig én",
        "en": "service '{tjeneste}' has {antall} providers ({tilbydere}); it must have exactly one",
    },
    "graf_foreldrelos": {"nb": "node {node} henger ikke sammen med noe", "en": "node {node} is connected to nothing"},
}


def register(messages: dict[str, dict[str, str]]) -> None:
    """Add a package's own messages (each with "nb" and "en") to the catalog."""
    for key, entry in messages.items():
        if set(entry) != set(LANGS):
            raise ValueError(f"message {key!r} needs exactly the languages {LANGS}")
        if key in CATALOG and CATALOG[key] != entry:
            raise ValueError(f"message {key!r} is already defined differently")
        CATALOG[key] = entry


def t(key: str, lang: Lang = "nb", /, **params: object) -> str:
    """The message `key` in `lang`, with `params` filled in."""
    entry = CATALOG[key]
    return entry.get(lang, entry["nb"]).format(**params)
