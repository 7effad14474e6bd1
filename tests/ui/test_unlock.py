"""The unlock screen: right and wrong passphrases, the recovery-code path, damaged journals."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from recovery_journal.domain.entries import Entry
from recovery_journal.services.access import BackupSettings, create_journal, open_journal
from recovery_journal.ui.tasks import TaskRunner
from recovery_journal.ui.unlock import UnlockDialog
from tests.conftest import FAST, PASSPHRASE

NEW = "a brand new evening phrase"


@pytest.fixture
def made(tmp_path: Path) -> tuple[Path, str, BackupSettings]:
    backups = BackupSettings(folder=tmp_path / "backups")
    session, code = create_journal(tmp_path / "j.rjournal", PASSPHRASE, FAST, backups)
    session.entries.add(Entry(date(2026, 5, 1), "before"))
    session.lock()
    return tmp_path / "j.rjournal", code, backups


def _dialog(
    qtbot: QtBot, tasks: TaskRunner, made: tuple[Path, str, BackupSettings]
) -> UnlockDialog:
    dialog = UnlockDialog(made[0], tasks, FAST, made[2])
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_right_passphrase_unlocks(
    qtbot: QtBot, tasks: TaskRunner, made: tuple[Path, str, BackupSettings]
) -> None:
    dialog = _dialog(qtbot, tasks, made)
    with qtbot.waitSignal(dialog.unlocked, timeout=10_000) as signal:
        qtbot.keyClicks(dialog.passphrase.field, PASSPHRASE)
        qtbot.keyClick(dialog.passphrase.field, Qt.Key.Key_Return)
    session = signal.args[0]
    assert [e.body for e in session.entries.list()] == ["before"]
    assert dialog.passphrase.text() == ""
    session.lock()


def test_wrong_passphrase_shows_a_kind_message(
    qtbot: QtBot, tasks: TaskRunner, made: tuple[Path, str, BackupSettings]
) -> None:
    dialog = _dialog(qtbot, tasks, made)
    qtbot.keyClicks(dialog.passphrase.field, "not the one")
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dialog.error.text()), timeout=10_000)
    assert "doesn't open this journal" in dialog.error.text()
    assert "Caps Lock" in dialog.error.text()
    assert dialog.unlock_button.isEnabled() and not dialog.busy.isVisible()


def test_already_open_elsewhere_is_explained(
    qtbot: QtBot, tasks: TaskRunner, made: tuple[Path, str, BackupSettings]
) -> None:
    other = open_journal(made[0], PASSPHRASE, FAST, made[2])
    try:
        dialog = _dialog(qtbot, tasks, made)
        qtbot.keyClicks(dialog.passphrase.field, PASSPHRASE)
        qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: bool(dialog.error.text()), timeout=10_000)
        assert "already open" in dialog.error.text()
    finally:
        other.lock()


def test_recovery_code_path_sets_a_new_passphrase_and_shows_a_new_code(
    qtbot: QtBot, tasks: TaskRunner, made: tuple[Path, str, BackupSettings]
) -> None:
    dialog = _dialog(qtbot, tasks, made)
    qtbot.mouseClick(dialog.forgot_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.code_field, made[1].lower())
    qtbot.keyClicks(dialog.new_passphrase.field, NEW)
    assert dialog.new_passphrase.confirm_field is not None
    qtbot.keyClicks(dialog.new_passphrase.confirm_field, NEW)
    qtbot.mouseClick(dialog.recover_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: getattr(dialog, "recovery_panel", None) is not None, timeout=10_000)
    panel = dialog.recovery_panel
    assert panel.code != made[1]
    with qtbot.waitSignal(dialog.unlocked) as signal:
        qtbot.keyClicks(panel.check_field, panel.code.split("-")[panel.asked_group])
        qtbot.keyClick(panel.check_field, Qt.Key.Key_Return)
    signal.args[0].lock()
    open_journal(made[0], NEW, FAST, made[2]).lock()


def test_a_mistyped_recovery_code_is_caught_before_any_work(
    qtbot: QtBot, tasks: TaskRunner, made: tuple[Path, str, BackupSettings]
) -> None:
    dialog = _dialog(qtbot, tasks, made)
    qtbot.mouseClick(dialog.forgot_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.code_field, "ABCD")
    qtbot.keyClicks(dialog.new_passphrase.field, NEW)
    assert dialog.new_passphrase.confirm_field is not None
    qtbot.keyClicks(dialog.new_passphrase.confirm_field, NEW)
    qtbot.mouseClick(dialog.recover_button, Qt.MouseButton.LeftButton)
    assert "doesn't look like a recovery code" in dialog.recover_error.text()


def test_damaged_journal_offers_the_latest_backup(
    qtbot: QtBot, tasks: TaskRunner, made: tuple[Path, str, BackupSettings]
) -> None:
    path, _, backups = made
    open_journal(path, PASSPHRASE, FAST, backups).lock()  # takes the daily backup
    raw = bytearray(path.read_bytes())
    for offset in range(100, 4000, 97):
        raw[offset] ^= 0xFF
    path.write_bytes(bytes(raw))
    dialog = _dialog(qtbot, tasks, made)
    qtbot.keyClicks(dialog.passphrase.field, PASSPHRASE)
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.restore_button.isVisible(), timeout=10_000)
    assert "damaged" in dialog.error.text()
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "back in place" in dialog.error.text(), timeout=10_000)
    with qtbot.waitSignal(dialog.unlocked, timeout=10_000) as signal:
        qtbot.keyClick(dialog.passphrase.field, Qt.Key.Key_Return)  # the passphrase is still there
    session = signal.args[0]
    assert [e.body for e in session.entries.list()] == ["before"]
    session.lock()
    assert any(".set-aside-" in p.name for p in path.parent.iterdir())


def test_a_damaged_key_file_offers_the_latest_backup(
    qtbot: QtBot, tasks: TaskRunner, made: tuple[Path, str, BackupSettings]
) -> None:
    """A key-file slot with a 4-byte salt: "key file damaged" and the restore offer (issue 8)."""
    import base64
    import json

    path, _, backups = made
    open_journal(path, PASSPHRASE, FAST, backups).lock()  # takes the daily backup
    key_file = path.with_name(path.name + ".keys")
    doc = json.loads(key_file.read_text())
    doc["slots"][0]["kdf"]["salt"] = base64.b64encode(b"abcd").decode()
    key_file.write_text(json.dumps(doc))
    dialog = _dialog(qtbot, tasks, made)
    qtbot.keyClicks(dialog.passphrase.field, PASSPHRASE)
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.restore_button.isVisible(), timeout=10_000)
    assert "key file is damaged" in dialog.error.text()
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "back in place" in dialog.error.text(), timeout=10_000)
    with qtbot.waitSignal(dialog.unlocked, timeout=10_000) as signal:
        qtbot.keyClick(dialog.passphrase.field, Qt.Key.Key_Return)
    session = signal.args[0]
    assert [e.body for e in session.entries.list()] == ["before"]
    session.lock()


def test_enter_submits_the_recovery_code_form(
    qtbot: QtBot, tasks: TaskRunner, made: tuple[Path, str, BackupSettings]
) -> None:
    """Issue 13 §3: Enter in the form opens the journal, as the button does."""
    dialog = _dialog(qtbot, tasks, made)
    qtbot.mouseClick(dialog.forgot_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.code_field, made[1])
    qtbot.keyClick(dialog.code_field, Qt.Key.Key_Return)  # not finished: on to the passphrase
    assert dialog.focusWidget() is dialog.new_passphrase.field
    qtbot.keyClicks(dialog.new_passphrase.field, NEW)
    assert dialog.new_passphrase.confirm_field is not None
    qtbot.keyClicks(dialog.new_passphrase.confirm_field, NEW)
    qtbot.keyClick(dialog.new_passphrase.confirm_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: getattr(dialog, "recovery_panel", None) is not None, timeout=10_000)
    with qtbot.waitSignal(dialog.unlocked) as signal:
        panel = dialog.recovery_panel
        qtbot.keyClicks(panel.check_field, panel.code.split("-")[panel.asked_group])
        qtbot.keyClick(panel.check_field, Qt.Key.Key_Return)
    signal.args[0].lock()
