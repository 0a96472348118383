# MicroPython source (runs INSIDE the sandbox). The rp2/esp32 devices beyond pins and buses: the
# ESP32's DAC and TouchPad, the `dht`, `onewire`, `ds18x20` and `esp32` modules, and the Pico W /
# ESP32 radios (`network`, `bluetooth`, `socket`) behaving like a board whose access point and
# peers are out of reach, so programs take their offline path. Readings and recorded actions are
# host calls (the scenario stays on the host); what cannot be simulated raises an error saying it
# exists only on the real board.


def unsupported(what):
    raise NotImplementedError("'%s' is available on the real board, not in the simulator" % what)


def build_machine(br, board, pins):
    # The ESP32's DAC and TouchPad (machine's __getattr__ builds them at first use).
    hc = br.call
    A = br.A
    due = br.run_due
    to_pin = pins["to_pin"]

    class DAC:
        def __init__(self, pin, bits=8):
            self._p = to_pin(pin)
            if self._p._key not in ("25", "26"):
                raise ValueError("invalid Pin for DAC")

        def write(self, value):
            if not 0 <= value <= 255:
                raise ValueError("value out of range")
            A[0] = int(value)
            if hc("C", self._p._label):
                due()

    class TouchPad:
        def __init__(self, pin):
            self._p = to_pin(pin)
            if int(self._p._key) not in (0, 2, 4, 12, 13, 14, 15, 27, 32, 33):
                raise ValueError("invalid pin for touchpad")

        def read(self):
            if hc("E", self._p._label):
                due()
            return A[0]

        def config(self, value):
            pass

    return {"DAC": DAC, "TouchPad": TouchPad}


def build_sensors(br, pins):
    hc = br.call
    A = br.A
    RB = br.RB
    due = br.run_due
    to_pin = pins["to_pin"]

    class DHTBase:
        def __init__(self, pin):
            self._p = to_pin(pin)
            self._t = self._h = 0

        def measure(self):
            if hc("J", self._p._label):
                due()
            if A[0] < 0:
                raise OSError(110)  # ETIMEDOUT: no sensor answered
            self._t, self._h = A[1], A[2]

    class DHT11(DHTBase):
        def temperature(self):
            return self._t // 10

        def humidity(self):
            return self._h // 10

    class DHT22(DHTBase):
        def temperature(self):
            return self._t / 10

        def humidity(self):
            return self._h / 10

    class OneWireError(Exception):
        pass

    class OneWire:
        SEARCH_ROM = 0xF0
        MATCH_ROM = 0x55
        SKIP_ROM = 0xCC

        def __init__(self, pin):
            self.pin = to_pin(pin)

        def _op(self, op, arg=0):
            A[0] = op
            A[1] = arg
            if hc("L", self.pin._label):
                due()

        def scan(self):
            self._op(0)
            n = A[0]
            return [bytearray(RB[8 * i:8 * i + 8]) for i in range(n)]

        def reset(self, required=False):
            found = bool(self.scan())
            if required and not found:
                raise OneWireError()
            return found

        def readbit(self):
            return 1

        def readbyte(self):
            return 0xFF

        def readinto(self, buf):
            for i in range(len(buf)):
                buf[i] = 0xFF

        def writebit(self, value):
            pass

        def writebyte(self, value):
            pass

        def write(self, buf):
            pass

        def select_rom(self, rom):
            pass

    class DS18X20:
        def __init__(self, onewire):
            self.ow = onewire

        def scan(self):
            return [rom for rom in self.ow.scan() if rom[0] in (0x10, 0x22, 0x28)]

        def convert_temp(self):
            self.ow._op(1)

        def read_temp(self, rom):
            self.ow._op(2, rom[1] - 1)
            if A[0] < 0:
                raise OneWireError()
            raw = A[1]
            if raw & 0x8000:
                raw -= 0x10000
            return raw / 16

    return {"DHT11": DHT11, "DHT22": DHT22, "DHTBase": DHTBase}, \
        {"OneWire": OneWire, "OneWireError": OneWireError}, {"DS18X20": DS18X20}


