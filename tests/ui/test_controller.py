"""The whole app as a person meets it: first run, lock and unlock, idle lock, quick-hide."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from recovery_journal.domain.entries import CheckIn, Draft, Entry
from recovery_journal.services.access import BackupSettings, create_journal
from recovery_journal.ui import settings as S
from recovery_journal.ui.controller import AppController
from recovery_journal.ui.first_run import FirstRunDialog
from recovery_journal.ui.settings import AppSettings
from recovery_journal.ui.unlock import UnlockDialog
from tests.conftest import FAST, PASSPHRASE


@pytest.fixture
def existing(tmp_path: Path, app_settings: AppSettings) -> Path:
    app_settings.set(S.BACKUPS_FOLDER, str(tmp_path / "backups"))
    session, _ = create_journal(
        tmp_path / "j.rjournal", PASSPHRASE, FAST, BackupSettings(folder=tmp_path / "backups")
    )
    session.entries.add(Entry(date(2026, 5, 1), "an entry from before"))
    session.lock()
    return tmp_path / "j.rjournal"


@pytest.fixture
def controller(qtbot: QtBot, existing: Path, app_settings: AppSettings) -> Iterator[AppController]:
    ctrl = AppController(app_settings, existing, FAST)
    yield ctrl
    if ctrl.session is not None:
        ctrl.lock()
        qtbot.waitUntil(lambda: ctrl.session is None, timeout=10_000)
    ctrl.tasks.wait_idle()
    for widget in (ctrl.window, ctrl.dialog):
        if widget is not None:
            widget.close()


def unlock(qtbot: QtBot, ctrl: AppController) -> None:
    dialog = ctrl.dialog
    assert isinstance(dialog, UnlockDialog)
    with qtbot.waitSignal(ctrl.unlocked, timeout=10_000):
        qtbot.keyClicks(dialog.passphrase.field, PASSPHRASE)
        qtbot.keyClick(dialog.passphrase.field, Qt.Key.Key_Return)
    assert ctrl.window is not None and ctrl.window.isVisible()
    qtbot.waitUntil(lambda: not ctrl.tasks.busy, timeout=10_000)  # pages finished loading


def test_no_journal_starts_with_the_welcome(
    qtbot: QtBot, tmp_path: Path, app_settings: AppSettings
) -> None:
    ctrl = AppController(app_settings, tmp_path / "fresh.rjournal", FAST)
    ctrl.start()
    assert isinstance(ctrl.dialog, FirstRunDialog) and ctrl.dialog.isVisible()
    ctrl.dialog.close()


def test_existing_journal_starts_locked_and_unlocks(
    qtbot: QtBot, controller: AppController
) -> None:
    controller.start()
    assert isinstance(controller.dialog, UnlockDialog)
    unlock(qtbot, controller)
    assert controller.window is not None
    assert controller.window.windowTitle() == "Recovery Journal"


def test_ctrl_l_locks_and_clears_everything(qtbot: QtBot, controller: AppController) -> None:
    controller.start()
    unlock(qtbot, controller)
    window, session = controller.window, controller.session
    assert window is not None and session is not None
    with qtbot.waitSignal(controller.locked, timeout=10_000):
        qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert session.is_locked
    assert controller.window is None and controller.session is None
    assert isinstance(controller.dialog, UnlockDialog) and controller.dialog.isVisible()
    qtbot.waitUntil(lambda: not window.isVisible())
    unlock(qtbot, controller)


def test_auto_lock_after_idle(qtbot: QtBot, controller: AppController) -> None:
    controller.start()
    unlock(qtbot, controller)
    with qtbot.waitSignal(controller.locked, timeout=10_000):
        controller.idle.start(30)  # the idle timer, shortened
    assert controller.session is None


@pytest.mark.parametrize("typing", [True, False])
def test_typing_postpones_the_idle_lock(
    qtbot: QtBot, controller: AppController, typing: bool
) -> None:
    """Typing restarts the idle countdown. A reference timer with the same countdown, started
    just after the idle timer, tells which came first (an order of events, not a measured time):
    without typing the journal locks before it fires; after a keystroke, only after it."""
    controller.start()
    unlock(qtbot, controller)
    assert controller.window is not None
    editor = controller.window.today.editor
    countdown = 300
    controller.idle.timer.setTimerType(Qt.TimerType.PreciseTimer)
    reference = QTimer()
    reference.setSingleShot(True)
    reference.setTimerType(Qt.TimerType.PreciseTimer)
    fired: list[str] = []
    controller.idle.idle.connect(lambda: fired.append("idle"))
    reference.timeout.connect(lambda: fired.append("reference"))
    controller.idle.start(countdown)
    reference.start(countdown)
    if typing:
        qtbot.keyClicks(editor, "still here")
    qtbot.waitUntil(lambda: len(fired) == 2, timeout=10_000)
    assert fired == (["reference", "idle"] if typing else ["idle", "reference"])
    qtbot.waitUntil(lambda: controller.session is None, timeout=10_000)  # it does lock


def test_idle_zero_means_never(
    qtbot: QtBot, controller: AppController, app_settings: AppSettings
) -> None:
    app_settings.set(S.AUTO_LOCK_MINUTES, 0)
    controller.start()
    unlock(qtbot, controller)
    assert not controller.idle.timer.isActive()


def test_quick_hide_hides_every_window_and_locks(qtbot: QtBot, controller: AppController) -> None:
    controller.start()
    unlock(qtbot, controller)
    window = controller.window
    assert window is not None
    with qtbot.waitSignal(controller.locked, timeout=10_000):
        qtbot.keyClick(
            window,
            Qt.Key.Key_H,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
    assert not window.isVisible()
    assert controller.session is None
    assert controller.dialog is not None and controller.dialog.isMinimized()


def test_lock_clears_text_the_app_put_on_the_clipboard(
    qtbot: QtBot, controller: AppController
) -> None:
    controller.start()
    unlock(qtbot, controller)
    controller.clipboard.copy("555-0101 my sponsor")
    with qtbot.waitSignal(controller.locked, timeout=10_000):
        controller.lock()
    assert QGuiApplication.clipboard().text() == ""


def test_lock_on_minimise_when_chosen(
    qtbot: QtBot, controller: AppController, app_settings: AppSettings
) -> None:
    app_settings.set(S.LOCK_ON_MINIMISE, True)
    controller.start()
    unlock(qtbot, controller)
    assert controller.window is not None
    with qtbot.waitSignal(controller.locked, timeout=10_000):
        controller.window.minimised.emit()
    assert controller.session is None


def test_recent_journals_are_remembered_unless_switched_off(
    qtbot: QtBot, controller: AppController, app_settings: AppSettings, existing: Path
) -> None:
    controller.start()
    unlock(qtbot, controller)
    assert app_settings.recent_journals() == [str(existing)]
    app_settings.set(S.REMEMBER_RECENT, False)
    assert app_settings.recent_journals() == []


def test_unsaved_writing_survives_a_lock(qtbot: QtBot, controller: AppController) -> None:
    """Text typed on Today but not saved is kept as a draft through lock and unlock."""
    controller.start()
    unlock(qtbot, controller)
    assert controller.window is not None
    today = controller.window.today
    today.autosave_interval_ms = 60_000  # no autosave: the lock itself must keep the text
    qtbot.keyClicks(today.editor, "half a thought before the bus")
    with qtbot.waitSignal(controller.locked, timeout=10_000):
        qtbot.keyClick(controller.window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    unlock(qtbot, controller)
    assert controller.window is not None
    qtbot.waitUntil(
        lambda: (
            controller.window is not None
            and controller.window.today.editor.toPlainText() == "half a thought before the bus"
        ),
        timeout=10_000,
    )


def test_what_lives_while_unlocked_is_set_aside_from_full_collections_until_the_lock(
    qtbot: QtBot, controller: AppController
) -> None:
    """Full collections walk only what was made after unlocking (the slowest page of a long
    Journal scroll was one), and everything is the collector's again after the lock."""
    import gc

    controller.start()
    assert gc.get_freeze_count() == 0
    unlock(qtbot, controller)
    frozen = gc.get_freeze_count()
    assert frozen > 10_000  # the app's modules, the window and its pages
    made_after = [object()]
    assert gc.get_freeze_count() == frozen and gc.is_tracked(made_after)
    with qtbot.waitSignal(controller.locked, timeout=10_000):
        controller.lock()
    assert gc.get_freeze_count() == 0
    unlock(qtbot, controller)
    assert gc.get_freeze_count() > 10_000


