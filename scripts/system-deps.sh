#!/usr/bin/env bash
# System packages the test suite needs from Debian: PostgreSQL (the shared store's tests start a
# throwaway cluster of their own) and Chromium (the HTML report and case document are rendered
# headless). Installed only when missing, and only where we may (root with apt-get); elsewhere
# the script says what is missing and the tests that need it say so too.
set -euo pipefail
missing=()
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
[[ -n $pg_bin && -x $pg_bin/initdb ]] || missing+=(postgresql)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
(( ${#missing[@]} )) || exit 0
if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
  echo "Installing from Debian: ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" fonts-dejavu-core >/dev/null
else
  echo "Missing system packages (install them with your package manager): ${missing[*]}" >&2
fi
