"""The briefing book: every analysis of a scenario, rendered for a principal.

:func:`brief` runs the analyses once through the public facade (:mod:`accord.brief.gather`),
hands their results to one small module per section (:mod:`accord.brief.sections`), and
returns a :class:`BriefResult` that renders to HTML, PDF, Markdown and JSON.

>>> import accord
>>> b = accord.brief("korea-2018", runs=20)
>>> [s.number for s in b.sections]
[1, 2, 3, 4, 5, 6, 7, 8, 9]
"""

from __future__ import annotations

from accord._callable import make_callable
from accord.brief.assemble import DEFAULT_RUNS, brief
from accord.brief.result import BriefResult

__all__ = ["DEFAULT_RUNS", "BriefResult", "brief"]


make_callable(__name__, brief, default="korea-2018")  # see accord._callable
