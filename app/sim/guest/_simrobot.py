# MicroPython source (runs INSIDE the sandbox). The virtual robot's guest half: turns motor pin
# duties (Maker Pi RP2040) or Maqueen I2C writes into motor powers, and answers line-sensor,
# bumper and sonar reads from the host's physics through the `robot` host call (protocol in
# app/sim/robot/protocol.py). Readings are cached per physics step and dropped when a new motor
# command makes them stale, so a polling loop costs one host call per few steps, not per read.
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
        self.base = 0
        self.cache = []

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
        if self.base >= 0:
            keep = e - self.base + 1
            if keep < len(self.cache):
                del self.cache[max(keep, 0):]
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

    def readings(self):
        # the hot path of every sensor read: one division and a list lookup when cached
        k = self.core.now // self.step
        off = k - self.base
        c = self.cache
        if 0 <= off < len(c):
            return c[off]
        parts = self.flush("S %d" % k).split("|")
        self.base = int(parts[0])
        self.cache = c = [[int(v) for v in p.split(",")] if p else [] for p in parts[1:]]
        return c[k - self.base]

    def distance_cm(self, index):
        mm = int(self.flush("D %d %d" % (self.core.now // self.step, index)))
        return -1 if mm < 0 else mm / 10

    def end(self):
        self.flush("E %d" % (self.core.now // self.step))

    # ---- sensors -----------------------------------------------------------------------------
    def level(self, key):
        k = self.core.now // self.step
        off = k - self.base
        c = self.cache
        return c[off][0] if 0 <= off < len(c) else self.readings()[0]
        i = self.line.get(key)
        if i is not None:
            if self.readings()[i] > THRESHOLD:
                return self.dark
            return 1 - self.dark
        i = self.bump.get(key)
        if i is not None:
            return 0 if self.readings()[i] else 1  # switch to GND, read with a pull-up
        return None

    def analog(self, key):
        i = self.line.get(key)
        if i is None:
            return None
        return self.readings()[i]


def build(core, cfg, call):
    core.robot = Robot(core, cfg, call)
    return core.robot
