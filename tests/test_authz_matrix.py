"""Route × role matrix: every registered route is requested by an anonymous visitor, a student,
a teacher, programme staff and an administrator, and the status code is compared with the table
below. A route added without an entry here fails ``test_every_route_has_an_entry``.

Forms are posted empty with CSRF switched off (CSRF has its own tests): allowed roles get the
form back with messages (400) or a redirect, refused roles get 403, anonymous visitors are
sent to the sign-in page (302).
"""

from __future__ import annotations

import pytest

from app.catalog.services import get_catalog

ROLES = ("anonymous", "student", "teacher", "staff", "admin")


def expect(anonymous, student, teacher, staff, admin):
    return dict(zip(ROLES, (anonymous, student, teacher, staff, admin)))


ONLY = {
    "student": expect(302, 200, 403, 403, 200),
    "teacher": expect(302, 403, 200, 403, 200),
    "staff": expect(302, 403, 403, 200, 200),
    "admin": expect(302, 403, 403, 403, 200),
}

# (rule, method) -> expected status per role
EXPECTED: dict[tuple[str, str], dict[str, int]] = {
    ("/", "GET"): expect(302, 302, 302, 302, 302),
    ("/healthz", "GET"): expect(200, 200, 200, 200, 200),
    ("/static/<path:filename>", "GET"): expect(200, 200, 200, 200, 200),
    ("/language", "POST"): expect(302, 302, 302, 302, 302),
    ("/auth/login", "GET"): expect(200, 302, 302, 302, 302),
    ("/auth/login", "POST"): expect(400, 302, 302, 302, 302),
    ("/auth/logout", "POST"): expect(302, 302, 302, 302, 302),
    ("/auth/password", "GET"): expect(302, 200, 200, 200, 200),
    ("/auth/password", "POST"): expect(302, 400, 400, 400, 400),
    ("/catalog/", "GET"): expect(302, 200, 200, 200, 200),
    ("/catalog/modules/<slug>", "GET"): expect(302, 200, 200, 200, 200),
    ("/catalog/modules/<slug>/sheet", "GET"): expect(302, 403, 200, 200, 200),
    ("/catalog/labs/", "GET"): expect(302, 200, 200, 200, 200),
    ("/catalog/labs/<slug>", "GET"): expect(302, 200, 200, 200, 200),
    ("/catalog/labs/<slug>", "POST"): expect(302, 400, 400, 400, 400),
    ("/catalog/skills", "GET"): expect(302, 200, 200, 200, 200),
    ("/catalog/highlight.css", "GET"): expect(200, 200, 200, 200, 200),
    ("/catalog/replay/<any('replay.js', 'replay.css'):name>", "GET"): expect(200, 200, 200, 200, 200),
    ("/content/<any(module, lab):owner_kind>/<slug>/<path:filename>", "GET"): expect(302, 200, 200, 200, 200),
    ("/learn/", "GET"): ONLY["student"],
    ("/teach/", "GET"): ONLY["teacher"],
    ("/teach/classes/<int:classroom_id>", "GET"): ONLY["teacher"],
    ("/teach/classes/new", "GET"): ONLY["teacher"],
    ("/teach/classes/new", "POST"): expect(302, 403, 400, 403, 400),
    ("/teach/classes/<int:classroom_id>/co-teachers", "POST"): expect(302, 403, 400, 403, 400),
    # CSRF off in the matrix: the only teacher may not leave (back to the class with a message).
    ("/teach/classes/<int:classroom_id>/co-teachers/<int:teacher_id>/remove", "POST"): expect(302, 403, 302, 403, 302),
    ("/teach/classes/<int:classroom_id>/archive", "POST"): expect(302, 403, 302, 403, 302),
    ("/teach/classes/<int:classroom_id>/join-code/lock", "POST"): expect(302, 403, 302, 403, 302),
    ("/teach/classes/<int:classroom_id>/join-code/new", "POST"): expect(302, 403, 302, 403, 302),
    ("/teach/classes/<int:classroom_id>/import", "GET"): ONLY["teacher"],
    ("/teach/classes/<int:classroom_id>/import", "POST"): expect(302, 403, 400, 403, 400),
    ("/teach/classes/<int:classroom_id>/import/confirm", "POST"): expect(302, 403, 400, 403, 400),
    ("/teach/classes/<int:classroom_id>/cards", "POST"): expect(302, 403, 302, 403, 302),  # no unused card: back
    ("/teach/classes/<int:classroom_id>/generate", "GET"): ONLY["teacher"],
    ("/teach/classes/<int:classroom_id>/generate", "POST"): expect(302, 403, 200, 403, 200),  # defaults: 25 cards
    ("/teach/classes/<int:classroom_id>/students/<int:student_id>/reset-password", "POST"): expect(302, 403, 200, 403, 200),
    ("/teach/classes/<int:classroom_id>/students/<int:student_id>/under-14", "POST"): expect(302, 403, 302, 403, 302),
    ("/join/", "GET"): ONLY["student"],
    ("/join/", "POST"): expect(302, 400, 403, 403, 400),
    ("/join/<code>", "GET"): ONLY["student"],
    ("/program/", "GET"): ONLY["staff"],
    ("/admin/", "GET"): ONLY["admin"],
    ("/admin/schools", "GET"): ONLY["admin"],
    ("/admin/schools/new", "GET"): ONLY["admin"],
    ("/admin/schools/new", "POST"): expect(302, 403, 403, 403, 400),
    ("/admin/schools/<int:school_id>/edit", "GET"): ONLY["admin"],
    ("/admin/schools/<int:school_id>/edit", "POST"): expect(302, 403, 403, 403, 400),
    ("/admin/classes", "GET"): ONLY["admin"],
    ("/admin/classes/new", "GET"): ONLY["admin"],
    ("/admin/classes/new", "POST"): expect(302, 403, 403, 403, 400),
    ("/admin/users", "GET"): ONLY["admin"],
    ("/admin/users/new", "GET"): ONLY["admin"],
    ("/admin/users/new", "POST"): expect(302, 403, 403, 403, 400),
    ("/admin/users/<int:user_id>/reset-password", "POST"): expect(302, 403, 403, 403, 200),
    ("/admin/users/<int:user_id>/active", "POST"): expect(302, 403, 403, 403, 302),
}

