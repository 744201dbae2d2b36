"""The one exception type a user can cause, and the problems it carries.

Every mistake a user can make (a bad file, an unknown actor, an impossible parameter) raises
:class:`AccordError` carrying *all* the problems found, each with the file, line and column,
the field path, what was expected and what was found. The CLI prints them and exits 2.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

__all__ = ["AccordError", "Problem"]

BUG_REPORT_URL = "the Accord issue tracker (see README, 'Reporting a bug')"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input.

    Parameters
    ----------
    message
        What is wrong, in a sentence.
    path
        Dotted field path, e.g. ``stances.dprk.nuclear_arsenal.salience``; empty for the file.
    file
        The file it was found in, if any.
    line, column
        1-based position in the file, if known.
    expected, found
        What was expected and what was found, if the problem is about one value.
    """

    message: str
    path: str = ""
    file: str | None = None
    line: int | None = None
    column: int | None = None
    expected: str | None = None
    found: str | None = None

    def where(self) -> str:
        """Return ``file:line:column`` (as much of it as is known)."""
        parts = [self.file or "<input>"]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def __str__(self) -> str:
        # a problem with a command-line parameter has no file: no location prefix then
        text = f"{self.where()}: " if self.file or self.line is not None else ""
        if self.path:
            text += f"{self.path}: "
        text += self.message
        if self.expected is not None:
            text += f" (expected {self.expected}"
            text += f", found {self.found})" if self.found is not None else ")"
        elif self.found is not None:
            text += f" (found {self.found})"
        return text

    def to_dict(self) -> dict[str, object]:
        """Return the problem as plain data (for ``--json``)."""
        return {k: v for k, v in self.__dict__.items() if v is not None}


@dataclass
class AccordError(Exception):
    """A user-caused error carrying every problem found.

    Parameters
    ----------
    problems
        All the problems found; at least one.
    """

    problems: list[Problem] = field(default_factory=list)

    def __init__(self, problems: Problem | str | Iterable[Problem]) -> None:
        if isinstance(problems, str):
            problems = [Problem(problems)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems = list(problems)
        super().__init__(str(self))

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)
