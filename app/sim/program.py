"""Build the text of the ``-c`` program handed to the sandboxed MicroPython.

Everything the guest needs (the precompiled virtual-board facades, the board's public description,
the student's source) is embedded in that one program as base64/JSON literals, because argv items
of 256 bytes or more crash the WASI interpreter; the scenario never is (the host answers inputs).
The program serves the modules from an in-memory VFS that is unmounted before the student's code
runs, and hands the host the ``id()`` of its argument array and reply buffer (no ``uctypes``).
"""

from __future__ import annotations

import base64
import json
from functools import lru_cache
from typing import Any

from app.sim.guestbuild import FACADE_COUNT, GUEST_MODULES, guest_files

_TEMPLATE = """\
import gc
def _b():
    import sys, io, vfs, binascii, json, host, time, array
    A = array.array('i', [0, 0, 0, 0, 0, 0, 0, 0])
    RB = bytearray(%(reply)d)
    F = binascii.a2b_base64(host.call('files', ''))
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
            return io.BytesIO(s.f[p.lstrip('/')])
        def ilistdir(s, p):
            return iter(())
    files = {}
    i = 0
    while i < len(F):
        n = F[i]
        name = F[i + 1:i + 1 + n].decode()
        size = int.from_bytes(F[i + 1 + n:i + 5 + n], 'little')
        files[name] = F[i + 5 + n:i + 5 + n + size]
        i += 5 + n + size
    del F
    vfs.mount(V(files), '/_s')
    sys.path[:] = ['/_s']
%(imports)s
    fac = [__import__('_fm%%d' %% i) for i in range(%(nfac)d)]
    vfs.umount('/_s')
    del files
    sys.path[:] = ['']
    cfg = json.loads(%(cfg)r)
    host.call('init', '%%d %%d' %% (id(A), id(RB)))
    src = binascii.a2b_base64(%(src)r).decode()
    _simboot.run(cfg, src, fac, {'time': time, 'gc': gc, 'call': host.call, 'A': A, 'RB': RB})
_b()
"""


REPLY_BYTES = 512  # must match app.sim.engine.REPLY_BYTES


@lru_cache(maxsize=8)
def file_blob(family: str) -> str:
    """The guest modules a board family needs, packed (name length, name, size, data), base64."""
    mods = modules_for(family)
    out = bytearray()
    for name, data in guest_files().items():
        if name.split(".")[0] in mods or name.startswith("_fm"):
            raw = name.encode()
            out += bytes([len(raw)]) + raw + len(data).to_bytes(4, "little") + data
    return base64.b64encode(bytes(out)).decode("ascii")


def modules_for(family: str) -> list[str]:
    """Guest modules loaded for a board family (micro:bit adds ``_simmicrobit``; a robot lives on
    the host and needs no guest module of its own)."""
    return [m for m in GUEST_MODULES if (family == "microbit" or m not in ("_simmicrobit",))
            and (family != "microbit" or m != "_simpins")]


def build_program(cfg: dict[str, Any], source: str) -> str:
    """Return the full ``-c`` program for one run of ``source`` with guest config ``cfg``.

    The guest fetches :func:`file_blob` through the single host call that precedes ``init``.
    """
    family = cfg["board"]["family"]
    imports = "".join(f"    import {m}\n" for m in modules_for(family))
    return _TEMPLATE % {
        "reply": REPLY_BYTES,
        "imports": imports,
        "nfac": FACADE_COUNT,
        "cfg": json.dumps(cfg, separators=(",", ":")),
        "src": base64.b64encode(source.encode("utf-8")).decode("ascii"),
    }
