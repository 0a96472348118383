# MicroPython source (runs INSIDE the sandbox). The micro:bit V2's sensors and extra modules:
# accelerometer (values and gestures), compass, microphone and SoundEvent, speaker and volume,
# run_every, scale, Sound, `log`, `power` and the built-in tunes of `music`; `radio`, `speech`
# and `audio` are imported from the host on first use (_simmbradio, _simmbsound). Every reading
# is one host call answered from the scenario at the host's time. What the simulator cannot do
# raises NotImplementedError saying it is available on the real board.

UNSUPPORTED = "'%s' is available on the real board, not in the simulator"
GESTURES = ("", "up", "down", "left", "right", "face up", "face down", "freefall", "2g", "3g",
            "6g", "8g", "shake")
SOUNDS = ("GIGGLE", "HAPPY", "HELLO", "MYSTERIOUS", "SAD", "SLIDE", "SOARING", "SPRING",
          "TWINKLE", "YAWN")
def tune_notes(name):
    # The firmware's built-in tunes as tuple literals: their notes are interned strings of
    # the compiled module, so making a tune allocates only the tuple.
    if name == "DADADADUM":
        return ("r4:2", "g", "g", "g", "eb:8", "r:2", "f", "f", "f", "d:8",)
    if name == "ENTERTAINER":
        return ("d4:1", "d#", "e", "c5:2", "e4:1", "c5:2", "e4:1", "c5:3", "c:1", "d", "d#",
                "e", "c", "d", "e:2", "b4:1", "d5:2", "c:4",)
    if name == "PRELUDE":
        return ("c4:1", "e", "g", "c5", "e", "g4", "c5", "e", "c4", "e", "g", "c5", "e", "g4",
                "c5", "e", "c4", "d", "g", "d5", "f", "g4", "d5", "f", "c4", "d", "g", "d5",
                "f", "g4", "d5", "f", "b3", "d4", "g", "d5", "f", "g4", "d5", "f", "b3", "d4",
                "g", "d5", "f", "g4", "d5", "f", "c4", "e", "g", "c5", "e", "g4", "c5", "e",
                "c4", "e", "g", "c5", "e", "g4", "c5", "e",)
    if name == "ODE":
        return ("e4", "e", "f", "g", "g", "f", "e", "d", "c", "c", "d", "e", "e:6", "d:2",
                "d:8", "e:4", "e", "f", "g", "g", "f", "e", "d", "c", "c", "d", "e", "d:6",
                "c:2", "c:8",)
    if name == "NYAN":
        return ("f#5:2", "g#", "c#:1", "d#:2", "b4:1", "d5:1", "c#", "b4:2", "b", "c#5", "d",
                "d:1", "c#", "b4:1", "c#5:1", "d#", "f#", "g#", "d#", "f#", "c#", "d", "b4",
                "c#5", "b4", "d#5:2", "f#", "g#:1", "d#", "f#", "c#", "d#", "b4", "d5", "d#",
                "d", "c#", "b4", "c#5", "d:2", "b4:1", "c#5", "d#", "f#", "c#", "d", "c#", "b4",
                "c#5:2", "b4", "c#5", "b4", "f#:1", "g#", "b:2", "f#:1", "g#", "b", "c#5", "d#",
                "b4", "e5", "d#", "e", "f#", "b4:2", "b", "f#:1", "g#", "b", "f#", "e5", "d#",
                "c#", "b4", "f#", "d#", "e", "f#", "b:2", "f#:1", "g#", "b:2", "f#:1", "g#",
                "b", "b", "c#5", "d#", "b4", "f#", "g#", "f#", "b:2", "b:1", "a#", "b", "f#",
                "g#", "b", "e5", "d#", "e", "f#", "b4:2", "c#5",)
    if name == "RINGTONE":
        return ("c4:1", "d", "e:2", "g", "d:1", "e", "f:2", "a", "e:1", "f", "g:2", "b", "c5:4",)
    if name == "FUNK":
        return ("c2:2", "c", "d#", "c:1", "f:2", "c:1", "f:2", "f#", "g", "c", "c", "g", "c:1",
                "f#:2", "c:1", "f#:2", "f", "d#",)
    if name == "BLUES":
        return ("c2:2", "e", "g", "a", "a#", "a", "g", "e", "c2:2", "e", "g", "a", "a#", "a",
                "g", "e", "f", "a", "c3", "d", "d#", "d", "c", "a2", "c2:2", "e", "g", "a",
                "a#", "a", "g", "e", "g", "b", "d3", "f", "f2", "a", "c3", "d#", "c2:2", "e",
                "g", "e", "g", "f", "e", "d",)
    if name == "BIRTHDAY":
        return ("c4:3", "c:1", "d:4", "c:4", "f", "e:8", "c:3", "c:1", "d:4", "c:4", "g", "f:8",
                "c:3", "c:1", "c5:4", "a4", "f", "e", "d", "a#:3", "a#:1", "a:4", "f", "g",
                "f:8",)
    if name == "WEDDING":
        return ("c4:4", "f:3", "f:1", "f:8", "c:4", "g:3", "e:1", "f:8", "c:4", "f:3", "a:1",
                "c5:4", "a4:3", "f:1", "f:4", "e:3", "f:1", "g:8",)
    if name == "FUNERAL":
        return ("c3:4", "c:3", "c:1", "c:4", "d#:3", "d:1", "d:3", "c:1", "c:3", "b2:1", "c3:4",)
    if name == "PUNCHLINE":
        return ("c4:3", "g3:1", "f#", "g", "g#:3", "g", "r", "b", "c4",)
    if name == "PYTHON":
        return ("d5:1", "b4", "r", "b", "b", "a#", "b", "g5", "r", "d", "d", "r", "b4", "c5",
                "r", "c", "c", "r", "d", "e:5", "c:1", "a4", "r", "a", "a", "g#", "a", "f#5",
                "r", "e", "e", "r", "c", "b4", "r", "b", "b", "r", "c5", "d:5", "d:1", "b4",
                "r", "b", "b", "a#", "b", "b5", "r", "g", "g", "r", "d", "c#", "r", "a", "a",
                "r", "a", "a:5", "g:1", "f#:2", "a:1", "a", "g#", "a", "e:2", "a:1", "a", "g#",
                "a", "d", "r", "c#", "d", "r", "c#", "d:2", "r:3",)
    if name == "BADDY":
        return ("c3:3", "r", "d:2", "d#", "r", "c", "r", "f#:8",)
    if name == "CHASE":
        return ("a4:1", "b", "c5", "b4", "a:2", "r", "a:1", "b", "c5", "b4", "a:2", "r", "a:2",
                "e5", "d#", "e", "f", "e", "d#", "e", "b4:1", "c5", "d", "c", "b4:2", "r",
                "b:1", "c5", "d", "c", "b4:2", "r", "b:2", "e5", "d#", "e", "f", "e", "d#", "e",)
    if name == "BA_DING":
        return ("b5:1", "e6:3",)
    if name == "WAWAWAWAA":
        return ("e3:3", "r:1", "d#:3", "r:1", "d:4", "r:1", "c#:8",)
    if name == "JUMP_UP":
        return ("c5:1", "d", "e", "f", "g",)
    if name == "JUMP_DOWN":
        return ("g5:1", "f", "e", "d", "c",)
    if name == "POWER_UP":
        return ("g4:1", "c5", "e", "g:2", "e:1", "g:3",)
    if name == "POWER_DOWN":
        return ("g5:1", "d#", "c", "g4:2", "b:1", "c5:3",)
    return None


