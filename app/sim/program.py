"""Build the text of the ``-c`` program handed to the sandboxed MicroPython.

Everything the guest needs (the precompiled virtual-board facades, the board's public description,
the student's source) is embedded in that one program as base64/JSON literals, because argv items
of 256 bytes or more crash the WASI interpreter; the scenario never is (the host answers inputs).
The program serves the modules from an in-memory VFS that is unmounted before the student's code
runs, and hands the host the ``id()`` of its argument array and reply buffer (no ``uctypes``).
Device modules (:data:`DEVICE_MODULES`) stay out of the boot blob: the guest fetches them from
the host when a program first imports what they provide. The student's source is handed over
as the board's compiler takes it (:func:`board_source`).
"""

from __future__ import annotations

import base64
import json
import re
from functools import lru_cache
from typing import Any

from app.sim.guestbuild import (DEVICE_MODULES, FACADE_COUNT, GUEST_MODULES, LAZY_MODULES,
                                MICROBIT_MODULES, guest_files)

EXTRA_FACADES = 0  # more facades are fetched from the host when a module needs one
_COMPILER_DIRECTIVE = re.compile(r"^([ \t]*)@micropython\.(native|viper)\b", re.MULTILINE)

_TEMPLATE = """\
import gc
class V:
    def __init__(s, f):
        s.f = f
    def mount(s, ro, mk):
        pass
    def umount(s):
        pass
    def stat(s, p):
        p = p.lstrip('/')
        if p in s.f:
            return (0x8000, 0, 0, 0, 0, 0, len(s.f[p]), 0, 0, 0)
        if not p:
            return (0x4000, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        raise OSError(2)
    def open(s, p, m):
        import io
        return io.BytesIO(s.f[p.lstrip('/')])
    def ilistdir(s, p):
        return iter(())
def _load(host):
    # In a function of its own: once it returns, no stale slot of its frame keeps the blob alive.
    import sys, vfs, binascii
    F = binascii.a2b_base64(host.call('files', ''))
    M = memoryview(F)  # the files are views of the blob: no second copy of it on the heap
    files = {}
    i = 0
    while i < len(F):
        n = F[i]
        name = F[i + 1:i + 1 + n].decode()
        size = int.from_bytes(F[i + 1 + n:i + 5 + n], 'little')
        files[name] = M[i + 5 + n:i + 5 + n + size]
        i += 5 + n + size
    vfs.mount(V(files), '/_s')
    sys.path[:] = ['/_s']
%(imports)s
    fac = [__import__('_fm%%d' %% i) for i in range(%(nfac)d)]
    vfs.umount('/_s')
    files.clear()
    M = F = None
    sys.path[:] = ['']
    return fac
def _b():
    import sys, vfs, binascii, json, host, time, array
    A = array.array('i', [0, 0, 0, 0, 0, 0, 0, 0])
    RB = bytearray(%(reply)d)
    fac = _load(host)
    cfg = json.loads(%(cfg)r)
    host.call('init', '%%d %%d' %% (id(A), id(RB)))
    src = binascii.a2b_base64(%(src)r).decode()
    sys.modules['_simboot'].run(cfg, src, fac, {
        'time': time, 'gc': gc, 'call': host.call, 'A': A, 'RB': RB, 'V': V, 'vfs': vfs,
        'import': __import__, 'loaded': {}})
_b()
"""


REPLY_BYTES = 512  # must match app.sim.engine.REPLY_BYTES


def device_files() -> dict[str, bytes]:
    """The device guest modules (compiled with every other guest module by
    :func:`app.sim.guestbuild.guest_files`, so before a worker caps its file size): not in the
    boot blob, the host hands them out when a program first uses them."""
    return {name: data for name, data in guest_files().items()
            if name.split(".")[0] in DEVICE_MODULES}


@lru_cache(maxsize=1)
def extra_facades() -> dict[str, bytes]:
    """Empty module files beyond guestbuild's ``FACADE_COUNT`` (copies of its ``_fm0``)."""
    empty_name, empty = next((k, v) for k, v in guest_files().items() if k.startswith("_fm0."))
    ext = empty_name.split(".")[1]
    return {f"_fm{i}.{ext}": empty for i in range(FACADE_COUNT, FACADE_COUNT + EXTRA_FACADES)}


@lru_cache(maxsize=8)
def file_blob(family: str) -> str:
    """The guest modules a board family needs, packed (name length, name, size, data), base64."""
    mods = modules_for(family)
    out = bytearray()
    for name, data in {**guest_files(), **extra_facades()}.items():
        if name.split(".")[0] in mods or name.startswith("_fm"):
            raw = name.encode()
            out += bytes([len(raw)]) + raw + len(data).to_bytes(4, "little") + data
    return base64.b64encode(bytes(out)).decode("ascii")


def modules_for(family: str) -> list[str]:
    """Guest modules loaded for a board family (micro:bit adds ``_simmicrobit``; a robot lives on
    the host and needs no guest module of its own)."""
    mods = [m for m in GUEST_MODULES if (family == "microbit" or m not in MICROBIT_MODULES)
            and m not in LAZY_MODULES and m not in DEVICE_MODULES
            and (family != "microbit" or m != "_simpins")]
    return mods


def board_source(source: str) -> str:
    """The student's source as the board's compiler takes it: ``@micropython.native`` and
    ``@micropython.viper`` (machine-code emitters the simulator's interpreter lacks) become
    ``@micropython.bytecode``, on the same line, so line numbers stay the student's."""
    return _COMPILER_DIRECTIVE.sub(r"\1@micropython.bytecode", source)


def build_program(cfg: dict[str, Any], source: str) -> str:
    """Return the full ``-c`` program for one run of ``source`` with guest config ``cfg``.

    The guest fetches :func:`file_blob` through the single host call that precedes ``init``.
    """
    family = cfg["board"]["family"]
    imports = "".join(f"    __import__('{m}')\n" for m in modules_for(family))
    return _TEMPLATE % {
        "reply": REPLY_BYTES,
        "imports": imports,
        "nfac": FACADE_COUNT + EXTRA_FACADES,
        "cfg": json.dumps(cfg, separators=(",", ":")),
        "src": base64.b64encode(board_source(source).encode("utf-8")).decode("ascii"),
    }
