"""The case store's user-facing texts (Norwegian bokmål and English)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "store_finnes_ikke": {
        "nb": "Databasen {fil} finnes ikke",
        "en": "The database {fil} does not exist",
    },
    "store_url": {
        "nb": "Ukjent databaseadresse «{url}»; bruk en filsti, sqlite:///sti eller postgresql://bruker@vert/database",
        "en": "Unknown database address '{url}'; use a file path, sqlite:///path or postgresql://user@host/database",
    },
    "store_connect": {
        "nb": "Får ikke kontakt med databasen {url}; sjekk adressen, at tjeneren kjører og brukernavn/passord",
        "en": "Cannot connect to the database {url}; check the address, that the server is running, and the user name/password",
    },
    "store_connect_reason": {
        "nb": "Får ikke kontakt med databasen {url}: {grunn}",
        "en": "Cannot connect to the database {url}: {grunn}",
    },
    "store_connection_lost": {
        "nb": "Forbindelsen til databasen {url} ble brutt. Det som alt er lagret, er i behold; prøv igjen",
        "en": "The connection to the database {url} was lost. What was already saved is kept; try again",
    },
    "store_denied": {
        "nb": "Databasen nekter dette for din bruker (rolle eller bydel gir ikke tilgang): {grunn}",
        "en": "The database refuses this for your user (your role or district gives no access): {grunn}",
    },
    "store_open": {"nb": "Kan ikke åpne databasen {fil}: {grunn}", "en": "Cannot open the database {fil}: {grunn}"},
    "store_newer": {
        "nb": "Databasen {fil} har skjemaversjon {versjon}, nyere enn dette programmet kjenner ({kjent}); oppdater rusmatrise",
        "en": "The database {fil} has schema version {versjon}, newer than this program knows ({kjent}); update rusmatrise",
    },
    "store_permissions": {
        "nb": "Databasefilen {fil} kan leses av andre (modus {modus}) og kan ikke strammes inn; "
        "gjør den privat (chmod 600) eller bruk en annen fil",
        "en": "The database file {fil} is readable by others (mode {modus}) and cannot be tightened; "
        "make it private (chmod 600) or use another file",
    },
    "verify_ok": {
        "nb": "Historikken er uendret: {antall} revisjonsposter i kjeden, siste hash {hash}",
        "en": "The history is intact: {antall} audit records in the chain, last hash {hash}",
    },
    "verify_brudd": {
        "nb": "Første post som ikke stemmer: {tabell} id {id}: {grunn} ({antall} poster før den stemmer)",
        "en": "First record that does not verify: {tabell} id {id}: {grunn} ({antall} records before it verify)",
    },
    "verify_hash": {
        "nb": "revisjonsposten er endret (hashen stemmer ikke)",
        "en": "the audit record was changed (its hash does not match)",
    },
    "verify_link": {
        "nb": "kjeden er brutt (forrige hash stemmer ikke; en tidligere post er endret eller fjernet)",
        "en": "the chain is broken (previous hash does not match; an earlier record was changed or removed)",
    },
    "verify_gap": {"nb": "revisjonsposten mangler (slettet)", "en": "the audit record is missing (deleted)"},
    "verify_row_changed": {
        "nb": "raden er endret etter at den ble skrevet (innholdet stemmer ikke med revisjonsloggen)",
        "en": "the row was changed after it was written (its content does not match the audit log)",
    },
    "verify_row_twice": {
        "nb": "raden er skrevet på nytt under samme id (REPLACE)",
        "en": "the row was written again under the same id (REPLACE)",
    },
    "verify_row_missing": {
        "nb": "raden er slettet (revisjonsloggen viser den)",
        "en": "the row was deleted (the audit log records it)",
    },
    "verify_no_audit": {
        "nb": "raden er skrevet utenom revisjonsloggen",
        "en": "the row was written past the audit log",
    },
    "store_move_reason": {
        "nb": "En flytting til en annen bydel krever en begrunnelse",
        "en": "A move to another district needs a reason",
    },
    "store_no_person": {"nb": "Personen finnes ikke", "en": "The person does not exist"},
    "db_rolle": {"nb": "Ukjent rolle «{rolle}»; bruk en av {roller}", "en": "Unknown role '{rolle}'; use one of {roller}"},
    "db_bydel_rolle": {
        "nb": "En saksbehandler må ha nøyaktig én bydel (--bydel); andre roller har ingen",
        "en": "A caseworker (saksbehandler) needs exactly one district (--bydel); other roles have none",
    },
    "db_bydel": {"nb": "Ukjent bydel «{bydel}»", "en": "Unknown district '{bydel}'"},
    "db_bruker_finnes": {
        "nb": "Brukeren {navn} finnes allerede i denne databasen",
        "en": "The user {navn} already exists in this database",
    },
    "db_nokkel": {
        "nb": "Databasetjeneren kan ikke lese pseudonymnøkkelen {fil}: {grunn}",
        "en": "The database server cannot read the pseudonym key {fil}: {grunn}",
    },
    "db_bare_postgres": {
        "nb": "Brukere og roller finnes bare i en delt PostgreSQL-database; en SQLite-fil har én lokal bruker",
        "en": "Users and roles exist only in a shared PostgreSQL database; an SQLite file has one local user",
    },
    "db_klar": {
        "nb": "Databasen {db} er klar (skjemaversjon {versjon})",
        "en": "The database {db} is ready (schema version {versjon})",
    },
    "db_bruker_lagt_til": {
        "nb": "Brukeren {navn} er lagt til som {rolle}{bydel}",
        "en": "The user {navn} was added as {rolle}{bydel}",
    },
    "backup_les": {"nb": "Kan ikke lese sikkerhetskopien {fil}: {grunn}", "en": "Cannot read the backup {fil}: {grunn}"},
    "backup_format": {
        "nb": "{fil} er ikke en sikkerhetskopi fra rusmatrise (eller den er skadet)",
        "en": "{fil} is not a rusmatrise backup (or it is damaged)",
    },
    "backup_nyere": {
        "nb": "Sikkerhetskopien {fil} er fra en nyere versjon; oppdater rusmatrise først",
        "en": "The backup {fil} is from a newer version; update rusmatrise first",
    },
    "backup_flere_bydeler": {
        "nb": "Sikkerhetskopien har samme person-ID i flere bydelers registre ({antall} ID-er), som bare PostgreSQL kan holde; "
        "gjenopprett den i en PostgreSQL-database",
        "en": "The backup holds one person id in several districts' records ({antall} ids), which only PostgreSQL can hold; "
        "restore it into a PostgreSQL database",
    },
    "backup_ikke_tom": {
        "nb": "Gjenoppretting skjer bare til et tomt saksregister (kjør db init på en ny database eller fil)",
        "en": "A restore goes into an empty case store only (run db init on a new database or file)",
    },
    "backup_skrevet": {"nb": "Sikkerhetskopi skrevet til {fil}: {antall} rader", "en": "Backup written to {fil}: {antall} rows"},
    "backup_gjenopprettet": {
        "nb": "Gjenopprettet {antall} rader fra {fil}; {verify}",
        "en": "Restored {antall} rows from {fil}; {verify}",
    },
    "store_reason": {
        "nb": "En begrunnelse er påkrevd når endelig gruppe avviker fra foreslått gruppe",
        "en": "A reason is required when the final group differs from the suggested group",
    },
    "store_caseworker": {"nb": "Saksbehandlerens navn er påkrevd", "en": "The caseworker's name is required"},
    "store_group": {"nb": "Gruppe {gruppe} finnes ikke i matrisen", "en": "Group {gruppe} does not exist in the matrix"},
    "store_no_assessment": {"nb": "Kartlegging {id} finnes ikke", "en": "Assessment {id} does not exist"},
    "store_draft_who": {
        "nb": "Et utkast trenger person_id og bydel",
        "en": "A draft needs a person_id and a district",
    },
    "store_draft_not_open": {
        "nb": "Utkastet er allerede fullført eller erstattet av et nyere; åpne personen på nytt",
        "en": "The draft has already been completed or replaced by a newer one; open the person again",
    },
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
    "store_konflikt": {
        "nb": "Obs: {hvem} lagret en nyere kartlegging av {person} ({tid}) mens du arbeidet. "
        "Begge versjonene er tatt vare på; se historikken (h) og avgjør hvilken som gjelder.",
        "en": "Note: {hvem} saved a newer assessment of {person} ({tid}) while you worked. "
        "Both versions are kept; see the history (h) and decide which one stands.",
    },
    "import_nektet": {
        "nb": "din bruker kan ikke skrive for denne personen (en annen bydel, eller personen er ikke henvist deg)",
        "en": "your user cannot write for this person (another district, or the person is not referred to you)",
    },
    "import_ferdig": {
        "nb": "Kartlegginger lagret: {lagret}, fantes fra før: {hoppet}, avviste rader: {avvist}",
        "en": "Assessments saved: {lagret}, already present: {hoppet}, rejected rows: {avvist}",
    },
}
