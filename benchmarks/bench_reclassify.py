"""`rusmatrise reclassify` against a plain Python csv read-and-write of the same file.

Writes a synthetic export (`rusmatrise demo`'s caseload, semicolon CSV with BOM, as Excel
saves it), then runs, side by side and alternating, in fresh child processes:

- baseline: csv.reader → csv.writer over the same file, same encoding and delimiter;
- reclassify: `casefiles.reclassify.reclassify_file` (validation, classification, output,
  rejects, manifest), as the command runs it.

Prints each repetition, the median wall time of each, their ratio, and each side's peak
resident memory (ru_maxrss of the child). Target: ratio ≤ 1.5, peak memory < 300 MB.

    .venv/bin/python benchmarks/bench_reclassify.py [--rows 1000000] [--repeat 3] [--keep DIR]
"""

from __future__ import annotations

import argparse
import csv
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

BASELINE = """
import csv, json, resource, sys, time
source, target = sys.argv[1], sys.argv[2]
start = time.perf_counter()
with open(source, encoding="utf-8-sig", newline="") as inp, open(target, "w", encoding="utf-8-sig", newline="") as out:
    csv.writer(out, delimiter=";").writerows(csv.reader(inp, delimiter=";"))
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

RECLASSIFY = """
import json, resource, sys, time
from casefiles.reclassify import reclassify_file
from matrix.load import load_matrix
source, target = sys.argv[1], sys.argv[2]
matrix = load_matrix()
start = time.perf_counter()
outcome = reclassify_file(source, target, matrix)
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "rows": outcome.stats.rows, "classified": outcome.stats.classified}))
"""


def write_export(path: Path, rows: int) -> None:
    sys.path.insert(0, str(REPO))
    from casefiles.demo import demo_rows
    from matrix.load import load_matrix

    matrix = load_matrix()
    started = time.perf_counter()
    with path.open("w", encoding="utf-8-sig", newline="") as file:
        writer = csv.writer(file, delimiter=";")
        generated = demo_rows(rows, 1, matrix)
        first = next(generated)
        writer.writerow(list(first))
        writer.writerow(first.values())
        writer.writerows(row.values() for row in generated)
    print(f"export: {rows} rows, {path.stat().st_size / 1e6:.0f} MB, written in {time.perf_counter() - started:.0f} s")


def child(script: str, source: Path, target: Path) -> dict[str, float]:
    done = subprocess.run([sys.executable, "-c", script, str(source), str(target)], capture_output=True, text=True,
                          cwd=REPO, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="folder to keep (and reuse) the export in")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="bench-reclassify-"))
    folder.mkdir(parents=True, exist_ok=True)
    export = folder / f"eksport-{args.rows}.csv"
    if not export.exists():
        write_export(export, args.rows)
    baseline: list[dict[str, float]] = []
    ours: list[dict[str, float]] = []
    for round_ in range(1, args.repeat + 1):
        baseline.append(child(BASELINE, export, folder / "baseline.csv"))
        ours.append(child(RECLASSIFY, export, folder / "reclassified.csv"))
        print(f"round {round_}: csv read+write {baseline[-1]['seconds']:.2f} s, reclassify {ours[-1]['seconds']:.2f} s "
              f"({ours[-1]['rows']:.0f} rows, {ours[-1]['classified']:.0f} classified)")
    plain = statistics.median(r["seconds"] for r in baseline)
    fast = statistics.median(r["seconds"] for r in ours)
    print(f"median: csv read+write {plain:.2f} s, reclassify {fast:.2f} s, ratio {fast / plain:.2f} (target ≤ 1.5)")
    print(f"peak memory: csv read+write {max(r['peak_mb'] for r in baseline):.0f} MB, "
          f"reclassify {max(r['peak_mb'] for r in ours):.0f} MB (target < 300 MB)")
    print(f"reclassify throughput: {args.rows / fast:,.0f} rows/s")


if __name__ == "__main__":
    main()
