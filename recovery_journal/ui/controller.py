"""The app's states and the moves between them: first run → unlocked ⇄ locked.

Locking (Ctrl+L, idle, minimise, quick-hide) hides the window at once, saves unsaved writing as
drafts, closes the journal (keys zeroed) in one background job, takes back what the app put on the
clipboard, and destroys the main window so no model or widget keeps journal content. Only the unlock
screen remains.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QWidget

from recovery_journal.errors import ErrorKind, UserError
from recovery_journal.paths import normalise_journal_path
from recovery_journal.services.options import BackupSettings, KeySettings, journal_exists
from recovery_journal.ui import long_lived
from recovery_journal.ui import settings as S
from recovery_journal.ui.clipboard import ClipboardGuard
from recovery_journal.ui.context import UiContext
from recovery_journal.ui.first_run import FirstRunDialog
from recovery_journal.ui.idle import IdleMonitor
from recovery_journal.ui.messages import DamageNotice, show_error
from recovery_journal.ui.reminders import GentleReminder
from recovery_journal.ui.tasks import TaskRunner
from recovery_journal.ui.theme import apply_theme
from recovery_journal.ui.unlock import UnlockDialog
from recovery_journal.ui.view_state import ViewState, capture, restore
from recovery_journal.ui.window_title import neutral_title, set_titles, window_title

if TYPE_CHECKING:
    # Imported when a journal opens: the unlock screen appears before the pages are loaded.
    from recovery_journal.services.session import JournalSession
    from recovery_journal.ui.main_window import MainWindow


def _warm_up() -> None:
    for module in ("recovery_journal.services.access", "recovery_journal.ui.main_window"):
        importlib.import_module(module)


def _open_modals() -> list[QDialog]:
    """Dialogs running their own event loop now (innermost first)."""
    found: list[QDialog] = []
    modal = QApplication.activeModalWidget()
    while isinstance(modal, QDialog) and modal.isVisible() and modal not in found:
        found.append(modal)
        modal = modal.parentWidget()
        modal = modal if isinstance(modal, QDialog) and modal.isModal() else None
    return found


class AppController(QObject):
    """Owns the session and the top-level windows; pages never see the controller."""

    unlocked = Signal()
    locked = Signal()

    def __init__(
        self,
        settings: S.AppSettings,
        journal_path: Path,
        key_settings: KeySettings = KeySettings(),
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.path = normalise_journal_path(journal_path)
        self.key_settings = key_settings
        self.tasks = TaskRunner(self)
        self.tasks.error_unhandled.connect(self.report)
        # Its own worker, so the whole-file check and the daily backup never hold up the
        # pages' loads (they use a connection of their own, see services.reader.upkeep).
        self.upkeep_tasks = TaskRunner(self)
        self.damage: DamageNotice | None = None
        self.clipboard = ClipboardGuard(self)
        self.idle = IdleMonitor(self)
        self.idle.idle.connect(self.lock)
        self.session: JournalSession | None = None
        self.window: MainWindow | None = None
        self.dialog: FirstRunDialog | UnlockDialog | None = None
        self.last_error_box: QWidget | None = None
        self._locking = False
        self._hidden = False
        self._look: tuple[str, int] | None = None
        # The daily reminder works while the journal is locked: it belongs to the app.
        self.reminder = GentleReminder(settings, self)
        self.reminder.open_requested.connect(self.bring_to_front)
        self._view: ViewState | None = None  # where the person was at the last lock

    # ------------------------------------------------------------ start, unlock, first run

    def start(self) -> None:
        self.apply_preferences()
        if journal_exists(self.path):
            self.show_unlock()
        else:
            self.show_first_run()
        # While the person types, load the database stack and the pages on the worker, so that
        # unlocking doesn't wait for imports (first unlock ~0.4 s sooner).
        self.tasks.run(_warm_up)

    def backup_settings(self) -> BackupSettings:
        folder = self.settings.get(S.BACKUPS_FOLDER)
        return BackupSettings(folder=Path(folder) if folder else None)

    def show_first_run(self) -> None:
        dialog = FirstRunDialog(self.path, self.tasks, self.key_settings, self.backup_settings())
        dialog.created.connect(self._on_session_ready)
        self._show_dialog(dialog)

    def show_unlock(self) -> None:
        dialog = UnlockDialog(self.path, self.tasks, self.key_settings, self.backup_settings())
        dialog.unlocked.connect(self._on_session_ready)
        dialog.open_other.connect(self.choose_journal_to_open)
        dialog.create_new.connect(self.choose_journal_to_create)
        self._show_dialog(dialog)

    def _show_dialog(self, dialog: FirstRunDialog | UnlockDialog) -> None:
        old = self.dialog
        self.dialog = dialog
        if old is not None:
            old.deleteLater()
        dialog.rejected.connect(self._on_dialog_rejected)
        self._apply_title()
        if self._hidden:
            dialog.showMinimized()
        else:
            dialog.show()

    @Slot()
    def _on_dialog_rejected(self) -> None:
        if self.session is None and self.sender() is self.dialog:
            QApplication.quit()

    def _on_session_ready(self, session: JournalSession) -> None:
        from recovery_journal.ui.main_window import MainWindow

        self.session = session
        self._hidden = False
        self.settings.remember_journal(str(self.path))
        ctx = UiContext(
            session,
            self.tasks,
            self.settings,
            self.report,
            self.clipboard,
            self.key_settings,
            self.backup_settings(),
        )
        window = MainWindow(ctx)
        window.lock_requested.connect(self.lock)
        window.open_other_requested.connect(self.choose_journal_to_open)
        window.open_recent_requested.connect(lambda p: self.switch_to(Path(p)))
        window.create_requested.connect(self.choose_journal_to_create)
        window.minimised.connect(self._on_window_minimised)
        window.settings_changed.connect(self.apply_preferences)
        self.quick_hide_shortcut = QShortcut(window)
        self.quick_hide_shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
        self.quick_hide_shortcut.activated.connect(self.quick_hide)
        self.window = window
        restore(window, self._view, str(self.path))  # back where they were, same toggles
        self.apply_preferences()
        window.show()
        if self.dialog is not None:
            self.dialog.hide()
            self.dialog.deleteLater()
            self.dialog = None
        if session.finished_key_change:
            window.offer_new_recovery_code()
        self.unlocked.emit()
        self._upkeep_after_first_loads(session)
        long_lived.settle()

    def _upkeep_after_first_loads(self, session: JournalSession) -> None:
        """The whole-file check and the daily backup, in the background once the pages' first
        loads are done: started beside them, they took a core from Today's loads on a two-core
        machine, more the larger the journal (issue 14 item 4)."""

        def start() -> None:
            if self.session is session and not session.is_locked:
                self.upkeep_tasks.run(session.upkeep, None, self._on_upkeep_failed)

        if not self.tasks.busy:
            start()
            return
        # Busy now, so the next change is to idle; a lock meanwhile makes start() do nothing.
        self.tasks.busy_changed.connect(
            lambda _busy: start(), Qt.ConnectionType.SingleShotConnection
        )

    def _on_upkeep_failed(self, error: BaseException) -> None:
        """Damage found after unlocking: told kindly, without blocking (restore is offered)."""
        if self.window is None or not isinstance(error, UserError):
            self.report(error)
            return
        if error.kind is not ErrorKind.JOURNAL_DAMAGED:
            self.report(error)
            return
        self.damage = DamageNotice(self.window, error)
        self.damage.restore_wanted.connect(lambda: self._lock_then_offer_restore(error))
        self.damage.show()

    def _lock_then_offer_restore(self, error: UserError) -> None:
        def offer() -> None:
            if isinstance(self.dialog, UnlockDialog):
                self.dialog.show_problem(error)

        self.locked.connect(offer, Qt.ConnectionType.SingleShotConnection)
        self.lock()

    # ------------------------------------------------------------ preferences

    @Slot()
    def apply_preferences(self) -> None:
        app = QApplication.instance()
        look = (self.settings.get(S.THEME), self.settings.get(S.TEXT_SCALE))
        if isinstance(app, QApplication) and look != self._look:
            # Re-styling re-polishes every widget (~0.1 s with the main window open): only
            # when the theme or text size really changed.
            apply_theme(app, *look)
            self._look = look
        self.reminder.apply()
        self._apply_title()
        if self.session is not None:
            self.idle.start(self.settings.get(S.AUTO_LOCK_MINUTES) * 60_000)
            if self.window is not None:
                self.quick_hide_shortcut.setKey(QKeySequence(self.settings.get(S.QUICK_HIDE_KEY)))

    def _apply_title(self) -> None:
        """Every window's title: neutral when chosen, and always after a quick-hide (the
        minimised unlock window is what stays in the taskbar)."""
        if self._hidden or self.settings.get(S.NEUTRAL_TITLE):
            set_titles(neutral_title(), self.window, self.dialog)
        else:  # the dialogs keep their own titles ("Recovery Journal — welcome")
            set_titles(window_title(False), self.window)

    @Slot()
    def _on_window_minimised(self) -> None:
        if self.settings.get(S.LOCK_ON_MINIMISE):
            self.lock()

    @Slot()
    def bring_to_front(self) -> None:
        """Show the open window (the journal, or the unlock screen) — from the reminder."""
        shown = self.window if self.window is not None else self.dialog
        if shown is not None:
            self._hidden = False
            shown.showNormal()
            shown.raise_()
            shown.activateWindow()

    # ------------------------------------------------------------ locking

    @Slot()
    def quick_hide(self) -> None:
        """Hide every window at once, then lock."""
        self._hidden = True
        for widget in QApplication.topLevelWidgets():
            widget.hide()
            if widget.windowTitle():
                widget.setWindowTitle(neutral_title())
        self.lock()

    @Slot()
    def lock(self) -> None:
        session, window = self.session, self.window
        if session is None or window is None or self._locking:
            return
        self._locking = True
        # Nothing below may fail before the journal is locked: a lock that stops half-way would
        # leave it open with the window up. Unsaved writing is collected page by page.
        drafts, problems = window.pending_drafts()
        try:
            self._view = capture(window, str(self.path))
        except Exception as problem:  # reported after the lock, never blocks it
            problems.append(problem)
        for modal in _open_modals():  # a dialog's own event loop must end before the window goes
            modal.reject()
        window.hide()
        for timer in window.findChildren(QTimer):  # no autosave or search fires into a lock
            timer.stop()
        self.idle.stop()

        def work() -> None:
            try:
                for draft in drafts:
                    session.entries.save_draft(draft)
            finally:
                session.lock()

        def done(_: object) -> None:
            self._after_lock()
            for problem in problems:
                self.report(problem)

        self.tasks.run(work, done, self._after_failed_lock)

    def _after_lock(self) -> None:
        if _open_modals():  # still unwinding a dialog's event loop: finish right after it
            QTimer.singleShot(0, self._after_lock)
            return
        self.clipboard.clear_if_ours()
        if self.window is not None:
            self.window.deleteLater()
        self.window = None
        self.damage = None  # went with the window
        self.session = None
        long_lived.release()
        self._locking = False
        self.show_unlock()
        self.locked.emit()

    def _after_failed_lock(self, error: BaseException) -> None:
        self._after_lock()
        self.report(error)

    # ------------------------------------------------------------ other journals

    @Slot()
    def choose_journal_to_open(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            None,
            self.tr("Open a journal"),
            str(self.path.parent),
            self.tr("Recovery journals (*.rjournal)"),
        )
        if name:
            self.switch_to(Path(name))

    @Slot()
    def choose_journal_to_create(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            None,
            self.tr("Create a new journal"),
            str(self.path.parent / "journal.rjournal"),
            self.tr("Recovery journals (*.rjournal)"),
        )
        if name:
            self.switch_to(Path(name))

    def switch_to(self, path: Path) -> None:
        """Lock the current journal (if any), then unlock or create the one at ``path``."""
        self.path = normalise_journal_path(path)
        if self.session is not None:
            self.locked.connect(self._after_switch_lock, Qt.ConnectionType.SingleShotConnection)
            self.lock()
        else:
            self.start()

    @Slot()
    def _after_switch_lock(self) -> None:
        if not journal_exists(self.path):
            self.show_first_run()

    # ------------------------------------------------------------ errors

    @Slot(object)
    def report(self, error: BaseException) -> None:
        if isinstance(error, UserError) and error.kind is ErrorKind.JOURNAL_LOCKED:
            return  # work that was queued just before locking: nothing to tell
        parent = self.window if self.window is not None and self.window.isVisible() else None
        self.last_error_box = show_error(parent, error)