def test_locking_leaves_no_journal_widget_behind(qtbot: QtBot, controller: AppController) -> None:
    """After a lock only the unlock screen exists: the main window and its pages are gone."""
    from PySide6.QtWidgets import QApplication

    from recovery_journal.ui.main_window import MainWindow

    controller.start()
    unlock(qtbot, controller)
    with qtbot.waitSignal(controller.locked, timeout=10_000):
        controller.lock()
    qtbot.waitUntil(
        lambda: not any(isinstance(w, MainWindow) for w in QApplication.topLevelWidgets()),
        timeout=5_000,
    )


def test_open_recent_lists_other_journals_and_switches(
    qtbot: QtBot, controller: AppController, app_settings: AppSettings, tmp_path: Path
) -> None:
    other, _ = create_journal(
        tmp_path / "other.rjournal", PASSPHRASE, FAST, BackupSettings(daily=False)
    )
    other.lock()
    app_settings.remember_journal(str(tmp_path / "other.rjournal"))
    controller.start()
    unlock(qtbot, controller)
    window = controller.window
    assert window is not None
    window._fill_recent_menu()
    actions = [a.text() for a in window.recent_menu.actions()]
    assert actions == [str(tmp_path / "other.rjournal")]
    with qtbot.waitSignal(controller.locked, timeout=10_000):
        window.recent_menu.actions()[0].trigger()
    assert controller.path == tmp_path / "other.rjournal"
    assert isinstance(controller.dialog, UnlockDialog)
    assert controller.dialog.path == tmp_path / "other.rjournal"


