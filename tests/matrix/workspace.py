"""Route × role entries of the lab workspace: running a lab without reloading (anyone who may
browse the catalog), and students' drafts and submissions (``app.learn.workspace``).
Empty forms (CSRF off) answer 400 to the roles allowed; administrators pass every rule."""

EXPECTED = {
    ("/catalog/labs/<slug>/run", "POST"): {"anonymous": 302, "student": 400, "teacher": 400, "staff": 400, "admin": 400},
    ("/learn/drafts/<lab_slug>", "PUT"): {"anonymous": 302, "student": 400, "teacher": 403, "staff": 403, "admin": 400},
    ("/learn/labs/<lab_slug>/submit", "POST"): {"anonymous": 302, "student": 302, "teacher": 403, "staff": 403,
                                                "admin": 302},
}
