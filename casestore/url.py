"""Where the case store lives: `--db URL` (a path, sqlite:/// or postgresql:// URL) or the default file."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

import platformdirs

from casestore.store import StoreError

DEFAULT_FILE = "rusmatrise.sqlite"


def default_path() -> Path:
    """The SQLite file in the user's data directory (e.g. ~/.local/share/rusmatrise/)."""
    return Path(platformdirs.user_data_dir("rusmatrise", appauthor=False)) / DEFAULT_FILE


def is_postgres(url: str | None) -> bool:
    text = (url or "").strip()
    scheme = urlsplit(text).scheme.lower() if "://" in text else ""
    return scheme in ("postgres", "postgresql")


def shown_url(url: str) -> str:
    """A --db value fit for a message: a PostgreSQL URL without its password."""
    if not is_postgres(url):
        return url
    parts = urlsplit(url.strip())
    host = parts.hostname or ""
    user = f"{parts.username}@" if parts.username else ""
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{user}{host}{port}{parts.path}"


def sqlite_path(url: str | None) -> Path:
    """The SQLite file a --db value names; StoreError for anything else (PostgreSQL included)."""
    if url is None or not url.strip():
        return default_path()
    text = url.strip()
    scheme = urlsplit(text).scheme.lower() if "://" in text else ""
    if scheme in ("postgres", "postgresql") or scheme.startswith("postgresql+"):
        raise StoreError("store_url", url=f"{scheme}://…")  # not a file; the rest may hold a password
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