def build_radio(br, board, tm):
    # network / bluetooth / socket of a board whose access point and peers are out of reach.
    fam = board["family"]
    esp = fam == "esp32"
    ST = {"IDLE": 1000 if esp else 0, "CONNECTING": 1001 if esp else 1,
          "WRONG_PASSWORD": 202 if esp else -3, "NO_AP_FOUND": 201 if esp else -2,
          "CONNECT_FAIL": 203 if esp else -1, "GOT_IP": 1010 if esp else 3}
    SEARCH_MS = 3000  # a board scans this long before it reports that no access point answers
    ticks_ms, ticks_diff, sleep_ms = tm["ticks_ms"], tm["ticks_diff"], tm["sleep_ms"]

    class WLAN:
        IF_STA = STA_IF = 0
        IF_AP = AP_IF = 1
        PM_NONE = 0x10
        PM_PERFORMANCE = 0xA11140
        PM_POWERSAVE = 0x111022

        def __init__(self, interface=0):
            self._if = interface
            self._on = False
            self._since = None

        def active(self, on=None):
            if on is None:
                return self._on
            self._on = bool(on)
            if not self._on:
                self._since = None

        def connect(self, ssid=None, key=None, *, bssid=None):
            if self._if != 0:
                raise OSError("AP doesn't support connect")
            if not self._on:
                raise OSError("STA must be active" if esp else "not active")
            self._since = ticks_ms()

        def disconnect(self):
            self._since = None

        def status(self, param=None):
            if param == "rssi":
                raise OSError("not connected" if not esp else "STA must be connected")
            if param is not None:
                raise ValueError("unknown status param")
            if self._since is None:
                return ST["IDLE"]
            if ticks_diff(ticks_ms(), self._since) < SEARCH_MS:
                return ST["CONNECTING"]
            return ST["NO_AP_FOUND"]

        def isconnected(self):
            return False

        def scan(self):
            sleep_ms(1500)  # a scan takes time on a board; no network is in range
            return []

        def ifconfig(self, cfg=None):
            if cfg is None:
                return ("0.0.0.0", "0.0.0.0", "0.0.0.0", "0.0.0.0")

        def ipconfig(self, *a, **kw):
            return "0.0.0.0" if a else None

        def config(self, *a, **kw):
            if a:
                if a[0] == "mac":
                    return b"\x28\xcd\xc1\x0a\x41\x42"
                if a[0] in ("ssid", "essid", "hostname"):
                    return "PicoW" if not esp else "ESP32"
                if a[0] in ("channel", "txpower", "pm"):
                    return 0
                raise ValueError("unknown config param")

    def hostname(name=None):
        return "PicoW" if name is None and not esp else ("espressif" if name is None else None)

    net = {"WLAN": WLAN, "STA_IF": 0, "AP_IF": 1, "hostname": hostname,
           "country": lambda c=None: "XX" if c is None else None,
           "ipconfig": lambda *a, **kw: None}
    for k, v in ST.items():
        net["STAT_" + k] = v

    class UUID:
        def __init__(self, value):
            self._v = value

        def __eq__(self, other):
            return isinstance(other, UUID) and other._v == self._v

        def __repr__(self):
            return "UUID(%r)" % (self._v,)

    class BLE:
        def __init__(self):
            self._on = False
            self._irq = None

        def active(self, on=None):
            if on is None:
                return self._on
            self._on = bool(on)
            return self._on

        def config(self, *a, **kw):
            if a and a[0] == "mac":
                return (0, b"\x28\xcd\xc1\x0a\x41\x43")
            if a and a[0] in ("gap_name", "addr_mode", "mtu", "rxbuf"):
                return {"gap_name": b"MPY BLE", "addr_mode": 0, "mtu": 23, "rxbuf": 64}[a[0]]

        def irq(self, handler):
            self._irq = handler  # no central ever connects: the handler is never called

        def gap_advertise(self, interval_us, adv_data=None, *, resp_data=None, connectable=True):
            if not self._on:
                raise OSError(5)

        def gap_scan(self, duration_ms, interval_us=1280000, window_us=11250, active=False):
            if not self._on:
                raise OSError(5)

        def gap_connect(self, *a, **kw):
            unsupported("BLE.gap_connect")

        def gap_disconnect(self, conn_handle):
            return False

        def gatts_register_services(self, services):
            out = []
            h = 1
            for svc in services:
                handles = []
                for _ in svc[1]:
                    h += 1
                    handles.append(h)
                out.append(tuple(handles))
            return tuple(out)

        def gatts_write(self, value_handle, data, send_update=False):
            pass

        def gatts_read(self, value_handle):
            return b""

        def gatts_notify(self, conn_handle, value_handle, data=None):
            raise OSError(107)  # ENOTCONN: nobody is connected

        def gatts_indicate(self, conn_handle, value_handle, data=None):
            raise OSError(107)

        def gatts_set_buffer(self, value_handle, len, append=False):
            pass

    ble = {"BLE": BLE, "UUID": UUID, "FLAG_READ": 0x0002, "FLAG_WRITE": 0x0008,
           "FLAG_NOTIFY": 0x0010, "FLAG_INDICATE": 0x0020, "FLAG_WRITE_NO_RESPONSE": 0x0004}

    class socket:
        def __init__(self, af=2, type=1, proto=0):
            pass

        def setsockopt(self, *a):
            pass

        def settimeout(self, t):
            pass

        def setblocking(self, flag):
            pass

        def bind(self, addr):
            pass

        def listen(self, backlog=0):
            pass

        def accept(self):
            while True:  # no client can reach a board without a network: it waits, as a board
                sleep_ms(1000000)

        def connect(self, addr):
            raise OSError(113)  # EHOSTUNREACH

        def close(self):
            pass

    def getaddrinfo(host, port, af=0, type=0, proto=0, flags=0):
        raise OSError(-2)  # the name cannot be resolved: there is no network

    sock = {"socket": socket, "getaddrinfo": getaddrinfo, "AF_INET": 2, "AF_INET6": 10,
            "SOCK_STREAM": 1, "SOCK_DGRAM": 2, "SOCK_RAW": 3, "SOL_SOCKET": 1,
            "SO_REUSEADDR": 4, "IPPROTO_TCP": 6, "IPPROTO_UDP": 17}
    return net, ble, sock


