"""One text convention (issue 11, structure): every user-facing text is a key in a `MESSAGES`
dict of a module listed in `matrix.messages.CATALOG_MODULES`, looked up with `t`; no module
adds texts to the catalog as a side effect of being imported, and no module keeps a dict of
texts of its own (the tally workbook's column explanations were one, `casestore.innsyn`'s texts
were registered on import)."""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from matrix import Matrix
from matrix.messages import CATALOG_MODULES, LANGS, Lang, catalog, t
from tallies.count import tally, write_tally
from tests.conftest import REPO


def test_every_catalog_text_comes_from_a_listed_module() -> None:
    """In a fresh interpreter, import every module of the product: the catalog then holds exactly
    the listed modules' MESSAGES, each key from one module."""
    script = """
import importlib, pkgutil, sys
from matrix.messages import CATALOG_MODULES, catalog
for package in ("matrix", "rules", "service_chain", "casefiles", "casestore", "tallies", "casedoc", "cli", "tui"):
    for found in pkgutil.walk_packages(importlib.import_module(package).__path__, package + "."):
        if not found.name.endswith("__main__"):  # running a package is not importing it
            importlib.import_module(found.name)
listed = {}
for name in CATALOG_MODULES:
    for key in getattr(importlib.import_module(name), "MESSAGES", {}):
        assert key not in listed, f"{key} in {listed[key]} and {name}"
        listed[key] = name
extra = sorted(set(catalog()) - set(listed))
assert not extra, f"texts registered outside CATALOG_MODULES: {extra}"
"""
    done = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]


def test_the_access_request_texts_are_in_the_catalog_without_importing_it() -> None:
    """`casestore.innsyn`'s texts are found by the lookup alone (its module is listed)."""
    assert "casestore.innsyn" in CATALOG_MODULES
    module = importlib.import_module("casestore.innsyn")
    assert set(module.MESSAGES) <= set(catalog())
    assert t("innsyn_bydel", "en", bydel="Alna") == "District now: Alna"


@pytest.mark.parametrize("lang", LANGS)
def test_the_tally_workbook_explains_its_columns_from_the_catalog(lang: Lang, matrix: Matrix, tmp_path: Path) -> None:
    rows = [{"bydel": "Alna", "gruppe": 5, "boligtype": "x", "boligstandard": "forsterket", "ansvar": "bydel", "dekning": "udekket"}]
    target = tmp_path / "opptelling.xlsx"
    write_tally(target, tally(rows, ("bydel", "gruppe"), matrix), lang=lang)
    sheet = load_workbook(target)[t("tally_forklaring", lang)[:31]]
    explained = {row[0]: row[1] for row in sheet.iter_rows(min_row=2, values_only=True) if row[0] and row[1]}
    texts = {entry[lang] for entry in catalog().values()}
    for column in ("bydel", "gruppe", "antall", "dekning", t("behov_mangel", lang), t("behov_overskudd", lang)):
        assert explained[column] in texts, column
    assert explained["bydel"] == t("forklaring_bydel", lang)