def _area_modules():
    import importlib
    import pkgutil

    import tests.matrix

    return [importlib.import_module(f"tests.matrix.{info.name}") for info in pkgutil.iter_modules(tests.matrix.__path__)]


for _area in _area_modules():
    _clash = set(EXPECTED) & set(_area.EXPECTED)
    assert not _clash, f"{_area.__name__} repeats matrix entries: {sorted(_clash)}"
    EXPECTED.update(_area.EXPECTED)


def registered_routes(app) -> set[tuple[str, str]]:
    routes = set()
    for rule in app.url_map.iter_rules():
        for method in sorted((rule.methods or set()) - {"HEAD", "OPTIONS"}):
            routes.add((rule.rule, method))
    return routes


def content_image_sample() -> tuple[str, str, str]:
    """A (kind, slug, file) of an image the shipped content really references."""
    catalog = get_catalog()
    for kind, items in (("module", catalog.modules), ("lab", catalog.labs)):
        for slug, item in items.items():
            if item.images:
                return kind, slug, item.images[0]
    raise AssertionError("the shipped content references no image: the image route cannot be exercised")


def url_for_rule(rule: str, world) -> str:
    values = {
        "<int:classroom_id>": str(world.classroom.id),
        "<int:school_id>": str(world.school.id),
        "<int:user_id>": str(world.target.id),
        "<int:student_id>": str(world.student.id),
        "<int:teacher_id>": str(world.teacher.id),
        "<code>": world.classroom.join_code,
        "<path:filename>": "css/officina.css",
        "<int:assignment_id>": str(world.assignment.id),
        "<int:attempt_id>": str(world.attempt.id),
        "<int:comment_id>": str(world.attempt.comments[0].id),
        "<lab_slug>": world.lab_slug,
        "<module_slug>": world.assignment.module_slug,
        "<activity_slug>": world.quiz_slug,
    }
    for area in _area_modules():
        if hasattr(area, "sample_values"):
            values.update(area.sample_values(world))
    rule = rule.replace("<any('replay.js', 'replay.css'):name>", "replay.js")
    if rule.startswith("/content/"):
        kind, slug, filename = content_image_sample()
        return f"/content/{kind}/{slug}/{filename}"
    if "<slug>" in rule:
        catalog = get_catalog()
        slug = next(iter(catalog.labs)) if rule.startswith("/catalog/labs/") else next(iter(catalog.modules))
        rule = rule.replace("<slug>", slug)
    for placeholder, value in values.items():
        rule = rule.replace(placeholder, value)
    assert "<" not in rule, f"no sample value for {rule}"
    return rule


def test_every_route_has_an_entry(app):
    """Does every registered route (and method) have an expected status for every role?"""
    missing = registered_routes(app) - set(EXPECTED)
    stale = set(EXPECTED) - registered_routes(app)
    assert not missing, f"routes without an authorization entry: {sorted(missing)}"
    assert not stale, f"entries for routes that no longer exist: {sorted(stale)}"


