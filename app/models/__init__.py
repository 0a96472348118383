"""Typed SQLAlchemy models: the bottom layer. Models never commit and never call the network."""

from app.models.classroom import ClassRole, Classroom, Membership
from app.models.classwork import Assignment, Attempt, AttemptOverride, AttemptStatus, Comment, Draft, Upload
from app.models.content import ActivityVersion, LabVersion, ModuleVersion
from app.models.login_attempt import LoginAttempt
from app.models.school import School, SchoolLevel, SchoolLevelOffered
from app.models.sim_run import SimRun
from app.models.skills import AuditEntry, Evidence
from app.models.user import Role, User

__all__ = [
    "Assignment",
    "AuditEntry",
    "Evidence",
    "Attempt",
    "AttemptOverride",
    "AttemptStatus",
    "Comment",
    "Draft",
    "Upload",
    "ActivityVersion",
    "LabVersion",
    "ModuleVersion",
    "ClassRole",
    "Classroom",
    "LoginAttempt",
    "Membership",
    "Role",
    "School",
    "SchoolLevel",
    "SchoolLevelOffered",
    "SimRun",
    "User",
]
