"""First run through the real dialogs: welcome, passphrase, recovery code confirmation."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from recovery_journal.paths import keys_path
from recovery_journal.services.access import BackupSettings, open_journal
from recovery_journal.services.session import JournalSession
from recovery_journal.ui.first_run import FirstRunDialog
from recovery_journal.ui.tasks import TaskRunner
from tests.conftest import FAST

CHOSEN = "tea by the window at dawn"


def _create(qtbot: QtBot, tasks: TaskRunner, path: Path) -> tuple[FirstRunDialog, str]:
    dialog = FirstRunDialog(path, tasks, FAST, BackupSettings(daily=False))
    qtbot.addWidget(dialog)
    dialog.show()
    assert "encrypted on this computer" in dialog.welcome_label.text()
    assert "Nobody can reset it" in dialog.welcome_label.text()
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.passphrase.field, CHOSEN)
    assert dialog.passphrase.confirm_field is not None
    qtbot.keyClicks(dialog.passphrase.confirm_field, CHOSEN)
    assert dialog.create_button.isEnabled()
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.recovery_panel is not None, timeout=10_000)
    assert dialog.recovery_panel is not None
    return dialog, dialog.recovery_panel.code


def test_create_a_journal_and_confirm_the_recovery_code(
    qtbot: QtBot, tasks: TaskRunner, tmp_path: Path
) -> None:
    path = tmp_path / "new.rjournal"
    dialog, code = _create(qtbot, tasks, path)
    panel = dialog.recovery_panel
    assert panel is not None and path.exists() and keys_path(path).exists()
    assert not panel.done_button.isEnabled()
    qtbot.keyClicks(panel.check_field, "WRONG")
    assert not panel.done_button.isEnabled()
    panel.check_field.clear()
    group = code.split("-")[panel.asked_group]
    with qtbot.waitSignal(dialog.created) as created:
        qtbot.keyClicks(panel.check_field, group.lower())
        qtbot.mouseClick(panel.done_button, Qt.MouseButton.LeftButton)
    session = created.args[0]
    assert isinstance(session, JournalSession) and not session.is_locked
    session.lock()
    open_journal(path, CHOSEN, FAST, BackupSettings(daily=False)).lock()


def test_weak_passphrase_keeps_create_disabled(
    qtbot: QtBot, tasks: TaskRunner, tmp_path: Path
) -> None:
    dialog = FirstRunDialog(tmp_path / "x.rjournal", tasks, FAST)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.passphrase.field, "password")
    assert not dialog.create_button.isEnabled()
    assert dialog.passphrase.hint.text()


def test_recovery_code_can_be_saved_as_a_private_file(
    qtbot: QtBot, tasks: TaskRunner, tmp_path: Path
) -> None:
    dialog, code = _create(qtbot, tasks, tmp_path / "j.rjournal")
    assert dialog.recovery_panel is not None
    target = tmp_path / "code.txt"
    dialog.recovery_panel.save_to(str(target))
    assert code in target.read_text()
    assert target.stat().st_mode & 0o777 == 0o600
    assert dialog.session is not None
    dialog.session.lock()
