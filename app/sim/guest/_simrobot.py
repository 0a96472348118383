# MicroPython source (runs INSIDE the sandbox). The virtual robot's guest half: turns motor pin
# duties (Maker Pi RP2040) or Maqueen I2C writes into motor powers, and answers line-sensor,
# bumper and sonar reads from the host's physics through the `robot` host call (protocol in
# app/sim/robot/protocol.py). Readings are cached per physics step and dropped when a new motor
# command makes them stale, so a polling loop costs one host call per few steps, not per read.
from binascii import a2b_base64

THRESHOLD = 29000


class Robot:
    def __init__(self, core, cfg, call):
        self.core = core
        self.call = call
        self.step = cfg["step_us"]
        self.motors = cfg["motors"]  # pin key -> [motor, +1/-1]
        self.duty = {}
        self.power = [0, 0]
        self.i2c = cfg["i2c"]
        self.dark = cfg["dark"]
        self.line = {}
        i = 0
        for p in cfg["line"]:
            self.line[p] = i
            i += 1
        self.bump = {}
        for p in cfg["bumpers"]:
            self.bump[p] = i
            i += 1
        self.pending = []
        self.last = [None, None]  # motor -> (eff, index in pending)
        self.width = 2 * i  # bytes per step: u16 little-endian per reading
        self.base = 0
        self.n = 0  # steps cached from `base` on
        self.data = b""

    # ---- motors ------------------------------------------------------------------------------
    def set_power(self, motor, p):
        if self.power[motor] == p:
            return
        self.power[motor] = p
        step = self.step
        e = (self.core.now + step - 1) // step
        item = "%d,%d,%d" % (e, motor, p)
        last = self.last[motor]
        if last is not None and last[0] == e and last[1] < len(self.pending):
            self.pending[last[1]] = item
        else:
            self.last[motor] = (e, len(self.pending))
            self.pending.append(item)
        keep = e - self.base + 1
        if keep < self.n:
            self.n = keep if keep > 0 else 0
        if len(self.pending) >= 200:
            self.flush("E %d" % (self.core.now // step))

    def pwm(self, key, duty):
        m = self.motors.get(key)
        if m is None:
            return False
        self.duty[key] = duty
        net = 0
        for k2 in self.motors:
            m2 = self.motors[k2]
            if m2[0] == m[0]:
                net += m2[1] * self.duty.get(k2, 0)
        self.set_power(m[0], net)
        return True

    def digital(self, key, level):
        if key in self.motors:
            self.pwm(key, 65535 if level else 0)

    def i2c_write(self, addr, data):
        # Maqueen: [register 0x00 left | 0x02 right, direction 0 fwd / 1 back, speed 0..255]
        if addr != self.i2c:
            return False
        if len(data) >= 3 and data[0] in (0, 2):
            p = min(data[2], 255) * 65535 // 255
            self.set_power(data[0] // 2, -p if data[1] else p)
        return True

    # ---- host calls --------------------------------------------------------------------------
    def flush(self, head):
        reply = self.call("robot", head + "|" + ";".join(self.pending))
        self.pending = []
        self.last = [None, None]
        return reply

    def value(self, i):
        # The hot path of every sensor read: a division and two byte lookups when cached.
        # Readings travel as base64 u16s: int() on text costs ~20k wasm instructions here.
        k = self.core.now // self.step
        off = k - self.base
        if off < 0 or off >= self.n:
            reply = self.flush("S %d" % k)
            j = reply.find("|")
            self.base = int(reply[:j])
            self.data = a2b_base64(reply[j + 1:])
            self.n = len(self.data) // self.width
            off = k - self.base
        o = off * self.width + 2 * i
        d = self.data
        return d[o] | (d[o + 1] << 8)

    def distance_cm(self, index):
        mm = int(self.flush("D %d %d" % (self.core.now // self.step, index)))  # once per ping
        return -1 if mm < 0 else mm / 10

    def end(self):
        self.flush("E %d" % (self.core.now // self.step))

    # ---- sensors -----------------------------------------------------------------------------
    def level(self, key):
        i = self.line.get(key)
        if i is not None:
            if self.value(i) > THRESHOLD:
                return self.dark
            return 1 - self.dark
        i = self.bump.get(key)
        if i is not None:
            return 0 if self.value(i) else 1  # switch to GND, read with a pull-up
        return None

    def analog(self, key):
        i = self.line.get(key)
        if i is None:
            return None
        return self.value(i)


def build(core, cfg, call):
    core.robot = Robot(core, cfg, call)
    return core.robot
