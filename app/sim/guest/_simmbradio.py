# MicroPython source (runs INSIDE the sandbox, loaded only when a program first uses `radio`: the
# host serves it precompiled and the micro:bit build imports it, so the heap of every other run
# stays free). The micro:bit V2's `radio`, each call one host command.


def build_radio(br, hc):
    A = br.A
    RB = br.RB

    RATE_1MBIT, RATE_2MBIT = 0, 1
    cfg = {"length": 32, "queue": 3, "channel": 7, "power": 6, "address": 0x75626974,
           "group": 0, "data_rate": RATE_1MBIT}
    LIMITS = {"length": (1, 251), "queue": (1, 254), "channel": (0, 83), "power": (0, 7),
              "address": (0, 0xFFFFFFFF), "group": (0, 255), "data_rate": (0, 1)}

    def send_cfg():
        A[0] = cfg["length"]
        A[1] = cfg["queue"]
        A[2] = cfg["channel"]
        A[3] = cfg["power"]
        A[4] = cfg["group"]
        A[5] = cfg["data_rate"]
        hc("f", "cfg")

    def config(*args, **kwargs):
        if args:
            raise TypeError("arguments must be keywords")
        for k, v in kwargs.items():
            if k not in LIMITS:
                raise ValueError("unknown argument '%s'" % k)
            lo, hi = LIMITS[k]
            if not lo <= v <= hi:
                raise ValueError("value out of range for argument '%s'" % k)
        cfg.update(kwargs)
        send_cfg()

    def radio_reset():
        cfg.update({"length": 32, "queue": 3, "channel": 7, "power": 6, "address": 0x75626974,
                    "group": 0, "data_rate": RATE_1MBIT})
        send_cfg()

    def radio_state(what):
        def op():
            hc("f", what)
        return op

    def ensure_on():
        hc("f", "is")
        if A[0] != 1:
            raise ValueError("radio is not enabled")

    def send_bytes(data):
        ensure_on()
        hc("or", bytes(data)[:251])

    def send(text):
        if not isinstance(text, str):
            raise TypeError("can't convert '%s' object to str implicitly" % type(text).__name__)
        ensure_on()
        hc("or", b"\x01\x00\x01" + text.encode()[:248])

    def receive_raw():
        hc("f", "rx")
        if A[0] < 0:
            return None
        return bytes(RB[:A[0]]), A[1], A[2]

    def receive_full():
        ensure_on()
        return receive_raw()

    def receive_bytes():
        ensure_on()
        got = receive_raw()
        return None if got is None else got[0]

    def receive():
        ensure_on()
        got = receive_raw()
        if got is None:
            return None
        raw = got[0]
        if len(raw) < 3 or raw[:3] != b"\x01\x00\x01":
            raise ValueError("received packet is not a string")
        return raw[3:].decode()

    def receive_bytes_into(buf):
        got = receive_bytes()
        if got is None:
            return None
        n = min(len(buf), len(got))
        buf[:n] = got[:n]
        return n

    radio = {"on": radio_state("on"), "off": radio_state("off"), "config": config,
             "reset": radio_reset, "send": send, "send_bytes": send_bytes, "receive": receive,
             "receive_bytes": receive_bytes, "receive_full": receive_full,
             "receive_bytes_into": receive_bytes_into, "RATE_1MBIT": RATE_1MBIT,
             "RATE_2MBIT": RATE_2MBIT}

    return radio
