"""Small dialogs and widgets of the support network: a contact, a peer meeting, adding a learned
strategy, and the "name — how to reach [Copy]" row shared by the safety plan and help-now views.

Each dialog only builds a domain object from what was typed (OK stays disabled until the required
fields are there); the page saves it in the background.
"""

from __future__ import annotations

import dataclasses
import html
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateEdit,
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
from recovery_journal.domain import validation
from recovery_journal.domain.clock import local_today
from recovery_journal.domain.coping import CopingCategory, CopingStrategy, StrategySource
from recovery_journal.domain.support import ContactRole, PeerMeeting, SafetyStep, SupportContact
from recovery_journal.ui.checkin import muted
from recovery_journal.ui.qt_dates import from_qdate, to_qdate
from recovery_journal.ui.safety_print import CONTACT_STEPS

# A sensible step for a new contact of each role (the person can change it).
DEFAULT_STEP: dict[ContactRole, SafetyStep] = {
    ContactRole.THERAPIST: SafetyStep.PROFESSIONALS,
    ContactRole.PRESCRIBER: SafetyStep.PROFESSIONALS,
    ContactRole.CRISIS_LINE: SafetyStep.PROFESSIONALS,
    ContactRole.SPONSOR: SafetyStep.ASK_FOR_HELP,
    ContactRole.FAMILY: SafetyStep.ASK_FOR_HELP,
    ContactRole.FRIEND: SafetyStep.ASK_FOR_HELP,
    ContactRole.PEER: SafetyStep.ASK_FOR_HELP,
}


def _buttons(dialog: QDialog, ok_text: str) -> tuple[QDialogButtonBox, QPushButton]:
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    ok = box.button(QDialogButtonBox.StandardButton.Ok)
    ok.setText(ok_text)
    ok.setAccessibleName(ok_text)
    box.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName(dialog.tr("Cancel"))
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box, ok


def _line(placeholder: str, accessible: str, text: str = "") -> QLineEdit:
    field = QLineEdit(text)
    field.setPlaceholderText(placeholder)
    field.setAccessibleName(accessible)
    return field


def _notes(accessible: str, text: str = "") -> QPlainTextEdit:
    field = QPlainTextEdit(text)
    field.setAccessibleName(accessible)
    field.setTabChangesFocus(True)
    field.setFixedHeight(90)
    return field


class ContactDialog(QDialog):
    """Add or edit one contact: name, role, how to reach, safety-plan step, notes."""

    def __init__(
        self, contact: SupportContact | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.original = contact
        self.setWindowTitle(self.tr("Edit contact") if contact else self.tr("New contact"))
        c = contact or SupportContact("-", ContactRole.FRIEND)
        self.name = _line(
            self.tr("e.g. Sam, or the name of a line"),
            self.tr("Name"),
            contact.name if contact else "",
        )
        self.name.setMaxLength(validation.MAX_NAME)
        self.role = QComboBox()
        self.role.setAccessibleName(self.tr("Role"))
        for role, label in words.CONTACT_ROLES.items():
            self.role.addItem(words.tr(label), role)
        self.role.setCurrentIndex(self.role.findData(c.role))
        self.reach = _line(
            self.tr("Phone number, email, where to find them…"),
            self.tr("How to reach them"),
            c.reach,
        )
        self.step = QComboBox()
        self.step.setAccessibleName(self.tr("Safety-plan step"))
        self.step.addItem(self.tr("Not on my safety plan"), None)
        steps = list(CONTACT_STEPS)
        if c.safety_step is not None and c.safety_step not in steps:
            steps.append(c.safety_step)
        for step in steps:
            self.step.addItem(words.label(step), step)
        self.step.setCurrentIndex(max(0, self.step.findData(c.safety_step)))
        if contact is None:
            self.role.currentIndexChanged.connect(self._on_role_current_index_changed)
            self._on_role_current_index_changed()
        self.notes = _notes(self.tr("Notes"), c.notes)
        box, self.ok = _buttons(self, self.tr("Save contact"))
        form = QFormLayout(self)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("How to reach"), self.reach)
        form.addRow(self.tr("Safety plan"), self.step)
        form.addRow(self.tr("Notes"), self.notes)
        form.addRow(box)
        self.name.textChanged.connect(self._update_ok)
        self._update_ok()
        self.resize(520, self.sizeHint().height())

    @Slot()
    def _on_role_current_index_changed(self) -> None:
        step = DEFAULT_STEP.get(self.role.currentData())
        self.step.setCurrentIndex(max(0, self.step.findData(step)))

    @Slot()
    def _update_ok(self) -> None:
        self.ok.setEnabled(bool(self.name.text().strip()))

    def contact(self) -> SupportContact:
        """The contact as typed (an edited copy of the original when editing)."""
        typed = SupportContact(
            name=self.name.text().strip(),
            role=self.role.currentData(),
            reach=self.reach.text().strip(),
            safety_step=self.step.currentData(),
            notes=self.notes.toPlainText().strip(),
        )
        if self.original is None:
            return typed
        return dataclasses.replace(
            self.original,
            name=typed.name,
            role=typed.role,
            reach=typed.reach,
            safety_step=typed.safety_step,
            notes=typed.notes,
        )


