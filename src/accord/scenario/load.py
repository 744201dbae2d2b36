"""Load scenarios from YAML/JSON files, importers and the built-in library.

:func:`load` is the one entry point: a built-in name (``korea-2018``), a scenario file
(``.yaml``, ``.yml``, ``.json``), or a file one of the importers reads (expected-utility CSV,
KTAB SMP CSV). Every problem found is reported at once in an :class:`~accord.errors.AccordError`.
"""

from __future__ import annotations

import difflib
import types
import typing
from importlib import resources
from pathlib import Path
from typing import Any, Union

import yaml
from pydantic import BaseModel, ValidationError

from accord.errors import AccordError, Problem
from accord.scenario.checks import check_scenario
from accord.scenario.locate import Located, parse_text
from accord.scenario.model import Scenario

__all__ = ["builtin_names", "dump_yaml", "load", "load_text", "validate_data"]

_BUILTIN = "accord.scenario.builtin"


def builtin_names() -> list[str]:
    """Names of the scenarios shipped with Accord."""
    files = resources.files(_BUILTIN).iterdir()
    return sorted(f.name.removesuffix(".yaml") for f in files if f.name.endswith(".yaml"))


def load(name_or_path: str | Path) -> Scenario:
    """Load a scenario by built-in name or from a file.

    Parameters
    ----------
    name_or_path
        A built-in name (see :func:`builtin_names`) or a path to a ``.yaml``/``.yml``/
        ``.json`` scenario, an expected-utility CSV or a KTAB SMP CSV.

    Raises
    ------
    AccordError
        With every problem found, each located by file, line and field.
    """
    text = str(name_or_path)
    if isinstance(name_or_path, str) and text in builtin_names():
        raw = resources.files(_BUILTIN).joinpath(f"{text}.yaml").read_bytes()
        return load_text(raw, f"<built-in {text}>")
    if not text.strip():
        raise AccordError(
            Problem(
                "no scenario given: the name is empty",
                expected="a file path or one of the built-ins: " + ", ".join(builtin_names()),
                found=repr(text),
            )
        )
    path = Path(name_or_path)
    if not path.is_file():
        known = ", ".join(builtin_names())
        hint = " (it is a folder)" if path.is_dir() else ""
        raise AccordError(
            Problem(
                f"no such scenario file or built-in name{hint}",
                file=text,
                expected=f"a file path or one of the built-ins: {known}",
            )
        )
    suffix = path.suffix.lower()
    if suffix in {".csv", ".tsv", ".txt"}:
        from accord.scenario.formats import read_table

        return read_table(path)
    if suffix not in {".yaml", ".yml", ".json"}:
        raise AccordError(
            Problem(
                "unknown file type",
                file=text,
                expected=".yaml, .yml, .json, .csv or .tsv",
                found=suffix or "no suffix",
            )
        )
    return load_text(_read_bytes(path), text, as_json=suffix == ".json")


def _read_bytes(path: Path) -> bytes:
    from accord.scenario.locate import MAX_BYTES

    size = path.stat().st_size
    if size > MAX_BYTES:
        raise AccordError(
            Problem(
                "file too large",
                file=str(path),
                expected=f"at most {MAX_BYTES // 2**20} MB",
                found=f"{size / 2**20:.1f} MB",
            )
        )
    try:
        return path.read_bytes()
    except OSError as err:
        raise AccordError(
            Problem(f"cannot read the file: {err.strerror}", file=str(path))
        ) from None


def load_text(raw: bytes | str, file: str = "<input>", *, as_json: bool = False) -> Scenario:
    """Parse and validate scenario text (YAML, or JSON with ``as_json``)."""
    if isinstance(raw, str):
        raw = raw.encode("utf-8")
    return validate_data(parse_text(raw, file, as_json=as_json))


def validate_data(located: Located | Any, file: str = "<input>") -> Scenario:
    """Validate plain data (optionally with positions) into a :class:`Scenario`."""
    if not isinstance(located, Located):
        located = Located(located, file)
    if not isinstance(located.data, dict):
        raise AccordError(
            Problem(
                "a scenario is a mapping of fields",
                file=located.file,
                line=1,
                expected="a mapping (id, title, actors, issues, ...)",
                found=type(located.data).__name__,
            )
        )
    try:
        scenario = Scenario.model_validate(located.data)
    except ValidationError as err:
        raise AccordError(_problems(err, located)) from None
    findings = check_scenario(scenario)
    if findings:
        raise AccordError(
            [located.problem(p, msg, expected=exp, found=fnd) for p, msg, exp, fnd in findings]
        )
    return scenario


def _problems(err: ValidationError, located: Located) -> list[Problem]:
    problems: list[Problem] = []
    seen: set[tuple[Any, ...]] = set()
    for e in err.errors(include_url=False):
        path = _data_path(located.data, e["loc"])
        if path in seen:  # one problem per field, even when a union tried several types
            continue
        seen.add(path)
        problems.append(_problem(e, path, located))
    return sorted(problems, key=lambda p: (p.line or 0, p.column or 0))


def _problem(e: Any, path: tuple[str | int, ...], located: Located) -> Problem:
    kind = e["type"]
    if kind == "extra_forbidden":
        allowed = _allowed_fields(path[:-1])
        guess = difflib.get_close_matches(str(path[-1]), allowed, n=1)
        hint = f"; did you mean {guess[0]!r}?" if guess else ""
        return located.problem(
            path, f"unknown field {path[-1]!r}{hint}", expected="one of: " + ", ".join(allowed)
        )
    if kind == "missing":
        return located.problem(path, "required field is missing")
    message = str(e["msg"]).removeprefix("Value error, ")
    found = _short(e.get("input"))
    return located.problem(path, message, found=found)


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _data_path(data: Any, loc: tuple[Any, ...]) -> tuple[str | int, ...]:
    """Keep the parts of a pydantic location that name real keys (dropping union tags)."""
    path: list[str | int] = []
    for i, part in enumerate(loc):
        if _has(data, part):
            data = data[part]
        elif i == len(loc) - 1 and isinstance(data, dict) and not _is_tag(str(part)):
            pass  # a missing or unknown key at the end
        else:
            continue
        path.append(part)
    return tuple(path)


def _has(data: Any, part: Any) -> bool:
    if isinstance(data, dict):
        return part in data
    return isinstance(data, list) and isinstance(part, int) and part < len(data)


def _is_tag(part: str) -> bool:
    return part[:1].isupper() or "[" in part or part in {"float", "str", "int", "bool"}


def _allowed_fields(path: tuple[str | int, ...]) -> list[str]:
    """Return the field names accepted at ``path`` in the scenario model."""
    tp: Any = Scenario
    for part in path:
        tp = _unwrap(tp)
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            field = tp.model_fields.get(str(part))
            tp = field.annotation if field else None
        else:
            args = typing.get_args(tp)
            tp = args[-1] if args else None
    tp = _unwrap(tp)
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return list(tp.model_fields)
    return []


def _unwrap(tp: Any) -> Any:
    """Strip ``Annotated`` and ``X | None``; pick the model member of a union."""
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            tp = typing.get_args(tp)[0]
        elif origin in (Union, types.UnionType):
            members = [a for a in typing.get_args(tp) if a is not type(None)]
            models = [a for a in members if isinstance(a, type) and issubclass(a, BaseModel)]
            tp = (models or members)[0]
        else:
            return tp


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """Block-style YAML with multi-line strings as literal blocks (libyaml's emitter if any)."""


def _str_presenter(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str_presenter)


def dump_yaml(data: Any) -> str:
    """Write plain data as YAML, keeping key order."""
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
