"""Route × role entries of the programme dashboards (``app.program.views``), the privacy pages
(``app.privacy.views``: a student's data for their teacher or an administrator) and the audit log.

``<int:student_id>`` is the world's student, taught by the world's teacher; the empty deletion
form answers 400 (the username is not confirmed). ``<district>`` is the world school's municipio;
``<int:school_id>`` the world's school. With no evidence the municipio page has no school: 404.
"""

from __future__ import annotations


def expect(anonymous, student, teacher, staff, admin):
    return {"anonymous": anonymous, "student": student, "teacher": teacher, "staff": staff, "admin": admin}


STAFF = expect(302, 403, 403, 200, 200)

EXPECTED = {
    ("/program/adoption", "GET"): STAFF,
    ("/program/adoption.csv", "GET"): STAFF,
    ("/program/outcomes", "GET"): STAFF,
    ("/program/outcomes.csv", "GET"): STAFF,
    ("/program/outcomes/municipio/<district>", "GET"): expect(302, 403, 403, 404, 404),
    ("/program/outcomes/school/<int:school_id>", "GET"): STAFF,
    ("/privacy/students/<int:student_id>", "GET"): expect(302, 403, 200, 403, 200),
    ("/privacy/students/<int:student_id>/export.<any(json, csv):fmt>", "GET"): expect(302, 403, 200, 403, 200),
    ("/privacy/students/<int:student_id>/delete", "POST"): expect(302, 403, 400, 403, 400),
    ("/admin/audit/", "GET"): expect(302, 403, 403, 403, 200),
}


def sample_values(world) -> dict[str, str]:
    return {"<district>": world.school.district, "<int:school_id>": str(world.school.id),
            "<any(json, csv):fmt>": "json"}
