"""Route × role entries of the learning area (``app.learn.views``): the quiz page and the student's
own attempt are for students (administrators may look); an empty quiz form answers 400."""

EXPECTED = {
    ("/learn/quizzes/<module_slug>/<activity_slug>", "GET"): {"anonymous": 302, "student": 200, "teacher": 403,
                                                              "staff": 403, "admin": 200},
    ("/learn/quizzes/<module_slug>/<activity_slug>", "POST"): {"anonymous": 302, "student": 400, "teacher": 403,
                                                               "staff": 403, "admin": 400},
    ("/learn/attempts/<int:attempt_id>", "GET"): {"anonymous": 302, "student": 200, "teacher": 403, "staff": 403,
                                                  "admin": 200},
}
