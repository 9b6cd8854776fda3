"""TUI responsiveness on a large caseload: startup to an interactive caseload, and the live
panel's latency after a keystroke.

Measured side by side in one run:

- startup: a fresh process (`python -c`, as `rusmatrise tui` would start) until the first
  frame showing the caseload's first page, on stores of 1,000 and 10,000 persons;
  in-process: App() until that frame;
- live panel: for keystrokes in the assessment form that change the classification, the time
  from the key event reaching the app until the panel's new content is computed (our work),
  and until the frame showing it is painted (Textual paints at most 60 times a second, so this
  includes waiting for the next frame tick).

    .venv/bin/python benchmarks/bench_tui.py [--persons 10000] [--keys 200]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TODAY = date(2025, 6, 1)

STARTUP_CHILD = r"""
import time
t0 = time.perf_counter()
import sys
from datetime import date
from casestore import open_store
from matrix import load_matrix
from textual.widgets import DataTable
from tui.app import RusmatriseApp

store = open_store(sys.argv[1])
app = RusmatriseApp(store, load_matrix(), today=date(2025, 6, 1), theme="textual-dark")
shown = []
original = app._display

def display(screen, renderable):
    original(screen, renderable)
    tables = screen.query(DataTable) if screen.is_mounted else []
    if not shown and tables and tables.first().row_count > 0:
        shown.append(time.perf_counter())
        app.call_later(app.exit)

