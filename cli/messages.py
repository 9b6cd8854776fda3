"""The command line's own texts: every --help line, and argparse's built-in strings.

argparse writes "usage:", "positional arguments", "error: …" and its error messages through
gettext; `ARGPARSE_TEXTS` maps each of those English message ids to a catalog key, so the
whole of `--help` and every usage error reads in the user's language (see `cli.parser`).
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "avbrutt": {"nb": "Avbrutt; ingenting er skrevet", "en": "Interrupted; nothing was written"},
    # The program and its environment
    "cli_beskrivelse": {
        "nb": "Matrise for rusfeltet: klassifiser, forklar og tell opp boligbehov. Uten kommando: terminalgrensesnittet.",
        "en": "Matrise for rusfeltet: classify, explain and tally housing need. Without a command: the terminal UI.",
    },
    "cli_miljo": {
        "nb": "miljøvariabler:\n"
        "  RUSMATRISE_LANG   språk når --lang ikke er gitt: nb (standard) eller en\n"
        "  RUSMATRISE_THEME  light eller dark: fargetema i terminalgrensesnittet (standard: som terminalen)",
        "en": "environment variables:\n"
        "  RUSMATRISE_LANG   language when --lang is not given: nb (default) or en\n"
        "  RUSMATRISE_THEME  light or dark: colour theme of the terminal UI (default: as the terminal)",
    },
    "cli_kommando": {"nb": "KOMMANDO", "en": "COMMAND"},
    # Commands
    "cmd_tui": {"nb": "åpne terminalgrensesnittet", "en": "open the terminal UI"},
    "cmd_classify": {"nb": "klassifiser én kartlegging (JSON inn, JSON ut)", "en": "classify one assessment (JSON in, JSON out)"},
    "cmd_reclassify": {"nb": "klassifiser hver rad i en eksportfil på nytt", "en": "reclassify every row of an exported file"},
    "cmd_tally": {"nb": "tell opp behov per gruppe, bydel og mer", "en": "count need per group, district and more"},
    "cmd_chain": {"nb": "tjenestene i tiltakskjeden for en gruppe", "en": "the services in the service chain for a group"},
    "cmd_matrix": {"nb": "gruppene og egenskapene deres", "en": "the groups and their attributes"},
    "cmd_check": {
        "nb": "kontroller en matrisefil, beslutningstabellen og tiltakskjeden",
        "en": "validate a matrix file, its decision table and the service chain",
    },
    "cmd_verify": {
        "nb": "kontroller at saksregisterets historikk er uendret (hash-kjeden)",
        "en": "check that the case store's history is intact (the hash chain)",
    },
    "cmd_supply": {"nb": "boliger og plasser på en dato, med kilder", "en": "homes and places as of a date, with sources"},
    "cmd_indicators": {"nb": "indikatorene per bydel: livskvalitet, 10+ inntak, flyttinger til egen bolig",
                       "en": "the indicators per district: quality of life, 10+ admissions, moves to a home of one's own"},
    "cmd_import": {
        "nb": "les en eksportfil inn i saksregisteret som den innloggede brukeren",
        "en": "import an export file into the case store as the logged-in user",
    },
    "cmd_report": {"nb": "planleggerens rapport (HTML eller XLSX) med tabeller og diagrammer",
                   "en": "the planner's report (HTML or XLSX) with tables and charts"},
    "cmd_backup": {
        "nb": "sikkerhetskopi av hele historikken (JSON, med hasher)",
        "en": "back up the whole history (JSON, with hashes)",
    },
    "cmd_restore": {
        "nb": "gjenopprett en sikkerhetskopi til et tomt saksregister, og kontroller den",
        "en": "restore a backup into an empty case store, and verify it",
    },
    "cmd_innsyn": {
        "nb": "innsyn: alt saksregisteret har om én person, som lesbart dokument eller JSON",
        "en": "access request: everything the case store holds about one person, readable or as JSON",
    },
    "cmd_db": {"nb": "den delte databasen: opprett skjema, legg til brukere", "en": "the shared database: create the schema, add users"},
    "cmd_db_init": {
        "nb": "opprett eller oppgrader saksregisteret (PostgreSQL: tabeller, roller, tilganger, radsikkerhet)",
        "en": "create or upgrade the case store (PostgreSQL: tables, roles, grants, row-level security)",
    },
    "cmd_db_user": {"nb": "brukere i den delte databasen", "en": "users of the shared database"},
    "cmd_db_user_add": {
        "nb": "legg til en bruker med rolle (og bydel for saksbehandler)",
        "en": "add a user with a role (and a district for a saksbehandler)",
    },
    "cmd_demo": {"nb": "skriv en syntetisk, reproduserbar eksportfil", "en": "write a synthetic, reproducible caseload export"},
    # Metavariables (placeholders in the usage lines)
    "mv_fil": {"nb": "FIL", "en": "FILE"},
    "mv_navn": {"nb": "NAVN", "en": "NAME"},
    "mv_person": {"nb": "PERSON_ID", "en": "PERSON_ID"},
    "mv_bydel": {"nb": "BYDEL", "en": "DISTRICT"},
    "mv_dato": {"nb": "ÅÅÅÅ-MM-DD", "en": "YYYY-MM-DD"},
    "mv_url": {"nb": "URL", "en": "URL"},
    "mv_inndata": {"nb": "INNDATA", "en": "INPUT"},
    "mv_utdata": {"nb": "UTDATA", "en": "OUTPUT"},
    "mv_gruppe": {"nb": "GRUPPE", "en": "GROUP"},
    "mv_antall": {"nb": "N", "en": "N"},
    "mv_fro": {"nb": "S", "en": "S"},
    "mv_nokler": {"nb": "NØKLER", "en": "KEYS"},
    "mv_fil_eller_strek": {"nb": "FIL|-", "en": "FILE|-"},
    # Command outcomes
    "tui_opprett_hint": {
        "nb": "Sjekk stien, eller legg til --opprett for å lage et nytt, tomt saksregister der.",
        "en": "Check the path, or add --opprett to make a new, empty case store there.",
    },
    "tekst_tjenester": {"nb": "Tjenester:", "en": "Services:"},
    "tekst_matriseversjon": {"nb": "Matriseversjon: {versjon}", "en": "Matrix version: {versjon}"},
    "tekst_kjede_tittel": {"nb": "Gruppe {gruppe} ({navn}), {varighet}", "en": "Group {gruppe} ({navn}), {varighet}"},
    "tekst_tilbyder": {"nb": "Tilbyder", "en": "Provider"},
    "tekst_tjeneste": {"nb": "Tjeneste", "en": "Service"},
    "tekst_niva": {"nb": "Nivå", "en": "Tier"},
    "tekst_bosetter": {"nb": "Bosetter", "en": "Settles"},
    "tekst_gir_boligen": {"nb": "Gir boligen", "en": "Provides the home"},
    "cmd_utskrift": {
        "nb": "utskrift til saksmappen: én persons kartlegging, forslag, beslutning, tjenester og historikk (.html eller .pdf)",
        "en": "the case document: one person's assessment, suggestion, decision, services and history (.html or .pdf)",
    },
    "cmd_saksliste": {
        "nb": "sakslisten til fil (.csv eller .xlsx), som i terminalgrensesnittet: også utkast, og bare personer du har tilgang til",
        "en": "the caseload list to a file (.csv or .xlsx), as in the terminal UI: drafts included, and only persons you may see",
    },
    "o_saksliste_output": {
        "nb": ".csv eller .xlsx; en fil som finnes fra før, overskrives aldri",
        "en": ".csv or .xlsx; an existing file is never overwritten",
    },
    "o_saksliste_bydel": {"nb": "bare personer i denne bydelen", "en": "only persons in this district"},
    "o_forfalt": {
        "nb": "bare personer som er forfalt til ny kartlegging (matrisens frist, N-gammel)",
        "en": "only persons due for reassessment (the matrix's limit, N-gammel)",
    },
    "o_eldste_forst": {"nb": "eldste kartlegging først", "en": "oldest assessment first"},
    "cmd_felter": {
        "nb": "alle kolonnene i en kartlegging: påkrevd eller ikke, tillatte verdier og stavemåter",
        "en": "every column of an assessment: required or not, allowed values and spellings",
    },
    # Options
    "o_utskrift_person": {"nb": "personens id (person_id)", "en": "the person's id (person_id)"},
    "o_db_utskrift": {
        "nb": "saksregisteret (SQLite-fil, sqlite:/// eller postgresql://)",
        "en": "the case store (SQLite file, sqlite:/// or postgresql://)",
    },
    "o_utskrift_output": {
        "nb": ".html (skrives ut fra nettleseren på A4) eller .pdf (lages med Chromium)",
        "en": ".html (prints on A4 from the browser) or .pdf (made with Chromium)",
    },
    "o_markdown": {"nb": "skriv en Markdown-tabell (som i README)", "en": "print a Markdown table (as in the README)"},
    "o_cases": {
        "nb": "kjør testtilfeller lagret som data (TOML med [[case]]: navn, inndata, forventet) mot matrisen",
        "en": "run test cases stored as data (TOML of [[case]]: navn, inndata, forventet) against the matrix",
    },
    "o_lang": {"nb": "språk i meldingene: nb (standard) eller en", "en": "language of messages: nb (default) or en"},
    "o_matrix": {"nb": "matrisefil (standard: Oslos)", "en": "matrix data file (default: Oslo's)"},
    "o_db_tui": {
        "nb": "saksregisteret: en SQLite-fil, sqlite:///sti eller postgresql://bruker@vert/database (standard: {standard})",
        "en": "the case store: an SQLite file, sqlite:///path or postgresql://user@host/database (default: {standard})",
    },
    "o_opprett": {
        "nb": "opprett databasen som --db peker på hvis den ikke finnes (uten dette nektes en ukjent fil)",
        "en": "create the database --db names if it does not exist (without this an unknown file is refused)",
    },
    "o_demo": {
        "nb": "fyll en tom database med en syntetisk saksliste (oppretter den om nødvendig)",
        "en": "fill an empty database with a synthetic caseload (creating it if needed)",
    },
    "o_classify_file": {
        "nb": "JSON-fil med én kartlegging; - eller ingenting: standard inndata",
        "en": "JSON file with one assessment; - or nothing: standard input",
    },
    "o_tekst": {"nb": "skriv resultatet som lesbar tekst i stedet for JSON", "en": "print the result as readable text instead of JSON"},
    "o_reclassify_input": {"nb": "eksportfil: .csv, .xlsx eller .jsonl", "en": ".csv, .xlsx or .jsonl export"},
    "o_output_table": {"nb": ".csv, .xlsx eller .jsonl", "en": ".csv, .xlsx or .jsonl"},
    "o_rejects": {
        "nb": "fil for avviste rader (CSV); standard: UTDATA med .avvist foran filendelsen",
        "en": "rejects file (CSV); default: OUTPUT with .avvist before the suffix",
    },
    "o_mapping": {
        "nb": "TOML-fil som gir eksportens kolonner feltnavnene rusmatrise bruker",
        "en": "TOML file renaming the export's headers to the field names rusmatrise uses",
    },
    "o_strict": {"nb": "avslutt med kode 3 hvis noen rad avvises", "en": "exit 3 if any row is rejected"},
    "o_tally_inputs": {"nb": "eksportfiler, klassifisert eller ikke", "en": "classified or unclassified export files"},
    "o_db_verify": {
        "nb": "saksregisteret som skal kontrolleres (standard: {standard})",
        "en": "the case store to check (default: {standard})",
    },
    "o_import_file": {"nb": "eksportfil (.csv, .xlsx eller .jsonl)", "en": "export file (.csv, .xlsx or .jsonl)"},
    "o_db_store": {
        "nb": "saksregisteret: en SQLite-fil, sqlite:///sti eller postgresql://bruker@vert/database (standard: {standard})",
        "en": "the case store: an SQLite file, sqlite:///path or postgresql://user@host/database (default: {standard})",
    },
    "o_backup_output": {"nb": "sikkerhetskopifilen som skal skrives", "en": "the backup file to write"},
    "o_restore_file": {"nb": "sikkerhetskopifilen", "en": "the backup file"},
    "o_innsyn_person": {"nb": "personens id", "en": "the person's id"},
    "o_innsyn_output": {
        "nb": "skriv til FIL (.json gir JSON) i stedet for skjermen",
        "en": "write to FILE (.json gives JSON) instead of the screen",
    },
    "o_nokkelfil": {
        "nb": "fil på databasetjeneren med nøkkelen til planleggernes pseudonymer (eller RUSMATRISE_PSEUDONYM_KEY_FILE)",
        "en": "file on the database server holding the key for the planners' pseudonyms (or RUSMATRISE_PSEUDONYM_KEY_FILE)",
    },
    "o_user_name": {"nb": "brukernavnet (databaseinnloggingen)", "en": "the user name (the database login)"},
    "o_user_role": {"nb": "rollen: saksbehandler, vel, planlegger eller admin", "en": "the role: saksbehandler, vel, planlegger or admin"},
    "o_user_bydel": {"nb": "saksbehandlerens bydel (navn eller nummer)", "en": "the caseworker's district (name or number)"},
    "o_db_tally": {"nb": "tell fra saksregisteret i stedet for fra filer", "en": "count from the case store instead of files"},
    "o_by": {
        "nb": "kommaseparerte nøkler blant: {nokler} (standard: {standard})",
        "en": "comma-separated keys from: {nokler} (default: {standard})",
    },
    "o_output_tally": {"nb": "skriv tabellene til .csv eller .xlsx", "en": "write the tables to .csv or .xlsx"},
    "o_json_cells": {"nb": "skriv ett JSON-objekt per celle", "en": "print one JSON object per cell"},
    "o_planner_inputs": {"nb": "eksportfiler, klassifisert eller ikke", "en": "export files, classified or not"},
    "o_db_planner": {"nb": "les fra saksregisteret (med historikk) i stedet for filer",
                     "en": "read from the case store (with its history) instead of files"},
    "o_rapport_bydel": {"nb": "bare denne bydelen (standard: hele byen)", "en": "this district only (default: the whole city)"},
    "o_rapport_fil": {"nb": "rapportfilen: .html (én selvstendig fil) eller .xlsx",
                      "en": "the report file: .html (one self-contained file) or .xlsx"},
    "o_rapport_publish": {
        "nb": "for publisering: alle tall i rapporten prikket sammen (1–4 som <5, og det som ville avsløre dem som x), "
              "ingen fritekstbegrunnelser",
        "en": "for publication: every count in the report suppressed together (1–4 as <5, what would reveal them as x), "
              "no free-text reasons",
    },
    "o_udekket": {
        "nb": "behov mot tilbud per --dato: mangel per bydel, summert uten å trekke fra overskudd",
        "en": "need against supply as of --dato: shortfall per district, summed without subtracting surpluses",
    },
    "o_dato_tilbud": {
        "nb": "tilbudsdatoen (standard: siste kartleggingsdato i inndataene, ellers i dag)",
        "en": "the supply date (default: the latest assessment date in the input, else today)",
    },
    "o_publish": {
        "nb": "prikk tall 1–4 som <5 (og det som ville avsløre dem)",
        "en": "suppress counts 1–4 as <5 (and what would reveal them)",
    },
    "o_group": {"nb": "gruppenummeret (1–7 i Oslos matrise)", "en": "the group number (1–7 in Oslo's matrix)"},
    "o_varighet": {
        "nb": "kortvarige eller langvarige problemer (standard: langvarig)",
        "en": "short-term or long-term problems (default: langvarig)",
    },
    "o_avlastning": {"nb": "ta med avlastningsopphold", "en": "include the respite stay (avlastningsopphold)"},
    "o_json": {"nb": "skriv JSON i stedet for en tabell", "en": "print JSON instead of a table"},
    "o_demo_n": {"nb": "antall personer (standard 1000)", "en": "number of persons (default 1000)"},
    "o_seed": {
        "nb": "startverdi for tilfeldighetene: samme verdi gir samme fil (standard 1)",
        "en": "random seed: the same value gives the same file (default 1)",
    },
    # argparse's own strings (the English text is argparse's message id; see ARGPARSE_TEXTS)
    "ap_usage": {"nb": "bruk: ", "en": "usage: "},
    "ap_positional": {"nb": "posisjonsargumenter", "en": "positional arguments"},
    "ap_options": {"nb": "valg", "en": "options"},
    "ap_help": {"nb": "vis denne hjelpeteksten og avslutt", "en": "show this help message and exit"},
    "ap_error": {"nb": "%(prog)s: feil: %(message)s\n", "en": "%(prog)s: error: %(message)s\n"},
    "ap_required": {"nb": "disse argumentene mangler: %s", "en": "the following arguments are required: %s"},
    "ap_unrecognized": {"nb": "ukjente argumenter: %s", "en": "unrecognized arguments: %s"},
    "ap_invalid_choice": {
        "nb": "ugyldig valg: %(value)r (velg blant %(choices)s)",
        "en": "invalid choice: %(value)r (choose from %(choices)s)",
    },
    "ap_invalid_type": {"nb": "ugyldig verdi: %(value)r", "en": "invalid %(type)s value: %(value)r"},
    "ap_argument": {"nb": "argument %(argument_name)s: %(message)s", "en": "argument %(argument_name)s: %(message)s"},
    "ap_expected_one": {"nb": "forventet én verdi", "en": "expected one argument"},
    "ap_expected_at_most_one": {"nb": "forventet høyst én verdi", "en": "expected at most one argument"},
    "ap_expected_at_least_one": {"nb": "forventet minst én verdi", "en": "expected at least one argument"},
    "ap_expected_n": {"nb": "forventet %s verdier", "en": "expected %s arguments"},
    "ap_ambiguous": {
        "nb": "tvetydig valg: %(option)s kan bety %(matches)s",
        "en": "ambiguous option: %(option)s could match %(matches)s",
    },
    "ap_not_allowed": {"nb": "kan ikke brukes sammen med %s", "en": "not allowed with argument %s"},
    "ap_ignored_explicit": {"nb": "verdien %r brukes ikke", "en": "ignored explicit argument %r"},
    "ap_one_required": {"nb": "ett av argumentene %s må gis", "en": "one of the arguments %s is required"},
    "ap_unknown_parser": {
        "nb": "ukjent kommando %(parser_name)r (velg blant %(choices)s)",
        "en": "unknown parser %(parser_name)r (choices: %(choices)s)",
    },
}

# argparse's message ids (its English text, passed to gettext) → our catalog key.
ARGPARSE_TEXTS: dict[str, str] = {
    "usage: ": "ap_usage",
    "positional arguments": "ap_positional",
    "options": "ap_options",
    "show this help message and exit": "ap_help",
    "%(prog)s: error: %(message)s\n": "ap_error",
    "the following arguments are required: %s": "ap_required",
    "unrecognized arguments: %s": "ap_unrecognized",
    "invalid choice: %(value)r (choose from %(choices)s)": "ap_invalid_choice",
    "invalid %(type)s value: %(value)r": "ap_invalid_type",
    "argument %(argument_name)s: %(message)s": "ap_argument",
    "expected one argument": "ap_expected_one",
    "expected at most one argument": "ap_expected_at_most_one",
    "expected at least one argument": "ap_expected_at_least_one",
    "expected %s argument": "ap_expected_n",
    "expected %s arguments": "ap_expected_n",
    "ambiguous option: %(option)s could match %(matches)s": "ap_ambiguous",
    "not allowed with argument %s": "ap_not_allowed",
    "ignored explicit argument %r": "ap_ignored_explicit",
    "one of the arguments %s is required": "ap_one_required",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "ap_unknown_parser",
}
