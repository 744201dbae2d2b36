"""The typer application and what every command shares: output, errors, scenario lookup."""

from __future__ import annotations

import json
import math
import os
import secrets
import sys
from pathlib import Path
from typing import Annotated, Any

import numpy as np
import typer
from rich.console import Console
from rich.text import Text

from accord.errors import AccordError, Problem

__all__ = [
    "ScenarioArg",
    "app",
    "console",
    "err_console",
    "print_json",
    "refuse_non_finite",
    "styled",
    "write_atomic",
]

app = typer.Typer(
    name="accord",
    help="Prepare a negotiating team: forecast, map the agreement space, check deals, "
    "simulate what follows, and write the briefing.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # help text is literal: "accord[pdf]" is not a markup tag
    add_completion=False,
)
# Markup off: text from a scenario ("[/x]", ":smile:") prints literally; our own styling goes
# through styled(), which builds rich Text objects instead of markup strings.
console = Console(emoji=False, markup=False)
err_console = Console(stderr=True, emoji=False, markup=False)


def styled(*parts: str | tuple[str, str]) -> Text:
    """Join plain strings and ``(text, style)`` pairs into one literal rich Text."""
    return Text.assemble(*parts)


ScenarioArg = Annotated[
    str,
    typer.Argument(help="A built-in scenario name (see `accord scenarios`) or a file path."),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print only JSON on stdout.")]


def print_json(data: Any) -> None:
    """Print ``data`` as JSON on stdout, nothing else (never NaN or infinity)."""
    refuse_non_finite(data)
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False) + "\n")


def refuse_non_finite(data: Any, what: str = "the analysis") -> None:
    """Raise :class:`AccordError` if ``data`` holds NaN or infinity anywhere.

    Validation bounds every input to magnitudes the models compute with, so this is a last
    guard: a result with a non-finite number is refused, never printed.
    """
    bad = _non_finite_paths(data)
    if bad:
        raise AccordError(
            [
                Problem(
                    f"{what} produced a number that is not finite; the inputs are beyond what "
                    "the model can compute (narrow the scales or capabilities)",
                    path=path,
                    expected="a finite number",
                    found=found,
                )
                for path, found in bad[:5]
            ]
        )


def _non_finite_paths(data: Any) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    stack: list[tuple[str, Any]] = [("", data)]
    while stack and len(out) < 5:
        path, item = stack.pop()
        if isinstance(item, float) and not math.isfinite(item):
            out.append((path or "result", repr(item)))
        elif isinstance(item, dict):
            stack.extend((f"{path}.{k}" if path else str(k), v) for k, v in item.items())
        elif isinstance(item, list | tuple):
            stack.extend((f"{path}[{i}]", v) for i, v in enumerate(item))
        elif hasattr(item, "dtype") and item.dtype.kind == "f" and not np.isfinite(item).all():
            out.append((path or "result", "an array with NaN or infinity"))
    return sorted(out)


def write_atomic(path: Path, content: str | bytes) -> None:
    """Write a file in one step: to a temporary file beside it, synced to disk, then rename.

    The temporary file is created with mode 0o666, which the operating system narrows by the
    process's umask: the usual mode of a new file, without reading or changing the umask.
    A path that cannot be written (no permission, a folder in the way, a full disk) is the
    user's to fix: it raises :class:`AccordError` naming the path, and nothing is left behind.
    """
    data = content.encode("utf-8") if isinstance(content, str) else content
    tmp = path.parent / f".{path.name}.{secrets.token_hex(6)}.tmp"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except OSError as err:
        raise _unwritable(path, err) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())  # on disk before the rename makes it visible
        os.replace(tmp, path)
        _fsync_folder(path.parent)
    except BaseException as err:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(err, OSError):
            raise _unwritable(path, err) from None
        raise


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX; a no-op where folders cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _unwritable(path: Path, err: OSError) -> AccordError:
    return AccordError(
        Problem(
            "cannot write the output file",
            file=str(path),
            expected="a writable file path",
            found=err.strerror or type(err).__name__,
        )
    )


def report_problems(err: AccordError, *, as_json: bool = False) -> None:
    """Print every problem of a user error, readably (stderr) or as JSON (stdout)."""
    if as_json:
        print_json({"ok": False, "problems": [p.to_dict() for p in err.problems]})
        return
    noun = "problem" if len(err.problems) == 1 else "problems"
    err_console.print(
        styled(("error:", "bold red"), f" {len(err.problems)} {noun} found"), highlight=False
    )
    for p in err.problems:
        err_console.print(f"  {p}", highlight=False, markup=False, soft_wrap=True)
