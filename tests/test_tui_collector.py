"""Full garbage collections wait for a pause in typing, and the collector is restored on exit."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

import pytest
from tui_pilot import SIZE, make_app, pilot_test

from matrix import Matrix
from tui import collector
from tui.collector import IdleCollector


class _Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the cyclic collector frees it


def test_full_collections_wait_for_a_pause_and_still_free_cycles(monkeypatch: pytest.MonkeyPatch) -> None:
    before = gc.get_threshold()
    idle = IdleCollector()
    idle.start()
    try:
        assert gc.get_threshold()[:2] == before[:2] and gc.get_threshold()[2] > 10**6  # young ones as usual
        assert gc.get_freeze_count() > 0
        node = _Node()
        gone = weakref.ref(node)
        del node
        idle.input_seen()
        assert not idle.collect_when_idle()  # typing: not now
        monkeypatch.setattr(collector, "IDLE_SECONDS", 0.0)
        assert idle.collect_when_idle() and gone() is None  # the pause: collected
        assert not idle.collect_when_idle()  # nothing typed since: nothing to do
    finally:
        idle.stop()
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0


@pilot_test
async def test_the_app_holds_full_collections_back_while_it_runs(tmp_path: Path, matrix: Matrix) -> None:
    before = gc.get_threshold()
    app = make_app(tmp_path / "case.sqlite", matrix, demo=5)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert gc.get_threshold()[2] > 10**6
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0
