# MicroPython source (runs INSIDE the sandbox). The `rp2` module of the virtual Pico: the PIO
# assembler (`@rp2.asm_pio` runs the program's body with the instruction names in scope, as the
# firmware's rp2.py does, and keeps the instructions and settings), PIO and StateMachine. One kind
# of PIO program is modelled: the WS2812 (NeoPixel) driver, recognised by what it is, a side-set
# pin shifting 24-bit words out MSB first; its sm.put() words light the virtual NeoPixels through
# the same host command as the neopixel module. Any other program assembles, but running it on a
# state machine raises an error saying that it needs the real board.


def _no(what):
    raise NotImplementedError("'%s' is available on the real board, not in the simulator" % what)


class PIOError(Exception):
    pass


def build(br, pins, tm):
    hc = br.call
    A = br.A
    due = br.run_due
    to_pin = pins["to_pin"]
    ticks_us, ticks_diff = tm["ticks_us"], tm["ticks_diff"]

    class Instr:
        def __init__(self, op, args):
            self.op = op
            self.args = args
            self.sideset = None
            self.dly = 0

        def side(self, v):
            self.sideset = v
            return self

        def delay(self, d):
            self.dly = d
            return self

        def __getitem__(self, d):
            self.dly = d
            return self

    class Program:
        def __init__(self, settings):
            self.settings = settings
            self.code = []
            self.labels = {}

    current = [None]

    def emitter(op):
        def f(*args):
            prog = current[0]
            if prog is None:
                raise PIOError("PIO instruction outside an asm_pio program")
            ins = Instr(op, args)
            prog.code.append(ins)
            if len(prog.code) > 32:
                raise PIOError("program too long")
            return ins
        return f

    def label(name):
        current[0].labels[name] = len(current[0].code)

    def wrap_target():
        current[0].labels["__wrap_target"] = len(current[0].code)

    def wrap():
        current[0].labels["__wrap"] = len(current[0].code)

    scope = {"label": label, "wrap_target": wrap_target, "wrap": wrap, "word": emitter("word")}
    for op in ("jmp", "wait", "in_", "out", "push", "pull", "mov", "irq", "set", "nop"):
        scope[op] = emitter(op)
    for name in ("gpio", "pin", "pins", "x", "y", "null", "isr", "osr", "pc", "status", "exec",
                 "not_x", "not_y", "x_dec", "y_dec", "x_not_y", "pin", "not_osre", "block",
                 "noblock", "iffull", "ifempty", "clear", "rel", "invert", "reverse"):
        scope[name] = name

    class PIO:
        IN_LOW = 0
        IN_HIGH = 1
        OUT_LOW = 2
        OUT_HIGH = 3
        SHIFT_LEFT = 0
        SHIFT_RIGHT = 1
        IRQ_SM0 = 0x100
        IRQ_SM1 = 0x200
        IRQ_SM2 = 0x400
        IRQ_SM3 = 0x800
        JOIN_NONE = 0
        JOIN_TX = 1
        JOIN_RX = 2

        def __init__(self, id):
            if id not in (0, 1):
                raise ValueError("invalid PIO")
            self._id = id

        def add_program(self, prog):
            pass

        def remove_program(self, prog=None):
            pass

        def state_machine(self, id, *a, **kw):
            return StateMachine(self._id * 4 + id, *a, **kw)

        def irq(self, handler=None, trigger=0, hard=False):
            _no("PIO.irq")

    def asm_pio(*, out_init=None, set_init=None, sideset_init=None, side_pindir=False,
                in_shiftdir=0, out_shiftdir=0, autopush=False, autopull=False,
                push_thresh=32, pull_thresh=32, fifo_join=0):
        settings = {"sideset": sideset_init, "out_shiftdir": out_shiftdir,
                    "autopull": autopull, "pull_thresh": pull_thresh, "out_init": out_init}

        def dec(f):
            prog = Program(settings)
            gl = f.__globals__
            saved = {k: gl[k] for k in scope if k in gl}
            gl.update(scope)
            current[0] = prog
            try:
                f()
            finally:
                current[0] = None
                for k in scope:
                    if k in saved:
                        gl[k] = saved[k]
                    elif k in gl:
                        del gl[k]
            return prog
        return dec

    def is_ws2812(prog):
        s = prog.settings
        outs = [i for i in prog.code if i.op == "out"]
        return (s["sideset"] is not None and s["out_shiftdir"] == PIO.SHIFT_LEFT
                and s["autopull"] and s["pull_thresh"] in (24, 32) and outs)

    class StateMachine:
        def __init__(self, id, program=None, freq=-1, *, sideset_base=None, out_base=None,
                     set_base=None, in_base=None, jmp_pin=None, **kw):
            if not 0 <= id <= 7:
                raise ValueError("invalid StateMachine")
            self._id = id
            self._prog = None
            self._on = False
            self._frame = []
            self._last = None
            if program is not None:
                self.init(program, freq, sideset_base=sideset_base, out_base=out_base,
                          set_base=set_base, in_base=in_base, jmp_pin=jmp_pin)

        def init(self, program, freq=-1, *, sideset_base=None, out_base=None, set_base=None,
                 in_base=None, jmp_pin=None, **kw):
            if not isinstance(program, Program):
                raise TypeError("program must be an asm_pio program")
            self._prog = program
            self._pin = to_pin(sideset_base) if sideset_base is not None else None
            self._neo = self._pin is not None and is_ws2812(program)

        def active(self, value=None):
            if value is None:
                return self._on
            if value and self._prog is not None and not self._neo:
                _no("rp2.StateMachine (this PIO program)")
            self._on = bool(value)

        def put(self, value, shift=0):
            if not self._neo:
                _no("rp2.StateMachine (this PIO program)")
            words = [value] if isinstance(value, int) else list(value)
            now = ticks_us()
            if self._last is None or ticks_diff(now, self._last) > 60 or len(words) > 1:
                self._frame = []  # a pause longer than the reset time latches the strip
            self._last = now
            for w in words:
                w = (w << shift) & 0xFFFFFFFF
                self._frame.append(((w >> 16) & 255, (w >> 24) & 255, (w >> 8) & 255))
            self._frame = self._frame[-256:]
            buf = bytearray()
            for r, g, b in self._frame:
                buf.append(r)
                buf.append(g)
                buf.append(b)
            A[0] = 3
            if hc("N" + self._pin._label, bytes(buf)):
                due()

        def exec(self, instr):
            pass

        def get(self, buf=None, shift=0):
            _no("rp2.StateMachine.get")

        def rx_fifo(self):
            return 0

        def tx_fifo(self):
            return 0

        def restart(self):
            pass

        def irq(self, handler=None, trigger=0, hard=False):
            _no("rp2.StateMachine.irq")

    def bootsel_button():
        return 0

    def no(what):
        def f(*a, **kw):
            _no(what)
        return f

    return {"asm_pio": asm_pio, "PIO": PIO, "StateMachine": StateMachine, "PIOASMError": PIOError,
            "bootsel_button": bootsel_button, "country": lambda c=None: "XX" if c is None else None,
            "Flash": no("rp2.Flash"), "DMA": no("rp2.DMA"),
            "asm_pio_encode": no("rp2.asm_pio_encode")}
