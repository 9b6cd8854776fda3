#!/usr/bin/env bash
# Create .venv and install rusmatrise into it (with dev tools when called with --dev).
# Works on a fresh machine with Python >= 3.11, pip and gcc: durable-rules is built from
# source, and the define makes it import on Python 3.13 (harmless on 3.11/3.12).
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-python3}
if [[ ! -x .venv/bin/python ]]; then
  if ! "$python" -m venv .venv 2>/dev/null; then
    # Debian's python3 ships venv separately; install it when we may (CI runs as root).
    rm -rf .venv
    if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
      apt-get update -qq && apt-get install -y -qq python3-venv python3-dev >/dev/null
      "$python" -m venv .venv
    else
      echo "python3 -m venv failed: install python3-venv (Debian/Ubuntu) and try again" >&2
      exit 1
    fi
  fi
fi
extras=""
[[ "${1:-}" == "--dev" ]] && extras="[dev]"
# Skip the install when nothing it depends on changed since the last one: the package is
# installed editable, so code changes need no reinstall; pyproject.toml, this script, the
# extras and the Python version do. RUSMATRISE_REINSTALL=1 forces it.
stamp=.venv/.rusmatrise-install
base=$(cat pyproject.toml scripts/setup.sh | sha256sum | cut -d' ' -f1)-$(.venv/bin/python -V 2>&1 | tr -d ' ')
wanted=$base-${extras:-none}
installed=$(cat "$stamp" 2>/dev/null || true)
if [[ "${RUSMATRISE_REINSTALL:-}" != 1 && -x .venv/bin/rusmatrise ]] &&
   [[ "$installed" == "$wanted" || ( -z "$extras" && "$installed" == "$base-[dev]" ) ]]; then
  exit 0  # a dev install serves a plain start too
fi
export CPPFLAGS="${CPPFLAGS:-} -DPyEval_CallObject=PyObject_CallObject"
if ! .venv/bin/python -c "import durable.engine" 2>/dev/null; then
  # a wheel cached from a build without the define would fail at import: build afresh
  .venv/bin/pip install --quiet --no-cache-dir "durable-rules==2.0.28"
fi
.venv/bin/pip install --quiet --disable-pip-version-check -e ".${extras}"
echo "$wanted" > "$stamp"
