"""Python checks of the ESP32 offline logger lab: the node measures the DHT22 every 2 s from the
start (it never waits for the network), each CSV row printed is that measurement, and while the
access point is out of reach the program retries the connection about every 10 s. A retry is a
line starting with "#" printed after a row; its time is that of the measurement just before it."""

from app.sim.checks import Finding, fmt_num
from app.sim.checks.measurement import stopped_before_end

HEADER = "secondi,temperatura,umidita"


def _s(t_us, lang):
    return fmt_num(t_us / 1e6, lang, 1) + " s"


def _measures(trace):
    """(t_us, °C, %RH) of every DHT22 measurement."""
    return [(e.t_us, e.value.get("c"), e.value.get("rh")) for e in trace.events
            if e.source.startswith("dht:") and e.kind == "measure" and isinstance(e.value, dict)]


def _lines(run):
    return [ln.strip() for ln in run.stdout[:65536].splitlines() if ln.strip()]


def _numbers(line):
    parts = line.split(",")
    try:
        return [float(p) for p in parts]
    except ValueError:
        return None


def readings_from_start(trace, run, args):
    """The first measurement within ``first_ms`` (default 1000) of the start, then one every
    ``interval_ms`` (default 2000; between 95 % and 125 % of it), to the end of the run."""
    stopped = stopped_before_end(trace, run)
    if stopped:
        return stopped
    interval = int(args.get("interval_ms", 2000)) * 1000
    first = int(args.get("first_ms", 1000)) * 1000
    reads = _measures(trace)
    if not reads:
        return Finding.say(False, "il sensore DHT22 non viene mai letto (measure())",
                           "the DHT22 sensor is never read (measure())", "blocked")
    if reads[0][0] > first:
        return Finding.say(False, f"la prima misura arriva dopo {_s(reads[0][0], 'it')}: il nodo "
                                  "aspetta la rete invece di registrare",
                           f"the first measurement comes after {_s(reads[0][0], 'en')}: the node "
                           "waits for the network instead of logging", "blocked")
    for (a, _, _), (b, _, _) in zip(reads, reads[1:]):
        gap = b - a
        if gap < interval * 0.95:
            return Finding.say(False, f"due misure a {_s(gap, 'it')} di distanza (a {_s(a, 'it')}): "
                                      "il DHT22 va letto ogni 2 s",
                               f"two measurements {_s(gap, 'en')} apart (at {_s(a, 'en')}): the "
                               "DHT22 must be read every 2 s", "too-fast")
        if gap > interval * 1.25:
            return Finding.say(False, f"tra due misure passano {_s(gap, 'it')} (a {_s(a, 'it')}): "
                                      "il nodo si è fermato",
                               f"{_s(gap, 'en')} pass between two measurements (at {_s(a, 'en')}): "
                               "the node stalled", "too-slow")
    end = trace.sim_time_us
    if end - reads[-1][0] > interval * 1.25:
        return Finding.say(False, f"l'ultima misura è a {_s(reads[-1][0], 'it')}, poi più niente",
                           f"the last measurement is at {_s(reads[-1][0], 'en')}, then nothing",
                           "too-slow")
    return Finding.say(True, f"{len(reads)} misure, una ogni 2 s dall'inizio",
                       f"{len(reads)} measurements, one every 2 s from the start")


