"""Small forms of the Milestones page: a counter, a slip, a milestone, a goal, a phase.

Each dialog is opened non-blocking (``open()``), validates only what the person can't see for
themselves (a name is needed), and hands plain values back through ``values()``; the page saves.
The slip dialog is deliberately gentle: slips happen, and nothing is reset.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from recovery_journal import words
from recovery_journal.domain import validation
from recovery_journal.domain.clock import local_today
from recovery_journal.domain.progress import Counter, DayConvention, Goal, MilestoneKind, Phase
from recovery_journal.ui.qt_dates import from_qdate, to_qdate

COUNTER_PRESETS = ("Sober since", "Clean since", "Self-harm free since")
PHASE_PRESETS = ("Recognition", "Acceptance", "Recovery")


def _date_edit(name: str, day: date, *, latest: date | None = None) -> QDateEdit:
    edit = QDateEdit(to_qdate(day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("d MMM yyyy")
    edit.setAccessibleName(name)
    edit.setMinimumDate(QDate(1900, 1, 1))
    if latest is not None:
        edit.setMaximumDate(to_qdate(latest))
    return edit


def _notes(name: str, placeholder: str = "") -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setAccessibleName(name)
    edit.setPlaceholderText(placeholder)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(72)
    return edit


def _name_combo(name: str, presets: tuple[str, ...], current: str) -> QComboBox:
    combo = QComboBox()
    combo.setEditable(True)
    combo.addItems(list(presets))
    combo.setAccessibleName(name)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    combo.setCurrentText(current)
    line = combo.lineEdit()
    if line is not None:
        line.setMaxLength(validation.MAX_NAME)
        line.setPlaceholderText(f"e.g. {presets[0]} — or your own words")
    return combo


class FormDialog(QDialog):
    """A dialog with a form, an explanation on top and OK/Cancel; OK needs a name."""

    def __init__(self, title: str, ok_text: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setMinimumWidth(460)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.hide()
        self.form = QFormLayout()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(ok_text)
        self.ok_button.setAccessibleName(ok_text)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)

    def set_intro(self, text: str) -> None:
        self.intro.setText(text)
        self.intro.show()

    def require(self, text: str) -> None:
        self.ok_button.setEnabled(bool(text.strip()))


class CounterDialog(FormDialog):
    """A new counter or an edit: what it counts, since when, day 0 or day 1, and whether it
    shows on Today (a new one does unless the person unticks it)."""

    def __init__(self, today: date, counter: Counter | None, parent: QWidget | None = None):
        super().__init__(
            self.tr("Edit counter") if counter else self.tr("New counter"),
            self.tr("Save") if counter else self.tr("Start counting"),
            parent,
        )
        self.counter = counter
        self.title_combo = _name_combo(
            self.tr("What the counter is for"), COUNTER_PRESETS, counter.title if counter else ""
        )
        self.title_combo.currentTextChanged.connect(self.require)
        self.start_edit = _date_edit(
            self.tr("Start date"), counter.start_date if counter else today
        )
        self.day_one = QRadioButton(self.tr("The start date is day 1"))
        self.day_one.setAccessibleName(self.tr("The start date is day 1"))
        self.day_zero = QRadioButton(self.tr("The start date is day 0"))
        self.day_zero.setAccessibleName(self.tr("The start date is day 0"))
        group = QButtonGroup(self)
        group.addButton(self.day_one)
        group.addButton(self.day_zero)
        convention = counter.convention if counter else DayConvention.DAY_ONE
        (self.day_one if convention is DayConvention.DAY_ONE else self.day_zero).setChecked(True)
        explain = QLabel(
            self.tr(
                "Day 1: the start date already counts, like “today is day 1”.\n"
                "Day 0: only full days count, so tomorrow is day 1. Either is fine — pick the "
                "one that feels like yours."
            )
        )
        explain.setWordWrap(True)
        self.on_today = QCheckBox(self.tr("Show on Today"))
        self.on_today.setAccessibleName(self.tr("Show on Today"))
        self.on_today.setToolTip(
            self.tr(
                "Its days so far appear on the Today page. Untick to keep it here only — "
                "nothing is reset."
            )
        )
        self.on_today.setChecked(counter.pinned if counter else True)
        self.form.addRow(self.tr("Counter"), self.title_combo)
        self.form.addRow(self.tr("Since"), self.start_edit)
        self.form.addRow(self.tr("Counting"), self.day_one)
        self.form.addRow("", self.day_zero)
        self.form.addRow("", explain)
        self.form.addRow("", self.on_today)
        self.require(self.title_combo.currentText())

    def values(self) -> tuple[str, date, DayConvention, bool]:
        """What it counts, since when, day 1 or day 0, and whether it shows on Today."""
        convention = DayConvention.DAY_ONE if self.day_one.isChecked() else DayConvention.DAY_ZERO
        return (
            self.title_combo.currentText().strip(),
            from_qdate(self.start_edit.date()),
            convention,
            self.on_today.isChecked(),
        )


class SlipDialog(FormDialog):
    """Note a slip: the day, what was going on, what to try next time. Nothing is reset."""

    def __init__(self, counter: Counter, today: date, parent: QWidget | None = None):
        super().__init__(self.tr("Record a slip"), self.tr("Note it"), parent)
        self.counter = counter
        self.set_intro(
            self.tr(
                "Slips happen in recovery. Noting it helps you learn. Your start date, your "
                "longest stretch and every good day stay just as they are."
            )
        )
        self.day_edit = _date_edit(self.tr("Day of the slip"), today, latest=today)
        self.day_edit.setMinimumDate(to_qdate(min(counter.start_date, today)))
        self.context_edit = _notes(
            self.tr("What was going on"), self.tr("Where you were, who with, how you felt…")
        )
        self.next_edit = _notes(
            self.tr("What I'll try next time"), self.tr("One small thing to try…")
        )
        self.form.addRow(self.tr("Day"), self.day_edit)
        self.form.addRow(self.tr("What was going on"), self.context_edit)
        self.form.addRow(self.tr("Next time I'll try"), self.next_edit)

    def values(self) -> tuple[date, str, str]:
        return (
            from_qdate(self.day_edit.date()),
            self.context_edit.toPlainText(),
            self.next_edit.toPlainText(),
        )


class MilestoneDialog(FormDialog):
    """The person's own milestone: a day, a title, a kind, a few words."""

    def __init__(
        self,
        today: date,
        parent: QWidget | None = None,
        *,
        existing: tuple[date, str, MilestoneKind, str] | None = None,
    ):
        super().__init__(
            self.tr("Edit milestone") if existing else self.tr("Add a milestone"),
            self.tr("Save") if existing else self.tr("Add"),
            parent,
        )
        self.day_edit = _date_edit(self.tr("Milestone date"), today)
        self.title_edit = QLineEdit()
        self.title_edit.setAccessibleName(self.tr("Milestone title"))
        self.title_edit.setPlaceholderText(self.tr("e.g. Told my family"))
        self.title_edit.setMaxLength(validation.MAX_NAME)
        self.title_edit.textChanged.connect(self.require)
        self.kind_combo = QComboBox()
        self.kind_combo.setAccessibleName(self.tr("Kind of milestone"))
        for kind, label in words.MILESTONE_KINDS.items():
            self.kind_combo.addItem(words.tr(label), kind)
        self.notes_edit = _notes(self.tr("Milestone notes"))
        self.form.addRow(self.tr("Date"), self.day_edit)
        self.form.addRow(self.tr("Title"), self.title_edit)
        self.form.addRow(self.tr("Kind"), self.kind_combo)
        self.form.addRow(self.tr("Notes"), self.notes_edit)
        if existing is not None:
            day, title, kind, notes = existing
            self.day_edit.setDate(to_qdate(day))
            self.title_edit.setText(title)
            self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(kind)))
            self.notes_edit.setPlainText(notes)
        self.require(self.title_edit.text())

    def values(self) -> tuple[date, str, MilestoneKind, str]:
        kind = self.kind_combo.currentData()
        assert isinstance(kind, MilestoneKind)
        day = from_qdate(self.day_edit.date())
        return day, self.title_edit.text().strip(), kind, self.notes_edit.toPlainText()


