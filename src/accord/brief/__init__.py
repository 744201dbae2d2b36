"""The briefing book: every analysis of a scenario, rendered for a principal.

:func:`brief` runs the analyses once through the public facade (:mod:`accord.brief.gather`),
hands their results to one small module per section (:mod:`accord.brief.sections`), and
returns a :class:`BriefResult` that renders to HTML, PDF, Markdown and JSON.

>>> import accord
>>> b = accord.brief("korea-2018", runs=20)
>>> [s.number for s in b.sections]
[1, 2, 3, 4, 5, 6, 7, 8, 9]
"""

from __future__ import annotations

import sys
import types
from pathlib import Path
from typing import Any

from accord.brief.assemble import DEFAULT_RUNS, brief
from accord.brief.result import BriefResult
from accord.scenario import Scenario, load

__all__ = ["DEFAULT_RUNS", "BriefResult", "brief"]


class _CallablePackage(types.ModuleType):
    """A package callable like the facade function ``accord.brief``, whose name it shares.

    Importing it makes Python bind the attribute ``accord.brief`` to the package, hiding the
    facade; calling the package does what the facade does, so ``accord.brief(...)`` works.
    """

    def __call__(
        self, scenario: Scenario | str | Path = "korea-2018", **params: Any
    ) -> BriefResult:
        s = scenario if isinstance(scenario, Scenario) else load(scenario)
        return brief(s, **params)


sys.modules[__name__].__class__ = _CallablePackage
