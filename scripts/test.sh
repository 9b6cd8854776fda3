#!/usr/bin/env bash
# Install with dev tools, lint, and run the whole test suite. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --dev
bash scripts/system-deps.sh
.venv/bin/ruff check .
.venv/bin/rusmatrise check
exec .venv/bin/python -m pytest "$@"
