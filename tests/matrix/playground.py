"""Route × role entries of the playground (``app.playground``): any signed-in user may open it
and run programs; an empty form (CSRF off in the matrix) answers 400 with its messages."""

EXPECTED = {
    ("/playground/", "GET"): {"anonymous": 302, "student": 200, "teacher": 200, "staff": 200, "admin": 200},
    ("/playground/", "POST"): {"anonymous": 302, "student": 400, "teacher": 400, "staff": 400, "admin": 400},
}
