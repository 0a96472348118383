# MicroPython source (runs INSIDE the sandbox). The virtual BBC micro:bit V2: `microbit` (display,
# buttons, pins, sleep, running_time, temperature, i2c) and `music`; Image comes from _simimage,
# the sensors, radio, speech and audio from _simmbext. Display animations and tunes are one host
# call each: the host owns the font, the note tables and the clock, and plays what runs in the
# background (wait=False, loop=True) on its own clock, recording frames ("09090:...") and tones.


def build(br, board):
    call = br.call
    due = br.run_due
    A = br.A
    RB = br.RB

    import _simimage
    Image = _simimage.build()

    def hc(name, payload):
        if call(name, payload):
            due()

    def _sleep_us(us):
        A[0] = us if us < 1 << 30 else 1 << 30
        hc("s", "")

    def sleep(ms):
        if not isinstance(ms, (int, float)) or isinstance(ms, bool):
            raise TypeError("can't convert %s to int" % type(ms).__name__)
        _sleep_us(int(ms * 1000))

    BLANK = bytes(25)

    def _frames(value):
        # One payload for a whole animation: 1 + 25 brightness bytes per image, 2 + length +
        # UTF-8 per character (the host owns the font).
        out = bytearray()
        if isinstance(value, str):
            items = value
        else:
            try:
                items = iter(value)
            except TypeError:
                raise TypeError("not an image")
        for item in items:
            if isinstance(item, Image):
                out.append(1)
                out += item._five()
            else:
                if isinstance(item, (int, float)):
                    item = str(item)
                if not isinstance(item, str):
                    raise TypeError("not an image")
                for ch in item:
                    raw = ch.encode()
                    out.append(2)
                    out.append(len(raw))
                    out += raw
            if len(out) > 4000:
                break
        return bytes(out)

    class Display:
        def __init__(self):
            self._on = True

        def show(self, value, delay=400, *, wait=True, loop=False, clear=False):
            if isinstance(value, Image) and not loop and not clear:
                hc("d", bytes(value._five()))
                return
            if isinstance(value, Image):
                value = [value]
            elif isinstance(value, (int, float)) and not isinstance(value, bool):
                value = str(value)
            frames = _frames(value)
            A[0] = int(delay)
            A[1] = (1 if wait else 0) | (2 if loop else 0) | (4 if clear else 0)
            A[2] = 1 if isinstance(value, str) else 0
            hc("t", frames)

        def scroll(self, text, delay=150, *, wait=True, loop=False, monospace=False):
            if isinstance(text, (int, float)) and not isinstance(text, bool):
                text = str(text)
            if not isinstance(text, str):
                raise TypeError("can't convert '%s' object to str implicitly" % type(text).__name__)
            A[0] = int(delay)
            A[1] = (1 if wait else 0) | (2 if loop else 0) | (8 if monospace else 0)
            hc("o", text[:500])

        def clear(self):
            hc("d", BLANK)

        def set_pixel(self, x, y, v):
            if not (0 <= x < 5 and 0 <= y < 5):
                raise ValueError("index out of bounds")
            if not 0 <= v <= 9:
                raise ValueError("brightness out of bounds")
            A[0] = x
            A[1] = y
            A[2] = v
            hc("p", "")

        def get_pixel(self, x, y):
            if not (0 <= x < 5 and 0 <= y < 5):
                raise ValueError("index out of bounds")
            A[0] = x
            A[1] = y
            hc("q", "")
            return A[0]

        def on(self):
            self._on = True

        def off(self):
            self._on = False

        def is_on(self):
            return self._on

        def read_light_level(self):
            hc("l", "")
            return A[0]

    class Button:
        def __init__(self, key):
            self._key = key

        def is_pressed(self):
            hc("b", self._key)
            return A[0] == 1

        def get_presses(self):
            hc("g", self._key)
            return A[0]

        def was_pressed(self):
            return self.get_presses() > 0

    class MicroBitPin:
        NO_PULL = 0
        PULL_UP = 1
        PULL_DOWN = 2

        def __init__(self, n, label=None):
            self._label = label or "pin%d" % n
            self._pull = 2 if n in (0, 1, 2) else 0
            self._period = 20000

        def write_digital(self, v):
            A[0] = 1 if v else 0
            hc("w", self._label)

        def read_digital(self):
            A[0] = self._pull
            hc("r", self._label)
            return A[0]

        def write_analog(self, v):
            if not 0 <= v <= 1023:
                raise ValueError("value must be between 0 and 1023")
            A[0] = int(v)
            A[1] = self._period
            hc("v", self._label)

        def read_analog(self):
            hc("a", self._label)
            return A[0]

        def set_analog_period(self, ms):
            self.set_analog_period_microseconds(int(ms) * 1000)

        def set_analog_period_microseconds(self, us):
            if us < 256:
                raise ValueError("invalid period")
            self._period = int(us)
            A[0] = self._period
            hc("V", self._label)

        def is_touched(self):
            hc("b", self._label)
            return A[0] == 1

        def set_pull(self, p):
            self._pull = p

        def get_pull(self):
            return self._pull

    tempo = [4, 120]

    def play(music, pin=None, wait=True, loop=False):
        if isinstance(music, str):
            music = [music]
        elif not isinstance(music, (list, tuple)):
            music = list(music)
        try:
            notes = ",".join(music)
        except TypeError:
            for note in music:
                if not isinstance(note, str):
                    raise TypeError("can't convert %s to str" % type(note).__name__)
            raise
        A[0] = tempo[0]
        A[1] = tempo[1]
        A[2] = (1 if wait else 0) | (2 if loop else 0)
        hc("u", notes[:4000])

    def pitch(frequency, duration=-1, pin=None, wait=True):
        A[0] = int(frequency)
        A[1] = int(duration)
        A[2] = 1 if wait else 0
        hc("j", "")

    def stop(pin=None):
        hc("n", "")

    def set_tempo(ticks=None, bpm=None):
        if ticks is not None:
            tempo[0] = max(1, int(ticks))
        if bpm is not None:
            tempo[1] = max(1, int(bpm))

    def reset_music():
        tempo[0], tempo[1] = 4, 120
        hc("n", "r")

    class MicroBitI2C:
        # microbit.i2c: the Maqueen's motor controller at 0x10 (when the robot is a Maqueen)
        # and any scenario I2C temperature sensor, answered by the host.
        def init(self, freq=100000, sda=None, scl=None):
            pass

        def scan(self):
            hc("Q", "mb")
            return list(RB[:A[0]])

        def write(self, addr, buf, repeat=False):
            A[0] = addr
            A[1] = -1
            A[2] = 100000
            hc("Hmb", bytes(buf))
            if A[0] < 0:
                raise OSError(19)

        def read(self, addr, n, repeat=False):
            A[0] = addr
            A[1] = -1
            A[2] = n
            A[3] = 100000
            hc("G", "mb")
            if A[0] < 0:
                raise OSError(19)
            return bytes(RB[:n])

    def panic(n=0):
        raise SystemExit(n)

    def reset():
        raise SystemExit(0)

    def running_time():
        hc("m", "")
        return A[0]

    def temperature():
        hc("h", "")
        return A[0]

    mb = {"Image": Image, "display": Display(), "button_a": Button("button_a"),
          "button_b": Button("button_b"), "sleep": sleep,
          "running_time": running_time, "temperature": temperature,
          "panic": panic, "reset": reset, "i2c": MicroBitI2C()}
    for n in board["pins"]:
        mb["pin%d" % n] = MicroBitPin(n)
    mb["pin_logo"] = MicroBitPin(0, "logo")
    music = {"play": play, "pitch": pitch, "stop": stop, "set_tempo": set_tempo,
             "reset": reset_music, "get_tempo": lambda: (tempo[0], tempo[1]),
             }

    import sys
    import vfs  # kept for loading the rarely used modules later (students cannot import it)
    import _simmbext
    extra = _simmbext.build(br, mb, music, vfs)
    for i, name in enumerate(("radio", "speech", "audio", "log", "power")):
        mod = sys.modules.pop("_simmbm%d" % i)
        mod.__name__ = name
        # the module's contents are made on first use (they would take heap from every run)
        mod.__getattr__ = _lazy(mod, name, extra)
        sys.modules[name] = mod
    mb["audio"] = sys.modules["audio"]
    _neopixel_show()
    for name in ("_simmbext", "_simimage"):
        if name in sys.modules:
            del sys.modules[name]

    def to_pin(p):
        if isinstance(p, MicroBitPin):
            return p
        raise TypeError("expecting a pin")

    return mb, music, to_pin


def _lazy(mod, name, make):
    def lookup(attr):
        d = mod.__dict__
        if "_built" not in d:
            mod._built = True
            for k, v in make(name).items():
                setattr(mod, k, v)
        if attr in d:
            return d[attr]
        raise AttributeError("module '%s' has no attribute '%s'" % (name, attr))
    return lookup


def _neopixel_show():
    # The micro:bit's neopixel has show() and clear() besides write(): the common driver built
    # by _simbus (after this module) gets them through a subclass.
    import _simbus
    make = _simbus.build_neopixel

    def build_neopixel(br, to_pin):
        base = make(br, to_pin)

        class NeoPixel(base):
            def show(self):
                self.write()

            def clear(self):
                self.fill((0,) * self.bpp)
                self.write()

        return NeoPixel

    _simbus.build_neopixel = build_neopixel
