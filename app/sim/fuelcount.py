"""Give a WebAssembly module its own exact copy of wasmtime's fuel count, so that code inside the
guest can read the simulator's clock (50 fuel per simulated microsecond) without crossing into
Python, the crossing that keeps the robot labs above their speed target (docs/engine_speed.md).
The rewriter adds a mutable i64 global, exported as ``officina_fuel``, which the module raises by
exactly what wasmtime 50 charges for the module's own operators: entering a function 1; ``nop``,
``drop``, ``block``, ``loop``, ``unreachable``, ``return``, ``else`` and ``end`` 0; every other
operator 1; ``memory.copy``/``fill``/``init`` one more per byte and ``memory.grow`` one more per
page asked for. Each straight-line segment adds its cost to a per-call i64 local before control
can leave it, and the local goes into the global before every call, throw, return and branch out
of the function, so at any call out of the module the counter equals the fuel the original
module would have spent (the counting code's own fuel is not counted; it costs about 7 % more CPU
on pure computation). Two imports give C code in the guest the counter: every call of
``officina.fuel_now`` (``() -> i64``) becomes a read of it, and every call of
``officina.fuel_set`` (``(i64) -> ()``) a write (a board in the guest takes its own work back
off the clock). ``tests/sim/test_fuel_counter.py`` holds it to wasmtime, operator by operator and
host call by host call. Usage: ``python -m app.sim.fuelcount IN.wasm
OUT.wasm`` (stdlib only).
"""

from __future__ import annotations

import sys

EXPORT_NAME = "officina_fuel"
FREE = {0x00, 0x01, 0x02, 0x03, 0x05, 0x0B, 0x0F, 0x1A}  # unreachable nop block loop else end return drop
# Flushed before these: control leaves the straight line (a call may also throw past its caller).
FLUSH = {0x00, 0x03, 0x04, 0x05, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F, 0x10, 0x11,
         0x12, 0x13, 0x18, 0x19}
PER_BYTE = {8, 10, 11}  # 0xFC: memory.init, memory.copy, memory.fill (length on top of the stack)
COMMIT = {0x08, 0x09, 0x0A, 0x0F, 0x10, 0x11, 0x12, 0x13}  # throws, return, calls
MEMORY_GROW = 0x40  # one more per page asked for (the delta is on top of the stack)
PER_ELEMENT = {12, 14, 15, 17}  # 0xFC: table.init/copy/grow/fill (not emitted by our compiler)
VALTYPES = {0x7F, 0x7E, 0x7D, 0x7C, 0x7B, 0x70, 0x6F, 0x69}


# Imports whose calls become an access to the counter (the call was counted, and committed, first)
REDIRECTS = {(b"officina", b"fuel_now"): (0x23, ((), (0x7E,))),  # global.get; () -> i64
             (b"officina", b"fuel_set"): (0x24, ((0x7E,), ()))}  # global.set; (i64) -> ()


class WasmFormatError(ValueError):
    """The module uses something this rewriter does not know."""


def _uleb(data: bytes, i: int) -> tuple[int, int]:
    result = shift = 0
    while True:
        byte = data[i]
        i += 1
        result |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return result, i


def _skip_leb(data: bytes, i: int) -> int:
    while data[i] & 0x80:
        i += 1
    return i + 1


def _enc_uleb(value: int) -> bytes:
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def _enc_sleb(value: int) -> bytes:
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if (value == 0 and not byte & 0x40) or (value == -1 and byte & 0x40):
            out.append(byte)
            return bytes(out)
        out.append(byte | 0x80)


def _vec(items: list[bytes]) -> bytes:
    return _enc_uleb(len(items)) + b"".join(items)


def _blocktype_end(data: bytes, i: int) -> int:
    if data[i] == 0x40 or data[i] in VALTYPES:
        return i + 1
    return _skip_leb(data, i)


