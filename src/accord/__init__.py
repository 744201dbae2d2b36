"""Accord: prepare a negotiating team for a high-stakes negotiation.

The public API is this facade; each function hands the work to the analysis package that owns
it and returns a frozen result object (``.to_dict()``, ``.to_frame()``).

>>> import accord
>>> s = accord.load("korea-2018")
>>> s.actor("usa").name
'United States'
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from accord.errors import AccordError, Problem
from accord.scenario import Scenario, builtin_names, load

if TYPE_CHECKING:  # the analyses load on first use: ``import accord`` stays fast
    from numpy.random import SeedSequence

    from accord.brief import BriefResult
    from accord.dynamics import SensitivityResult, SimulationResult
    from accord.feasibility import CheckResult
    from accord.models import Forecast
    from accord.space import OfferResult, SpaceResult

try:
    __version__ = version("accord")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0"

__all__ = [
    "AccordError",
    "Problem",
    "Scenario",
    "__version__",
    "brief",
    "builtin_names",
    "check",
    "forecast",
    "load",
    "offer",
    "sensitivity",
    "simulate",
    "space",
]


def _scenario(scenario: Scenario | str | Path) -> Scenario:
    return scenario if isinstance(scenario, Scenario) else load(scenario)


def forecast(
    scenario: Scenario | str | Path,
    model: str = "eum",
    *,
    runs: int = 0,
    seed: int | SeedSequence | None = 0,
    issues: Sequence[str] | None = None,
    **params: float,
) -> Forecast:
    """Forecast where bargaining lands on each issue (see :func:`accord.models.forecast`).

    ``model`` is a registered model name or ``"all"``; ``runs`` > 0 draws the uncertain
    inputs that many times for P10–P90 ranges; ``params`` are the model's own parameters.
    """
    from accord.models import forecast as run

    return run(_scenario(scenario), model, runs=runs, seed=seed, issues=issues, **params)


def space(
    scenario: Scenario | str | Path,
    *,
    actors: Sequence[str] | None = None,
    grid: int | Mapping[str, int] = 11,
    shape: float = 1.0,
    red_lines: Literal["hard", "penalty"] = "hard",
    penalty: float = 1.0,
    exclude: Sequence[Mapping[str, float | str]] = (),
    batna: Mapping[str, Mapping[str, float | str]] | None = None,
    method: Literal["auto", "merge", "enumerate"] = "auto",
    nash: Literal["symmetric", "capability"] = "symmetric",
    zopa: bool = True,
    trades: bool = True,
    seed: int = 0,
) -> SpaceResult:
    """Map the agreement space: ZOPA, Pareto frontier, solutions (see :func:`accord.space.space`).

    ``nash`` picks the Nash bargaining *solution* of the space (Nash 1950), not the ``nash``
    forecasting model of :func:`forecast`.
    """
    from accord.space.analysis import analyse

    return analyse(
        _scenario(scenario),
        actors=actors,
        grid=grid,
        shape=shape,
        red_lines=red_lines,
        penalty=penalty,
        exclude=exclude,
        batna=batna,
        method=method,
        nash=nash,
        zopa=zopa,
        trades=trades,
        seed=seed,
    ).result


def offer(
    scenario: Scenario | str | Path,
    package: str | Mapping[str, float | str],
    *,
    nearest: int = 3,
    actors: Sequence[str] | None = None,
    grid: int | Mapping[str, int] = 11,
    red_lines: Literal["hard", "penalty"] = "hard",
    shape: float = 1.0,
) -> OfferResult:
    """Test one offer (a deal id or issue -> value) against the agreement space."""
    from accord.space import offer as run

    return run(
        _scenario(scenario),
        package,
        nearest=nearest,
        actors=actors,
        grid=grid,
        red_lines=red_lines,
        shape=shape,
    )


def check(
    scenario: Scenario | str | Path,
    deal: str | None = None,
    *,
    runs: int = 2000,
    seed: int | SeedSequence | None = 0,
    **constants: float,
) -> CheckResult:
    """Judge every clause of a deal (see :func:`accord.feasibility.check`).

    ``constants`` override the deal check's model constants by name.
    """
    from accord.feasibility import check as run

    return run(_scenario(scenario), deal, runs=runs, seed=seed, **constants)


def simulate(
    scenario: Scenario | str | Path,
    deal: str | Sequence[str] | None = None,
    *,
    runs: int = 20_000,
    horizon: int | None = None,
    seed: int | SeedSequence = 0,
    executor: Literal["local", "dask"] = "local",
    workers: int = 1,
    scheduler: str | None = None,
    params: Mapping[str, Any] | None = None,
    bands: bool = True,
    arms: bool = False,
    progress: Callable[[int, int], None] | None = None,
    checks: Mapping[str, CheckResult] | None = None,
) -> SimulationResult:
    """Simulate what happens after signing (see :func:`accord.dynamics.simulate`).

    Pass ``checks`` (deal id -> :func:`check` result) to simulate from the deal check you
    already ran, so both show the same numbers.
    """
    from accord.dynamics import simulate as run

    return run(
        _scenario(scenario),
        deal,
        runs=runs,
        horizon=horizon,
        seed=seed,
        executor=executor,
        workers=workers,
        scheduler=scheduler,
        params=params,
        bands=bands,
        arms=arms,
        progress=progress,
        checks=checks,
    )


def sensitivity(
    scenario: Scenario | str | Path,
    deal: str | Sequence[str] | None = None,
    *,
    method: Literal["sobol", "morris"] = "sobol",
    outputs: Sequence[str] = ("p_conflict",),
    samples: int | None = None,
    reps: int = 32,
    horizon: int | None = None,
    seed: int = 0,
    params: Mapping[str, Any] | None = None,
    arms: bool = False,
    progress: Callable[[int, int], None] | None = None,
    checks: Mapping[str, CheckResult] | None = None,
    sweep_reps: int | None = None,
) -> SensitivityResult:
    """Find which assumptions drive the simulated outcome (:func:`accord.dynamics.sensitivity`).

    Pass ``checks`` as for :func:`simulate`.
    """
    from accord.dynamics import sensitivity as run

    return run(
        _scenario(scenario),
        deal,
        method=method,
        outputs=outputs,
        samples=samples,
        reps=reps,
        horizon=horizon,
        seed=seed,
        params=params,
        arms=arms,
        progress=progress,
        checks=checks,
        sweep_reps=sweep_reps,
    )


def brief(
    scenario: Scenario | str | Path = "korea-2018",
    *,
    deals: Sequence[str] | None = None,
    runs: int | None = None,
    seed: int = 0,
    side: str | None = None,
    forecast_runs: int | None = None,
    check_runs: int | None = None,
) -> BriefResult:
    """Assemble the briefing book (see :func:`accord.brief.brief`); ``None``: its default."""
    from accord.brief import brief as run

    given = {
        k: v
        for k, v in (("runs", runs), ("forecast_runs", forecast_runs), ("check_runs", check_runs))
        if v is not None
    }
    return run(_scenario(scenario), deals=deals, seed=seed, side=side, **given)


#: The facade functions whose names are also packages (see :mod:`accord._callable`).
_FACADE: dict[str, Callable[..., Any]] = {"space": space, "brief": brief}


def _show_in_jupyter() -> None:
    from accord._jupyter import register

    register()


_show_in_jupyter()
