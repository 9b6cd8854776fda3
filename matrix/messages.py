"""User-facing texts in Norwegian bokmål (default) and English, and the one lookup, `t`.

One catalog for the whole product so that every message exists in both languages; a
missing translation is caught by a test rather than shown to a user. Each package keeps its
texts in a `MESSAGES` dict in its own module; `CATALOG_MODULES` lists those modules, and the
catalog is assembled from them, explicitly and once, at the first lookup. No module has to
be imported "for its side effect" before its texts can be used.
"""

from __future__ import annotations

import importlib
from typing import Literal

Lang = Literal["nb", "en"]
LANGS: tuple[Lang, ...] = ("nb", "en")

MESSAGES: dict[str, dict[str, str]] = {
    # Field validation
    "mangler": {"nb": "mangler (påkrevd felt)", "en": "is missing (required field)"},
    "skala": {
        "nb": "«{verdi}» er ikke et helt tall fra {min} til {max}",
        "en": "'{verdi}' is not a whole number from {min} to {max}",
    },
    "skala_eller_avslag": {
        "nb": "«{verdi}» er ikke et helt tall fra {min} til {max} eller «vil_ikke_svare»",
        "en": "'{verdi}' is not a whole number from {min} to {max} or 'vil_ikke_svare'",
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
        "nb": "11-sifret person_id er ikke et gyldig fødselsnummer eller D-nummer (kontrollsifrene stemmer ikke)",
        "en": "11-digit person_id fails the check-digit test (mod 11) for a national id/D-number",
    },
    "dato": {
        "nb": "«{verdi}» er ikke en dato (ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ)",
        "en": "'{verdi}' is not a date (YYYY-MM-DD or DD.MM.YYYY)",
    },
    "dato_fremtid": {"nb": "«{verdi}» er en dato fram i tid", "en": "'{verdi}' is a date in the future"},
    "person_id_tall": {
        "nb": "«{verdi}» er ikke en person_id (et tall uten desimaler og fortegn, eller tekst)",
        "en": "'{verdi}' is not a person_id (a whole number without sign, or text)",
    },
    "person_id_null": {
        "nb": "tallet {verdi} har 10 sifre: et fødselsnummer som har mistet første 0 i regnearket, men med 0 foran består det"
        " ikke kontrollen av kontrollsifrene; formater kolonnen som tekst i eksporten",
        "en": "the number {verdi} has 10 digits: a national id that lost its leading 0 in the spreadsheet, but with the 0 it"
        " fails the check-digit test; format the column as text in the export",
    },
    "person_id_tegn": {"nb": "inneholder kontrolltegn", "en": "contains control characters"},
    "person_id_lang": {"nb": "er lengre enn {maks} tegn", "en": "is longer than {maks} characters"},
    "celle_for_lang": {
        "nb": "cellen i kolonnen {kolonne} har {lengde} tegn; høyst {maks} tegn godtas",
        "en": "the cell in column {kolonne} has {lengde} characters; at most {maks} are accepted",
    },
    "objekt": {"nb": "må være et JSON-objekt (nøkkel: verdi)", "en": "must be a JSON object (key: value)"},
    "aar": {"nb": "«{verdi}» er ikke et årstall fra {min} til {max}", "en": "'{verdi}' is not a year from {min} to {max}"},
    "gruppe": {"nb": "«{verdi}» er ikke en gruppe (1–{max})", "en": "'{verdi}' is not a group (1–{max})"},
    "tekst": {"nb": "må være tekst", "en": "must be text"},
    "duplikat": {
        "nb": "samme person_id og vurdert_dato som rad {rad}",
        "en": "same person_id and vurdert_dato as row {rad}",
    },
    "ugyldig": {"nb": "ugyldig verdi: {detalj}", "en": "invalid value: {detalj}"},
    # Failures any command may meet (matrix.errors)
    "os_feil": {"nb": "Kan ikke fullføre: {fil}: {grunn}", "en": "Cannot finish: {fil}: {grunn}"},
    "disk_full": {
        "nb": "Disken er full ({fil}); ingenting er skrevet. Frigjør plass eller skriv til en annen disk",
        "en": "The disk is full ({fil}); nothing was written. Free some space or write to another disk",
    },
    "for_stort": {
        "nb": "Inndata er for store eller for dypt nestet til å behandles ({grunn})",
        "en": "The input is too large or too deeply nested to process ({grunn})",
    },
    "intern_feil": {
        "nb": "Intern feil ({type}) i {kommando}; ingenting er skrevet. Kjør med {variabel}=1 for detaljer, og meld feilen",
        "en": "Internal error ({type}) in {kommando}; nothing was written. Run with {variabel}=1 for details, and report it",
    },
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
    "og": {"nb": " og ", "en": " and "},
    "ansvar_bydelen": {"nb": "Bydelen (personens)", "en": "The person's district"},
    "eller": {"nb": " eller ", "en": " or "},
    "ja": {"nb": "ja", "en": "yes"},
    "nei": {"nb": "nei", "en": "no"},
    "tom": {"nb": "(tom)", "en": "(blank)"},
    "hull": {
        "nb": "Ingen regel i beslutningstabellen passer for denne kartleggingen ({profil}): tabellen har et hull",
        "en": "No rule in the decision table matches this assessment ({profil}): the table has a gap",
    },
    "motor_feil": {"nb": "Regelmotoren feilet: {grunn}", "en": "The rules engine failed: {grunn}"},
    # Matrix file errors
    "matrisefil": {"nb": "Feil i matrisefilen {fil}, {sti}: {grunn}", "en": "Error in matrix file {fil}, {sti}: {grunn}"},
    "matrise_les": {"nb": "Kan ikke lese matrisefilen {fil}: {grunn}", "en": "Cannot read matrix file {fil}: {grunn}"},
    "matrise_toml": {"nb": "Ugyldig TOML i {fil}: {grunn}", "en": "Invalid TOML in {fil}: {grunn}"},
    # Matrix file problems (matrix.load.Reason)
    "mf_mangler": {"nb": "mangler (påkrevd)", "en": "Field required"},
    "mf_ukjent_nokkel": {"nb": "ukjent nøkkel (skrivefeil?)", "en": "Extra inputs are not permitted"},
    "mf_tom": {"nb": "kan ikke være tom (minst {min} tegn)", "en": "must not be empty (at least {min} characters)"},
    "mf_tekst": {"nb": "må være tekst", "en": "must be text"},
    "mf_heltall": {"nb": "må være et helt tall", "en": "must be a whole number"},
    "mf_janei": {"nb": "må være true eller false", "en": "must be true or false"},
    "mf_tall": {"nb": "må være et tall", "en": "must be a number"},
    "mf_liste": {"nb": "må være en liste [ … ]", "en": "must be a list [ … ]"},
    "mf_tabell": {"nb": "må være en tabell", "en": "must be a table"},
    "mf_for_kort": {"nb": "har for få elementer (minst {min})", "en": "has too few items (at least {min})"},
    "mf_for_lang": {"nb": "har for mange elementer (høyst {max})", "en": "has too many items (at most {max})"},
    "mf_minst": {"nb": "må være minst {min}", "en": "must be at least {min}"},
    "mf_hoyst": {"nb": "må være høyst {max}", "en": "must be at most {max}"},
    "mf_en_av": {"nb": "må være en av {verdier}", "en": "must be one of {verdier}"},
    "mf_ugyldig": {"nb": "ugyldig verdi ({detalj})", "en": "invalid value: {detalj}"},
    "mf_utf8": {"nb": "filen er ikke UTF-8 ({grunn})", "en": "not UTF-8 ({grunn})"},
    "mf_gruppe_to_ganger": {"nb": "gruppe {gruppe} er definert to ganger", "en": "group {gruppe} is defined twice"},
    "mf_gruppe_mangler": {"nb": "gruppe {gruppe} er ikke definert", "en": "group {gruppe} is not defined"},
    "mf_kode_to_ganger": {"nb": "«{kode}» er brukt to ganger", "en": "'{kode}' is used twice"},
    "mf_ikke_ansvar": {
        "nb": "«{verdi}» er ikke en kode under [[ansvar]] ({gyldige})",
        "en": "'{verdi}' is not an [[ansvar]] kode ({gyldige})",
    },
    "mf_ikke_tilbyder": {"nb": "«{verdi}» er ikke en [[tilbyder]] ({gyldige})", "en": "'{verdi}' is not a [[tilbyder]] ({gyldige})"},
    "mf_ikke_bydel": {"nb": "«{verdi}» er ikke en bydel under [bydeler]", "en": "'{verdi}' is not a district in [bydeler]"},
    "mf_felt_her": {
        "nb": "«{felt}» kan ikke brukes her; gyldige felt: {gyldige}",
        "en": "'{felt}' cannot be used here; fields: {gyldige}",
    },
    "mf_ikke_tall": {
        "nb": "«{felt}» er ikke et tall og kan ikke sammenlignes etter størrelse",
        "en": "'{felt}' is not a number and cannot be compared by size",
    },
    "mf_ikke_verdi": {"nb": "{verdi} er ikke en verdi for «{felt}» ({gyldige})", "en": "{verdi} is not a value of '{felt}' ({gyldige})"},
    "mf_boligniva": {
        "nb": "oppgi enten boligniva (0 = ingen varig bolig) eller ukjent = true",
        "en": "give either boligniva (0 = no permanent home) or ukjent = true",
    },
    "mf_en_operator": {
        "nb": "en sammenligning trenger nøyaktig én av {operatorer}; fikk {gitt}",
        "en": "a comparison needs exactly one of {operatorer}; got {gitt}",
    },
    "mf_gjeldende": {"nb": "gjeldende «{verdi}» er ikke en av datoer", "en": "gjeldende '{verdi}' is not one of datoer"},
    "mf_verdier": {
        "nb": "bydel «{bydel}» har {antall} verdier for {datoer} datoer",
        "en": "bydel '{bydel}' has {antall} values for {datoer} datoer",
    },
    # Test cases as data (rules.cases, check --cases)
    "tilfeller_les": {"nb": "Kan ikke lese tilfellefilen {fil}: {grunn}", "en": "Cannot read the cases file {fil}: {grunn}"},
    "tilfeller_toml": {"nb": "Ugyldig TOML i tilfellefilen {fil}: {grunn}", "en": "Invalid TOML in the cases file {fil}: {grunn}"},
    "tilfeller_form": {
        "nb": "Tilfellefilen {fil} må bestå av tabeller [[case]] med navn, inndata og forventet",
        "en": "The cases file {fil} must consist of [[case]] tables with navn, inndata and forventet",
    },
    "tilfeller_navn": {"nb": "{fil}: tilfelle {tilfelle} mangler navn", "en": "{fil}: case {tilfelle} has no navn"},
    "tilfeller_ukjent": {
        "nb": "{fil}: tilfelle {tilfelle} har ukjente nøkler: {nokler}",
        "en": "{fil}: case {tilfelle} has unknown keys: {nokler}",
    },
    "tilfeller_deler": {
        "nb": "{fil}: tilfelle {tilfelle} trenger tabellene inndata og forventet (forventet ikke tom)",
        "en": "{fil}: case {tilfelle} needs the tables inndata and forventet (forventet not empty)",
    },
    "tilfeller_forventet": {
        "nb": "{fil}: tilfelle {tilfelle} forventer {nokler}; det som kan forventes er {gyldige}",
        "en": "{fil}: case {tilfelle} expects {nokler}; what can be expected is {gyldige}",
    },
    "tilfelle_inndata": {"nb": "inndata er ugyldige: {feil}", "en": "the input is invalid: {feil}"},
    "tilfelle_avvik": {"nb": "forventet {hva} {forventet}, fikk {fikk}", "en": "expected {hva} {forventet}, got {fikk}"},
    "tilfelle_naer_bom": {
        "nb": "traff regel {regel}, som dette tilfellet ikke skal treffe",
        "en": "hit rule {regel}, which this case must not hit",
    },
    "tilfelle_feil": {"nb": "tilfelle «{navn}»: {grunn}", "en": "case '{navn}': {grunn}"},
    "tilfeller_ok": {
        "nb": "alle {antall} tilfeller i {fil} gir det som er forventet",
        "en": "all {antall} cases in {fil} give what is expected",
    },
    "tilfeller_ok_1": {"nb": "tilfellet i {fil} gir det som er forventet", "en": "the case in {fil} gives what is expected"},
    "tilfeller_feilet": {
        "nb": "{antall} av {alle} tilfeller i {fil} gir ikke det som er forventet",
        "en": "{antall} of {alle} cases in {fil} do not give what is expected",
    },
    "tilfeller_feilet_1": {
        "nb": "{antall} av {alle} tilfeller i {fil} gir ikke det som er forventet",
        "en": "{antall} of {alle} cases in {fil} does not give what is expected",
    },
    # CLI
    "felt_feil": {"nb": "felt {felt}: {feil}", "en": "field {felt}: {feil}"},
    "json_ugyldig": {"nb": "Inndata er ikke gyldig JSON: {grunn}", "en": "Input is not valid JSON: {grunn}"},
    "json_objekt": {"nb": "Inndata må være ett JSON-objekt", "en": "Input must be one JSON object"},
    "json_syntaks": {
        "nb": "ikke gyldig JSON: {grunn} (linje {linje}, kolonne {kolonne})",
        "en": "not valid JSON: {grunn} (line {linje}, column {kolonne})",
    },
    "json_dybde": {
        "nb": "JSON-dokumentet er nestet dypere enn {maks} nivåer",
        "en": "the JSON document is nested deeper than {maks} levels",
    },
    "json_for_stor": {"nb": "JSON-dokumentet er større enn {maks} byte", "en": "the JSON document is larger than {maks} bytes"},
    "json_tegn": {
        "nb": "JSON-dokumentet har tekst med ugyldige tegn (en enslig surrogat, \\udXXX)",
        "en": "the JSON document has text with invalid characters (a lone surrogate, \\udXXX)",
    },
    "json_dobbel_nokkel": {
        "nb": "nøkkelen «{nokkel}» står mer enn én gang i samme objekt (også med annen skrivemåte av store/små bokstaver)",
        "en": "the key '{nokkel}' occurs more than once in one object (also when written in another letter case)",
    },
    "stdin_utf8": {
        "nb": "Standard inn er ikke gyldig UTF-8 (byte {posisjon}); lagre inndata som UTF-8",
        "en": "Standard input is not valid UTF-8 (byte {posisjon}); save the input as UTF-8",
    },
    "fil_utf8": {
        "nb": "{fil} er ikke gyldig UTF-8 (byte {posisjon}); lagre filen som UTF-8",
        "en": "{fil} is not valid UTF-8 (byte {posisjon}); save the file as UTF-8",
    },
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
        "nb": "beslutningstabellen er komplett: {profiler} mulige kartlegginger kontrollert "
        "({kombinasjoner} ulike kombinasjoner av svarene reglene leser), ingen hull",
        "en": "the decision table is complete: {profiler} possible assessments checked "
        "({kombinasjoner} different combinations of the answers the rules read), no gaps",
    },
    "check_hull": {
        "nb": "beslutningstabellen har hull: {antall} mulige kartlegginger får ingen gruppe, f.eks. {eksempel}",
        "en": "the decision table has gaps: {antall} possible assessments get no group, e.g. {eksempel}",
    },
    "check_skygget": {
        "nb": "regel {regel} kan aldri avgjøre (reglene over fanger alltid opp de samme tilfellene først)",
        "en": "rule {regel} can never decide (the rules above always catch the same cases first)",
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


# Every module with a MESSAGES catalog, light ones first. All Textual-free (the TUI's texts are
# in tui/messages.py, not tui/text.py). A lookup loads modules in this order only until it
# finds its key, so a command such as `classify` never imports the case store for its texts.
CATALOG_MODULES: tuple[str, ...] = (
    "matrix.messages",
    "matrix.vocabulary",
    "cli.messages",
    "casefiles.messages",
    "tallies.messages",
    "casedoc.messages",
    "tui.messages",
    "casestore.messages",
    "casestore.identity_text",
    "casestore.innsyn",
    "casestore.caseload_export",
)

CATALOG: dict[str, dict[str, str]] = {}
_loaded: list[str] = []  # the CATALOG_MODULES registered so far, in order


def _register(messages: dict[str, dict[str, str]]) -> None:
    """Add one CATALOG_MODULES module's messages (each with "nb" and "en") to the catalog."""
    for key, entry in messages.items():
        if set(entry) != set(LANGS):
            raise ValueError(f"message {key!r} needs exactly the languages {LANGS}")
        if key in CATALOG and CATALOG[key] != entry:
            raise ValueError(f"message {key!r} is already defined differently")
        CATALOG[key] = entry


def _load_next() -> bool:
    """Register the next module of CATALOG_MODULES; False when all are loaded."""
    if len(_loaded) == len(CATALOG_MODULES):
        return False
    name = CATALOG_MODULES[len(_loaded)]
    _loaded.append(name)
    _register(getattr(importlib.import_module(name), "MESSAGES", {}))
    return True


def has(key: str) -> bool:
    """Whether the catalog has `key` (loading catalog modules only as far as needed)."""
    while key not in CATALOG:
        if not _load_next():
            return False
    return True


def catalog() -> dict[str, dict[str, str]]:
    """The whole catalog, every module of CATALOG_MODULES loaded."""
    while _load_next():
        pass
    return CATALOG


def t(key: str, lang: Lang = "nb", /, **params: object) -> str:
    """The message `key` in `lang`, with `params` filled in.

    A count of one takes the singular: when `antall` is 1 and the catalog has `key_1` (kept
    in the same module as `key`), that form is used ("1 rad ble avvist", not "1 rader ble avvist").
    """
    if not has(key):
        raise KeyError(key)
    if params.get("antall") in (1, "1") and f"{key}_1" in CATALOG:
        key = f"{key}_1"
    entry = CATALOG[key]
    return entry.get(lang, entry["nb"]).format(**params)


def number(n: int, lang: Lang) -> str:
    """A whole number as the language writes it: 12 345 in bokmål (thin space), 12,345 in English."""
    return f"{n:,}" if lang == "en" else f"{n:,}".replace(",", "\u202f")
