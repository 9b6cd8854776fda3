"""The core stays headless: matrix, rules, service_chain, casefiles, casestore and tallies never load Textual.

Checked in a fresh interpreter, importing every module of those packages, so an indirect
import (through another package) is caught as well as a direct one.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
HEADLESS = ("matrix", "rules", "service_chain", "casefiles", "casestore", "tallies")

PROBE = """
import importlib, pkgutil, sys
for name in sys.argv[1:]:
    package = importlib.import_module(name)
    for info in pkgutil.walk_packages(package.__path__, prefix=name + "."):
        importlib.import_module(info.name)
loaded = sorted(m for m in sys.modules if m == "textual" or m.startswith(("textual.", "tui")))
print(",".join(loaded))
"""


def test_core_packages_never_import_textual_or_the_tui() -> None:
    present = [name for name in HEADLESS if (REPO / name / "__init__.py").exists()]
    assert {"matrix", "rules", "service_chain", "casestore"} <= set(present)
    result = subprocess.run([sys.executable, "-c", PROBE, *present], capture_output=True, text=True, cwd=REPO, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"headless packages loaded: {result.stdout.strip()}"


def test_the_probe_would_notice_textual() -> None:
    """The check itself works: importing the TUI does load Textual."""
    result = subprocess.run([sys.executable, "-c", PROBE, "tui"], capture_output=True, text=True, cwd=REPO, check=False)
    assert result.returncode == 0, result.stderr
    assert "textual" in result.stdout.split(",")
