"""Time every programme dashboard page and export against a database (the synthetic city of
``officina synth-city`` on PostgreSQL): p50/p95 per page over ``--runs`` requests, peak memory of
the process, and the EXPLAIN (ANALYZE) plans of the slowest SQL statement of the two slowest pages.

    OFFICINA_DATABASE_URL=postgresql+psycopg://…/officina_city .venv/bin/python benchmarks/dashboard.py --runs 20
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

PASSWORD = "bench-password-not-secret-1"


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--skill", default="area:3")
    args = parser.parse_args()

    from sqlalchemy import event, select, text

    from app import create_app
    from app.extensions import db
    from app.models import Role, School, User
    from app.auth.passwords import hash_password

    app = create_app({"WTF_CSRF_ENABLED": False})
    with app.app_context():
        staff = db.session.scalar(select(User).where(User.username == "bench-staff"))
        if staff is None:
            staff = User(username="bench-staff", display_name="Bench", role=Role.STAFF, password_hash="!")
            db.session.add(staff)
        staff.password_hash = hash_password(PASSWORD)
        db.session.commit()
        year = db.session.scalar(text("SELECT max(school_year) FROM evidence"))
        district = db.session.scalar(text("SELECT district FROM school GROUP BY district ORDER BY count(*) DESC LIMIT 1"))
        school_id = db.session.scalar(select(School.id).where(School.district == district).order_by(School.id))
        statements: list[tuple[float, str, object]] = []

        @event.listens_for(db.engine, "before_cursor_execute")
        def _start(conn, cursor, statement, parameters, context, executemany):
            conn.info["started"] = time.perf_counter()

        @event.listens_for(db.engine, "after_cursor_execute")
        def _stop(conn, cursor, statement, parameters, context, executemany):
            statements.append((time.perf_counter() - conn.info["started"], statement, parameters))

    query = f"skill={args.skill}&year={year}"
    pages = {
        "adoption": "/program/adoption",
        "adoption.csv": "/program/adoption.csv",
        "outcomes (city)": f"/program/outcomes?{query}",
        "municipio": f"/program/outcomes/municipio/{district}?{query}",
        "school": f"/program/outcomes/school/{school_id}?{query}",
        "outcomes.csv city": f"/program/outcomes.csv?scope=city&{query}",
        "outcomes.csv trend": f"/program/outcomes.csv?scope=trend&{query}",
        "outcomes.csv school": f"/program/outcomes.csv?scope=school&school_id={school_id}&{query}",
    }
    client = app.test_client()
    signed_in = client.post("/auth/login", data={"username": "bench-staff", "password": PASSWORD})
    if signed_in.status_code != 302:
        raise SystemExit("could not sign in as bench-staff")
    results, slowest_sql = {}, {}
    for name, url in pages.items():
        timings = []
        for _ in range(args.runs):
            statements.clear()
            started = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
            if response.status_code != 200:
                raise SystemExit(f"{name}: HTTP {response.status_code}")
        slowest_sql[name] = max(statements, key=lambda item: item[0])
        results[name] = (percentile(timings, 0.5), percentile(timings, 0.95))
    print(f"{'page':<22} {'p50 ms':>8} {'p95 ms':>8}")
    for name, (p50, p95) in results.items():
        print(f"{name:<22} {p50:8.1f} {p95:8.1f}{'' if p95 <= 500 else '  > 500 ms'}")
    print(f"peak memory (max RSS): {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    with app.app_context():
        for name, _ in sorted(results.items(), key=lambda item: -item[1][1])[:2]:
            _seconds, statement, parameters = slowest_sql[name]
            prefix = "EXPLAIN (ANALYZE, BUFFERS) " if db.engine.dialect.name == "postgresql" else "EXPLAIN QUERY PLAN "
            raw = db.engine.raw_connection()
            cursor = raw.cursor()
            cursor.execute(prefix + statement, parameters)
            print(f"\n--- plan of the slowest statement of {name!r}")
            for row in cursor.fetchall():
                print("  ", " ".join(str(value) for value in row))
            raw.close()


if __name__ == "__main__":
    main()
