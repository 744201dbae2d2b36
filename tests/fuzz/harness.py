"""Push one scenario through ``accord validate`` and, if it validates, every analysis.

Each command runs in-process through :func:`accord.cli.run` with tiny settings; its exit code
must be 0 (a result) or 2 (a located user error), never 1 or 70, and every ``--json`` answer
must parse as JSON without NaN or infinity. Used by the bounded test in this folder and by
the long campaign (``python -m tests.fuzz.campaign``).
"""

from __future__ import annotations

import contextlib
import io
import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from accord.cli import run
from accord.cli.preflight import preflight
from accord.errors import AccordError
from accord.scenario import load_text

__all__ = ["ANALYSES", "BRIEF", "CrashError", "Outcome", "exercise"]

ANALYSES: tuple[tuple[str, ...], ...] = (
    ("forecast", "--runs", "3", "--json"),
    ("space", "--json"),
    ("check", "--runs", "20", "--json"),
    ("simulate", "--runs", "50", "--horizon", "3", "--json"),
    ("sensitivity", "--samples", "4", "--reps", "2", "--horizon", "3", "--json"),
)
BRIEF = ("brief", "--runs", "50", "--format", "json,md,html", "--json")


@dataclass
class Outcome:
    """What happened to one scenario: validated or not, and each analysis's exit code."""

    valid: bool
    codes: dict[str, int] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    refusals: dict[str, str] = field(default_factory=dict)


class CrashError(AssertionError):
    """An exit code other than 0 or 2, or output that is not finite JSON."""


def exercise(data: Any, folder: Path, *, analyse: bool = True, brief: bool = False) -> Outcome:
    """Validate ``data`` (written as YAML) and run the analyses on it; raise :class:`CrashError`."""
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    if not analyse:  # what `accord validate` does, without building the CLI for each call
        return Outcome(valid=_validates(text))
    path = folder / "fuzz.yaml"
    path.write_text(text)
    code, _, _ = _call(["validate", str(path)])
    outcome = Outcome(valid=code == 0)
    if not outcome.valid:
        return outcome
    commands = [*ANALYSES, *((BRIEF,) if brief else ())]
    for command in commands:
        argv = [command[0], str(path), *command[1:]]
        if command is BRIEF:
            argv += ["--out", str(folder / "brief")]
        start = time.perf_counter()
        code, out, err = _call(argv)
        outcome.seconds[command[0]] = time.perf_counter() - start
        outcome.codes[command[0]] = code
        if code == 2:
            outcome.refusals[command[0]] = _first_problem(out, err)
        elif code == 0:
            _finite_json(out, argv)
    return outcome


def _validates(text: str) -> bool:
    try:
        scenario = load_text(text, "fuzz.yaml")
    except AccordError as err:
        if not err.problems or not str(err):
            raise CrashError("an AccordError without problems") from None
        return False
    except Exception as err:
        raise CrashError(f"validate raised {type(err).__name__}: {err}") from err
    return not preflight(scenario)


def _first_problem(out: str, err: str) -> str:
    """The first problem's message of a refusal (JSON on stdout, or text on stderr)."""
    try:
        return str(json.loads(out)["problems"][0]["message"])
    except (ValueError, KeyError, IndexError, TypeError):
        lines = [line.strip() for line in err.splitlines() if line.startswith("  ")]
        return lines[0] if lines else err.strip()


def _call(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = run(argv)
    if code not in (0, 2):
        raise CrashError(f"exit {code} from accord {' '.join(argv)}:\n{err.getvalue()[-2000:]}")
    return code, out.getvalue(), err.getvalue()


def _finite_json(text: str, argv: list[str]) -> None:
    def refuse(name: str) -> None:
        raise CrashError(f"{name} in the JSON of accord {' '.join(argv)}")

    try:
        json.loads(text, parse_constant=refuse)
    except json.JSONDecodeError as err:
        raise CrashError(f"not JSON from accord {' '.join(argv)}: {err}") from None
