#!/usr/bin/env bash
# Build Officina's MicroPython WASI interpreter, app/sim/wasm/micropython-officina.wasm.
#
# Inputs (all pinned; see app/sim/wasm/README.md):
#   - MicroPython source: upstream micropython/micropython at commit $MP_COMMIT, the head of
#     upstream pull request 13676 ("unix: Add wasi variant"). Pass a checkout as the first
#     argument or in MICROPYTHON_SRC; without one the script clones upstream into a temp dir.
#     The checkout is only read: objects go to a temp build dir.
#   - Debian packages: clang-19 lld-19 wasi-libc libclang-rt-19-dev-wasm32 (apt-get install -y).
#   - Binaryen 132 (wasm-opt --spill-pointers): `npm install binaryen@132` into a temp dir, or
#     WASM_OPT=/path/to/wasm-opt (must report version 132).
#   - Our own files: app/sim/wasm/build/variant (the unix port variant: config, compat headers,
#     setjmp runtime) and app/sim/wasm/build/usercmodules/host (the `host` module).
#
# Usage: scripts/build_interpreter.sh [MICROPYTHON_CHECKOUT]
# Env:   MICROPYTHON_SRC, WASM_OPT, JOBS, KEEP_BUILD=1 (keep the temp dir),
#        OUT (default app/sim/wasm/micropython-officina.wasm)
set -euo pipefail

MP_COMMIT=3f6d144cb8eeb8e8bd9fceab525c2e80fbf4b36b
MP_REPO=https://github.com/micropython/micropython
MP_PR_REF=pull/13676/head
BINARYEN_VERSION=132

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WASM_DIR="$ROOT/app/sim/wasm"
OUT="${OUT:-$WASM_DIR/micropython-officina.wasm}"
SRC="${1:-${MICROPYTHON_SRC:-}}"
JOBS="${JOBS:-$(nproc 2>/dev/null || echo 2)}"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/officina-mpbuild.XXXXXX")"
if [ "${KEEP_BUILD:-0}" != 1 ]; then
    trap 'rm -rf "$WORK"' EXIT
else
    echo "build dir kept: $WORK"
fi

die() { echo "build_interpreter: $*" >&2; exit 1; }

# --- toolchain --------------------------------------------------------------------------------
command -v clang-19 >/dev/null || die "clang-19 missing (apt-get install -y clang-19)"
[ -x /usr/lib/llvm-19/bin/wasm-ld ] || die "wasm-ld missing (apt-get install -y lld-19)"
[ -f /usr/lib/wasm32-wasi/libc.a ] || die "wasi-libc missing (apt-get install -y wasi-libc)"
[ -f /usr/lib/llvm-19/lib/clang/19/lib/wasi/libclang_rt.builtins-wasm32.a ] \
    || die "compiler-rt missing (apt-get install -y libclang-rt-19-dev-wasm32)"

if [ -z "${WASM_OPT:-}" ]; then
    command -v npm >/dev/null || die "npm missing: install it or set WASM_OPT"
    echo "== npm install binaryen@$BINARYEN_VERSION (temp dir)"
    npm install --silent --no-audit --no-fund --prefix "$WORK/binaryen" "binaryen@$BINARYEN_VERSION" >/dev/null
    WASM_OPT="$WORK/binaryen/node_modules/binaryen/bin/wasm-opt"
fi
"$WASM_OPT" --version | grep -q "version $BINARYEN_VERSION" \
    || die "$WASM_OPT is not binaryen $BINARYEN_VERSION"

# --- MicroPython source -----------------------------------------------------------------------
if [ -z "$SRC" ]; then
    echo "== cloning $MP_REPO at $MP_COMMIT"
    SRC="$WORK/micropython"
    git clone --quiet --filter=blob:none --no-checkout "$MP_REPO" "$SRC"
    git -C "$SRC" fetch --quiet origin "$MP_COMMIT" 2>/dev/null \
        || git -C "$SRC" fetch --quiet origin "$MP_PR_REF"
    git -C "$SRC" -c advice.detachedHead=false checkout --quiet "$MP_COMMIT"
