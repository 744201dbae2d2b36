"""Packages that share their name with a facade function stay callable like it.

``accord.space`` and ``accord.brief`` are both facade functions and subpackages. Importing the
subpackage makes Python bind the attribute on ``accord`` to the package, hiding the function;
so each such package is made callable, and a call hands its arguments to the facade function
of the same name (kept in ``accord._FACADE``), whose explicit signature it also shows
(``inspect.signature(accord.space)``, Jupyter's ``accord.space?``).
"""

from __future__ import annotations

import inspect
import sys
import types
from collections.abc import Callable
from typing import Any

from accord.scenario import Scenario, load

__all__ = ["make_callable"]


def make_callable(module_name: str, run: Callable[..., Any], default: str | None = None) -> None:
    """Make the package ``module_name`` callable like the facade function of its name.

    Parameters
    ----------
    module_name
        The package's ``__name__`` (``accord.<name>``).
    run
        The analysis over a :class:`Scenario`, used when the facade has no function of that
        name.
    default
        The scenario used by ``run`` when the call names none (``None``: it must name one).
    """
    facade = _facade(module_name)

    class _CallablePackage(types.ModuleType):
        def __call__(self, *args: Any, **params: Any) -> Any:
            if facade is not None:
                return facade(*args, **params)
            scenario = args[0] if args else params.pop("scenario", default)
            if scenario is None:
                raise TypeError(f"{module_name}() needs a scenario")
            return run(scenario if isinstance(scenario, Scenario) else load(scenario), **params)

    module = sys.modules[module_name]
    module.__class__ = _CallablePackage
    if facade is not None:
        module.__signature__ = inspect.signature(facade)  # type: ignore[attr-defined]


def _facade(module_name: str) -> Callable[..., Any] | None:
    root = sys.modules.get("accord")
    table = getattr(root, "_FACADE", {}) if root is not None else {}
    found = table.get(module_name.rpartition(".")[2])
    return found if callable(found) else None