@pytest.fixture
def matrix_app(app):
    app.config["WTF_CSRF_ENABLED"] = False
    return app


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("route", sorted(EXPECTED), ids=lambda r: f"{r[1]} {r[0]}")
def test_route_role_matrix(matrix_app, world, login, route, role):
    """Does this role get exactly the expected status on this route?"""
    rule, method = route
    client = matrix_app.test_client()
    user = world.by_role(role)
    if user is not None:
        assert login(client, user).status_code == 302
    data = {"language": "en", "next": "/"} if rule == "/language" else {}
    response = client.open(url_for_rule(rule, world), method=method, data=data)
    assert response.status_code == EXPECTED[route][role], response.get_data(as_text=True)[:500]
    if response.status_code == 302 and user is None and rule not in {"/", "/auth/logout", "/language"}:
        assert "/auth/login" in response.headers["Location"]


def test_teacher_refused_other_class(matrix_app, world, login):
    """Is a teacher refused the roster of a class they do not teach?"""
    client = matrix_app.test_client()
    login(client, world.teacher)
    assert client.get(f"/teach/classes/{world.other_classroom.id}").status_code == 403
    assert client.get(f"/teach/classes/{world.classroom.id}").status_code == 200


def test_missing_object_is_404_for_allowed_role(matrix_app, world, login):
    """Does an allowed role get 404, not 500, for a class that does not exist?"""
    client = matrix_app.test_client()
    login(client, world.teacher)
    assert client.get("/teach/classes/999999").status_code == 404


def test_student_sees_only_own_classes(matrix_app, world, login):
    """Does a student's home list their class and not another school's?"""
    client = matrix_app.test_client()
    login(client, world.student)
    html = client.get("/learn/").get_data(as_text=True)
    assert "2B" in html and world.school.name in html
    assert world.other_school.name not in html


# Every class-scoped teaching route, as (method, path template) with {room} and {student}.
CLASS_ROUTES = [
    ("GET", "/teach/classes/{room}"), ("GET", "/teach/classes/{room}/import"), ("POST", "/teach/classes/{room}/import"),
    ("POST", "/teach/classes/{room}/import/confirm"), ("GET", "/teach/classes/{room}/generate"),
    ("POST", "/teach/classes/{room}/generate"), ("POST", "/teach/classes/{room}/co-teachers"),
    ("POST", "/teach/classes/{room}/co-teachers/{teacher}/remove"),
    ("POST", "/teach/classes/{room}/archive"), ("POST", "/teach/classes/{room}/join-code/lock"),
    ("POST", "/teach/classes/{room}/join-code/new"),
    ("POST", "/teach/classes/{room}/students/{student}/reset-password"),
    ("POST", "/teach/classes/{room}/students/{student}/under-14"), ("POST", "/teach/classes/{room}/cards"),
]


@pytest.mark.parametrize("method, path", CLASS_ROUTES, ids=lambda v: str(v))
def test_teacher_refused_every_route_of_another_class(matrix_app, world, login, method, path):
    """Is a teacher refused (403) every roster route of a class they do not teach, by guessed ids?"""
    from app.extensions import db
    from app.models import Classroom, User

    users_before = db.session.scalar(db.select(db.func.count(User.id)))
    client = matrix_app.test_client()
    login(client, world.teacher)
    url = path.format(room=world.other_classroom.id, student=world.other_student.id, teacher=world.other_teacher.id)
    assert client.open(url, method=method, data={"count": "3", "under_14": "yes"}).status_code == 403
    db.session.expire_all()
    assert db.session.get(Classroom, world.other_classroom.id).archived is False
    assert db.session.scalar(db.select(db.func.count(User.id))) == users_before


def test_other_class_student_through_own_class_is_404(matrix_app, world, login):
    """Does resetting another class's student through one's own class id find nothing (404)?"""
    client = matrix_app.test_client()
    login(client, world.teacher)
    url = f"/teach/classes/{world.classroom.id}/students/{world.other_student.id}/reset-password"
    assert client.post(url).status_code == 404
    url = f"/teach/classes/{world.classroom.id}/students/{world.teacher.id}/reset-password"
    assert client.post(url).status_code == 404


def test_student_refused_class_pages_even_of_own_class(matrix_app, world, login):
    """Is a student refused the roster of their own class (other students' data)?"""
    client = matrix_app.test_client()
    login(client, world.student)
    for method, path in CLASS_ROUTES:
        url = path.format(room=world.classroom.id, student=world.student.id, teacher=world.teacher.id)
        assert client.open(url, method=method).status_code == 403, url
