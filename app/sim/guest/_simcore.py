# MicroPython source (runs INSIDE the sandboxed interpreter, compiled to .mpy by app.sim.guestbuild).
# The virtual board's heart: simulated clock, scheduler (Timer callbacks, pin IRQs), scripted inputs
# from the scenario, and the trace log written into a bytearray whose address the host knows, so the
# trace survives even when the guest traps (fuel exhausted, stack overflow).
# Student code never receives a reference to a Core: the facades capture it in closures.
import heapq
import json
import struct

HEADER = 24 + 8 * 32  # magic, flags, now, nchunks, pad, then 32 x (addr, used)
CHUNK = 32768
MAX_CHUNKS = 32
TICKS_PERIOD = 1 << 30
TICKS_MAX = TICKS_PERIOD - 1
TICKS_HALF = TICKS_PERIOD // 2


class SimEnd(BaseException):
    # Raised when the scenario's simulated time is over; BaseException so `except Exception`
    # in student code does not swallow it.
    pass


def interp(points, t):
    # Linear interpolation over [(t_us, value), ...] sorted by time.
    if not points:
        return 0
    if t <= points[0][0]:
        return points[0][1]
    prev = points[0]
    for p in points:
        if p[0] >= t:
            span = p[0] - prev[0]
            if span <= 0:
                return p[1]
            return prev[1] + (p[1] - prev[1]) * (t - prev[0]) / span
        prev = p
    return prev[1]


