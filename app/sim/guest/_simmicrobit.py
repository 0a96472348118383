# MicroPython source (runs INSIDE the sandbox). The virtual BBC micro:bit V2: `microbit` (display,
# Image, buttons, pins, sleep, running_time, temperature, accelerometer at rest, i2c) and a basic
# `music`. Images are parsed here; the display, its font, the buttons and the tunes live on the
# host, which records the frames ("09090:99999:...") and tones at its own times.

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


def build(br, board):
    hc = br.call
    A = br.A
    RB = br.RB

    class Image:
        def __init__(self, *args):
            if len(args) == 1 and isinstance(args[0], str):
                rows = args[0].replace("\n", ":").strip(":").split(":")
                self._w = max(len(r) for r in rows)
                self._h = len(rows)
                self._px = bytearray(int(r[x]) if x < len(r) else 0 for r in rows for x in range(self._w))
            elif len(args) >= 2:
                self._w, self._h = int(args[0]), int(args[1])
                buf = args[2] if len(args) > 2 else bytes(self._w * self._h)
                self._px = bytearray(min(9, int(b)) for b in buf)
            else:
                self._w = self._h = 5
                self._px = bytearray(25)

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

        def _five(self):
            # The 25 values the display shows (cropped or padded to 5x5).
            if self._w == 5 and self._h == 5:
                return self._px
            out = bytearray(25)
            for y in range(min(5, self._h)):
                for x in range(min(5, self._w)):
                    out[y * 5 + x] = self._px[y * self._w + x]
            return out

        def __repr__(self):
            px = self._five()
            return "Image('%s')" % ":".join("".join(str(px[r * 5 + x]) for x in range(5)) for r in range(5))

    for k, v in IMAGES.items():
        setattr(Image, k, Image(v))
    Image.ALL_CLOCKS = []
    Image.ALL_ARROWS = [Image.ARROW_N, Image.ARROW_E, Image.ARROW_S, Image.ARROW_W]

    def _sleep_us(us):
        A[0] = us if us < 1 << 30 else 1 << 30
        hc("s", "")

    def sleep(ms):
        if not isinstance(ms, (int, float)) or isinstance(ms, bool):
            raise TypeError("can't convert %s to int" % type(ms).__name__)
        _sleep_us(int(ms * 1000))

    BLANK = bytes(25)

    class Display:
        def __init__(self):
            self._on = True

        def show(self, value, delay=400, *, wait=True, loop=False, clear=False):
            if isinstance(value, Image):
                hc("d", bytes(value._five()))
                return
            if isinstance(value, (int, float)):
                value = str(value)
            if isinstance(value, (list, tuple)):
                for im in value:
                    self.show(im, delay)
                return
            if not isinstance(value, str):
                raise TypeError("not an image")
            A[0] = int(delay)
            A[1] = 1 if clear else 0
            hc("t", value[:500])

        def scroll(self, text, delay=150, *, wait=True, loop=False, monospace=False):
            A[0] = int(delay)
            A[1] = 1 if wait else 0
            hc("o", str(text)[:500])

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
        for note in music:
            if not isinstance(note, str):
                raise TypeError("can't convert %s to str" % type(note).__name__)
        A[0] = tempo[0]
        A[1] = tempo[1]
        hc("u", ",".join(music)[:4000])

    def pitch(frequency, duration=-1, pin=None, wait=True):
        A[0] = int(frequency)
        A[1] = int(duration)
        hc("j", "")

    def stop(pin=None):
        hc("n", "")

    def set_tempo(ticks=4, bpm=120):
        tempo[0], tempo[1] = int(ticks), int(bpm)

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

    def running_time():
        hc("m", "")
        return A[0]

    def temperature():
        hc("h", "")
        return A[0]

    mb = {"Image": Image, "display": Display(), "button_a": Button("button_a"),
          "button_b": Button("button_b"), "sleep": sleep, "accelerometer": Accelerometer(),
          "running_time": running_time, "temperature": temperature,
          "panic": panic, "reset": reset, "i2c": MicroBitI2C()}
    for n in board["pins"]:
        mb["pin%d" % n] = MicroBitPin(n)
    mb["pin_logo"] = MicroBitPin(0, "logo")
    music = {"play": play, "pitch": pitch, "stop": stop, "set_tempo": set_tempo,
             "reset": lambda: set_tempo(4, 120), "get_tempo": lambda: (tempo[0], tempo[1]),
             "BA_DING": ["b5:1", "e6:3"], "POWER_UP": ["g4:1", "c5", "e", "g:2", "e:1", "g:3"],
             "JUMP_UP": ["c5:1", "d", "e", "f", "g"], "BIRTHDAY": ["c4:3", "c:1", "d:4", "c:4", "f", "e:8"]}

    def to_pin(p):
        if isinstance(p, MicroBitPin):
            return p
        raise TypeError("expecting a pin")

    return mb, music, to_pin
