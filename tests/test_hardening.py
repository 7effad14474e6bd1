"""Process hardening (issue 8 §1): the app and the CLI switch off core dumps and, on Linux,
make themselves non-dumpable (no ptrace attach, no /proc/PID/mem) before any secret is read."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from recovery_journal.cli import ENV_KDF_PROFILE

_REPORT = (
    "import resource; from recovery_journal.hardening import is_dumpable; "
    "print('CORE', resource.getrlimit(resource.RLIMIT_CORE), 'DUMPABLE', is_dumpable())"
)

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux prctl")


def _env(tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "RECOVERY_JOURNAL_PATH": str(tmp_path / "h.rjournal"),
        "RECOVERY_JOURNAL_NEW_PASSPHRASE": "quiet river evening light",
        ENV_KDF_PROFILE: "floor",
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "QT_QPA_PLATFORM": "offscreen",
    }


def _run(probe: str, tmp_path: Path) -> str:
    done = subprocess.run(
        [sys.executable, "-c", probe], env=_env(tmp_path), capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_a_plain_python_process_would_be_dumpable(tmp_path: Path) -> None:
    """The control: without hardening the process is dumpable (so the tests below mean it)."""
    assert "DUMPABLE True" in _run(_REPORT, tmp_path)


def test_the_cli_switches_off_core_dumps_and_attaching(tmp_path: Path) -> None:
    probe = f"from recovery_journal.cli import main; assert main(['init']) == 0; {_REPORT}"
    out = _run(probe, tmp_path)
    assert "CORE (0, 0)" in out and "DUMPABLE False" in out


def test_the_app_switches_off_core_dumps_and_attaching(tmp_path: Path) -> None:
    probe = (
        "from PySide6.QtCore import QTimer; from PySide6.QtWidgets import QApplication; "
        "app = QApplication([]); QTimer.singleShot(0, app.quit); "
        "from recovery_journal.app import main; main([]); " + _REPORT
    )
    out = _run(probe, tmp_path)
    assert "CORE (0, 0)" in out and "DUMPABLE False" in out


def test_hardening_starts_no_other_process(tmp_path: Path) -> None:
    """It runs first in every command line: finding the C library by name ran ``ldconfig -p``
    in a subprocess each time (issue 14 item 6); the process's own handle reaches ``prctl``."""
    probe = (
        "import sys; started = []; "
        "sys.addaudithook(lambda e, a: started.append(e) if e == 'subprocess.Popen' else None); "
        "from recovery_journal.hardening import harden_process, is_dumpable; "
        "done = harden_process(); print('STARTED', started, 'DUMPABLE', is_dumpable(), "
        "'FAILURES', done.failures)"
    )
    assert "STARTED [] DUMPABLE False FAILURES []" in _run(probe, tmp_path)
