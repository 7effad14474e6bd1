"""Dialogs of the coping toolbox: add or edit a strategy, and log a time one was tried.

Both only collect values; the page saves them through the services in the background. The log
dialog reuses :class:`~recovery_journal.ui.checkin.ScaleInput`, so distress and helpfulness always
show their anchor words beside the number, and every rating may be left "not set".
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, time

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recovery_journal import words
from recovery_journal.domain import tracking_rules as rules
from recovery_journal.domain import validation
from recovery_journal.domain.clock import utc_now
from recovery_journal.domain.coping import CopingCategory, CopingStrategy
from recovery_journal.domain.scales import DISTRESS, HELPFULNESS, INTENSITY
from recovery_journal.errors import ValidationError
from recovery_journal.services.coping import RecentTriggerEvent
from recovery_journal.ui.checkin import ScaleInput, muted
from recovery_journal.ui.qt_dates import from_qdate, to_local_qdatetime


def toolbox_order(strategies: Sequence[CopingStrategy]) -> list[CopingStrategy]:
    """Favourites first, then by name."""
    return sorted(strategies, key=lambda s: (not s.favourite, s.name.casefold(), s.id or 0))


def describe_event(recent: RecentTriggerEvent) -> str:
    """'Tue 14:20 · Payday (intensity 6, strong)' for a trigger event."""
    when = QLocale().toString(to_local_qdatetime(recent.event.occurred_utc), "ddd d MMM, HH:mm")
    intensity = recent.event.intensity
    return f"{when} · {recent.trigger.name} ({intensity}, {INTENSITY.label(intensity)})"


class StrategyDialog(QDialog):
    """Name, category, steps (one per line) and the favourite mark of one coping strategy."""

    def __init__(
        self, strategy: CopingStrategy | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._original = strategy
        self.setWindowTitle(self.tr("Edit strategy") if strategy else self.tr("New strategy"))
        self.resize(520, 440)
        self.name_edit = QLineEdit(strategy.name if strategy else "")
        self.name_edit.setMaxLength(validation.MAX_NAME)
        self.name_edit.setAccessibleName(self.tr("Name"))
        self.name_edit.setPlaceholderText(self.tr("e.g. Walk to the corner shop"))
        self.category_combo = QComboBox()
        self.category_combo.setAccessibleName(self.tr("Category"))
        for category in CopingCategory:
            self.category_combo.addItem(words.label(category), category)
        if strategy is not None:
            self.category_combo.setCurrentIndex(self.category_combo.findData(strategy.category))
        self.steps_edit = QPlainTextEdit("\n".join(strategy.steps) if strategy else "")
        self.steps_edit.setAccessibleName(self.tr("Steps, one per line"))
        self.steps_edit.setPlaceholderText(self.tr("One short step per line"))
        self.steps_edit.setTabChangesFocus(True)
        self.favourite_check = QCheckBox(self.tr("★ &Favourite (shown first)"))
        self.favourite_check.setAccessibleName(self.tr("Favourite"))
        self.favourite_check.setChecked(bool(strategy and strategy.favourite))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.name_edit.textChanged.connect(self._on_name_edit_text_changed)
        form = QFormLayout()
        form.addRow(self.tr("&Name"), self.name_edit)
        form.addRow(self.tr("&Category"), self.category_combo)
        form.addRow(self.tr("&Steps"), self.steps_edit)
        form.addRow("", self.favourite_check)
        for field in (self.name_edit, self.category_combo, self.steps_edit):
            label = form.labelForField(field)
            if isinstance(label, QLabel):
                label.setBuddy(field)
        layout = QVBoxLayout(self)
        layout.addLayout(form, 1)
        layout.addWidget(self.buttons)
        self._on_name_edit_text_changed(self.name_edit.text())

    def steps(self) -> tuple[str, ...]:
        lines = self.steps_edit.toPlainText().splitlines()
        return tuple(line.strip() for line in lines if line.strip())

    def strategy(self) -> CopingStrategy:
        """The strategy as edited (keeps id, source and dates of the one being edited)."""
        category = self.category_combo.currentData()
        assert isinstance(category, CopingCategory)
        name, steps = self.name_edit.text().strip(), self.steps()
        favourite = self.favourite_check.isChecked()
        if self._original is None:
            return CopingStrategy(name, category, steps, favourite)
        return dataclasses.replace(
            self._original, name=name, category=category, steps=steps, favourite=favourite
        )

    @Slot(str)
    def _on_name_edit_text_changed(self, text: str) -> None:
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setEnabled(bool(text.strip()))


@dataclass(frozen=True, slots=True)
class UseValues:
    """What the log dialog collected: one coping use, not yet saved."""

    strategy_id: int
    distress_before: int | None
    distress_after: int | None
    helpfulness: int | None
    trigger_event_id: int | None
    note: str
    when: datetime | None = None  # None: now


class LogUseDialog(QDialog):
    """'I tried something': which strategy, when (now, or earlier: "I called my sponsor last
    night"), distress before and after, how much it helped, the trigger event that prompted it
    (last 7 days) and a note. Everything but the strategy is optional."""

    def __init__(
        self,
        strategies: Sequence[CopingStrategy],
        recent_events: Sequence[RecentTriggerEvent] = (),
        *,
        strategy_id: int | None = None,
        trigger_event_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Log a coping use"))
        self.resize(560, 600)
        self.strategy_combo = QComboBox()
        self.strategy_combo.setAccessibleName(self.tr("Strategy"))
        for strategy in toolbox_order([s for s in strategies if s.archived_utc is None]):
            star = "★ " if strategy.favourite else ""
            self.strategy_combo.addItem(star + strategy.name, strategy.id)
        self._select(self.strategy_combo, strategy_id)
        self.when_edit = QDateTimeEdit(QDateTime.currentDateTime())
        self.when_edit.setCalendarPopup(True)
        self.when_edit.setDisplayFormat("ddd d MMM yyyy, HH:mm")
        self.when_edit.setAccessibleName(self.tr("When I used it"))
        self.when_edit.setMaximumDateTime(QDateTime.currentDateTime().addSecs(60))
        self._when_touched = False
        self.when_edit.dateTimeChanged.connect(self._on_when_edit_date_time_changed)
        self.now_button = QPushButton(self.tr("Now"))
        self.now_button.setAccessibleName(self.tr("Set the time to now"))
        self.now_button.clicked.connect(self._on_now_button_clicked)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setVisible(False)
        self.before = ScaleInput(DISTRESS, self.tr("Distress &before"), show_end_anchors=True)
        self.after = ScaleInput(DISTRESS, self.tr("Distress &after"), show_end_anchors=True)
        self.helpfulness = ScaleInput(HELPFULNESS, self.tr("How much it &helped"))
        self.event_combo = QComboBox()
        self.event_combo.setAccessibleName(self.tr("Trigger that prompted it"))
        self.event_combo.addItem(self.tr("None — not linked to a trigger"), None)
        for recent in recent_events:
            self.event_combo.addItem(describe_event(recent), recent.event.id)
        self._select(self.event_combo, trigger_event_id)
        self.note_edit = QPlainTextEdit()
        self.note_edit.setAccessibleName(self.tr("Note"))
        self.note_edit.setPlaceholderText(self.tr("Anything you noticed (optional)"))
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setMaximumHeight(90)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(
            self.strategy_combo.count() > 0
        )
        self._build()

    def _build(self) -> None:
        strategy_label = QLabel(self.tr("&Strategy"))
        strategy_label.setBuddy(self.strategy_combo)
        event_label = QLabel(self.tr("&Prompted by (last 7 days)"))
        event_label.setBuddy(self.event_combo)
        note_label = QLabel(self.tr("&Note"))
        note_label.setBuddy(self.note_edit)
        when_label = QLabel(self.tr("&When"))
        when_label.setBuddy(self.when_edit)
        when_row = QHBoxLayout()
        when_row.addWidget(when_label)
        when_row.addWidget(self.when_edit, 1)
        when_row.addWidget(self.now_button)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(strategy_label)
        layout.addWidget(self.strategy_combo)
        layout.addLayout(when_row)
        layout.addWidget(self.error_label)
        layout.addWidget(muted(QLabel(self.tr("Every rating is optional."))))
        for scale in (self.before, self.after, self.helpfulness):
            layout.addWidget(scale)
        layout.addWidget(event_label)
        layout.addWidget(self.event_combo)
        layout.addWidget(note_label)
        layout.addWidget(self.note_edit)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    @staticmethod
    def _select(combo: QComboBox, ident: int | None) -> None:
        if ident is not None and (index := combo.findData(ident)) >= 0:
            combo.setCurrentIndex(index)

    @Slot()
    def _on_now_button_clicked(self) -> None:
        self.when_edit.setMaximumDateTime(QDateTime.currentDateTime().addSecs(60))
        self.when_edit.setDateTime(QDateTime.currentDateTime())
        self._when_touched = False

    @Slot()
    def _on_when_edit_date_time_changed(self) -> None:
        self._when_touched = True

    def when(self) -> datetime | None:
        """The chosen moment as a UTC instant, or None when left at "now"."""
        if not self._when_touched:
            return None
        shown = self.when_edit.dateTime()
        clock = time(shown.time().hour(), shown.time().minute())
        return rules.local_instant(from_qdate(shown.date()), clock)

    def values(self) -> UseValues:
        strategy_id = self.strategy_combo.currentData()
        assert isinstance(strategy_id, int)
        event = self.event_combo.currentData()
        return UseValues(
            strategy_id,
            self.before.value(),
            self.after.value(),
            self.helpfulness.value(),
            event if isinstance(event, int) else None,
            self.note_edit.toPlainText().strip(),
            self.when(),
        )

    def accept(self) -> None:
        when = self.when()
        try:
            if when is not None:
                rules.check_not_future(when, utc_now())
        except ValidationError as exc:
            self.error_label.setText(self.tr(exc.message))
            self.error_label.setVisible(True)
            self.when_edit.setFocus()
            return
        super().accept()


def numbered_steps(strategy: CopingStrategy) -> str:
    """The steps as a numbered list for display."""
    if not strategy.steps:
        return QCoreApplication.translate("coping", "No steps written yet.")
    return "\n".join(f"{i}. {step}" for i, step in enumerate(strategy.steps, start=1))
