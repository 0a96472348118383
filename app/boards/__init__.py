"""Real boards in the classroom: run and check a lab on a connected Pico, ESP32 or micro:bit.

``harness`` (which labs a board can grade, the MicroPython harness sent with the program, the
parser of its printed trace as untrusted input) and ``grading`` (the lab's own checks on that
trace) import no Flask; ``services`` and ``views`` record a board's run as a ``source="board"``
attempt; ``cli`` is ``officina board run`` on top of mpremote. The browser side is
``static/js/board/`` (raw-REPL client over Web Serial, and the lab page's panel).
"""
