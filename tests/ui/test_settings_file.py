"""The settings file names the journal's path: it is 0600 in a 0700 folder (issue 8 §3)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from recovery_journal.ui.settings import AppSettings

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")


def test_settings_are_written_privately(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        file = tmp_path / "config" / "RecoveryJournal" / "settings.conf"
        settings = AppSettings(QSettings(str(file), QSettings.Format.IniFormat))
        settings.remember_journal("/home/someone/journal.rjournal")
        settings.remember_journal("/home/someone/other.rjournal")
    finally:
        os.umask(old)
    assert "other.rjournal" in file.read_text()
    assert stat.S_IMODE(file.stat().st_mode) == 0o600
    assert stat.S_IMODE(file.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(file.parent.parent.stat().st_mode) == 0o700
