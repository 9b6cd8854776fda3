"""Helpers for the TUI tests: a real app on a real SQLite file, and the screen as plain text."""

from __future__ import annotations

import asyncio
import functools
import io
from collections.abc import Callable, Coroutine
from datetime import date
from pathlib import Path
from typing import Any

from rich.console import Console
from textual.widget import Widget
from textual.widgets import Static

from casestore import SQLiteStore, open_store
from casestore.demo import fill_demo
from matrix import Matrix
from tui.app import RusmatriseApp

TODAY = date(2025, 6, 1)
SIZE = (120, 40)


def make_app(db: Path, matrix: Matrix, demo: int = 0, lang: str = "nb") -> RusmatriseApp:
    store = open_store(str(db))
    assert isinstance(store, SQLiteStore)
    if demo:
        fill_demo(store, matrix, demo, seed=7, today=TODAY)
    return RusmatriseApp(store, matrix, lang=lang, today=TODAY, theme="textual-dark", cursor_blink=False)  # type: ignore[arg-type]


def screen_text(app: RusmatriseApp) -> str:
    """What a person would read on the screen now (no colours)."""
    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), force_terminal=True, color_system=None, record=True)
    console.print(app.screen._compositor.render_update(full=True, screen_stack=app._background_screens, simplify=True))
    return console.export_text()


def pilot_test(test: Callable[..., Coroutine[Any, Any, None]]) -> Callable[..., None]:
    """Run an async test on a fresh event loop (no async pytest plugin needed); fixtures as usual."""

    @functools.wraps(test)
    def run(*args: Any, **kwargs: Any) -> None:
        asyncio.run(test(*args, **kwargs))

    return run


def text_of(widget: Widget) -> str:
    """The words in a widget and its Static children, whitespace collapsed."""
    statics = [widget] if isinstance(widget, Static) else list(widget.query(Static))
    parts = []
    for static in statics:
        content = static.content
        parts.append(getattr(content, "plain", str(content)))
    return " ".join(" ".join(parts).split())


async def until(pilot: Any, done: Callable[[], bool], seconds: float = 30) -> None:
    """Pause until `done()` holds (for screens with a never-ending worker, such as a directory tree's loader)."""
    for _ in range(int(seconds / 0.05)):
        if done():
            break
        await pilot.pause(0.05)
    await pilot.pause()
