# MicroPython source (runs INSIDE the sandbox). Installs the virtual board's facades as real modules
# and runs main.py. The facades only send commands to the host's virtual board; what happened is
# recorded there, so nothing a program does to these modules or to the bridge can forge a trace.
# Device modules (dht, onewire, network, rp2, esp32 ...) are built at their first import, from
# code fetched from the host; names of the board's modules the simulator lacks raise an error
# saying they exist on the real board; `sys`, `errno` and `input()` are the board's.
import sys
import builtins

BLOCKED = ("host", "uctypes", "vfs", "mip", "requests", "ssl", "select", "_thread", "socket",
           "ffi", "termios", "_asyncio_host")


# errno numbers as the boards' firmware has them (the interpreter's own are WASI's).
ERRNO = {"EPERM": 1, "ENOENT": 2, "EIO": 5, "EBADF": 9, "EAGAIN": 11, "ENOMEM": 12,
         "EACCES": 13, "EEXIST": 17, "ENODEV": 19, "EISDIR": 21, "EINVAL": 22, "EOPNOTSUPP": 95,
         "EADDRINUSE": 98, "ECONNABORTED": 103, "ECONNRESET": 104, "ENOBUFS": 105,
         "ENOTCONN": 107, "ETIMEDOUT": 110, "ECONNREFUSED": 111, "EHOSTUNREACH": 113,
         "EALREADY": 114, "EINPROGRESS": 115}
ERRNO["errorcode"] = {v: k for k, v in ERRNO.items()}


def sys_facade(fam):
    # `sys` as the board's: the same objects, and the port's platform name.
    api = {}
    for k in dir(sys):
        if not k.startswith("__"):
            api[k] = getattr(sys, k)
    api["platform"] = fam
    return api


def on_board(br, what):
    # Does the board's firmware have this module / "module.name"? (host command '?', public facts
    # from the board's stubs)
    if br.call("?", what):
        br.run_due()
    return br.A[0] == 1


def board_only(br, module, lazy=None, mod=None):
    # A name of the board's module that the simulator does not model: say so, rather than that
    # it does not exist. (machine's DAC/TouchPad are built here at their first use.)
    def getattr_(name):
        if lazy is not None and name in lazy:
            value = lazy.pop(name)()
            for k, v in value.items():
                setattr(mod, k, v)
                lazy.pop(k, None)
            return value[name]
        if on_board(br, module.lstrip("u") + "." + name):
            raise NotImplementedError("'%s.%s' is available on the real board, not in the "
                                      "simulator" % (module, name))
        raise AttributeError("'module' object has no attribute '%s'" % name)
    return getattr_


def fetch_module(br, real, name):
    # A device module, fetched from the host in reply-sized chunks (host command 'B') and
    # imported from a one-file VFS that is unmounted at once.
    mods = real["loaded"]
    if name in mods:
        return mods[name]
    data = fetch_bytes(br, name)
    vfs = real["vfs"]
    vfs.mount(real["V"]({name + (".mpy" if br.A[2] else ".py"): data}), "/_d")
    del data
    sys.path.insert(0, "/_d")
    try:
        mod = real["import"](name)
    finally:
        sys.path.remove("/_d")
        vfs.umount("/_d")
        if name in sys.modules:
            del sys.modules[name]
    if name != "_fm":  # an empty module object: a new one each time
        mods[name] = mod
    return mod


def fetch_bytes(br, name):
    data = bytearray()
    while True:
        br.A[0] = len(data)
        if br.call("B", name):
            br.run_due()
        total, n, mpy = br.A[0], br.A[1], br.A[2]
        if n <= 0:
            break
        data.extend(br.RB[:n])
        if len(data) >= total:
            break
    br.A[2] = mpy
    return bytes(data)


