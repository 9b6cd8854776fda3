"""Load on the case store: concurrent caseworkers saving while a planner tallies.

N caseworker processes (default 30), two per district across Oslo's 15 districts, each save M
assessments (default 200, each with a decision) as fast as they can, all starting together,
while one planner process runs tallies in a loop. Reported per backend, side by side in one
run: throughput (saves/s over the whole run), p50/p95/p99 latency of one save, tallies done,
rows lost (saves reported as committed but not in the store: must be 0) and whether the hash
chain verifies afterwards.

PostgreSQL runs in a throwaway cluster on a free loopback port (TCP, as a real deployment
would), each caseworker logged in as their own `saksbehandler` with row-level security on; the
planner as `planlegger`. SQLite is one file that every process opens.

    .venv/bin/python benchmarks/bench_store.py [--workers 30] [--saves 200] [--backend both|postgres|sqlite]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

DISTRICTS = (
    "Gamle Oslo", "Grünerløkka", "Sagene", "St. Hanshaugen", "Frogner", "Ullern", "Vestre Aker", "Nordre Aker",
    "Bjerke", "Grorud", "Stovner", "Alna", "Østensjø", "Nordstrand", "Søndre Nordstrand",
)  # fmt: skip
LEVELS = ("ingen", "ukentlig", "daglig", "dagtid", "heldogn")


def _caseworker(url: str, worker: int, saves: int, start: float, out: str) -> None:
    from casestore import decide, open_store
    from matrix import load_matrix
    from matrix.assessment import parse_assessment
    from rules import Classifier

    matrix = load_matrix()
    classifier = Classifier(matrix)
    bydel = DISTRICTS[worker % len(DISTRICTS)]
    work = []
    for i in range(saves):  # parse and classify before the clock starts: the store is measured
        raw = {
            "person_id": f"W{worker:02d}-{i % 50:03d}", "bydel": bydel, "boevne": 1 + i % 5, "rus": 2, "psykisk_helse": 3,
            "somatisk_helse": 1, "atferd": 1 + i % 3, "sosial_fungering": 2, "tilsynsbehov": LEVELS[i % 5],
            "behandlingsbehov": "nei", "vold_trusler": "nei", "brannrisiko": "nei", "varighet": "langvarig",
            "boligsituasjon": "bostedslos", "vurdert_dato": f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}", "brukers_onske": f"ønske {i}",
        }  # fmt: skip
        assessment = parse_assessment(raw, matrix)
        result = classifier.classify(assessment)
        work.append((assessment, result, decide(matrix, assessment, result, result.gruppe)))
    store = open_store(url)
    while time.time() < start:
        time.sleep(0.005)
    latencies = []
    committed = []
    errors = 0
    for assessment, result, decision in work:
        began = time.perf_counter()
        try:
            committed.append(store.record(assessment, result, decision))
        except Exception:  # counted and reported; a lost save is what the run is about
            errors += 1
        latencies.append(time.perf_counter() - began)
    store.close()
    Path(out).write_text(json.dumps({"latencies": latencies, "committed": committed, "errors": errors}), encoding="utf-8")


def _planner(url: str, start: float, stop_file: str, out: str) -> None:
    from casestore import open_store

    store = open_store(url)
    while time.time() < start:
        time.sleep(0.005)
    tallies = 0
    persons = 0
    while not Path(stop_file).exists():
        persons = sum(1 for _ in store.tally_records())
        tallies += 1
    store.close()
    Path(out).write_text(json.dumps({"tallies": tallies, "last_count": persons}), encoding="utf-8")


def run_load(label: str, worker_urls: list[str], planner_url: str, check_url: str, saves: int, tmp: Path) -> dict[str, object]:
    ctx = mp.get_context("spawn")
    start = time.time() + 8.0 + 0.4 * len(worker_urls)  # every process has loaded the rules and connected by then
    stop_file = tmp / f"{label}.stop"
    outs = [tmp / f"{label}-w{i}.json" for i in range(len(worker_urls))]
    workers = [ctx.Process(target=_caseworker, args=(url, i, saves, start, str(outs[i]))) for i, url in enumerate(worker_urls)]
    planner = ctx.Process(target=_planner, args=(planner_url, start, str(stop_file), str(tmp / f"{label}-p.json")))
    for process in (*workers, planner):
        process.start()
    for process in workers:
        process.join()
    end = max(Path(o).stat().st_mtime for o in outs)
    stop_file.touch()
    planner.join()
    results = [json.loads(o.read_text(encoding="utf-8")) for o in outs]
    latencies = sorted(x for r in results for x in r["latencies"])
    committed = [a for r in results for a in r["committed"]]

    from casestore import open_store

    with open_store(check_url, create=False) as store:
        breach, head = store.verify()
    stored_ids = _assessment_ids(check_url)
    lost = len(set(committed) - stored_ids)
    quantiles = statistics.quantiles(latencies, n=100)
    planner_result = json.loads((tmp / f"{label}-p.json").read_text(encoding="utf-8"))
    return {
        "backend": label,
        "saves": len(committed),
        "errors": sum(r["errors"] for r in results),
        "seconds": round(end - start, 2),
        "saves_per_s": round(len(committed) / max(end - start, 1e-9), 1),
        "p50_ms": round(quantiles[49] * 1000, 1),
        "p95_ms": round(quantiles[94] * 1000, 1),
        "p99_ms": round(quantiles[98] * 1000, 1),
        "tallies": planner_result["tallies"],
        "rows_lost": lost,
        "verify": "intact" if breach is None else f"BROKEN at {breach.table} {breach.row_id}",
        "chain_records": head.records,
    }


def _assessment_ids(url: str) -> set[int]:
    if url.startswith("postgresql://"):
        import psycopg

        with psycopg.connect(url) as conn:
            return {row[0] for row in conn.execute("SELECT id FROM assessments")}
    import sqlite3

    conn = sqlite3.connect(url)
    try:
        return {row[0] for row in conn.execute("SELECT id FROM assessments")}
    finally:
        conn.close()


def postgres_load(workers: int, saves: int, tmp: Path) -> dict[str, object]:
    from cli.main import main
    from tests.pg_cluster import Cluster

    cluster = Cluster(tcp=True)
    try:
        db = cluster.new_database()
        owner = cluster.tcp_url(db)
        assert main(["db", "init", "--db", owner]) == 0
        urls = []
        for i in range(workers):
            name = f"sb{i:02d}"
            assert (
                main(["db", "user", "add", name, "--role", "saksbehandler", "--bydel", DISTRICTS[i % len(DISTRICTS)], "--db", owner]) == 0
            )
            urls.append(cluster.tcp_url(db, name))
        assert main(["db", "user", "add", "planner", "--role", "planlegger", "--db", owner]) == 0
        return run_load("postgres", urls, cluster.tcp_url(db, "planner"), owner, saves, tmp)
    finally:
        cluster.remove()


def sqlite_load(workers: int, saves: int, tmp: Path) -> dict[str, object]:
    from casestore import open_store

    path = str(tmp / "bench.sqlite")
    open_store(path).close()
    return run_load("sqlite", [path] * workers, path, path, saves, tmp)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", type=int, default=30)
    parser.add_argument("--saves", type=int, default=200)
    parser.add_argument("--backend", choices=("both", "postgres", "sqlite"), default="both")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-store-") as tmp:
        if args.backend in ("both", "postgres"):
            rows.append(postgres_load(args.workers, args.saves, Path(tmp)))
        if args.backend in ("both", "sqlite"):
            rows.append(sqlite_load(args.workers, args.saves, Path(tmp)))
    print(f"{args.workers} caseworker processes × {args.saves} saves (each with a decision), one planner tallying throughout")
    keys = list(rows[0])
    print(" | ".join(keys))
    for row in rows:
        print(" | ".join(str(row[k]) for k in keys))


if __name__ == "__main__":
    main()
