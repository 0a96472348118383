#!/usr/bin/env bash
# The README's test command: install what the tests need into .venv, then run every test.
# Skipped tests fail the run: nothing the issues require may be skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/pip install -q --upgrade pip >/dev/null
.venv/bin/pip install -q -e '.[test]'
log="$(mktemp)"
set +e
.venv/bin/python -m pytest -q -rs -n 2 "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
if grep -Eq '[0-9]+ skipped' "$log"; then
    echo "FAIL: some tests were skipped (see above); CI treats a skip as a failure." >&2
    exit 1
fi
exit "$status"
