"""Dialogs for triggers and warning signs: the library editors and "A trigger happened".

The daily warning-sign check and "Your plan for this" are in :mod:`.plan_dialogs` (re-exported
here). The dialogs never touch storage: they are filled with values the caller loaded in the
background and hand back what the person chose (:meth:`LogTriggerDialog.request`…), so the caller
runs the saving as a task.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime, time

from PySide6.QtCore import QDateTime, Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recovery_journal import words
from recovery_journal.domain import tracking_rules as rules
from recovery_journal.domain import validation
from recovery_journal.domain.clock import utc_now
from recovery_journal.domain.scales import INTENSITY
from recovery_journal.domain.tracking import Trigger, TriggerCategory, WarningSign, WarningStage
from recovery_journal.errors import ValidationError
from recovery_journal.services.tracking import LogChoices
from recovery_journal.ui.checkin import ScaleInput, muted
from recovery_journal.ui.plan_dialogs import (
    IF_UNSAFE,
    NO_PLAN_YET,
    PlanDialog,
    PlanSection,
    SignCheckDialog,
    notes_edit,
    wrapped,
)
from recovery_journal.ui.qt_dates import from_qdate

__all__ = [
    "IF_UNSAFE",
    "NO_PLAN_YET",
    "LogTriggerDialog",
    "PlanDialog",
    "PlanSection",
    "SignCheckDialog",
    "TriggerDialog",
    "TriggerLogRequest",
    "WarningSignDialog",
]


class _LibraryDialog(QDialog):
    """Name, a choice from a closed set, and notes; Save is enabled once there is a name."""

    def __init__(self, title: str, name: str, notes: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.name_edit = QLineEdit(name)
        self.name_edit.setMaxLength(validation.MAX_NAME)
        self.name_edit.setAccessibleName(self.tr("Name"))
        self.choice = QComboBox()
        self.notes_edit = notes_edit(notes, self.tr("Notes"))
        self.form = QFormLayout()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setAccessibleName(self.tr("Save"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.name_edit.textChanged.connect(self._on_name_edit_text_changed)
        self._on_name_edit_text_changed(name)

    def _finish(self, choice_label: str, extra: QWidget | None = None) -> None:
        self.form.addRow(self.tr("&Name"), self.name_edit)
        self.form.addRow(choice_label, self.choice)
        if extra is not None:
            self.form.addRow("", extra)
        self.form.addRow(self.tr("N&otes"), self.notes_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)
        self.name_edit.setFocus()

    @Slot(str)
    def _on_name_edit_text_changed(self, text: str) -> None:
        self.save_button.setEnabled(bool(text.strip()))


class TriggerDialog(_LibraryDialog):
    """Add or edit a trigger: name, category, notes."""

    def __init__(self, trigger: Trigger | None = None, parent: QWidget | None = None) -> None:
        self._original = trigger
        title = self.tr("Edit trigger") if trigger else self.tr("Add a trigger")
        super().__init__(
            title, trigger.name if trigger else "", trigger.notes if trigger else "", parent
        )
        self.choice.setAccessibleName(self.tr("Category"))
        for category, label in words.TRIGGER_CATEGORIES.items():
            self.choice.addItem(words.tr(label), category)
        current = trigger.category if trigger else TriggerCategory.OTHER
        self.choice.setCurrentIndex(self.choice.findData(current))
        self._finish(self.tr("&Category"))

    def trigger(self) -> Trigger:
        """The trigger as edited (keeps id and history fields of the original)."""
        name, notes = self.name_edit.text().strip(), self.notes_edit.toPlainText().strip()
        category: TriggerCategory = self.choice.currentData()
        if self._original is None:
            return Trigger(name, category, notes)
        return dataclasses.replace(self._original, name=name, category=category, notes=notes)


class WarningSignDialog(_LibraryDialog):
    """Add or edit a warning sign: name, stage (with a line on what it means), notes."""

    def __init__(self, sign: WarningSign | None = None, parent: QWidget | None = None) -> None:
        self._original = sign
        title = self.tr("Edit warning sign") if sign else self.tr("Add a warning sign")
        super().__init__(title, sign.name if sign else "", sign.notes if sign else "", parent)
        self.choice.setAccessibleName(self.tr("Stage"))
        for stage in rules.STAGE_ORDER:
            self.choice.addItem(words.label(stage), stage)
        self.explanation = muted(wrapped(""))
        self.choice.currentIndexChanged.connect(self._on_choice_current_index_changed)
        current = sign.stage if sign else WarningStage.EARLY
        self.choice.setCurrentIndex(self.choice.findData(current))
        self._on_choice_current_index_changed(self.choice.currentIndex())
        self._finish(self.tr("&Stage"), self.explanation)

    @Slot(int)
    def _on_choice_current_index_changed(self, _index: int) -> None:
        stage: WarningStage = self.choice.currentData()
        self.explanation.setText(words.stage_explanation(stage))
        self.choice.setAccessibleDescription(self.explanation.text())

    def sign(self) -> WarningSign:
        name, notes = self.name_edit.text().strip(), self.notes_edit.toPlainText().strip()
        stage: WarningStage = self.choice.currentData()
        if self._original is None:
            return WarningSign(name, stage, notes)
        return dataclasses.replace(self._original, name=name, stage=stage, notes=notes)


@dataclass(frozen=True, slots=True)
class TriggerLogRequest:
    """What "A trigger happened" asks to log; ``trigger_id`` None means a new trigger."""

    trigger_id: int | None
    new_name: str
    new_category: TriggerCategory
    when: datetime
    intensity: int
    context: str
    link_entry: bool


class LogTriggerDialog(QDialog):
    """Which trigger (type to search, or name a new one), when, how strong, what was happening."""

    def __init__(
        self, choices: LogChoices, preselect: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("A trigger happened"))
        self.setMinimumWidth(520)
        self._triggers = choices.triggers
        self.trigger_combo = QComboBox()
        self.trigger_combo.setEditable(True)
        self.trigger_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.trigger_combo.setAccessibleName(self.tr("Which trigger"))
        for trigger in self._triggers:
            self.trigger_combo.addItem(trigger.name, trigger.id)
        completer = QCompleter(self.trigger_combo.model(), self.trigger_combo)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.trigger_combo.setCompleter(completer)
        line = self.trigger_combo.lineEdit()
        assert line is not None  # editable
        line.setPlaceholderText(self.tr("Type to search, or name a new trigger"))
        line.setMaxLength(validation.MAX_NAME)
        index = self.trigger_combo.findData(preselect) if preselect is not None else -1
        self.trigger_combo.setCurrentIndex(index)
        if index < 0:
            self.trigger_combo.setEditText("")
        self.new_category = QComboBox()
        self.new_category.setAccessibleName(self.tr("Category of the new trigger"))
        for category, label in words.TRIGGER_CATEGORIES.items():
            self.new_category.addItem(words.tr(label), category)
        self.new_category.setCurrentIndex(self.new_category.findData(TriggerCategory.OTHER))
        self.new_hint = muted(
            wrapped(self.tr("This is a new trigger: it will be added to your list."))
        )
        self.when_edit = QDateTimeEdit(QDateTime.currentDateTime())
        self.when_edit.setCalendarPopup(True)
        self.when_edit.setDisplayFormat("ddd d MMM yyyy, HH:mm")
        self.when_edit.setAccessibleName(self.tr("When it happened"))
        self.now_button = QPushButton(self.tr("Now"))
        self.now_button.setAccessibleName(self.tr("Set the time to now"))
        self.now_button.clicked.connect(self._on_now_button_clicked)
        self.intensity = ScaleInput(
            INTENSITY,
            self.tr("How strong was it?"),
            allow_unset=False,
            initial=5,
            show_end_anchors=True,
        )
        self.context_edit = notes_edit("", self.tr("What was happening"))
        self.context_edit.setPlaceholderText(self.tr("A few words, if you like"))
        has_entry = choices.todays_entry_id is not None
        self.link_check = QCheckBox(self.tr("Link to my journal entry for that day"))
        self.link_check.setAccessibleName(self.link_check.text())
        self.link_check.setChecked(has_entry)
        self.link_check.setToolTip(
            self.tr("Links to your newest entry of that day, if there is one.")
        )
        self.error_label = wrapped("")
        self.error_label.setVisible(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.log_button = self.buttons.addButton(
            self.tr("Log it"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.log_button.setDefault(True)
        self.log_button.setAccessibleName(self.tr("Log it"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.trigger_combo.editTextChanged.connect(self._on_trigger_combo_edit_text_changed)
        self._build()
        self._on_trigger_combo_edit_text_changed(self.trigger_combo.currentText())

    def _build(self) -> None:
        when_row = QHBoxLayout()
        when_row.addWidget(self.when_edit, 1)
        when_row.addWidget(self.now_button)
        form = QFormLayout()
        form.addRow(self.tr("&Trigger"), self.trigger_combo)
        self._category_label = QLabel(self.tr("C&ategory"))
        self._category_label.setBuddy(self.new_category)
        form.addRow(self._category_label, self.new_category)
        form.addRow("", self.new_hint)
        when_label = QLabel(self.tr("&When"))
        when_label.setBuddy(self.when_edit)
        form.addRow(when_label, when_row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addSpacing(6)
        layout.addWidget(self.intensity)
        layout.addSpacing(6)
        layout.addWidget(QLabel(self.tr("What was happening?")))
        layout.addWidget(self.context_edit)
        layout.addWidget(self.link_check)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.trigger_combo.setFocus()

    def _match(self) -> Trigger | None:
        return rules.find_by_name(self._triggers, self.trigger_combo.currentText())

    @Slot(str)
    def _on_trigger_combo_edit_text_changed(self, text: str) -> None:
        is_new = bool(text.strip()) and self._match() is None
        for widget in (self._category_label, self.new_category, self.new_hint):
            widget.setVisible(is_new)
        self.log_button.setEnabled(bool(text.strip()))
        self.log_button.setText(self.tr("Add and log it") if is_new else self.tr("Log it"))

    @Slot()
    def _on_now_button_clicked(self) -> None:
        self.when_edit.setDateTime(QDateTime.currentDateTime())

    def when(self) -> datetime:
        """The chosen moment as a UTC instant (the person picks wall-clock time here)."""
        shown = self.when_edit.dateTime()
        clock = time(shown.time().hour(), shown.time().minute())
        return rules.local_instant(from_qdate(shown.date()), clock)

    def request(self) -> TriggerLogRequest:
        match = self._match()
        return TriggerLogRequest(
            trigger_id=match.id if match is not None else None,
            new_name=self.trigger_combo.currentText().strip(),
            new_category=self.new_category.currentData(),
            when=self.when(),
            intensity=self.intensity.value() or 0,
            context=self.context_edit.toPlainText().strip(),
            link_entry=self.link_check.isChecked(),
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
