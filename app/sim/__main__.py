"""``python -m app.sim``: the ``sim`` and ``lab`` command groups without the web app, and
``python -m app.sim grader ...`` (the grading workers of the job queue, :mod:`app.sim.jobs`)."""

import sys

if len(sys.argv) > 1 and sys.argv[1] == "grader":
    from app.sim.jobs import grader_main

    sys.exit(grader_main(sys.argv[2:]))

from app.sim.cli import main  # noqa: E402

main()
