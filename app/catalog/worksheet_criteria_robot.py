"""Pass criteria of the robot check kinds, in plain words, from the checks' own parameters.

Registered into ``app.catalog.worksheet_criteria.DESCRIBERS`` on import. A time limit the grader
derives from a world (``reaches_goal`` with ``min_speed_cm_s``) is computed by the check itself
for each visible world, so the worksheet prints the very limit the grader applies; hidden worlds
are never named or measured here.
"""

from __future__ import annotations

from app.catalog.worksheet_criteria import Say, Setting, describer, num, pct, the_share
from app.sim.checks import Check


@describer("reaches_goal")
def _reaches_goal(check: Check, s: Setting, lang: str) -> Say:
    p = check.params
    if "within_s" in p:
        limit = num(p["within_s"], lang)
        return Say(f"Il robot arriva al traguardo di ogni mondo entro {limit} s.",
                   f"The robot reaches the goal of every world within {limit} s.")
    speed, extra = num(p["min_speed_cm_s"], lang), num(p.get("extra_s", 5), lang)
    limits_it, limits_en = [], []
    for label, title, world in s.worlds:
        limit_s = getattr(check, "limit_s", None)
        if limit_s is None or getattr(world, "goal", None) is None:
            continue
        seconds = num(limit_s(world), lang, 1)
        limits_it.append(f"{label} «{title.get('it', '')}» {seconds} s")
        limits_en.append(f"{label} '{title.get('en', '')}' {seconds} s")
    tail_it = f" Tempi massimi: {'; '.join(limits_it)}." if limits_it else ""
    tail_en = f" Time limits: {'; '.join(limits_en)}." if limits_en else ""
    return Say(f"Il robot arriva al traguardo di ogni mondo, in media ad almeno {speed} cm/s lungo il "
               f"percorso, più {extra} s di margine.{tail_it}",
               f"The robot reaches the goal of every world, on average at {speed} cm/s or more along the "
               f"route, plus {extra} s to spare.{tail_en}")


@describer("on_line")
def _on_line(check: Check, s: Setting, lang: str) -> Say:
    ratio = check.params["min_ratio"]
    return Say(f"Il robot resta sulla linea per almeno {the_share(ratio, 'it')} del tempo.",
               f"The robot stays on the line at least {pct(ratio, 'en')} of the time.")


@describer("steering_levels")
def _steering(check: Check, s: Setting, lang: str) -> Say:
    levels = num(check.params["min_levels"], lang)
    return Say(f"Sterzata proporzionale: la differenza tra le velocità delle ruote prende almeno {levels} "
               "valori diversi, non solo due.",
               f"Proportional steering: the difference between the wheel speeds takes at least {levels} "
               "different values, not just two.")


@describer("no_collision")
def _no_collision(check: Check, s: Setting, lang: str) -> Say:
    most = int(check.params.get("max", 0))
    if most == 0:
        say = Say("Il robot non tocca mai muri o ostacoli.", "The robot never touches a wall or an obstacle.")
    elif most == 1:
        say = Say("Il robot tocca muri o ostacoli al massimo 1 volta.",
                  "The robot touches walls or obstacles at most 1 time.")
    else:
        say = Say(f"Il robot tocca muri o ostacoli al massimo {most} volte.",
                  f"The robot touches walls or obstacles at most {most} times.")
    if check.params.get("left_turns_only"):
        say = Say(say.it + " Gira solo a sinistra.", say.en + " It turns left only.")
    return say


@describer("explores")
def _explores(check: Check, s: Setting, lang: str) -> Say:
    p = check.params
    cells, cell = num(p["min_cells"], lang), num(p.get("cell_cm", 25), lang)
    far, share = num(p.get("min_far_cm", 0), lang), p.get("min_straight_ratio", 0)
    return Say(f"Il robot esplora: passa per almeno {cells} quadrati di {cell} cm, si allontana almeno "
               f"{far} cm dalla partenza e, quando si muove, va dritto per almeno {the_share(share, 'it')} del tempo.",
               f"The robot explores: it passes through at least {cells} squares of {cell} cm, gets at least "
               f"{far} cm from the start and, while moving, drives straight at least {pct(share, 'en')} of the time.")


@describer("path_length")
def _path_length(check: Check, s: Setting, lang: str) -> Say:
    p = check.params
    if "min_cm" in p and "max_cm" in p:
        lo, hi = num(p["min_cm"], lang), num(p["max_cm"], lang)
        return Say(f"Il robot percorre in tutto da {lo} a {hi} cm, poi si ferma.",
                   f"The robot drives {lo} to {hi} cm in all, then stops.")
    if "max_cm" in p:
        hi = num(p["max_cm"], lang)
        return Say(f"Il robot percorre al massimo {hi} cm.", f"The robot drives at most {hi} cm.")
    lo = num(p.get("min_cm", 0), lang)
    return Say(f"Il robot percorre almeno {lo} cm.", f"The robot drives at least {lo} cm.")


@describer("drives_polygon")
def _polygon(check: Check, s: Setting, lang: str) -> Say:
    p = check.params
    sides, side = num(p["sides"], lang), num(p["side_cm"], lang)
    side_tol, turn_tol = num(p.get("side_tol_cm", 8), lang), num(p.get("turn_tol_deg", 20), lang)
    turn, close = float(p["turn_deg"]), num(p.get("close_cm", 20), lang)
    way = Say("a sinistra", "left") if turn > 0 else Say("a destra", "right")
    angle = num(abs(turn), lang)
    return Say(f"Il robot percorre {sides} lati dritti di {side} cm (± {side_tol} cm), gira {way.it} di "
               f"{angle}° (± {turn_tol}°) a ogni angolo e finisce a meno di {close} cm dalla partenza.",
               f"The robot drives {sides} straight sides of {side} cm (± {side_tol} cm), turns {way.en} by "
               f"{angle}° (± {turn_tol}°) at each corner and ends within {close} cm of the start.")


@describer("stops_near_obstacle")
def _stops(check: Check, s: Setting, lang: str) -> Say:
    p = check.params
    lo, hi, still = num(p["min_cm"], lang), num(p["max_cm"], lang), num(p.get("still_s", 1), lang)
    return Say(f"Alla fine il robot è fermo (da almeno {still} s) a una distanza da {lo} a {hi} cm dal "
               "muro o dall'ostacolo più vicino.",
               f"At the end the robot stands still (for at least {still} s) {lo} to {hi} cm from the "
               "nearest wall or obstacle.")


@describer("visits")
def _visits(check: Check, s: Setting, lang: str) -> Say:
    p = check.params
    radius = num(p.get("radius_cm", 10), lang)
    pts_it = "; ".join(f"{num(f, lang)} cm avanti, {num(l, lang)} cm a sinistra" for f, l in p["points"])
    pts_en = "; ".join(f"{num(f, lang)} cm forward, {num(l, lang)} cm left" for f, l in p["points"])
    return Say(f"Il robot passa, in ordine, a meno di {radius} cm da ogni punto (misurato dalla partenza): {pts_it}.",
               f"The robot passes, in order, within {radius} cm of each point (measured from the start): {pts_en}.")
