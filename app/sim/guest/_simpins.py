# MicroPython source (runs INSIDE the sandbox). Pin, Signal-free PWM and ADC of the virtual
# rp2/esp32 `machine` module, built around a Core captured in closures so that student code can
# call the hardware but never reach the trace log directly.
RP2 = {"IN": 0, "OUT": 1, "OPEN_DRAIN": 2, "ALT": 3, "PULL_UP": 1, "PULL_DOWN": 2,
       "IRQ_FALLING": 4, "IRQ_RISING": 8}
ESP = {"IN": 1, "OUT": 3, "OPEN_DRAIN": 7, "ALT": -1, "PULL_UP": 2, "PULL_DOWN": 1,
       "IRQ_FALLING": 2, "IRQ_RISING": 1}


def build(core, board):
    fam = board["family"]
    K = RP2 if fam == "rp2" else ESP
    IN, OUT, OD = K["IN"], K["OUT"], K["OPEN_DRAIN"]
    PUP, PDN = K["PULL_UP"], K["PULL_DOWN"]
    FALL, RISE = K["IRQ_FALLING"], K["IRQ_RISING"]
    valid = set(board["pins"])
    names = board.get("names", {})
    input_only = set(board.get("input_only", []))
    adc_pins = board.get("adc", {})
    costs = board["costs"]
    c_pin = costs["pin"]
    pins = {}

    def resolve(pid):
        # -> (label as the program used it, physical key)
        if isinstance(pid, Pin):
            return pid._label, pid._key
        if isinstance(pid, str):
            if pid in names:
                return pid, names[pid]
            if fam == "esp32":
                raise TypeError("can't convert str to int")
            raise ValueError("unknown named pin \"%s\"" % pid)
        if not isinstance(pid, int) or isinstance(pid, bool):
            raise TypeError("can't convert %s to int" % type(pid).__name__)
        if pid not in valid:
            raise ValueError("invalid pin")
        return str(pid), str(pid)

    class Pin:
        def __init__(self, id, mode=-1, pull=-1, *, value=None, drive=0, alt=-1):
            self._label, self._key = resolve(id)
            self._src = b"pin:" + self._label.encode()
            self._mode = None
            self._pull = None
            self._latch = None
            self._irq = None
            self.init(mode, pull, value=value)

        def init(self, mode=-1, pull=-1, *, value=None, drive=0, alt=-1):
            if mode is not None and mode != -1:
                if mode not in (IN, OUT, OD, K["ALT"]):
                    raise ValueError("invalid pin mode")
                if mode in (OUT, OD) and self._key in input_only:
                    raise ValueError("pin can only be input")
                self._mode = mode
            if pull is not None and pull != -1:
                if pull not in (PUP, PDN):
                    raise ValueError("invalid pull")
                if self._key in input_only:
                    raise ValueError("pin has no pull-up or pull-down")
                self._pull = 1 if pull == PUP else 0
            elif pull is None:
                self._pull = None
            if value is not None:
                self._write(1 if value else 0)
            core.log(self._src, b"mode", "out" if self._mode in (OUT, OD) else "in")

        def _write(self, v):
            if self._latch != v:
                self._latch = v
                if self._mode in (OUT, OD):
                    core.log(self._src, b"value", v)
                    core.output_changed(self._key, v)

        def _level(self):
            if self._mode in (OUT, OD):
                return self._latch or 0
            return core.input_level(self._key, self._pull, None)

        def value(self, v=None):
            if v is None:
                core.poll(c_pin)
                return self._level()
            core.advance(c_pin)
            self._write(1 if v else 0)

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
            core.advance(c_pin)
            self._write(0 if self._latch else 1)

        def mode(self, m=None):
            if m is None:
                return self._mode
            self.init(m)

        def pull(self, p=None):
            if p is None:
                return None if self._pull is None else (PUP if self._pull else PDN)
            self.init(-1, p)

        def irq(self, handler=None, trigger=FALL | RISE, *, hard=False, wake=None, priority=1):
            if self._irq is None and handler is not None:
                core.active_sources += 1
            if handler is None and self._irq is not None:
                core.active_sources -= 1
            token = object()
            self._irq = (handler, trigger, token) if handler is not None else None
            if handler is None:
                return None
            pin = self

            def fire(edge):
                cur = pin._irq
                if cur is None or cur[2] is not token:
                    return
                if (edge[1] == 0 and cur[1] & FALL) or (edge[1] == 1 and cur[1] & RISE):
                    core.log(pin._src, b"irq", edge[1])
                    core.run_callback("IRQ", cur[0], pin)

            for e in core.edges(self._key, self._pull):
                core.schedule(e[0], fire, e)
            return None

        def __repr__(self):
            return "Pin(%s)" % (self._label if fam == "rp2" else self._label)

    for k, v in K.items():
        if v >= 0:
            setattr(Pin, k, v)
    Pin.board = None

    def to_pin(p):
        if isinstance(p, Pin):
            return p
        return Pin(p)

    class PWM:
        def __init__(self, dest, *, freq=None, duty_u16=None, duty_ns=None, duty=None, invert=False):
            self._pin = to_pin(dest)
            if self._pin._key in input_only:
                raise ValueError("pin can only be input")
            self._src = b"pwm:" + self._pin._label.encode()
            self._freq = 0
            self._duty = 0
            self._on = True
            if fam == "esp32":
                self._set_freq(freq if freq is not None else 5000)
                if duty_u16 is None and duty_ns is None and duty is None:
                    duty_u16 = 32768
            else:
                self._set_freq(freq if freq is not None else 1907)
            if duty_u16 is not None:
                self.duty_u16(duty_u16)
            if duty_ns is not None:
                self.duty_ns(duty_ns)
            if duty is not None:
                self.duty(duty)

        def _set_freq(self, f):
            f = int(f)
            lo, hi = (8, 62500000) if fam == "rp2" else (1, 40000000)
            if f < lo:
                raise ValueError("freq too small")
            if f > hi:
                raise ValueError("freq too large")
            if f != self._freq:
                self._freq = f
                core.log(self._src, b"freq", f)

        def _set_duty(self, d):
            core.advance(c_pin)
            d = int(d)
            if d < 0:
                d = 0
            if d > 65535:
                d = 65535
            if d != self._duty:
                self._duty = d
                if core.robot is not None and core.robot.pwm(self._pin._key, d):
                    return  # a motor: the robot's trajectory records it, not the trace
                core.log(self._src, b"duty", d)

        def init(self, *, freq=None, duty_u16=None, duty_ns=None):
            if freq is not None:
                self._set_freq(freq)
            if duty_u16 is not None:
                self._set_duty(duty_u16)
            if duty_ns is not None:
                self.duty_ns(duty_ns)

        def freq(self, f=None):
            if f is None:
                return self._freq
            core.advance(c_pin)
            self._set_freq(f)

        def duty_u16(self, d=None):
            if d is None:
                return self._duty
            if not isinstance(d, int):
                raise TypeError("can't convert %s to int" % type(d).__name__)
            if d < 0 or d > 65535:
                if fam == "rp2":
                    d = min(max(d, 0), 65535)
                else:
                    raise ValueError("duty_u16 must be from 0 to 65535")
            self._set_duty(d)

        def duty_ns(self, ns=None):
            period = 1000000000 // self._freq
            if ns is None:
                return self._duty * period // 65535
            self._set_duty(int(ns) * 65535 // period)

        def duty(self, d=None):
            if fam != "esp32":
                raise AttributeError("'PWM' object has no attribute 'duty'")
            if d is None:
                return self._duty >> 6
            self._set_duty(int(d) * 65535 // 1023)

        def deinit(self):
            if core.robot is not None:
                core.robot.pwm(self._pin._key, 0)
            if self._duty:
                self._duty = 0
                core.log(self._src, b"duty", 0)
            core.log(self._src, b"deinit", 0)

        def __repr__(self):
            return "<PWM freq=%d duty_u16=%d>" % (self._freq, self._duty)

    class ADC:
        ATTN_0DB = 0
        ATTN_2_5DB = 1
        ATTN_6DB = 2
        ATTN_11DB = 3
        WIDTH_9BIT = 9
        WIDTH_10BIT = 10
        WIDTH_11BIT = 11
        WIDTH_12BIT = 12
        CORE_TEMP = 4

        def __init__(self, src, *, atten=3):
            self._temp = False
            if fam == "rp2" and isinstance(src, int) and not isinstance(src, bool) and 0 <= src <= 4:
                if src == 4:
                    self._temp = True
                    self._key = "temp"
                    self._src = b"adc:4"
                    return
                src = 26 + src
            p = to_pin(src)
            if p._key not in adc_pins:
                if fam == "rp2":
                    raise ValueError("Pin doesn't have ADC capabilities")
                raise ValueError("invalid Pin for ADC")
            self._key = p._key
            self._src = b"adc:" + p._label.encode()
            self._atten = atten

        def read_u16(self):
            core.advance(costs["adc"])
            if self._temp:
                volts = 0.706 - (core.temperature() - 27) * 0.001721
                v = int(volts / 3.3 * 65535)
            else:
                v = core.analog_u16(self._key)
                if v is None:
                    v = 0
            if fam == "rp2":
                v = v & 0xFFF0
            return v

        def read_uv(self):
            return self.read_u16() * 3300000 // 65535

        def read(self):
            if fam != "esp32":
                raise AttributeError("'ADC' object has no attribute 'read'")
            return self.read_u16() >> 4

        def atten(self, a):
            self._atten = a

        def width(self, w):
            pass

    return {"Pin": Pin, "PWM": PWM, "ADC": ADC, "to_pin": to_pin, "resolve": resolve}
