"""The agreement case library: historical agreements coded clause by clause.

A case file is a scenario (YAML) plus an ``outcomes:`` mapping, clause id ->
``{outcome_0to3, cause_codes, basis, note}``, read only by the backtest; analyses never see
it (``docs/how-to/code-an-agreement.md``). To keep files easy to write, the loader fills in
what a case needs but a coder may leave out: ``actors`` named only in clauses (capability 1),
the placeholder issue, a title, stub entries for cited source ids, a single deal when the
file gives top-level ``clauses:``, and per-clause ``outcome:`` fields moved into
``outcomes``. Dependencies on clauses outside the file are dropped with a note.

>>> from accord.cases import load_cases
>>> cases = load_cases()
>>> len(cases), sum(len(c.outcomes) for c in cases)
(56, 208)
"""

from __future__ import annotations

from accord.cases.load import Case, Outcome, case_files, load_case, load_cases

__all__ = ["Case", "Outcome", "case_files", "load_case", "load_cases"]
