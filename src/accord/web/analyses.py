"""The analyses the workspace runs, through Accord's public facade only.

The what-if fast path runs the forecast, the agreement space (a coarser grid than the CLI's
default, stated on the page) and the deal check (fewer Monte Carlo runs), each cached by the
hash of the inputs it reads: the forecast and the space read no deals and no simulation
settings, so editing a clause re-runs only the deal check.
"""

from __future__ import annotations

import hashlib
import json
import math
from functools import cache, partial
from importlib import resources
from typing import Any

import numpy as np

import accord
from accord.scenario import Scenario
from accord.web.store import Cache, content_hash

__all__ = ["FAST", "code_version", "fast_results", "inputs_of", "plain", "run", "summary"]

#: The what-if fast path's settings (the brief and the CLI use finer defaults).
FAST: dict[str, dict[str, Any]] = {
    "forecast": {"model": "eum"},
    "space": {"grid": 7},
    "check": {"runs": 500, "seed": 0},
}

#: Scenario fields each analysis does not read (its cache key ignores them).
_UNREAD = {"forecast": ("deals", "dynamics"), "space": ("deals", "dynamics")}


@cache
def code_version() -> str:
    """Accord's version and a hash of its analysis code (the web layer excluded)."""
    digest = hashlib.sha256()
    root = resources.files("accord")
    for path in sorted(_sources(root), key=str):
        digest.update(str(path).encode())
        digest.update(path.read_bytes())
    return f"{accord.__version__}+{digest.hexdigest()[:12]}"


def _sources(folder: Any, rel: str = "") -> list[Any]:
    out: list[Any] = []
    for entry in folder.iterdir():
        name = f"{rel}/{entry.name}"
        if entry.is_dir() and entry.name not in {"web", "cli", "__pycache__"}:
            out += _sources(entry, name)
        elif entry.name.endswith((".py", ".yaml", ".json", ".csv")):
            out.append(entry)
    return out


def inputs_of(data: dict[str, Any], analysis: str) -> str:
    """Content hash of the part of the scenario ``analysis`` reads."""
    unread = _UNREAD.get(analysis, ())
    return content_hash({k: v for k, v in data.items() if k not in unread})


def plain(data: Any) -> Any:
    """Convert NumPy values to JSON types; NaN and infinity become ``None``."""
    if isinstance(data, dict):
        return {str(k): plain(v) for k, v in data.items()}
    if isinstance(data, list | tuple):
        return [plain(v) for v in data]
    if isinstance(data, np.ndarray):
        return plain(data.tolist())
    if isinstance(data, np.generic):
        return plain(data.item())
    if isinstance(data, float) and not math.isfinite(data):
        return None
    return data


def run(scenario: Scenario, analysis: str, params: dict[str, Any]) -> dict[str, Any]:
    """Run one fast analysis through the facade and return its data."""
    if analysis == "forecast":
        result: Any = accord.forecast(scenario, **params)
    elif analysis == "space":
        result = accord.space(scenario, **params)
    elif analysis == "check":
        result = accord.check(scenario, **params)
    else:
        raise ValueError(f"no fast analysis {analysis!r}")
    return dict(plain(result.to_dict()))


def fast_results(scenario: Scenario, cache_: Cache, deal: str | None) -> dict[str, Any]:
    """Forecast, space and the check of ``deal`` (default: every deal), through the cache."""
    data = scenario.to_dict()
    out: dict[str, Any] = {}
    for name in ("forecast", "space"):
        out[name] = cache_.through(
            inputs_of(data, name), name, FAST[name], partial(run, scenario, name, FAST[name])
        )
    deals = [deal] if deal else sorted(d.id for d in scenario.deals)
    deals = [d for d in deals if d is not None]
    out["check"] = {}
    for d in deals:
        params = {**FAST["check"], "deal": d}
        out["check"][d] = cache_.through(
            inputs_of(data, "check"), "check", params, partial(run, scenario, "check", params)
        )
    return out


def summary(results: dict[str, Any]) -> dict[str, Any]:
    """Return the figures a revision diff compares: forecasts, package, verdicts, P(conflict)."""
    eum = results.get("forecast", {}).get("models", {}).get("eum", {}).get("issues", {})
    nash = results.get("space", {}).get("solutions", {}).get("nash") or {}
    out: dict[str, Any] = {
        "forecast": {i: _round(v.get("forecast")) for i, v in sorted(eum.items())},
        "package (Nash solution)": {
            i: _round(v) for i, v in sorted((nash.get("package") or {}).items())
        },
        "zopa_size": results.get("space", {}).get("zopa_size"),
    }
    for deal, check in sorted(results.get("check", {}).items()):
        out[f"deal {deal}"] = {
            "P(all core clauses carried out)": _round(check.get("p_all_core")),
            **{
                f"{c['id']}": f"{c['verdict']} ({c['p_implemented']:.0%})"
                for c in check.get("clauses", [])
            },
        }
    for deal, p in sorted(results.get("p_conflict", {}).items()):
        out.setdefault(f"deal {deal}", {})["P(conflict)"] = _round(p)
    return out


def _round(x: Any, digits: int = 3) -> Any:
    return round(float(x), digits) if isinstance(x, int | float) else x


def params_json(params: dict[str, Any]) -> str:
    """Parameters as canonical JSON (for display)."""
    return json.dumps(params, sort_keys=True)
