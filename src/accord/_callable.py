"""Packages that share their name with a facade function stay callable like it.

``accord.space`` and ``accord.brief`` are both facade functions and subpackages. Importing the
subpackage makes Python bind the attribute on ``accord`` to the package, hiding the function;
so each such package is made callable, doing what the facade does (load the scenario by name
or path if needed, then run the analysis).
"""

from __future__ import annotations

import sys
import types
from collections.abc import Callable
from typing import Any

from accord.scenario import Scenario, load

__all__ = ["make_callable"]


def make_callable(module_name: str, run: Callable[..., Any], default: str | None = None) -> None:
    """Make the package ``module_name`` callable as ``run(scenario, **params)``.

    Parameters
    ----------
    module_name
        The package's ``__name__``.
    run
        The analysis over a :class:`Scenario`.
    default
        The scenario used when the call names none (``None``: the call must name one).
    """

    class _CallablePackage(types.ModuleType):
        def __call__(self, scenario: Scenario | str | None = default, **params: Any) -> Any:
            if scenario is None:
                raise TypeError(f"{module_name}() needs a scenario")
            return run(scenario if isinstance(scenario, Scenario) else load(scenario), **params)

    sys.modules[module_name].__class__ = _CallablePackage
