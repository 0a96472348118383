"""Fair sharing of the simulator among the users of one Officina server.

Every program a user runs from the web app goes through :func:`app.runs.services.run_fairly`,
which decides three things in one place: the per-user limits (one run in flight, a number of runs
per minute; state in the database so they hold across server processes: ``limits``), the bounded
wait for a simulator worker in this process (``gate``), and that no database connection or
transaction is held while the program runs. Refusals are domain errors carrying ``retry_after``
seconds; the views turn them into 429 or 503 answers in the user's language.
"""

from app.runs.gate import SimulatorBusy, SimulatorGate
from app.runs.limits import RunInFlight, RunLimits, RunRefused, TooManyRuns
from app.runs.services import run_fairly

__all__ = ["RunInFlight", "RunLimits", "RunRefused", "SimulatorBusy", "SimulatorGate", "TooManyRuns", "run_fairly"]
