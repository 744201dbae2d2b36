"""Parse YAML or JSON text while remembering where every value stands.

PyYAML's composer gives each node its line and column; we walk the node graph once to build a
map from field path (a tuple of keys and indices) to position, refuse documents whose aliases
would expand past a limit ("billion laughs"), then construct plain Python data from the nodes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import yaml

from accord.errors import AccordError, Problem

__all__ = ["MAX_BYTES", "MAX_NODES", "Located", "parse_text"]

MAX_BYTES = 10 * 1024 * 1024
MAX_NODES = 1_000_000

Path = tuple[str | int, ...]


@dataclass
class Located:
    """Plain data parsed from a file, with the position of every field."""

    data: Any
    file: str
    positions: dict[Path, tuple[int, int]] = field(default_factory=dict)

    def locate(self, path: Path) -> tuple[int | None, int | None]:
        """Return the 1-based (line, column) of ``path``, or of its nearest parent."""
        for cut in range(len(path), -1, -1):
            if path[:cut] in self.positions:
                return self.positions[path[:cut]]
        return (None, None)

    def problem(self, path: Path, message: str, **kw: str | None) -> Problem:
        """Make a problem located at ``path``."""
        line, col = self.locate(path)
        return Problem(message, dotted(path), self.file, line, col, **kw)


def dotted(path: Path) -> str:
    """``('actors', 0, 'capability')`` -> ``'actors[0].capability'``."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def parse_text(raw: bytes, file: str, *, as_json: bool = False) -> Located:
    """Decode and parse a scenario file, refusing empty, binary and oversized input."""
    _refuse_unreadable(raw, file)
    text = raw.decode("utf-8")
    if as_json:
        return _parse_json(text, file)
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise AccordError(Problem("the file holds no data", file=file))
        positions: dict[Path, tuple[int, int]] = {}
        _measure(node, file)
        _walk(node, (), positions)
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (None, None)
        what = err.problem or err.context or "unreadable"
        if err.context and err.context_mark and err.problem:
            what += f" ({err.context} started at line {err.context_mark.line + 1})"
        raise AccordError(
            Problem(f"not valid YAML: {what}", file=file, line=line, column=col)
        ) from None
    except yaml.YAMLError as err:
        raise AccordError(Problem(f"not valid YAML: {err}", file=file)) from None
    finally:
        loader.dispose()
    return Located(data, file, positions)


def _parse_json(text: str, file: str) -> Located:
    """Parse JSON with the json module; positions come from YAML's composer (JSON is YAML)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise AccordError(
            Problem(f"not valid JSON: {err.msg}", file=file, line=err.lineno, column=err.colno)
        ) from None
    positions: dict[Path, tuple[int, int]] = {}
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        if node is not None:
            _walk(node, (), positions)
    except yaml.YAMLError:
        positions = {}  # rare JSON that YAML reads differently: no positions, same data
    return Located(data, file, positions)


def _refuse_unreadable(raw: bytes, file: str) -> None:
    if len(raw) > MAX_BYTES:
        raise AccordError(
            Problem(
                "file too large",
                file=file,
                expected=f"at most {MAX_BYTES // (1024 * 1024)} MB",
                found=f"{len(raw) / (1024 * 1024):.1f} MB",
            )
        )
    if not raw.strip():
        raise AccordError(Problem("the file is empty", file=file))
    if b"\x00" in raw:
        raise AccordError(Problem("binary file", file=file, expected="YAML or JSON text"))
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise AccordError(
            Problem(f"not UTF-8 text (byte {err.start})", file=file, expected="YAML or JSON text")
        ) from None


def _measure(node: yaml.Node, file: str) -> None:
    """Refuse documents whose alias expansion would exceed :data:`MAX_NODES` nodes."""
    sizes: dict[int, int] = {}

    def size(n: yaml.Node) -> int:
        if id(n) in sizes:
            if sizes[id(n)] < 0:
                raise AccordError(_at(n, file, "a YAML alias refers to itself (recursive data)"))
            return sizes[id(n)]
        sizes[id(n)] = -1  # in progress: meeting it again means recursion
        total = 1
        if isinstance(n, yaml.SequenceNode):
            total += sum(size(c) for c in n.value)
        elif isinstance(n, yaml.MappingNode):
            total += sum(size(k) + size(v) for k, v in n.value)
        sizes[id(n)] = total
        if total > MAX_NODES:
            raise AccordError(
                _at(
                    n,
                    file,
                    "YAML aliases expand to too many values (an alias bomb?)",
                    expected=f"at most {MAX_NODES:,} values",
                )
            )
        return total

    size(node)


def _at(node: yaml.Node, file: str, message: str, expected: str | None = None) -> Problem:
    mark = node.start_mark
    return Problem(
        message, file=file, line=mark.line + 1, column=mark.column + 1, expected=expected
    )


def _walk(node: yaml.Node, path: Path, out: dict[Path, tuple[int, int]]) -> None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                child = (*path, str(key.value))
                if child not in out:
                    out[child] = (key.start_mark.line + 1, key.start_mark.column + 1)
                    _walk(value, child, out)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            child = (*path, index)
            if child not in out:
                out[child] = (item.start_mark.line + 1, item.start_mark.column + 1)
                _walk(item, child, out)