class GoalDialog(FormDialog):
    """A goal and its small steps: one line each; an emptied line removes that step."""

    def __init__(
        self,
        goal: Goal | None,
        steps: list[tuple[int | None, str]],
        parent: QWidget | None = None,
    ):
        super().__init__(
            self.tr("Edit goal") if goal else self.tr("Add a goal"), self.tr("Save"), parent
        )
        self.goal = goal
        self.title_edit = QLineEdit(goal.title if goal else "")
        self.title_edit.setAccessibleName(self.tr("Goal"))
        self.title_edit.setPlaceholderText(self.tr("e.g. Sleep better"))
        self.title_edit.setMaxLength(validation.MAX_NAME)
        self.title_edit.textChanged.connect(self.require)
        self.target_check = QCheckBox(self.tr("Target date"))
        self.target_check.setAccessibleName(self.tr("Has a target date"))
        target = goal.target_date if goal and goal.target_date else local_today() + timedelta(30)
        self.target_edit = _date_edit(self.tr("Target date"), target)
        self.target_check.toggled.connect(self.target_edit.setEnabled)
        self.target_check.setChecked(bool(goal and goal.target_date))
        self.target_edit.setEnabled(self.target_check.isChecked())
        self.steps_box = QVBoxLayout()
        self.step_rows: list[tuple[int | None, QLineEdit]] = []
        for ident, text in steps or [(None, "")]:
            self.add_step(text, ident)
        self.add_step_button = QPushButton(self.tr("Add a step"))
        self.add_step_button.setAccessibleName(self.tr("Add a step"))
        self.add_step_button.clicked.connect(lambda: self.add_step("").setFocus())
        target_row = QHBoxLayout()
        target_row.addWidget(self.target_check)
        target_row.addWidget(self.target_edit, 1)
        self.form.addRow(self.tr("Goal"), self.title_edit)
        self.form.addRow("", target_row)
        self.form.addRow(self.tr("Small steps"), self.steps_box)
        self.form.addRow("", self.add_step_button)
        self.require(self.title_edit.text())

    def add_step(self, text: str, ident: int | None = None) -> QLineEdit:
        edit = QLineEdit(text)
        edit.setAccessibleName(self.tr("Step %n", "", len(self.step_rows) + 1))
        edit.setPlaceholderText(self.tr("A small step"))
        self.step_rows.append((ident, edit))
        self.steps_box.addWidget(edit)
        return edit

    def values(self) -> tuple[Goal, list[tuple[int | None, str]]]:
        target = from_qdate(self.target_edit.date()) if self.target_check.isChecked() else None
        title = self.title_edit.text().strip()
        if self.goal is None:
            goal = Goal(title, target_date=target)
        else:
            goal = Goal(
                title,
                self.goal.notes,
                target,
                self.goal.id,
                self.goal.created_utc,
                self.goal.completed_utc,
                self.goal.archived_utc,
            )
        return goal, [(ident, edit.text()) for ident, edit in self.step_rows]


