# MicroPython source (runs INSIDE the sandbox). The virtual `time`/`utime` (every clock read and
# sleep is one call to the host, which owns the clock), a deterministic `random` seeded by the
# run, and a `gc` facade over the real collector (sound in our own interpreter build: see the
# runtime notes).

# Sleeps are capped at 2^30 µs / 2^20 ms: longer than any scenario (600 s), a 32-bit argument.


def build_time(br, real_time, epoch):
    hc = br.call
    A = br.A
    due = br.run_due
    TMAX = (1 << 30) - 1
    THALF = 1 << 29

    def _num(x, what):
        if not isinstance(x, (int, float)) or isinstance(x, bool):
            raise TypeError("can't convert %s to %s" % (type(x).__name__, what))
        return x

    def sleep(s):
        if s.__class__ is not int:
            s = _num(s, "float")
        if s < 0:
            raise ValueError("sleep length must be non-negative")
        us = int(s * 1000000)
        A[0] = us if us < 1073741824 else 1073741824
        if hc("s", ""):
            due()

    def sleep_ms(ms):
        # The hot path is one store and one host call; anything but an int takes the slow path.
        try:
            A[0] = ms if ms < 1048576 else 1048576
        except TypeError:
            A[0] = int(_num(ms, "int"))
        if hc("S", ""):
            due()

    def sleep_us(us):
        try:
            A[0] = us if us < 1073741824 else 1073741824
        except TypeError:
            A[0] = int(_num(us, "int"))
        if hc("s", ""):
            due()

    def ticks_ms():
        if hc("m", ""):
            due()
        return A[0]

    def ticks_us():
        if hc("m", ""):
            due()
        return A[1]

    def ticks_diff(a, b):
        return ((a - b + THALF) & TMAX) - THALF

    def ticks_add(a, d):
        return (a + d) & TMAX

    def time():
        if hc("m", ""):
            due()
        return epoch + A[2]

    def time_ns():
        if hc("m", ""):
            due()
        return epoch * 1000000000 + A[3] * 1000

    def localtime(secs=None):
        return real_time.localtime(time() if secs is None else secs)

    def gmtime(secs=None):
        return real_time.gmtime(time() if secs is None else secs)

    def mktime(t):
        return real_time.mktime(t)

    return {"sleep": sleep, "sleep_ms": sleep_ms, "sleep_us": sleep_us, "ticks_ms": ticks_ms,
            "ticks_us": ticks_us, "ticks_cpu": ticks_us, "ticks_diff": ticks_diff,
            "ticks_add": ticks_add, "time": time, "time_ns": time_ns, "localtime": localtime,
            "gmtime": gmtime, "mktime": mktime}


def build_random(seed):
    state = [(seed * 2654435761 + 0x9E3779B9) & 0xFFFFFFFF or 1]

    def getrandbits(k):
        out = 0
        got = 0
        while got < k:
            x = state[0]
            x ^= (x << 13) & 0xFFFFFFFF
            x ^= x >> 17
            x ^= (x << 5) & 0xFFFFFFFF
            state[0] = x
            out = (out << 32) | x
            got += 32
        return out >> (got - k) if k > 0 else 0

    def seed_(s=None):
        state[0] = ((s or 0) * 2654435761 + 0x9E3779B9) & 0xFFFFFFFF or 1

    def random():
        return getrandbits(24) / 16777216

    def randrange(start, stop=None, step=1):
        if stop is None:
            start, stop = 0, start
        n = (stop - start + step - 1) // step if step > 0 else (start - stop - step - 1) // -step
        if n <= 0:
            raise ValueError("empty range for randrange()")
        return start + step * (getrandbits(30) % n)

    def randint(a, b):
        return randrange(a, b + 1)

    def uniform(a, b):
        return a + (b - a) * random()

    def choice(seq):
        if not len(seq):
            raise IndexError("empty sequence")
        return seq[getrandbits(30) % len(seq)]

    return {"getrandbits": getrandbits, "seed": seed_, "random": random, "randrange": randrange,
            "randint": randint, "uniform": uniform, "choice": choice}


def build_gc(heap_bytes, real_gc):
    # The interpreter's collector is sound (pointer spilling): collect for real. The figures the
    # program sees leave out what the virtual board itself occupies, measured once at start-up, so
    # mem_alloc() + mem_free() is the board's heap.
    real_gc.collect()
    base = real_gc.mem_alloc()

    def mem_alloc():
        return max(0, real_gc.mem_alloc() - base)

    def mem_free():
        return max(0, min(real_gc.mem_free(), heap_bytes - mem_alloc()))

    return {"collect": real_gc.collect, "mem_free": mem_free, "mem_alloc": mem_alloc,
            "enable": real_gc.enable, "disable": real_gc.disable,
            "isenabled": real_gc.isenabled, "threshold": real_gc.threshold}
