"""``accord check``: judge every clause of a deal, with traffic-light verdicts."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.table import Table

import accord
from accord.cli.app import JsonOpt, ScenarioArg, app, console, print_json, refuse_non_finite, styled

_LIGHT = {
    "sound": ("● sound", "green"),
    "fragile": ("● fragile", "yellow"),
    "unrealistic": ("● unrealistic", "red"),
}

_SHORT = {
    "ratification": "ratification (win-set)",
    "capacity": "capacity",
    "control": "not in obligor's hands",
    "funding": "funding",
    "third_party": "third party",
    "incentive": "pays to cheat",
    "power_shift": "power shift (Powell)",
    "turnover": "change of government",
    "reciprocity": "not believed",
    "ambiguity": "vague wording",
    "sequencing": "sequencing",
    "timeline": "long timeline",
    "parties": "many parties",
    "dependencies": "waits on others",
    "credibility": "not believed",
}


@app.command("check")
def check_cmd(
    scenario: ScenarioArg = "korea-2018",
    deal: Annotated[str | None, typer.Option("--deal", help="Deal id (default: all).")] = None,
    all_deals: Annotated[bool, typer.Option("--all", help="Check every deal.")] = False,
    explain: Annotated[
        bool, typer.Option("--explain", help="Print how every number was obtained.")
    ] = False,
    runs: Annotated[int, typer.Option("--runs", help="Joint draws of the inputs.")] = 2000,
    seed: Annotated[int, typer.Option("--seed", help="Seed of the draws.")] = 0,
    as_json: JsonOpt = False,
) -> None:
    """Judge each clause: P(implemented) with a band, verdict, reasons, remedies.

    With --deal, one deal (JSON: one object); otherwise every deal (JSON: a mapping
    deal id -> object).
    """
    s = accord.load(scenario)
    if deal is not None and not all_deals:
        results = [accord.check(s, deal=deal, runs=runs, seed=seed)]
    else:
        from accord.feasibility import check_all

        results = list(check_all(s, runs=runs, seed=seed).values())
    data = [r.to_dict(explain) for r in results]
    refuse_non_finite(data, "the deal check")
    if as_json:
        print_json(data[0] if deal is not None and not all_deals else {r["deal"]: r for r in data})
        return
    for r in results:
        _show(r, explain)


def _show(r: Any, explain: bool) -> None:
    t = Table(
        "clause",
        "P(implemented)",
        "verdict",
        "deliver",
        "kept",
        "hazard",
        "believed",
        "main reason",
        title=f"{r.scenario} / {r.deal}: P(all core clauses hold) "
        f"{r.p_all_core:.0%} [{r.p_all_core_low:.0%}, {r.p_all_core_high:.0%}]",
    )
    for c in r.clauses:
        t.add_row(
            c.id + ("" if c.core else " (not core)"),
            f"{c.p_implemented:.0%} [{c.p_low:.0%}, {c.p_high:.0%}]",
            styled(_LIGHT[c.verdict]),
            f"{c.p_deliverable:.0%}",
            f"{c.p_kept:.0%}",
            f"{c.management_hazard:.0%}",
            f"{c.credibility:.0%}",
            _SHORT.get(c.reasons[0].factor, c.reasons[0].factor) if c.reasons else "-",
        )
    console.print(t)
    console.print(f"weakest links: {', '.join(r.weakest[:3])}", highlight=False)
    for c in r.clauses:
        _details(c, explain)
    for e in r.third_party_effects:
        console.print(
            styled(("third party", "magenta"), f" {e.actor} ({e.clause}): {e.reason}"),
            highlight=False,
        )
    console.print()


def _details(c: Any, explain: bool) -> None:
    console.print(
        styled((c.id, "bold"), " ", _LIGHT[c.verdict], f" {c.p_implemented:.0%}: {c.text}"),
        highlight=False,
    )
    for reason in c.reasons:
        lowers = f" (-{reason.lowers:.0%})" if reason.lowers > 0 else ""
        console.print(f"   why: {reason.text}{lowers}", highlight=False)
    for m in c.remedies[:3]:
        console.print(f"   fix: {m.action} -> {m.p_implemented:.0%}: {m.detail}", highlight=False)
    if c.releases:
        console.print(f"   if it fails, it releases: {', '.join(c.releases)}", highlight=False)
    if explain:
        for st in c.explain:
            console.print(
                f"     {st.name} = {st.value:g}   [{st.formula}]  {st.inputs}",
                highlight=False,
                markup=False,
            )
