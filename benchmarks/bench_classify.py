"""Classification speed through the public Python API.

Prints classifications per second (parse + classify, the way the TUI and `classify` use it)
with a warm memo and with the memo cleared before every call (every call reaches
durable-rules), and the p50/p95 latency of one in-process `classify` call.

    .venv/bin/python benchmarks/bench_classify.py [--n 20000] [--seed 1]
"""

from __future__ import annotations

import argparse
import random
import statistics
import time

from matrix import load_matrix
from matrix.assessment import parse_assessment
from matrix.fields import DOMAIN_FIELDS, TILSYNSBEHOV, VARIGHET
from rules import Classifier


def random_assessments(n: int, seed: int, districts: list[str], housing: list[str]) -> list[dict[str, object]]:
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        row: dict[str, object] = {name: rng.randint(1, 5) for name in DOMAIN_FIELDS}
        row.update(
            person_id=f"B-{i}",
            bydel=rng.choice(districts),
            tilsynsbehov=rng.choice(TILSYNSBEHOV),
            behandlingsbehov=rng.choice(["ja", "nei"]),
            vold_trusler=rng.choice(["ja", "nei"]),
            brannrisiko=rng.choice(["ja", "nei"]),
            varighet=rng.choice(VARIGHET),
            boligsituasjon=rng.choice(housing),
            institusjonsinntak_12m=rng.randint(0, 15),
            vurdert_dato=f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        )
        rows.append(row)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    matrix = load_matrix()
    rows = random_assessments(args.n, args.seed, matrix.districts.names(), list(matrix.housing))
    assessments = [parse_assessment(row, matrix) for row in rows]

    classifier = Classifier(matrix)
    start = time.perf_counter()
    for row in rows:
        classifier.classify(parse_assessment(row, matrix))
    warm_total = time.perf_counter() - start

    cold = Classifier(matrix)
    start = time.perf_counter()
    for assessment in assessments:
        cold.forget()
        cold.classify(assessment)
    cold_total = time.perf_counter() - start

    latencies = []
    for assessment in assessments[:5000]:
        t0 = time.perf_counter_ns()
        classifier.classify(assessment)
        latencies.append((time.perf_counter_ns() - t0) / 1000)
    latencies.sort()
    p50 = statistics.median(latencies)
    p95 = latencies[int(len(latencies) * 0.95)]

    print(f"assessments: {args.n} (random profiles, seed {args.seed})")
    print(f"parse + classify, memo warm:        {args.n / warm_total:10.0f} per second")
    print(f"classify, engine every call (cold): {args.n / cold_total:10.0f} per second")
    print(f"one classify call in-process:        p50 {p50:7.1f} µs   p95 {p95:7.1f} µs")
    print(f"cold/warm time ratio: {cold_total / warm_total:.2f}")

    # Bounded memory: many engine evaluations in one process (each in its own, deleted state).
    before = resident_mb()
    for round_ in range(4):
        for assessment in assessments[:50_000]:
            cold.forget()
            cold.decide(assessment.model_dump(exclude={"ekstra"}))
        print(f"resident memory after {(round_ + 1) * min(len(assessments), 50_000):>7} more engine calls: {resident_mb():6.1f} MB"
              f" (started at {before:.1f} MB)")


def resident_mb() -> float:
    """Current resident set size (Linux), not the peak, so growth shows."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


if __name__ == "__main__":
    main()
