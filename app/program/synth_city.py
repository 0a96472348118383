"""``officina synth-city``: a synthetic city for the dashboards' benchmarks.

About 300 schools over Milan's 9 municipi (of different sizes), three school years, classes of
about 22 students, one teacher for every three classes, six module assignments per class, and
attempts whose pass rate depends on the school (some schools take the programme up far better
than others), on the student and on time; every passed attempt leaves one or two pieces of
skills evidence at a level that grows with the school level and the year's progress. Rows are
written with PostgreSQL's COPY (``executemany`` in batches elsewhere), behind a progress bar,
with explicit ids so nothing is read back. Synthetic people only: usernames ``synth-…``.
"""

from __future__ import annotations

import random
import tempfile
from datetime import datetime, timedelta, timezone

import click

from app.cli import with_app_context

MUNICIPI = [f"Municipio {n}" for n in range(1, 10)]
MUNICIPIO_WEIGHTS = [1.6, 0.9, 1.0, 1.2, 0.9, 1.1, 1.3, 1.2, 1.1]
YEARS = ["2024/25", "2025/26", "2026/27"]
LEVELS = [("primaria", 5, "EE"), ("secondaria_primo", 3, "MM"), ("secondaria_secondo", 5, "IS")]
DIGCOMP = ["1.1", "1.2", "1.3", "2.1", "2.2", "2.4", "3.1", "3.2", "3.4", "4.2", "5.1", "5.2", "5.3"]
TECHNICAL = ["digital-output", "digital-input", "pwm", "analog-input", "sensors", "timing", "state-machines",
             "debugging", "algorithms", "data", "actuators-motors", "design-process"]
MODULES = [f"synth-module-{n}" for n in range(1, 21)]
BATCH = 50_000


def _copy(connection, table: str, columns: list[str], rows, total: int, label: str) -> None:
    """Write ``rows`` (an iterator of tuples) into ``table``, with a progress bar."""
    names = ", ".join(columns)
    with click.progressbar(length=total, label=label.ljust(12), show_eta=True) as bar:
        cursor = connection.cursor()
        if hasattr(cursor, "copy"):  # psycopg 3 on PostgreSQL
            with cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for count, row in enumerate(rows, 1):
                    copy.write_row(row)
                    if count % BATCH == 0:
                        bar.update(BATCH)
        else:
            marks = ", ".join("?" for _ in columns)
            batch = []
            for row in rows:
                batch.append(tuple(v.strftime("%Y-%m-%d %H:%M:%S.%f") if isinstance(v, datetime) else v for v in row))
                if len(batch) == BATCH:
                    cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", batch)
                    bar.update(len(batch))
                    batch = []
            if batch:
                cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", batch)
        bar.update(total)


