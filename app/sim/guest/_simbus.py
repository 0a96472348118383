# MicroPython source (runs INSIDE the sandbox). Timer, I2C/SoftI2C, SPI/SoftSPI, UART, RTC, WDT,
# time_pulse_us, NeoPixel and the machine-level functions of the virtual rp2/esp32 boards. The host
# schedules timers, answers the I2C devices (a TMP102 at 0x48...), watches the watchdog and records
# what the buses carried; here we only parse arguments, raise the boards' errors and keep what the
# program itself owns (the RTC's offset, a NeoPixel strip's pixels before write()).


def build(br, board, pins, tm=None):
    hc = br.call
    A = br.A
    RB = br.RB
    due = br.run_due
    fam = board["family"]
    to_pin = pins["to_pin"]
    NO_ACK = 19 if fam == "esp32" else 5  # ENODEV on esp32, EIO on rp2: nobody acknowledged

    class Timer:
        ONE_SHOT = 0
        PERIODIC = 1

        def __init__(self, id=-1, *, mode=1, freq=-1, period=-1, tick_hz=1000, callback=None):
            if fam == "esp32" and (id is None or id < 0 or id > 3):
                raise ValueError("invalid Timer number")
            self._id = id
            self._cb = 0
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
            if us > 1 << 30:
                us = 1 << 30
            self._cb = br.new_cb(callback, self, "Timer", self.deinit)
            A[0] = self._cb
            A[1] = us
            A[2] = 1 if mode == Timer.PERIODIC else 0
            A[3] = self._id if isinstance(self._id, int) and -1 <= self._id < 100 else -1
            if hc("Y", ""):
                due()

        def deinit(self):
            if self._cb:
                br.drop_cb(self._cb)
                A[0] = self._cb
                self._cb = 0
                if hc("Z", ""):
                    due()

    def time_pulse_us(pin, pulse_level, timeout_us=1000000):
        p = to_pin(pin)
        A[0] = 1 if pulse_level else 0
        A[1] = int(timeout_us)
        if hc("P", p._label):
            due()
        return A[0]

    class I2C:
        def __init__(self, id=0, *, scl=None, sda=None, freq=400000, timeout=50000):
            if id not in (0, 1):
                raise ValueError("I2C(%s) doesn't exist" % (id,))
            if scl is not None:
                to_pin(scl)
            if sda is not None:
                to_pin(sda)
            self._freq = int(freq)
            self._bus = str(id)
            self._H = "H" + self._bus
            self._pins = (scl, sda)

        def __repr__(self):
            scl, sda = (p._key if hasattr(p, "_key") else p for p in self._pins)
            if fam == "rp2":
                return "I2C(%s, freq=%d, scl=%s, sda=%s, timeout=50000)" % (self._bus, self._freq,
                                                                            scl, sda)
            return "I2C(%s, scl=%s, sda=%s, freq=%d)" % (self._bus, scl, sda, self._freq)

        def scan(self):
            A[0] = self._freq
            if hc("Q", self._bus):
                due()
            return list(RB[:A[0]])

        def _read(self, addr, reg, n):
            A[0] = addr
            A[1] = reg
            A[2] = n
            A[3] = self._freq
            if hc("G", self._bus):
                due()
            if A[0] < 0:
                raise OSError(NO_ACK)
            return bytes(RB[:n])

        def _write(self, addr, reg, buf):
            A[0] = addr
            A[1] = reg
            A[2] = self._freq
            if hc(self._H, bytes(buf)):
                due()
            if A[0] < 0:
                raise OSError(NO_ACK)

        def readfrom(self, addr, nbytes, stop=True):
            return self._read(addr, -1, nbytes)

        def readfrom_into(self, addr, buf, stop=True):
            buf[:] = self._read(addr, -1, len(buf))

        def writeto(self, addr, buf, stop=True):
            self._write(addr, -1, buf)
            return len(buf)

        def readfrom_mem(self, addr, memaddr, nbytes, *, addrsize=8):
            return self._read(addr, memaddr & 0xFF, nbytes)

        def readfrom_mem_into(self, addr, memaddr, buf, *, addrsize=8):
            buf[:] = self._read(addr, memaddr & 0xFF, len(buf))

        def writeto_mem(self, addr, memaddr, buf, *, addrsize=8):
            self._write(addr, memaddr & 0xFF, buf)

        def writevto(self, addr, vector, stop=True):
            # One transaction on the bus: the buffers go out back to back (the SSD1306 driver
            # sends its control byte and the frame buffer this way).
            data = bytearray()
            for b in vector:
                data.extend(b)
            self._write(addr, -1, data)
            return len(data)

    class SoftI2C(I2C):
        def __init__(self, scl, sda, *, freq=400000, timeout=50000):
            I2C.__init__(self, 0, scl=scl, sda=sda, freq=freq)
            self._bus = "soft"
            self._H = "Hsoft"

        def __repr__(self):
            return "SoftI2C(scl=%s, sda=%s, freq=%d)" % (self._pins[0], self._pins[1], self._freq)

    class UART:
        def __init__(self, id, baudrate=115200, **kw):
            if not isinstance(id, int) or not 0 <= id <= 9:
                raise ValueError("UART(%s) doesn't exist" % (id,))
            self._buf = bytearray()
            self._baud = baudrate
            self._id = id
            self._U = "U%d" % id

        def __repr__(self):
            return "UART(%d, baudrate=%d, bits=8, parity=None, stop=1)" % (self._id, self._baud)

        def readinto(self, buf, nbytes=-1):
            return None

        def flush(self):
            pass

        def txdone(self):
            return True

        def sendbreak(self):
            pass

        def init(self, baudrate=115200, **kw):
            self._baud = baudrate

        def write(self, data):
            # What a UART sends goes out on its TX pin: it never comes back on RX (nothing is
            # wired to RX in a scenario, so reads find nothing, as on a board with RX unwired).
            if isinstance(data, str):
                data = data.encode()
            A[0] = int(self._baud)
            A[1] = len(data)
            if hc(self._U, bytes(data[:256])):
                due()
            return len(data)

        def any(self):
            return len(self._buf)

        def read(self, n=-1):
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

    class SPI:
        MSB = 0
        LSB = 1
        CONTROLLER = 0

        def __init__(self, id=0, baudrate=1000000, *, polarity=0, phase=0, bits=8, firstbit=0,
                     sck=None, mosi=None, miso=None, cs=None):
            if isinstance(id, int) and not isinstance(self, SoftSPI):
                top = 1 if fam == "rp2" else 2
                if not (0 if fam == "rp2" else 1) <= id <= top:
                    raise ValueError("SPI(%d) doesn't exist" % id)
            for p in (sck, mosi, miso):
                if p is not None:
                    to_pin(p)
            self._bus = "soft" if isinstance(self, SoftSPI) else str(id)
            self._K = "K" + self._bus
            self.init(baudrate, polarity=polarity, phase=phase, bits=bits, firstbit=firstbit)

        def init(self, baudrate=1000000, *, polarity=0, phase=0, bits=8, firstbit=0, **kw):
            if int(baudrate) <= 0:
                raise ValueError("baudrate must be positive")
            self._baud = int(baudrate)
            self._pol = polarity
            self._pha = phase

        def __repr__(self):
            return "SPI(%s, baudrate=%d, polarity=%d, phase=%d, bits=8)" % (
                self._bus, self._baud, self._pol, self._pha)

        def deinit(self):
            pass

        def _xfer(self, out, n):
            # One transfer: the host records what went out and answers what the bus read back
            # (0xFF: no device drives MISO).
            A[0] = self._baud
            A[1] = n
            if hc(self._K, bytes(out[:256])):
                due()
            return bytes(RB[:min(n, 256)]) + b"\xff" * max(0, n - 256)

        def write(self, buf):
            self._xfer(buf, 0)
            return None

        def read(self, nbytes, write=0):
            return self._xfer(bytes([write & 0xFF]) * nbytes, nbytes)

        def readinto(self, buf, write=0):
            buf[:] = self._xfer(bytes([write & 0xFF]) * len(buf), len(buf))

        def write_readinto(self, write_buf, read_buf):
            if len(write_buf) != len(read_buf):
                raise ValueError("buffers must be the same length")
            read_buf[:] = self._xfer(write_buf, len(read_buf))

    class SoftSPI(SPI):
        def __init__(self, baudrate=500000, *, polarity=0, phase=0, bits=8, firstbit=0,
                     sck=None, mosi=None, miso=None):
            SPI.__init__(self, "soft", baudrate, polarity=polarity, phase=phase, bits=bits,
                         firstbit=firstbit, sck=sck, mosi=mosi, miso=miso)

    off = [0]  # seconds the program moved the RTC by

    class RTC:
        def __init__(self, id=0):
            pass

        def datetime(self, dt=None):
            if dt is None:
                t = tm["localtime"](tm["time"]() + off[0])
                return (t[0], t[1], t[2], t[6], t[3], t[4], t[5], 0)
            if len(dt) < 7:
                raise ValueError("requested length %d but object has length 8" % len(dt))
            secs = tm["mktime"]((dt[0], dt[1], dt[2], dt[4], dt[5], dt[6], 0, 0))
            off[0] = secs - tm["time"]()

        def init(self, dt):
            self.datetime(dt)

        def memory(self, data=None):
            raise NotImplementedError("'machine.RTC.memory' is available on the real board, "
                                      "not in the simulator")

    class WDT:
        def __init__(self, id=0, timeout=5000):
            timeout = int(timeout)
            if fam == "rp2" and timeout > 8388:
                raise ValueError("timeout exceeds 8388")
            A[0] = 0
            A[1] = timeout
            if hc("O", ""):
                due()

        def feed(self):
            A[0] = 1
            if hc("O", ""):
                due()

    def freq(f=None):
        if f is None:
            return 125000000 if fam == "rp2" else 160000000
        return None

    def reset():
        raise SystemExit(0)

    def _sleep_us(us):
        A[0] = us if us < 1 << 30 else 1 << 30
        if hc("s", ""):
            due()

    def idle():
        _sleep_us(1000)

    def lightsleep(ms=0):
        _sleep_us(int(ms) * 1000)

    def unique_id():
        return b"\xe6\x61\x41\x04\x03\x1f\x22\x29"[: 8 if fam == "rp2" else 6]

    def disable_irq():
        return 0

    def enable_irq(state=0):
        return None

    return {"Timer": Timer, "time_pulse_us": time_pulse_us, "I2C": I2C, "SoftI2C": SoftI2C,
            "UART": UART, "SPI": SPI, "RTC": RTC, "WDT": WDT, "SoftSPI": SoftSPI, "freq": freq,
            "reset": reset, "soft_reset": reset, "idle": idle,
            "lightsleep": lightsleep, "deepsleep": lightsleep, "unique_id": unique_id,
            "disable_irq": disable_irq, "enable_irq": enable_irq}


