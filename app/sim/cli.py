"""Command-line groups ``sim`` (run) and ``lab`` (run, verify, list) as plain click groups.

The web app's ``officina`` console script adds them with ``cli.add_command(sim)`` and
``cli.add_command(lab)``; ``python -m app.sim`` runs them without the web app. Commands run
in-process (one run per command) except ``lab verify``, which uses the worker pool. With
``--json`` a command always prints exactly one JSON object, a refused program included.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click
import yaml

from app.sim.boards import BOARDS


def _load_scenario(path: str | None) -> dict[str, Any] | None:
    if path is None:
        return None
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    if isinstance(data, dict) and "scenario" in data:
        data = data["scenario"]
    return data


def _timeline_text(result: Any, limit: int = 60) -> str:
    lines = []
    for e in result.events[:limit]:
        value = e.value if not isinstance(e.value, (list, dict)) else json.dumps(e.value)[:60]
        lines.append(f"  {e.t_us / 1e6:9.4f}s  {e.source:<16} {e.kind:<8} {value}")
    if len(result.events) > limit:
        lines.append(f"  ... {len(result.events) - limit} more events")
    return "\n".join(lines)


def _summary(result: Any, lang: str) -> str:
    out = [f"board: {result.board}", result.notice.get(lang, ""),
           f"simulated time: {result.sim_time_us / 1e6:g} s, events: {len(result.events)}"]
    if result.error:
        e = result.error
        out.append(f"ERROR line {e['line']}: {e['type']}: {e['message']}")
        if result.explanation:
            out.append("  " + result.explanation.get(lang, ""))
    for p in result.api_problems:
        out.append(f"API line {p['line']}: {p['message'].get(lang, '')}")
    if result.stdout:
        out.append("--- output ---\n" + result.stdout.rstrip())
    out.append("--- timeline ---\n" + _timeline_text(result))
    return "\n".join(out)


def _with_world(scenario: dict[str, Any] | None, world_file: str, kit: str | None,
                seconds: float | None) -> tuple[dict[str, Any], float | None]:
    """The scenario with a robot in ``world_file`` (replacing any robot it had)."""
    from app.sim.robot.world import load_world

    world = load_world(world_file)
    sc = dict(scenario or {})
    device: dict[str, Any] = {"type": "robot", "world": world}
    if kit:
        device["kit"] = kit
    sc["devices"] = [d for d in sc.get("devices", []) if d.get("type") != "robot"] + [device]
    if seconds is None and "seconds" not in sc and world.seconds is not None:
        seconds = world.seconds
    return sc, seconds


def _refuse(exc: Exception, as_json: bool, **context: Any) -> None:
    """Stop a command that could not run: one JSON object on stdout with ``--json`` (exit 1),
    else click's usual error message."""
    if not as_json:
        if isinstance(exc, (ValueError, OSError, yaml.YAMLError)):
            raise click.ClickException(str(exc)) from None
        raise exc
    d: dict[str, Any] = {"error": {"type": type(exc).__name__, "message": str(exc)[:500],
                                   "line": None},
                         "stdout": "", "sim_time_us": 0, "events": [], "outcome": "invalid"}
    d.update({k: v for k, v in context.items() if v is not None})
    if "lab" in context:
        d.update(passed=False, checks=[])
    click.echo(json.dumps(d, ensure_ascii=False))
    sys.exit(1)


@click.group("sim")
def sim() -> None:
    """Run MicroPython programs on virtual boards."""


