"""Take the README's screenshots of the key classroom pages (docs/screenshots/*.png).

Loads the demo (with its classroom state) into a temporary database, serves it on loopback and
drives Debian's Chromium with Playwright (``OFFICINA_CHROMIUM``, default /usr/bin/chromium):

    .venv/bin/python scripts/screenshots.py [--out docs/screenshots]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
CHROMIUM = os.environ.get("OFFICINA_CHROMIUM", "/usr/bin/chromium")
PASSWORD = "officina-demo"

# (file, user, path or callable(page, base) -> path, full page?)
SHOTS = [
    ("teacher-progress-grid.png", "prof.rossi", "grid", False),
    ("teacher-attempt-review.png", "prof.rossi", "review", True),
    ("teacher-assign.png", "prof.rossi", "assign", True),
    ("student-home.png", "fenicottero.blu", "/learn/", True),
    ("student-lab-workspace.png", "fenicottero.blu", "/catalog/labs/blink#workspace", False),
    ("student-quiz.png", "fenicottero.blu", "/learn/quizzes/led-uscite-digitali/verifica-led", True),
    ("lab-worksheet.png", "fenicottero.blu", "/catalog/labs/traffic-light/worksheet", False),
]


def _class_2b(page, base: str) -> str:
    page.goto(f"{base}/teach/")
    return page.locator("a[href*='/teach/classes/']", has_text="2B").first.get_attribute("href")


def _resolve(page, base: str, target: str) -> str:
    if target.startswith("/"):
        return target
    room = _class_2b(page, base)
    if target == "grid":
        return f"{room}/progress"
    if target == "assign":
        return f"{room}/assignments/new"
    page.goto(f"{base}{room}/progress")
    return page.locator("table tbody tr:first-child td:nth-of-type(2) a").first.get_attribute("href")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from http_latency import free_port, wait_for

    with tempfile.TemporaryDirectory() as instance:
        env = {**os.environ, "OFFICINA_INSTANCE_PATH": instance, "OFFICINA_ENV": "development"}
        env.pop("OFFICINA_DATABASE_URL", None)
        subprocess.run([str(BIN / "officina"), "demo", "--quiet"], env=env, check=True, cwd=ROOT)
        port = free_port()
        server = subprocess.Popen([str(BIN / "gunicorn"), "-w", "1", "--threads", "4", "-b", f"127.0.0.1:{port}",
                                   "--log-level", "warning", "app:create_app()"], env=env, cwd=ROOT)
        base = f"http://127.0.0.1:{port}"
        try:
            wait_for(port, 60)
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
                for name, user, target, full in SHOTS:
                    context = browser.new_context(viewport={"width": 1280, "height": 860}, locale="it-IT")
                    page = context.new_page()
                    page.goto(f"{base}/auth/login")
                    page.fill("#username", user)
                    page.fill("#password", PASSWORD)
                    page.click("form:not(.lang-form) button[type=submit]")
                    page.wait_for_load_state()
                    page.goto(base + _resolve(page, base, target))
                    page.wait_for_load_state("networkidle")
                    time.sleep(0.3)
                    page.screenshot(path=str(out / name), full_page=full)
                    print(f"{out / name}")
                    context.close()
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    sys.exit(main())
