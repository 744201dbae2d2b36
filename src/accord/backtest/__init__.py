"""Backtests: how right the analyses were on real cases (DEU III, historical agreements)."""
