"""The protocol every forecasting model follows.

How to write a model (a short note for plug-in authors)
--------------------------------------------------------
1. Subclass :class:`Model` in its own module under ``accord/models/`` and decorate the class
   with :func:`accord.models.registry.register`. Set the class attribute ``name`` (the name
   users type: ``--model eum``) and ``title`` (one line, with the source it implements).
2. Parameters go in ``__init__`` as keyword arguments with documented defaults; check them
   there and raise :class:`~accord.errors.AccordError` for a bad value. Do no work in
   ``__init__``. :meth:`Model.params` returns them as plain data (by default every
   ``__init__`` keyword read back from the attribute of the same name).
3. Implement :meth:`Model.solve`, a pure function of a :class:`Batch` (``B`` one-dimensional
   problems over up to ``n`` actors, padded: ``present`` marks who takes part in each row)
   returning a :class:`Solution`: one forecast per row, plus, if the model has rounds, one
   trajectory per row (a list of plain dicts, e.g. ``{"round": 1, "median": .., "mean": ..}``
   or ``{"turn": 1, "positions": {actor_id: x}}``). Rows are issues of a scenario, draws of
   an uncertainty run, or DEU III issues in a backtest: vectorise over rows where the model
   allows; a model that cannot may loop over rows (see :meth:`Batch.row`). Absent actors
   carry capability 0, salience 0 and position NaN; never let them move a forecast.
   Trajectories are requested only when ``want_trajectory`` is true (skip the work else).
4. Import the module in ``accord/models/__init__.py`` (the marked import block) so it
   registers itself. The contract suite in ``tests/models/test_contract.py`` then runs
   against it: any scenario in, one finite forecast per issue inside the issue's scale,
   deterministic for a seed, invariant to actor order.

:meth:`Model.forecast` (scenario in, :class:`~accord.models.result.Forecast` out) is provided
here and handles the scenario, uncertainty draws and percentiles for every model.
"""

from __future__ import annotations

import inspect
from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

import numpy as np
from numpy.typing import NDArray

if TYPE_CHECKING:
    from accord.models.result import Forecast
    from accord.scenario.model import Scenario

__all__ = ["Batch", "Model", "Row", "Solution"]

FloatArray = NDArray[np.float64]
BoolArray = NDArray[np.bool_]


@dataclass(frozen=True)
class Row:
    """One problem of a batch with only the actors taking part (plain arrays)."""

    actors: tuple[str, ...]
    capability: FloatArray
    position: FloatArray
    salience: FloatArray
    lo: float
    hi: float
    reference: float | None
    context: Mapping[str, Any]


@dataclass(frozen=True, eq=False)
class Batch:
    """``B`` one-dimensional bargaining problems over up to ``n`` actors, padded.

    Attributes
    ----------
    actors
        Actor ids, one per column (``n``).
    capability, position, salience
        ``(B, n)`` arrays; absent actors hold 0, NaN and 0.
    present
        ``(B, n)``: whether the actor takes part in that row.
    lo, hi
        ``(B,)`` ends of each row's scale.
    reference
        ``(B,)`` reference point (status quo), NaN where none is known.
    issues
        Issue id of each row (``B``).
    contexts
        The scenario's ``context`` mapping, one per row.
    """

    actors: tuple[str, ...]
    capability: FloatArray
    position: FloatArray
    salience: FloatArray
    present: BoolArray
    lo: FloatArray
    hi: FloatArray
    reference: FloatArray
    issues: tuple[str, ...]
    contexts: tuple[Mapping[str, Any], ...] = field(default=())

    @property
    def size(self) -> int:
        """Number of rows ``B``."""
        return int(self.position.shape[0])

    def row(self, b: int) -> Row:
        """Row ``b`` with only the actors taking part (for models that loop over rows)."""
        keep = self.present[b]
        return Row(
            actors=tuple(a for a, k in zip(self.actors, keep, strict=True) if k),
            capability=self.capability[b, keep],
            position=self.position[b, keep],
            salience=self.salience[b, keep],
            lo=float(self.lo[b]),
            hi=float(self.hi[b]),
            reference=None if np.isnan(self.reference[b]) else float(self.reference[b]),
            context=self.contexts[b] if self.contexts else {},
        )

    def take(self, rows: Sequence[int] | NDArray[np.intp]) -> Batch:
        """Return a batch of the selected rows."""
        idx = np.asarray(rows, dtype=np.intp)
        return Batch(
            actors=self.actors,
            capability=self.capability[idx],
            position=self.position[idx],
            salience=self.salience[idx],
            present=self.present[idx],
            lo=self.lo[idx],
            hi=self.hi[idx],
            reference=self.reference[idx],
            issues=tuple(self.issues[i] for i in idx),
            contexts=tuple(self.contexts[i] for i in idx) if self.contexts else (),
        )


@dataclass(frozen=True, eq=False)
class Solution:
    """What :meth:`Model.solve` returns for a batch.

    Attributes
    ----------
    forecast
        ``(B,)`` forecast of each row, on the row's scale.
    trajectory
        One list of plain dicts per row (rounds or turns), or ``None``.
    """

    forecast: FloatArray
    trajectory: tuple[tuple[dict[str, Any], ...], ...] | None = None


class Model(ABC):
    """A forecasting model: parameters in the constructor, work in :meth:`solve`."""

    name: ClassVar[str] = ""
    title: ClassVar[str] = ""

    def params(self) -> dict[str, Any]:
        """Return the model's parameters as plain data (``__init__`` keywords)."""
        keys = [p for p in inspect.signature(type(self).__init__).parameters if p != "self"]
        return {k: getattr(self, k) for k in keys if hasattr(self, k)}

    @abstractmethod
    def solve(self, batch: Batch, *, want_trajectory: bool = False) -> Solution:
        """Forecast every row of ``batch`` (see the module docstring)."""

    def forecast(
        self,
        scenario: Scenario,
        *,
        runs: int = 0,
        seed: int | np.random.SeedSequence | None = 0,
        issues: Sequence[str] | None = None,
    ) -> Forecast:
        """Forecast every issue of ``scenario``; with ``runs`` > 0 also P10/P50/P90.

        Parameters
        ----------
        scenario
            The negotiation.
        runs
            Number of uncertainty draws (0: point estimates only).
        seed
            Seed of the draws (int or ``SeedSequence``).
        issues
            Issue ids to forecast (default: every issue with at least one stance).
        """
        from accord.models.run import run_models

        return run_models(scenario, [self], runs=runs, seed=seed, issues=issues)

    def __repr__(self) -> str:
        args = ", ".join(f"{k}={v!r}" for k, v in self.params().items())
        return f"{type(self).__name__}({args})"
