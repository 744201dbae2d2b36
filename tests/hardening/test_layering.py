"""Layering (ARCHITECTURE.md): arrows point one way. Checked on every import statement,
including imports inside functions, by reading the source (no import-linter needed)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src" / "accord"
ANALYSES = ("scenario", "models", "space", "feasibility", "dynamics", "backtest", "cases")
PRESENTERS = ("accord.brief", "accord.cli", "accord.web")
HEAVY = ("matplotlib", "fastapi", "starlette", "weasyprint", "typer", "rich")


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


def _modules(package: str) -> list[Path]:
    return sorted((SRC / package).rglob("*.py"))


def _under(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


@pytest.mark.parametrize("package", [p for p in ANALYSES if (SRC / p).is_dir()])
def test_analyses_never_import_presenters_or_plotting(package: str) -> None:
    bad = [
        f"{path.relative_to(SRC)} imports {name}"
        for path in _modules(package)
        for name in _imports(path)
        if _under(name, PRESENTERS) or _under(name, HEAVY)
    ]
    assert not bad, "\n".join(bad)


def test_scenario_imports_nothing_of_ours_but_errors() -> None:
    bad = [
        f"{path.relative_to(SRC)} imports {name}"
        for path in _modules("scenario")
        for name in _imports(path)
        if _under(name, ("accord",)) and not _under(name, ("accord.scenario", "accord.errors"))
    ]
    assert not bad, "\n".join(bad)


def test_limits_module_stays_below_the_presenters() -> None:
    names = _imports(SRC / "limits.py")
    assert not [n for n in names if _under(n, PRESENTERS) or _under(n, HEAVY)]


def test_the_check_can_fail(tmp_path: Path) -> None:
    path = tmp_path / "m.py"
    path.write_text("def f():\n    import matplotlib.pyplot\n    from accord.cli import app\n")
    assert _imports(path) == ["matplotlib.pyplot", "accord.cli"]
