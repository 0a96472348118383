"""Route × role entries of assigning work, the progress grid and the results export
(``app.teach.assign``): teachers of the class and administrators only; an empty assignment
form answers 400 with its messages; withdrawing (CSRF off in the matrix) redirects."""

EXPECTED = {
    ("/teach/classes/<int:classroom_id>/assignments/new", "GET"):
        {"anonymous": 302, "student": 403, "teacher": 200, "staff": 403, "admin": 200},
    ("/teach/classes/<int:classroom_id>/assignments/new", "POST"):
        {"anonymous": 302, "student": 403, "teacher": 400, "staff": 403, "admin": 400},
    ("/teach/assignments/<int:assignment_id>/delete", "POST"):
        {"anonymous": 302, "student": 403, "teacher": 302, "staff": 403, "admin": 302},
    ("/teach/classes/<int:classroom_id>/progress", "GET"):
        {"anonymous": 302, "student": 403, "teacher": 200, "staff": 403, "admin": 200},
    ("/teach/classes/<int:classroom_id>/export.csv", "GET"):
        {"anonymous": 302, "student": 403, "teacher": 200, "staff": 403, "admin": 200},
}
