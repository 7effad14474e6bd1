"""report/ draws with QtGui (and QtSvg) only: never widgets, so the CLI can use it offscreen."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import recovery_journal.report

REPORT = Path(recovery_journal.report.__file__).parent
FORBIDDEN = ("PySide6.QtWidgets", "PySide6.QtPrintSupport", "matplotlib.pyplot")


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def test_report_modules_never_import_widgets() -> None:
    offenders = {
        path.name: sorted(m for m in _imports(path) if m.startswith(FORBIDDEN))
        for path in REPORT.glob("*.py")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_importing_and_using_the_report_loads_no_widgets() -> None:
    probe = (
        "import os, sys; os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "import pkgutil, importlib, recovery_journal.report as r\n"
        "for m in pkgutil.iter_modules(r.__path__):\n"
        "    importlib.import_module(f'{r.__name__}.{m.name}')\n"
        "from PySide6.QtGui import QGuiApplication; app = QGuiApplication([])\n"
        "from recovery_journal.report.safety_plan import safety_plan_pdf\n"
        "assert safety_plan_pdf('<p>x</p>').startswith(b'%PDF')\n"
        "print([m for m in sys.modules if m.startswith(('PySide6.QtWidgets', 'PySide6.QtPrint'))])"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
