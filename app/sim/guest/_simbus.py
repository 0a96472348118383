# MicroPython source (runs INSIDE the sandbox). Timer, I2C/SoftI2C with a simulated TMP102
# temperature sensor, UART loopback, time_pulse_us, NeoPixel and the machine-level functions of
# the virtual rp2/esp32 boards. Everything talks to the Core through closures.


def build(core, board, pins):
    fam = board["family"]
    costs = board["costs"]
    Pin = pins["Pin"]
    to_pin = pins["to_pin"]

    class Timer:
        ONE_SHOT = 0
        PERIODIC = 1

        def __init__(self, id=-1, *, mode=1, freq=-1, period=-1, tick_hz=1000, callback=None):
            if fam == "esp32" and (id is None or id < 0 or id > 3):
                raise ValueError("invalid Timer number")
            self._id = id
            self._gen = 0
            self._live = False
            if callback is not None or period != -1 or freq != -1:
                self.init(mode=mode, freq=freq, period=period, tick_hz=tick_hz, callback=callback)

        def init(self, *, mode=1, freq=-1, period=-1, tick_hz=1000, callback=None):
            self.deinit()
            if freq is not None and freq > 0:
                us = int(1000000 / freq)
            elif period is not None and period >= 0:
                us = int(period * 1000000 // tick_hz)
            else:
                raise ValueError("period or freq required")
            if us < 1:
                us = 1
            self._gen += 1
            gen = self._gen
            self._live = True
            core.active_sources += 1
            tim = self
            src = b"timer:%d" % (self._id if isinstance(self._id, int) else -1)
            core.log(src, b"init", us)

            def fire(t):
                if tim._gen != gen or not tim._live:
                    return
                if mode == Timer.PERIODIC:
                    core.schedule(t + us, fire, t + us)
                else:
                    tim._live = False
                    core.active_sources -= 1
                if callback is not None:
                    if not core.run_callback("Timer", callback, tim):
                        if tim._live:
                            tim.deinit()

            core.schedule(core.now + us, fire, core.now + us)

        def deinit(self):
            if self._live:
                self._live = False
                core.active_sources -= 1
            self._gen += 1

    def time_pulse_us(pin, pulse_level, timeout_us=1000000):
        p = pin if isinstance(pin, Pin) else to_pin(pin)
        key = p._key
        nc = core.next_change(key, pulse_level, core.now + timeout_us)
        if nc is None:
            if p._level() == pulse_level:
                core.advance(timeout_us)
                return -1
            core.advance(timeout_us)
            return -2
        core.advance(nc - core.now)
        endt = core.next_change(key, 0 if pulse_level else 1, core.now + timeout_us)
        if endt is None:
            core.advance(timeout_us)
            return -1
        width = endt - core.now
        core.advance(width)
        return width

    i2c_devs = {}
    for d in core.i2c_temp:
        i2c_devs[d["addr"]] = d

    class I2C:
        def __init__(self, id=0, *, scl=None, sda=None, freq=400000, timeout=50000):
            if fam == "rp2" and id not in (0, 1):
                raise ValueError("I2C(%s) doesn't exist" % (id,))
            if fam == "esp32" and id not in (0, 1):
                raise ValueError("I2C(%s) doesn't exist" % (id,))
            if scl is not None:
                to_pin(scl)
            if sda is not None:
                to_pin(sda)
            self._id = id
            self._freq = freq
            self._src = b"i2c:%d" % id if isinstance(id, int) else b"i2c:soft"
            self._reg = {}

        def _cost(self, n):
            core.advance(costs["i2c"] + n * 9000000 // max(self._freq, 10000))

        def scan(self):
            self._cost(len(i2c_devs) + 112)
            found = sorted(i2c_devs)
            core.log(self._src, b"scan", found)
            return found

        def _dev(self, addr):
            d = i2c_devs.get(addr)
            if d is None:
                raise OSError(5)
            return d

        def _read(self, addr, reg, n):
            d = self._dev(addr)
            c = core.temperature_of(d)
            raw = int(round(c / 0.0625)) & 0xFFF
            data = bytes([(raw >> 4) & 0xFF, (raw << 4) & 0xF0]) if reg == 0 else bytes([0x60, 0xA0])
            out = bytes((data * (n // 2 + 1))[:n])
            core.log(self._src, b"read", {"addr": addr, "reg": reg, "n": n})
            return out

        def readfrom(self, addr, nbytes, stop=True):
            self._cost(nbytes + 1)
            return self._read(addr, self._reg.get(addr, 0), nbytes)

        def readfrom_into(self, addr, buf, stop=True):
            data = self.readfrom(addr, len(buf))
            buf[:] = data

        def writeto(self, addr, buf, stop=True):
            self._cost(len(buf) + 1)
            self._dev(addr)
            if len(buf):
                self._reg[addr] = buf[0]
            core.log(self._src, b"write", {"addr": addr, "n": len(buf)})
            return len(buf)

        def readfrom_mem(self, addr, memaddr, nbytes, *, addrsize=8):
            self._cost(nbytes + 2)
            return self._read(addr, memaddr, nbytes)

        def readfrom_mem_into(self, addr, memaddr, buf, *, addrsize=8):
            buf[:] = self.readfrom_mem(addr, memaddr, len(buf))

        def writeto_mem(self, addr, memaddr, buf, *, addrsize=8):
            self._cost(len(buf) + 2)
            self._dev(addr)
            core.log(self._src, b"write", {"addr": addr, "n": len(buf)})

    class SoftI2C(I2C):
        def __init__(self, scl, sda, *, freq=400000, timeout=50000):
            I2C.__init__(self, 0, scl=scl, sda=sda, freq=freq)
            self._src = b"i2c:soft"

    class UART:
        def __init__(self, id, baudrate=115200, **kw):
            self._id = id
            self._buf = bytearray()
            self._baud = baudrate
            self._src = b"uart:%d" % id

        def init(self, baudrate=115200, **kw):
            self._baud = baudrate

        def write(self, data):
            if isinstance(data, str):
                data = data.encode()
            core.advance(costs["pin"] + len(data) * 10000000 // self._baud)
            self._buf.extend(data)
            if len(self._buf) > 4096:
                self._buf = self._buf[-4096:]
            core.log(self._src, b"tx", bytes(data).decode("utf-8", "replace")[:200])
            return len(data)

        def any(self):
            core.advance(costs["pin"])
            return len(self._buf)

        def read(self, n=-1):
            core.advance(costs["pin"])
            if not self._buf:
                return None
            if n is None or n < 0:
                n = len(self._buf)
            out = bytes(self._buf[:n])
            self._buf = self._buf[n:]
            return out

        def readline(self):
            i = self._buf.find(b"\n")
            return self.read(len(self._buf) if i < 0 else i + 1)

        def deinit(self):
            pass

    def freq(f=None):
        if f is None:
            return 125000000 if fam == "rp2" else 160000000
        return None

    def reset():
        core.log(b"!sim", b"reset", 0)
        raise SystemExit(0)

    def idle():
        core.advance(1000)

    def lightsleep(ms=0):
        core.advance(int(ms) * 1000)

    def unique_id():
        return b"\xe6\x61\x41\x04\x03\x1f\x22\x29"[: 8 if fam == "rp2" else 6]

    def disable_irq():
        return 0

    def enable_irq(state=0):
        return None

    api = {"Timer": Timer, "time_pulse_us": time_pulse_us, "I2C": I2C, "SoftI2C": SoftI2C,
           "UART": UART, "freq": freq, "reset": reset, "soft_reset": reset, "idle": idle,
           "lightsleep": lightsleep, "deepsleep": lightsleep, "unique_id": unique_id,
           "disable_irq": disable_irq, "enable_irq": enable_irq}
    return api


def build_neopixel(core, to_pin):
    class NeoPixel:
        ORDER = (1, 0, 2, 3)

        def __init__(self, pin, n, *, bpp=3, timing=1):
            p = to_pin(pin)
            self.pin = p
            self.n = int(n)
            if self.n < 0 or self.n > 1024:
                raise ValueError("bad length")
            self.bpp = bpp
            self._px = [(0,) * bpp for _ in range(self.n)]
            self._src = b"neopixel:" + p._label.encode()

        def __len__(self):
            return self.n

        def __setitem__(self, i, v):
            # As the real neopixel.py: v[k] for each channel (IndexError when too short).
            self._px[i] = tuple(int(v[k]) & 0xFF for k in range(self.bpp))

        def __getitem__(self, i):
            return self._px[i]

        def fill(self, v):
            t = tuple(int(x) & 0xFF for x in v)
            for i in range(self.n):
                self._px[i] = t

        def write(self):
            core.advance(30 * self.n + 50)
            core.log(self._src, b"write", [list(p) for p in self._px])

    return NeoPixel
