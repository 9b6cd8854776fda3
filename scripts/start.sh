#!/usr/bin/env bash
# Quick start: install, then open the terminal UI on a demo caseload in a local SQLite file.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/rusmatrise tui --demo --db "${RUSMATRISE_DEMO_DB:-demo.sqlite}" "$@"
