"""`rusmatrise classify [FILE|-]`: one assessment as JSON in, one result as JSON out.

Invalid input: exit 2, nothing on stdout, every bad field named on stderr.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cli.common import matrix_or_exit, print_json, say
from matrix import limits
from matrix.assessment import AssessmentInvalid, parse_assessment
from matrix.load import Matrix
from matrix.messages import Lang, t
from matrix.safe_json import JsonRefused, parse_json
from matrix.safe_text import terminal_text
from matrix.vocabulary import value_label
from rules import Classifier, TableGap
from rules.result import Classification

EXIT_INVALID = 2


class _Unreadable:
    """No document (already explained on stderr); distinct from a JSON null."""


UNREADABLE = _Unreadable()


def _read(source: str, lang: Lang) -> object:
    """The input document, parsed within `matrix.limits`, or UNREADABLE after saying why."""
    try:
        if source == "-":
            stream = getattr(sys.stdin, "buffer", None)  # a text-only stdin (embedding, tests) has none
            data = stream.read(limits.MAX_JSON_BYTES + 1) if stream is not None else \
                sys.stdin.read(limits.MAX_JSON_BYTES + 1).encode("utf-8", "surrogatepass")
        else:
            with Path(source).open("rb") as file:
                data = file.read(limits.MAX_JSON_BYTES + 1)
    except OSError as error:
        say(t("fil_les", lang, fil=terminal_text(source), grunn=error.strerror or error), err=True)
        return UNREADABLE
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        if source == "-":
            say(t("stdin_utf8", lang, posisjon=error.start), err=True)
        else:
            say(t("fil_utf8", lang, fil=terminal_text(source), posisjon=error.start), err=True)
        return UNREADABLE
    try:
        return parse_json(text)
    except JsonRefused as refused:
        say(t("json_ugyldig", lang, grunn=t(refused.kode, lang, **refused.params)), err=True)
        return UNREADABLE


def render_text(result: Classification, matrix: Matrix, lang: Lang) -> str:
    """The result in plain sentences, for people rather than scripts: words, not codes, and the
    group's attributes in `lang` (the JSON keeps the matrix's values as written)."""
    group = matrix.groups[result.gruppe]
    lines = [
        t("p_group", lang, gruppe=result.gruppe, navn=result.navn),
        result.begrunnelse,
        "",
        f"{t('p_boligtype', lang)}: {group.boligtype.text(lang)} ({group.boligstandard.text(lang)})",
        f"{t('p_bemanning', lang)}: {group.bemanning.text(lang)}",
        f"{t('p_beliggenhet', lang)}: {group.beliggenhet.text(lang)}",
        f"{t('p_ansvarlig', lang)}: {result.ansvar_tekst}",
        f"{t('p_dekning', lang)}: {value_label('dekning', result.dekning, lang)}",
    ]
    for title, flags in ((t("p_warnings", lang), result.advarsler), (t("p_notes", lang), result.merknader)):
        if flags:
            lines += ["", f"{title}:"] + [f"  - {flag.tekst}" for flag in flags]
    lines += ["", t("tekst_tjenester", lang)]
    by_provider: dict[str, list[str]] = {}
    for service in result.tjenester:
        by_provider.setdefault(service.tilbyder, []).append(service.tjeneste)
    for provider, names in by_provider.items():
        lines.append(f"  {provider}:")
        lines += [f"    - {name}" for name in names]
    lines += ["", t("tekst_matriseversjon", lang, versjon=result.matrise_versjon)]
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    lang = args.lang
    matrix = matrix_or_exit(args.matrix, lang, code=EXIT_INVALID)
    raw = _read(args.file, lang)
    if raw is UNREADABLE:
        return EXIT_INVALID
    if not isinstance(raw, dict):
        say(t("json_objekt", lang), err=True)
        return EXIT_INVALID
    try:
        assessment = parse_assessment(raw, matrix)
    except AssessmentInvalid as invalid:
        for error in invalid.errors:
            say(t("felt_feil", lang, felt=error.felt, feil=error.message(lang)), err=True)
        return EXIT_INVALID
    try:
        result = Classifier(matrix).classify(assessment, lang=lang)
    except TableGap as gap:  # the matrix cannot classify this input: as a matrix error here, exit 2
        say(gap.message(lang), err=True)
        return EXIT_INVALID
    if args.tekst:
        say(render_text(result, matrix, lang))
    else:
        print_json(result.model_dump(mode="json"))
    return 0
