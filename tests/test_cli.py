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