def generate(connection, students: int, attempts: int, schools: int, seed: int) -> dict[str, int]:
    """Write the city through a DB-API ``connection`` (committed by the caller)."""
    rng = random.Random(seed)
    now = datetime(2027, 5, 31, tzinfo=timezone.utc)
    school_rows, classes = [], []
    for sid in range(1, schools + 1):
        district = rng.choices(MUNICIPI, MUNICIPIO_WEIGHTS)[0]
        level, years_in_level, kind = rng.choices(LEVELS, [0.45, 0.35, 0.2])[0]
        uptake = rng.betavariate(2, 2)  # how well this school takes the programme up
        school_rows.append((sid, f"Scuola sintetica {sid}", f"MI{kind}{sid:06d}", "Milano", district, now, level, uptake))
    per_class = 22
    class_count = max(1, students // per_class)
    for cid in range(1, class_count + 1):
        school = school_rows[(cid - 1) % schools]
        year = YEARS[(cid - 1) // max(1, class_count // 3 + 1) % 3]
        classes.append((cid, school, year, rng.randint(1, 3 if school[6] == "secondaria_primo" else 5),
                        "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[(cid // schools) % 26] + "ABCDEFGHIJ"[(cid // (schools * 26)) % 10]))
    teacher_count = class_count // 3 + 1
    write = lambda *args: _copy(connection, *args)  # noqa: E731
    write("school", ["id", "name", "code", "city", "district", "created_at"],
          (row[:6] for row in school_rows), schools, "schools")
    write("school_level", ["school_id", "level"], ((row[0], row[6]) for row in school_rows), schools, "levels")
    first_user = 1_000_000
    write("user_account", ["id", "username", "display_name", "role", "school_id", "password_hash", "preferred_language",
                           "active", "under_14", "must_change_password", "session_token", "created_at"],
          ((first_user + i, f"synth-{i}", f"Synth {i}", "student" if i < students else "teacher",
            school_rows[i % schools][0], "!", "it", True, i < students and i % 3 == 0, False, f"{i:032d}", now)
           for i in range(students + teacher_count)), students + teacher_count, "people")
    write("classroom", ["id", "school_id", "level", "year", "section", "school_year", "join_code", "archived",
                        "join_locked", "created_at"],
          ((cid, school[0], school[6], year_n, section, year, f"S{cid:07d}", year != YEARS[-1], True, now)
           for cid, school, year, year_n, section in classes), class_count, "classes")
    student_class = [(i % class_count) + 1 for i in range(students)]
    memberships = [(first_user + i, student_class[i], "student") for i in range(students)]
    memberships += [(first_user + students + (cid - 1) // 3, cid, "teacher") for cid in range(1, class_count + 1)]
    write("membership", ["id", "user_id", "classroom_id", "role", "created_at"],
          ((n + 1, *row, now) for n, row in enumerate(memberships)), len(memberships), "memberships")
    assignment_rows = [(cid * 10 + k, cid, MODULES[(cid * 7 + k * 3) % len(MODULES)]) for cid in range(1, class_count + 1)
                       for k in range(6)]
    write("assignment", ["id", "classroom_id", "module_slug", "starts_at", "test_mode", "created_at"],
          ((aid, cid, module, now, False, now) for aid, cid, module in assignment_rows), len(assignment_rows),
          "assignments")
    per_student = max(1, attempts // max(1, students))
    evidence_file = tempfile.TemporaryFile("w+", encoding="utf-8")  # kept out of memory: millions of rows
    evidence_count = 0

    def attempt_rows():
        nonlocal evidence_count
        attempt_id = 0
        for i in range(students):
            cid = student_class[i]
            _, school, year, year_n, _section = classes[cid - 1]
            start = datetime(int(year[:4]), 9, 15, tzinfo=timezone.utc)
            ability = rng.betavariate(2 + 3 * school[7], 2)
            base_level = {"primaria": 1, "secondaria_primo": 2, "secondaria_secondo": 3}[school[6]]
            for n in range(rng.randint(per_student // 2, per_student * 3 // 2)):
                attempt_id += 1
                when = start + timedelta(days=rng.betavariate(2, 2) * 260, seconds=rng.randint(0, 86_000))
                passed = rng.random() < 0.3 + 0.6 * ability
                kind = rng.choices(["lab", "quiz", "project"], [0.6, 0.3, 0.1])[0]
                activity = f"{kind}:synth-{(i + n) % 40}"
                if passed:
                    level = min(8, base_level + (rng.random() < ability) + (rng.random() < ability * 0.4)
                                + (when - start).days // 200)
                    skills = [("digcomp", rng.choice(DIGCOMP))] + ([("technical", rng.choice(TECHNICAL))]
                                                                   if rng.random() < 0.6 else [])
                    for skill_kind, code in skills:
                        evidence_count += 1
                        evidence_file.write("\t".join(map(str, (
                            f"k{i:07d}", first_user + i, attempt_id, activity, skill_kind, code, level, "simulator",
                            cid, school[0], school[6], school[4], year, when.isoformat()))) + "\n")
                yield (attempt_id, first_user + i, cid * 10 + (n % 6), activity, kind, "", "simulator",
                       "passed" if passed else "failed", int(passed), 1, f"synth-{attempt_id}", when, when)

    write("attempt", ["id", "user_id", "assignment_id", "activity_key", "kind", "content_hash", "source", "status",
                      "score", "max_score", "idempotency_key", "created_at", "graded_at"],
          attempt_rows(), students * per_student, "attempts")
    write("evidence", ["student_key", "user_id", "attempt_id", "activity_key", "skill_kind", "skill_code", "level",
                       "source", "classroom_id", "school_id", "school_level", "district", "school_year", "earned_at"],
          _read_back(evidence_file), evidence_count, "evidence")
    return {"schools": schools, "classes": class_count, "students": students, "evidence": evidence_count}


def _read_back(handle):
    handle.seek(0)
    for line in handle:
        fields = line.rstrip("\n").split("\t")
        for index in (1, 2, 6, 8, 9):
            fields[index] = int(fields[index])
        fields[13] = datetime.fromisoformat(fields[13])
        yield tuple(fields)


@click.command("synth-city")
@click.option("--students", default=100_000, show_default=True)
@click.option("--attempts", default=5_000_000, show_default=True)
@click.option("--schools", default=300, show_default=True)
@click.option("--seed", default=1, show_default=True)
@click.option("--yes", is_flag=True, help="Do not ask before emptying the database's tables.")
@with_app_context
def synth_city_command(students: int, attempts: int, schools: int, seed: int, yes: bool) -> None:
    """Empty the (migrated) database and fill it with a synthetic city for benchmarks."""
    from flask import current_app

    from app.extensions import db

    if current_app.config["OFFICINA_SETTINGS"].is_production:
        raise click.ClickException("synth-city refuses to run in production")
    if not yes:
        click.confirm(f"Empty every table of {db.engine.url.render_as_string()} and generate a city?", abort=True)
    tables = [t.name for t in reversed(db.metadata.sorted_tables)]
    connection = db.engine.raw_connection()
    cursor = connection.cursor()
    postgres = db.engine.dialect.name == "postgresql"
    if postgres:
        cursor.execute("TRUNCATE " + ", ".join(f'"{t}"' for t in tables) + " RESTART IDENTITY CASCADE")
    else:
        for table in tables:
            cursor.execute(f'DELETE FROM "{table}"')
    summary = generate(connection, students, attempts, schools, seed)
    if postgres:
        for table in ("school", "user_account", "classroom", "membership", "assignment", "attempt", "evidence"):
            cursor.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))")
        cursor.execute("ANALYZE")  # fresh statistics for the planner
    connection.commit()
    connection.close()
    click.echo(f"Synthetic city: {summary['schools']} schools, {summary['classes']} classes, "
               f"{summary['students']} students, {summary['evidence']} pieces of evidence.")
