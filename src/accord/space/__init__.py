"""The agreement space: which deals exist, which waste nothing, where a fair bargain sits.

``space(scenario, ...)`` builds every package of a grid over the issues, each actor's additive
utility, the ZOPA, the exact Pareto frontier (by a dominance-preserving merge, or by
enumeration), the Nash, Kalai–Smorodinsky, utilitarian and egalitarian solutions, and pairwise
logrolls. ``offer(scenario, package)`` judges one package against that space. See
``docs/explanation/agreement-space.md`` for the model and its sources.
"""

from __future__ import annotations

from accord._callable import make_callable
from accord.space.analysis import space
from accord.space.offer import offer
from accord.space.result import FrontierPoint, OfferResult, Solution, SpaceResult, Trade

__all__ = ["FrontierPoint", "OfferResult", "Solution", "SpaceResult", "Trade", "offer", "space"]


make_callable(__name__, space)  # see accord._callable
