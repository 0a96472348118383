"""The `officina` console script works without --app."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def test_console_script_lists_routes_without_app_flag(tmp_path):
    """Does `officina routes` run from any folder with no --app or FLASK_APP?"""
    script = Path(sys.executable).with_name("officina")
    env = {**os.environ, "OFFICINA_INSTANCE_PATH": str(tmp_path)}
    env.pop("FLASK_APP", None)
    result = subprocess.run([str(script), "routes"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "auth.login" in result.stdout and "admin.user_new" in result.stdout


def test_db_upgrade_from_the_console_script(tmp_path):
    """Does `officina db upgrade` create the schema in a new SQLite file from the packaged migrations?"""
    script = Path(sys.executable).with_name("officina")
    env = {**os.environ, "OFFICINA_INSTANCE_PATH": str(tmp_path)}
    env.pop("OFFICINA_DATABASE_URL", None)
    result = subprocess.run([str(script), "db", "upgrade"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "officina.sqlite3").stat().st_size > 0


def _modules_loaded_by(*args: str) -> set[str]:
    """Run ``officina ARGS`` in a fresh interpreter and return the top-level modules it imported."""
    probe = (
        "import sys\n"
        f"sys.argv = ['officina', *{list(args)!r}]\n"
        "from app.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('MODULES', ' '.join(sorted({name.split('.')[0] for name in sys.modules})))\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120,
                            cwd=Path(__file__).resolve().parent.parent)
    line = next(line for line in result.stdout.splitlines() if line.startswith("MODULES "))
    return set(line.split()[1:])


def test_help_and_simulator_commands_do_not_load_flask():
    """Do `officina --help` and the simulator's commands start without importing Flask or the
    database layer (so they start in a fraction of a second)?"""
    for args in (["--help"], ["sim", "run", "--help"], ["lab", "run", "--help"], ["lab", "verify", "--help"],
                 ["grader", "--help"]):
        loaded = _modules_loaded_by(*args)
        assert not {"flask", "sqlalchemy", "flask_sqlalchemy", "werkzeug"} & loaded, args


def test_lab_run_grades_without_the_web_app(tmp_path):
    """Does `officina lab run` grade a program (reference solution passes) without loading Flask?"""
    root = Path(__file__).resolve().parent.parent
    loaded = _modules_loaded_by("lab", "run", "blink", "--code", str(root / "labs/blink/solution.py"))
    assert "flask" not in loaded
    script = Path(sys.executable).with_name("officina")
    result = subprocess.run([str(script), "lab", "run", "blink", "--code", str(root / "labs/blink/solution.py")],
                            cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "PASSED" in result.stdout


def test_help_lists_every_command_the_web_app_has(tmp_path, monkeypatch):
    """Does the quick `officina --help` list exactly the commands that really exist (web app's and
    Flask's included), so the static list cannot drift?"""
    from app.cli import SUMMARIES, web_cli

    monkeypatch.setenv("OFFICINA_INSTANCE_PATH", str(tmp_path))
    group = web_cli()
    context = group.make_context("officina", [], resilient_parsing=True)
    with context:
        real = set(group.list_commands(context))
    assert set(SUMMARIES) == real


def test_web_commands_still_get_their_own_help(tmp_path):
    """Is `officina demo --help` handed to the web app's command (its own options shown)?"""
    script = Path(sys.executable).with_name("officina")
    env = {**os.environ, "OFFICINA_INSTANCE_PATH": str(tmp_path)}
    result = subprocess.run([str(script), "demo", "--help"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "Usage: officina demo" in result.stdout and "--quiet" in result.stdout


def test_grader_command_is_delegated_to_the_simulator(tmp_path):
    """Does `officina grader --help` reach the grading workers' own options (app.sim.jobs), or
    say clearly that this version has none?"""
    import importlib.util

    script = Path(sys.executable).with_name("officina")
    result = subprocess.run([str(script), "grader", "--help"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    if importlib.util.find_spec("app.sim.jobs") is None:
        assert result.returncode != 0 and "no grading workers" in result.stderr
    else:
        assert result.returncode == 0, result.stderr
        assert "usage: officina grader" in result.stdout