class MeetingDialog(QDialog):
    """Log (or edit) a peer-support meeting: group, date, what resonated, strategies learned."""

    def __init__(
        self,
        meeting: PeerMeeting | None = None,
        groups: list[str] | None = None,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.original = meeting
        self.setWindowTitle(self.tr("Edit meeting") if meeting else self.tr("Log a meeting"))
        self.group = _line(
            self.tr("e.g. Tuesday evening group"),
            self.tr("Group"),
            meeting.group_name if meeting else "",
        )
        self.group.setMaxLength(validation.MAX_NAME)
        if groups:
            completer = QCompleter(groups, self.group)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            self.group.setCompleter(completer)
        self.day = QDateEdit(to_qdate(meeting.local_date if meeting else today or local_today()))
        self.day.setCalendarPopup(True)
        self.day.setAccessibleName(self.tr("Date"))
        self.resonated = _notes(
            self.tr("What was shared that resonated"), meeting.resonated if meeting else ""
        )
        self.learned = _notes(
            self.tr("Strategies learned, one per line"),
            "\n".join(meeting.strategies_learned) if meeting else "",
        )
        box, self.ok = _buttons(self, self.tr("Save meeting"))
        form = QFormLayout(self)
        form.addRow(self.tr("Group"), self.group)
        form.addRow(self.tr("Date"), self.day)
        form.addRow(self.tr("What resonated"), self.resonated)
        form.addRow(self.tr("Strategies learned"), self.learned)
        form.addRow("", muted(QLabel(self.tr("One per line. You can add each to your toolbox."))))
        form.addRow(box)
        self.group.textChanged.connect(self._update_ok)
        self._update_ok()
        self.resize(560, self.sizeHint().height())

    @Slot()
    def _update_ok(self) -> None:
        self.ok.setEnabled(bool(self.group.text().strip()))

    def meeting(self) -> PeerMeeting:
        learned = tuple(
            line.strip()[: validation.MAX_NAME]
            for line in self.learned.toPlainText().splitlines()
            if line.strip()
        )
        typed = PeerMeeting(
            group_name=self.group.text().strip(),
            local_date=from_qdate(self.day.date()),
            resonated=self.resonated.toPlainText().strip(),
            strategies_learned=learned,
        )
        if self.original is None:
            return typed
        return dataclasses.replace(
            self.original,
            group_name=typed.group_name,
            local_date=typed.local_date,
            resonated=typed.resonated,
            strategies_learned=typed.strategies_learned,
        )


class AddToToolboxDialog(QDialog):
    """'Add “…” to my toolbox': choose a category (social/peer by default), maybe a first step."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.strategy_name = name
        self.setWindowTitle(self.tr("Add to my toolbox"))
        heading = QLabel(self.tr("Add <b>%s</b> to your coping toolbox?") % html.escape(name))
        heading.setWordWrap(True)
        self.category = QComboBox()
        self.category.setAccessibleName(self.tr("Category"))
        for category, label in words.COPING_CATEGORIES.items():
            self.category.addItem(words.tr(label), category)
        self.category.setCurrentIndex(self.category.findData(CopingCategory.SOCIAL))
        self.first_step = _line(self.tr("Optional: a first small step"), self.tr("First step"))
        box, self.ok = _buttons(self, self.tr("Add to my toolbox"))
        form = QFormLayout()
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("First step"), self.first_step)
        column = QVBoxLayout(self)
        column.addWidget(heading)
        column.addLayout(form)
        column.addWidget(box)
        self.resize(460, self.sizeHint().height())

    def strategy(self) -> CopingStrategy:
        step = self.first_step.text().strip()
        return CopingStrategy(
            self.strategy_name,
            self.category.currentData(),
            steps=(step,) if step else (),
            source=StrategySource.PEER_MEETING,
        )


def clear_layout(layout: QVBoxLayout) -> None:
    """Remove and delete every widget in ``layout``."""
    while layout.count():
        taken = layout.takeAt(0)
        child = taken.widget() if taken is not None else None
        if child is not None:
            child.deleteLater()


def contact_row(contact: SupportContact, copy: Callable[[str, str], None]) -> QWidget:
    """'Name — how to reach' with a Copy button (used here and in the help-now view)."""
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    text = f"<b>{html.escape(contact.name)}</b>"
    if contact.reach:
        text += f" — {html.escape(contact.reach)}"
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    layout.addWidget(label, 1)
    if contact.reach:
        button = QPushButton(row.tr("Copy"))
        button.setAccessibleName(row.tr("Copy how to reach %s") % contact.name)
        button.clicked.connect(lambda: copy(contact.reach, contact.name))
        layout.addWidget(button)
    return row
