"""Regenerate the report picture for the README: a synthetic store with some history, the
report as HTML, and a PNG of its first page taken by headless Chromium.

    .venv/bin/python docs/screenshots/report.py

Everything is synthetic (the demo caseload with a fixed seed, follow-up assessments and a few
overrides made up here), so the picture only changes when the report does.
"""

from __future__ import annotations

import random
import shutil
import subprocess
import tempfile
from datetime import date, timedelta
from pathlib import Path

from casestore import CaseFilter, decide, open_store
from casestore.demo import DEMO_SEED, fill_demo
from matrix import load_matrix
from matrix.assessment import parse_assessment
from rules import Classifier
from tallies.history import snapshots_from_store
from tallies.report import build_report
from tallies.report_file import write_report

HERE = Path(__file__).resolve().parent
TODAY = date(2025, 6, 1)
SUPPLY_DAY = date(2026, 1, 1)
REASONS = ("vold og trusler etter kartleggingen", "brukers ønske om å bo i egen bydel", "ny vurdering fra spesialisthelsetjenesten")
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


def add_history(store: object, matrix: object, rng: random.Random) -> None:
    """Follow-up assessments for persons without a home, and decisions (some overriding)."""
    classifier = Classifier(matrix)
    rows = store.caseload(CaseFilter(), limit=10_000)
    for row in rows:
        data = dict(row.data)
        if data.get("boligsituasjon") in ("institusjon", "midlertidig") and rng.random() < 0.6:
            data["vurdert_dato"] = (row.vurdert_dato + timedelta(days=rng.randrange(60, 240))).isoformat()
            data["boligsituasjon"] = rng.choice(["ordinar_bolig", "samlokalisert_delvis", "samlokalisert_heldogn"])
            assessment = parse_assessment(data, matrix)
            store.record(assessment, classifier.classify(assessment, today=TODAY))
    for row in store.caseload(CaseFilter(), limit=10_000):
        if rng.random() < 0.5:
            assessment = parse_assessment(row.data, matrix)
            result = classifier.classify(assessment, today=TODAY)
            override = rng.random() < 0.15 and result.gruppe < 7
            final = result.gruppe + 1 if override else result.gruppe
            store.record_decision(row.assessment_id, decide(matrix, assessment, result, final,
                                                            rng.choice(REASONS) if override else None))


def main() -> None:
    matrix = load_matrix()
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(str(Path(folder) / "demo.sqlite"))
        fill_demo(store, matrix, n=800, seed=DEMO_SEED, today=TODAY)
        add_history(store, matrix, random.Random(DEMO_SEED))
        report = build_report(snapshots_from_store(store, matrix), matrix, None, SUPPLY_DAY, "nb")
        store.close()
        html = Path(folder) / "rapport.html"
        write_report(report, html)
        subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                        f"--user-data-dir={Path(folder) / 'profile'}", "--window-size=1000,1900",
                        f"--screenshot={HERE / 'report.png'}", html.as_uri()], check=True, capture_output=True, timeout=180)
    print(f"Wrote {HERE / 'report.png'}")


if __name__ == "__main__":
    main()
