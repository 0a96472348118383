# MicroPython source (runs INSIDE the sandbox). The virtual BBC micro:bit V2: `microbit`
# (display, Image, buttons, pins, sleep, running_time, temperature, accelerometer at rest) and a
# basic `music`. Display changes are traced as 5x5 frames ("09090:99999:...").

FONT = {
    "0": "09900:90090:90090:90090:09900", "1": "00900:09900:00900:00900:09990",
    "2": "99900:00090:09900:90000:99990", "3": "99990:00090:00900:90090:09900",
    "4": "00990:09090:90090:99999:00090", "5": "99999:90000:99990:00009:99990",
    "6": "00090:00900:09990:90009:09990", "7": "99999:00090:00900:09000:90000",
    "8": "09990:90009:09990:90009:09990", "9": "09990:90009:09999:00090:09000",
    " ": "00000:00000:00000:00000:00000", "-": "00000:00000:09990:00000:00000",
}
IMAGES = {
    "HEART": "09090:99999:99999:09990:00900", "HEART_SMALL": "00000:09090:09990:00900:00000",
    "HAPPY": "00000:09090:00000:90009:09990", "SMILE": "00000:00000:00000:90009:09990",
    "SAD": "00000:09090:00000:09990:90009", "CONFUSED": "00000:09090:00000:09090:90909",
    "ANGRY": "90009:09090:00000:99999:90909", "ASLEEP": "00000:99099:00000:09990:00000",
    "SURPRISED": "09090:00000:00900:09090:00900", "YES": "00000:00009:00090:90900:09000",
    "NO": "90009:09090:00900:09090:90009", "SQUARE": "99999:90009:90009:90009:99999",
    "SQUARE_SMALL": "00000:09990:09090:09990:00000", "DIAMOND": "00900:09090:90009:09090:00900",
    "TRIANGLE": "00000:00900:09090:99999:00000", "SKULL": "09990:90909:99999:09990:09990",
    "TARGET": "00900:09990:99099:09990:00900", "ARROW_N": "00900:09990:90909:00900:00900",
    "ARROW_S": "00900:00900:90909:09990:00900", "ARROW_E": "00900:00090:99999:00090:00900",
    "ARROW_W": "00900:09000:99999:09000:00900", "CHESSBOARD": "09090:90909:09090:90909:09090",
}
NOTES = {"c": 0, "d": 2, "e": 4, "f": 5, "g": 7, "a": 9, "b": 11}


