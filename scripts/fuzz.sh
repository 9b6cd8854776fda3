#!/usr/bin/env bash
# Coverage-guided fuzzing of the input paths (CSV, JSONL, XLSX, classify JSON, the matrix TOML
# loader) with atheris. Usage: scripts/fuzz.sh [RUNS_PER_TARGET] [TARGET...]
# (default 100000 runs each, every target). Needs atheris (`pip install atheris`; wheels for
# Linux x86-64 and CPython <= 3.11 need no compiler). Corpora grow in ${FUZZ_WORK:-/tmp/rusmatrise-fuzz};
# a finding stops its target and is left there as crash-<hash>. Prints libFuzzer's
# "Done N runs" line per target.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-100000}"
shift || true
targets=("$@")
[[ ${#targets[@]} -eq 0 ]] && targets=(classify csv jsonl matrix xlsx_sheet xlsx)
work="${FUZZ_WORK:-/tmp/rusmatrise-fuzz}"
python=".venv/bin/python"
declare -A seeds=([csv]="csv" [jsonl]="jsonl" [classify]="json" [matrix]="toml" [xlsx]="xlsx" [xlsx_sheet]="")
for target in "${targets[@]}"; do
  corpus="$work/corpus-$target"
  mkdir -p "$corpus"
  if [[ -n "${seeds[$target]}" ]]; then
    for file in tests/hostile/*."${seeds[$target]}" tests/fixtures/files/*."${seeds[$target]}"; do
      [[ -e "$file" && $(stat -c %s "$file") -lt 300000 ]] && cp -n "$file" "$corpus/" || true
    done
  fi
  if [[ "$target" == xlsx_sheet ]]; then
    "$python" - "$corpus" <<'PY'
import sys, zipfile
from pathlib import Path
sys.path.insert(0, ".")
for name in ("k1_xlsx_dimension_lies.xlsx", "k6_xlsx_numeric_ids.xlsx", "k2_xlsx_bad_shared_string.xlsx"):
    with zipfile.ZipFile(Path("tests/hostile") / name) as archive:
        (Path(sys.argv[1]) / (name + ".xml")).write_bytes(archive.read("xl/worksheets/sheet1.xml"))
PY
  fi
  if [[ "$target" == matrix ]]; then cp -n matrix/data/oslo.toml "$corpus/" || true; fi
  echo "== $target ($runs runs)"
  (cd "$work" && "$OLDPWD/$python" "$OLDPWD/tests/fuzz/run_atheris.py" "$target" -runs="$runs" -max_len=65536 \
     -rss_limit_mb=2048 -timeout=60 "$corpus" 2>&1 | grep -E "^(Done|==|INFO: Seed)|Finding|Error|crash" || true)
done
