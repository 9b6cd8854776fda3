"""The run manifest beside every reclassified file: what went in, under which rules, what came out."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

from casefiles.fastpath import RunStats
from casefiles.readers import Source
from matrix.load import Matrix


def manifest_path(output: str | Path) -> Path:
    """OUTPUT.manifest.json (SPEC section 5)."""
    target = Path(output)
    return target.with_name(target.name + ".manifest.json")


def _version() -> str:
    try:
        return metadata.version("rusmatrise")
    except metadata.PackageNotFoundError:
        return "ukjent"


def _file_sha256(path: str | Path) -> str:
    digest = hashlib.sha256()
    with Path(path).open("rb") as file:
        while chunk := file.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


@dataclass
class RunRecord:
    source: Source
    matrix: Matrix
    output: Path
    rejects: Path
    mapping: Path | None
    today: date
    started: datetime
    finished: datetime
    stats: RunStats

    def as_json(self) -> dict[str, Any]:
        stats = self.stats
        return {
            "program": {"navn": "rusmatrise", "versjon": _version()},
            "inndata": {
                "fil": str(self.source.path),
                "sha256": self.source.sha256,
                "format": self.source.kind,
                "tegnsett": self.source.encoding if self.source.kind != "xlsx" else None,
                "skilletegn": self.source.delimiter,
                "bytes": self.source.scan.size,
            },
            "kolonnemapping": None if self.mapping is None else {"fil": str(self.mapping), "sha256": _file_sha256(self.mapping)},
            "matrise": {"fil": self.matrix.path, "versjon": self.matrix.version, "sha256": self.matrix.sha256},
            "utdata": {"fil": str(self.output), "avvist": str(self.rejects)},
            "dato_brukt": self.today.isoformat(),
            "antall": {
                "lest": stats.rows,
                "klassifisert": stats.classified,
                "avvist": stats.rejected,
                "feil": stats.errors,
                "tomme_rader": stats.blank,
            },
            "per_gruppe": {str(g): n for g, n in sorted(stats.per_group.items())},
            "per_regel": dict(sorted(stats.per_rule.items())),
            "per_dekning": dict(sorted(stats.per_coverage.items())),
            "start": self.started.isoformat(timespec="seconds"),
            "slutt": self.finished.isoformat(timespec="seconds"),
        }


def write_manifest(path: Path, record: RunRecord) -> None:
    path.write_text(json.dumps(record.as_json(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
