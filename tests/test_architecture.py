"""The layering of DESIGN.md section 2 and the house style, checked as part of the test suite."""

from __future__ import annotations

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
    """domain → stdlib only; storage/services never import Qt; ui never imports storage; …"""
    done = _tool("lint-imports")
    assert done.returncode == 0, done.stdout + done.stderr


LINTED = [d for d in ("recovery_journal", "tests", "bench", "scripts") if (ROOT / d).is_dir()]


def test_ruff_is_clean() -> None:
    done = _tool("ruff", "check", *LINTED)
    assert done.returncode == 0, done.stdout + done.stderr


def test_ruff_format_is_clean() -> None:
    done = _tool("ruff", "format", "--check", *LINTED)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.slow
def test_mypy_strict_is_clean() -> None:
    done = _tool("mypy")
    assert done.returncode == 0, done.stdout + done.stderr


def test_nothing_imports_the_ui_except_the_app() -> None:
    offenders = [
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "recovery_journal").rglob("*.py")
        if "recovery_journal.ui" in path.read_text(encoding="utf-8")
        and "ui" not in path.relative_to(ROOT / "recovery_journal").parts[:-1]
        and path.name != "app.py"
    ]
    assert offenders == []


def test_no_pyplot_outside_tests() -> None:
    offenders = [
        path.name
        for path in (ROOT / "recovery_journal").rglob("*.py")
        if "pyplot" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []
