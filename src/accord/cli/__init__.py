"""Command-line interface: ``accord <command>``.

Each command lives in its own small module and only calls the public facade; this module
registers them and turns errors into messages and exit codes: 0 success, 2 a user error (every
problem listed, no traceback), 70 an internal error (a bug, with where to report it), 130
interrupted.
"""

from __future__ import annotations

import sys

# Each import registers that module's commands; add one line per command module.
from accord.cli import (  # noqa: F401
    backtest,
    backtest_agreements,
    backtest_deu3,
    brief,
    check,
    forecast,
    scenario_cmds,
    simulate,
    space,
)
from accord.cli.app import app, err_console, report_problems
from accord.errors import BUG_REPORT_URL, AccordError

__all__ = ["app", "main"]


def main(argv: list[str] | None = None) -> None:
    """Run the CLI and exit with its status."""
    sys.exit(run(argv))


def run(argv: list[str] | None = None) -> int:
    """Run the CLI and return the exit status (0, 2, 70 or 130)."""
    as_json = "--json" in (argv if argv is not None else sys.argv[1:])
    try:
        app(args=argv, prog_name="accord")  # standalone: usage errors exit 2 by themselves
    except SystemExit as done:
        code = done.code
        return code if isinstance(code, int) else (0 if code is None else 1)
    except AccordError as err:
        report_problems(err, as_json=as_json)
        return 2
    except KeyboardInterrupt:
        err_console.print("interrupted; nothing was written")
        return 130
    except Exception as err:
        err_console.print(
            f"[bold red]internal error:[/] {type(err).__name__}: {err}\n"
            f"This is a bug in Accord, not in your input. Please report it to {BUG_REPORT_URL} "
            "with the command you ran (run with ACCORD_DEBUG=1 for the full traceback).",
            highlight=False,
        )
        if _debug():
            raise
        return 70
    return 0


def _debug() -> bool:
    import os

    return os.environ.get("ACCORD_DEBUG") == "1"
