"""The case document's texts (bokmål and English); listed in matrix.messages.CATALOG_MODULES."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "u_tittel": {"nb": "Kartlegging og beslutning", "en": "Assessment and decision"},
    "u_meta": {"nb": "Person {person}, {bydel}. Kartlagt {dato}.", "en": "Person {person}, {bydel}. Assessed on {dato}."},
    "u_utskrift": {
        "nb": "Skrevet ut {dato} av {hvem}. Matrise for rusfeltet, versjon {versjon}.",
        "en": "Printed on {dato} by {hvem}. Matrise for rusfeltet, version {versjon}.",
    },
    "u_beslutning": {"nb": "Beslutning", "en": "Decision"},
    "u_ingen_beslutning": {
        "nb": "Ingen beslutning er registrert ennå; under står forslaget.",
        "en": "No decision has been recorded yet; the suggestion is below.",
    },
    "u_besluttet_av": {"nb": "Besluttet av {hvem} {dato}", "en": "Decided by {hvem} on {dato}"},
    "u_avvik": {"nb": "Avviker fra forslaget (gruppe {gruppe}: {navn}).", "en": "Differs from the suggestion (group {gruppe}: {navn})."},
    "u_godtatt": {"nb": "Forslaget ble godtatt.", "en": "The suggestion was accepted."},
    "u_begrunnelse": {"nb": "Begrunnelse: {grunn}", "en": "Reason: {grunn}"},
    "u_forslag": {"nb": "Forslaget og hvorfor", "en": "The suggestion and why"},
    "u_advarsler_merknader": {"nb": "Advarsler og merknader", "en": "Warnings and notes"},
    "u_bolig": {"nb": "Bolig og ansvar for den besluttede gruppen", "en": "Housing and responsibility for the decided group"},
    "u_tjenester": {
        "nb": "Tjenester i tiltakskjeden ({varighet}), etter tilbyder",
        "en": "Services in the chain ({varighet}), by provider",
    },
    "u_svar": {"nb": "Svarene i kartleggingen", "en": "The answers in the assessment"},
    "u_historikk": {"nb": "Historikk", "en": "History"},
    "u_historikk_linje": {
        "nb": "Kartlegging {dato}: forslag gruppe {gruppe} (regel {regel}), registrert av {hvem}",
        "en": "Assessment of {dato}: suggested group {gruppe} (rule {regel}), recorded by {hvem}",
    },
    "u_historikk_beslutning": {"nb": "Besluttet {dato}: gruppe {gruppe}, av {hvem}", "en": "Decided on {dato}: group {gruppe}, by {hvem}"},
    "u_signatur": {"nb": "Signatur: {hvem}", "en": "Signature: {hvem}"},
    "u_sted_dato": {"nb": "Sted og dato: {dato}", "en": "Place and date: {dato}"},
    "u_bunntekst": {
        "nb": "Verktøyet foreslår; saksbehandleren bestemmer. * = antatt verdi (ikke fra kildedokumentene). Matrise {versjon}.",
        "en": "The tool suggests; the caseworker decides. * = assumed value (not from the source documents). Matrix {versjon}.",
    },
    "utskrift_filtype": {"nb": "{fil}: utskriften skrives som .html eller .pdf", "en": "{fil}: the document is written as .html or .pdf"},
    "utskrift_ingen": {"nb": "Fant ingen kartlegging for {person}", "en": "No assessment found for {person}"},
    "utskrift_chromium": {
        "nb": "PDF lages med Chromium, men fant ikke {navn}. Installer chromium (eller sett RUSMATRISE_CHROMIUM), "
        "eller skriv utskriften som .html og skriv den ut fra nettleseren.",
        "en": "PDF is made with Chromium, but {navn} was not found. Install chromium (or set RUSMATRISE_CHROMIUM), "
        "or write the document as .html and print it from the browser.",
    },
    "utskrift_skriv": {"nb": "Kan ikke skrive {fil}: {grunn}", "en": "Cannot write {fil}: {grunn}"},
    "utskrift_skrevet": {"nb": "Utskriften er lagret: {fil}", "en": "The case document is saved: {fil}"},
}
