# MicroPython source (runs INSIDE the sandbox). The virtual `time`/`utime`, a deterministic
# `random` seeded by the scenario, and a `gc` facade that never collects (the WASI build's
# collector is unsound: see the runtime notes).


def build_time(core, real_time):
    costs = core.cfg["costs"]
    TMAX = (1 << 30) - 1
    THALF = 1 << 29

    def _num(x, what):
        if not isinstance(x, (int, float)) or isinstance(x, bool):
            raise TypeError("can't convert %s to %s" % (type(x).__name__, what))
        return x

    def sleep(s):
        s = _num(s, "float")
        if s < 0:
            raise ValueError("sleep length must be non-negative")
        core.advance(int(s * 1000000))

    def sleep_ms(ms):
        ms = _num(ms, "int")
        if ms > 0:
            core.advance(int(ms) * 1000)
        else:
            core.advance(costs["tick"])

    def sleep_us(us):
        us = _num(us, "int")
        if us > 0:
            core.advance(int(us))
        else:
            core.advance(costs["tick"])

    def ticks_ms():
        core.poll(costs["tick"])
        return (core.now // 1000) & TMAX

    def ticks_us():
        core.poll(costs["tick"])
        return core.now & TMAX

    def ticks_cpu():
        return ticks_us()

    def ticks_diff(a, b):
        return ((a - b + THALF) & TMAX) - THALF

    def ticks_add(a, d):
        return (a + d) & TMAX

    epoch = core.cfg.get("epoch", 1767225600)  # 2026-01-01 00:00:00 UTC

    def time():
        core.advance(costs["tick"])
        return epoch + core.now // 1000000

    def time_ns():
        core.advance(costs["tick"])
        return epoch * 1000000000 + core.now * 1000

    def localtime(secs=None):
        return real_time.localtime(time() if secs is None else secs)

    def gmtime(secs=None):
        return real_time.gmtime(time() if secs is None else secs)

    def mktime(t):
        return real_time.mktime(t)

    return {"sleep": sleep, "sleep_ms": sleep_ms, "sleep_us": sleep_us, "ticks_ms": ticks_ms,
            "ticks_us": ticks_us, "ticks_cpu": ticks_cpu, "ticks_diff": ticks_diff,
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
    def collect():
        return None

    def mem_free():
        return max(0, heap_bytes - real_gc.mem_alloc())

    def mem_alloc():
        return real_gc.mem_alloc()

    def noop(*a):
        return None

    def isenabled():
        return True

    return {"collect": collect, "mem_free": mem_free, "mem_alloc": mem_alloc, "enable": noop,
            "disable": noop, "isenabled": isenabled, "threshold": noop}
