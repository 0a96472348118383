"""Python checks of the sensor CSV logger lab: the printed text is a CSV table (one header line,
then ``secondi,temperatura_c,luce_pct`` rows), each row is the TMP102 reading taken for it with
the light at that moment as a percentage, and the sensor is sampled every 2 s from the start."""

from app.sim.checks import Finding, fmt_num
from app.sim.checks.measurement import input_value, stopped_before_end

HEADER = "secondi,temperatura_c,luce_pct"
RESOLUTION = 0.0625  # °C per step of the TMP102


def _s(t_us, lang):
    return fmt_num(t_us / 1e6, lang, 1) + " s"


def _device(trace, kind):
    found = [d for d in trace.scenario.devices if d["type"] == kind]
    return found[0] if found else None


def _reads(trace):
    """(t_us, °C as the sensor reports it) for every read of the TMP102's temperature register."""
    dev = _device(trace, "tmp102")
    if dev is None:
        return []
    out = []
    for e in trace.events:
        if (e.source.startswith("i2c:") and e.kind == "read" and isinstance(e.value, dict)
                and e.value.get("addr") == dev["address"] and e.value.get("reg", 0) == 0):
            out.append((e.t_us, round(input_value(None, dev, e.t_us) / RESOLUTION) * RESOLUTION))
    return out


def _lines(run):
    return [ln.strip() for ln in run.stdout[:65536].splitlines() if ln.strip()]


def _is_header(line):
    return line.replace(" ", "").lower() == HEADER


def header_once(trace, run, args):
    """The first printed line is the header, and it is printed only once."""
    stopped = stopped_before_end(trace, run)
    if stopped:
        return stopped
    lines = _lines(run)
    if not lines:
        return Finding.say(False, "il programma non stampa niente", "the program prints nothing",
                           "no-output")
    if not _is_header(lines[0]):
        shown = lines[0][:40]
        return Finding.say(False, f"la prima riga è «{shown}», doveva essere «{HEADER}»",
                           f"the first line is \"{shown}\", it should be \"{HEADER}\"", "no-header")
    again = sum(1 for ln in lines[1:] if _is_header(ln))
    if again:
        return Finding.say(False, f"l'intestazione compare {again + 1} volte: va stampata una volta sola",
                           f"the header appears {again + 1} times: print it only once",
                           "header-repeated")
    return Finding.say(True, f"la prima riga è «{HEADER}», una volta sola",
                       f"the first line is \"{HEADER}\", only once")


def _row_values(line):
    parts = line.split(",")
    if len(parts) != 3:
        return None
    try:
        return [float(p) for p in parts]
    except ValueError:
        return None


def rows_match(trace, run, args):
    """Each row after the header has 3 numbers: seconds since start (within ``time_tol_s``,
    default 1.1), the temperature read for it (within 0.0625 °C) and the light at that moment in
    % (within ``light_tol``, default 2 points); at least ``min_rows`` (default 9)."""
    stopped = stopped_before_end(trace, run)
    if stopped:
        return stopped
    need = int(args.get("min_rows", 9))
    tol_s = float(args.get("time_tol_s", 1.1))
    light_tol = float(args.get("light_tol", 2))
    reads = _reads(trace)
    light = _device(trace, "light_sensor")
    rows = [ln for ln in _lines(run) if not _is_header(ln)]
    if not rows:
        return Finding.say(False, "nessuna riga di dati", "no data rows", "too-few")
    for k, line in enumerate(rows):
        shown = line[:40]
        values = _row_values(line)
        if values is None:
            return Finding.say(False, f"riga {k + 1} «{shown}»: servono 3 numeri separati da "
                                      "virgole, con il punto per i decimali",
                               f"row {k + 1} \"{shown}\": 3 numbers separated by commas are "
                               "needed, with a point for decimals", "wrong-format")
        if k >= len(reads):
            return Finding.say(False, f"riga {k + 1} «{shown}»: il sensore non è stato letto per "
                                      "questa riga",
                               f"row {k + 1} \"{shown}\": the sensor was not read for this row",
                               "ignores-sensor")
        t_us, celsius = reads[k]
        secs, temp, pct = values
        if abs(temp - celsius) > RESOLUTION + 1e-9:
            return Finding.say(
                False, f"riga {k + 1} «{shown}»: il TMP102 leggeva {fmt_num(celsius, 'it', 4)} °C",
                f"row {k + 1} \"{shown}\": the TMP102 read {fmt_num(celsius, 'en', 4)} °C",
                "wrong-temperature")
        want = input_value(None, light, t_us) * 100 if light else 0.0
        if abs(pct - want) > light_tol:
            cause = "light-raw" if pct > 100 else "wrong-light"
            return Finding.say(
                False, f"riga {k + 1} «{shown}»: la luce in quel momento era {fmt_num(want, 'it', 0)} %",
                f"row {k + 1} \"{shown}\": the light was at {fmt_num(want, 'en', 0)} %", cause)
        if abs(secs - t_us / 1e6) > tol_s:
            return Finding.say(
                False, f"riga {k + 1} «{shown}»: la lettura è a {_s(t_us, 'it')} dall'avvio, non "
                       f"a {fmt_num(secs, 'it', 1)} s",
                f"row {k + 1} \"{shown}\": the reading is {_s(t_us, 'en')} after start, not "
                f"{fmt_num(secs, 'en', 1)} s", "wrong-time")
    if len(rows) < need:
        return Finding.say(False, f"solo {len(rows)} righe di dati, ne servono almeno {need}",
                           f"only {len(rows)} data rows, at least {need} needed", "too-few")
    return Finding.say(True, f"{len(rows)} righe, tutte uguali alle letture dei sensori",
                       f"{len(rows)} rows, all equal to the sensors' readings")


def sampling_interval(trace, run, args):
    """The first reading within ``first_ms`` (default 1000) of the start, then one every
    ``interval_ms`` (default 2000; between 95 % and 125 % of it) to the end of the run."""
    stopped = stopped_before_end(trace, run)
    if stopped:
        return stopped
    interval = int(args.get("interval_ms", 2000)) * 1000
    first = int(args.get("first_ms", 1000)) * 1000
    reads = _reads(trace)
    if not reads:
        return Finding.say(False, "il sensore all'indirizzo 0x48 non viene mai letto",
                           "the sensor at address 0x48 is never read", "no-reads")
    if reads[0][0] > first:
        return Finding.say(False, f"la prima lettura arriva a {_s(reads[0][0], 'it')}",
                           f"the first reading comes at {_s(reads[0][0], 'en')}", "too-slow")
    for (a, _), (b, _) in zip(reads, reads[1:]):
        if b - a < interval * 0.95:
            return Finding.say(False, f"due letture a {_s(b - a, 'it')} di distanza (a {_s(a, 'it')})",
                               f"two readings {_s(b - a, 'en')} apart (at {_s(a, 'en')})",
                               "too-fast")
        if b - a > interval * 1.25:
            return Finding.say(False, f"tra due letture passano {_s(b - a, 'it')} (a {_s(a, 'it')})",
                               f"{_s(b - a, 'en')} pass between two readings (at {_s(a, 'en')})",
                               "too-slow")
    if trace.sim_time_us - reads[-1][0] > interval * 1.25:
        return Finding.say(False, f"l'ultima lettura è a {_s(reads[-1][0], 'it')}, poi più niente",
                           f"the last reading is at {_s(reads[-1][0], 'en')}, then nothing",
                           "too-slow")
    return Finding.say(True, f"{len(reads)} letture, una ogni 2 s",
                       f"{len(reads)} readings, one every 2 s")
