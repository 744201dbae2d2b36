"""The long fuzz campaign: ``python -m tests.fuzz.campaign --validate N --analyse M``.

Draws ``N`` mutated scenarios and pushes each through ``accord validate``: Hypothesis draws
one valid scenario per ``--per-base`` mutants, and each mutant gets one to three hostile
mutations from a seeded ``random.Random`` (cheaper than drawing every one with Hypothesis);
then Hypothesis draws ``M`` more with at most one mutation (so that most validate)
and pushes those that validate through every analysis, and every ``--brief-every``-th of them
through ``accord brief`` too. It stops at the first crash (exit 1 or 70, a traceback, NaN in
JSON) and prints Hypothesis's minimal reproducer; otherwise it prints the figures as JSON:
scenarios drawn, how many validated, runs of each analysis, refusals (exit 2) by command with
their most common messages, and the slowest run of each command.
"""

from __future__ import annotations

import argparse
import collections
import json
import random
import sys
import tempfile
import time
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, Phase, given, settings

from tests.fuzz.harness import CrashError, Outcome, exercise
from tests.fuzz.mutate import enriched, fuzz_scenarios, mutants

_QUIET = list(HealthCheck)


class _Tally:
    def __init__(self) -> None:
        self.drawn = 0
        self.valid = 0
        self.runs: collections.Counter[str] = collections.Counter()
        self.refused: collections.Counter[str] = collections.Counter()
        self.reasons: collections.Counter[str] = collections.Counter()
        self.slowest: dict[str, float] = {}

    def add(self, outcome: Outcome) -> None:
        self.drawn += 1
        self.valid += outcome.valid
        self.runs.update(outcome.codes.keys())
        for command, text in outcome.refusals.items():
            self.refused[command] += 1
            self.reasons[f"{command}: {_gist(text)}"] += 1
        for command, seconds in outcome.seconds.items():
            self.slowest[command] = max(seconds, self.slowest.get(command, 0.0))

    def to_dict(self) -> dict[str, Any]:
        return {
            "drawn": self.drawn,
            "validated": self.valid,
            "analysis_runs": dict(self.runs),
            "refusals": dict(self.refused),
            "top_refusal_reasons": dict(self.reasons.most_common(8)),
            "slowest_seconds": {k: round(v, 2) for k, v in self.slowest.items()},
        }


def _gist(line: str) -> str:
    """A refusal message without its values, to count kinds."""
    return line.split(" (expected")[0].split("'")[0][:90]


def _validate_phase(n: int, tally: _Tally, per_base: int, seed: int) -> None:
    folder = Path(tempfile.mkdtemp(prefix="accord-fuzz-"))
    rng = random.Random(seed)

    @settings(
        max_examples=max(1, n // per_base),
        deadline=None,
        database=None,
        suppress_health_check=_QUIET,
        phases=[Phase.generate],
    )
    @given(enriched())
    def one(data: dict[str, Any]) -> None:
        for mutant in mutants(data, rng, per_base):
            try:
                tally.add(exercise(mutant, folder, analyse=False))
            except CrashError:
                print(yaml.safe_dump(mutant, allow_unicode=True), file=sys.stderr)
                raise

    one()


def _analyse_phase(n: int, tally: _Tally, *, brief_every: int) -> None:
    folder = Path(tempfile.mkdtemp(prefix="accord-fuzz-"))

    @settings(
        max_examples=n,
        deadline=None,
        database=None,
        suppress_health_check=_QUIET,
        phases=[Phase.generate, Phase.shrink],  # a crash is shrunk to a minimal reproducer
    )
    @given(fuzz_scenarios(max_mutations=1))
    def one(data: dict[str, Any]) -> None:
        # chosen from the data itself, so that Hypothesis replays a failing brief exactly
        brief = brief_every > 0 and zlib.crc32(repr(data).encode()) % brief_every == 0
        tally.add(exercise(data, folder, analyse=True, brief=brief))

    one()


def main(argv: list[str] | None = None) -> int:
    """Run the campaign and print its figures (exit 1 on the first crash)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--validate", type=int, default=100_000, help="scenarios to validate")
    parser.add_argument("--analyse", type=int, default=5_000, help="scenarios to analyse")
    parser.add_argument("--brief-every", type=int, default=50, help="brief every k-th (0: none)")
    parser.add_argument("--per-base", type=int, default=20, help="mutants per drawn scenario")
    parser.add_argument("--seed", type=int, default=0, help="seed of the mutations")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    report: dict[str, Any] = {}
    phases: list[tuple[str, Callable[[_Tally], None]]] = [
        ("validate", lambda t: _validate_phase(args.validate, t, args.per_base, args.seed)),
        ("analyse", lambda t: _analyse_phase(args.analyse, t, brief_every=args.brief_every)),
    ]
    for name, phase in phases:
        if getattr(args, name) <= 0:
            continue
        tally = _Tally()
        t0 = time.perf_counter()
        try:
            phase(tally)
        finally:
            report[name] = {**tally.to_dict(), "seconds": round(time.perf_counter() - t0)}
            print(json.dumps(report, indent=2), file=sys.stderr, flush=True)
    report["crashes"] = 0
    report["seconds"] = round(time.perf_counter() - start)
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