def build_neopixel(br, to_pin):
    hc = br.call
    A = br.A
    due = br.run_due

    class NeoPixel:
        ORDER = (1, 0, 2, 3)

        def __init__(self, pin, n, *, bpp=3, timing=1):
            p = to_pin(pin)
            self.pin = p
            self.n = int(n)
            if self.n < 0 or self.n > 1024:
                raise ValueError("bad length")
            if bpp not in (3, 4):
                raise ValueError("bpp must be 3 or 4")
            self.bpp = bpp
            self.buf = bytearray(self.n * bpp)
            self._N = "N" + p._label

        def __len__(self):
            return self.n

        def __setitem__(self, i, v):
            # As the real neopixel.py: v[k] for each channel (IndexError when too short).
            if i < 0:
                i += self.n
            if not 0 <= i < self.n:
                raise IndexError("index out of range")
            b = self.buf
            o = i * self.bpp
            for k in range(self.bpp):
                b[o + k] = int(v[k]) & 0xFF

        def __getitem__(self, i):
            if i < 0:
                i += self.n
            if not 0 <= i < self.n:
                raise IndexError("index out of range")
            o = i * self.bpp
            return tuple(self.buf[o:o + self.bpp])

        def fill(self, v):
            for i in range(self.n):
                self[i] = v

        def write(self):
            A[0] = self.bpp
            if hc(self._N, bytes(self.buf)):
                due()

    return NeoPixel
