"""The product's batch commands against the script an analyst with polars would write.

Side by side, alternating, in fresh child processes (each measured whole: interpreter start,
imports, work), on a synthetic export written by `rusmatrise demo`:

- reclassify  vs  benchmarks/analyst_polars.py (the same result columns, vectorised when/then in
  table order, no validation, no rejects, no duplicate check, no manifest); the two outputs
  are compared byte for byte;
- tally (on the classified output)  vs  a polars group_by of the same counts (compared);
- demo -n ROWS (vectorised generation) on its own;
- classify (one assessment, the whole process) on its own: cold start.

Prints every run, each side's median wall time and peak resident memory (ru_maxrss of the
child), the ratios, and each target beside its figure. The machine's load average is printed
at the start and the end: on a shared machine, read the ratios (both sides ran under the same
load, alternating), not the absolute times.

    .venv/bin/python benchmarks/bench_reclassify.py [--rows 1000000] [--repeat 3] [--big] [--keep DIR]

--big also runs reclassify and tally (and their peers) at ten times --rows.
"""

from __future__ import annotations

import argparse
import filecmp
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
TODAY = date.today().isoformat()
ONE = {"person_id": "SAK-1", "bydel": "Grunerlokka", "boevne": 3, "rus": 4, "psykisk_helse": 3, "somatisk_helse": 2, "atferd": 4,
       "sosial_fungering": 3, "tilsynsbehov": "heldøgn", "behandlingsbehov": "nei", "vold_trusler": "ja", "brannrisiko": "nei",
       "varighet": "langvarig", "boligsituasjon": "bostedslos"}


CPU: dict[tuple[str, ...], list[float]] = {}  # command → CPU seconds (user + system) of each run