def make_input(br):
    # input() reads the next line the scenario typed at the console (host command 'i'); with
    # none left the board waits at the prompt until the run's end, as a board does.
    def input(prompt=""):
        if prompt:
            print(prompt, end="")
        if br.call("i", ""):
            br.run_due()
        line = bytes(br.RB[:br.A[0]]).decode()
        print(line)
        return line
    return input


def run(cfg, src, facades, real):
    import _simcore
    import _simtime
    br = _simcore.Bridge(real["call"], real["A"], real["RB"])
    hc = br.call
    board = cfg["board"]
    fam = board["family"]
    mods = {}
    lazy = {}

    lazy_machine = {}  # machine names built at first use (the ESP32's DAC, TouchPad)

    def group(names, build, into=lazy):
        made = []

        def get(i):
            if not made:
                made.extend(build())
            return made[i]
        for i, name in enumerate(names.split()):
            into[name] = (lambda i=i: get(i))
    tm = _simtime.build_time(br, real["time"], cfg.get("epoch", 1767225600))
    mods["time"] = tm
    mods["utime"] = tm
    rnd = _simtime.build_random(cfg["seed"])
    mods["random"] = rnd
    mods["urandom"] = rnd
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
        m.update(_simbus.build(br, board, pins, tm))
        mods["machine"] = m
        mods["neopixel"] = {"NeoPixel": _simbus.build_neopixel(br, pins["to_pin"])}
        # Device modules load at the program's first use of them: their code and objects cost
        # heap that the board's firmware does not spend.
        dev = lambda: fetch_module(br, real, "_simdev")
        group("dht onewire ds18x20", lambda: dev().build_sensors(br, pins))
        if board["name"] != "pico":  # the Pico W's and the ESP32's radios
            group("network bluetooth socket", lambda: dev().build_radio(br, board, tm))
        if fam == "esp32":
            group("esp32", lambda: (dev().build_esp32(br, tm),))
            group("DAC TouchPad", lambda: [dev().build_machine(br, board, pins)] * 2, lazy_machine)
        else:
            group("rp2", lambda: (fetch_module(br, real, "_simpio").build(br, pins, tm),))
        group("asyncio uasyncio", lambda: [fetch_module(br, real, "_simasyncio").api()] * 2)
        group("ssd1306 sh1106", lambda: fetch_module(br, real, "_simoled").apis())
    group("sys", lambda: (sys_facade(fam),))  # built at the program's own import of them
    group("errno", lambda: (ERRNO,))
    builtins.input = make_input(br)
    mods["gc"] = _simtime.build_gc(cfg["heap"], real["gc"])  # last: its baseline is the board's
    free = list(facades)
    asks = () if fam == "microbit" else ("machine", "rp2", "esp32", "network", "bluetooth",
                                         "time", "utime", "neopixel")

    def install(name, api):
        mod = free.pop(0) if free else fetch_module(br, real, "_fm")
        for k, v in api.items():
            setattr(mod, k, v)
        if name in asks:
            mod.__getattr__ = board_only(br, name, lazy_machine if name == "machine" else None,
                                         mod)
        mod.__name__ = name
        sys.modules[name] = mod
    for name, api in mods.items():
        install(name, api)
    for name in ("_simcore", "_simtime", "_simpins", "_simbus", "_simmicrobit", "_simdev",
                 "_simpio", "_simasyncio", "_simoled", "_simboot"):
        if name in sys.modules:
            del sys.modules[name]
    for k in list(sys.modules):
        if k.startswith("_fm"):
            del sys.modules[k]
    orig_import = builtins.__import__
    def guarded_import(name, *args):
        top = name.split(".")[0]
        if top in lazy:
            install(top, lazy.pop(top)())
        try:
            if top in BLOCKED and top not in sys.modules:
                raise ImportError("no module named '%s'" % name)
            return orig_import(name, *args)
        except ImportError:
            if top not in sys.modules and on_board(br, top):
                raise ImportError("module '%s' is available on the real board, not in the "
                                  "simulator" % top)
            raise

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