def build_esp32(br, tm):
    class NVS:
        _store = {}

        def __init__(self, namespace):
            self._ns = namespace

        def set_i32(self, key, value):
            NVS._store[(self._ns, key)] = int(value)

        def get_i32(self, key):
            if (self._ns, key) not in NVS._store:
                raise OSError(-4354)  # ESP_ERR_NVS_NOT_FOUND
            return NVS._store[(self._ns, key)]

        def set_blob(self, key, value):
            NVS._store[(self._ns, key)] = bytes(value)

        def get_blob(self, key, buffer):
            v = NVS._store.get((self._ns, key))
            if v is None:
                raise OSError(-4354)
            buffer[:len(v)] = v
            return len(v)

        def erase_key(self, key):
            NVS._store.pop((self._ns, key), None)

        def commit(self):
            pass

    def no(what):
        def f(*a, **kw):
            unsupported(what)
        return f

    return {"NVS": NVS, "raw_temperature": lambda: 128, "mcu_temperature": lambda: 53,
            "hall_sensor": lambda: 12, "wake_on_touch": lambda wake: None,
            "wake_on_ext0": lambda pin, level=0: None, "wake_on_ext1": lambda pins, level=0: None,
            "gpio_deep_sleep_hold": lambda enable: None, "idf_heap_info": lambda caps: [],
            "WAKEUP_ALL_LOW": 0, "WAKEUP_ANY_HIGH": 1, "HEAP_DATA": 4, "HEAP_EXEC": 1,
            "RMT": no("esp32.RMT"), "ULP": no("esp32.ULP"), "Partition": no("esp32.Partition")}
