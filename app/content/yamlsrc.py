"""Reading YAML and front matter while remembering the line of every key and item.

Content files are YAML (``lab.yaml``, ``track.yaml``, ``skills.yaml``) or Markdown with a
YAML front matter (modules). This module turns text into plain Python values — ``YMap``
(a dict) and ``YList`` (a list) that also know the line of each key and item — and
turns *every* failure, whatever the input, into a :class:`ContentError`. It resolves
YAML in a teacher-friendly way: ``yes``/``no``/``on``/``off`` and dates stay text,
mapping keys are always text (so ``3.4:`` means the competence "3.4", not a float),
and anchors/aliases are refused (they hide content and allow "billion laughs").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from app.content.errors import ContentError

MAX_BYTES = 1_000_000


class YMap(dict[str, Any]):
    """A YAML mapping with ``line`` (of the mapping) and ``key_lines`` (line of each key)."""

    line: int
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class YList(list[Any]):
    """A YAML sequence with ``line`` and ``item_lines`` (line of each item)."""

    line: int
    item_lines: list[int]

    def line_of(self, index: int) -> int:
        return self.item_lines[index] if 0 <= index < len(self.item_lines) else self.line


class _Loader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2-like booleans and no implicit timestamps."""


# Drop the YAML 1.1 resolvers that surprise teachers ("no" -> False, dates -> date).
_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers
            if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


class _Converter:
    def __init__(self, loader: _Loader, path: Path, line_offset: int) -> None:
        self.loader = loader
        self.path = path
        self.offset = line_offset
        self.seen: set[int] = set()

    def error(self, node: yaml.Node, message: str) -> ContentError:
        return ContentError(self.path, _line(node) + self.offset, message)

    def convert(self, node: yaml.Node) -> Any:
        if id(node) in self.seen:
            raise self.error(node, "YAML anchors and aliases (&name, *name) are not allowed")
        self.seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node)
        if isinstance(node, yaml.SequenceNode):
            out = YList(self.convert(item) for item in node.value)
            out.line = _line(node) + self.offset
            out.item_lines = [_line(item) + self.offset for item in node.value]
            return out
        if isinstance(node, yaml.ScalarNode):
            try:
                return self.loader.construct_object(node, deep=True)
            except Exception as exc:  # any constructor failure is the file's fault
                why = getattr(exc, "problem", None) or str(exc).splitlines()[0] if str(exc) else ""
                raise self.error(node, f"cannot read value {node.value[:40]!r}: {why}") from None
        raise self.error(node, "unsupported YAML node")

    def _mapping(self, node: yaml.MappingNode) -> YMap:
        out = YMap()
        out.line = _line(node) + self.offset
        out.key_lines = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise self.error(key_node, "a key must be plain text")
            key = str(key_node.value)
            if key == "<<":
                raise self.error(key_node, "YAML merge keys (<<) are not allowed")
            if key in out:
                raise self.error(key_node, f"key '{key}' appears twice")
            out.key_lines[key] = _line(key_node) + self.offset
            out[key] = self.convert(value_node)
        return out


def parse_yaml(text: str, path: str | Path, line_offset: int = 0) -> Any:
    """Parse one YAML document; any failure raises :class:`ContentError`.

    ``line_offset`` is added to reported lines (front matter starts after ``---``).
    """
    path = Path(path)
    if not isinstance(text, str):
        raise ContentError(path, 1, "content must be text")
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise ContentError(path, 1, f"file is larger than {MAX_BYTES} bytes")
    loader: _Loader | None = None
    try:
        loader = _Loader(text)
        node = loader.get_single_node()
        if node is None:
            return None
        return _Converter(loader, path, line_offset).convert(node)
    except ContentError:
        raise
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 if mark else 1) + line_offset
        what = exc.problem or exc.context or "invalid YAML"
        raise ContentError(path, line, f"YAML syntax error: {what}") from None
    except yaml.YAMLError as exc:
        first = str(exc).splitlines()[0] if str(exc) else "invalid YAML"
        raise ContentError(path, 1 + line_offset, f"YAML error: {first}") from None
    except RecursionError:
        raise ContentError(path, 1 + line_offset, "YAML is nested too deeply") from None
    finally:
        if loader is not None:
            loader.dispose()


@dataclass(frozen=True)
class FrontMatter:
    """A Markdown file split into its YAML header and its body."""

    data: Any
    body: str
    body_line: int  # line number (1-based) of the first body line in the file


_FENCE = re.compile(r"^---[ \t]*$")


def parse_front_matter(text: str, path: str | Path) -> FrontMatter:
    """Split ``---`` YAML ``---`` Markdown; raise only :class:`ContentError`."""
    path = Path(path)
    if not isinstance(text, str):
        raise ContentError(path, 1, "content must be text")
    lines = text.lstrip("\ufeff").splitlines()
    if not lines or not _FENCE.match(lines[0]):
        raise ContentError(path, 1, "the file must start with a line '---' opening the front matter")
    for i in range(1, len(lines)):
        if _FENCE.match(lines[i]):
            end = i
            break
    else:
        raise ContentError(path, 1, "front matter is not closed by a line '---'")
    data = parse_yaml("\n".join(lines[1:end]), path, line_offset=1)
    if not isinstance(data, YMap):
        raise ContentError(path, 2, "front matter must be a YAML mapping of 'key: value' lines")
    return FrontMatter(data=data, body="\n".join(lines[end + 1:]), body_line=end + 2)


def read_text(path: Path) -> str:
    """Read a UTF-8 file; failures become :class:`ContentError`."""
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ContentError(path, 1, f"file is not valid UTF-8 ({exc.reason})") from None
    except OSError as exc:
        raise ContentError(path, 1, f"cannot read file: {exc.strerror}") from None
