"""Models registered by name: ``@register``, :func:`get`, :func:`create`, :func:`names`.

>>> from accord.models import registry
>>> "weighted-mean" in registry.names()
True
>>> registry.create("nash", k=2).params()["k"]
2.0
"""

from __future__ import annotations

import inspect
from typing import Any, TypeVar

from accord.errors import AccordError, Problem
from accord.models.base import Model

__all__ = ["accepted_params", "create", "get", "names", "register"]

_MODELS: dict[str, type[Model]] = {}
M = TypeVar("M", bound=type[Model])


def register(cls: M) -> M:
    """Class decorator: make the model available under ``cls.name``."""
    if not cls.name:
        raise TypeError(f"{cls.__name__} needs a class attribute 'name'")
    if cls.name in _MODELS and _MODELS[cls.name] is not cls:
        raise TypeError(f"a model named {cls.name!r} is already registered")
    _MODELS[cls.name] = cls
    return cls


def names() -> list[str]:
    """Return the registered model names, in registration order."""
    return list(_MODELS)


def get(name: str) -> type[Model]:
    """Return the model class registered as ``name``."""
    try:
        return _MODELS[name]
    except KeyError:
        raise AccordError(
            Problem(
                "unknown model",
                path="model",
                expected="one of: " + ", ".join(names()) + " or all",
                found=repr(name),
            )
        ) from None


def accepted_params(name: str) -> list[str]:
    """Keyword parameters the model's constructor accepts."""
    sig = inspect.signature(get(name).__init__)
    return [p for p in sig.parameters if p != "self"]


def create(name: str, **params: Any) -> Model:
    """Build the model ``name`` with ``params``; unknown parameters are a user error."""
    allowed = accepted_params(name)
    unknown = sorted(set(params) - set(allowed))
    if unknown:
        raise AccordError(
            [
                Problem(
                    f"unknown parameter for model {name!r}",
                    path=k,
                    expected="one of: " + (", ".join(allowed) or "none"),
                    found=repr(k),
                )
                for k in unknown
            ]
        )
    return get(name)(**params)
