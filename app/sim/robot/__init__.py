"""Virtual robots: a differential-drive school robot in a 2D world, driven by the student's
MicroPython through the same virtual board as every other lab.

``kits`` (the robots), ``world`` (world files), ``physics`` and ``sensors`` (fixed-step motion,
collisions, line/sonar/bumper readings), ``protocol`` (the guest's one host call), ``trajectory``
and ``checks`` (grading over the path), ``labgrading`` (a lab graded on several worlds, some
hidden), ``svg`` and ``replay`` (pictures and the in-browser replay). Flask-free, like the rest of
``app.sim``.
"""

from app.sim.robot.kits import KITS, RobotConfigError, RobotSetup
from app.sim.robot.world import World, WorldError, load_world, parse_world

__all__ = ["KITS", "RobotConfigError", "RobotSetup", "World", "WorldError", "load_world",
           "parse_world"]
