"""The playground: any signed-in user runs any program on any virtual board, with devices they
choose to wire, and sees its output, pictures and trace, with no lab and no grade.

``wiring`` holds the devices on offer (one fixed pin per board, so the page can say where each
one is), ``services`` builds the scenario and runs the program through ``app.runs.run_fairly``,
``forms`` and ``views`` are the page. Student code only ever runs inside ``app.sim``.
"""
