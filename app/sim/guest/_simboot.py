# MicroPython source (runs INSIDE the sandbox). Installs the virtual board and runs main.py.
# Called by the -c program with the decoded config and source; never returns a Core to anyone.
import sys
import builtins

BLOCKED = ("host", "uctypes", "vfs", "mip", "requests", "ssl", "select", "_thread", "socket",
           "ffi", "termios", "_asyncio_host")


def _line_of(text):
    line = None
    for part in text.split("\n"):
        part = part.strip()
        if part.startswith('File "main.py", line '):
            num = part[len('File "main.py", line '):].split(",")[0]
            try:
                line = int(num)
            except ValueError:
                pass
    return line


def run(cfg, head, src, facades, real):
    import _simcore
    import _simtime
    core = _simcore.Core(cfg, head, real["addressof"])
    SimEnd = _simcore.SimEnd
    board = cfg["board"]
    fam = board["family"]
    mods = {}
    tm = _simtime.build_time(core, real["time"])
    mods["time"] = tm
    mods["utime"] = tm
    rnd = _simtime.build_random(cfg["seed"])
    mods["random"] = rnd
    mods["urandom"] = rnd
    mods["gc"] = _simtime.build_gc(cfg["heap"], real["gc"])
    if fam == "microbit":
        import _simmicrobit
        mb, music = _simmicrobit.build(core, board)
        mods["microbit"] = mb
        mods["music"] = music
        import _simpins
        import _simbus
        pins = _simpins.build(core, {"family": "rp2", "pins": [], "costs": board["costs"]})
        bus = _simbus.build(core, {"family": "rp2", "costs": board["costs"]}, pins)
        mods["machine"] = {"time_pulse_us": bus["time_pulse_us"], "reset": bus["reset"],
                           "freq": lambda *a: 64000000, "unique_id": bus["unique_id"],
                           "disable_irq": bus["disable_irq"], "enable_irq": bus["enable_irq"]}
        mods["neopixel"] = {"NeoPixel": _simbus.build_neopixel(core, pins["to_pin"])}
    else:
        import _simpins
        import _simbus
        pins = _simpins.build(core, board)
        bus = _simbus.build(core, board, pins)
        m = {"Pin": pins["Pin"], "PWM": pins["PWM"], "ADC": pins["ADC"]}
        m.update(bus)
        mods["machine"] = m
        mods["neopixel"] = {"NeoPixel": _simbus.build_neopixel(core, pins["to_pin"])}
    robot = None
    if cfg.get("robot"):
        import _simrobot
        robot = _simrobot.build(core, cfg["robot"], real["call"])
    i = 0
    for name, api in mods.items():
        mod = facades[i]
        i += 1
        for k, v in api.items():
            setattr(mod, k, v)
        mod.__name__ = name
        sys.modules[name] = mod
    for name in ("_simcore", "_simtime", "_simpins", "_simbus", "_simmicrobit", "_simrobot",
                 "_simboot"):
        if name in sys.modules:
            del sys.modules[name]
    for k in list(sys.modules):
        if k.startswith("_fm"):
            del sys.modules[k]
    orig_import = builtins.__import__

    def guarded_import(name, *args):
        if name.split(".")[0] in BLOCKED:
            raise ImportError("no module named '%s'" % name)
        return orig_import(name, *args)

    builtins.__import__ = guarded_import
    g = {"__name__": "__main__", "__file__": "main.py"}
    reason = "done"
    failure = None
    try:
        code = compile(src, "main.py", "exec")
        del src
        exec(code, g)
        core.idle_until_end()
    except SimEnd:
        reason = "time"
    except SystemExit:
        reason = "exit"
    except BaseException as e:  # noqa: B036 - we must report everything the program raised
        failure = e
    if robot is not None:
        try:
            robot.end()
        except BaseException:  # noqa: B036 - the run is over; the host finishes the physics
            pass
    if core.cb_error is not None:
        e, text = core.cb_error
        core.log(b"!sim", b"cb_error_at", {"type": type(e).__name__, "message": str(e)[:300],
                                           "line": _line_of(text)})
    if failure is not None:
        core.log(b"!sim", b"end", "error")
        raise failure
    core.log(b"!sim", b"end", reason)
