"""Edit one logged trigger event: which trigger, when, how strong, what was happening.

Used by the trigger history (:mod:`recovery_journal.ui.trigger_history`); like the other
dialogs it only collects values — the caller saves them in the background. A time still to come
is refused here (and again by the service).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import datetime, time

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from recovery_journal.domain import tracking_rules as rules
from recovery_journal.domain.clock import utc_now
from recovery_journal.domain.scales import INTENSITY
from recovery_journal.domain.tracking import Trigger, TriggerEvent
from recovery_journal.errors import ValidationError
from recovery_journal.ui.checkin import ScaleInput
from recovery_journal.ui.plan_dialogs import notes_edit, wrapped
from recovery_journal.ui.qt_dates import from_qdate, to_local_qdatetime


def describe_when(instant: datetime) -> str:
    """'Tue 3 Mar 2026, 14:20' — one style for every event, however long ago."""
    return QLocale().toString(to_local_qdatetime(instant), "ddd d MMM yyyy, HH:mm")


class EventEditDialog(QDialog):
    """Change a logged event: which trigger, when, how strong, what was happening."""

    def __init__(
        self, event: TriggerEvent, triggers: Sequence[Trigger], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._event = event
        self.setWindowTitle(self.tr("Edit this trigger event"))
        self.setMinimumWidth(500)
        self.trigger_combo = QComboBox()
        self.trigger_combo.setAccessibleName(self.tr("Which trigger"))
        for trigger in rules.by_name(triggers):
            self.trigger_combo.addItem(trigger.name, trigger.id)
        self.trigger_combo.setCurrentIndex(self.trigger_combo.findData(event.trigger_id))
        self.when_edit = QDateTimeEdit(to_local_qdatetime(event.occurred_utc))
        self.when_edit.setCalendarPopup(True)
        self.when_edit.setDisplayFormat("ddd d MMM yyyy, HH:mm")
        self.when_edit.setAccessibleName(self.tr("When it happened"))
        self.intensity = ScaleInput(
            INTENSITY,
            self.tr("How strong was it?"),
            allow_unset=False,
            initial=event.intensity,
            show_end_anchors=True,
        )
        self.context_edit = notes_edit(event.context, self.tr("What was happening"))
        self.error_label = wrapped("")
        self.error_label.setVisible(False)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setAccessibleName(self.tr("Save"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("&Trigger"), self.trigger_combo)
        form.addRow(self.tr("&When"), self.when_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.intensity)
        layout.addWidget(QLabel(self.tr("What was happening?")))
        layout.addWidget(self.context_edit)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    def when(self) -> datetime:
        shown = self.when_edit.dateTime()
        clock = time(shown.time().hour(), shown.time().minute())
        return rules.local_instant(from_qdate(shown.date()), clock)

    def edited(self) -> TriggerEvent:
        """The event as edited (same id; the service sets the day from the time)."""
        return dataclasses.replace(
            self._event,
            trigger_id=int(self.trigger_combo.currentData()),
            occurred_utc=self.when(),
            intensity=self.intensity.value() or 0,
            context=self.context_edit.toPlainText().strip(),
        )

    def accept(self) -> None:
        try:
            rules.check_not_future(self.when(), utc_now())
        except ValidationError as exc:
            self.error_label.setText(self.tr(exc.message))
            self.error_label.setVisible(True)
            self.when_edit.setFocus()
            return
        super().accept()
