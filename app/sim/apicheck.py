"""Check a program against a board's API, from the board's stub package, before it runs.

Owns a small index built with ``ast`` from the installed ``.pyi`` stubs (board -> modules, module
-> names, class -> members) and a checker that reports, with line numbers and in both languages,
imports of modules the board lacks (``network`` on a plain Pico), names a module lacks (``Pin`` on
micro:bit) and misspelt attributes of modules, classes and objects made from them
(``Pin.OUTPUT``, ``led.toggel()``). It is feedback, not a security control: over-approximate
stubs only make it quieter. The Pico W is the Pico's index plus its radio modules.
"""

from __future__ import annotations

import ast
import difflib
import sysconfig
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any

_DISTS = {"rp2": "micropython-rp2-rpi-pico-stubs", "esp32": "micropython-esp32-stubs",
          "microbit": "micropython-microbit-stubs-en"}
_BOARD_FAMILY = {"pico": "rp2", "pico_w": "rp2", "esp32": "esp32", "microbit": "microbit"}
# Built into the MicroPython firmware of rp2/esp32 even when a stub package does not list them.
_ALWAYS = {"sys", "math", "gc", "time", "utime", "struct", "json", "re", "io", "os", "collections",
           "array", "binascii", "random", "urandom", "micropython", "heapq", "hashlib", "errno",
           "builtins", "machine", "neopixel", "framebuf", "select", "uctypes", "asyncio", "cmath"}
# Driver files a kit's lesson copies onto the board first; the virtual boards have them (app.sim.guest._simoled).
_LESSON_FILES = {"ssd1306", "sh1106"}
_CHECKED = {"machine", "microbit", "music", "neopixel", "time", "utime", "network", "rp2", "esp32"}


@lru_cache(maxsize=8)
def _files(family: str) -> dict[str, Path]:
    """module name -> stub file for a board family."""
    try:
        dist = metadata.distribution(_DISTS[family])
    except metadata.PackageNotFoundError:
        return {}
    root = Path(sysconfig.get_paths()["purelib"])
    out: dict[str, Path] = {}
    for f in dist.files or ():
        parts = f.parts
        if not str(f).endswith(".pyi"):
            continue
        if family == "microbit":
            if parts[0] != "stdlib" or parts[1] in ("_typeshed", "typing.pyi", "typing_extensions.pyi"):
                continue
            parts = parts[1:]
        name = parts[0][:-4] if len(parts) == 1 else parts[0]
        if len(parts) == 1 or parts[-1] == "__init__.pyi":
            out[name] = Path(dist.locate_file(f)) if dist.locate_file(f) else root / f
    return out


# The Pico W's firmware adds its radio to the Pico's. (Its own stub package,
# micropython-rp2-rpi-pico-w-stubs, installs into the same paths as the Pico's, so both cannot be
# installed side by side: the Pico W is the Pico's index plus these.)
_PICO_W_EXTRA = {"network", "bluetooth", "socket", "ssl", "tls", "requests", "urequests", "ntptime",
                 "aioble", "cyw43", "webrepl", "mip", "lwip", "_webrepl"}
_PICO_ONLY_MISSING = {"network", "bluetooth", "socket", "ssl", "tls", "requests", "ntptime", "mip",
                      "webrepl", "lwip"}
# Members the stubs leave out although the firmware has them.
_EXTRA_MEMBERS = {("machine", "Pin"): {"low", "high"}}


def board_modules(board: str) -> set[str]:
    """Names of the modules a board's firmware offers (per its stubs)."""
    family = _BOARD_FAMILY[board]
    mods = set(_files(family))
    if family != "microbit":
        mods |= _ALWAYS | _LESSON_FILES
        if board == "pico":
            mods -= _PICO_ONLY_MISSING
        elif board == "pico_w":
            mods |= _PICO_W_EXTRA
    return mods


# The stub packages install one shared machine.pyi: the ESP32's own names are not the Pico's.
ESP32_ONLY = frozenset({"DAC", "TouchPad", "ADCBlock", "ADCWiPy", "SDCard", "Counter", "Encoder",
                        "TOUCHPAD_WAKE", "EXT0_WAKE", "EXT1_WAKE", "ULP_WAKE", "WLAN_WAKE"})


def _board_index(files: dict[str, Path], module: str, family: str) -> dict[str, Any]:
    index = _module_index(files[module])
    if family == "rp2" and module == "machine":
        return {k: v for k, v in index.items() if k not in ESP32_ONLY}
    return index


def module_names(board: str, module: str) -> list[str]:
    """Top-level names of one module of a board's firmware (empty when the stubs lack it)."""
    files = _files(_BOARD_FAMILY[board])
    return sorted(_board_index(files, module, _BOARD_FAMILY[board])) if module in files else []


