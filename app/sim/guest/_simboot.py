# MicroPython source (runs INSIDE the sandbox). Installs the virtual board's facades as real modules
# and runs main.py. The facades only send commands to the host's virtual board; what happened is
# recorded there, so nothing a program does to these modules or to the bridge can forge a trace.
import sys
import builtins

BLOCKED = ("host", "uctypes", "vfs", "mip", "requests", "ssl", "select", "_thread", "socket",
           "ffi", "termios", "_asyncio_host")


def run(cfg, src, facades, real):
    import _simcore
    import _simtime
    br = _simcore.Bridge(real["call"], real["A"], real["RB"])
    hc = br.call
    board = cfg["board"]
    fam = board["family"]
    mods = {}
    tm = _simtime.build_time(br, real["time"], cfg.get("epoch", 1767225600))
    mods["time"] = tm
    mods["utime"] = tm
    rnd = _simtime.build_random(cfg["seed"])
    mods["random"] = rnd
    mods["urandom"] = rnd
    mods["gc"] = _simtime.build_gc(cfg["heap"], real["gc"])
    import _simbus
    if fam == "microbit":
        import _simmicrobit
        mb, music, to_pin = _simmicrobit.build(br, board)
        mods["microbit"] = mb
        mods["music"] = music
        bus = _simbus.build(br, {"family": "rp2"}, {"Pin": None, "to_pin": to_pin})
        mods["machine"] = {"time_pulse_us": bus["time_pulse_us"], "reset": bus["reset"],
                           "freq": lambda *a: 64000000, "unique_id": bus["unique_id"],
                           "disable_irq": bus["disable_irq"], "enable_irq": bus["enable_irq"]}
        mods["neopixel"] = {"NeoPixel": _simbus.build_neopixel(br, to_pin)}
    else:
        import _simpins
        pins = _simpins.build(br, board)
        m = {"Pin": pins["Pin"], "PWM": pins["PWM"], "ADC": pins["ADC"]}
        m.update(_simbus.build(br, board, pins))
        mods["machine"] = m
        mods["neopixel"] = {"NeoPixel": _simbus.build_neopixel(br, pins["to_pin"])}
    i = 0
    for name, api in mods.items():
        mod = facades[i]
        i += 1
        for k, v in api.items():
            setattr(mod, k, v)
        mod.__name__ = name
        sys.modules[name] = mod
    for name in ("_simcore", "_simtime", "_simpins", "_simbus", "_simmicrobit",
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
    code = compile(src, "main.py", "exec")
    del src
    hc("g", "")  # the clock starts with the student's first instruction
    try:
        exec(code, g)
        if hc("z", ""):  # main.py returned: timers and IRQs keep running until the end
            br.run_due()
    except SystemExit:
        hc("x", "")
