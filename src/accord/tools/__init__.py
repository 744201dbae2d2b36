"""Maintainer tools (not part of the analysis API): ``python -m accord.tools.docs_tables``."""