app._display = display
app.run(headless=True, size=(120, 40))
print(f"{shown[0] - t0:.6f}")
"""


def build_store(path: Path, persons: int) -> float:
    from casestore import open_store
    from casestore.demo import fill_demo
    from matrix import load_matrix

    start = time.perf_counter()
    with open_store(str(path)) as store:
        fill_demo(store, load_matrix(), persons, seed=1, today=TODAY)
    return time.perf_counter() - start


def startup_in_new_process(db: Path, runs: int) -> tuple[list[float], list[float]]:
    """(process start → caseload frame, whole process wall time incl. interpreter start), seconds."""
    inside, wall = [], []
    for _ in range(runs):
        start = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", STARTUP_CHILD, str(db)], capture_output=True, text=True, cwd=REPO, check=True)
        wall.append(time.perf_counter() - start)
        inside.append(float(out.stdout.strip().splitlines()[-1]))
    return inside, wall


async def startup_in_process(db: Path, runs: int) -> list[float]:
    from textual.widgets import DataTable

    from casestore import open_store
    from matrix import load_matrix
    from tui.app import RusmatriseApp

    matrix = load_matrix()
    times = []
    for _ in range(runs):
        store = open_store(str(db))
        start = time.perf_counter()
        app = RusmatriseApp(store, matrix, today=TODAY, theme="textual-dark")
        shown: list[float] = []
        original = app._display

        def display(screen, renderable, app=app, shown=shown, original=original):  # type: ignore[no-untyped-def]
            original(screen, renderable)
            tables = screen.query(DataTable) if screen.is_mounted else []
            if not shown and tables and tables.first().row_count > 0:
                shown.append(time.perf_counter())

        app._display = display  # type: ignore[method-assign]
        async with app.run_test(size=(120, 40)) as pilot:
            while not shown:
                await pilot.pause(0.001)
        times.append(shown[0] - start)
        store.close()
    return times


async def live_panel(db: Path, keys: int) -> tuple[list[float], list[float], list[float], list[float]]:
    """Per keystroke: (key → panel computed, key → frame with it, time inside refresh_live, and
    the CPU time the app's thread spent from the key to that frame), ms. The CPU time leaves out
    waiting for a busy machine's other processes, so it is what a frame costs us on any machine."""
    from casestore import open_store
    from matrix import load_matrix
    from tui.app import RusmatriseApp
    from tui.screens.assessment import AssessmentScreen
    from tui.widgets.choice import ChoiceSet

    store = open_store(str(db))
    app = RusmatriseApp(store, load_matrix(), today=TODAY, theme="textual-dark", cursor_blink=False)
    computed: list[float] = []
    frames: list[float] = []
    handler: list[float] = []
    frame_cpu: list[float] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")  # the first person's latest assessment
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, AssessmentScreen)
        displays: list[float] = []
        original_display = app._display

        display_cpu: list[float] = []

        def display(s, r):  # type: ignore[no-untyped-def]
            original_display(s, r)
            displays.append(time.perf_counter())
            display_cpu.append(time.thread_time())

        app._display = display  # type: ignore[method-assign]
        done: list[float] = []
        original_live = screen.refresh_live

        def refresh_live() -> None:
            start = time.perf_counter()
            original_live()
            end = time.perf_counter()
            handler.append((end - start) * 1000)
            done.append(end)

        screen.refresh_live = refresh_live  # type: ignore[method-assign]
        received: list[float] = []
        received_cpu: list[float] = []
        original_key = ChoiceSet._on_key

        def on_key(self, event):  # type: ignore[no-untyped-def]
            received.append(time.perf_counter())
            received_cpu.append(time.thread_time())
            original_key(self, event)

        ChoiceSet._on_key = on_key  # type: ignore[method-assign]
        fields = ["#f-tilsynsbehov", "#f-atferd", "#f-boevne"]
        for i in range(keys):
            field = screen.query_one(fields[(i // 5) % len(fields)], ChoiceSet)
            if not field.has_focus:
                field.focus()
                await pilot.pause()
            received.clear()
            received_cpu.clear()
            done.clear()
            displays.clear()
            display_cpu.clear()
            await pilot.press("12345"[i % 5])
            await pilot.pause()
            if not received or not done:
                continue
            t0 = received[0]
            computed.append((done[0] - t0) * 1000)
            after = [i for i, d in enumerate(displays) if d >= done[0]]
            if after:
                frames.append((displays[after[0]] - t0) * 1000)
                frame_cpu.append((display_cpu[after[0]] - received_cpu[0]) * 1000)
        ChoiceSet._on_key = original_key  # type: ignore[method-assign]
        screen.dirty  # noqa: B018  (the screen is still alive)
        app.exit()
    store.close()
    return computed, frames, handler, frame_cpu


def summary(values: list[float], unit: str, scale: float = 1.0) -> str:
    ordered = sorted(v * scale for v in values)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    return f"median {statistics.median(ordered):.1f} {unit}, p95 {p95:.1f} {unit}, max {ordered[-1]:.1f} {unit} (n={len(ordered)})"


def startup(results: dict[str, object], stores: tuple[tuple[str, Path, int], ...], runs: int) -> None:
    """Startup to an interactive caseload for each (label, store, persons), in a new process and in this one."""
    for label, db, n in stores:
        inside, wall = startup_in_new_process(db, runs)
        in_process = asyncio.run(startup_in_process(db, runs))
        results[label] = {"persons": n, "process_to_caseload_s": inside, "process_wall_s": wall, "app_to_caseload_s": in_process}
        print(f"startup, {n} persons:")
        print(f"  new process → caseload frame:  {summary(inside, 'ms', 1000)}")
        print(f"  whole process incl. interpreter start and exit: {summary(wall, 'ms', 1000)}")
        print(f"  App() → caseload frame:        {summary(in_process, 'ms', 1000)}")
    ratio = statistics.median(results["large"]["process_to_caseload_s"]) / statistics.median(  # type: ignore[index]
        results["small"]["process_to_caseload_s"]  # type: ignore[index]
    )
    print(f"  ratio {stores[-1][2]} / {stores[0][2]} persons (new process → caseload): {ratio:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--persons", type=int, default=10_000)
    parser.add_argument("--keys", type=int, default=200)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", action="store_true", help="print the raw numbers as JSON")
    parser.add_argument("--live-only", action="store_true", help="measure only the keystrokes (no startup runs)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        small, large = Path(tmp) / "small.sqlite", Path(tmp) / "large.sqlite"
        small_n = max(1, args.persons // 10)
        results: dict[str, object] = {}
        if args.live_only:
            print(f"store built: {args.persons} persons in {build_store(large, args.persons):.1f} s")
        else:
            build_small = build_store(small, small_n)
            build_large = build_store(large, args.persons)
            print(f"store built: {small_n} persons in {build_small:.1f} s, {args.persons} persons in {build_large:.1f} s")
            startup(results, ((("small", small, small_n), ("large", large, args.persons))), args.runs)
        computed, frames, handler, frame_cpu = asyncio.run(live_panel(large, args.keys))
        results["live"] = {"key_to_panel_ms": computed, "key_to_frame_ms": frames, "refresh_live_ms": handler,
                           "key_to_frame_cpu_ms": frame_cpu}
        print("live panel, keystrokes that change the classification:")
        print(f"  inside refresh_live (parse + classify + render the panel): {summary(handler, 'ms')}")
        print(f"  key event → panel content ready:  {summary(computed, 'ms')}")
        print(f"  key event → frame painted:        {summary(frames, 'ms')}  (60 fps: one frame = 16.7 ms)")
        print(f"  the same, CPU time of the app:    {summary(frame_cpu, 'ms')}  (what the frame costs, without waiting)")
        if args.json:
            print(json.dumps(results))


if __name__ == "__main__":
    main()
