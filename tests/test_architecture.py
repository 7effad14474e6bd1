"""The layering of DESIGN.md section 2 and the house style, checked as part of the test suite."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def _tool(name: str, *args: str) -> subprocess.CompletedProcess[str]:
    exe = BIN / name
    command = [str(exe)] if exe.exists() else [sys.executable, "-m", name]
    return subprocess.run([*command, *args], cwd=ROOT, capture_output=True, text=True)


def test_import_contracts_hold() -> None:
    """The layers, "only app.py imports ui", "only the CLI imports the demo", ui ↛ storage, …"""
    done = _tool(*CHECKS["import contracts"])
    assert done.returncode == 0, done.stdout + done.stderr


# ---------------------------------------------------------------- domain: the standard library only

# Inside the package, domain may lean on errors.py (itself standard library only, the bottom layer).
DOMAIN_MAY_IMPORT = ("recovery_journal.domain", "recovery_journal.errors")


def _outside_imports(package: Path) -> list[str]:
    """Every import in ``package`` that is neither the standard library nor allowed above."""
    offenders = []
    for path in sorted(package.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue  # relative imports stay inside the package
            for name in names:
                top = name.split(".")[0]
                allowed = top in sys.stdlib_module_names or name.startswith(DOMAIN_MAY_IMPORT)
                if not allowed:
                    offenders.append(f"{path.name}: {name}")
    return offenders


def test_domain_imports_only_the_standard_library() -> None:
    """An allow-list (not a deny-list): any third-party or app import in domain/ fails."""
    assert _outside_imports(ROOT / "recovery_journal" / "domain") == []


# ---------------------------------------------------------------- each rule catches a violation


def _copy_of_the_package(tmp_path: Path) -> Path:
    for name in ("recovery_journal", "pyproject.toml"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, tmp_path / name)
    return tmp_path / "recovery_journal"


def _lint_imports_in(folder: Path) -> str:
    """lint-imports on the copy in ``folder`` (its own package first on the path, no cache)."""
    exe = BIN / "lint-imports"
    command = [str(exe)] if exe.exists() else [sys.executable, "-m", "importlinter.cli"]
    env = {**os.environ, "PYTHONPATH": str(folder)}
    done = subprocess.run(
        [*command, "--no-cache"], cwd=folder, env=env, capture_output=True, text=True
    )
    assert done.returncode != 0, "the violation was not caught:\n" + done.stdout
    return " ".join((done.stdout + done.stderr).split())  # the report wraps long names


VIOLATIONS = {
    # where (relative to the package), the line added, the contract that must break
    "storage imports services": (
        "storage/atomic.py",
        "import recovery_journal.services.session",
        "layers: app/cli → ui → report/charts/interop/demo → services → storage → domain BROKEN",
    ),
    "domain imports storage": (
        "domain/scales.py",
        "import recovery_journal.storage.atomic",
        "layers: app/cli → ui → report/charts/interop/demo → services → storage → domain BROKEN",
    ),
    "a new top-level module without a layer": (
        "stray.py",
        "import recovery_journal.domain.scales",
        "layers: app/cli → ui → report/charts/interop/demo → services → storage → domain BROKEN",
    ),
    "the CLI imports the ui": (
        "cli/runner.py",
        "import recovery_journal.ui.theme",
        "only app.py imports the ui BROKEN",
    ),
    "the ui imports the demo generator": (
        "ui/theme.py",
        "import recovery_journal.demo",
        "only the command line imports the demo generator",
    ),
    "the ui imports storage": (
        "ui/theme.py",
        "import recovery_journal.storage.atomic",
        "ui talks to services, never to storage BROKEN",
    ),
    "a service imports ORM rows": (
        "services/tracking.py",
        "from recovery_journal.storage.orm import TriggerRow",
        "services never touch ORM rows (queries live in storage) BROKEN",
    ),
    "storage imports Qt": (
        "storage/atomic.py",
        "import PySide6.QtCore",
        "never import Qt or matplotlib BROKEN",
    ),
    "the CLI imports matplotlib at the top": (
        "cli/entries.py",
        "import matplotlib.figure",
        "the CLI stays light: no Qt, no matplotlib BROKEN",
    ),
}


@pytest.mark.parametrize("case", sorted(VIOLATIONS))
def test_each_import_contract_catches_a_deliberate_violation(tmp_path: Path, case: str) -> None:
    where, line, broken = VIOLATIONS[case]
    package = _copy_of_the_package(tmp_path)
    target = package / where
    before = target.read_text(encoding="utf-8") if target.exists() else ""
    target.write_text(before + f"\n{line}  # deliberate violation\n", encoding="utf-8")
    assert broken in _lint_imports_in(tmp_path)


def test_the_domain_allow_list_catches_a_third_party_import(tmp_path: Path) -> None:
    domain = _copy_of_the_package(tmp_path) / "domain"
    with (domain / "scales.py").open("a", encoding="utf-8") as file:
        file.write("\nimport numpy  # deliberate violation\n")
    assert _outside_imports(domain) == ["scales.py: numpy"]


LINTED = ["recovery_journal", "tests", "bench", "scripts"]
# The checks, as .pre-commit-config.yaml runs them too (each tool from the local .venv).
CHECKS = {
    "ruff check": ("ruff", "check", *LINTED),
    "ruff format": ("ruff", "format", "--check", *LINTED),
    "mypy": ("mypy",),
    "import contracts": ("lint-imports",),
}


def test_ruff_is_clean() -> None:
    done = _tool(*CHECKS["ruff check"])
    assert done.returncode == 0, done.stdout + done.stderr


def test_ruff_format_is_clean() -> None:
    done = _tool(*CHECKS["ruff format"])
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.slow
def test_mypy_strict_is_clean() -> None:
    """The package, the tests, the benchmarks and the scripts (pyproject.toml [tool.mypy])."""
    done = _tool(*CHECKS["mypy"])
    assert done.returncode == 0, done.stdout + done.stderr


def test_pre_commit_runs_the_same_checks() -> None:
    config = (ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    for command in CHECKS.values():
        assert f"entry: .venv/bin/{' '.join(command)}\n" in config, command
    assert "entry: ./run tests" in config


def test_no_module_over_400_lines_without_a_reason() -> None:
    """CONVENTIONS: aim for modules under ~400 lines; a longer one says why in its docstring."""
    package = ROOT / "recovery_journal"
    offenders = []
    for path in sorted(package.rglob("*.py")):
        name = path.relative_to(package).as_posix()
        text = path.read_text(encoding="utf-8")
        if len(text.splitlines()) <= 400:
            continue
        docstring = ast.get_docstring(ast.parse(text)) or ""
        if "400 lines" not in docstring:
            offenders.append(name)
    assert offenders == []


def test_no_pyplot_outside_tests() -> None:
    offenders = [
        path.name
        for path in (ROOT / "recovery_journal").rglob("*.py")
        if "pyplot" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []
