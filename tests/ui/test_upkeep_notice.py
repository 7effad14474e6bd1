"""Unlocking shows Today without checking every page first; the check runs in the background
afterwards and damage it finds is told kindly, without blocking, with the way to restore."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from recovery_journal.domain.entries import Entry
from recovery_journal.services.access import BackupSettings, create_journal
from recovery_journal.storage.database import damaged_error
from recovery_journal.ui import settings as S
from recovery_journal.ui.controller import AppController
from recovery_journal.ui.settings import AppSettings
from recovery_journal.ui.unlock import UnlockDialog
from tests.conftest import FAST, PASSPHRASE


@pytest.fixture
def damaged(tmp_path: Path, app_settings: AppSettings) -> Path:
    """A journal with a backup, damaged afterwards in a page only old texts live on."""
    folder = tmp_path / "backups"
    app_settings.set(S.BACKUPS_FOLDER, str(folder))
    path = tmp_path / "j.rjournal"
    session, _ = create_journal(path, PASSPHRASE, FAST, BackupSettings(folder=folder))
    session.entries.add_many(
        [Entry(date(2019, 1, 1 + i), f"old day {i} " * 1500) for i in range(30)]
    )
    session.backup_now()
    session.lock()
    data = bytearray(path.read_bytes())
    data[(len(data) // 4096 // 2) * 4096 + 800] ^= 0x01
    path.write_bytes(bytes(data))
    return path


@pytest.fixture
def controller(qtbot: QtBot, damaged: Path, app_settings: AppSettings) -> Iterator[AppController]:
    ctrl = AppController(app_settings, damaged, FAST)
    yield ctrl
    if ctrl.session is not None:
        ctrl.lock()
        qtbot.waitUntil(lambda: ctrl.session is None, timeout=10_000)
    ctrl.tasks.wait_idle()
    ctrl.upkeep_tasks.wait_idle()
    for widget in (ctrl.window, ctrl.dialog, ctrl.damage):
        if widget is not None:
            widget.close()


def _start_and_unlock(qtbot: QtBot, controller: AppController) -> None:
    """Start the app and type the passphrase into its unlock dialog."""
    controller.start()
    dialog = controller.dialog
    assert isinstance(dialog, UnlockDialog)
    with qtbot.waitSignal(controller.unlocked, timeout=10_000):
        qtbot.keyClicks(dialog.passphrase.field, PASSPHRASE)
        qtbot.keyClick(dialog.passphrase.field, Qt.Key.Key_Return)


def test_today_shows_first_and_damage_found_later_is_told_kindly(
    qtbot: QtBot, controller: AppController
) -> None:
    _start_and_unlock(qtbot, controller)
    assert controller.window is not None and controller.window.isVisible()  # despite the damage
    qtbot.waitUntil(lambda: controller.damage is not None, timeout=10_000)
    notice = controller.damage
    assert notice is not None and notice.isVisible()
    assert notice.windowModality() is Qt.WindowModality.NonModal  # the window stays usable
    assert notice.text() == damaged_error().message  # the words an unlock used
    assert "restore" in notice.informativeText()
    assert notice.restore_button.accessibleName()
    with qtbot.waitSignal(controller.locked, timeout=10_000):
        qtbot.mouseClick(notice.restore_button, Qt.MouseButton.LeftButton)
    unlock = controller.dialog
    assert isinstance(unlock, UnlockDialog)
    assert damaged_error().message in unlock.error.text()
    qtbot.waitUntil(unlock.restore_button.isVisible, timeout=10_000)  # one click from here


def test_not_now_leaves_the_journal_open(qtbot: QtBot, controller: AppController) -> None:
    _start_and_unlock(qtbot, controller)
    qtbot.waitUntil(lambda: controller.damage is not None, timeout=10_000)
    notice = controller.damage
    assert notice is not None
    later = next(b for b in notice.buttons() if b is not notice.restore_button)
    qtbot.mouseClick(later, Qt.MouseButton.LeftButton)
    assert controller.session is not None and not controller.session.is_locked
    assert controller.window is not None and controller.window.isVisible()


def test_the_check_starts_once_the_first_pages_have_loaded(
    qtbot: QtBot, controller: AppController
) -> None:
    """Issue 14 item 4: started beside Today's first loads, the check of every page (and the
    daily backup) took a core from them; it starts when they are done, and still runs."""
    pages_loading_when_it_started: list[bool] = []
    controller.upkeep_tasks.busy_changed.connect(
        lambda busy: pages_loading_when_it_started.append(controller.tasks.busy) if busy else None
    )
    _start_and_unlock(qtbot, controller)
    qtbot.waitUntil(lambda: controller.damage is not None, timeout=10_000)  # it ran
    assert pages_loading_when_it_started == [False]
