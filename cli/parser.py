"""Turning the declarations in `cli.main` into an argparse parser that speaks the user's language.

- An `Option` is declared once and listed by every command that takes it.
- Help texts and metavariables are catalog keys (cli/messages.py), looked up in the language
  asked for, so `--help` is Norwegian by default and English with --lang en.
- argparse's own strings ("usage:", "positional arguments", its error messages) go through
  gettext; while the parser is built and used, `argparse_language` answers those lookups from
  the same catalog.
- `--lang` on the main parser carries the default (RUSMATRISE_LANG, else nb); each command
  declares it with a suppressed default, so `rusmatrise --lang en COMMAND` and
  `rusmatrise COMMAND --lang en` both give English.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from cli.messages import ARGPARSE_TEXTS
from matrix.messages import LANGS, Lang, t

LANG_VARIABLE = "RUSMATRISE_LANG"


@dataclass(frozen=True)
class Option:
    """One argument as argparse takes it; `help` and `metavar` are catalog keys."""

    flags: tuple[str, ...]
    help: str
    help_params: dict[str, object] = field(default_factory=dict)
    metavar: str | None = None
    settings: dict[str, Any] = field(default_factory=dict)

    def add_to(self, parser: argparse.ArgumentParser, lang: Lang) -> None:
        extra = dict(self.settings)
        if self.metavar:
            extra["metavar"] = t(self.metavar, lang)
        # A computed parameter (e.g. the default database path, which needs casestore) is left
        # for argparse to fill in when it prints the help: every other run starts without it.
        params = {k: f"%({k})s" if callable(v) else v for k, v in self.help_params.items()}
        action = parser.add_argument(*self.flags, help=t(self.help, lang, **params), **extra)
        for k, v in self.help_params.items():
            if callable(v):
                setattr(action, k, _Later(v))


class _Later:
    """A help parameter computed only when argparse formats the help text."""

    def __init__(self, compute: Any) -> None:
        self.compute = compute

    def __str__(self) -> str:
        return str(self.compute()).replace("%", "%%")


def option(*flags: str, help: str, metavar: str | None = None, help_params: dict[str, object] | None = None,
           **settings: Any) -> Option:
    """An option or positional argument; `settings` are argparse's own (action, nargs, type, …)."""
    return Option(flags, help, help_params or {}, metavar, settings)


@dataclass(frozen=True)
class Command:
    """A subcommand: its name, its help (a catalog key), its options, and any subcommands of its own.

    The work is done by `run(args)` in `cli/<name>_cmd.py` (for a subcommand of a subcommand,
    `cli/<parent>_<name>_cmd.py`), imported only when the command runs.
    """

    name: str
    help: str
    options: tuple[Option, ...] = ()
    children: tuple[Command, ...] = ()


def default_lang() -> Lang:
    chosen = os.environ.get(LANG_VARIABLE, "").strip().lower()
    return chosen if chosen in LANGS else "nb"  # type: ignore[return-value]


def requested_lang(argv: Sequence[str]) -> Lang:
    """The language argv asks for (the last --lang wins, as in argparse), else the default."""
    lang = default_lang()
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        value = argv[i + 1] if arg == "--lang" and i + 1 < len(argv) else arg.removeprefix("--lang=") if arg.startswith("--lang=") else None
        if value in LANGS:
            lang = value  # type: ignore[assignment]
    return lang


@contextmanager
def argparse_language(lang: Lang) -> Iterator[None]:
    """argparse's gettext lookups answered from our catalog, for as long as the block runs."""

    def gettext(message: str) -> str:
        key = ARGPARSE_TEXTS.get(message)
        return t(key, lang) if key else message

    def ngettext(singular: str, plural: str, n: int) -> str:
        return gettext(singular if n == 1 else plural)

    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = gettext, ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


def _lang_option(default: object) -> Option:
    return option("--lang", help="o_lang", choices=LANGS, default=default)


def build(commands: Sequence[Command], lang: Lang, prog: str, description: str, epilog: str) -> argparse.ArgumentParser:
    """The parser for `commands`, with every text in `lang`. Build and use it inside `argparse_language`."""
    parser = argparse.ArgumentParser(prog=prog, description=t(description, lang), epilog=t(epilog, lang),
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    _lang_option(default_lang()).add_to(parser, lang)
    _add_commands(parser, commands, (), lang)
    return parser


def _add_commands(parser: argparse.ArgumentParser, commands: Sequence[Command], path: tuple[str, ...], lang: Lang) -> None:
    dest = "_".join((*path, "command")) if path else "command"
    sub = parser.add_subparsers(dest=dest, metavar=t("cli_kommando", lang), required=bool(path))
    for command in commands:
        here = (*path, command.name)
        child = sub.add_parser(command.name, help=t(command.help, lang), description=t(command.help, lang))
        _lang_option(argparse.SUPPRESS).add_to(child, lang)
        for declared in command.options:
            declared.add_to(child, lang)
        if command.children:
            _add_commands(child, command.children, here, lang)
        else:
            child.set_defaults(run_module="cli." + "_".join(here) + "_cmd")
