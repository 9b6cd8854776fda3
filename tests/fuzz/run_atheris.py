"""Coverage-guided fuzzing of one target with atheris (libFuzzer): `python tests/fuzz/run_atheris.py
TARGET [libFuzzer options] [CORPUS_DIR ...]`, e.g. `-runs=200000 /tmp/corpus-csv`.

TARGET is one of tests/fuzz/targets.py's TARGETS. The product's packages are instrumented for
coverage; any exception a target raises (a traceback a user would see, a lost row, the batch
paths disagreeing) stops the run and leaves the input as crash-<hash> in the working directory.
scripts/fuzz.sh seeds a corpus from tests/hostile and tests/fixtures and runs every target.
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

with atheris.instrument_imports(include=["casefiles", "matrix", "rules", "tallies"]):
    from tests.fuzz.targets import TARGETS


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in TARGETS:
        sys.exit(f"usage: run_atheris.py {{{','.join(TARGETS)}}} [libFuzzer options] [corpus dirs]")
    target = TARGETS[sys.argv[1]]
    atheris.Setup([sys.argv[0], *sys.argv[2:]], target)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
