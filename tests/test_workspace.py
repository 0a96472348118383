"""The lab workspace: Run without reloading (JSON), drafts, Submit with one attempt per
idempotency key, the attempt history and page. Real interpreter, real database, Flask test client."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from tests.factories import csrf_token

BROKEN = ("from machine import Pin\nimport time\nled = Pin('LED', Pin.OUT)\nwhile True:\n"
          "    led.toggel()\n    time.sleep(0.5)\n")  # line 5 misspells toggle
JSON = {"Accept": "application/json"}


@pytest.fixture
def student(app, world, login):
    client = app.test_client()
    assert login(client, world.student).status_code == 302
    return client


def _lab(slug="blink"):
    from app.catalog.services import get_catalog

    return get_catalog().labs[slug]


def _run(client, code, slug="blink", board="pico", **extra):
    token = csrf_token(client, f"/catalog/labs/{slug}")
    return client.post(f"/catalog/labs/{slug}/run", data={"code": code, "board": board, "csrf_token": token, **extra},
                       headers=JSON)


def _submit(client, code, key, slug="blink", board="pico", headers=JSON):
    token = csrf_token(client, f"/catalog/labs/{slug}")
    return client.post(f"/learn/labs/{slug}/submit", headers=headers,
                       data={"code": code, "board": board, "csrf_token": token, "idempotency_key": key})


def _attempts(world, key):
    from app.extensions import db
    from app.models import Attempt

    return db.session.scalar(select(func.count(Attempt.id)).where(Attempt.user_id == world.student.id,
                                                                 Attempt.idempotency_key == key))


def test_run_returns_the_result_fragment_as_json(student):
    """Does running the solution answer JSON with passed, the page's result fragment and no error line?"""
    lab = _lab()
    response = _run(student, lab.solution, board=lab.default_board)
    data = response.get_json()
    assert response.status_code == 200
    assert data["passed"] is True and data["error_line"] is None
    assert 'id="tryout-results"' in data["html"] and "result-pass" in data["html"]
    assert "src=\"data:image/svg+xml;base64," in data["html"]
    assert data["message"]


def test_run_points_at_the_error_line(student):
    """Does a misspelt method on line 5 come back as error_line 5 with the explanation in the fragment?"""
    data = _run(student, BROKEN).get_json()
    assert data["passed"] is False and data["error_line"] == 5
    assert "riga 5" in data["html"] and "data-goto-line=\"5\"" in data["html"]
    assert "5" in data["message"]


def test_run_refused_with_retry_after(app, student):
    """Is a run over the per-minute limit refused with 429, Retry-After and a JSON message?"""
    app.config["RUNS_PER_MINUTE"] = 1
    assert _run(student, "print(1)").status_code == 200
    response = _run(student, "print(2)")
    assert response.status_code == 429
    assert int(response.headers["Retry-After"]) >= 1
    data = response.get_json()
    assert data["html"] is None and "s." in data["message"]


def test_run_rejects_bad_input_with_json(student):
    """Does an empty program or a board the lab lacks get 400 JSON with a message?"""
    empty = _run(student, "")
    assert empty.status_code == 400 and empty.get_json()["message"]
    wrong_board = _run(student, "print(1)", board="microbit")
    assert wrong_board.status_code == 400 and wrong_board.get_json()["message"]


def test_run_accepts_the_token_in_a_header_and_refuses_none(student):
    """Is the CSRF token accepted in X-CSRFToken, and a post without any token refused?"""
    token = csrf_token(student, "/catalog/labs/blink")
    with_header = student.post("/catalog/labs/blink/run", data={"code": "print(1)", "board": "pico"},
                               headers={**JSON, "X-CSRFToken": token})
    assert with_header.status_code == 200
    without = student.post("/catalog/labs/blink/run", data={"code": "print(1)", "board": "pico"}, headers=JSON)
    assert without.status_code == 400


def test_draft_saved_and_shown_instead_of_the_starter(student):
    """Does a saved draft come back on the lab page in place of the starter code?"""
    token = csrf_token(student, "/catalog/labs/blink")
    response = student.put("/learn/drafts/blink", json={"code": "print('la mia bozza')\n", "board": "pico"},
                           headers={"X-CSRFToken": token})
    assert response.status_code == 200 and response.get_json()["saved_at"]
    html = student.get("/catalog/labs/blink").get_data(as_text=True)
    assert "print(&#39;la mia bozza&#39;)" in html
    assert 'data-draft-saved-at="' in html


