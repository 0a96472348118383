# MicroPython source, run ON THE BOARD (and, in the tests, inside the simulator's interpreter).
# Officina's board harness: the server runs it with two globals, _OFR_CFG (a dict: seconds, limit)
# and _OFR_SRC (the student's main.py as a str), then this file is sent through the raw REPL.
# It swaps `machine`, `time`/`utime` and `neopixel` in sys.modules for thin wrappers around the
# firmware's own objects that record what the pins, PWM, ADC, timers and NeoPixel strips do, stamped
# with the board's clock (time.ticks_us, relative to the start), and prints every event as one framed
# line "@OFR <t_us> <source> <kind> <json>", the lab engine's event format. It stops the program at
# the lab's duration, reports an uncaught error as "@OFR <t> !run error {...}" and ends with
# "@OFR <t> !run end "time"|"done"". Everything it prints is untrusted input for the server.
import sys

_R = {}
for _n in ("machine", "time", "neopixel"):
    try:
        _R[_n] = __import__(_n)
    except ImportError:
        _R[_n] = None
_RT = _R["time"]
_RM = _R["machine"]
_now = _RT.ticks_us
_diff = _RT.ticks_diff
_END = int(_OFR_CFG["seconds"] * 1000000)
_LIMIT = int(_OFR_CFG.get("limit", 20000))
_S = {"n": 0, "over": False, "error": None}
_TIMERS = []
_PWMS = []


class _Done(Exception):
    pass