def rows_match(trace, run, args):
    """The first non-comment line is the header; then one row ``secondi,temperatura,umidita``
    per measurement, in order: time within ``time_tol_s`` (default 1.1), temperature and humidity
    within 0.15; at least ``min_rows`` (default 10)."""
    stopped = stopped_before_end(trace, run)
    if stopped:
        return stopped
    need = int(args.get("min_rows", 10))
    tol_s = float(args.get("time_tol_s", 1.1))
    reads = _measures(trace)
    data = [ln for ln in _lines(run) if not ln.startswith("#")]
    if not data:
        return Finding.say(False, "il programma non stampa nessuna riga CSV",
                           "the program prints no CSV row", "no-rows")
    if data[0].replace(" ", "").lower() != HEADER:
        shown = data[0][:40]
        return Finding.say(False, f"la prima riga è «{shown}», doveva essere «{HEADER}»",
                           f"the first line is \"{shown}\", it should be \"{HEADER}\"", "no-header")
    rows = data[1:]
    for k, line in enumerate(rows):
        values = _numbers(line)
        shown = line[:40]
        if values is None or len(values) != 3:
            return Finding.say(False, f"riga {k + 1} «{shown}»: servono 3 numeri separati da virgole",
                               f"row {k + 1} \"{shown}\": 3 numbers separated by commas are needed",
                               "wrong-format")
        if k >= len(reads):
            return Finding.say(False, f"riga {k + 1} «{shown}»: non c'è una misura per questa riga",
                               f"row {k + 1} \"{shown}\": there is no measurement for this row",
                               "ignores-sensor")
        t_us, c, rh = reads[k]
        secs, temp, hum = values
        if abs(temp - c) > 0.15 or abs(hum - rh) > 0.15:
            return Finding.say(
                False, f"riga {k + 1} «{shown}»: il sensore misurava {fmt_num(c, 'it', 1)} °C e "
                       f"{fmt_num(rh, 'it', 1)} %",
                f"row {k + 1} \"{shown}\": the sensor measured {fmt_num(c, 'en', 1)} °C and "
                f"{fmt_num(rh, 'en', 1)} %", "wrong-value")
        if abs(secs - t_us / 1e6) > tol_s:
            return Finding.say(
                False, f"riga {k + 1} «{shown}»: la misura è a {_s(t_us, 'it')} dall'avvio, non a "
                       f"{fmt_num(secs, 'it', 1)} s",
                f"row {k + 1} \"{shown}\": the measurement is {_s(t_us, 'en')} after start, not "
                f"{fmt_num(secs, 'en', 1)} s", "wrong-time")
    if len(rows) < need:
        return Finding.say(False, f"solo {len(rows)} righe di dati, ne servono almeno {need}",
                           f"only {len(rows)} data rows, at least {need} needed", "too-few")
    return Finding.say(True, f"intestazione giusta e {len(rows)} righe uguali alle misure",
                       f"right header and {len(rows)} rows equal to the measurements")


def retries(trace, run, args):
    """Lines starting with "#" mark connection attempts. After the start there are at least
    ``min_retries`` (default 2), the first within ``max_gap_s`` (default 13) and consecutive ones
    between ``min_gap_s`` (default 7.5) and ``max_gap_s`` apart."""
    stopped = stopped_before_end(trace, run)
    if stopped:
        return stopped
    need = int(args.get("min_retries", 2))
    lo, hi = float(args.get("min_gap_s", 7.5)) * 1e6, float(args.get("max_gap_s", 13)) * 1e6
    reads = _measures(trace)
    times, rows = [], -1  # the header is not a data row
    for line in _lines(run):
        if line.startswith("#"):
            times.append(reads[min(rows, len(reads)) - 1][0] if rows > 0 and reads else 0)
        else:
            rows += 1
    later = [t for t in times if t > 1_000_000]
    if not later:
        return Finding.say(False, "dopo l'avvio nessuna riga «# ...» di nuovo tentativo: il nodo "
                                  "non riprova mai a collegarsi",
                           "after the start no \"# ...\" retry line: the node never tries to "
                           "connect again", "no-retry")
    if later[0] > hi:
        return Finding.say(False, f"il primo nuovo tentativo arriva a {_s(later[0], 'it')}: "
                                  "riprova ogni 10 s",
                           f"the first retry comes at {_s(later[0], 'en')}: retry every 10 s",
                           "too-rare")
    for a, b in zip(times, times[1:]):
        if b - a < lo:
            return Finding.say(False, f"due tentativi a {_s(b - a, 'it')} di distanza (a "
                                      f"{_s(b, 'it')}): riprova ogni 10 s, non di più",
                               f"two attempts {_s(b - a, 'en')} apart (at {_s(b, 'en')}): retry "
                               "every 10 s, not more often", "too-often")
        if b - a > hi:
            return Finding.say(False, f"tra due tentativi passano {_s(b - a, 'it')}: riprova "
                                      "ogni 10 s",
                               f"{_s(b - a, 'en')} pass between two attempts: retry every 10 s",
                               "too-rare")
    if len(later) < need:
        return Finding.say(False, f"solo {len(later)} nuovi tentativi, ne servono almeno {need}",
                           f"only {len(later)} retries, at least {need} needed", "too-rare")
    when = {lang: ", ".join(_s(t, lang) for t in later) for lang in ("it", "en")}
    return Finding.say(True, f"nuovi tentativi a {when['it']}", f"retries at {when['en']}")
