"""The Settings page's "Gentle reminder" and "My measures" groups (issue 13 §5).

Kept apart from :mod:`.pages.settings` so that page only places them. The reminder's two
settings are app settings (not in the journal): the reminder works while the journal is locked.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import time

from PySide6.QtCore import Qt, QTime, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QSystemTrayIcon,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from recovery_journal.domain import reminders
from recovery_journal.ui import settings as S
from recovery_journal.ui.context import UiContext
from recovery_journal.ui.measures_editor import MeasuresDialog
from recovery_journal.ui.reminders import reminder_time
from recovery_journal.ui.scale_input import muted


class ReminderSettingsBox(QGroupBox):
    """On/off and the time of the daily reminder; ``changed`` after each change is stored."""

    def __init__(
        self,
        settings: S.AppSettings,
        changed: Callable[[], None],
        parent: QWidget | None = None,
        *,
        tray_available: Callable[[], bool] = QSystemTrayIcon.isSystemTrayAvailable,
    ) -> None:
        super().__init__(self.tr("Gentle reminder"), parent)
        self.settings = settings
        self._changed = changed
        self.enabled = QCheckBox(self.tr("Remind me once a day"))
        self.enabled.setAccessibleName(self.tr("Remind me once a day"))
        self.enabled.setChecked(settings.get(S.REMINDER_ON))
        self.enabled.toggled.connect(self._on_enabled_toggled)
        at = reminder_time(settings)
        self.time = QTimeEdit(QTime(at.hour, at.minute))
        self.time.setDisplayFormat("HH:mm")
        self.time.setAccessibleName(self.tr("Reminder time"))
        self.time.timeChanged.connect(self._on_time_changed)
        where = (
            self.tr("It appears as a notification from the tray icon.")
            if tray_available()
            else self.tr("This desktop has no tray, so it appears as a small window.")
        )
        hint = muted(
            QLabel(
                self.tr(
                    "The reminder never shows anything from your journal, and it works while "
                    "the journal is locked, as long as the app is running. %s"
                )
                % where
            )
        )
        hint.setWordWrap(True)
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow("", self.enabled)
        form.addRow(self.tr("At"), self.time)
        form.addRow(hint)
        self.time.setEnabled(self.enabled.isChecked())

    @Slot(bool)
    def _on_enabled_toggled(self, on: bool) -> None:
        self.settings.set(S.REMINDER_ON, on)
        self.time.setEnabled(on)
        self._changed()

    @Slot(QTime)
    def _on_time_changed(self, value: QTime) -> None:
        text = reminders.format_time(time(value.hour(), value.minute()))
        self.settings.set(S.REMINDER_TIME, text)
        self._changed()


class MeasuresSettingsBox(QGroupBox):
    """Where the own measures are defined: a sentence and a button to the editor."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("My measures"), parent)
        self.ctx = ctx
        self.dialog: MeasuresDialog | None = None
        explain = QLabel(
            self.tr(
                "Track something of your own each day in Today's check-in: a scale from 0 to "
                "10, a yes or no, or a number with a unit."
            )
        )
        explain.setWordWrap(True)
        self.open_button = QPushButton(self.tr("My measures…"))
        self.open_button.setAccessibleName(self.tr("My measures"))
        self.open_button.clicked.connect(self._on_open_button_clicked)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignLeft)

    @Slot()
    def _on_open_button_clicked(self) -> None:
        self.dialog = MeasuresDialog(self.ctx, self)
        self.dialog.open()