def _enc(v):
    # A tiny JSON encoder (some firmwares lack `json`): ints, strs, lists/tuples, dicts.
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return "%d" % v
    if isinstance(v, str):
        out = []
        for c in v:
            o = ord(c)
            if c == '"' or c == "\\":
                out.append("\\" + c)
            elif o < 32 or o > 126:
                out.append("\\u%04x" % o if o < 0x10000 else "?")
            else:
                out.append(c)
        return '"' + "".join(out) + '"'
    if isinstance(v, (list, tuple)):
        return "[" + ",".join(_enc(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{" + ",".join(_enc(str(k)) + ":" + _enc(x) for k, x in v.items()) + "}"
    return "null"


_T0 = _now()


def _t():
    return _diff(_now(), _T0)


def _emit(source, kind, value, text=None):
    t = _t()
    if t > _END or _S["over"]:
        return
    if _S["n"] >= _LIMIT:
        _S["over"] = True
        return
    _S["n"] += 1
    print("@OFR %d %s %s %s" % (t, source, kind, _enc(value) if text is None else text))


def _check():
    # Called by every clock read and sleep: the lab's time is up, or too many events.
    if _S["over"] or _t() >= _END:
        raise _Done()


def _label(pid):
    if isinstance(pid, Pin):
        return pid._label
    if isinstance(pid, int) and not isinstance(pid, bool):
        return str(pid)
    return pid if isinstance(pid, str) else str(pid)


def _real(pid):
    return pid._p if isinstance(pid, Pin) else pid


_PINS = {}  # label -> [latch (None/0/1), is output]


class Pin:
    def __init__(self, id, mode=-1, pull=-1, *, value=None, **kw):
        self._label = _label(id)
        args = [_real(id)]
        if mode != -1:
            args.append(mode)
            if pull != -1:
                args.append(pull)
        elif pull != -1:
            kw["pull"] = pull
        if value is not None:
            kw["value"] = value
        self._p = _RM.Pin(*args, **kw)
        self._st = _PINS.setdefault(self._label, [None, False])
        self._after_init(mode, value)

    def _after_init(self, mode, value):
        st = self._st
        if mode is not None and mode != -1:
            st[1] = mode in (_RM.Pin.OUT, getattr(_RM.Pin, "OPEN_DRAIN", -99))
        if value is not None:
            self._write(1 if value else 0)
        _emit("pin:" + self._label, "mode", "out" if st[1] else "in")

    def init(self, mode=-1, pull=-1, **kw):
        args = []
        if mode != -1:
            args.append(mode)
            if pull != -1:
                args.append(pull)
        elif pull != -1:
            kw["pull"] = pull
        self._p.init(*args, **kw)
        self._after_init(mode, kw.get("value"))

    def _write(self, v):
        st = self._st
        if st[0] != v:
            st[0] = v
            if st[1]:
                _emit("pin:" + self._label, "value", v)

    def value(self, v=None):
        if v is None:
            return self._p.value()
        v = 1 if v else 0
        self._p.value(v)
        self._write(v)

    def __call__(self, v=None):
        return self.value(v)

    def on(self):
        self.value(1)

    def off(self):
        self.value(0)

    def high(self):
        self.value(1)

    def low(self):
        self.value(0)

    def toggle(self):
        self.value(0 if self._st[0] else 1)

    def irq(self, handler=None, trigger=3, **kw):
        me = self

        def cb(p):
            _emit("pin:" + me._label, "irq", me._p.value())
            handler(me)
        return self._p.irq(cb if handler is not None else None, trigger, **kw)

    def __getattr__(self, name):
        return getattr(self._p, name)


for _k in dir(_RM.Pin):
    if _k[0] != "_" and _k.isupper():
        setattr(Pin, _k, getattr(_RM.Pin, _k))

_PWMST = {}  # label -> [freq, duty_u16]


class PWM:
    def __init__(self, dest, freq=None, duty_u16=None, duty_ns=None, **kw):
        self._label = _label(dest)
        for k, v in (("freq", freq), ("duty_u16", duty_u16), ("duty_ns", duty_ns)):
            if v is not None:
                kw[k] = v
        self._p = _RM.PWM(_real(dest if isinstance(dest, Pin) else Pin(dest)), **kw)
        _PWMS.append(self._p)
        self._st = _PWMST.setdefault(self._label, [0, 0])
        self._f = 0
        self._note_freq(freq if freq is not None else self._p.freq())
        if duty_u16 is not None:
            self._note_duty(duty_u16)
        elif duty_ns is not None:
            self._note_duty(int(duty_ns) * 65535 // (1000000000 // self._f))
        elif kw.get("duty") is not None:
            self._note_duty(int(kw["duty"]) * 65535 // 1023)
        else:
            self._note_duty(self._p.duty_u16())

    def _note_freq(self, f):
        f = int(f)
        self._f = f
        if self._st[0] != f:
            self._st[0] = f
            _emit("pwm:" + self._label, "freq", f)

    def _note_duty(self, d):
        d = min(max(int(d), 0), 65535)
        if self._st[1] != d:
            self._st[1] = d
            _emit("pwm:" + self._label, "duty", d)

    def freq(self, f=None):
        if f is None:
            return self._p.freq()
        self._p.freq(f)
        self._note_freq(f)

    def duty_u16(self, d=None):
        if d is None:
            return self._p.duty_u16()
        self._p.duty_u16(min(max(d, 0), 65535) if isinstance(d, int) else d)
        self._note_duty(d)

    def duty_ns(self, ns=None):
        if ns is None:
            return self._p.duty_ns()
        self._p.duty_ns(ns)
        self._note_duty(int(ns) * 65535 // (1000000000 // self._f))

    def duty(self, d=None):
        if d is None:
            return self._p.duty()
        self._p.duty(d)
        self._note_duty(int(d) * 65535 // 1023)

    def init(self, **kw):
        self._p.init(**kw)
        if kw.get("freq") is not None:
            self._note_freq(kw["freq"])
        if kw.get("duty_u16") is not None:
            self._note_duty(kw["duty_u16"])

    def deinit(self):
        self._p.deinit()
        if self._st[1]:
            self._st[1] = 0
            _emit("pwm:" + self._label, "duty", 0)
        _emit("pwm:" + self._label, "deinit", 0)

    def __getattr__(self, name):
        return getattr(self._p, name)


class ADC:
    def __init__(self, src, **kw):
        self._label = "temp" if src == 4 else _label(src)
        self._p = _RM.ADC(_real(src), **kw)

    def read_u16(self):
        v = self._p.read_u16()
        _emit("adc:" + self._label.replace("temp", "4"), "read", {"u16": v})
        return v

    def read_uv(self):
        return self.read_u16() * 3300000 // 65535

    def read(self):
        return self._p.read()

    def __getattr__(self, name):
        return getattr(self._p, name)


class Timer:
    ONE_SHOT = 0
    PERIODIC = 1

    def __init__(self, id=-1, **kw):
        self._id = id
        self._t = _RM.Timer(id)
        _TIMERS.append(self._t)
        if kw:
            self.init(**kw)

    def init(self, *, mode=1, freq=-1, period=-1, tick_hz=1000, callback=None):
        if freq is not None and freq > 0:
            us = int(1000000 / freq)
        else:
            us = int(period * 1000000 // tick_hz)
        me = self

        def cb(t):
            if _S["error"] is not None:
                return
            try:
                callback(me)
            except _Done:
                me.deinit()
            except Exception as e:
                me.deinit()
                _fail(e)
        kw = {"mode": mode, "callback": cb if callback is not None else None}
        if freq is not None and freq > 0:
            kw["freq"] = freq
        else:
            kw["period"] = period
        self._t.init(**kw)
        n = self._id if isinstance(self._id, int) and -1 <= self._id < 100 else -1
        _emit("timer:%d" % n, "init", max(1, min(us, 1 << 30)))

    def deinit(self):
        self._t.deinit()


def _module(real, api):
    class M:
        pass
    m = M()
    names = ()
    if real is not None:
        try:
            names = list(real.__dict__)
        except Exception:
            names = dir(real)
        for k in names:
            if not k.startswith("__"):
                try:
                    setattr(m, k, getattr(real, k))
                except Exception:
                    pass
    for k, v in api.items():
        setattr(m, k, v)
    return m


def _sleep_us(us):
    left = _END - _t()
    if us >= left:
        if left > 0:
            _RT.sleep_us(left)
        raise _Done()
    _RT.sleep_us(us)
    _check()


def _ticks_ms():
    _check()
    return _RT.ticks_ms()


def _ticks_us():
    _check()
    return _RT.ticks_us()


_TIME = _module(_RT, {
    "sleep": lambda s: _sleep_us(int(s * 1000000)),
    "sleep_ms": lambda ms: _sleep_us(int(ms) * 1000),
    "sleep_us": lambda us: _sleep_us(int(us)),
    "ticks_ms": _ticks_ms, "ticks_us": _ticks_us})
_MACHINE = _module(_RM, {"Pin": Pin, "PWM": PWM, "ADC": ADC, "Timer": Timer})
_MODS = {"machine": _MACHINE, "time": _TIME, "utime": _TIME}
if _R["neopixel"] is not None:
    from binascii import hexlify

    class NeoPixel(_R["neopixel"].NeoPixel):
        def __init__(self, pin, n, **kw):
            self._label = _label(pin)
            super().__init__(_real(pin), n, **kw)
            # Where each colour lands in the buffer (the firmware stores GRB): probe pixel 0
            # without writing to the strip, then put its bytes back.
            bpp = self.bpp
            if self.n:
                keep = bytes(self.buf[0:bpp])
                self[0] = (1, 2, 3, 4)[:bpp]
                self._order = "".join(str(self.buf[k] - 1) for k in range(bpp))
                self.buf[0:bpp] = keep
            else:
                self._order = "0123"[:bpp]

        def write(self):
            super().write()
            # "<order>/<hex of the buffer>": cheap on the board, turned into [[r, g, b], ...]
            # by the server.
            _emit("neopixel:" + self._label, "write", None,
                  '"%s/%s"' % (self._order, hexlify(self.buf).decode()))
    _MODS["neopixel"] = _module(_R["neopixel"], {"NeoPixel": NeoPixel})


def _fail(e):
    if _S["error"] is not None:
        return
    try:
        import io
        buf = io.StringIO()
        sys.print_exception(e, buf)
        text = buf.getvalue()
    except Exception:
        text = ""
    line = None
    for part in text.split('File "main.py", line ')[1:]:
        digits = ""
        for c in part:
            if not c.isdigit():
                break
            digits += c
        if digits:
            line = int(digits)
    _S["error"] = {"type": type(e).__name__, "message": str(e)[:300], "line": line}
    print(text, end="")


def _star_imports(src):
    # `from machine import *` needs a real module: name the wrappers' public names instead
    # (same line, so the student's line numbers stay right).
    out = []
    for line in src.split("\n"):
        body = line.strip()
        for name in _MODS:
            if body == "from %s import *" % name:
                names = [k for k in dir(_MODS[name]) if not k.startswith("_")]
                line = line[:len(line) - len(line.lstrip())] + "from %s import %s" % (
                    name, ", ".join(names))
        out.append(line)
    return "\n".join(out)


def _main():
    saved = {k: sys.modules.get(k) for k in _MODS}
    for k, v in _MODS.items():
        sys.modules[k] = v
    global _T0
    end = "done"
    try:
        g = {"__name__": "__main__"}
        code = compile(_star_imports(_OFR_SRC), "main.py", "exec")
        _T0 = _now()  # the lab's clock starts with the program's first instruction
        _emit("!run", "start", {"v": 1, "platform": sys.platform})
        exec(code, g)
        if _TIMERS:  # timers and IRQs keep running until the lab's end, as on the simulator
            while True:
                _sleep_us(100000)
    except _Done:
        end = "time"
    except KeyboardInterrupt:
        end = "stopped"
    except Exception as e:
        _fail(e)
    finally:
        for t in _TIMERS:
            try:
                t.deinit()
            except Exception:
                pass
        for k, v in saved.items():
            if v is None:
                sys.modules.pop(k, None)
            else:
                sys.modules[k] = v
    if _S["error"] is not None:
        _S["over"] = False
        print("@OFR %d !run error %s" % (min(_t(), _END), _enc(_S["error"])))
    print("@OFR %d !run end %s" % (min(_t(), _END), _enc(end)))


_main()
