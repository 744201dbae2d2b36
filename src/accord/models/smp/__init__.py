"""KTAB's Spatial Model of Politics (SMP), reproducing KAPSARC's ``smpc`` turn for turn.

Multi-dimensional bargaining model of Wise, Lester, Efird et al. (KAPSARC Toolkit for
Behavioral Analysis), specified in ``shared/design/SMP.md``; see ``docs/explanation/smp.md``.

- :func:`smp_run` — run a scenario's issues jointly; returns an :class:`SmpResult`;
- :func:`run_smp` — the same on plain unit-scale arrays; returns an :class:`SmpRun`;
- :class:`SpatialModelOfPolitics` — the ``smp`` model of ``accord.forecast``.
"""

from accord.models.smp.model import SpatialModelOfPolitics
from accord.models.smp.result import SmpResult, smp_run
from accord.models.smp.run import SmpRun, run_smp

__all__ = ["SmpResult", "SmpRun", "SpatialModelOfPolitics", "run_smp", "smp_run"]
