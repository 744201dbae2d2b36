"""Command-line interface: ``accord <command>``.

Each command lives in its own small module and only calls the public facade; this module
registers them and turns errors into messages and exit codes: 0 success, 2 a user error (every
problem listed, no traceback), 70 an internal error (a bug, with where to report it), 130
interrupted.
"""

from __future__ import annotations

import sys
import warnings
from collections.abc import Iterator
from contextlib import contextmanager

import numpy as np
import typer

# Each import registers that module's commands; add one line per command module.
from accord.cli import (  # noqa: F401
    backtest,
    backtest_agreements,
    backtest_deu3,
    brief,
    check,
    elicit,
    forecast,
    scenario_cmds,
    serve,
    simulate,
    space,
)
from accord.cli.app import app, err_console, report_problems, styled
from accord.errors import BUG_REPORT_URL, AccordError, Problem

__all__ = ["app", "main"]


def main(argv: list[str] | None = None) -> None:
    """Run the CLI and exit with its status."""
    sys.exit(run(argv))


def run(argv: list[str] | None = None) -> int:
    """Run the CLI and return the exit status (0, 2, 70 or 130)."""
    args = list(argv if argv is not None else sys.argv[1:])
    as_json = "--json" in args
    try:
        with _quiet_numpy():
            code = app(args=args, prog_name="accord", standalone_mode=False)
    except SystemExit as done:
        code = done.code
        return code if isinstance(code, int) else (0 if code is None else 1)
    except AccordError as err:
        report_problems(err, as_json=as_json)
        return 2
    except _CLICK_ERROR as err:
        return _usage(err, args, as_json)
    except (KeyboardInterrupt, _ABORT):
        err_console.print("interrupted; nothing was written")
        return 130
    except Exception as err:
        err_console.print(
            styled(
                ("internal error:", "bold red"),
                f" {type(err).__name__}: {err}\n"
                f"This is a bug in Accord, not in your input. Please report it to "
                f"{BUG_REPORT_URL} with the command you ran (run with ACCORD_DEBUG=1 for the "
                "full traceback).",
            ),
            highlight=False,
        )
        if _debug():
            raise
        return 70
    return code if isinstance(code, int) else 0


@contextmanager
def _quiet_numpy() -> Iterator[None]:
    """Keep numpy's floating-point RuntimeWarnings (with source paths) off the user's screen.

    Local to this call: the warning filters and numpy's error state are restored afterwards.
    Results are still checked for NaN and infinity before anything is printed.
    """
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore", RuntimeWarning)
        yield


# typer ships its own copy of click; reach its exception types through typer's public names
_CLICK_ERROR: type[Exception] = next(
    c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException"
)
_ABORT: type[BaseException] = typer.Abort


def _usage(err: Exception, args: list[str], as_json: bool) -> int:
    """Report a command-line usage error (bad option value, unknown option) as a problem."""
    code = int(getattr(err, "exit_code", 2))
    message = str(getattr(err, "format_message", lambda: str(err))())
    if not message:  # no arguments at all: the help was printed
        return code
    report_problems(AccordError(_usage_problem(err, message, args)), as_json=as_json)
    return code


def _usage_problem(err: Exception, message: str, args: list[str]) -> Problem:
    param = getattr(err, "param", None)
    opts = list(getattr(param, "opts", []) or [])
    if not opts:
        return Problem(message, expected="see `accord --help` or `accord COMMAND --help`")
    name = opts[0]
    reason = message.split(": ", 1)[-1].removeprefix("Input should be ")
    given = [args[i + 1] for i, a in enumerate(args[:-1]) if a in opts]
    given += [a.split("=", 1)[1] for a in args if "=" in a and a.split("=", 1)[0] in opts]
    return Problem(
        "invalid value",
        path=name,
        expected=reason[:1].lower() + reason[1:],
        found=repr(given[-1]) if given else None,
    )


def _debug() -> bool:
    import os

    return os.environ.get("ACCORD_DEBUG") == "1"
