"""``python -m app.sim``: the ``sim`` and ``lab`` command groups without the web app."""

from app.sim.cli import main

main()
