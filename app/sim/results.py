"""Result values of the simulator: a run and a grading, both JSON-serialisable.

``RunResult.to_dict()`` is exactly the ``sim run --json`` object (``error``, ``stdout``,
``sim_time_us``, ``events``) plus a few extra keys (``board``, ``outcome``, ``notice``,
``explanation``, ``api_problems``, ``truncated``, ``fuel_used``, and ``busy`` when the watchdog
fired). ``GradeResult.to_dict()`` adds ``passed`` and ``checks`` as ``lab run --json`` prints them;
``GradeResult.busy`` says the run was stopped because the server was busy (never a failure).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.sim.trace import Event

BUSY_NOTICE = {"it": "Il server era molto occupato e non ha finito la prova: riprova tra poco. "
                     "Non conta come errore.",
               "en": "The server was very busy and did not finish the run: try again in a "
                     "moment. It does not count as a mistake."}


@dataclass(frozen=True)
class RunResult:
    """What happened when a program ran on a virtual board."""

    board: str
    error: dict[str, Any] | None
    stdout: str
    sim_time_us: int
    events: tuple[Event, ...]
    outcome: str  # time | done | exit | error | fuel | crash
    notice: dict[str, str]
    explanation: dict[str, str] | None = None
    api_problems: tuple[dict[str, Any], ...] = ()
    truncated: bool = False
    robot: dict[str, Any] | None = None  # a robot run's replay data (app.sim.robot)
    fuel_used: int = 0  # computing budget the run used (deterministic: same program, same fuel)
    busy: bool = False  # the watchdog stopped it: the server was busy, not the program's fault

    @classmethod
    def server_busy(cls, board: str) -> RunResult:
        """The result when the wall-clock watchdog fired: never a verdict on the program."""
        return cls(board, None, "", 0, (), "busy", dict(BUSY_NOTICE), busy=True)

    def to_dict(self) -> dict[str, Any]:
        d = {
            "error": self.error,
            "stdout": self.stdout,
            "sim_time_us": self.sim_time_us,
            "events": [e.to_dict() for e in self.events],
            "board": self.board,
            "outcome": self.outcome,
            "notice": self.notice,
            "explanation": self.explanation,
            "api_problems": list(self.api_problems),
            "truncated": self.truncated,
            "fuel_used": self.fuel_used,
        }
        if self.busy:
            d["busy"] = True
        if self.robot is not None:
            d["robot"] = self.robot
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> RunResult:
        return cls(d["board"], d["error"], d["stdout"], d["sim_time_us"],
                   tuple(Event(e["t_us"], e["source"], e["kind"], e["value"]) for e in d["events"]),
                   d["outcome"], d["notice"], d.get("explanation"),
                   tuple(d.get("api_problems", ())), d.get("truncated", False), d.get("robot"),
                   d.get("fuel_used", 0), d.get("busy", False))


@dataclass(frozen=True)
class CheckResult:
    """The verdict of one check: its message, the hint its failure's cause selects, and what was
    measured against what was expected, in both languages."""

    id: str
    passed: bool
    message: dict[str, str]
    hint: dict[str, str] = field(default_factory=dict)
    detail: str = ""  # the measurement in English (logs, command line)
    measured: dict[str, str] = field(default_factory=dict)  # {"it": ..., "en": ...}
    cause: str | None = None
    line: int | None = None

    def to_dict(self, lang: str = "it") -> dict[str, Any]:
        return {"id": self.id, "passed": self.passed, "message": self.message.get(lang, ""),
                "hint": None if self.passed else (self.hint.get(lang) or None),
                "detail": self.measured.get(lang) or self.detail, "cause": self.cause,
                "line": self.line}

    def to_wire(self) -> dict[str, Any]:
        return {"id": self.id, "passed": self.passed, "message": self.message, "hint": self.hint,
                "detail": self.detail, "measured": self.measured, "cause": self.cause,
                "line": self.line}

    @classmethod
    def from_wire(cls, c: dict[str, Any]) -> CheckResult:
        return cls(c["id"], c["passed"], c["message"], c["hint"], c["detail"],
                   c.get("measured") or {}, c.get("cause"), c.get("line"))


@dataclass(frozen=True)
class GradeResult:
    """A run graded against a lab."""

    lab: str
    run: RunResult
    checks: tuple[CheckResult, ...]
    lang: str = "it"
    worlds: tuple[dict[str, Any], ...] = ()  # robot labs: one summary per world graded

    @property
    def passed(self) -> bool:
        return bool(self.checks) and all(c.passed for c in self.checks)

    @property
    def busy(self) -> bool:
        """True when the server was too busy to finish the run: not graded, must not be recorded
        as a failure (ask the student to try again)."""
        return self.run.busy

    @classmethod
    def server_busy(cls, lab: str, board: str, lang: str = "it") -> GradeResult:
        """The grade when the wall-clock watchdog fired (``busy`` is True, no checks)."""
        return cls(lab, RunResult.server_busy(board), (), lang)

    def to_dict(self) -> dict[str, Any]:
        d = self.run.to_dict()
        d["lab"] = self.lab
        d["passed"] = self.passed
        d["checks"] = [c.to_dict(self.lang) for c in self.checks]
        if self.busy:
            d["busy"] = True
        if self.worlds:
            d["worlds"] = list(self.worlds)
        return d

    def to_wire(self) -> dict[str, Any]:
        """Both languages, for moving between processes."""
        return {"lab": self.lab, "lang": self.lang, "run": self.run.to_dict(),
                "checks": [c.to_wire() for c in self.checks],
                "worlds": list(self.worlds)}

    @classmethod
    def from_wire(cls, d: dict[str, Any]) -> GradeResult:
        return cls(d["lab"], RunResult.from_dict(d["run"]),
                   tuple(CheckResult.from_wire(c) for c in d["checks"]), d["lang"],
                   tuple(d.get("worlds", ())))
