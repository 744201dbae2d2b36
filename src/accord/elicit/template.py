"""Write a panel folder: the manifest, the scenario, and one blank file per expert.

Each expert gets the same items twice over — ``round1/NAME.yaml`` and ``round1/NAME.csv`` (for
a spreadsheet); the expert fills in one of them. Every item asks for the 5 %, 50 % and 95 %
quantiles and a rationale; with ``prior=True`` the scenario's current range is shown beside
it, marked as the prior, and the estimates stay empty.
"""

from __future__ import annotations

import csv
import fnmatch
import io
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from accord.elicit.calibration import read_questions
from accord.elicit.items import Item, scenario_items
from accord.elicit.panel import MANIFEST, ExpertAnswers, Seed, check_names, round_dir
from accord.errors import AccordError, Problem
from accord.scenario import Scenario, dump_yaml

__all__ = ["CSV_COLUMNS", "expert_csv", "expert_yaml", "select_items", "write_template"]

CSV_COLUMNS = (
    "item",
    "question",
    "lower_bound",
    "upper_bound",
    "prior_low",
    "prior_mode",
    "prior_high",
    "p05",
    "p50",
    "p95",
    "rationale",
)

_HEADER = """\
# Accord expert elicitation — {expert}, round {round}.
# For each item you can judge, give three numbers: p05 (you are 95 % sure the true value is
# above it), p50 (as likely above as below) and p95 (95 % sure it is below), inside the item's
# bounds, with p05 <= p50 <= p95, and say why in `rationale`. Leave all three empty (null) for
# an item you cannot judge. Fill in either this file or {expert}.csv, not both.
"""


def select_items(scenario: Scenario, patterns: Sequence[str] = ()) -> list[Item]:
    """Return the scenario's items whose id matches one of ``patterns`` (all items if none)."""
    items = scenario_items(scenario)
    if not patterns:
        return items
    unmatched = [p for p in patterns if not any(fnmatch.fnmatchcase(i.id, p) for i in items)]
    if unmatched:
        raise AccordError(
            [
                Problem(
                    "no item matches this pattern",
                    path="--items",
                    expected="a pattern such as 'stances/*/*/salience' (see `accord elicit "
                    "template --list`)",
                    found=p,
                )
                for p in unmatched
            ]
        )
    return [i for i in items if any(fnmatch.fnmatchcase(i.id, p) for p in patterns)]


def write_template(
    scenario: Scenario,
    folder: str | Path,
    experts: Sequence[str],
    *,
    items: Sequence[str] = (),
    prior: bool = False,
    calibration: str | Path | None = None,
) -> Path:
    """Write a new panel folder for ``experts``; refuse to overwrite one that holds files."""
    folder = Path(folder)
    problems = check_names(list(experts), "--experts")
    if not experts:
        problems.append(Problem("no experts named", path="--experts", expected="1 or more"))
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        problems.append(
            Problem(
                "the panel folder exists and is not empty",
                file=str(folder),
                expected="a new or empty folder",
            )
        )
    if problems:
        raise AccordError(problems)
    chosen = select_items(scenario, items)
    seeds = read_questions(calibration) if calibration is not None else []
    files = _files(scenario, sorted(experts), chosen, seeds, prior)
    if calibration is not None:
        files["calibration.yaml"] = Path(calibration).read_text(encoding="utf-8")
    _write_all(folder, files)
    return folder


def _files(
    scenario: Scenario, experts: list[str], items: list[Item], seeds: list[Seed], prior: bool
) -> dict[str, str]:
    manifest = {
        "format": 1,
        "scenario": scenario.id,
        "experts": experts,
        "items": [i.id for i in items],
        "calibration": [
            {"id": s.id, "question": s.question, "bounds": _bounds(s.lo, s.hi)} for s in seeds
        ],
    }
    files = {MANIFEST: dump_yaml(manifest), "scenario.yaml": scenario.to_yaml()}
    r1 = round_dir(Path(), 1)
    for e in experts:
        files[str(r1 / f"{e}.yaml")] = expert_yaml(e, 1, items, seeds, prior=prior)
        files[str(r1 / f"{e}.csv")] = expert_csv(items, seeds, prior=prior)
    return files


def _write_all(folder: Path, files: dict[str, str]) -> None:
    """Write every file into a temporary folder, then move it into place in one step."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=folder.parent, prefix=f".{folder.name}."))
    try:
        for name, text in files.items():
            (tmp / name).parent.mkdir(parents=True, exist_ok=True)
            (tmp / name).write_text(text, encoding="utf-8")
        if folder.exists():
            folder.rmdir()  # empty, checked above
        tmp.rename(folder)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def _bounds(lo: float, hi: float) -> list[float | None]:
    return [lo if abs(lo) != float("inf") else None, hi if abs(hi) != float("inf") else None]


def _entry(question: str, bounds: list[float | None], given: Any, prior: Any) -> dict[str, Any]:
    entry: dict[str, Any] = {"question": question, "bounds": bounds}
    if prior is not None:
        entry["prior"] = prior
    entry.update(
        p05=given.p05 if given else None,
        p50=given.p50 if given else None,
        p95=given.p95 if given else None,
        rationale=given.rationale if given else "",
    )
    return entry


def _prior(item: Item) -> dict[str, float]:
    low, high = item.current.bounds
    return {"low": low, "mode": item.current.point, "high": high}


def expert_yaml(
    expert: str,
    number: int,
    items: Sequence[Item],
    seeds: Sequence[Seed],
    *,
    prior: bool = False,
    answers: ExpertAnswers | None = None,
) -> str:
    """One expert's YAML file for round ``number`` (pre-filled with ``answers`` if given)."""
    data: dict[str, Any] = {"expert": expert, "round": number, "items": {}}
    for i in items:
        given = answers.items.get(i.id) if answers else None
        p = _prior(i) if prior else None
        data["items"][i.id] = _entry(i.question, i.to_dict()["bounds"], given, p)
    if seeds:
        data["calibration"] = {
            s.id: _entry(
                s.question,
                _bounds(s.lo, s.hi),
                answers.calibration.get(s.id) if answers else None,
                None,
            )
            for s in seeds
        }
    return _HEADER.format(expert=expert, round=number) + dump_yaml(data)


def expert_csv(
    items: Sequence[Item],
    seeds: Sequence[Seed],
    *,
    prior: bool = False,
    answers: ExpertAnswers | None = None,
) -> str:
    """One expert's CSV file: a row per item, then a row per calibration question."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for i in items:
        given = answers.items.get(i.id) if answers else None
        p = _prior(i) if prior else None
        writer.writerow(_row(i.id, i.question, i.to_dict()["bounds"], p, given))
    for s in seeds:
        given = answers.calibration.get(s.id) if answers else None
        writer.writerow(_row(f"calibration/{s.id}", s.question, _bounds(s.lo, s.hi), None, given))
    return out.getvalue()


def _row(
    item: str, question: str, bounds: list[float | None], prior: dict[str, float] | None, given: Any
) -> list[str]:
    def cell(x: float | None) -> str:
        return "" if x is None else repr(float(x))

    pri = [cell(prior[k]) if prior else "" for k in ("low", "mode", "high")]
    est = [cell(getattr(given, k)) if given else "" for k in ("p05", "p50", "p95")]
    return [
        item,
        question,
        cell(bounds[0]),
        cell(bounds[1]),
        *pri,
        *est,
        given.rationale if given else "",
    ]