fi
SRC="$(cd "$SRC" && pwd)"
HEAD_COMMIT="$(git -C "$SRC" rev-parse HEAD)"
[ "$HEAD_COMMIT" = "$MP_COMMIT" ] || die "$SRC is at $HEAD_COMMIT, expected $MP_COMMIT"
[ -z "$(git -C "$SRC" status --porcelain --untracked-files=no)" ] || die "$SRC has local changes"

# Reproducible version string: the commit's own date instead of today's.
SOURCE_DATE_EPOCH="$(git -C "$SRC" log -1 --format=%ct "$MP_COMMIT")"
export SOURCE_DATE_EPOCH

# --- compile and link (unix port, our variant) -------------------------------------------------
echo "== make (unix port, VARIANT=wasi, our variant dir)"
make -C "$SRC/ports/unix" -j"$JOBS" \
    VARIANT=wasi \
    VARIANT_DIR="$WASM_DIR/build/variant" \
    USER_C_MODULES="$WASM_DIR/build/usercmodules" \
    BUILD="$WORK/build" >"$WORK/make.log" 2>&1 \
    || { tail -40 "$WORK/make.log" >&2; die "make failed (log above)"; }
RAW="$WORK/build/micropython"

# --- pointer spilling, exception encoding, stripping ------------------------------------------
# MicroPython's GC scans the C (shadow) stack for roots, but wasm keeps values in locals and on
# the operand stack, where it cannot look. --flatten moves every intermediate value into a local,
# --coalesce-locals merges locals whose lifetimes do not overlap (the spill frame has one slot per
# i32 local: without it a Python call level takes ~26 KB of stack and recursion stops at depth 6),
# --spill-pointers then stores each i32 local that is live across a call into the stack frame,
# so the collector sees every pointer. -Os shrinks the result (spill stores are memory writes and
# survive optimisation). clang 19 emits the legacy exception encoding; wasmtime 50 only accepts
# the exnref one. Names go after spilling (the pass needs the name "__stack_pointer").
echo "== wasm-opt: flatten + coalesce-locals + spill-pointers, -Os, exnref, strip"
"$WASM_OPT" --enable-exception-handling --flatten --coalesce-locals --spill-pointers "$RAW" -o "$WORK/spilled.wasm"
"$WASM_OPT" --enable-exception-handling -Os "$WORK/spilled.wasm" -o "$WORK/optimised.wasm"
"$WASM_OPT" --enable-exception-handling --translate-to-exnref --strip-debug --strip-producers \
    "$WORK/optimised.wasm" -o "$WORK/final.wasm"

mkdir -p "$(dirname "$OUT")"
cp "$WORK/final.wasm" "$OUT"
SHA="$(sha256sum "$OUT" | cut -d' ' -f1)"
SIZE="$(stat -c %s "$OUT")"
echo "== wrote $OUT ($SIZE bytes, sha256 $SHA)"

# --- record the build in the README ------------------------------------------------------------
README="$WASM_DIR/README.md"
if [ "$OUT" = "$WASM_DIR/micropython-officina.wasm" ] && [ -f "$README" ]; then
    python3 - "$README" "$SHA" "$SIZE" "$MP_COMMIT" "$("$WASM_OPT" --version)" \
        "$(clang-19 --version | head -1)" <<'PY'
import re, sys
path, sha, size, commit, wasm_opt, clang = sys.argv[1:]
record = (f"<!-- build-record -->\n"
          f"| artifact | `micropython-officina.wasm`, {size} bytes |\n"
          f"|---|---|\n"
          f"| sha256 | `{sha}` |\n"
          f"| MicroPython commit | `{commit}` |\n"
          f"| compiler | {clang} |\n"
          f"| binaryen | {wasm_opt} |\n"
          f"<!-- /build-record -->")
text = open(path).read()
text = re.sub(r"<!-- build-record -->.*?<!-- /build-record -->", lambda m: record, text, flags=re.S)
open(path, "w").write(text)
PY
fi
