# MicroPython source (runs INSIDE the sandbox). Pin, PWM and ADC of the virtual rp2/esp32 `machine`
# module. They parse arguments and raise the boards' errors here; every state change, input read
# and time query is one host call (command letter + pin label, ints in A). The pin's state and the
# trace live on the host, so patching these classes changes nothing that is recorded.
RP2 = {"IN": 0, "OUT": 1, "OPEN_DRAIN": 2, "ALT": 3, "PULL_UP": 1, "PULL_DOWN": 2,
       "IRQ_FALLING": 4, "IRQ_RISING": 8}
ESP = {"IN": 1, "OUT": 3, "OPEN_DRAIN": 7, "ALT": -1, "PULL_UP": 2, "PULL_DOWN": 1,
       "IRQ_FALLING": 2, "IRQ_RISING": 1}


def build(br, board):
    hc = br.call
    A = br.A
    due = br.run_due
    fam = board["family"]
    K = RP2 if fam == "rp2" else ESP
    IN, OUT, OD = K["IN"], K["OUT"], K["OPEN_DRAIN"]
    PUP, PDN = K["PULL_UP"], K["PULL_DOWN"]
    FALL, RISE = K["IRQ_FALLING"], K["IRQ_RISING"]
    valid = set(board["pins"])
    names = board.get("names", {})
    input_only = set(board.get("input_only", []))
    adc_pins = board.get("adc", {})

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
        s = str(pid)
        return s, s

    class Pin:
        def __init__(self, id, mode=-1, pull=-1, *, value=None, drive=0, alt=-1):
            self._label, self._key = resolve(id)
            self._mode = None
            self._pull = None
            self.init(mode, pull, value=value)

        def init(self, mode=-1, pull=-1, *, value=None, drive=0, alt=-1):
            m = p = 0  # 0: unchanged; mode 1 out, 2 in; pull 1 up, 2 down, 3 none
            if mode is not None and mode != -1:
                if mode not in (IN, OUT, OD, K["ALT"]):
                    raise ValueError("invalid pin mode")
                if mode in (OUT, OD) and self._key in input_only:
                    raise ValueError("pin can only be input")
                self._mode = mode
                m = 1 if mode in (OUT, OD) else 2
            if pull == 0 and 0 not in (PUP, PDN):  # 0 = no pull, valid on both firmwares
                pull = None
            if pull is not None and pull != -1:
                if pull not in (PUP, PDN):
                    raise ValueError("invalid pull")
                if self._key in input_only:
                    raise ValueError("pin has no pull-up or pull-down")
                self._pull = pull
                p = 1 if pull == PUP else 2
            elif pull is None:
                self._pull = None
                p = 3
            A[0] = m
            A[1] = p
            A[2] = -1 if value is None else (1 if value else 0)
            if hc("M", self._label):
                due()

        def value(self, v=None):
            if v is None:
                if hc("R", self._label):
                    due()
                return A[0]
            A[0] = 1 if v else 0
            if hc("W", self._label):
                due()

        def __call__(self, v=None):
            return self.value(v)

        def on(self):
            A[0] = 1
            if hc("W", self._label):
                due()

        def off(self):
            A[0] = 0
            if hc("W", self._label):
                due()

        def high(self):
            A[0] = 1
            if hc("W", self._label):
                due()

        def low(self):
            A[0] = 0
            if hc("W", self._label):
                due()

        def toggle(self):
            if hc("T", self._label):
                due()

        def mode(self, m=None):
            if m is None:
                return self._mode
            self.init(m)

        def pull(self, p=None):
            if p is None:
                return self._pull
            self.init(-1, p)

        def irq(self, handler=None, trigger=FALL | RISE, *, hard=False, wake=None, priority=1):
            old = getattr(self, "_irq", 0)
            if old:
                br.drop_cb(old)
            self._irq = 0
            if handler is not None:
                self._irq = br.new_cb(handler, self, "IRQ")
            A[0] = self._irq
            A[1] = (1 if trigger & FALL else 0) | (2 if trigger & RISE else 0)
            if hc("I", self._label):
                due()
            return None

        def __repr__(self):
            # As the firmware prints it: Pin(GPIO15, mode=OUT, pull=PULL_UP) on rp2, Pin(15) on
            # esp32.
            if fam != "rp2":
                return "Pin(%s)" % self._key
            name = self._key if not self._key.isdigit() else "GPIO" + self._key
            mode = {IN: "IN", OUT: "OUT", OD: "OPEN_DRAIN"}.get(self._mode, "IN")
            pull = {PUP: ", pull=PULL_UP", PDN: ", pull=PULL_DOWN"}.get(self._pull, "")
            return "Pin(%s, mode=%s%s)" % (name, mode, pull)

    for k, v in K.items():
        if v >= 0:
            setattr(Pin, k, v)
    Pin.board = None

    def to_pin(p):
        if isinstance(p, Pin):
            return p
        return Pin(p)

    class PWM:
        def __init__(self, dest, freq=None, duty_u16=None, duty_ns=None, *, duty=None, invert=False):
            # PWM(pin, freq) and PWM(pin, freq, duty_u16): both firmwares take them positionally.
            self._pin = to_pin(dest)
            if self._pin._key in input_only:
                raise ValueError("pin can only be input")
            self._label = self._pin._label
            self._freq = 0
            self._duty = 0
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
            self._freq = f
            A[0] = f
            if hc("F", self._label):
                due()

        def _set_duty(self, d):
            d = int(d)
            if d < 0:
                d = 0
            if d > 65535:
                d = 65535
            if d != self._duty:  # an unchanged duty costs no host call
                self._duty = d
                A[0] = d
                if hc("D", self._label):
                    due()

        def init(self, freq=None, duty_u16=None, duty_ns=None, *, duty=None, invert=False):
            if freq is not None:
                self._set_freq(freq)
            if duty_u16 is not None:
                self._set_duty(duty_u16)
            if duty_ns is not None:
                self.duty_ns(duty_ns)
            if duty is not None:
                self.duty(duty)

        def freq(self, f=None):
            if f is None:
                return self._freq
            self._set_freq(f)

        def duty_u16(self, d=None):
            if d == self._duty:  # the hot path of a drive loop: unchanged, no host call
                return
            if d.__class__ is int and 0 <= d <= 65535:  # a new duty: straight to the host
                self._duty = d
                A[0] = d
                if hc("D", self._label):
                    due()
                return
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
            self._duty = 0
            if hc("X", self._label):
                due()

        def __repr__(self):
            if fam == "rp2":
                k = int(self._pin._key) if self._pin._key.isdigit() else 0
                return "<PWM slice=%d channel=%d invert=0>" % ((k >> 1) & 7, k & 1)
            return "PWM(Pin(%s), freq=%d, duty_u16=%d)" % (self._pin._key, self._freq, self._duty)

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
            if fam == "rp2" and isinstance(src, int) and not isinstance(src, bool) and 0 <= src <= 4:
                if src == 4:
                    self._A = "temp"
                    return
                src = 26 + src
            p = to_pin(src)
            if p._key not in adc_pins:
                if fam == "rp2":
                    raise ValueError("Pin doesn't have ADC capabilities")
                raise ValueError("invalid Pin for ADC")
            self._A = p._label
            self._atten = atten

        def read_u16(self):
            if hc("A", self._A):
                due()
            return A[0]

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