def run(arguments: list[str], stdout: Path | None = None) -> tuple[float, float]:
    """(wall seconds, peak resident MB) of one child process, which must succeed; its CPU time
    (user + system, less sensitive to the machine's load than wall time) goes to CPU."""
    out = stdout.open("wb") if stdout else subprocess.DEVNULL
    started = time.perf_counter()
    child = subprocess.Popen(arguments, cwd=REPO, stdout=out, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    errors = child.stderr.read().decode(errors="replace") if child.stderr else ""
    if stdout:
        out.close()  # type: ignore[union-attr]
    if child.returncode != 0:
        raise SystemExit(f"{' '.join(arguments)} failed ({child.returncode}): {errors[-2000:]}")
    CPU.setdefault(tuple(arguments), []).append(usage.ru_utime + usage.ru_stime)
    return seconds, usage.ru_maxrss / 1024


def cpu(arguments: list[str]) -> float:
    return statistics.median(CPU[tuple(arguments)])


def cli(*arguments: str) -> list[str]:
    return [PYTHON, "-m", "cli", *arguments]


def analyst(*arguments: str) -> list[str]:
    return [PYTHON, str(REPO / "benchmarks" / "analyst_polars.py"), *arguments]


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def side_by_side(name: str, ours: list[str], peer: list[str], repeat: int, ours_out: Path | None = None,
                 peer_out: Path | None = None) -> tuple[float, float, float, float]:
    """Alternating runs; (our median s, peer median s, our peak MB, peer peak MB)."""
    mine: list[tuple[float, float]] = []
    theirs: list[tuple[float, float]] = []
    for round_ in range(1, repeat + 1):
        mine.append(run(ours, ours_out))
        theirs.append(run(peer, peer_out))
        print(f"  {name} round {round_}: ours {mine[-1][0]:.2f} s ({mine[-1][1]:.0f} MB), peer {theirs[-1][0]:.2f} s "
              f"({theirs[-1][1]:.0f} MB)", flush=True)
    return (statistics.median(s for s, _ in mine), statistics.median(s for s, _ in theirs), max(m for _, m in mine),
            max(m for _, m in theirs))


def same_counts(ours: Path, peer: Path) -> bool:
    mine = {(c["bydel"], int(c["gruppe"])): c["antall"] for c in json.loads(ours.read_text(encoding="utf-8")) if c["antall"]}
    theirs = {(c["bydel"], int(c["gruppe"])): c["antall"] for c in json.loads(peer.read_text(encoding="utf-8"))}
    return mine == theirs


def measure(rows: int, repeat: int, folder: Path, report: list[str]) -> None:
    export = folder / f"eksport-{rows}.csv"
    if not export.exists():
        seconds, _ = run(cli("demo", "-n", str(rows), "--seed", "1", "-o", str(export)))
        print(f"export: {rows:,} rows, {export.stat().st_size / 1e6:.0f} MB, demo wrote it in {seconds:.1f} s", flush=True)
    ours_out, peer_out = folder / "ours.csv", folder / "peer.csv"
    print(f"reclassify, {rows:,} rows (load {load()}):", flush=True)
    ours_cmd = cli("reclassify", str(export), "-o", str(ours_out))
    peer_cmd = analyst(str(export), str(peer_out), "--today", TODAY)
    fast, peer, fast_mb, peer_mb = side_by_side("reclassify", ours_cmd, peer_cmd, repeat)
    # Compared in small pieces: a child forked from a parent that held the files would report
    # the parent's memory as its own peak (Linux counts ru_maxrss from before exec).
    identical = filecmp.cmp(ours_out, peer_out, shallow=False)
    report.append(f"reclassify {rows:,}: {fast:.2f} s vs analyst polars {peer:.2f} s = {fast / peer:.2f}x (target <= 1.0x) "
                  f"[CPU {cpu(ours_cmd):.2f} s vs {cpu(peer_cmd):.2f} s]; peak {fast_mb:.0f} MB vs {peer_mb:.0f} MB "
                  f"(target <= 300 MB, no higher at 10M); outputs identical: {identical}")
    print(f"tally, {rows:,} classified rows (load {load()}):", flush=True)
    ours_json, peer_json = folder / "tally-ours.json", folder / "tally-peer.json"
    tally_cmd, group_cmd = cli("tally", str(ours_out), "--json"), analyst(str(ours_out), "--tally")
    mine: list[tuple[float, float]] = []
    theirs: list[tuple[float, float]] = []
    for round_ in range(1, repeat + 1):
        mine.append(run(tally_cmd, ours_json))
        theirs.append(run(group_cmd, peer_json))
        print(f"  tally round {round_}: ours {mine[-1][0]:.2f} s ({mine[-1][1]:.0f} MB), polars group_by {theirs[-1][0]:.2f} s "
              f"({theirs[-1][1]:.0f} MB)", flush=True)
    tally_s, group_s = statistics.median(s for s, _ in mine), statistics.median(s for s, _ in theirs)
    report.append(f"tally {rows:,}: {tally_s:.2f} s vs polars group_by {group_s:.2f} s = {tally_s / group_s:.2f}x (target <= 1.0x) "
                  f"[CPU {cpu(tally_cmd):.2f} s vs {cpu(group_cmd):.2f} s]; "
                  f"peak {max(m for _, m in mine):.0f} MB vs {max(m for _, m in theirs):.0f} MB; "
                  f"same counts: {same_counts(ours_json, peer_json)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--big", action="store_true", help="also run reclassify and tally at 10 x --rows")
    parser.add_argument("--keep", type=Path, help="folder to keep (and reuse) the exports in")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="bench-reclassify-"))
    folder.mkdir(parents=True, exist_ok=True)
    print(f"load average at start: {load()} ({os.cpu_count()} cores)", flush=True)
    report: list[str] = []

    demo_cmd = cli("demo", "-n", str(args.rows), "--seed", "1", "-o", str(folder / "demo.csv"))
    demo_runs = [run(demo_cmd)[0] for _ in range(args.repeat)]
    report.append(f"demo -n {args.rows:,}: median {statistics.median(demo_runs):.2f} s (target <= 5 s) [CPU {cpu(demo_cmd):.2f} s]")
    one = folder / "en.json"
    one.write_text(json.dumps(ONE), encoding="utf-8")
    classify_cmd = cli("classify", str(one))
    starts = [run(classify_cmd)[0] for _ in range(max(5, args.repeat))]
    report.append(f"classify cold start (whole process): median {statistics.median(starts) * 1000:.0f} ms (target <= 150 ms) "
                  f"[CPU {cpu(classify_cmd) * 1000:.0f} ms]")
    measure(args.rows, args.repeat, folder, report)
    if args.big:
        measure(args.rows * 10, args.repeat, folder, report)
    print(f"\nload average at end: {load()}")
    print("\n".join(["", "figure vs target:", *("  " + line for line in report)]))


if __name__ == "__main__":
    main()
