"""Fit the deal check's layer once on the whole case library and write ``history.json``.

``python -m accord.feasibility.refit`` (add ``--check`` to compare with the shipped file
instead of writing it). The structural judgement of every clause is computed with the fitted
layer off, so the fit never sees its own output.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

__all__ = ["HISTORY", "fresh", "main"]

HISTORY = Path(__file__).with_name("history.json")


def fresh(runs: int = 1000, seed: int = 0) -> dict[str, Any]:
    """Return the layer fitted on the whole shipped library, as plain data rounded for the file."""
    from accord.backtest.agreement_rows import fit_library, library_rows

    d = fit_library(library_rows(runs=runs, seed=seed)).to_dict()
    d["thresholds"] = [round(t, 4) for t in d["thresholds"]]
    d["slope"] = round(d["slope"], 4)
    d["weights"] = [round(w, 4) for w in d["weights"]]
    d["fitted_on"] = "the whole case library (accord.cases), runs=1000, seed=0"
    return d


def main(argv: list[str] | None = None) -> int:
    """Write ``history.json`` (or with ``--check``, exit 1 if it differs from a fresh fit)."""
    argv = sys.argv[1:] if argv is None else argv
    text = json.dumps(fresh(), indent=1, sort_keys=True) + "\n"
    if "--check" in argv:
        same = HISTORY.is_file() and HISTORY.read_text(encoding="utf-8") == text
        print("history.json is up to date" if same else "history.json is stale: refit")
        return 0 if same else 1
    HISTORY.write_text(text, encoding="utf-8")
    print(f"wrote {HISTORY}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
