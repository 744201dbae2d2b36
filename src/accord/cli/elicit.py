"""``accord elicit``: run an expert panel — template, feedback, merge, leave-one-out, study."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal, cast

import typer
from rich.table import Table

import accord
from accord.cli.app import JsonOpt, ScenarioArg, app, console, print_json, styled, write_atomic
from accord.errors import AccordError, Problem

__all__ = ["elicit_app"]

elicit_app = typer.Typer(
    help="Run an expert panel: template, feedback between rounds, merge, leave-one-out.",
    no_args_is_help=True,
)
app.add_typer(elicit_app, name="elicit")

PanelArg = Annotated[Path, typer.Argument(help="The panel folder (from `accord elicit template`).")]
RoundOpt = Annotated[int | None, typer.Option("--round", help="Round number (default: latest).")]
WeightsOpt = Annotated[
    str, typer.Option("--weights", help="equal (default) or performance (Cooke).")
]


def _weights(value: str) -> Literal["equal", "performance"]:
    if value not in ("equal", "performance"):
        raise AccordError(
            Problem(
                "unknown weighting",
                path="--weights",
                expected="equal or performance",
                found=repr(value),
            )
        )
    return cast(Literal["equal", "performance"], value)


def _positive_runs(runs: int) -> None:
    if runs < 1:
        raise AccordError(
            Problem("runs must be at least 1", path="--runs", expected=">= 1", found=str(runs))
        )


def _experts(value: str) -> int | list[str]:
    text = value.strip()
    if text.isdigit():
        return int(text)
    return [n.strip() for n in text.split(",")]


@elicit_app.command("template")
def template_cmd(
    scenario: ScenarioArg,
    out: Annotated[Path, typer.Option("-o", "--out", help="The new panel folder.")] = Path("panel"),
    experts: Annotated[
        str, typer.Option("--experts", help="How many experts, or their names: alice,bob,carol.")
    ] = "3",
    items: Annotated[
        list[str] | None,
        typer.Option("--items", help="Only items matching this pattern (repeat for several)."),
    ] = None,
    prior: Annotated[
        bool, typer.Option("--prior", help="Show the scenario's current values as a prior.")
    ] = False,
    calibration: Annotated[
        Path | None,
        typer.Option("--calibration", help="Calibration questions with answers (YAML)."),
    ] = None,
    list_items: Annotated[
        bool, typer.Option("--list", help="List the scenario's items and write nothing.")
    ] = False,
    as_json: JsonOpt = False,
) -> None:
    """Write a panel folder: one YAML and one CSV file per expert for round 1."""
    from accord.elicit import template
    from accord.elicit.template import select_items

    s = accord.load(scenario)
    if list_items:
        chosen = select_items(s, items or [])
        if as_json:
            print_json([i.to_dict() for i in chosen])
            return
        for item in chosen:
            console.print(f"{item.id}  {item.question}", highlight=False, soft_wrap=True)
        return
    folder = template(
        s, out, _experts(experts), items=items or [], prior=prior, calibration=calibration
    )
    if as_json:
        print_json({"ok": True, "panel": str(folder)})
        return
    console.print(styled(("Panel written", "bold"), f": {folder}"), highlight=False)


@elicit_app.command("feedback")
def feedback_cmd(
    panel: PanelArg,
    round_: RoundOpt = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "-o", "--out", help="Report file, .md or .html (default: both, in the round)."
        ),
    ] = None,
    next_: Annotated[
        bool, typer.Option("--next", help="Also start the next round, pre-filled per expert.")
    ] = False,
    as_json: JsonOpt = False,
) -> None:
    """Write the anonymised feedback report of a round (and start the next with --next)."""
    from accord.elicit import feedback, next_round
    from accord.elicit.panel import round_dir
    from accord.scenario import dump_yaml

    report = feedback(panel, round=round_)
    targets = (
        [out]
        if out is not None
        else [round_dir(panel, report.round) / f"feedback.{x}" for x in ("md", "html")]
    )
    for path in targets:
        write_atomic(path, report.to_html() if path.suffix == ".html" else report.to_markdown())
        console.print(f"Feedback written: {path}", highlight=False)
    key = round_dir(panel, report.round) / "key.yaml"
    write_atomic(key, dump_yaml({"letters": report.key}))
    if next_:
        console.print(
            f"Next round started: {next_round(panel, round=report.round)}", highlight=False
        )


@elicit_app.command("merge")
def merge_cmd(
    panel: PanelArg,
    out: Annotated[Path, typer.Option("-o", "--out", help="The merged scenario (YAML).")] = Path(
        "merged.yaml"
    ),
    round_: RoundOpt = None,
    weights: WeightsOpt = "equal",
    alpha: Annotated[
        float, typer.Option("--alpha", help="Cooke's calibration cut-off (performance weights).")
    ] = 0.0,
    loeo: Annotated[
        bool,
        typer.Option("--loeo", help="Also leave each expert out and record what flips."),
    ] = False,
    side: Annotated[
        str | None, typer.Option("--for", help="Actor the recommendation is for (--loeo).")
    ] = None,
    runs: Annotated[int, typer.Option("--runs", help="Deal-check draws (--loeo).")] = 2000,
    as_json: JsonOpt = False,
) -> None:
    """Pool a round into a scenario whose ranges carry the panel's spread.

    With --loeo the scenario also records, as its source `panel-loeo`, which conclusions flip
    without each expert (shown with the sources in the brief).
    """
    from accord.elicit import leave_one_out, merge
    from accord.elicit.loeo import record

    _positive_runs(runs)
    how = _weights(weights)
    merged = merge(panel, round=round_, weights=how, alpha=alpha)
    scenario = merged.scenario
    if loeo:
        check = leave_one_out(
            panel, round=merged.round, side=side, weights=how, runs=runs, alpha=alpha
        )
        scenario = record(scenario, check)
    write_atomic(out, scenario.to_yaml())
    if as_json:
        print_json(merged.to_dict())
        return
    console.print(
        styled(
            ("Merged", "bold"),
            f" round {merged.round}, {len(merged.pooled)} items, "
            f"{merged.to_dict()['method']}: {out}",
        ),
        highlight=False,
    )
    if merged.scores:
        t = Table("expert", "questions", "calibration", "information", "weight")
        for s in merged.scores.values():
            t.add_row(
                s.expert,
                str(s.n),
                f"{s.calibration:.3g}",
                f"{s.information:.3g}",
                f"{s.weight:.3f}",
            )
        console.print(t)


@elicit_app.command("loeo")
def loeo_cmd(
    panel: PanelArg,
    round_: RoundOpt = None,
    side: Annotated[
        str | None, typer.Option("--for", help="Actor the recommendation is for.")
    ] = None,
    weights: WeightsOpt = "equal",
    runs: Annotated[int, typer.Option("--runs", help="Joint draws of the deal check.")] = 2000,
    seed: Annotated[int, typer.Option("--seed", help="Seed of every draw.")] = 0,
    out: Annotated[
        Path | None, typer.Option("-o", "--out", help="Also write the report (.md or .html).")
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Leave one expert out: which forecasts, verdicts and packages depend on who was asked."""
    from accord.elicit import leave_one_out

    _positive_runs(runs)
    result = leave_one_out(
        panel, round=round_, side=side, weights=_weights(weights), runs=runs, seed=seed
    )
    if out is not None:
        write_atomic(out, result.to_html() if out.suffix == ".html" else result.to_markdown())
    if as_json:
        print_json(result.to_dict())
        return
    console.print(result.to_markdown(), highlight=False)


@elicit_app.command("study")
def study_cmd(
    panels: Annotated[int, typer.Option("--panels", help="Panels per condition.")] = 50,
    items: Annotated[int, typer.Option("--items", help="Items per panel.")] = 20,
    seeds: Annotated[int, typer.Option("--seeds", help="Calibration questions per panel.")] = 10,
    seed: Annotated[int, typer.Option("--seed", help="Seed of the simulation.")] = 0,
    as_json: JsonOpt = False,
) -> None:
    """Check the pooling on synthetic panels with a known truth (coverage of 90 % intervals)."""
    from accord.elicit import study

    bad = [
        (n, v) for n, v in (("--panels", panels), ("--items", items), ("--seeds", seeds)) if v < 2
    ]
    if bad:
        raise AccordError(
            [
                Problem("too few for a coverage estimate", path=n, expected=">= 2", found=str(v))
                for n, v in bad
            ]
        )
    result = study(panels=panels, items=items, seeds=seeds, seed=seed)
    if as_json:
        print_json(result.to_dict())
        return
    console.print(result.to_markdown(), highlight=False, soft_wrap=True)