def test_saving_the_saved_program_again_writes_nothing(student):
    """Does saving the same code and board again keep the draft's time (no write), while a
    change moves it on?"""
    headers = {"X-CSRFToken": csrf_token(student, "/catalog/labs/blink")}
    first = student.put("/learn/drafts/blink", json={"code": "print(1)\n", "board": "pico"}, headers=headers)
    again = student.put("/learn/drafts/blink", json={"code": "print(1)\n", "board": "pico"}, headers=headers)
    changed = student.put("/learn/drafts/blink", json={"code": "print(2)\n", "board": "pico"}, headers=headers)
    assert first.status_code == again.status_code == changed.status_code == 200
    assert again.get_json()["saved_at"] == first.get_json()["saved_at"]
    assert changed.get_json()["saved_at"] > first.get_json()["saved_at"]


def test_draft_refuses_bad_input_and_other_roles(app, world, login, student):
    """Is a draft with a foreign board or no code refused (400), and a teacher refused (403)?"""
    token = csrf_token(student, "/catalog/labs/blink")
    headers = {"X-CSRFToken": token}
    assert student.put("/learn/drafts/blink", json={"code": "x", "board": "microbit"}, headers=headers).status_code == 400
    assert student.put("/learn/drafts/blink", json={"board": "pico"}, headers=headers).status_code == 400
    assert student.put("/learn/drafts/no-such-lab", json={"code": "x"}, headers=headers).status_code == 404
    teacher = app.test_client()
    login(teacher, world.teacher)
    token = csrf_token(teacher, "/catalog/labs/blink")
    assert teacher.put("/learn/drafts/blink", json={"code": "x"}, headers={"X-CSRFToken": token}).status_code == 403


def test_plain_form_run_keeps_the_students_draft(student):
    """Without scripts, does running from the page form save the student's program as the draft?"""
    token = csrf_token(student, "/catalog/labs/blink")
    student.post("/catalog/labs/blink", data={"code": "print('senza script')\n", "board": "pico", "csrf_token": token})
    assert "print(&#39;senza script&#39;)" in student.get("/catalog/labs/blink").get_data(as_text=True)


def test_same_key_twice_makes_one_attempt(world, student):
    """Does submitting the same draft twice with one idempotency key record a single attempt?"""
    lab = _lab()
    first = _submit(student, lab.solution, "key-0001-aaaa", board=lab.default_board)
    second = _submit(student, lab.solution, "key-0001-aaaa", board=lab.default_board)
    assert first.status_code == second.status_code == 200
    assert first.get_json()["attempt_id"] == second.get_json()["attempt_id"]
    assert first.get_json()["passed"] is True
    assert _attempts(world, "key-0001-aaaa") == 1
    assert "workspace-attempts" in second.get_json()["history_html"]
    third = _submit(student, lab.solution, "key-0002-bbbb", board=lab.default_board)
    assert third.get_json()["attempt_id"] != first.get_json()["attempt_id"]


def test_failed_submission_reports_the_error_line(student):
    """Does a submission that crashes on line 5 record a failed attempt and point at line 5?"""
    data = _submit(student, BROKEN, "key-broken-01").get_json()
    assert data["passed"] is False and data["error_line"] == 5


def test_plain_form_submit_redirects_to_the_attempt(world, student):
    """Without scripts, does Submit redirect to the student's new attempt, which shows the program?"""
    lab = _lab()
    response = _submit(student, lab.solution, "key-form-0001", board=lab.default_board, headers={})
    assert response.status_code == 302 and "/learn/attempts/" in response.headers["Location"]
    page = student.get(response.headers["Location"])
    assert page.status_code == 200


def test_lab_page_lists_the_students_attempts(world, student):
    """Does the lab page show a student's submission history with a link to each attempt?"""
    html = student.get("/catalog/labs/blink").get_data(as_text=True)
    assert "workspace-attempts" in html
    assert f"/learn/attempts/{world.attempt.id}" in html
    assert 'data-action="submit"' in html


def test_teacher_sees_no_drafts_or_submit(app, world, login):
    """Does a teacher see the lab page without the draft, Submit and history?"""
    client = app.test_client()
    login(client, world.teacher)
    html = client.get("/catalog/labs/blink").get_data(as_text=True)
    assert "data-draft-url" not in html and 'data-action="submit"' not in html and "workspace-attempts" not in html
    assert 'data-action="run"' in html and "workspace.js" in html and "officina-editor.js" in html


def test_test_mode_hides_check_details_in_run_and_submit(world, student):
    """While a test on the lab runs, do Run and Submit show only how many checks passed?"""
    from datetime import timedelta

    from app.extensions import db
    from app.models.base import utcnow

    world.assignment.test_mode, world.assignment.due_at = True, utcnow() + timedelta(days=2)
    db.session.commit()
    ran = _run(student, BROKEN).get_json()
    assert ran["error_line"] is None and "check-list" not in ran["html"] and "toggel" not in ran["html"]
    assert "0 su 2" in ran["html"] or "0 of 2" in ran["html"]
    submitted = _submit(student, BROKEN, "key-test-mode-1").get_json()
    assert submitted["error_line"] is None and "check-list" not in submitted["html"]