def _immediates_end(data: bytes, op: int, i: int) -> tuple[int, int | None]:
    """End of the immediates of ``op`` (its first byte already read, ``i`` after it) and, for
    the 0xFC prefix, the sub-opcode."""
    if op in (0x02, 0x03, 0x04, 0x06):
        return _blocktype_end(data, i), None
    if op in (0x07, 0x08, 0x09, 0x0C, 0x0D, 0x10, 0x12, 0x18, 0x20, 0x21, 0x22, 0x23, 0x24, 0x25,
              0x26, 0xD2):
        return _skip_leb(data, i), None
    if op in (0x11, 0x13):
        return _skip_leb(data, _skip_leb(data, i)), None
    if op == 0x0E:
        count, i = _uleb(data, i)
        for _ in range(count + 1):
            i = _skip_leb(data, i)
        return i, None
    if op == 0x1C:
        count, i = _uleb(data, i)
        return i + count, None
    if op == 0x1F:  # try_table blocktype vec(catch)
        i = _blocktype_end(data, i)
        count, i = _uleb(data, i)
        for _ in range(count):
            kind = data[i]
            i += 1
            if kind in (0x00, 0x01):
                i = _skip_leb(data, i)
            i = _skip_leb(data, i)
        return i, None
    if 0x28 <= op <= 0x3E:  # memarg
        align, i = _uleb(data, i)
        i = _skip_leb(data, i)
        if align & 0x40:
            i = _skip_leb(data, i)
        return i, None
    if op in (0x3F, 0x40):
        return _skip_leb(data, i), None
    if op in (0x41, 0x42):
        return _skip_leb(data, i), None
    if op == 0x43:
        return i + 4, None
    if op == 0x44:
        return i + 8, None
    if op == 0xD0:
        return _skip_leb(data, i), None
    if op == 0xFC:
        sub, i = _uleb(data, i)
        if sub <= 7 or sub in (13, 16):
            return (_skip_leb(data, i) if sub in (13, 16) else i), sub
        if sub in (8, 10, 12, 14):
            return _skip_leb(data, _skip_leb(data, i)), sub
        if sub in (9, 11, 15, 17):
            return _skip_leb(data, i), sub
        raise WasmFormatError(f"unknown 0xFC sub-opcode {sub}")
    if op == 0xFD:
        raise WasmFormatError("SIMD operators are not supported")
    if op in (0x01, 0x05, 0x00, 0x0A, 0x0B, 0x0F, 0x19, 0x1A, 0x1B, 0xD1) or 0x45 <= op <= 0xC4:
        return i, None
    raise WasmFormatError(f"unknown opcode 0x{op:02x}")


def _labels(code: bytes, op: int, i: int) -> list[int]:
    """The branch targets of br/br_if/br_table at ``i`` (just after the opcode)."""
    if op != 0x0E:
        return [_uleb(code, i)[0]]
    count, i = _uleb(code, i)
    out = []
    for _ in range(count + 1):
        label, i = _uleb(code, i)
        out.append(label)
    return out


def _rewrite_body(body: bytes, counter: int, params: int, redirects: dict[int, int]) -> bytes:
    """The function ``body`` (of a function with ``params`` parameters) with the counting added
    and two more locals declared after the others: ``acc`` (i64, this call's fuel not yet added
    to the counter) and ``acc + 1`` (i32, scratch).

    Straight-line segments add their cost to ``acc`` (a register) before control can leave them;
    ``acc`` goes into the global counter only where it can be observed: before a call, a throw,
    a return or a branch out of the function, and at the function's end. A call of a function in
    ``redirects`` (index -> opcode) becomes that opcode on the counter."""
    groups, first = _uleb(body, 0)
    i = first
    acc = params
    for _ in range(groups):
        n, i = _uleb(body, i)
        acc += n
        i += 1
    local_groups, code = body[first:i], body[i:]
    acc_ref = _enc_uleb(acc)
    scratch_ref = _enc_uleb(acc + 1)
    global_ref = _enc_uleb(counter)
    out = bytearray(_enc_uleb(groups + 2) + local_groups + b"\x01\x7e\x01\x7f")
    pending = 1  # entering the function
    depth = 0
    i = 0
    last = len(code) - 1
    while i < len(code):
        start = i
        op = code[i]
        i, sub = _immediates_end(code, op, i + 1)
        pending += 0 if op in FREE else 1
        if op == 0xFC and sub in PER_ELEMENT:
            raise WasmFormatError("table bulk operators are not supported")
        if op == MEMORY_GROW or (op == 0xFC and sub in PER_BYTE):
            # the length (or page count) is on top of the stack: count it too, then put it back
            out += (b"\x21" + scratch_ref + b"\x20" + acc_ref + b"\x20" + scratch_ref + b"\xad\x7c"
                    + (b"\x42" + _enc_sleb(pending) + b"\x7c" if pending else b"")
                    + b"\x21" + acc_ref + b"\x20" + scratch_ref)
            pending = 0
        elif op in FLUSH:
            leaves = (op in COMMIT or start == last
                      or (op in (0x0C, 0x0D, 0x0E) and max(_labels(code, op, start + 1)) >= depth))
            if leaves:  # observable: acc (and this segment) into the counter, acc back to 0
                out += (b"\x23" + global_ref + b"\x20" + acc_ref + b"\x7c"
                        + (b"\x42" + _enc_sleb(pending) + b"\x7c" if pending else b"")
                        + b"\x24" + global_ref + b"\x42\x00\x21" + acc_ref)
            elif pending:
                out += b"\x20" + acc_ref + b"\x42" + _enc_sleb(pending) + b"\x7c\x21" + acc_ref
            pending = 0
        if op in (0x02, 0x03, 0x04, 0x06, 0x1F):
            depth += 1
        elif op == 0x0B:
            depth -= 1
        if op == 0x10 and redirects and _uleb(code, start + 1)[0] in redirects:
            out += bytes([redirects[_uleb(code, start + 1)[0]]]) + global_ref
        else:
            out += code[start:i]
    if depth != -1:
        raise WasmFormatError("a function body does not end with 'end'")
    return bytes(out)


