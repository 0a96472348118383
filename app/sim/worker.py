"""Main loop of a simulator worker process (started by :mod:`app.sim.pool`).

Reads length-prefixed JSON jobs on stdin, runs them with :mod:`app.sim.runner` or
:mod:`app.sim.grading`, and answers on a private copy of stdout (fd 1 itself is pointed at
/dev/null so nothing else can corrupt the protocol). Output files are capped with RLIMIT_FSIZE
once the wasm module cache is warm; the process ends with ``os._exit`` (see the runtime notes).
"""

from __future__ import annotations

import json
import os
import resource
import signal
import struct
import sys
import traceback
from typing import Any

FSIZE_LIMIT = 64 * 1024 + 1


def _read_exact(fd: int, n: int) -> bytes | None:
    buf = b""
    while len(buf) < n:
        chunk = os.read(fd, n - len(buf))
        if not chunk:
            return None
        buf += chunk
    return buf


def handle(job: dict[str, Any]) -> dict[str, Any]:
    """Run one job and return the reply object."""
    from app.sim import grading, runner

    op = job.get("op")
    try:
        if op == "simulate":
            result, _ = runner.execute(job["code"], job["board"], job.get("scenario"),
                                       job.get("seconds"))
            return {"ok": True, "result": result.to_dict()}
        if op == "grade":
            graded = grading.grade_local(job["code"], job["lab"], board=job.get("board"),
                                         lang=job.get("lang", "it"))
            return {"ok": True, "result": graded.to_wire()}
        if op == "ping":
            return {"ok": True, "result": os.getpid()}
        return {"ok": False, "error_type": "ValueError", "message": f"unknown op {op!r}"}
    except (ValueError, KeyError, TypeError, OSError) as exc:
        return {"ok": False, "error_type": type(exc).__name__, "message": str(exc)}
    except Exception as exc:  # report, never die on one bad job
        return {"ok": False, "error_type": "InternalError",
                "message": f"{type(exc).__name__}: {exc}\n{traceback.format_exc()[-2000:]}"}


def main() -> None:
    """Serve jobs until stdin closes."""
    out_fd = os.dup(1)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    in_fd = sys.stdin.fileno()
    from app.sim import engine
    from app.sim.guestbuild import guest_files

    guest_files()
    engine.runtime()  # compile or load the wasm module before output files are capped
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (FSIZE_LIMIT, FSIZE_LIMIT))
    try:
        while True:
            head = _read_exact(in_fd, 4)
            if head is None:
                break
            (size,) = struct.unpack("<I", head)
            body = _read_exact(in_fd, size)
            if body is None:
                break
            reply = json.dumps(handle(json.loads(body))).encode()
            os.write(out_fd, struct.pack("<I", len(reply)))
            view = memoryview(reply)
            while view:
                n = os.write(out_fd, view)
                view = view[n:]
    finally:
        engine.cleanup()
        os._exit(0)
