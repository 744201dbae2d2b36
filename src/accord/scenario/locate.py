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

__all__ = ["MAX_BYTES", "MAX_DEPTH", "MAX_NODES", "Located", "parse_text"]

MAX_BYTES = 10 * 1024 * 1024
MAX_NODES = 1_000_000
MAX_DEPTH = 64

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

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
    try:
        _refuse_deep(text, file)
        loader = _Loader(text)
        loader.accord_file = file
    except yaml.YAMLError as err:
        raise AccordError(_yaml_problem(err, text, file)) from None
    try:
        node = loader.get_single_node()
        if node is None:
            raise AccordError(Problem("the file holds no data", file=file))
        positions: dict[Path, tuple[int, int]] = {}
        _measure(node, file)
        _walk(node, (), positions, file)
        data = loader.construct_document(node)
    except yaml.YAMLError as err:
        raise AccordError(_yaml_problem(err, text, file)) from None
    except RecursionError:
        raise AccordError(_too_deep(file)) from None
    finally:
        loader.dispose()
    return Located(data, file, positions)


class _Loader(_BaseLoader):  # type: ignore[misc,valid-type]
    """The safe loader (libyaml's when installed), locating values it cannot construct."""

    accord_file = "<input>"

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep)
        except yaml.YAMLError:
            raise
        except (ValueError, TypeError, KeyError, AttributeError, OverflowError) as err:
            raise AccordError(_cannot_construct(node, err, self.accord_file)) from None


def _cannot_construct(node: yaml.Node, err: Exception, file: str) -> Problem:
    tag = str(node.tag).replace("tag:yaml.org,2002:", "!!")
    value = node.value if isinstance(node, yaml.ScalarNode) else type(node).__name__
    text = str(value)
    return _at(
        node,
        file,
        f"a value cannot be read as {tag}",
        expected=f"a valid {tag} value"
        + (" (at most 4,300 digits)" if "digits" in str(err) else ""),
        found=repr(text if len(text) <= 40 else text[:37] + "..."),
    )


def _yaml_problem(err: yaml.YAMLError, text: str, file: str) -> Problem:
    """Turn any PyYAML error into a located problem."""
    if isinstance(err, yaml.reader.ReaderError):
        line, col = _line_col(text, err.position)
        what = f"character {err.character:#06x} is not allowed in YAML"
        return Problem(f"not valid YAML: {what}", file=file, line=line, column=col)
    if isinstance(err, yaml.MarkedYAMLError):
        mark = err.problem_mark or err.context_mark
        where: tuple[int | None, int | None] = (None, None)
        if mark is not None:
            where = (mark.line + 1, mark.column + 1)
        what = err.problem or err.context or "unreadable"
        if err.context and err.context_mark and err.problem:
            what += f" ({err.context} started at line {err.context_mark.line + 1})"
        return Problem(f"not valid YAML: {what}", file=file, line=where[0], column=where[1])
    return Problem(f"not valid YAML: {err}", file=file)


def _line_col(text: str, position: int) -> tuple[int, int]:
    before = text[:position]
    return before.count("\n") + 1, position - (before.rfind("\n") + 1) + 1


def _refuse_deep(text: str, file: str) -> None:
    """Refuse nesting deeper than :data:`MAX_DEPTH` from the event stream (no recursion)."""
    depth = 0
    for event in yaml.parse(text, Loader=_BaseLoader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                mark = event.start_mark
                if mark is None:
                    raise AccordError(_too_deep(file))
                raise AccordError(_too_deep(file, mark.line + 1, mark.column + 1))
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def _too_deep(file: str, line: int | None = None, column: int | None = None) -> Problem:
    return Problem(
        "the data is nested too deeply",
        file=file,
        line=line,
        column=column,
        expected=f"at most {MAX_DEPTH} levels of lists and mappings",
        found="deeper nesting",
    )


def _parse_json(text: str, file: str) -> Located:
    """Parse JSON with the json module; positions come from YAML's composer (JSON is YAML)."""
    try:
        data = json.loads(text, object_pairs_hook=_no_duplicates)
    except json.JSONDecodeError as err:
        raise AccordError(
            Problem(f"not valid JSON: {err.msg}", file=file, line=err.lineno, column=err.colno)
        ) from None
    except RecursionError:
        raise AccordError(_too_deep(file)) from None
    except ValueError:  # integers past Python's 4,300-digit limit
        raise AccordError(
            Problem(
                "not valid JSON: a number is too long",
                file=file,
                expected="a number of at most 4,300 digits",
                found="an integer of more digits",
            )
        ) from None
    if _data_depth(data) > MAX_DEPTH:
        raise AccordError(_too_deep(file))
    positions: dict[Path, tuple[int, int]] = {}
    try:
        node = yaml.compose(text, Loader=_BaseLoader)
        if node is not None:
            _walk(node, (), positions, file)
    except (yaml.YAMLError, AccordError, RecursionError):
        positions = {}  # rare JSON that YAML reads differently: no positions, same data
    return Located(data, file, positions)


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise AccordError(
                Problem(
                    f"duplicate key {key!r} in a JSON object",
                    expected="each key once per object",
                    found=f"{key!r} twice",
                )
            )
        out[key] = value
    return out


def _data_depth(data: Any) -> int:
    """Nesting depth of plain data, without recursion."""
    deepest, stack = 0, [(data, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, depth)
            if depth <= MAX_DEPTH:
                values = item.values() if isinstance(item, dict) else item
                stack.extend((v, depth + 1) for v in values)
    return deepest


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
                    "the document holds too many values (an alias bomb, or too much data)",
                    expected=f"at most {MAX_NODES:,} values",
                )
            )
        return total

    size(node)


def _at(
    node: yaml.Node,
    file: str,
    message: str,
    expected: str | None = None,
    found: str | None = None,
) -> Problem:
    mark = node.start_mark
    return Problem(
        message,
        file=file,
        line=mark.line + 1,
        column=mark.column + 1,
        expected=expected,
        found=found,
    )


def _walk(node: yaml.Node, path: Path, out: dict[Path, tuple[int, int]], file: str) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                if str(key.value) in seen and key.tag != "tag:yaml.org,2002:merge":
                    raise AccordError(_duplicate_key(key, path, file))
                seen.add(str(key.value))
                child = (*path, str(key.value))
                if child not in out:
                    out[child] = (key.start_mark.line + 1, key.start_mark.column + 1)
                    _walk(value, child, out, file)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            child = (*path, index)
            if child not in out:
                out[child] = (item.start_mark.line + 1, item.start_mark.column + 1)
                _walk(item, child, out, file)


def _duplicate_key(key: yaml.ScalarNode, path: Path, file: str) -> Problem:
    return Problem(
        f"duplicate key {key.value!r}: the mapping names it twice",
        path=dotted(path),
        file=file,
        line=key.start_mark.line + 1,
        column=key.start_mark.column + 1,
        expected="each key once per mapping",
        found=f"{key.value!r} again",
    )
