"""`rusmatrise check`: the matrix file, the decision table's completeness, the chain graph."""

from __future__ import annotations

import argparse

from cli.common import matrix_or_exit, say
from matrix.messages import number, t
from matrix.vocabulary import field_label, value_label
from rules import Classifier
from rules.table_check import check_table
from service_chain import ServiceChain, validate_graph


def run(args: argparse.Namespace) -> int:
    lang = args.lang
    matrix = matrix_or_exit(args.matrix, lang, code=1)
    say(t("check_ok", lang, tekst=t("check_matrise", lang, fil=matrix.path, versjon=matrix.version)))
    failed = False
    chain = ServiceChain(matrix)
    report = check_table(Classifier(matrix, chain))
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
    return 1 if failed else 0
