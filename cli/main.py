"""The `rusmatrise` command: the stable interface of SPEC section 5.

Every option is declared once, below, and every command lists the options it takes, so the
contract can be read at a glance. Each command's work lives in its own module,
`cli/<name>_cmd.py` with a `run(args) -> int`, imported only when that command runs so that
start-up stays quick.

To add a command:
1. declare any new options below with `option(...)` (reuse the shared ones: MATRIX, JSON, …);
2. add a `Command("name", "cmd_name", (OPTION, ...))` to COMMANDS;
3. put its help texts (`cmd_name`, `o_…`, `mv_…`) in both languages in cli/messages.py;
4. write cli/name_cmd.py with `def run(args: argparse.Namespace) -> int`.
Every command gets --lang; help and argparse's errors come out in the user's language.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from cli.parser import Command, argparse_language, build, option, requested_lang
from tallies.keys import DEFAULT_BY, TALLY_KEYS

# The exit code when a command fails with an error it did not handle itself (SPEC section 5):
# classify's input problems are 2 ("invalid input"); elsewhere 1 ("cannot read/verify").
ERROR_EXIT = {"classify": 2}


def _default_store() -> str:
    from casestore.url import default_path

    return str(default_path())


# Options shared by several commands
MATRIX = option("--matrix", metavar="mv_fil", help="o_matrix")
JSON = option("--json", action="store_true", help="o_json")
MAPPING = option("--mapping", metavar="mv_fil", help="o_mapping")

# Options of one command each
TUI_DB = option("--db", metavar="mv_url", help="o_db_tui", help_params={"standard": _default_store})
TUI_CREATE = option("--opprett", action="store_true", help="o_opprett")
TUI_DEMO = option("--demo", action="store_true", help="o_demo")
CLASSIFY_FILE = option("file", nargs="?", default="-", metavar="mv_fil_eller_strek", help="o_classify_file")
CLASSIFY_TEXT = option("--tekst", action="store_true", help="o_tekst")
RECLASSIFY_INPUT = option("input", metavar="mv_inndata", help="o_reclassify_input")
RECLASSIFY_OUTPUT = option("-o", "--output", required=True, metavar="mv_utdata", help="o_output_table")
RECLASSIFY_REJECTS = option("--rejects", metavar="mv_fil", help="o_rejects")
RECLASSIFY_STRICT = option("--strict", action="store_true", help="o_strict")
IMPORT_FILE = option("file", metavar="mv_fil", help="o_import_file")
STORE_DB = option("--db", metavar="mv_url", help="o_db_store", help_params={"standard": _default_store})
DB_KEY_FILE = option("--nokkelfil", metavar="mv_fil", help="o_nokkelfil")
USER_NAME = option("name", metavar="mv_navn", help="o_user_name")
USER_ROLE = option("--role", required=True, choices=("saksbehandler", "vel", "planlegger", "admin"), help="o_user_role")
USER_DISTRICT = option("--bydel", metavar="mv_bydel", help="o_user_bydel")
BACKUP_OUTPUT = option("-o", "--output", required=True, metavar="mv_fil", help="o_backup_output")
RESTORE_FILE = option("file", metavar="mv_fil", help="o_restore_file")
INNSYN_PERSON = option("person_id", metavar="mv_person", help="o_innsyn_person")
INNSYN_OUTPUT = option("-o", "--output", metavar="mv_fil", help="o_innsyn_output")
VERIFY_DB = option("--db", metavar="mv_url", help="o_db_verify", help_params={"standard": _default_store})
TALLY_INPUTS = option("inputs", nargs="*", metavar="mv_inndata", help="o_tally_inputs")
TALLY_DB = option("--db", metavar="mv_url", help="o_db_tally")
TALLY_BY = option("--by", default=",".join(DEFAULT_BY), metavar="mv_nokler", help="o_by",
                  help_params={"nokler": ", ".join(TALLY_KEYS), "standard": ",".join(DEFAULT_BY)})
TALLY_OUTPUT = option("-o", "--output", metavar="mv_fil", help="o_output_tally")
TALLY_JSON = option("--json", action="store_true", help="o_json_cells")
TALLY_PUBLISH = option("--publish", action="store_true", help="o_publish")
PLANNER_INPUTS = option("inputs", nargs="*", metavar="mv_inndata", help="o_planner_inputs")
PLANNER_DB = option("--db", metavar="mv_url", help="o_db_planner")
REPORT_DISTRICT = option("--bydel", metavar="mv_bydel", help="o_rapport_bydel")
REPORT_OUTPUT = option("-o", "--output", required=True, metavar="mv_fil", help="o_rapport_fil")
REPORT_PUBLISH = option("--publish", action="store_true", help="o_rapport_publish")
TALLY_UNMET = option("--udekket", action="store_true", help="o_udekket")
SUPPLY_DATE = option("--dato", metavar="mv_dato", help="o_dato_tilbud")
CHAIN_GROUP = option("group", type=int, metavar="mv_gruppe", help="o_group")
CHAIN_DURATION = option("--varighet", choices=("kortvarig", "langvarig"), default="langvarig", help="o_varighet")
CHAIN_RESPITE = option("--avlastning", action="store_true", help="o_avlastning")
DEMO_N = option("-n", type=int, default=1000, metavar="mv_antall", help="o_demo_n")
DEMO_SEED = option("--seed", type=int, default=1, metavar="mv_fro", help="o_seed")
DEMO_OUTPUT = option("-o", "--output", required=True, metavar="mv_fil", help="o_output_table")

CHECK_CASES = option("--cases", metavar="mv_fil", help="o_cases")

UTSKRIFT_PERSON = option("person", metavar="mv_person", help="o_utskrift_person")
UTSKRIFT_DB = option("--db", required=True, metavar="mv_url", help="o_db_utskrift")
UTSKRIFT_OUTPUT = option("-o", "--output", required=True, metavar="mv_fil", help="o_utskrift_output")
FELTER_MARKDOWN = option("--markdown", action="store_true", help="o_markdown")
CASELOAD_OUTPUT = option("-o", "--output", required=True, metavar="mv_fil", help="o_saksliste_output")
CASELOAD_DISTRICT = option("--bydel", metavar="mv_bydel", help="o_saksliste_bydel")
CASELOAD_DUE = option("--forfalt", action="store_true", help="o_forfalt")
CASELOAD_OLDEST = option("--eldste-forst", action="store_true", help="o_eldste_forst")

COMMANDS: tuple[Command, ...] = (
    Command("tui", "cmd_tui", (TUI_DB, TUI_CREATE, TUI_DEMO, MATRIX)),
    Command("classify", "cmd_classify", (CLASSIFY_FILE, MATRIX, CLASSIFY_TEXT)),
    Command("reclassify", "cmd_reclassify", (RECLASSIFY_INPUT, RECLASSIFY_OUTPUT, RECLASSIFY_REJECTS, MATRIX, MAPPING, RECLASSIFY_STRICT)),
    Command("tally", "cmd_tally", (TALLY_INPUTS, TALLY_DB, TALLY_BY, TALLY_OUTPUT, TALLY_JSON, TALLY_PUBLISH, TALLY_UNMET, SUPPLY_DATE,
                                   MATRIX, MAPPING)),
    Command("supply", "cmd_supply", (SUPPLY_DATE, JSON, MATRIX)),
    Command("indicators", "cmd_indicators", (PLANNER_INPUTS, PLANNER_DB, JSON, MATRIX, MAPPING)),
    Command("report", "cmd_report", (PLANNER_INPUTS, PLANNER_DB, REPORT_DISTRICT, SUPPLY_DATE, REPORT_OUTPUT, REPORT_PUBLISH, MATRIX,
                                      MAPPING)),
    Command("chain", "cmd_chain", (CHAIN_GROUP, CHAIN_DURATION, CHAIN_RESPITE, JSON, MATRIX)),
    Command("matrix", "cmd_matrix", (JSON, MATRIX)),
    Command("check", "cmd_check", (MATRIX, CHECK_CASES)),
    Command("utskrift", "cmd_utskrift", (UTSKRIFT_PERSON, UTSKRIFT_DB, UTSKRIFT_OUTPUT, MATRIX)),
    Command("saksliste", "cmd_saksliste", (STORE_DB, CASELOAD_OUTPUT, CASELOAD_DISTRICT, CASELOAD_DUE, CASELOAD_OLDEST, MATRIX)),
    Command("felter", "cmd_felter", (FELTER_MARKDOWN, MATRIX)),
    Command("demo", "cmd_demo", (DEMO_N, DEMO_SEED, DEMO_OUTPUT, MATRIX)),
    Command("verify", "cmd_verify", (VERIFY_DB,)),
    Command("import", "cmd_import", (IMPORT_FILE, STORE_DB, MAPPING, MATRIX)),
    Command("backup", "cmd_backup", (STORE_DB, BACKUP_OUTPUT)),
    Command("innsyn", "cmd_innsyn", (INNSYN_PERSON, STORE_DB, JSON, INNSYN_OUTPUT)),
    Command("restore", "cmd_restore", (RESTORE_FILE, STORE_DB)),
    Command(
        "db",
        "cmd_db",
        children=(
            Command("init", "cmd_db_init", (STORE_DB, DB_KEY_FILE)),
            Command("user", "cmd_db_user", children=(Command("add", "cmd_db_user_add", (USER_NAME, USER_ROLE, USER_DISTRICT, STORE_DB)),)),
        ),
    ),
)


def build_parser(lang: str | None = None) -> argparse.ArgumentParser:
    """The parser with its texts in `lang` (default: RUSMATRISE_LANG, else bokmål)."""
    chosen = requested_lang(["--lang", lang] if lang else [])
    with argparse_language(chosen):
        return build(COMMANDS, chosen, "rusmatrise", "cli_beskrivelse", "cli_miljo")


def parse(argv: Sequence[str]) -> argparse.Namespace:
    """argv as parsed; without a command, the TUI's options apply (`rusmatrise --db x` opens the TUI)."""
    lang = requested_lang(argv)
    names = {command.name for command in COMMANDS}
    if not names & set(argv) and not {"-h", "--help"} & set(argv):
        argv = ["tui", *argv]
    with argparse_language(lang):
        return build(COMMANDS, lang, "rusmatrise", "cli_beskrivelse", "cli_miljo").parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse(list(argv) if argv is not None else sys.argv[1:])
    from cli.boundary import guarded
    from cli.common import CommandFailed

    def run() -> int:
        module = importlib.import_module(args.run_module)
        try:
            return int(module.run(args) or 0)
        except CommandFailed as failed:
            return failed.code
        except BrokenPipeError:  # the reader (e.g. `| head`) left early: not an error
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return 0

    command = args.run_module.rsplit(".", 1)[-1].removesuffix("_cmd")
    return guarded(command, run, getattr(args, "lang", "nb"), ERROR_EXIT.get(command, 1))


if __name__ == "__main__":
    sys.exit(main())