class Core:
    def __init__(self, cfg, head, addressof):
        self.cfg = cfg
        self.now = 0
        self.end = cfg["end_us"]
        self.head = head
        self.addressof = addressof
        self.nchunks = 0
        self.buf = None
        self.pos = CHUNK
        self.n = 0
        self.cap = cfg["max_events"]
        self.q = []
        self.seq = 0
        self.in_cb = 0
        self.cb_error = None
        self.listeners = {}  # output pin key -> [fn(level)]
        self.active_sources = 0  # running timers + IRQs: keep the board alive after main ends
        self.polls = 0  # input reads in a row with nothing else happening (see poll)
        self.temp_c = cfg.get("board_temp", [[0, 22.0]])
        dev = cfg.get("devices", {})
        self.buttons = dev.get("buttons", {})  # key -> {"active": 0/1, "changes": [[t, pressed]]}
        self.analog = dev.get("analog", {})  # key -> [[t, u16]]
        self.sonar = dev.get("sonar", [])  # [{"trig", "echo", "cm": [[t, cm]]}]
        self.i2c_temp = dev.get("i2c_temp", [])  # [{"addr", "c": [[t, c]]}]
        self.neopixels = dev.get("neopixels", {})
        self.robot = None  # _simrobot.Robot when the scenario has a robot
        self.echo = {}  # echo key -> (start, end)
        self.trig_high = {}
        for s in self.sonar:
            self.listen(s["trig"], self._make_trigger(s))
        struct.pack_into("<IIQII", head, 0, 0x53494D31, 0, 0, 0, 0)

    # ---- trace -------------------------------------------------------------------------------
    def log(self, src, kind, value):
        self.polls = 0
        if self.n >= self.cap:
            struct.pack_into("<I", self.head, 4, 1)
            return
        if isinstance(value, int):
            v = b"%d" % value
        else:
            v = json.dumps(value).encode()
        line = b"%d|%s|%s|%s\n" % (self.now, src, kind, v)
        end = self.pos + len(line)
        if end > CHUNK:
            if self.nchunks >= MAX_CHUNKS or len(line) > CHUNK:
                struct.pack_into("<I", self.head, 4, 1)
                self.n = self.cap
                return
            # A new chunk; its address goes into the header table the host reads.
            self.buf = bytearray(CHUNK)
            struct.pack_into("<II", self.head, 24 + 8 * self.nchunks, self.addressof(self.buf), 0)
            self.nchunks += 1
            struct.pack_into("<I", self.head, 16, self.nchunks)
            self.pos = 0
            end = len(line)
        self.buf[self.pos:end] = line
        self.pos = end
        self.n += 1
        struct.pack_into("<I", self.head, 24 + 8 * self.nchunks - 4, end)

    # ---- time --------------------------------------------------------------------------------
    def poll(self, cost):
        # An input read (pin, button, ticks). A loop that reads without sleeping and without any
        # output actually changing is busy-waiting: after 1000 such reads each one advances time a little more (up
        # to 1 ms), so `while not button.value(): pass` reaches the scenario's end within the fuel
        # budget instead of stopping after ~1 s. Deterministic; scripted edges and IRQs stay exact.
        n = self.polls + 1
        if n > 1000:
            cost = min(cost * (1 + (n - 1000) // 100), 1000)
        self.advance(cost)
        self.polls = n

    def advance(self, dt):
        if dt >= 1000:  # a real pause (sleep): the program is not busy-waiting
            self.polls = 0
        target = self.now + int(dt)
        if self.in_cb == 0:
            q = self.q
            while q and q[0][0] <= target and q[0][0] <= self.end:
                item = heapq.heappop(q)
                if item[0] > self.now:
                    self.now = item[0]
                self.in_cb += 1
                try:
                    item[2](item[3])
                finally:
                    self.in_cb -= 1
        if target > self.end:
            self.now = self.end
            struct.pack_into("<Q", self.head, 8, self.now)
            raise SimEnd()
        if target > self.now:
            self.now = target
        struct.pack_into("<Q", self.head, 8, self.now)

    def schedule(self, t, fn, arg):
        self.seq += 1
        heapq.heappush(self.q, (t, self.seq, fn, arg))

    def run_callback(self, what, cb, arg):
        # Exceptions inside IRQ/Timer callbacks are reported like the real port does and do not
        # stop the main program; SimEnd (a BaseException) still ends the run.
        try:
            cb(arg)
            return True
        except Exception as e:
            import sys
            import io
            s = io.StringIO()
            sys.print_exception(e, s)
            text = s.getvalue()
            print("Uncaught exception in %s callback handler" % what)
            print(text, end="")
            if self.cb_error is None:
                self.cb_error = (e, text)
            self.log(b"!sim", b"cb_error", {"what": what, "type": type(e).__name__})
            return False

    def idle_until_end(self):
        # main.py returned: timers and IRQs keep running until the scenario ends (as on a board).
        if self.active_sources <= 0:
            return False
        while True:
            self.advance(1000)

    def ticks_us(self):
        return self.now & TICKS_MAX

    # ---- inputs ------------------------------------------------------------------------------
    def listen(self, key, fn):
        self.listeners.setdefault(key, []).append(fn)

    def output_changed(self, key, level):
        if self.robot is not None:
            self.robot.digital(key, level)
        for fn in self.listeners.get(key, ()):
            fn(level)

    def _make_trigger(self, s):
        echo_key = s["echo"]

        def on_trig(level):
            if level:
                self.trig_high[echo_key] = self.now
            else:
                start = self.trig_high.pop(echo_key, None)
                if start is not None and self.now - start >= 8:
                    if "robot" in s:
                        cm = self.robot.distance_cm(s["robot"])
                    else:
                        cm = interp(s["cm"], self.now)
                    t0 = self.now + 450
                    width = 38000 if cm <= 0 or cm > 400 else int(cm * 58)
                    self.echo[echo_key] = (t0, t0 + width)

        return on_trig

    def pressed(self, key):
        b = self.buttons.get(key)
        if b is None:
            return None
        state = 0
        for t, p in b["changes"]:
            if t > self.now:
                break
            state = p
        return state

    def presses_between(self, key, t0, t1):
        b = self.buttons.get(key)
        if b is None:
            return 0
        n = 0
        prev = 0
        for t, p in b["changes"]:
            if p and not prev and t0 < t <= t1:
                n += 1
            prev = p
        return n

    def input_level(self, key, pull, latch):
        # Electrical level seen on an input pin. pull: 1 up, 0 down, None floating.
        if key in self.echo:
            a, b = self.echo[key]
            return 1 if a <= self.now < b else 0
        if self.robot is not None:
            lvl = self.robot.level(key)
            if lvl is not None:
                return lvl
        p = self.pressed(key)
        if p is not None:
            b = self.buttons[key]
            if p:
                return b["active"]
            return 1 if pull == 1 else 0
        if key in self.analog:
            return 1 if interp(self.analog[key], self.now) > 32767 else 0
        if latch is not None:
            return latch
        return 1 if pull == 1 else 0

    def edges(self, key, pull):
        # Future level changes of a scripted input pin: [(t, level)].
        b = self.buttons.get(key)
        out = []
        if b is None:
            return out
        last = None
        for t, p in b["changes"]:
            lvl = b["active"] if p else (1 if pull == 1 else 0)
            if lvl != last and t > self.now:
                out.append((t, lvl))
            last = lvl
        return out

    def analog_u16(self, key):
        if self.robot is not None:
            v = self.robot.analog(key)
            if v is not None:
                return v
        pts = self.analog.get(key)
        if pts is None:
            return None
        v = int(interp(pts, self.now))
        return 0 if v < 0 else (65535 if v > 65535 else v)

    def temperature(self):
        return interp(self.temp_c, self.now)

    def temperature_of(self, dev):
        return interp(dev["c"], self.now)

    def next_change(self, key, level, limit):
        # Earliest time <= limit when input `key` reads `level`, else None (for time_pulse_us).
        if key in self.echo:
            a, b = self.echo[key]
            if level:
                if self.now < b and a <= limit:
                    return max(a, self.now)
                return None
            if self.now < a or self.now >= b:
                return self.now
            return b if b <= limit else None
        return None
