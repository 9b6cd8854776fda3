"""The cost and the strength of `tally --publish`: before (per-table suppression, as on main
before issue 7) and after (tallies.suppression.protect over every table published together).

For the same data sets (20 to 5,000 persons drawn from a classified synthetic caseload, as in
tests/test_disclosure.py) it prints, for each method: the share of cells published, the share
of district-level co-located need cells published, how many data sets the exact attacker of
tests/attacker.py breaks (some hidden cell pinned) and the time per data set.

    .venv/bin/python benchmarks/bench_disclosure.py [--sets 200] [--seed 0]

The "before" method is main's old tallies/suppression.py (commit 6e9c69b), loaded from git,
applied as main's tallies/export.py applied it: the district × group table alone, then the
need columns with every count hidden whose parts were hidden.
"""

from __future__ import annotations

import argparse
import csv
import math
import random
import subprocess
import sys
import tempfile
import time
import types
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "tests")]

from attacker import attack  # noqa: E402

from casefiles.demo import demo_rows  # noqa: E402
from casefiles.reclassify import reclassify_file  # noqa: E402
from matrix.fields import DEKNING  # noqa: E402
from matrix.load import Matrix, load_matrix  # noqa: E402
from tallies.count import publish_threshold, tally  # noqa: E402
from tallies.export import publication, publish_json  # noqa: E402

BEFORE = "6e9c69b"


def old_suppression() -> types.ModuleType:
    source = subprocess.run(["git", "-C", str(REPO), "show", f"{BEFORE}:tallies/suppression.py"], check=True, capture_output=True,
                            text=True).stdout
    module = types.ModuleType("old_suppression")
    sys.modules[module.__name__] = module  # dataclasses look their module up
    exec(compile(source, "old_suppression.py", "exec"), module.__dict__)
    return module


def people(matrix: Matrix) -> list[dict[str, str]]:
    with tempfile.TemporaryDirectory() as folder:
        export, out = Path(folder) / "eksport.csv", Path(folder) / "klassifisert.csv"
        rows = list(demo_rows(4000, 23, matrix))
        with export.open("w", encoding="utf-8", newline="") as file:
            writer = csv.writer(file, delimiter=";")
            writer.writerow(list(rows[0]))
            writer.writerows(row.values() for row in rows)
        reclassify_file(export, out, matrix)
        with out.open(encoding="utf-8-sig", newline="") as file:
            return list(csv.DictReader(file, delimiter=";"))


def data_set(pool: list[dict[str, str]], seed: int) -> list[dict[str, str]]:
    rng = random.Random(seed)
    n = round(math.exp(rng.uniform(math.log(20), math.log(5000))))
    if rng.random() < 0.3:
        districts = rng.sample(sorted({p["bydel"] for p in pool}), 3)
        pool = [p for p in pool if p["bydel"] in districts]
    return [rng.choice(pool) for _ in range(n)]


def before_json(result: Any, old: types.ModuleType) -> dict[str, Any]:
    """The same cells as `publish_json`, hidden as main's export.py hid them."""
    tables = publication(result)
    threshold = publish_threshold()
    main_table = result.by_table()
    main = old.suppress(main_table.values, threshold)
    grid = old.with_margins(main_table.values)

    def shown(hidden: Any, position: tuple[int, int], value: int) -> Any:
        if position not in hidden.hidden:
            return value
        return "<5" if position in hidden.primary and 1 <= value <= threshold else "x"

    out = []
    for table in tables:
        cells = table.cells
        values: list[Any] = [cell.count for cell in cells]
        if table.name == "tabell":
            for position, index in table.at.items():
                values[index] = shown(main, position, grid[position[0]][position[1]])
        elif table.name in ("samlokalisert", "vel"):
            rows = max(i for i, _ in table.at)
            need = [[cells[table.at[(i, 0)]].count] for i in range(rows)]
            uncovered = [[cells[table.at[(i, 1)]].count] for i in range(rows)]
            also = {(i, 0) for i in range(rows) if _hidden_in_main(cells[table.at[(i, 0)]], main_table, main)}
            unpublished = {(i, 1) for i in range(rows + 1)}
            need_hidden = old.suppress(need, threshold, unpublished, also)
            uncovered_hidden = old.suppress(uncovered, threshold, unpublished)
            need_grid, uncovered_grid = old.with_margins(need), old.with_margins(uncovered)
            for i in range(rows + 1):
                values[table.at[(i, 0)]] = shown(need_hidden, (i, 0), need_grid[i][0])
                values[table.at[(i, 1)]] = shown(uncovered_hidden, (i, 0), uncovered_grid[i][0])
        elif result.total <= threshold:
            values[0] = "<5"
        out.append({"navn": table.name, "celler": [
            {**{k: list(v) if isinstance(v, tuple) else v for k, v in cell.filter.items()}, "antall": value}
            for cell, value in zip(cells, values, strict=True)]})
    return {"tabeller": out}


def _hidden_in_main(cell: Any, main_table: Any, main: Any) -> bool:
    """Whether a need count adds up a cell hidden in the district × group table (a city-wide one: a column total)."""
    wanted = cell.filter["gruppe"] if isinstance(cell.filter["gruppe"], tuple) else (cell.filter["gruppe"],)
    index = {label: i for i, (label,) in enumerate(main_table.rows)}
    i = index.get(cell.filter.get("bydel"), len(main_table.rows))
    columns = [str(c) for c in main_table.columns]
    return any((i, columns.index(str(g))) in main.hidden for g in wanted)


def measure(published: dict[str, Any], domains: dict[str, list[Any]]) -> tuple[int, int, int, int, bool]:
    cells = [c for t in published["tabeller"] for c in t["celler"]]
    need = [c for t in published["tabeller"] if t["navn"] == "samlokalisert" for c in t["celler"]
            if "bydel" in c and "dekning" not in c]
    pinned = any(low == high for _, low, high in attack(published, domains))
    return (sum(isinstance(c["antall"], int) for c in cells), len(cells), sum(isinstance(c["antall"], int) for c in need), len(need),
            pinned)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", type=int, default=200)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    matrix = load_matrix()
    pool = people(matrix)
    old = old_suppression()
    domains = {"bydel": matrix.districts.names(), "gruppe": sorted(matrix.groups), "dekning": list(DEKNING)}
    totals = {"before": [0, 0, 0, 0, 0, 0.0], "after": [0, 0, 0, 0, 0, 0.0]}
    for seed in range(args.seed, args.seed + args.sets):
        records = data_set(pool, seed)
        result = tally(records, ("bydel", "gruppe"), matrix)
        for name, make in (("before", lambda r=result: before_json(r, old)), ("after", lambda r=result: publish_json(r))):
            started = time.perf_counter()
            published = make()
            elapsed = time.perf_counter() - started
            shown, cells, need_shown, need, pinned = measure(published, domains)
            figures = totals[name]
            figures[0] += shown
            figures[1] += cells
            figures[2] += need_shown
            figures[3] += need
            figures[4] += pinned
            figures[5] += elapsed
    print(f"{args.sets} data sets of 20–5,000 persons (seeds {args.seed}–{args.seed + args.sets - 1})")
    print(f"{'method':8} {'cells published':>16} {'need per district published':>28} {'sets with a pinned cell':>24} {'s per set':>10}")
    for name, (shown, cells, need_shown, need, pinned, elapsed) in totals.items():
        print(f"{name:8} {shown / cells:>15.1%} {need_shown / need:>28.1%} {pinned:>24d} {elapsed / args.sets:>10.3f}")


if __name__ == "__main__":
    main()