class PhaseDialog(FormDialog):
    """A recovery phase: a name (Recognition, Acceptance, Recovery or the person's own) and
    the day it began."""

    def __init__(self, today: date, phase: Phase | None, parent: QWidget | None = None):
        super().__init__(
            self.tr("Edit phase") if phase else self.tr("Add a phase"), self.tr("Save"), parent
        )
        self.phase = phase
        self.name_combo = _name_combo(
            self.tr("Phase name"), PHASE_PRESETS, phase.name if phase else PHASE_PRESETS[0]
        )
        self.name_combo.currentTextChanged.connect(self.require)
        self.start_edit = _date_edit(
            self.tr("Phase start date"), phase.start_date if phase else today
        )
        self.notes_edit = _notes(self.tr("Phase notes"))
        self.notes_edit.setPlainText(phase.notes if phase else "")
        self.form.addRow(self.tr("Phase"), self.name_combo)
        self.form.addRow(self.tr("Began on"), self.start_edit)
        self.form.addRow(self.tr("Notes"), self.notes_edit)
        self.require(self.name_combo.currentText())

    def values(self) -> Phase:
        ident = self.phase.id if self.phase else None
        return Phase(
            self.name_combo.currentText().strip(),
            from_qdate(self.start_edit.date()),
            self.notes_edit.toPlainText().strip(),
            ident,
        )
