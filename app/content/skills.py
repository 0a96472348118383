"""Loading ``curricula/skills.yaml``: DigComp 2.2 and Officina's technical skills.

The skills file is read first: every other file's skill and competence codes are checked
against it. It must hold the 5 areas and 21 competences of DigComp 2.2 and its 8
proficiency levels; each technical skill names a group and the DigComp competences it
evidences.
"""

from __future__ import annotations

from pathlib import Path
from types import MappingProxyType

from app.content.errors import ContentError, Problems
from app.content.hashing import hash_files
from app.content.model import (Area, Competence, ProficiencyLevel, SkillGroup,
                               SkillsFramework, TechnicalSkill)
from app.content.schema import Fields, kind_of
from app.content.yamlsrc import parse_yaml, read_text

DIGCOMP_COMPETENCES = 21
DIGCOMP_LEVELS = 8


def load_skills(path: Path, problems: Problems) -> SkillsFramework:
    """Read the skills file; problems are recorded, an (incomplete) framework returned."""
    try:
        data = parse_yaml(read_text(path), path)
    except ContentError as exc:
        problems.extend([exc])
        return SkillsFramework("", (), (), MappingProxyType({}), MappingProxyType({}),
                               MappingProxyType({}))
    top = Fields(data, path, problems, "the skills file")
    digcomp = Fields(top.mapping("digcomp"), path, problems, "'digcomp'", top.line)
    version = digcomp.string("version") or ""

    levels = []
    for item, line in digcomp.items("levels"):
        f = Fields(item, path, problems, "a proficiency level", line)
        level, band, desc = f.integer("level", 1, DIGCOMP_LEVELS), f.text("band"), f.text("description")
        f.done()
        if level is not None and band and desc:
            levels.append(ProficiencyLevel(level, band, desc))
    if [lv.level for lv in levels] != list(range(1, DIGCOMP_LEVELS + 1)) and digcomp.has("levels"):
        digcomp.add("levels", f"'levels' must list the {DIGCOMP_LEVELS} DigComp levels 1 to "
                              f"{DIGCOMP_LEVELS} in order")

    areas, competences = [], {}
    for item, line in digcomp.items("areas"):
        f = Fields(item, path, problems, "a DigComp area", line)
        code, name = f.string("code"), f.text("name")
        codes = []
        for c_item, c_line in f.items("competences", min_items=1):
            c = Fields(c_item, path, problems, "a DigComp competence", c_line)
            c_code, c_name = c.string("code"), c.text("name")
            c.done()
            if c_code is None or c_name is None or code is None:
                continue
            if not c_code.startswith(code + "."):
                c.add("code", f"competence '{c_code}' does not belong to area '{code}'")
            elif c_code in competences:
                c.add("code", f"competence '{c_code}' is listed twice")
            else:
                competences[c_code] = Competence(c_code, code, c_name)
                codes.append(c_code)
        f.done()
        if code and name:
            areas.append(Area(code, name, tuple(codes)))
    if len(competences) != DIGCOMP_COMPETENCES and digcomp.has("areas"):
        digcomp.add("areas", f"DigComp 2.2 has {DIGCOMP_COMPETENCES} competences; "
                             f"found {len(competences)}")
    digcomp.done()

    groups = {}
    for item, line in top.items("groups", min_items=1):
        f = Fields(item, path, problems, "a skill group", line)
        code, name = f.slug("code"), f.text("name")
        f.done()
        if code and name:
            if code in groups:
                f.add("code", f"skill group '{code}' is listed twice")
            groups[code] = SkillGroup(code, name)

    technical: dict[str, TechnicalSkill] = {}
    for item, line in top.items("technical", min_items=1):
        f = Fields(item, path, problems, "a technical skill", line)
        code, group = f.slug("code"), f.string("group")
        name, desc = f.text("name"), f.text("description")
        mapped = []
        for value, v_line in f.items("digcomp", min_items=1):
            value = str(value) if isinstance(value, (str, float)) else value
            if value in competences:
                mapped.append(value)
            else:
                problems.add(path, v_line, f"unknown DigComp competence {value!r} "
                                           f"(use codes like '3.4'; got {kind_of(value)})")
        f.done()
        if group is not None and group not in groups:
            f.add("group", f"unknown skill group '{group}' (known: {', '.join(groups)})")
        if code and code in technical:
            f.add("code", f"technical skill '{code}' is listed twice")
        elif code and code in competences:
            f.add("code", f"technical skill '{code}' clashes with a DigComp code")
        elif code and group and name and desc:
            technical[code] = TechnicalSkill(code, group, name, desc, tuple(mapped))
    top.done()
    return SkillsFramework(
        version=version, levels=tuple(levels), areas=tuple(areas),
        competences=MappingProxyType(competences), groups=MappingProxyType(groups),
        technical=MappingProxyType(technical), content_hash=hash_files(path.parent, [path]))
