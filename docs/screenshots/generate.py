"""Regenerate the README screenshots: SVGs exported by the app itself on the demo caseload.

    .venv/bin/python docs/screenshots/generate.py

Fixed demo seed, "today" and theme, so the pictures only change when the screens do.
"""

from __future__ import annotations

import asyncio
import os
import tempfile
from datetime import date
from pathlib import Path

import casestore.sqlite
from casestore import open_store
from casestore.demo import DEMO_PERSONS, DEMO_SEED, fill_demo
from matrix import Matrix, load_matrix
from tui.app import RusmatriseApp

HERE = Path(__file__).resolve().parent
# The pictures name a typical caseworker, not whoever runs this script (the header and the
# case document show the store's identity: on SQLite the OS user, marked unverified).
casestore.sqlite.os_user = lambda: "kari"
TODAY = date(2025, 6, 1)
SIZE = (120, 36)


async def shoot(app: RusmatriseApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.save_screenshot("caseload.svg", str(HERE))
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        app.save_screenshot("assessment.svg", str(HERE))
        await pilot.press("escape", "t")
        await app.workers.wait_for_complete()
        await pilot.pause()
        app.save_screenshot("tallies.svg", str(HERE))


def main() -> None:
    matrix = load_matrix()
    with tempfile.TemporaryDirectory() as tmp:
        os.chdir(tmp)  # the caseload names its store: "demo.sqlite", as ./scripts/start.sh makes it
        store = open_store("demo.sqlite")
        fill_demo(store, matrix, DEMO_PERSONS, DEMO_SEED, TODAY)
        app = RusmatriseApp(store, matrix, today=TODAY, theme="textual-dark", cursor_blink=False)
        asyncio.run(shoot(app))
        store.close()
        shoot_document(matrix)
    for name in ("caseload.svg", "assessment.svg", "tallies.svg", "utskrift.png"):
        print(HERE / name)


def shoot_document(matrix: Matrix) -> None:
    """The case document (rusmatrise utskrift) of a demo person with an overridden suggestion, as Chromium shows it."""
    from casedoc import case_document_html
    from casedoc.pdf import run_chromium
    from casestore import CaseFilter, decide
    from matrix.assessment import parse_assessment
    from rules import Classifier

    classifier = Classifier(matrix)
    with open_store("demo.sqlite") as store:
        row = next(r for r in store.caseload(CaseFilter(), limit=200) if 2 <= r.suggested_gruppe <= 5 and not r.decided)
        latest = store.latest_assessment(row.person_id)
        assessment = parse_assessment(latest.data, matrix)
        result = classifier.classify(assessment, today=TODAY)
        final = result.gruppe + 1
        store.record_decision(latest.id, decide(matrix, assessment, result, final,
                                                "Nylig utskrevet fra institusjon; trenger personale nær seg de første månedene"))
        html = case_document_html(store.history(row.person_id), classifier, "nb", TODAY, store.identity())
    page = Path("utskrift.html").resolve()
    page.write_text(html, encoding="utf-8")
    run_chromium(f"--screenshot={HERE / 'utskrift.png'}", "--window-size=794,1123", page.as_uri())


if __name__ == "__main__":
    main()
