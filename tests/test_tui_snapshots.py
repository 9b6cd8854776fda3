"""SVG snapshots of the main screens (pytest-textual-snapshot).

Deterministic by construction: a fixed demo seed and "today", a fixed theme, the cursor blink
off. Regenerate on one Python version (3.11) with `pytest tests/test_tui_snapshots.py
--snapshot-update` and look at the SVGs before committing them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tui_pilot import make_app

from matrix import Matrix

SIZE = (100, 32)


@pytest.fixture(autouse=True)
def same_user_everywhere(monkeypatch: pytest.MonkeyPatch) -> None:
    """The header names the OS user (SQLite): the same name on every machine keeps the pictures equal."""
    monkeypatch.setattr("casestore.sqlite.os_user", lambda: "kari")


def test_caseload(snap_compare, tmp_path: Path, matrix: Matrix, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # the caseload names its store: a relative path keeps the picture the same
    app = make_app(Path("s.sqlite"), matrix, demo=120)
    assert snap_compare(app, terminal_size=SIZE)


def test_assessment_with_live_panel(snap_compare, tmp_path: Path, matrix: Matrix, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # the caseload names its store: a relative path keeps the picture the same
    app = make_app(Path("s.sqlite"), matrix, demo=120)
    assert snap_compare(app, press=["down", "down", "enter"], terminal_size=SIZE)


def test_matrix_reference_card(snap_compare, tmp_path: Path, matrix: Matrix, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # the caseload names its store: a relative path keeps the picture the same
    app = make_app(Path("s.sqlite"), matrix)
    assert snap_compare(app, press=["m"], terminal_size=SIZE)


def test_tallies(snap_compare, tmp_path: Path, matrix: Matrix, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # the caseload names its store: a relative path keeps the picture the same
    app = make_app(Path("s.sqlite"), matrix, demo=120)

    async def counted(pilot) -> None:
        await pilot.press("t")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(app, run_before=counted, terminal_size=SIZE)
