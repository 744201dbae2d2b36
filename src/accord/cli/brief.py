"""``accord brief``: write the briefing book (HTML, PDF, Markdown, JSON) for a scenario."""

from __future__ import annotations

import webbrowser
from dataclasses import replace
from pathlib import Path
from typing import Annotated

import typer

import accord
from accord.cli.app import (
    JsonOpt,
    ScenarioArg,
    app,
    console,
    print_json,
    refuse_non_finite,
    write_atomic,
)
from accord.errors import AccordError, Problem
from accord.limits import check_forecast, check_simulate, check_space, suggest_actors

FORMATS = ("html", "pdf", "md", "json")
_FLAGS = {"deals": "--deal", "side": "--for", "runs": "--runs", "seed": "--seed"}
SUFFIX = {"html": "html", "pdf": "pdf", "md": "md", "json": "json"}


@app.command()
def brief(
    scenario: ScenarioArg = "korea-2018",
    out: Annotated[Path, typer.Option("-o", "--out", help="Folder to write into.")] = Path("brief"),
    formats: Annotated[
        str | None,
        typer.Option(
            "--format",
            help="Comma-separated: html,pdf,md,json (default: html,md,json; pdf needs "
            "the [pdf] extra).",
        ),
    ] = None,
    deal: Annotated[
        list[str] | None,
        typer.Option("--deal", help="Deal to examine (repeat for several; default: every deal)."),
    ] = None,
    runs: Annotated[int | None, typer.Option(help="Monte Carlo runs.")] = None,
    seed: Annotated[int, typer.Option(help="Seed of every random draw.")] = 0,
    side: Annotated[
        str | None,
        typer.Option("--for", help="Actor the brief is written for (default: the first listed)."),
    ] = None,
    open_html: Annotated[bool, typer.Option("--open", help="Open the HTML brief.")] = False,
    as_json: JsonOpt = False,
) -> None:
    """Write the briefing book (HTML, Markdown, JSON; PDF with the [pdf] extra).

    Sections: bottom line, parties, issues, agreement space, deals, after signing,
    sensitivity, talking points, assumptions and sources.
    """
    from accord.brief import DEFAULT_RUNS
    from accord.brief.pdf import INSTALL, available

    chosen = _formats(formats)
    if out.exists() and not out.is_dir():
        raise AccordError(
            Problem(
                "the output folder is a file",
                path="-o/--out",
                expected="a folder (it is created if missing)",
                found=f"the file {out}",
            )
        )
    if "pdf" in chosen and not available():
        raise AccordError(
            Problem(
                "PDF output needs WeasyPrint, which is not installed",
                path="--format",
                expected=INSTALL,
                found="pdf",
            )
        )
    s = accord.load(scenario)
    brief_runs = DEFAULT_RUNS if runs is None else runs
    check_forecast(s, "all", 50)  # the brief's forecast: every model, 50 draws
    check_space(  # the brief maps the space over every actor that cares
        s,
        only_limits=True,
        advice="the brief maps the space over every actor; keep fewer actors or issues in the "
        f"scenario, or map the principals alone with `accord space --actors "
        f"{','.join(suggest_actors(s))}`",
    )
    check_simulate(s, brief_runs, None, deals=len(deal) if deal else None)
    try:
        result = accord.brief(
            s,
            deals=deal or None,
            runs=brief_runs,
            seed=seed,
            side=side,
        )
    except AccordError as err:  # name the flags the user typed, not the Python parameters
        raise AccordError(
            [replace(p, path=_FLAGS.get(p.path, p.path)) for p in err.problems]
        ) from None
    refuse_non_finite(result.to_dict(), "the briefing")
    rendered = {fmt: result.render(fmt) for fmt in chosen}  # all rendered before any write
    written: dict[str, str] = {}
    for fmt, content in rendered.items():
        target = out / f"{result.scenario}.{SUFFIX[fmt]}"
        write_atomic(target, content)
        written[fmt] = str(target)
    if as_json:
        print_json({"ok": True, "scenario": result.scenario, "files": written})
    else:
        for fmt, name in written.items():
            console.print(f"wrote {fmt:<4} {name}", highlight=False)
    if open_html and "html" in written:
        webbrowser.open(Path(written["html"]).resolve().as_uri())


def _formats(text: str | None) -> list[str]:
    if text is None:  # PDF layout costs seconds: it is written when asked for
        return ["html", "md", "json"]
    chosen = [f.strip().lower() for f in text.split(",") if f.strip()]
    bad = [f for f in chosen if f not in FORMATS]
    if bad or not chosen:
        raise AccordError(
            [
                Problem(
                    "unknown output format",
                    path="--format",
                    expected="one or more of: " + ", ".join(FORMATS),
                    found=f or "(nothing)",
                )
                for f in (bad or [""])
            ]
        )
    return list(dict.fromkeys(chosen))
