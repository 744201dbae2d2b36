"""The agreement space: which deals exist, which waste nothing, where a fair bargain sits.

``space(scenario, ...)`` builds every package of a grid over the issues, each actor's additive
utility, the ZOPA, the exact Pareto frontier (by a dominance-preserving merge, or by
enumeration), the Nash, Kalai–Smorodinsky, utilitarian and egalitarian solutions, and pairwise
logrolls. ``offer(scenario, package)`` judges one package against that space. See
``docs/explanation/agreement-space.md`` for the model and its sources.
"""

from __future__ import annotations

import sys
import types
from pathlib import Path
from typing import Any

from accord.scenario import Scenario, load
from accord.space.analysis import space
from accord.space.offer import offer
from accord.space.result import FrontierPoint, OfferResult, Solution, SpaceResult, Trade

__all__ = ["FrontierPoint", "OfferResult", "Solution", "SpaceResult", "Trade", "offer", "space"]


class _CallablePackage(types.ModuleType):
    """Answer calls to the package, which shares its name with the facade function ``accord.space``.

    Importing it makes Python bind ``accord.space`` to the package, hiding the facade; calling
    the package therefore does what the facade does, so ``accord.space(...)`` always works.
    """

    def __call__(self, scenario: Scenario | str | Path, **params: Any) -> SpaceResult:
        s = scenario if isinstance(scenario, Scenario) else load(scenario)
        return space(s, **params)


sys.modules[__name__].__class__ = _CallablePackage