def unsupported(what):
    def fail(*args, **kwargs):
        raise NotImplementedError(UNSUPPORTED % what)
    return fail


def build(br, mb, music, vfs):
    call = br.call
    due = br.run_due
    A = br.A
    RB = br.RB

    def hc(name, payload):
        if call(name, payload):
            due()

    def gesture_index(name):
        if name not in GESTURES or not name:
            raise ValueError("invalid gesture")
        return GESTURES.index(name)

    class Accelerometer:
        def get_x(self):
            hc("y", "ax")
            return A[0]

        def get_y(self):
            hc("y", "ax")
            return A[1]

        def get_z(self):
            hc("y", "ax")
            return A[2]

        def get_values(self):
            hc("y", "ax")
            return (A[0], A[1], A[2])

        def get_strength(self):
            hc("y", "ax")
            return int((A[0] * A[0] + A[1] * A[1] + A[2] * A[2]) ** 0.5)

        def current_gesture(self):
            hc("y", "ag")
            return GESTURES[A[0]] if 0 <= A[0] < len(GESTURES) else ""

        def is_gesture(self, name):
            return self.current_gesture() == GESTURES[gesture_index(name)]

        def was_gesture(self, name):
            A[0] = gesture_index(name)
            hc("y", "aw")
            return A[0] == 1

        def get_gestures(self):
            hc("y", "ah")
            return tuple(GESTURES[RB[i]] for i in range(min(A[0], 8)) if RB[i] < len(GESTURES))

        def set_range(self, value):
            pass

    class Compass:
        def __init__(self):
            self._cal = False

        def _read(self):
            hc("y", "cp")

        def heading(self):
            self._read()
            return A[0]

        def get_x(self):
            self._read()
            return A[1]

        def get_y(self):
            self._read()
            return A[2]

        def get_z(self):
            self._read()
            return A[3]

        def get_field_strength(self):
            self._read()
            return A[4]

        def calibrate(self):
            self._cal = True  # the board's tilt game is skipped: the virtual compass is exact

        def is_calibrated(self):
            return self._cal

        def clear_calibration(self):
            self._cal = False

    class SoundEvent:
        def __init__(self, name, code):
            self._name = name
            self._code = code

        def __repr__(self):
            return "SoundEvent('%s')" % self._name

    SoundEvent.LOUD = SoundEvent("loud", 1)
    SoundEvent.QUIET = SoundEvent("quiet", 2)
    EVENTS = (None, SoundEvent.LOUD, SoundEvent.QUIET)

    def event_code(ev):
        if not isinstance(ev, SoundEvent):
            raise ValueError("invalid sound")
        return ev._code

    class Microphone:
        def sound_level(self):
            hc("y", "ml")
            return A[0]

        def current_event(self):
            hc("y", "me")
            return EVENTS[A[0]] if 0 <= A[0] < 3 else None

        def is_event(self, ev):
            return self.current_event() is EVENTS[event_code(ev)]

        def was_event(self, ev):
            A[0] = event_code(ev)
            hc("y", "mw")
            return A[0] == 1

        def get_events(self):
            hc("y", "mh")
            return tuple(EVENTS[RB[i]] for i in range(min(A[0], 8)) if 0 < RB[i] < 3)

        def set_threshold(self, ev, value):
            A[0] = event_code(ev)
            A[1] = max(0, min(255, int(value)))
            hc("y", "mt")

        record = unsupported("microphone.record")
        record_into = unsupported("microphone.record_into")

    class Speaker:
        def __init__(self):
            self._on = True

        def on(self):
            self._on = True
            A[0] = 1
            hc("c", "spk")

        def off(self):
            self._on = False
            A[0] = 0
            hc("c", "spk")

        def is_on(self):
            return self._on

    def set_volume(v):
        A[0] = max(0, min(255, int(v)))
        hc("c", "vol")

    def scale(value, from_, to):
        a, b = from_
        c, d = to
        out = c + (value - a) * (d - c) / (b - a)
        if isinstance(c, float) or isinstance(d, float):
            return out
        return int(out + 0.5) if out >= 0 else -int(-out + 0.5)

    def run_every(callback=None, days=0, h=0, min=0, s=0, ms=0):
        period = ((((days * 24 + h) * 60 + min) * 60 + s) * 1000 + ms)

        def schedule(fn):
            holder = [0]

            def stop():
                A[0] = holder[0]
                call("Z", "")

            cb = br.new_cb(lambda _: fn(), None, "run_every", stop)
            holder[0] = cb
            A[0] = cb
            A[1] = int(period * 1000) if period > 0 else 1000
            A[2] = 1
            A[3] = -1
            hc("Y", "")
            return fn

        if callback is not None:
            return schedule(callback)
        return schedule

    mb.update({"accelerometer": Accelerometer(), "compass": Compass(),
               "microphone": Microphone(), "SoundEvent": SoundEvent, "speaker": Speaker(),
               "set_volume": set_volume, "scale": scale, "run_every": run_every,
               "uart": _Unavailable("uart"), "spi": _Unavailable("spi")})

    tunes = {}

    def tune(name):  # built-in tunes are made when first used (they would fill the heap)
        if name not in tunes:
            notes = tune_notes(name)
            if notes is None:
                raise AttributeError("module 'music' has no attribute '%s'" % name)
            tunes[name] = notes
        return tunes[name]

    music["__getattr__"] = tune
    class Sound:
        def __init__(self, name):
            self._name = name

        def __repr__(self):
            return "Sound('%s')" % self._name.lower()

    for name in SOUNDS:
        setattr(Sound, name, Sound(name))

    mb["Sound"] = Sound
    loaded = {}
    lazy = {"radio": 0, "speech": 1, "audio": 1}

    def make(name):
        if name == "log":
            return build_log()
        if name == "power":
            return build_power()
        index = lazy[name]
        if index not in loaded:
            loaded[index] = load_module(br, vfs, index)
        args = (br, hc, Sound) if name == "audio" else (br, hc)
        return getattr(loaded[index], "build_" + name)(*args)
    return make


