"""The gentle daily reminder: a tray icon and a desktop notification at the chosen time.

Off by default. It belongs to the app, not to an unlocked journal, so it works while the journal
is locked (as long as the app runs): its two settings (on/off and a time of day) live in the app
settings, which reveal nothing of the journal. The notification never contains journal content —
the same few kind words every day, no count of days, nothing about days not written. It can be
snoozed for :data:`~recovery_journal.domain.reminders.SNOOZE_MINUTES` minutes.

Where the desktop has no system tray (some Linux desktops, the tests' offscreen platform) a small
window with the same words and buttons takes the notification's place. When the reminder fires
is :mod:`recovery_journal.domain.reminders` (pure, tested on its own).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QStyle,
    QSystemTrayIcon,
    QVBoxLayout,
    QWidget,
)

from recovery_journal.domain import reminders
from recovery_journal.domain.clock import utc_now
from recovery_journal.ui import settings as S


def reminder_time(settings: S.AppSettings) -> time:
    return reminders.parse_time(settings.get(S.REMINDER_TIME)) or reminders.DEFAULT_TIME


class ReminderNote(QWidget):
    """The reminder's words in a small window, where there is no tray to notify from."""

    open_clicked = Signal()
    snooze_clicked = Signal()

    def __init__(self, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)  # a window of its own (no stay-on-top: it may wait)
        self.setWindowTitle(title)
        words = QLabel(text)
        words.setWordWrap(True)
        self.open_button = QPushButton(self.tr("Open the journal"))
        self.snooze_button = QPushButton(self.tr("In 15 minutes"))
        self.dismiss_button = QPushButton(self.tr("Not now"))
        row = QHBoxLayout()
        for button, signal in (
            (self.open_button, self.open_clicked),
            (self.snooze_button, self.snooze_clicked),
            (self.dismiss_button, None),
        ):
            button.setAccessibleName(button.text())
            if signal is not None:
                button.clicked.connect(signal)
            button.clicked.connect(self.close)
            row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(words)
        layout.addLayout(row)
        self.setMinimumWidth(360)


class GentleReminder(QObject):
    """Arms a timer for the next reminder, shows it, offers a snooze; :meth:`apply` after the
    settings change."""

    shown = Signal()
    open_requested = Signal()

    def __init__(
        self,
        settings: S.AppSettings,
        parent: QObject | None = None,
        *,
        now: Callable[[], datetime] = utc_now,
        tray_available: Callable[[], bool] = QSystemTrayIcon.isSystemTrayAvailable,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self._now = now
        self._tray_available = tray_available
        self.due: datetime | None = None
        self.tray: QSystemTrayIcon | None = None
        self.note: ReminderNote | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._on_timer_timeout)

    # The words: the same every day, nothing from the journal, no streaks.
    def title(self) -> str:
        return self.tr("A gentle reminder")

    def text(self) -> str:
        return self.tr(
            "A few quiet minutes for your journal, if today has room for them. "
            "Skipping a day is fine too."
        )

    @property
    def enabled(self) -> bool:
        return self.settings.get(S.REMINDER_ON)

    @Slot()
    def apply(self) -> None:
        """Follow the settings: arm the next reminder, or stop and take the tray icon away."""
        if not self.enabled:
            self.timer.stop()
            self.due = None
            self._set_tray_visible(False)
            return
        self._set_tray_visible(True)
        self._arm(reminders.next_reminder(self._now(), reminder_time(self.settings)))

    def _arm(self, due: datetime) -> None:
        self.due = due
        self.timer.start(reminders.wait_ms(due, self._now()))

    @Slot()
    def snooze(self) -> None:
        """Come back in a quarter of an hour."""
        if self.enabled:
            self._arm(reminders.snoozed(self._now()))

    @Slot()
    def _on_timer_timeout(self) -> None:
        if self.due is not None and self._now() < self.due:
            self._arm(self.due)  # woke early (a long wait, a suspend): wait the rest
            return
        self.show_reminder()
        self._arm(reminders.next_reminder(self._now(), reminder_time(self.settings)))

    def show_reminder(self) -> None:
        """The notification (tray) or the small window (no tray)."""
        if self.tray is not None:
            self.tray.showMessage(
                self.title(), self.text(), QSystemTrayIcon.MessageIcon.Information, 15_000
            )
        else:
            if self.note is not None:
                self.note.close()
                self.note.deleteLater()
            self.note = ReminderNote(self.title(), self.text())
            self.note.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
            self.note.open_clicked.connect(self.open_requested)
            self.note.snooze_clicked.connect(self.snooze)
            self.note.show()
        self.shown.emit()

    # ------------------------------------------------------------ the tray icon

    def _set_tray_visible(self, visible: bool) -> None:
        if visible and self.tray is None and self._tray_available():
            self.tray = self._make_tray()
            self.tray.show()
        elif not visible and self.tray is not None:
            self.tray.hide()
            self.tray.deleteLater()
            self.tray = None

    def _make_tray(self) -> QSystemTrayIcon:
        style = QApplication.style()
        icon: QIcon = style.standardIcon(QStyle.StandardPixmap.SP_FileDialogContentsView)
        tray = QSystemTrayIcon(icon, self)
        tray.setToolTip(self.tr("Daily reminder"))
        menu = QMenu()
        menu.setParent(None)
        for text, slot in (
            (self.tr("Open the journal"), self.open_requested.emit),
            (self.tr("Remind me in 15 minutes"), self.snooze),
            (self.tr("Turn the daily reminder off"), self.turn_off),
        ):
            action = QAction(text, tray)
            action.triggered.connect(slot)
            menu.addAction(action)
        tray.setContextMenu(menu)
        self._menu = menu  # the tray doesn't own its menu
        tray.messageClicked.connect(self.open_requested)
        return tray

    @Slot()
    def turn_off(self) -> None:
        self.settings.set(S.REMINDER_ON, False)
        self.apply()
