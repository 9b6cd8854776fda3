"""Where the TUI suggests writing a file: the user's documents folder, dated, never over an old one.

A relative name typed by the user is taken relative to that folder too, not to whatever
directory the TUI was started from, and the path shown afterwards is always the full one.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import platformdirs


def export_folder() -> Path:
    """The user's documents folder if there is one, else the home folder."""
    documents = Path(platformdirs.user_documents_dir())
    return documents if documents.is_dir() else Path.home()


def suggested_path(stem: str, suffix: str, day: date) -> Path:
    """`<documents>/<stem>-YYYY-MM-DD<suffix>`, with -2, -3, … added if that file exists."""
    folder = export_folder()
    candidate = folder / f"{stem}-{day.isoformat()}{suffix}"
    n = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{day.isoformat()}-{n}{suffix}"
        n += 1
    return candidate


def chosen_path(typed: str) -> Path:
    """What the user typed, as a full path (relative names inside the export folder)."""
    path = Path(typed.strip()).expanduser()
    return (path if path.is_absolute() else export_folder() / path).resolve()