def load_module(br, vfs, index):
    # A rarely used module (0 radio, 1 speech and audio) comes precompiled from the host in
    # 500-byte pieces (one call each) and is imported from a VFS that lives for this import only.
    import sys
    A = br.A
    RB = br.RB
    parts = []
    compiled = 0
    while True:
        A[0] = len(parts) * 500
        A[1] = index
        if br.call("c", "src"):
            br.run_due()
        if A[0] <= 0:
            break
        compiled = A[1]
        parts.append(bytes(RB[:A[0]]))
    data = b"".join(parts)
    module = ("_simmbradio", "_simmbsound")[index]
    name = module + (".mpy" if compiled else ".py")

    class OneFile:
        def mount(self, ro, mkfs):
            pass

        def umount(self):
            pass

        def stat(self, path):
            path = path.lstrip("/")
            if path == name:
                return (0x8000, 0, 0, 0, 0, 0, len(data), 0, 0, 0)
            if not path:
                return (0x4000, 0, 0, 0, 0, 0, 0, 0, 0, 0)
            raise OSError(2)

        def open(self, path, mode):
            import io
            return io.BytesIO(data)

        def ilistdir(self, path):
            return iter(())

    saved = sys.path[:]
    vfs.mount(OneFile(), "/_l")
    sys.path[:] = ["/_l"]
    try:
        return __import__(module)
    finally:
        vfs.umount("/_l")
        sys.path[:] = saved
        sys.modules.pop(module, None)


def build_log():
    log = {name: unsupported("log." + name) for name in ("set_labels", "add", "delete",
                                                         "set_mirroring")}
    log.update({"SECONDS": 1000, "MILLISECONDS": 1, "MINUTES": 60000, "HOURS": 3600000,
                "DAYS": 86400000})
    return log


def build_power():
    return {"off": unsupported("power.off"), "deep_sleep": unsupported("power.deep_sleep")}


class _Unavailable:
    def __init__(self, name):
        self._name = name

    def __getattr__(self, attr):
        return unsupported("microbit.%s.%s" % (self._name, attr))
