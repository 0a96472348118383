"""Robot labs: graded on several worlds, hidden worlds kept secret, lab.yaml validation."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from app.sim.grading import grade_local
from app.sim.labs import LabError, load_lab

ROOT = Path(__file__).resolve().parents[3]
ROBOT_LABS = ("robot-square", "robot-stop-wall", "line-follower-2", "line-follower-3",
              "obstacle-avoider", "maze-wall-follower")


def test_every_robot_lab_has_three_worlds_one_hidden():
    """Does each robot lab grade on at least three worlds, at least one hidden?"""
    for slug in ROBOT_LABS:
        lab = load_lab(ROOT / "labs" / slug)
        assert lab.robot is not None and not lab.robot.problems(), slug


def test_timing_tuned_program_fails_on_other_worlds():
    """Does a stop-by-the-clock program tuned to one wall fail where the wall is elsewhere, with
    the world named and the distance measured there?"""
    lab = ROOT / "labs" / "robot-stop-wall"
    res = grade_local((lab / "wrong" / "hardcoded_timing.py").read_text(), lab, lang="en")
    stop = next(c for c in res.checks if c.id == "stop-distance")
    assert not res.passed and not stop.passed and stop.cause == "too-far"
    assert stop.measured["en"].startswith("world 2 'Far wall': stopped ")
    assert stop.measured["it"].startswith("mondo 2 «Muro lontano»: fermo a ")
    assert [w["passed"] for w in res.worlds][:2] == [True, False]
    assert not all(w["passed"] for w in res.worlds if w["hidden"])


def test_hidden_world_geometry_never_leaves_the_grader():
    """Is a hidden world's name, file and geometry absent from the result the student sees?"""
    lab = ROOT / "labs" / "line-follower-2"
    res = grade_local((lab / "solution.py").read_text(), lab, lang="en")
    assert res.passed
    hidden = [w for w in res.worlds if w["hidden"]]
    assert hidden and all(w["title"] is None and w["file"] is None and not w["shown"] for w in hidden)
    text = json.dumps(res.to_wire())
    assert "Hairpins" not in text and "hairpin" not in text and "Tornanti" not in text
    assert res.run.robot["world"]["title"]["en"] == "Oval"


def test_bad_world_reference_names_lab_file(tmp_path):
    """Does a lab pointing at a broken world file fail with the world file and line?"""
    lab = tmp_path / "robot-square"
    shutil.copytree(ROOT / "labs" / "robot-square", lab)
    (lab / "worlds" / "corner.yaml").write_text("size: [160, 160]\nstart: {x: 40, y: 22}\nwalls: 7\n")
    with pytest.raises(LabError, match=r"corner\.yaml:3: walls: expected a list of polygons"):
        load_lab(lab)


def test_world_outside_the_lab_folder_is_refused(tmp_path):
    """Is a world file outside the lab folder refused?"""
    lab = tmp_path / "robot-square"
    shutil.copytree(ROOT / "labs" / "robot-square", lab)
    meta = (lab / "lab.yaml").read_text().replace("worlds/open-floor.yaml", "../../etc/passwd")
    (lab / "lab.yaml").write_text(meta)
    with pytest.raises(LabError, match="must be inside the lab folder"):
        load_lab(lab)
