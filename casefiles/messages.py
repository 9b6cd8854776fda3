"""The case-file package's user-facing texts (bokmål and English), and its one error type."""

from __future__ import annotations

from matrix.errors import RusmatriseError

MESSAGES: dict[str, dict[str, str]] = {
    # Reading files
    "filtype": {
        "nb": "{fil}: ukjent filtype; bruk en av {filtyper}",
        "en": "{fil}: unknown file type; use one of {filtyper}",
    },
    "fil_finnes_ikke": {"nb": "Finner ikke filen {fil}", "en": "File not found: {fil}"},
    "tegnsett": {
        "nb": "{fil}: tegnsettet er verken UTF-8 eller Windows-1252; lagre filen som UTF-8 og prøv igjen",
        "en": "{fil}: the encoding is neither UTF-8 nor Windows-1252; save the file as UTF-8 and try again",
    },
    "tom_fil": {"nb": "{fil} har ingen overskriftsrad", "en": "{fil} has no header row"},
    "csv_feil": {
        "nb": "{fil} kan ikke leses som CSV ved datarad {rad}: {grunn}",
        "en": "{fil} cannot be read as CSV at data row {rad}: {grunn}",
    },
    "xlsx_les": {"nb": "{fil} kan ikke leses som Excel-fil: {grunn}", "en": "{fil} cannot be read as an Excel file: {grunn}"},
    "jsonl_ugyldig": {"nb": "linjen er ikke gyldig JSON: {grunn}", "en": "the line is not valid JSON: {grunn}"},
    "jsonl_objekt": {"nb": "linjen er ikke et JSON-objekt", "en": "the line is not a JSON object"},
    "for_mange_celler": {
        "nb": "raden har {celler} celler, men overskriften har bare {kolonner} kolonner",
        "en": "the row has {celler} cells, but the header has only {kolonner} columns",
    },
    "dobbel_kolonne": {
        "nb": "{fil}: kolonnen «{felt}» forekommer mer enn én gang ({kolonner})",
        "en": "{fil}: the column '{felt}' occurs more than once ({kolonner})",
    },
    "mangler_kolonner": {
        "nb": "{fil} mangler påkrevde kolonner: {felt}; legg dem til, eller bruk --mapping for å gi"
        " eksportens kolonner feltnavnene rusmatrise bruker (se rusmatrise felter)",
        "en": "{fil} lacks required columns: {felt}; add them, or use --mapping to give the export's"
        " columns the field names rusmatrise uses (see rusmatrise felter)",
    },
    "ingen_rader": {
        "nb": "{fil} har ingen datarader under overskriften; kontroller at du valgte riktig fil og at eksporten er fullført",
        "en": "{fil} has no data rows below the header; check that this is the right file and that the export finished",
    },
    "rader_avvik": {
        "nb": "{fil}: leste {lest} rader, men filen har {telt}; ingenting er skrevet. Filen kan være skadet eller avkortet",
        "en": "{fil}: read {lest} rows, but the file holds {telt}; nothing was written. The file may be damaged or truncated",
    },
    "tegnsett_blandet": {
        "nb": "{fil} blander UTF-8 med et annet tegnsett (første feil ved datarad {rad}, kolonne {kolonne});"
        " lagre hele filen som UTF-8 og prøv igjen",
        "en": "{fil} mixes UTF-8 with another encoding (first bad byte at data row {rad}, column {kolonne});"
        " save the whole file as UTF-8 and try again",
    },
    "csv_sitat": {
        "nb": "{fil}: et anførselstegn ved datarad {rad} (linje {linje}) lukkes ikke der feltet slutter, så radene etter"
        " ville blitt slått sammen; rett anførselstegnet i filen (et \" inne i et felt skrives \"\")",
        "en": "{fil}: a quote at data row {rad} (line {linje}) does not close where its field ends, so the rows after it"
        " would be merged; fix the quote in the file (a \" inside a field is written \"\")",
    },
    "overskrift_sitat": {
        "nb": "{fil}: overskriftsraden har et anførselstegn som ikke lukkes, så den sluker radene under; rett overskriften",
        "en": "{fil}: the header row has a quote that does not close, so it swallows the rows below; fix the header",
    },
    "for_mange_kolonner": {
        "nb": "{fil} har {antall} kolonner; høyst {maks} leses",
        "en": "{fil} has {antall} columns; at most {maks} are read",
    },
    "overskrift_lang": {
        "nb": "{fil}: kolonnenavnet «{navn}» er for langt til å være en overskrift; er første rad en datarad?",
        "en": "{fil}: the column name '{navn}' is too long to be a header; is the first row a data row?",
    },
    "xlsx_rad": {
        "nb": "{fil} kan ikke leses som Excel-fil ved datarad {rad}: {grunn}",
        "en": "{fil} cannot be read as an Excel file at data row {rad}: {grunn}",
    },
    "xlsx_delt_tekst": {
        "nb": "{fil} er skadet: en celle i datarad {rad} viser til en delt tekst som ikke finnes; lagre filen på nytt i Excel",
        "en": "{fil} is damaged: a cell in data row {rad} refers to a shared string that does not exist; save it again in Excel",
    },
    "xlsx_bombe": {
        "nb": "{fil} pakkes ut til mer enn en Excel-eksport kan være ({grunn}); filen leses ikke",
        "en": "{fil} expands to more than an Excel export can be ({grunn}); the file is not read",
    },
    # Column mapping
    "mapping_les": {"nb": "Kan ikke lese kolonnefilen {fil}: {grunn}", "en": "Cannot read the column mapping {fil}: {grunn}"},
    "mapping_form": {
        "nb": "Kolonnefilen {fil} må ha en tabell [kolonner] med «navn i eksporten» = «feltnavn i rusmatrise»",
        "en": "The column mapping {fil} needs a table [kolonner] of 'name in the export' = 'field name in rusmatrise'",
    },
    "mapping_felt": {
        "nb": "Kolonnefilen {fil}: «{kilde}» = «{felt}», men {felt} er ikke et kjent felt ({gyldige})",
        "en": "The column mapping {fil}: '{kilde}' = '{felt}', but {felt} is not a known field ({gyldige})",
    },
    "mapping_dobbel": {
        "nb": "Kolonnefilen {fil}: flere kolonner gir feltet {felt}: {kilder}",
        "en": "The column mapping {fil}: several columns map to the field {felt}: {kilder}",
    },
    # Writing files
    "skriv_feil": {"nb": "Kan ikke skrive {fil}: {grunn}", "en": "Cannot write {fil}: {grunn}"},
    "samme_fil": {
        "nb": "{fil} er også inndatafilen; inndata endres aldri, velg et annet navn",
        "en": "{fil} is also the input file; the input is never modified, choose another name",
    },
    "xlsx_for_stor": {
        "nb": "{fil}: en Excel-fil kan ha høyst {maks} rader; bruk .csv eller .jsonl",
        "en": "{fil}: an Excel sheet holds at most {maks} rows; use .csv or .jsonl",
    },
    # Reclassify summary
    "oppsummering": {
        "nb": "Rader lest: {lest} = klassifisert {klassifisert} + avvist {avvist}",
        "en": "Rows read: {lest} = classified {klassifisert} + rejected {avvist}",
    },
    "tomme_rader": {"nb": "Tomme rader hoppet over: {antall}", "en": "Blank rows skipped: {antall}"},
    "per_regel": {"nb": "Per regel:", "en": "Per rule:"},
    "per_gruppe": {"nb": "Per gruppe:", "en": "Per group:"},
    "overgang_tittel": {
        "nb": "Overganger fra tidligere gruppe (rader) til ny gruppe (kolonner):",
        "en": "Transitions from previous group (rows) to new group (columns):",
    },
    "uten_tidligere": {"nb": "uten tidligere gruppe", "en": "without a previous group"},
    "skrevet": {"nb": "Skrev {fil}", "en": "Wrote {fil}"},
    "avvist_skrevet": {
        "nb": "Avviste rader ({antall} feil) står i {fil}",
        "en": "Rejected rows ({antall} errors) are listed in {fil}",
    },
    "streng_avvist": {"nb": "--strict: {antall} rader ble avvist", "en": "--strict: {antall} rows were rejected"},
    "streng_avvist_1": {"nb": "--strict: {antall} rad ble avvist", "en": "--strict: {antall} row was rejected"},
    "fremdrift": {"nb": "Klassifiserer", "en": "Classifying"},
    "totalt": {"nb": "Totalt", "en": "Total"},
    # Tally
    "tally_kilde": {"nb": "Oppgi minst én fil eller --db", "en": "Give at least one file or --db"},
    "tally_begge": {"nb": "Oppgi enten filer eller --db, ikke begge", "en": "Give either files or --db, not both"},
    "tally_nokkel": {
        "nb": "Ukjent nøkkel «{nokkel}» i --by; gyldige: {gyldige}",
        "en": "Unknown key '{nokkel}' in --by; valid: {gyldige}",
    },
    "tally_utfil": {"nb": "{fil}: tabeller skrives som .csv eller .xlsx", "en": "{fil}: tables are written as .csv or .xlsx"},
    "tally_hoppet_1": {
        "nb": "{fil}: {antall} rad er ikke talt fordi den er ugyldig (kjør reclassify for detaljer)",
        "en": "{fil}: {antall} row is not counted because it is invalid (run reclassify for details)",
    },
    "tally_hoppet": {
        "nb": "{fil}: {antall} rader er ikke talt fordi de er ugyldige (kjør reclassify for detaljer)",
        "en": "{fil}: {antall} rows are not counted because they are invalid (run reclassify for details)",
    },
    "casestore_mangler": {
        "nb": "Saksregisteret (casestore) er ikke installert i denne versjonen; tell fra filer i stedet ({grunn})",
        "en": "The case store (casestore) is not available in this version; count from files instead ({grunn})",
    },
    "casestore_feil": {"nb": "Kan ikke lese saksregisteret {db}: {grunn}", "en": "Cannot read the case store {db}: {grunn}"},
    # Tally tables
    "tally_tabell": {"nb": "Antall", "en": "Counts"},
    "tally_bydel_gruppe": {"nb": "Bydel × gruppe", "en": "District × group"},
    "tally_dekning": {"nb": "Dekning", "en": "Coverage"},
    "tally_forklaring": {"nb": "Forklaring", "en": "Explanation"},
    "tally_totalt": {"nb": "Totalt", "en": "Total"},
    "tally_prikket": {
        "nb": "<5 = 1–4 personer. x = skjult for at et tall under 5 ikke skal kunne regnes ut fra summene."
        " Ved publisering utelates tabeller som teller de samme personene langs andre linjer (f.eks. dekning),"
        " fordi de sammen med hovedtabellen kunne avsløre skjulte tall.",
        "en": "<5 = 1–4 persons. x = hidden so that a count under 5 cannot be worked out from the totals."
        " Published output leaves out tables that count the same persons along other lines (e.g. coverage),"
        " since beside the main table they could reveal hidden counts.",
    },
    "tally_kildetekst": {"nb": "Kilde: {kilde}", "en": "Source: {kilde}"},
    "tally_antall_personer": {"nb": "{antall} personer talt, matrise {versjon}", "en": "{antall} persons counted, matrix {versjon}"},
    "tally_antall_personer_1": {"nb": "{antall} person talt, matrise {versjon}", "en": "{antall} person counted, matrix {versjon}"},
    "demo_antall": {"nb": "-n må være minst 0", "en": "-n must be at least 0"},
    "demo_skrevet_1": {
        "nb": "Skrev {antall} syntetisk kartlegging til {fil} (startverdi {seed})",
        "en": "Wrote {antall} synthetic assessment to {fil} (seed {seed})",
    },
    "demo_skrevet": {
        "nb": "Skrev {antall} syntetiske kartlegginger til {fil} (startverdi {seed})",
        "en": "Wrote {antall} synthetic assessments to {fil} (seed {seed})",
    },
}


class CaseFileError(RusmatriseError):
    """A file that cannot be read or written, explained in the user's language."""

    def __init__(self, kode: str, **params: object) -> None:
        super().__init__(kode, params)
