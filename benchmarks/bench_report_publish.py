"""The cost and the strength of `report --publish`: a whole report's tables protected together.

For synthetic caseloads of 800, 5,000 and 20,000 persons (the demo export, classified, with
an earlier assessment for about half of them, decisions and overrides), it prints per size:
the time to build the published report (disclosure control is nearly all of it), the number
of published count cells and the share published, and what the independent attacker of
tests/attacker.py finds over the whole report at once (hidden cells, pinned cells, its time).

    .venv/bin/python benchmarks/bench_report_publish.py [--sizes 800,5000,20000] [--seed 7] [--bydel Alna]
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "tests")]

from attacker import attack  # noqa: E402

from casefiles.demo import demo_rows  # noqa: E402
from casefiles.reclassify import reclassify_file  # noqa: E402
from matrix.load import Matrix, load_matrix  # noqa: E402
from tallies.history import Snapshot, snapshots_from_files  # noqa: E402
from tallies.report import build_report  # noqa: E402
from tests.test_report_publish import cliques_of, domains_of, relations_of  # noqa: E402

DAY = date(2026, 1, 1)


def caseload(n: int, seed: int, matrix: Matrix) -> list[Snapshot]:
    """The demo export of n persons, classified; about half get an earlier assessment (in an
    institution), 60 % of assessments a decision, a fifth of those an override."""
    with tempfile.TemporaryDirectory() as folder:
        export, out = Path(folder) / "eksport.csv", Path(folder) / "klassifisert.csv"
        rows = list(demo_rows(n, seed, matrix))
        with export.open("w", encoding="utf-8", newline="") as file:
            writer = csv.writer(file, delimiter=";")
            writer.writerow(list(rows[0]))
            writer.writerows(row.values() for row in rows)
        reclassify_file(export, out, matrix)
        latest, _ = snapshots_from_files([out], matrix)
    rng = random.Random(seed)
    snapshots = []
    for snap in latest:
        day = snap.vurdert_dato or DAY
        if rng.random() < 0.5:
            group = min(7, max(1, (snap.gruppe or 1) + rng.choice([-1, 0, 1])))
            snapshots.append(dataclasses.replace(snap, vurdert_dato=day - timedelta(days=rng.randrange(90, 500)), gruppe=group,
                                                 foreslatt_gruppe=group, boligsituasjon="institusjon"))
        snapshots.append(snap)
    decided = []
    for snap in snapshots:
        if rng.random() < 0.6:
            overridden = rng.random() < 0.2 and snap.gruppe is not None
            final = snap.gruppe if not overridden else min(7, (snap.gruppe or 1) + 1)
            snap = dataclasses.replace(snap, besluttet=True, overstyrt=overridden and final != snap.gruppe, gruppe=final,
                                       grunn="fritekst" if overridden else "")
        decided.append(snap)
    return decided


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="800,5000,20000")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--bydel", default=None, help="a district report instead of the whole city")
    args = parser.parse_args()
    matrix = load_matrix()
    print(f"{'persons':>8} {'protect s':>10} {'cells':>6} {'published':>10} {'hidden':>7} {'pinned':>7} {'attack s':>9}")
    for size in (int(s) for s in args.sizes.split(",")):
        snapshots = caseload(size, args.seed, matrix)
        started = time.perf_counter()
        report = build_report(snapshots, matrix, args.bydel, DAY, publish=True)
        protected = time.perf_counter() - started
        published = report.publication.as_json()
        cells = [c for table in published["tabeller"] for c in table["celler"]]
        shown = sum(isinstance(c["antall"], int) for c in cells)
        started = time.perf_counter()
        found = attack(published, domains_of(matrix, published), cliques_of(args.bydel), relations_of(matrix, published, args.bydel))
        attacked = time.perf_counter() - started
        pinned = sum(low == high for _, low, high in found)
        print(f"{size:>8} {protected:>10.1f} {len(cells):>6} {shown / len(cells):>10.1%} {len(found):>7} {pinned:>7} {attacked:>9.1f}")


if __name__ == "__main__":
    main()
