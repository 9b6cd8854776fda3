"""The caseload's queries on a large SQLite store: a page of the list (first and deep), the count,
the due-for-reassessment filter and oldest-first order, with drafts, against the plain query
over CURRENT (what the caseload ran before drafts), side by side in one run.

    .venv/bin/python benchmarks/bench_caseload.py [--persons 20000] [--drafts 500] [--runs 7]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

TODAY = date(2025, 6, 1)
# The caseload's page before drafts (main at 4a346cd): CURRENT, its latest decision, by person id.
PLAIN_PAGE = """SELECT c.person_id, c.bydel, COALESCE(d.final_gruppe, c.gruppe) AS gruppe, c.gruppe AS suggested,
       d.id IS NOT NULL AS decided, COALESCE(d.dekning, c.dekning) AS dekning, c.vurdert_dato, c.id AS aid, c.data
FROM current c LEFT JOIN decisions d ON d.id = c.did ORDER BY c.person_id LIMIT ? OFFSET ?"""


def timed(run, runs: int) -> float:
    """Median milliseconds of `runs` calls."""
    seen = []
    for _ in range(runs):
        start = time.perf_counter()
        run()
        seen.append((time.perf_counter() - start) * 1000)
    return statistics.median(seen)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--persons", type=int, default=20_000)
    parser.add_argument("--drafts", type=int, default=500)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    from casestore import CaseFilter, open_store
    from casestore.demo import fill_demo
    from casestore.sqlstore import CURRENT
    from matrix import load_matrix

    matrix = load_matrix()
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(str(Path(folder) / "bench.sqlite"))
        started = time.perf_counter()
        fill_demo(store, matrix, args.persons, seed=3, today=TODAY)
        for n in range(args.drafts):
            store.save_draft(f"UTKAST{n:05d}", "Alna", {"rus": "3"})
        print(f"store: {args.persons} persons + {args.drafts} draft-only persons, filled in {time.perf_counter() - started:.0f} s")

        def plain(offset: int) -> None:
            with store._read() as tx:
                tx.all(CURRENT + PLAIN_PAGE, [100, offset])

        def count_plain() -> None:
            with store._read() as tx:
                tx.one(CURRENT + "SELECT COUNT(*) AS n FROM current c LEFT JOIN decisions d ON d.id = c.did")

        cutoff = TODAY - timedelta(days=366)
        cases = [
            ("page 1, before drafts (CURRENT)", lambda: plain(0)),
            ("page 1, caseload with drafts", lambda: store.caseload(CaseFilter(with_drafts=True), 0, 100)),
            ("page at 10,000, before drafts", lambda: plain(10_000)),
            ("page at 10,000, with drafts", lambda: store.caseload(CaseFilter(with_drafts=True), 10_000, 100)),
            ("count, before drafts (CURRENT)", lambda: count_plain()),
            ("count, with drafts", lambda: store.caseload_count(CaseFilter(with_drafts=True))),
            ("due filter, page 1", lambda: store.caseload(CaseFilter(with_drafts=True, due_on_or_before=cutoff), 0, 100)),
            ("due filter, count", lambda: store.caseload_count(CaseFilter(with_drafts=True, due_on_or_before=cutoff))),
            ("oldest first, page 1", lambda: store.caseload(CaseFilter(with_drafts=True, oldest_first=True), 0, 100)),
        ]
        for label, run in cases:
            print(f"  {label:<36} {timed(run, args.runs):8.1f} ms (median of {args.runs})")
        store.close()


if __name__ == "__main__":
    main()
