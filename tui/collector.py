"""Python's cyclic garbage collector, kept out of the way of keystrokes.

A full collection walks every object the process holds: with a caseload of 10,000 persons and
Textual's caches that is about 200,000 objects, 100–500 ms. Left to itself the collector ran
one every dozen keystrokes in the assessment form (`benchmarks/bench_tui.py`: 16 full
collections in 200 keystrokes, the longest 510 ms on a busy machine), and such a keystroke
misses many frames. So, while the TUI runs:

- the objects that live for the session (the matrix, the rules engine, the screens) are frozen
  out of the collector's walks (`gc.freeze`);
- the young generations are collected as usual (a few ms), but a full collection is never
  started by allocation, only by `collect_when_idle`: once the user has paused for
  IDLE_SECONDS after a keystroke, so nothing typed waits for it;
- on exit the collector is as it was (tests run many apps in one process).
"""

from __future__ import annotations

import gc
import time

IDLE_SECONDS = 2.0  # a pause in typing this long is when a full collection may run
CHECK_SECONDS = 1.0  # how often the app asks
_NEVER_BY_ALLOCATION = 1_000_000_000  # young collections before a full one: never, in practice


class IdleCollector:
    """Freezes the session's objects and runs full collections only when the user pauses."""

    def __init__(self) -> None:
        self._saved: tuple[int, int, int] | None = None
        self._last_input = time.monotonic()
        self._input_since_collection = False

    def start(self) -> None:
        if self._saved is not None:
            return
        self._saved = gc.get_threshold()
        gc.collect()
        gc.freeze()
        young, middle, _ = self._saved
        gc.set_threshold(young, middle, _NEVER_BY_ALLOCATION)

    def input_seen(self) -> None:
        self._last_input = time.monotonic()
        self._input_since_collection = True

    def collect_when_idle(self) -> bool:
        """A full collection if there was input and the user has paused since; True if it ran."""
        if self._saved is None or not self._input_since_collection or time.monotonic() - self._last_input < IDLE_SECONDS:
            return False
        self._input_since_collection = False
        gc.unfreeze()  # garbage among the frozen objects is found too; the survivors are frozen again
        gc.collect()
        gc.freeze()
        return True

    def stop(self) -> None:
        if self._saved is None:
            return
        gc.unfreeze()
        gc.set_threshold(*self._saved)
        self._saved = None
