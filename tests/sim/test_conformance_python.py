"""Conformance: the language is real MicroPython, with the differences from CPython that students
meet on a board (messages, missing dunders, no host modules)."""

from __future__ import annotations


def test_it_is_micropython(run):
    """Is the interpreter really MicroPython (not CPython pretending)?"""
    r = run("import sys\nprint(sys.implementation.name)\n")
    assert r.stdout.strip() == "micropython"


def test_nameerror_wording_is_micropythons(run):
    """Does a NameError carry MicroPython's own wording and the student's line?"""
    r = run("x = 1\n\nprint(y)\n")
    assert r.error == {"type": "NameError", "message": "name 'y' isn't defined", "line": 3}


def test_fstrings_format_and_big_ints(run):
    """Do f-strings, % formatting, str.format and big integers work as students expect?"""
    r = run("v = 3.14159\nprint(f'{v:.2f}', '%d%%' % 50, '{:>4}'.format(7), 2 ** 70)\n")
    assert r.stdout.strip() == "3.14 50%    7 1180591620717411303424"


def test_str_plus_int_typeerror(run):
    """Does 'a' + 1 raise TypeError with an explanation in both languages?"""
    r = run("t = 21\nprint('T=' + t)\n")
    assert r.error["type"] == "TypeError" and r.error["line"] == 2
    assert r.explanation["it"] and r.explanation["en"]


def test_builtin_dunders_missing(run):
    """Are dunder methods of built-in types absent, as in MicroPython (lst.__setitem__)?"""
    r = run("a = [0]\na.__setitem__(0, 1)\n")
    assert r.error["type"] == "AttributeError"


def test_cpython_only_modules_missing(run):
    """Do CPython-only modules (numpy, tkinter, threading) fail with ImportError and a hint?"""
    for mod in ("numpy", "tkinter", "threading"):
        r = run(f"import {mod}\n")
        assert r.error["type"] == "ImportError", mod
        assert mod in r.explanation["en"] and mod in r.explanation["it"]
        assert r.api_problems and r.api_problems[0]["name"] == mod


def test_exception_inside_except_exception_does_not_swallow_end(run):
    """Does `except Exception` around sleeps still let the run end at the scenario's end?"""
    r = run("import time\nwhile True:\n    try:\n        time.sleep(1)\n    except Exception:\n"
            "        print('caught')\n", seconds=2)
    assert r.outcome == "time" and "caught" not in r.stdout


def test_integer_division_and_round(run):
    """Do //, / and round() behave as in Python 3 (round half to even)?"""
    r = run("print(7 // 2, 7 / 2, round(2.5), round(3.5), int('12') + 1)\n")
    assert r.stdout.split() == ["3", "3.5", "2", "4", "13"]
