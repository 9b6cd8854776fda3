"""What a caseworker's TUI reads from the store (a caseload page, the caseload count, the tally
records) and one save, for N synthetic persons, on SQLite and on PostgreSQL as an Alna `saksbehandler`
(row-level security on). Each read is run once to warm up, then timed as the mean of three.

    .venv/bin/python benchmarks/bench_store_reads.py [-n 3000] [--backend both|sqlite|postgres]

To compare two versions, run the script from a checkout of each, one after the other in one
shell, and report the ratio (the machine's load moves the absolute figures).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def _mean_ms(read: Callable[[], object], runs: int = 3) -> float:
    read()
    began = time.perf_counter()
    for _ in range(runs):
        read()
    return round((time.perf_counter() - began) / runs * 1000, 1)


def _fill(url: str, persons: int) -> None:
    from casefiles.demo import demo_rows
    from casestore import open_store
    from matrix import load_matrix
    from matrix.assessment import parse_assessment
    from rules import Classifier

    matrix = load_matrix()
    classifier = Classifier(matrix)
    items = []
    for row in demo_rows(persons, 5, matrix):
        assessment = parse_assessment(row, matrix)
        items.append((assessment, classifier.classify(assessment)))
    with open_store(url) as store:
        store.record_many(items)


def _measure(label: str, url: str) -> dict[str, object]:
    from casestore import CaseFilter, open_store
    from matrix import load_matrix
    from matrix.assessment import parse_assessment
    from rules import Classifier

    matrix = load_matrix()
    classifier = Classifier(matrix)
    numbers = iter(range(10**6))

    def save() -> None:  # one new person's assessment in Alna, as the TUI's save does
        raw = {"person_id": f"BENCH-{next(numbers)}", "bydel": "Alna", "boevne": 2, "rus": 2, "psykisk_helse": 2, "somatisk_helse": 1,
               "atferd": 1, "sosial_fungering": 2, "tilsynsbehov": "ukentlig", "behandlingsbehov": "nei", "vold_trusler": "nei",
               "brannrisiko": "nei", "varighet": "langvarig", "boligsituasjon": "ordinar_bolig"}  # fmt: skip
        assessment = parse_assessment(raw, matrix)
        store.record(assessment, classifier.classify(assessment))

    with open_store(url, create=False) as store:
        return {
            "backend": label,
            "persons_seen": store.caseload_count(CaseFilter()),
            "page_ms": _mean_ms(lambda: store.caseload(CaseFilter(), 0, 100)),
            "count_ms": _mean_ms(lambda: store.caseload_count(CaseFilter())),
            "tally_ms": _mean_ms(lambda: list(store.tally_records())),
            "save_ms": _mean_ms(save, runs=10),
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=3000)
    parser.add_argument("--backend", choices=("both", "sqlite", "postgres"), default="both")
    args = parser.parse_args()
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        if args.backend in ("both", "sqlite"):
            path = str(Path(tmp) / "reads.sqlite")
            _fill(path, args.n)
            results.append(_measure("sqlite (owner)", path))
        if args.backend in ("both", "postgres"):
            from casestore import open_store
            from casestore.postgres import PostgresStore, add_user
            from tests.pg_cluster import Cluster

            cluster = Cluster()
            try:
                db = cluster.new_database()
                _fill(cluster.url(db), args.n)
                with open_store(cluster.url(db)) as owner:
                    assert isinstance(owner, PostgresStore)
                    add_user(owner, "alna_reads", "saksbehandler", "Alna")
                results.append(_measure("postgres (saksbehandler Alna, RLS)", cluster.url(db, user="alna_reads")))
            finally:
                cluster.remove()
    print(f"{args.n} persons")
    columns = list(results[0])
    print(" | ".join(columns))
    for row in results:
        print(" | ".join(str(row[c]) for c in columns))


if __name__ == "__main__":
    main()
