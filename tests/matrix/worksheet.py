"""Route × role entries of the lab worksheets (``app.catalog.worksheet_views``): every signed-in
user may open a lab's worksheet (students included; it never shows the solution)."""

EXPECTED = {
    ("/catalog/labs/<slug>/worksheet", "GET"): {"anonymous": 302, "student": 200, "teacher": 200,
                                                "staff": 200, "admin": 200},
}