def test_the_app_starts_with_the_journal_used_last(
    app_settings: AppSettings, existing: Path
) -> None:
    from recovery_journal.app import starting_journal

    app_settings.remember_journal(str(existing))
    assert starting_journal(app_settings) == existing


def test_locking_while_a_dialog_waits_does_not_crash(
    qtbot: QtBot, controller: AppController
) -> None:
    """Auto-lock firing while a confirmation waits for an answer: the dialog closes, the
    journal locks, the app goes on (it used to free the dialog under its own event loop)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    controller.start()
    unlock(qtbot, controller)
    assert controller.window is not None
    QTimer.singleShot(0, controller.lock)  # what the idle timer does
    answer = QMessageBox.question(controller.window.journal.editor, "Delete forever?", "Sure?")
    assert answer != QMessageBox.StandardButton.Yes
    qtbot.waitUntil(lambda: controller.session is None, timeout=10_000)
    assert isinstance(controller.dialog, UnlockDialog)


def test_a_page_that_cannot_give_its_draft_does_not_stop_the_lock(
    qtbot: QtBot, controller: AppController
) -> None:
    controller.start()
    unlock(qtbot, controller)
    window = controller.window
    assert window is not None

    def broken() -> list[Draft]:
        raise ValueError("cannot collect")

    window.today.pending_drafts = broken  # type: ignore[method-assign]
    with qtbot.waitSignal(controller.locked, timeout=10_000):
        controller.lock()
    assert controller.session is None and not controller._locking
    assert controller.last_error_box is not None
    controller.last_error_box.close()


def test_a_key_change_finished_at_unlock_offers_a_new_recovery_code(
    qtbot: QtBot, existing: Path, app_settings: AppSettings
) -> None:
    """Killed between rewriting the journal and showing its new code: the next unlock finishes
    the change and offers a new recovery code (the old one no longer works)."""
    from PySide6.QtWidgets import QMessageBox

    from recovery_journal.paths import keys_path, next_keys_path
    from recovery_journal.services.access import open_journal
    from recovery_journal.ui.passphrase_dialogs import NewRecoveryCodeDialog

    new = "a brand new passphrase for this"
    old_keys = keys_path(existing).read_bytes()
    session = open_journal(existing, PASSPHRASE, FAST, BackupSettings(daily=False))
    session.reencrypt(PASSPHRASE, new, FAST)
    session.lock()
    keys_path(existing).rename(next_keys_path(existing))  # as if killed before the rename
    keys_path(existing).write_bytes(old_keys)
    ctrl = AppController(app_settings, existing, FAST)
    try:
        ctrl.start()
        dialog = ctrl.dialog
        assert isinstance(dialog, UnlockDialog)
        with qtbot.waitSignal(ctrl.unlocked, timeout=10_000):
            qtbot.keyClicks(dialog.passphrase.field, new)
            qtbot.keyClick(dialog.passphrase.field, Qt.Key.Key_Return)
        assert ctrl.window is not None
        box = ctrl.window.key_change_box
        assert isinstance(box, QMessageBox) and box.isVisible()
        assert not next_keys_path(existing).exists()
        make = next(b for b in box.buttons() if "new recovery code" in b.text())
        qtbot.mouseClick(make, Qt.MouseButton.LeftButton)
        settings = ctrl.window.settings_page
        qtbot.waitUntil(lambda: isinstance(settings.dialog, NewRecoveryCodeDialog))
        assert settings.dialog is not None and settings.dialog.isVisible()
        assert isinstance(settings.dialog, NewRecoveryCodeDialog)
        settings.dialog.reject()
        ctrl.lock()
        qtbot.waitUntil(lambda: ctrl.session is None, timeout=10_000)
    finally:
        ctrl.tasks.wait_idle()
        for widget in (ctrl.window, ctrl.dialog):
            if widget is not None:
                widget.close()


def _titles() -> list[str]:
    return [w.windowTitle() for w in QApplication.topLevelWidgets() if w.windowTitle()]


def test_a_neutral_window_title_when_chosen(
    qtbot: QtBot, controller: AppController, app_settings: AppSettings
) -> None:
    """Issue 13 §5: the taskbar can say just "Journal" — live, locked and unlocked."""
    controller.start()
    unlock(qtbot, controller)
    window = controller.window
    assert window is not None
    window.show_page(window.settings_page)
    window.settings_page.neutral_title.setChecked(True)  # applies at once
    assert app_settings.get(S.NEUTRAL_TITLE)
    assert window.windowTitle() == "Journal"
    with qtbot.waitSignal(controller.locked, timeout=10_000):
        controller.lock()
    assert controller.dialog is not None and controller.dialog.windowTitle() == "Journal"
    unlock(qtbot, controller)
    assert controller.window is not None and controller.window.windowTitle() == "Journal"
    controller.window.settings_page.neutral_title.setChecked(False)
    assert controller.window.windowTitle() == "Recovery Journal"


def test_unlocking_builds_only_the_page_shown_and_a_later_settings_page_still_applies(
    qtbot: QtBot, controller: AppController, app_settings: AppSettings
) -> None:
    """Issue 14 item 4: the Settings page, like every page, is built when first shown, not at
    unlock only to connect its signal (that was ~40 ms before Today showed); its changes still
    reach the app (here the neutral title, applied at once)."""
    controller.start()
    unlock(qtbot, controller)
    window = controller.window
    assert window is not None
    assert [type(page).__name__ for page in window.pages] == ["TodayPage"]
    window.show_page(window.settings_page)
    window.settings_page.neutral_title.setChecked(True)
    assert app_settings.get(S.NEUTRAL_TITLE)
    assert window.windowTitle() == "Journal"


def test_quick_hide_leaves_only_a_neutral_title(qtbot: QtBot, controller: AppController) -> None:
    controller.start()
    unlock(qtbot, controller)
    assert controller.window is not None
    with qtbot.waitSignal(controller.locked, timeout=10_000):
        controller.quick_hide()
    assert controller.dialog is not None and controller.dialog.isMinimized()
    assert controller.dialog.windowTitle() == "Journal"
    assert not any("Recovery" in t or ".rjournal" in t for t in _titles())


def test_unlocking_returns_to_the_page_and_keeps_what_was_shown(
    qtbot: QtBot, controller: AppController, existing: Path
) -> None:
    """Issue 13 §3: unlocking went back to Today and forgot faces, "More" and a dismissed note."""
    from datetime import timedelta

    from recovery_journal.domain.clock import local_today
    from recovery_journal.services.access import open_journal

    session = open_journal(existing, PASSPHRASE, FAST, BackupSettings(daily=False))
    for days_ago in (0, 2, 4):  # a hard week: the gentle note shows
        session.entries.add(
            Entry(local_today() - timedelta(days=days_ago), "", check_in=CheckIn(mood=1))
        )
    session.lock()
    controller.start()
    unlock(qtbot, controller)
    window = controller.window
    assert window is not None
    qtbot.waitUntil(lambda: window.banner.isVisible(), timeout=10_000)
    qtbot.mouseClick(window.banner.later_button, Qt.MouseButton.LeftButton)
    window.today.checkin.faces_toggle.setChecked(True)
    window.today.checkin.more_toggle.setChecked(True)
    window.show_page(window.coping)
    with qtbot.waitSignal(controller.locked, timeout=10_000):
        controller.lock()
    unlock(qtbot, controller)
    again = controller.window
    assert again is not None and again is not window
    assert again.stack.currentWidget() is again.coping
    assert again.today.checkin.faces_toggle.isChecked()
    assert again.today.checkin.more_toggle.isChecked()
    again.banner.check()
    qtbot.waitUntil(lambda: not controller.tasks.busy, timeout=10_000)
    assert not again.banner.isVisible()  # still put away