def build(core, board):
    costs = core.cfg["costs"]

    class Image:
        def __init__(self, *args):
            if len(args) == 1 and isinstance(args[0], str):
                rows = args[0].replace("\n", ":").strip(":").split(":")
                self._w = max(len(r) for r in rows)
                self._h = len(rows)
                self._px = [int(r[x]) if x < len(r) else 0 for r in rows for x in range(self._w)]
            elif len(args) >= 2:
                self._w, self._h = int(args[0]), int(args[1])
                buf = args[2] if len(args) > 2 else bytes(self._w * self._h)
                self._px = [min(9, int(b)) for b in buf]
            else:
                self._w = self._h = 5
                self._px = [0] * 25

        def width(self):
            return self._w

        def height(self):
            return self._h

        def get_pixel(self, x, y):
            return self._px[y * self._w + x]

        def set_pixel(self, x, y, v):
            if not (0 <= x < self._w and 0 <= y < self._h):
                raise ValueError("index out of bounds")
            if not 0 <= v <= 9:
                raise ValueError("brightness out of bounds")
            self._px[y * self._w + x] = v

        def copy(self):
            return Image(self._w, self._h, bytes(self._px))

        def invert(self):
            return Image(self._w, self._h, bytes(9 - p for p in self._px))

        def __repr__(self):
            return "Image('%s')" % self._frame()

        def _frame(self):
            rows = []
            for y in range(5):
                rows.append("".join(str(self._px[y * self._w + x]) if x < self._w and y < self._h else "0"
                                    for x in range(5)))
            return ":".join(rows)

    for k, v in IMAGES.items():
        setattr(Image, k, Image(v))
    Image.ALL_CLOCKS = []
    Image.ALL_ARROWS = [Image.ARROW_N, Image.ARROW_E, Image.ARROW_S, Image.ARROW_W]

    def sleep(ms):
        if not isinstance(ms, (int, float)) or isinstance(ms, bool):
            raise TypeError("can't convert %s to int" % type(ms).__name__)
        core.advance(max(int(ms * 1000), costs["tick"]))

    class Display:
        def __init__(self):
            self._px = [0] * 25
            self._on = True

        def _show(self, frame):
            if isinstance(frame, Image):
                f = frame._frame()
            else:
                f = frame
            px = [int(c) for c in f if c != ":"]
            if px != self._px:
                self._px = px
                core.log(b"display", b"image", f)

        def show(self, value, delay=400, *, wait=True, loop=False, clear=False):
            core.advance(costs["pin"])
            if isinstance(value, Image):
                self._show(value)
                return
            if isinstance(value, (int, float)):
                value = str(value)
            if isinstance(value, (list, tuple)):
                for im in value:
                    self.show(im, delay)
                return
            if not isinstance(value, str):
                raise TypeError("not an image")
            for ch in value:
                core.log(b"display", b"text", ch)
                self._show(FONT.get(ch, "00000:00000:00000:00000:00000"))
                if len(value) > 1 or wait:
                    if len(value) > 1:
                        sleep(delay)
            if clear:
                self.clear()

        def scroll(self, text, delay=150, *, wait=True, loop=False, monospace=False):
            text = str(text)
            core.log(b"display", b"scroll", text)
            if wait:
                sleep(delay * (len(text) * 5 + 5))
            self._show("00000:00000:00000:00000:00000")

        def clear(self):
            self._show("00000:00000:00000:00000:00000")

        def set_pixel(self, x, y, v):
            if not (0 <= x < 5 and 0 <= y < 5):
                raise ValueError("index out of bounds")
            if not 0 <= v <= 9:
                raise ValueError("brightness out of bounds")
            px = list(self._px)
            px[y * 5 + x] = v
            self._show(":".join("".join(str(p) for p in px[r * 5:r * 5 + 5]) for r in range(5)))

        def get_pixel(self, x, y):
            return self._px[y * 5 + x]

        def on(self):
            self._on = True

        def off(self):
            self._on = False

        def is_on(self):
            return self._on

        def read_light_level(self):
            v = core.analog_u16("light")
            return 0 if v is None else v * 255 // 65535

    class Button:
        def __init__(self, key):
            self._key = key
            self._src = key.encode()
            self._since = 0

        def is_pressed(self):
            core.poll(costs["pin"])
            return bool(core.pressed(self._key))

        def get_presses(self):
            core.advance(costs["pin"])
            n = core.presses_between(self._key, self._since, core.now)
            self._since = core.now
            return n

        def was_pressed(self):
            return self.get_presses() > 0

    class MicroBitPin:
        NO_PULL = 0
        PULL_UP = 1
        PULL_DOWN = 2

        def __init__(self, n):
            self._n = n
            self._key = "pin%d" % n
            self._src = b"pin:pin%d" % n
            self._latch = None
            self._pull = 2 if n in (0, 1, 2) else 0
            self._period = 20000
            self._pwm = False

        def write_digital(self, v):
            core.advance(costs["pin"])
            v = 1 if v else 0
            if self._pwm:
                self._pwm = False
                core.log(b"pwm:pin%d" % self._n, b"duty", 0)
            if v != self._latch:
                self._latch = v
                core.log(self._src, b"value", v)
                core.output_changed(self._key, v)

        def read_digital(self):
            core.poll(costs["pin"])
            pull = {0: None, 1: 1, 2: 0}[self._pull]
            return core.input_level(self._key, pull, None)

        def write_analog(self, v):
            core.advance(costs["pin"])
            if not 0 <= v <= 1023:
                raise ValueError("value must be between 0 and 1023")
            src = b"pwm:pin%d" % self._n
            if not self._pwm:
                self._pwm = True
                core.log(src, b"freq", 1000000 // self._period)
            core.log(src, b"duty", int(v) * 65535 // 1023)

        def read_analog(self):
            core.advance(costs["adc"])
            v = core.analog_u16(self._key)
            return 0 if v is None else v * 1023 // 65535

        def set_analog_period(self, ms):
            self.set_analog_period_microseconds(int(ms) * 1000)

        def set_analog_period_microseconds(self, us):
            if us < 256:
                raise ValueError("invalid period")
            self._period = int(us)
            if self._pwm:
                core.log(b"pwm:pin%d" % self._n, b"freq", 1000000 // self._period)

        def is_touched(self):
            core.advance(costs["pin"])
            return bool(core.pressed(self._key))

        def set_pull(self, p):
            self._pull = p

        def get_pull(self):
            return self._pull

    tempo = [4, 120]

    def _tone(freq, ms, pin):
        core.log(b"music", b"tone", int(freq))
        if ms > 0:
            sleep(ms)
            core.log(b"music", b"tone", 0)

    def play(music, pin=None, wait=True, loop=False):
        if isinstance(music, str):
            music = [music]
        octave, ticks = 4, 4
        for note in music:
            note = note.lower()
            name, _, dur = note.partition(":")
            if dur:
                ticks = int(dur)
            if name and name[-1].isdigit():
                octave = int(name[-1])
                name = name[:-1]
            ms = ticks * 60000 // (tempo[0] * tempo[1])
            if not name or name[0] == "r" or name[0] not in NOTES:
                core.log(b"music", b"tone", 0)
                sleep(ms)
                continue
            semi = NOTES[name[0]] + (1 if "#" in name else 0) - (1 if name.endswith("b") and len(name) > 1 else 0)
            midi = 12 * (octave + 1) + semi
            freq = int(440 * 2 ** ((midi - 69) / 12) + 0.5)
            core.log(b"music", b"tone", freq)
            sleep(ms)
        core.log(b"music", b"tone", 0)

    def pitch(frequency, duration=-1, pin=None, wait=True):
        _tone(frequency, duration, pin)

    def stop(pin=None):
        core.log(b"music", b"tone", 0)

    def set_tempo(ticks=4, bpm=120):
        tempo[0], tempo[1] = ticks, bpm

    class MicroBitI2C:
        # microbit.i2c: the Maqueen's motor controller at 0x10 (when the robot is a Maqueen)
        # and any scenario I2C temperature sensor.
        def init(self, freq=100000, sda=None, scl=None):
            pass

        def _addrs(self):
            found = [d["addr"] for d in core.i2c_temp]
            if core.robot is not None and core.robot.i2c is not None:
                found.append(core.robot.i2c)
            return sorted(found)

        def scan(self):
            core.advance(costs["i2c"] * 4)
            found = self._addrs()
            core.log(b"i2c:0", b"scan", found)
            return found

        def write(self, addr, buf, repeat=False):
            core.advance(costs["i2c"] + len(buf) * 90)
            if core.robot is not None and core.robot.i2c_write(addr, bytes(buf)):
                return
            if addr not in self._addrs():
                raise OSError(19)
            core.log(b"i2c:0", b"write", {"addr": addr, "n": len(buf)})

        def read(self, addr, n, repeat=False):
            core.advance(costs["i2c"] + n * 90)
            for d in core.i2c_temp:
                if d["addr"] == addr:
                    raw = int(round(core.temperature_of(d) / 0.0625)) & 0xFFF
                    core.log(b"i2c:0", b"read", {"addr": addr, "reg": 0, "n": n})
                    return bytes(([(raw >> 4) & 0xFF, (raw << 4) & 0xF0] * (n // 2 + 1))[:n])
            if addr in self._addrs():
                return bytes(n)
            raise OSError(19)

    class Accelerometer:
        def get_x(self):
            return 0

        def get_y(self):
            return 0

        def get_z(self):
            return -1024

        def get_values(self):
            return (0, 0, -1024)

        def was_gesture(self, g):
            return False

        def current_gesture(self):
            return "face up"

    def panic(n=0):
        raise SystemExit(n)

    def reset():
        raise SystemExit(0)

    mb = {"Image": Image, "display": Display(), "button_a": Button("button_a"),
          "button_b": Button("button_b"), "sleep": sleep, "accelerometer": Accelerometer(),
          "running_time": lambda: core.now // 1000,
          "temperature": lambda: int(core.temperature() + 0.5),
          "panic": panic, "reset": reset, "i2c": MicroBitI2C()}
    for n in board["pins"]:
        mb["pin%d" % n] = MicroBitPin(n)
    mb["pin_logo"] = MicroBitPin(0)
    mb["pin_logo"]._key = "logo"
    music = {"play": play, "pitch": pitch, "stop": stop, "set_tempo": set_tempo,
             "reset": lambda: set_tempo(4, 120), "get_tempo": lambda: (tempo[0], tempo[1]),
             "BA_DING": ["b5:1", "e6:3"], "POWER_UP": ["g4:1", "c5", "e", "g:2", "e:1", "g:3"],
             "JUMP_UP": ["c5:1", "d", "e", "f", "g"], "BIRTHDAY": ["c4:3", "c:1", "d:4", "c:4", "f", "e:8"]}
    return mb, music
