"""Put a brief together: settings, analyses, then the sections in the order of issue 6."""

from __future__ import annotations

from collections.abc import Sequence

import accord
from accord.brief.articles import the, with_articles
from accord.brief.blocks import Section
from accord.brief.context import Context, counterpart
from accord.brief.gather import Settings, gather
from accord.brief.labels import Labels
from accord.brief.result import BriefResult
from accord.brief.sections import (
    after,
    bluf,
    deals,
    issues,
    parties,
    sensitivity,
    sources,
    space,
    talking,
)
from accord.errors import AccordError, Problem
from accord.scenario.model import Scenario

__all__ = ["CHECK_RUNS", "DEFAULT_RUNS", "FORECAST_RUNS", "brief"]

#: Monte Carlo runs of the simulation by default: standard error of a probability at most
#: 0.7 points, and the whole brief under 10 s cold (benchmarks/brief.md).
DEFAULT_RUNS = 5000
#: Joint draws of the deal check: the default of ``accord check``, so that the brief and the
#: command show the same numbers for the same seed.
CHECK_RUNS = 2000
#: Draws of the uncertain inputs for the forecast ranges (the spatial model is the costly one).
FORECAST_RUNS = 50


def brief(
    scenario: Scenario,
    *,
    deals: Sequence[str] | None = None,
    runs: int = DEFAULT_RUNS,
    seed: int = 0,
    side: str | None = None,
    forecast_runs: int = FORECAST_RUNS,
    check_runs: int = CHECK_RUNS,
) -> BriefResult:
    """Write the briefing book for ``scenario``.

    Parameters
    ----------
    scenario
        The negotiation (the facade :func:`accord.brief` also takes a name or a path).
    deals
        Ids of the candidate deals to examine (default: every deal in the scenario).
    runs
        Monte Carlo runs of the post-signing simulation.
    seed
        Seed of every random draw; the same seed gives the same brief.
    side
        Id of the actor the brief is written for (default: the first actor listed).
    forecast_runs
        Draws of the uncertain inputs behind each forecast's P10–P90 range.
    check_runs
        Joint draws of the deal check (run once; the simulation, the sensitivity analysis
        and the recommendation all read its results).

    Returns
    -------
    BriefResult
        The nine sections; ``.to_html()``, ``.to_pdf()``, ``.to_markdown()``, ``.to_json()``.
    """
    settings = _settings(scenario, deals, (runs, check_runs, forecast_runs), seed, side)
    analyses = gather(scenario, settings)
    ctx = Context(
        scenario, analyses, settings, Labels(scenario), counterpart(scenario, settings.side)
    )
    sections = with_articles(_sections(ctx), [a.name for a in scenario.actors])
    meta = {
        **settings.to_dict(),
        "version": accord.__version__,
        "date": scenario.date.isoformat() if scenario.date else None,
        "side_name": ctx.labels.actor(settings.side),
        "side_phrase": the(ctx.labels.actor(settings.side)),
        "counterpart": ctx.other,
        "deal_names": [ctx.labels.deal(d) for d in settings.deals],
    }
    return BriefResult(
        scenario.id,
        scenario.title,
        sections,
        meta,
        {k: (v.to_dict() if hasattr(v, "reason") else v) for k, v in analyses.data.items()},
    )


def _sections(ctx: Context) -> tuple[Section, ...]:
    body = [m.build(ctx) for m in (parties, issues, space, deals, after, sensitivity)]
    found = {s.id: s for s in body}
    first = bluf.build(ctx, found)
    points = talking.build(ctx, found)
    return (first, *body, points, sources.build(ctx))


def _settings(
    scenario: Scenario,
    deals: Sequence[str] | None,
    sizes: tuple[int, int, int],
    seed: int,
    side: str | None,
) -> Settings:
    runs, check_runs, forecast_runs = sizes
    problems = []
    known = [d.id for d in scenario.deals]
    chosen = tuple(known if deals is None else deals)
    problems += [
        Problem(
            f"unknown deal {d!r}",
            path="deals",
            expected="one of: " + (", ".join(known) or "none (the scenario has no deals)"),
            found=d,
        )
        for d in chosen
        if d not in known
    ]
    problems += [
        Problem(f"{name} must be at least 1", path=name, expected=">= 1", found=str(value))
        for name, value in (
            ("runs", runs),
            ("check_runs", check_runs),
            ("forecast_runs", forecast_runs),
        )
        if value < 1
    ]
    side = side if side is not None else scenario.actors[0].id
    if side not in [a.id for a in scenario.actors]:
        problems.append(
            Problem(
                f"unknown actor {side!r}",
                path="side",
                expected="one of: " + ", ".join(a.id for a in scenario.actors),
                found=side,
            )
        )
    if problems:
        raise AccordError(problems)
    return Settings(
        deals=chosen,
        side=side,
        runs=runs,
        seed=seed,
        forecast_runs=forecast_runs,
        check_runs=check_runs,
    )