def instrument(wasm: bytes) -> bytes:
    """``wasm`` with the exported ``officina_fuel`` counter (see the module docstring)."""
    if wasm[:8] != b"\x00asm\x01\x00\x00\x00":
        raise WasmFormatError("not a WebAssembly 1.0 binary")
    sections: list[tuple[int, bytes]] = []
    i = 8
    while i < len(wasm):
        sid = wasm[i]
        size, j = _uleb(wasm, i + 1)
        sections.append((sid, wasm[j:j + size]))
        i = j + size
    by_id = {sid: payload for sid, payload in sections if sid}
    if 6 not in by_id or 7 not in by_id or 10 not in by_id:
        raise WasmFormatError("the module needs global, export and code sections")
    types = _func_types(by_id.get(1, b"\x00"))
    imported_globals, redirects = _imports(by_id.get(2, b"\x00"), types)
    func_types = _uleb_list(by_id.get(3, b"\x00"))
    globals_payload = by_id[6]
    n_globals, rest = _uleb(globals_payload, 0)
    counter = imported_globals + n_globals
    new_globals = _enc_uleb(n_globals + 1) + globals_payload[rest:] + b"\x7e\x01\x42\x00\x0b"
    exports_payload = by_id[7]
    n_exports, rest = _uleb(exports_payload, 0)
    name = EXPORT_NAME.encode()
    new_exports = (_enc_uleb(n_exports + 1) + exports_payload[rest:] + _enc_uleb(len(name)) + name
                   + b"\x03" + _enc_uleb(counter))
    code_payload = by_id[10]
    n_bodies, i = _uleb(code_payload, 0)
    bodies = []
    for index in range(n_bodies):
        size, i = _uleb(code_payload, i)
        body = code_payload[i:i + size]
        i += size
        params = len(types[func_types[index]][0])
        new_body = _rewrite_body(body, counter, params, redirects)
        bodies.append(_enc_uleb(len(new_body)) + new_body)
    new_code = _vec(bodies)
    out = bytearray(wasm[:8])
    for sid, payload in sections:
        if sid == 6:
            payload = new_globals
        elif sid == 7:
            payload = new_exports
        elif sid == 10:
            payload = new_code
        out += bytes([sid]) + _enc_uleb(len(payload)) + payload
    return bytes(out)


def _func_types(payload: bytes) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """(parameter types, result types) of each function type."""
    count, i = _uleb(payload, 0)
    out = []
    for _ in range(count):
        if payload[i] != 0x60:
            raise WasmFormatError("only function types are supported")
        nparams, i = _uleb(payload, i + 1)
        params = payload[i:i + nparams]
        i += nparams
        nresults, i = _uleb(payload, i)
        results = tuple(payload[i:i + nresults])
        i += nresults
        out.append((tuple(params), results))
    return out


def _imports(payload: bytes, types: list[tuple[tuple[int, ...], tuple[int, ...]]]
             ) -> tuple[int, dict[int, int]]:
    """Number of imported globals (they come first in the global index space), and the function
    indices of the imports in :data:`REDIRECTS` with the opcode each call becomes."""
    count, i = _uleb(payload, 0)
    globals_ = funcs = 0
    redirects: dict[int, int] = {}
    for _ in range(count):
        names = []
        for _part in range(2):
            n, i = _uleb(payload, i)
            names.append(payload[i:i + n])
            i += n
        kind = payload[i]
        i += 1
        if kind == 0:
            type_index, i = _uleb(payload, i)
            redirect = REDIRECTS.get((names[0], names[1]))
            if redirect is not None:
                opcode, signature = redirect
                if types[type_index] != signature:
                    name = f"{names[0].decode()}.{names[1].decode()}"
                    raise WasmFormatError(f"{name} has the wrong type")
                redirects[funcs] = opcode
            funcs += 1
        elif kind == 1:
            i += 1
            flags = payload[i]
            i = _skip_leb(payload, i + 1)
            if flags & 1:
                i = _skip_leb(payload, i)
        elif kind == 2:
            flags = payload[i]
            i = _skip_leb(payload, i + 1)
            if flags & 1:
                i = _skip_leb(payload, i)
        elif kind == 3:
            globals_ += 1
            i += 2
        elif kind == 4:
            i = _skip_leb(payload, i + 1)
    return globals_, redirects


def _uleb_list(payload: bytes) -> list[int]:
    count, i = _uleb(payload, 0)
    out = []
    for _ in range(count):
        value, i = _uleb(payload, i)
        out.append(value)
    return out


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print("usage: python -m app.sim.fuelcount IN.wasm OUT.wasm", file=sys.stderr)
        return 2
    with open(argv[1], "rb") as f:
        wasm = f.read()
    out = instrument(wasm)
    with open(argv[2], "wb") as f:
        f.write(out)
    print(f"{argv[2]}: {len(out)} bytes ({len(out) - len(wasm):+d}), counter exported as "
          f"{EXPORT_NAME!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
