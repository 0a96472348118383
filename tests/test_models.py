"""Validation rules of the school domain: codes, years, levels, class names."""

from __future__ import annotations

import pytest

from app.models import SchoolLevel
from app.models.classroom import is_valid_school_year, is_valid_year_for_level, new_join_code
from app.models.school import is_valid_school_code


@pytest.mark.parametrize("code,valid", [
    ("MIIC8AB001", True), ("miis09200g", True), ("MIPS01000X", True),
    ("MI123", False), ("1IIC8AB001", False), ("MIIC8AB0012", False), ("MIIC 8AB01", False), ("", False),
])
def test_school_code_format(code, valid):
    """Is the codice meccanografico format (4 letters + 6 letters or digits) enforced?"""
    assert is_valid_school_code(code) is valid


@pytest.mark.parametrize("level,year,valid", [
    (SchoolLevel.PRIMARIA, 5, True), (SchoolLevel.PRIMARIA, 6, False),
    (SchoolLevel.SECONDARIA_PRIMO, 3, True), (SchoolLevel.SECONDARIA_PRIMO, 4, False),
    (SchoolLevel.SECONDARIA_SECONDO, 5, True), (SchoolLevel.SECONDARIA_SECONDO, 0, False),
])
def test_year_must_exist_at_level(level, year, valid):
    """Does a year that does not exist at a level (4th year of secondaria di primo grado) get refused?"""
    assert is_valid_year_for_level(level, year) is valid


@pytest.mark.parametrize("value,valid", [("2026/27", True), ("1999/00", True), ("2026/28", False), ("2026-27", False)])
def test_school_year_format(value, valid):
    """Is a school year written as 2026/27 with consecutive years?"""
    assert is_valid_school_year(value) is valid


def test_join_codes_avoid_ambiguous_characters():
    """Do join codes avoid characters that are confused when read aloud (0/O, 1/I)?"""
    codes = {new_join_code() for _ in range(200)}
    assert len(codes) == 200
    assert not any(set(code) & set("01OI") for code in codes)
