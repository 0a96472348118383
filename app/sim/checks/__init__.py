"""Declarative checks over a run's trace: the ``CHECKS`` registry of check kinds.

Importing this package registers every kind (``app.sim.checks.signals`` for pin/PWM/device signals,
``app.sim.checks.reactions`` for outputs that react to inputs,
``app.sim.checks.outputs`` for text, display, NeoPixel, I2C and lab-supplied Python functions).
"""

from app.sim.checks.base import (CHECKS, Check, CheckContext, CheckSpecError, Finding, check_kind,
                                 fmt_num, parse_check)
from app.sim.checks import outputs, reactions, signals  # noqa: F401  (registers the kinds)
from app.sim.checks import pixels, pwm  # noqa: F401  (output boards: NeoPixel strips, PWM fade, servo, melody)
from app.sim.robot import checks as _robot_checks  # noqa: F401,E402  (robot trajectory kinds)

__all__ = ["CHECKS", "Check", "CheckContext", "CheckSpecError", "Finding", "check_kind", "fmt_num",
           "parse_check"]
