"""Route × role entries of the skills record (``app.skills.views``): the student's own record and
certificate (students; administrators pass every rule and see their own, empty record), the class
heat map and its CSV (the class's teachers and administrators; staff never see a class)."""

from __future__ import annotations


def expect(anonymous, student, teacher, staff, admin):
    return {"anonymous": anonymous, "student": student, "teacher": teacher, "staff": staff, "admin": admin}


EXPECTED = {
    ("/learn/skills", "GET"): expect(302, 200, 403, 403, 200),
    ("/learn/skills/certificate", "GET"): expect(302, 200, 403, 403, 200),
    ("/teach/classes/<int:classroom_id>/skills", "GET"): expect(302, 403, 200, 403, 200),
    ("/teach/classes/<int:classroom_id>/skills.csv", "GET"): expect(302, 403, 200, 403, 200),
}
