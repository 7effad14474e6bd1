"""The app's save dialogs refuse a journal's own files, as the CLI does (issue 8 §1)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from recovery_journal.services.session import JournalSession
from recovery_journal.ui.recovery_code import RecoveryCodePanel

CODE = "ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567"


@pytest.mark.parametrize("suffix", ["", ".keys", "-wal", ".lock"])
def test_saving_the_recovery_code_over_a_journal_file_is_refused(
    qtbot: QtBot, journal: JournalSession, suffix: str
) -> None:
    panel = RecoveryCodePanel(CODE)
    qtbot.addWidget(panel)
    target = journal.path.with_name(journal.path.name + suffix)
    before = target.read_bytes() if target.exists() else None
    panel.save_to(str(target))
    assert "journal's own file" in panel.status.text()
    assert (target.read_bytes() if target.exists() else None) == before


def test_saving_through_a_link_to_a_key_file_is_refused(
    qtbot: QtBot, journal: JournalSession, tmp_path: Path
) -> None:
    panel = RecoveryCodePanel(CODE)
    qtbot.addWidget(panel)
    keys_file = journal.path.with_name(journal.path.name + ".keys")
    before = keys_file.read_bytes()
    link = tmp_path / "code.txt"
    os.link(keys_file, link)  # another name for the same file: found by its content
    panel.save_to(str(link))
    assert "key file" in panel.status.text() and keys_file.read_bytes() == before


def test_saving_the_recovery_code_elsewhere_still_works(qtbot: QtBot, tmp_path: Path) -> None:
    panel = RecoveryCodePanel(CODE)
    qtbot.addWidget(panel)
    panel.save_to(str(tmp_path / "code.txt"))
    assert CODE in (tmp_path / "code.txt").read_text() and "Saved" in panel.status.text()


def test_saving_through_a_hard_link_to_the_open_journal_is_refused(
    qtbot: QtBot, journal: JournalSession, tmp_path: Path
) -> None:
    """Another name, another folder, random-looking content: known by its device and inode."""
    panel = RecoveryCodePanel(CODE)
    qtbot.addWidget(panel)
    (tmp_path / "elsewhere").mkdir()
    alias = tmp_path / "elsewhere" / "plan.pdf"
    os.link(journal.path, alias)
    before = journal.path.read_bytes()
    panel.save_to(str(alias))
    assert "journal's own file" in panel.status.text()
    assert journal.path.read_bytes() == before
