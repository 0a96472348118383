"""Virtual robots: a differential-drive school robot in a 2D world, driven by the student's
MicroPython through the same virtual board as every other lab.

``kits`` (the robots), ``world`` (world files, with the route length time limits derive from),
``geometry``, ``physics`` and ``sensors`` (fixed-step motion, collisions, line/sonar/bumper
readings), ``protocol`` (the link to the host's virtual board), ``trajectory``, ``measures``,
``checks`` and ``shape_checks`` (grading over the path, with measured findings), ``labgrading``
(a lab graded on several worlds, some hidden), ``svg`` and ``replay`` (pictures and the replay). Flask-free, like the rest of
``app.sim``.
"""

from app.sim.robot.kits import KITS, RobotConfigError, RobotSetup
from app.sim.robot.world import World, WorldError, load_world, parse_world

__all__ = ["KITS", "RobotConfigError", "RobotSetup", "World", "WorldError", "load_world",
           "parse_world"]
