"""Where the case store lives: `--db URL` (a path or sqlite:/// URL) or the default file."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

import platformdirs

from casestore.store import StoreError

DEFAULT_FILE = "rusmatrise.sqlite"


def default_path() -> Path:
    """The SQLite file in the user's data directory (e.g. ~/.local/share/rusmatrise/)."""
    return Path(platformdirs.user_data_dir("rusmatrise", appauthor=False)) / DEFAULT_FILE


def sqlite_path(url: str | None) -> Path:
    """The SQLite file a --db value names; StoreError for anything else."""
    if url is None or not url.strip():
        return default_path()
    text = url.strip()
    scheme = urlsplit(text).scheme.lower() if "://" in text else ""
    if scheme in ("postgres", "postgresql") or scheme.startswith("postgresql+"):
        raise StoreError("store_postgres", url=f"{scheme}://…")  # the rest may hold a password
    if scheme == "":
        return Path(text).expanduser()
    if scheme == "sqlite":
        # sqlite:///relative/or/abs (SQLAlchemy style): three slashes then the path as given;
        # sqlite:////abs for an absolute path is accepted too.
        rest = text.split("://", 1)[1]
        path = unquote(rest[1:] if rest.startswith("/") else rest)
        if path:
            return Path(path).expanduser()
    raise StoreError("store_url", url=f"{scheme}://…" if scheme else text)
