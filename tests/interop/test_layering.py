"""interop stays pure: standard library, cryptography and the shared error type only."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

from recovery_journal.errors import UserError
from recovery_journal.interop import ImportRefused

PACKAGE = Path(__file__).resolve().parents[2] / "recovery_journal" / "interop"
ALLOWED_OWN = ("recovery_journal.interop", "recovery_journal.errors")


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_interop_imports_only_the_standard_library_and_cryptography() -> None:
    offenders = {}
    for path in sorted(PACKAGE.glob("*.py")):
        bad = {
            name
            for name in _imports(path)
            if name.split(".")[0] not in sys.stdlib_module_names
            and name.split(".")[0] != "cryptography"
            and not name.startswith(ALLOWED_OWN)
        }
        if bad:
            offenders[path.name] = sorted(bad)
    assert offenders == {}


def test_refusals_are_user_errors_the_ui_can_show() -> None:
    assert issubclass(ImportRefused, UserError)
