"""HTML → PDF through headless Chromium (`--print-to-pdf`): the one place that starts a browser.

Hazards handled: Chromium is an optional system program (a clear message when it is missing,
never a traceback); as root it needs --no-sandbox; it must not touch the network or the user's
profile (a fresh --user-data-dir, background networking and updates off); it may hang, so it
runs with a timeout; the PDF is written beside the target and renamed into place, whole or
not at all.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-pdf-header-footer")
TIMEOUT_SECONDS = 90


class ChromiumMissing(Exception):
    """No Chromium to print with; the message says how to get one or to use .html instead."""


def chromium() -> str:
    """The browser to use: RUSMATRISE_CHROMIUM if set, else the first of CANDIDATES on PATH."""
    chosen = os.environ.get("RUSMATRISE_CHROMIUM", "").strip()
    found = shutil.which(chosen) if chosen else next((p for p in map(shutil.which, CANDIDATES) if p), None)
    if not found:
        raise ChromiumMissing(chosen or ", ".join(CANDIDATES))
    return found


def run_chromium(*arguments: str) -> None:
    """Run headless Chromium with a throwaway profile; CalledProcessError/TimeoutExpired on failure."""
    browser = chromium()
    with tempfile.TemporaryDirectory(prefix="rusmatrise-chromium-") as profile:
        subprocess.run([browser, *FLAGS, f"--user-data-dir={profile}", *arguments], check=True, capture_output=True,
                       timeout=TIMEOUT_SECONDS)


def html_to_pdf(html: str, target: Path) -> None:
    """Print `html` to the PDF `target` (A4, as the page's print CSS says)."""
    target = Path(target)
    with tempfile.TemporaryDirectory(prefix="rusmatrise-utskrift-") as work:
        page = Path(work) / "utskrift.html"
        page.write_text(html, encoding="utf-8")
        staged = Path(work) / "utskrift.pdf"
        run_chromium(f"--print-to-pdf={staged}", page.as_uri())
        if not staged.is_file() or staged.stat().st_size == 0:
            raise subprocess.CalledProcessError(1, "chromium --print-to-pdf")
        partial = target.with_name(f".{target.name}.tmp")
        shutil.copyfile(staged, partial)
        os.replace(partial, target)
