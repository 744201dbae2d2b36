"""Commands about scenarios themselves: list, show, validate, schema, convert."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

import accord
from accord.cli.app import JsonOpt, ScenarioArg, app, console, print_json, styled, write_atomic
from accord.cli.app import report_problems as _report
from accord.errors import AccordError, Problem
from accord.scenario import Scenario, builtin_names, dump_yaml, load
from accord.scenario.quantity import Quantity


def _version(value: bool) -> None:
    if value:
        console.print(f"accord {accord.__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show version.")
    ] = False,
) -> None:
    """Accord: prepare a negotiating team for a high-stakes negotiation."""


@app.command()
def scenarios(as_json: JsonOpt = False) -> None:
    """List the built-in scenarios."""
    rows = [(name, load(name).title) for name in builtin_names()]
    if as_json:
        print_json([{"name": n, "title": t} for n, t in rows])
        return
    table = Table("name", "title", title="Built-in scenarios")
    for name, title in rows:
        table.add_row(name, title)
    console.print(table)


@app.command()
def show(scenario: ScenarioArg = "korea-2018", as_json: JsonOpt = False) -> None:
    """Show a scenario's actors, issues, stances and deals."""
    s = load(scenario)
    if as_json:
        print_json(s.to_dict())
        return
    console.print(styled((s.title, "bold"), f" ({s.id})"), highlight=False)
    if s.description:
        console.print(" ".join(s.description.split()), highlight=False)
    for table in (_actors(s), _issues(s), _stances(s), *_deals(s)):
        console.print(table)


def _q(q: Quantity | str | None) -> str:
    if q is None:
        return "-"
    if isinstance(q, str):
        return q
    if q.uncertain:
        low, high = q.bounds
        mid = f"{q.mode:g} " if q.mode is not None else ""
        return f"{mid}[{low:g}, {high:g}]"
    return f"{q.point:g}"


def _actors(s: Scenario) -> Table:
    t = Table("id", "name", "capability", "risk", "style", "ratifiers", title="Actors")
    for a in s.actors:
        ratifiers = ", ".join(
            f"{r.name} ({r.threshold.value})"
            for r in (a.domestic.ratifiers.values() if a.domestic else [])
        )
        t.add_row(a.id, a.name, _q(a.capability), _q(a.risk), ", ".join(a.style), ratifiers)
    return t


def _issues(s: Scenario) -> Table:
    t = Table("id", "name", "scale / options", "reference", title="Issues")
    for i in s.issues:
        if i.options is not None:
            scale = " | ".join(o.id for o in i.options)
        else:
            assert i.scale is not None
            scale = f"{i.scale.lo:g}..{i.scale.hi:g}"
            if i.scale.anchors:
                scale += "\n" + "\n".join(f"{a.at:g} = {a.label}" for a in i.scale.anchors)
        t.add_row(i.id, i.name, scale, _q(i.reference))
    return t


def _stances(s: Scenario) -> Table:
    t = Table("actor", "issue", "position", "salience", "red line", "BATNA", title="Stances")
    for actor, row in s.stances.items():
        for issue, st in row.items():
            t.add_row(actor, issue, _q(st.position), _q(st.salience), _q(st.red_line), _q(st.batna))
    return t


def _deals(s: Scenario) -> list[Table]:
    tables = []
    for d in s.deals:
        t = Table(
            "clause", "text", "obligated", "beneficiaries", "sets", title=f"Deal: {d.name} ({d.id})"
        )
        for c in d.clauses:
            sets = ", ".join(
                f"{k}={v:g}" if isinstance(v, float) else f"{k}={v}" for k, v in c.sets.items()
            )
            t.add_row(c.id, c.text, ", ".join(c.obligated), ", ".join(c.beneficiaries), sets)
        tables.append(t)
    return tables


@app.command()
def validate(
    file: Annotated[
        str, typer.Argument(metavar="FILE", help="Scenario file (or built-in name) to check.")
    ],
    as_json: JsonOpt = False,
) -> None:
    """Check a scenario file: print "ok", or every problem (exit 2)."""
    from accord.cli.preflight import preflight

    try:
        s = load(file)
        problems = preflight(s)
        if problems:
            raise AccordError(problems)
    except AccordError as err:
        _report(err, as_json=as_json)
        raise typer.Exit(2) from None
    if as_json:
        print_json({"ok": True, "scenario": s.id})
    else:
        console.print("ok")


@app.command()
def schema() -> None:
    """Print the JSON Schema of the scenario format."""
    print_json(Scenario.model_json_schema())


@app.command()
def convert(
    source: Annotated[str, typer.Argument(metavar="IN", help="File to read (any format).")],
    target: Annotated[Path, typer.Argument(metavar="OUT", help="File (.yaml/.json) or folder.")],
    capability: Annotated[str, typer.Option(help="DEU III only: equal, nice or gdp.")] = "equal",
    force: Annotated[bool, typer.Option("--force", help="Overwrite existing files.")] = False,
) -> None:
    """Convert a scenario (YAML, JSON, expected-utility CSV, KTAB CSV, DEU III) to YAML."""
    if source.lower().endswith(".tsv"):
        _convert_deu3(Path(source), target, capability, force)
        return
    s = load(source)
    if target.is_dir():
        target = target / f"{s.id}.yaml"
    elif target.suffix.lower() not in {".yaml", ".yml", ".json"}:
        raise AccordError(
            Problem(
                "unknown output format",
                file=str(target),
                expected="a .yaml, .yml or .json file, or an existing folder",
                found=repr(target.suffix or "no extension"),
            )
        )
    _refuse_overwrite([target], force)
    text = json.dumps(s.to_dict(), indent=2) + "\n" if target.suffix == ".json" else s.to_yaml()
    write_atomic(target, text)
    console.print(f"wrote {target}")


def _convert_deu3(source: Path, target: Path, capability: str, force: bool) -> None:
    from accord.scenario.formats import deu3

    if not source.is_file():
        raise AccordError(Problem("no such file", file=str(source)))
    if target.suffix in {".yaml", ".yml", ".json"}:
        raise AccordError(
            Problem(
                "DEU III holds one scenario per issue: OUT must be a folder",
                file=str(target),
                expected="a folder path",
            )
        )
    scenarios = deu3.read(source, capability)  # type: ignore[arg-type]
    paths = [target / f"{s.id}.yaml" for s in scenarios]
    _refuse_overwrite(paths, force)
    texts = [dump_yaml(s.to_dict()) for s in scenarios]  # all rendered before any is written
    for path, text in zip(paths, texts, strict=True):
        write_atomic(path, text)
    console.print(f"wrote {len(paths)} scenarios to {target}/")


def _refuse_overwrite(paths: list[Path], force: bool) -> None:
    existing = [p for p in paths if p.exists()]
    if existing and not force:
        raise AccordError(
            Problem(
                "output exists; pass --force to overwrite",
                file=str(existing[0]),
                found=f"{len(existing)} existing file(s)",
            )
        )
