"""`rusmatrise check [--cases FILE]`: the matrix file, the decision table's completeness, the
chain graph, and with --cases the test cases stored as data (SPEC section 5).

Exit 0 when everything holds, 1 naming every problem and every case that fails, 2 when the
cases file cannot be used (unreadable, or not [[case]] tables with navn, inndata, forventet).
"""

from __future__ import annotations

import argparse

from cli.common import matrix_or_exit, say
from matrix.messages import number, t
from matrix.vocabulary import field_label, value_label
from rules import Classifier
from rules.cases import CasesFileError, load_cases, run_case
from rules.table_check import check_table
from service_chain import ServiceChain, validate_graph


def run(args: argparse.Namespace) -> int:
    lang = args.lang
    matrix = matrix_or_exit(args.matrix, lang, code=1)
    say(t("check_ok", lang, tekst=t("check_matrise", lang, fil=matrix.path, versjon=matrix.version)))
    failed = False
    chain = ServiceChain(matrix)
    classifier = Classifier(matrix, chain)
    report = check_table(classifier)
    if report.gap_count:
        failed = True
        example = "; ".join(f"{field_label(k, lang)}: {value_label(k, v, lang)}" for k, v in report.gaps[0].items())
        say(t("check_feil", lang, tekst=t("check_hull", lang, antall=report.gap_count, eksempel=example)))
    for rule in report.shadowed + report.never_matching:
        failed = True
        say(t("check_feil", lang, tekst=t("check_skygget", lang, regel=rule)))
    if not failed:
        profiles = number(report.profiles, lang)
        say(t("check_ok", lang, tekst=t("check_tabell", lang, profiler=profiles, kombinasjoner=report.distinct)))
    problems = validate_graph(chain.graph)
    for problem in problems:
        failed = True
        say(t("check_feil", lang, tekst=problem.message(lang)))
    if not problems:
        say(t("check_ok", lang, tekst=t("check_graf", lang, noder=chain.graph.number_of_nodes(), kanter=chain.graph.number_of_edges())))
    if args.cases:
        try:
            cases = load_cases(args.cases)
        except CasesFileError as error:
            say(t("check_feil", lang, tekst=error.message(lang)))
            return 2
        outcomes = [run_case(case, classifier, lang) for case in cases]
        failing = [o for o in outcomes if not o.passed]
        for outcome in failing:
            for problem in outcome.problems:
                say(t("check_feil", lang, tekst=t("tilfelle_feil", lang, navn=outcome.navn, grunn=problem)))
        if failing:
            failed = True
            say(t("check_feil", lang, tekst=t("tilfeller_feilet", lang, antall=len(failing), alle=len(outcomes), fil=args.cases)))
        else:
            say(t("check_ok", lang, tekst=t("tilfeller_ok", lang, antall=len(outcomes), fil=args.cases)))
    return 1 if failed else 0