@sim.command("run")
@click.argument("program", type=click.Path(exists=True, dir_okay=False))
@click.option("--board", type=click.Choice(sorted(BOARDS)), default="pico", show_default=True)
@click.option("--seconds", type=float, default=None, help="Simulated seconds (default 10).")
@click.option("--scenario", "scenario_file", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.option("--lang", type=click.Choice(["it", "en"]), default="it")
@click.option("--world", "world_file", type=click.Path(exists=True, dir_okay=False),
              help="Put the board on a virtual robot in this world file.")
@click.option("--kit", type=click.Choice(["maker_pi_rp2040", "maqueen"]), default=None,
              help="Robot kit for --world (default: the board's usual kit).")
@click.option("--html", "html_file", type=click.Path(dir_okay=False, writable=True),
              help="Also write a standalone replay of the run to this HTML file.")
def sim_run(program: str, board: str, seconds: float | None, scenario_file: str | None,
            as_json: bool, lang: str, world_file: str | None, kit: str | None,
            html_file: str | None) -> None:
    """Run PROGRAM on a virtual board."""
    from app.sim.runner import execute

    try:
        code = Path(program).read_text(encoding="utf-8")
        scenario = _load_scenario(scenario_file)
        if world_file is not None:
            scenario, seconds = _with_world(scenario, world_file, kit, seconds)
        result, _ = execute(code, board, scenario, seconds)
    except Exception as exc:  # --json promises one JSON object, whatever went wrong
        _refuse(exc, as_json, board=board)
    if html_file:
        from app.sim.robot.replay import standalone_html

        Path(html_file).write_text(standalone_html(result, f"{Path(program).name} · {board}", lang),
                                   encoding="utf-8")
    if as_json:
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, sort_keys=False))
    else:
        click.echo(_summary(result, lang))


@click.group("lab")
def lab() -> None:
    """Grade code against labs and verify the labs."""


@lab.command("run")
@click.argument("lab_ref", metavar="LAB")
@click.option("--code", "code_file", required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True)
@click.option("--lang", type=click.Choice(["it", "en"]), default="it")
@click.option("--board", type=click.Choice(sorted(BOARDS)), default=None)
def lab_run(lab_ref: str, code_file: str, as_json: bool, lang: str, board: str | None) -> None:
    """Grade --code FILE against LAB (a slug or a folder)."""
    from app.sim.grading import grade_local

    try:
        code = Path(code_file).read_text(encoding="utf-8")
        res = grade_local(code, lab_ref, board=board, lang=lang)
    except Exception as exc:  # --json promises one JSON object, whatever went wrong
        _refuse(exc, as_json, board=board, lab=lab_ref)
    if as_json:
        click.echo(json.dumps(res.to_dict(), ensure_ascii=False))
        return
    click.echo(_summary(res.run, lang))
    click.echo("--- checks ---")
    for c in res.checks:
        mark = "PASS" if c.passed else "FAIL"
        click.echo(f"[{mark}] {c.id}: {c.message.get(lang)}  ({c.measured.get(lang) or c.detail})")
        if not c.passed and c.hint.get(lang):
            click.echo(f"       hint: {c.hint[lang]}")
    click.echo("PASSED" if res.passed else "NOT PASSED")
    sys.exit(0 if res.passed else 1)


@lab.command("verify")
@click.argument("labs", nargs=-1)
def lab_verify(labs: tuple[str, ...]) -> None:
    """Check every lab (or the given ones): solution passes, starter and wrong variants fail."""
    from concurrent.futures import ThreadPoolExecutor

    from app.sim import grade as pooled_grade
    from app.sim.grading import verify_lab
    from app.sim.labs import LabError, all_labs

    refs = list(labs) or [str(p) for p in all_labs()]
    if not refs:
        raise click.ClickException("no labs found")

    def one(ref: str) -> tuple[str, list[str]]:
        try:
            rep = verify_lab(ref, lambda code, lb: pooled_grade(code, lb.path))
            return rep.slug, rep.problems
        except (LabError, ValueError) as exc:
            return Path(ref).name, [str(exc)]

    with ThreadPoolExecutor(max_workers=2) as ex:
        results = list(ex.map(one, refs))
    bad = 0
    for slug, problems in results:
        click.echo(f"{'ok  ' if not problems else 'FAIL'} {slug}")
        for p in problems:
            click.echo(f"     - {p}")
        bad += bool(problems)
    click.echo(f"{len(results) - bad} passed, {bad} failed")
    sys.exit(1 if bad else 0)


@lab.command("list")
def lab_list() -> None:
    """List the labs found."""
    from app.sim.labs import all_labs, load_lab

    for p in all_labs():
        lb = load_lab(p)
        click.echo(f"{lb.slug:<24} {','.join(lb.boards):<22} {lb.title.get('en', '')}")


@click.group()
def main_group() -> None:
    """Officina simulator commands."""


main_group.add_command(sim)
main_group.add_command(lab)


def main() -> None:
    """Entry point of ``python -m app.sim``."""
    main_group()
