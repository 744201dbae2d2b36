"""Leave one expert out: which conclusions depend on who was asked.

The round is merged once with every expert and once without each of them; on each merged
scenario the forecast (each issue's point forecast), the deal check (each clause's verdict)
and the recommended package are computed with the same settings and seed. A conclusion
*flips* when leaving one expert out moves a forecast by more than ``tolerance`` of its
issue's scale, changes a verdict, or changes the recommended package.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import accord
from accord.elicit.merge import Merged, Weights, merge_round
from accord.elicit.panel import ExpertAnswers, Panel
from accord.scenario import Scenario

__all__ = ["Conclusions", "Loeo", "conclusions", "leave_one_out", "record"]

#: Flips named one by one in the sentence a merged scenario records; the rest are counted.
_NAMED = 6


@dataclass(frozen=True)
class Conclusions:
    """What the analyses conclude from one merged scenario."""

    forecast: dict[str, float]
    verdicts: dict[str, str]
    package: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """Return the conclusions as plain data."""
        return {
            "forecast": self.forecast,
            "verdicts": self.verdicts,
            "package": list(self.package),
        }


@dataclass(frozen=True)
class Loeo:
    """The leave-one-expert-out comparison of a round."""

    round: int
    method: str
    side: str
    tolerance: float
    all_experts: Conclusions
    without: dict[str, Conclusions]
    flips: list[dict[str, Any]]
    disagreement: list[dict[str, Any]]

    def to_dict(self) -> dict[str, Any]:
        """Return the comparison as plain data."""
        return {
            "round": self.round,
            "method": self.method,
            "side": self.side,
            "tolerance": self.tolerance,
            "all_experts": self.all_experts.to_dict(),
            "without": {k: v.to_dict() for k, v in self.without.items()},
            "flips": self.flips,
            "disagreement": self.disagreement,
        }

    def summary(self) -> str:
        """Say in a paragraph what flips without each expert, and where they disagree most."""
        head = (
            f"Leave one expert out (round {self.round}, {self.method}; forecasts moving by more "
            f"than {100 * self.tolerance:.0f} % of their scale, clause verdicts, the package "
            f"recommended for {self.side}): "
        )
        if not self.flips:
            text = head + "nothing flips without any one expert."
        else:
            named = [
                f"without {f['without']}, the {f['kind']} of {f['what']} "
                f"({f['text'][0]} -> {f['text'][1]})"
                for f in self.flips[:_NAMED]
            ]
            more = len(self.flips) - len(named)
            text = head + "; ".join(named) + (f"; and {more} more" if more else "") + "."
        top = ", ".join(f"{d['item']} ({d['spread']:.2f})" for d in self.disagreement[:3])
        return text + (f" Largest spread between the experts: {top}." if top else "")

    def to_markdown(self) -> str:
        """Render the report as Markdown."""
        from accord.elicit.render import render

        return render("loeo.md.j2", report=self.to_dict())

    def to_html(self) -> str:
        """Render the report as a self-contained HTML page."""
        from accord.elicit.render import render

        return render("loeo.html.j2", report=self.to_dict())


def conclusions(scenario: Scenario, *, side: str, runs: int, seed: int) -> Conclusions:
    """Forecast, verdicts and recommended package of one scenario."""
    from accord.recommend import recommend

    fc = accord.forecast(scenario, "eum", seed=seed).to_dict()["models"]["eum"]["issues"]
    checks = {d.id: accord.check(scenario, d.id, runs=runs, seed=seed) for d in scenario.deals}
    verdicts = {
        f"{deal}/{c.id}": str(c.verdict) for deal, r in sorted(checks.items()) for c in r.clauses
    }
    rec = recommend(scenario, side=side, checks=checks, runs=runs, seed=seed)
    package = tuple(sorted(f"{c.deal}/{c.clause}" for c in rec.clauses))
    return Conclusions(
        {k: round(float(v["forecast"]), 6) for k, v in sorted(fc.items())},
        dict(sorted(verdicts.items())),
        package,
    )


def leave_one_out(
    panel: Panel,
    answers: Sequence[ExpertAnswers],
    number: int,
    *,
    side: str | None = None,
    weights: Weights = "equal",
    runs: int = 2000,
    seed: int = 0,
    tolerance: float = 0.1,
    top: int = 10,
    alpha: float = 0.0,
) -> Loeo:
    """Rerun forecast, deal check and recommendation without each expert in turn."""
    side = side if side is not None else panel.scenario.actors[0].id
    panel.scenario.actor(side)  # an unknown side is the user's error, raised here
    full = merge_round(panel, answers, number, weights=weights, alpha=alpha)
    base = conclusions(full.scenario, side=side, runs=runs, seed=seed)
    without = {}
    for a in sorted(answers, key=lambda a: a.expert):
        merged = merge_round(
            panel, answers, number, weights=weights, alpha=alpha, leave_out=[a.expert]
        )
        without[a.expert] = conclusions(merged.scenario, side=side, runs=runs, seed=seed)
    return Loeo(
        number,
        full.to_dict()["method"],
        side,
        tolerance,
        base,
        without,
        _flips(full.scenario, base, without, tolerance),
        _disagreement(full, top),
    )


def _flips(
    s: Scenario, base: Conclusions, without: dict[str, Conclusions], tolerance: float
) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for expert, c in without.items():
        for issue, x in c.forecast.items():
            lo, hi = s.issue(issue).bounds
            if abs(x - base.forecast[issue]) > tolerance * (hi - lo):
                out.append(_flip(expert, "forecast", issue, base.forecast[issue], x))
        for clause, v in c.verdicts.items():
            if v != base.verdicts.get(clause):
                out.append(_flip(expert, "verdict", clause, base.verdicts.get(clause), v))
        if c.package != base.package:
            out.append(_flip(expert, "package", "recommended", list(base.package), list(c.package)))
    return out


def _flip(expert: str, kind: str, what: str, before: Any, after: Any) -> dict[str, Any]:
    return {
        "without": expert,
        "kind": kind,
        "what": what,
        "all": before,
        "left_out": after,
        "text": [_text(before), _text(after)],
    }


def _text(v: Any) -> str:
    if isinstance(v, float):
        return f"{v:.3g}"
    if isinstance(v, list):
        return ", ".join(v) or "none found"
    return str(v)


def _disagreement(merged: Merged, top: int) -> list[dict[str, Any]]:
    ranked = sorted(merged.pooled.values(), key=lambda p: (-round(p.spread, 9), p.item))
    return [
        {"item": p.item, "spread": p.spread, "pool": list(p.quantiles), "experts": len(p.experts)}
        for p in ranked[:top]
    ]


def record(scenario: Scenario, result: Loeo) -> Scenario:
    """Return ``scenario`` with a source entry ``panel-loeo`` stating the comparison's result.

    The entry is listed with the other sources wherever the scenario is shown (the brief's
    assumptions and sources), so the reader sees which conclusions depend on one expert.
    """
    from accord.scenario import validate_data

    data = scenario.to_dict()
    entry = {
        "id": "panel-loeo",
        "title": f"Leave-one-expert-out check of the panel, round {result.round}",
        "citation": result.summary(),
    }
    data["sources"] = [s for s in data.get("sources", []) if s["id"] != "panel-loeo"] + [entry]
    return validate_data(data, f"<panel merge of {scenario.id}>")
