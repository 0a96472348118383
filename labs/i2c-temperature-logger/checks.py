"""Python checks of the I2C temperature logger lab."""
import re


def temperatures_match(trace, run, args):
    """Each printed temperature matches what the sensor held at the matching I2C read."""
    reads = [e.t_us for e in trace.events if e.source.startswith("i2c:") and e.kind == "read"]
    printed = [float(x) for x in re.findall(r"T=(-?[0-9]+[.][0-9]+)", run.stdout)]
    dev = [d for d in trace.scenario.devices if d["type"] == "tmp102"][0]
    pts = dev["curve"]
    bad = 0
    for t_us, value in zip(reads, printed):
        t = t_us / 1000
        exp = pts[-1][1]
        for (t0, v0), (t1, v1) in zip(pts, pts[1:]):
            if t0 <= t <= t1:
                exp = v0 + (v1 - v0) * (t - t0) / (t1 - t0)
                break
        bad += abs(value - exp) > 0.07
    n = min(len(reads), len(printed))
    return n >= 5 and bad == 0, "%d readings compared, %d wrong" % (n, bad)
