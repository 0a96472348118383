#!/usr/bin/env bash
# The README's test command: install what the tests need into .venv, then run every test.
# Skipped tests fail the run: nothing the issues require may be skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/pip install -q --upgrade pip >/dev/null
.venv/bin/pip install -q -e '.[test,queue,boards]'
# Browser tests drive Debian's Chromium (never a downloaded one). Install it when we can (root);
# otherwise run everything else and say so. CI (.ci/run) always installs it first.
CHROMIUM="${OFFICINA_CHROMIUM:-/usr/bin/chromium}"
marker=()
if [ ! -x "$CHROMIUM" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get install -y -qq chromium >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq chromium >/dev/null)
fi
# The grading-queue tests start a real Redis (Debian's redis-server); install it the same way.
if ! command -v redis-server >/dev/null && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get install -y -qq redis-server >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq redis-server >/dev/null)
fi
# The Web Serial client's wrapper is compared with the server's by running it in Node (Debian's nodejs).
if ! command -v node >/dev/null && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get install -y -qq nodejs >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq nodejs >/dev/null)
fi
if [ ! -x "$CHROMIUM" ]; then
    echo "NOTE: Chromium not found at $CHROMIUM: browser tests are not run (apt-get install chromium)." >&2
    marker=(-m "not browser")
fi
log="$(mktemp)"
set +e
.venv/bin/python -m pytest -q -rs -n 2 "${marker[@]}" "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
if grep -Eq '[0-9]+ skipped' "$log"; then
    echo "FAIL: some tests were skipped (see above); CI treats a skip as a failure." >&2
    exit 1
fi
exit "$status"
