"""The case store's user-facing texts (Norwegian bokmål and English)."""

from __future__ import annotations

from matrix.messages import register

register(
    {
        "store_finnes_ikke": {
            "nb": "Databasen {fil} finnes ikke",
            "en": "The database {fil} does not exist",
        },
        "store_postgres": {
            "nb": "PostgreSQL støttes ikke ennå ({url}); bruk en SQLite-fil eller sqlite:///sti",
            "en": "PostgreSQL is not supported yet ({url}); use an SQLite file or sqlite:///path",
        },
        "store_url": {
            "nb": "Ukjent databaseadresse «{url}»; bruk en filsti eller sqlite:///sti",
            "en": "Unknown database address '{url}'; use a file path or sqlite:///path",
        },
        "store_open": {"nb": "Kan ikke åpne databasen {fil}: {grunn}", "en": "Cannot open the database {fil}: {grunn}"},
        "store_newer": {
            "nb": "Databasen {fil} har skjemaversjon {versjon}, nyere enn dette programmet kjenner ({kjent}); oppdater rusmatrise",
            "en": "The database {fil} has schema version {versjon}, newer than this program knows ({kjent}); update rusmatrise",
        },
        "store_reason": {
            "nb": "En begrunnelse er påkrevd når endelig gruppe avviker fra foreslått gruppe",
            "en": "A reason is required when the final group differs from the suggested group",
        },
        "store_caseworker": {"nb": "Saksbehandlerens navn er påkrevd", "en": "The caseworker's name is required"},
        "store_group": {"nb": "Gruppe {gruppe} finnes ikke i matrisen", "en": "Group {gruppe} does not exist in the matrix"},
        "store_no_assessment": {"nb": "Kartlegging {id} finnes ikke", "en": "Assessment {id} does not exist"},
        "store_busy": {
            "nb": "Databasen er opptatt (en annen bruker skriver); prøv igjen",
            "en": "The database is busy (another user is writing); try again",
        },
        "demo_filling": {
            "nb": "Fyller databasen med {n} syntetiske personer …",
            "en": "Filling the database with {n} synthetic persons …",
        },
        "import_fil": {"nb": "Kan ikke lese {fil}: {grunn}", "en": "Cannot read {fil}: {grunn}"},
        "import_avbrutt": {
            "nb": "Innlesingen ble avbrutt etter rad {rad}; {lagret} kartlegginger er lagret. "
            "Les inn filen på nytt for å fortsette: allerede lagrede rader hoppes over.",
            "en": "The import was cancelled after row {rad}; {lagret} assessments are saved. "
            "Import the file again to continue: rows already saved are skipped.",
        },
        "import_ferdig": {
            "nb": "{lagret} kartlegginger lagret, {hoppet} fantes fra før, {avvist} rader avvist",
            "en": "{lagret} assessments saved, {hoppet} already present, {avvist} rows rejected",
        },
    }
)
