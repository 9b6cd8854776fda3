"""Checking that a citation's quote (`sitat`) really is in the cited document.

The seed documents are plain text; the PRIOslo report is OCR output, so a quote is looked up
after normalising both sides the same way: words broken over a line end with a hyphen are
joined, and every run of whitespace becomes one space. OCR misreadings (such as «g» for «ø»)
are not mended: a quote repeats the text as it stands in the file, so a wrong quote cannot
pass by being "close".
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

_BROKEN_WORD = re.compile(r"(\w)-[ \t]*\n[ \t]*(\w)")
_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Join hyphenated line breaks, collapse whitespace, and trim."""
    return _SPACE.sub(" ", _BROKEN_WORD.sub(r"\1\2", text)).strip()


def read_corpus(folder: Path) -> str:
    """Every .txt file of `folder`, normalised and joined (files kept apart by a newline)."""
    return "\n".join(normalise(path.read_text(encoding="utf-8")) for path in sorted(folder.glob("*.txt")))


def quoted(quote: str, corpus: str) -> bool:
    """Whether `quote` occurs in a corpus made by `read_corpus`."""
    wanted = normalise(quote)
    return bool(wanted) and wanted in corpus


def citations(data: Any, path: str = "") -> Iterator[tuple[str, Mapping[str, Any]]]:
    """Every table in parsed TOML that has a `kilde`, with its key path."""
    if isinstance(data, Mapping):
        if "kilde" in data:
            yield path, data
        for key, value in data.items():
            yield from citations(value, f"{path}.{key}" if path else str(key))
    elif isinstance(data, list):
        for index, item in enumerate(data):
            yield from citations(item, f"{path}[{index}]")