@lru_cache(maxsize=64)
def _module_index(path: Path) -> dict[str, Any]:
    """Top-level names of a stub: name -> set of members (classes/submodules) or None."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: dict[str, Any] = {}
    classes: dict[str, ast.ClassDef] = {}
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            classes[node.name] = node
            names[node.name] = None
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            names[node.name] = None
        elif isinstance(node, ast.Assign):
            for t in node.targets:
                if isinstance(t, ast.Name):
                    names[t.id] = None
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names[node.target.id] = None
        elif isinstance(node, ast.ImportFrom) and node.level == 1:
            for a in node.names:
                sub = path.parent / f"{a.name}.pyi"
                if node.module is None and sub.exists():
                    names[a.asname or a.name] = set(_module_index(sub))
                elif a.name != "*":
                    names[a.asname or a.name] = None
    for cname, node in classes.items():
        module = path.parent.name if path.name == "__init__.pyi" else path.stem
        names[cname] = _members(node, classes) | _EXTRA_MEMBERS.get((module, cname), set())
    return names


def _members(node: ast.ClassDef, classes: dict[str, ast.ClassDef], depth: int = 0) -> set[str]:
    out: set[str] = set()
    for item in node.body:
        if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            out.add(item.name)
        elif isinstance(item, ast.Assign):
            out |= {t.id for t in item.targets if isinstance(t, ast.Name)}
        elif isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name):
            out.add(item.target.id)
    for base in node.bases:
        if isinstance(base, ast.Name) and base.id in classes and depth < 5:
            out |= _members(classes[base.id], classes, depth + 1)
    return out


def _problem(line: int, name: str, it: str, en: str) -> dict[str, Any]:
    return {"line": line, "name": name, "message": {"it": it, "en": en}}


def _suggest(name: str, options: set[str]) -> tuple[str, str]:
    close = difflib.get_close_matches(name, sorted(options), n=1, cutoff=0.7)
    if not close:
        return "", ""
    return f" Forse intendevi '{close[0]}'?", f" Did you mean '{close[0]}'?"


def check_api(code: str, board: str) -> list[dict[str, Any]]:
    """Problems found in ``code`` for ``board`` (empty when none or when it does not parse)."""
    try:
        tree = ast.parse(code)
    except IndentationError as exc:
        # MicroPython reports a bad unindent on the line *before* it; point at the real one.
        return [_problem(exc.lineno or 1, "indentation",
                         f"Riga {exc.lineno}: il rientro di questa riga non corrisponde a nessun "
                         "blocco sopra (usa sempre 4 spazi per livello).",
                         f"Line {exc.lineno}: this line's indentation matches no block above "
                         "(always use 4 spaces per level).")]
    except (SyntaxError, ValueError):
        return []
    family = _BOARD_FAMILY[board]
    files = _files(family)
    mods = board_modules(board)
    problems: list[dict[str, Any]] = []
    bound: dict[str, set[str] | None] = {}  # local name -> known members (None = unchecked)
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for a in node.names:
                top = a.name.split(".")[0]
                if top not in mods:
                    problems.append(_problem(node.lineno, top,
                                             f"Il modulo '{top}' non esiste su {board}.",
                                             f"The module '{top}' does not exist on {board}."))
                elif top in _CHECKED and top in files and "." not in a.name:
                    bound[a.asname or top] = set(_board_index(files, top, family))
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            top = node.module.split(".")[0]
            if top not in mods:
                problems.append(_problem(node.lineno, top,
                                         f"Il modulo '{top}' non esiste su {board}.",
                                         f"The module '{top}' does not exist on {board}."))
                continue
            if top not in _CHECKED or top not in files or "." in node.module:
                continue
            index = _board_index(files, top, family)
            for a in node.names:
                if a.name == "*":
                    for k, v in index.items():
                        bound[k] = v
                    continue
                if a.name not in index:
                    it, en = _suggest(a.name, set(index))
                    problems.append(_problem(node.lineno, a.name,
                                             f"'{a.name}' non esiste nel modulo '{top}' su {board}.{it}",
                                             f"'{a.name}' does not exist in module '{top}' on {board}.{en}"))
                else:
                    bound[a.asname or a.name] = index[a.name]
    instances: dict[str, set[str]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
            cls = _class_members(node.value.func, bound)
            if cls is not None:
                for t in node.targets:
                    if isinstance(t, ast.Name):
                        instances[t.id] = cls
    for node in ast.walk(tree):
        if not isinstance(node, ast.Attribute) or not isinstance(node.value, ast.Name):
            continue
        owner = node.value.id
        members = instances.get(owner) if owner in instances else bound.get(owner)
        if members and node.attr not in members and not node.attr.startswith("__"):
            it, en = _suggest(node.attr, members)
            problems.append(_problem(node.lineno, node.attr,
                                     f"'{owner}' non ha '{node.attr}'.{it}",
                                     f"'{owner}' has no '{node.attr}'.{en}"))
    problems.sort(key=lambda p: p["line"])
    return problems


def _class_members(func: ast.expr, bound: dict[str, set[str] | None]) -> set[str] | None:
    if isinstance(func, ast.Name):
        return bound.get(func.id)
    if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
        mod = bound.get(func.value.id)
        if mod is not None and func.attr in mod:
            return None
    return None
