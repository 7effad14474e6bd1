"""After a trigger or a warning sign: the daily warning-sign check and "Your plan for this".

Split from :mod:`recovery_journal.ui.trigger_dialogs` (the library editors and "A trigger
happened"). Like those, these dialogs never touch storage: they show what the caller loaded in the
background and hand back what the person chose (:meth:`SignCheckDialog.chosen_ids`…).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from recovery_journal import words
from recovery_journal.domain import tracking_rules as rules
from recovery_journal.domain.coping import CopingStrategy
from recovery_journal.domain.support import SupportContact
from recovery_journal.domain.tracking import WarningSign, WarningStage
from recovery_journal.services.tracking import SignCheck
from recovery_journal.ui.checkin import muted
from recovery_journal.ui.support_dialogs import contact_row

NO_PLAN_YET = (
    "You haven't chosen strategies for this yet. That's okay. When you're ready, the Coping "
    "toolbox page helps you make a plan: “If this happens, I will try…”."
)
IF_UNSAFE = (
    "If you feel unsafe, open your safety plan or reach out to someone on it. In an emergency, "
    "call your local emergency number."
)


def notes_edit(text: str, name: str) -> QPlainTextEdit:
    edit = QPlainTextEdit(text)
    edit.setTabChangesFocus(True)
    edit.setAccessibleName(name)
    edit.setMaximumHeight(90)
    return edit


def wrapped(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class SignCheckDialog(QDialog):
    """Today's warning-sign check: the active signs by stage; tick the ones noticed today, each
    with its own note. With no signs yet it offers to add one now (or pick common ones)."""

    add_requested = Signal()
    """The person has no signs yet and wants to add one now."""
    starters_requested = Signal()
    """The person has no signs yet and wants to pick from common ones."""

    def __init__(self, check: SignCheck, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Warning-sign check"))
        self.setMinimumWidth(480)
        self.boxes: dict[int, QCheckBox] = {}
        self.note_edits: dict[int, QLineEdit] = {}
        self.add_button: QPushButton | None = None
        self.starters_button: QPushButton | None = None
        self.content = QWidget()
        column = QVBoxLayout(self.content)
        column.setContentsMargins(0, 0, 0, 0)
        intro = self.tr(
            "Which of these have you noticed today? Tick any that fit — noticing "
            "them early is a skill, not a failure."
        )
        column.addWidget(wrapped(intro))
        for stage, signs in rules.group_by_stage(check.signs).items():
            if signs:
                column.addWidget(self._stage_group(stage, signs, check.noted_today))
        if not check.signs:
            self._offer_to_add(column)
        column.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll_area.setWidget(self.content)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.addButton(
            self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setAccessibleName(self.tr("Save the signs I ticked"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(self.buttons)
        self._on_box_toggled()
        self._fit()

    def _fit(self) -> None:
        """Tall enough to show a few signs without scrolling; the scroll is for long lists."""
        self.content.adjustSize()
        wanted = self.content.sizeHint().height() + self.buttons.sizeHint().height() + 48
        screen = self.screen().availableGeometry().height() if self.screen() else 800
        self.resize(max(self.width(), 540), min(wanted, int(screen * 0.85)))

    def _offer_to_add(self, column: QVBoxLayout) -> None:
        column.addWidget(
            muted(
                wrapped(
                    self.tr(
                        "You haven't added any warning signs yet. Signs are your own early "
                        "clues that things are getting harder — add one now, or pick from "
                        "common ones."
                    )
                )
            )
        )
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Add one now…"))
        self.add_button.setAccessibleName(self.tr("Add a warning sign now"))
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.starters_button = QPushButton(self.tr("Choose from &common signs…"))
        self.starters_button.setAccessibleName(self.tr("Choose from common warning signs"))
        self.starters_button.clicked.connect(self._on_starters_button_clicked)
        row.addWidget(self.add_button)
        row.addWidget(self.starters_button)
        row.addStretch(1)
        column.addLayout(row)

    @Slot()
    def _on_add_button_clicked(self) -> None:
        self.reject()
        self.add_requested.emit()

    @Slot()
    def _on_starters_button_clicked(self) -> None:
        self.reject()
        self.starters_requested.emit()

    def _stage_group(
        self, stage: WarningStage, signs: Sequence[WarningSign], noted: set[int]
    ) -> QGroupBox:
        group = QGroupBox(words.label(stage))
        group.setToolTip(words.stage_explanation(stage))
        box_layout = QVBoxLayout(group)
        box_layout.setSpacing(4)
        box_layout.addWidget(muted(wrapped(words.stage_explanation(stage))))
        for sign in signs:
            assert sign.id is not None
            already = sign.id in noted
            text = self.tr("%s (noted today)") % sign.name if already else sign.name
            box = QCheckBox(text)
            box.setAccessibleName(text)
            box.setChecked(already)
            box.setEnabled(not already)
            note = QLineEdit()
            note.setPlaceholderText(self.tr("A note about this (optional)"))
            note.setAccessibleName(self.tr("Note about %s") % sign.name)
            note.setMaxLength(2000)
            note.setVisible(False)
            box.toggled.connect(self._on_box_toggled)
            self.boxes[sign.id] = box
            self.note_edits[sign.id] = note
            row = QHBoxLayout()
            row.addWidget(box)
            row.addWidget(note, 1)
            box_layout.addLayout(row)
        return group

    @Slot()
    def _on_box_toggled(self) -> None:
        for ident, box in self.boxes.items():
            showing = box.isEnabled() and box.isChecked()
            note = self.note_edits[ident]
            if showing and not note.isVisible() and self.isVisible():
                note.setFocus()
            note.setVisible(showing)
        self.save_button.setEnabled(bool(self.chosen_ids()))

    def chosen_ids(self) -> list[int]:
        """Signs newly ticked (ones already noted today are shown but not counted again)."""
        return [i for i, box in self.boxes.items() if box.isEnabled() and box.isChecked()]

    def notes(self) -> dict[int, str]:
        """Each newly ticked sign's own note (empty when none was written)."""
        return {i: self.note_edits[i].text().strip() for i in self.chosen_ids()}


@dataclass(frozen=True, slots=True)
class PlanSection:
    """One part of "Your plan": a heading, an optional line under it, and the strategies."""

    heading: str
    strategies: list[CopingStrategy]
    explanation: str = ""


class PlanDialog(QDialog):
    """The person's own plan after logging: numbered strategies, each with a Start button."""

    strategy_chosen = Signal(int)
    toolbox_requested = Signal()
    help_requested = Signal()
    """The person wants their whole safety plan and people ("I need help now")."""

    def __init__(
        self,
        title: str,
        sections: Sequence[PlanSection],
        *,
        logged_note: str = "",
        crisis: bool = False,
        offer_toolbox: bool = False,
        people: Sequence[SupportContact] | None = None,
        copy: Callable[[str, str], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.start_buttons: dict[int, QPushButton] = {}
        self.people_box: QGroupBox | None = None
        layout = QVBoxLayout(self)
        if logged_note:
            layout.addWidget(muted(wrapped(logged_note)))
        if people is not None:  # things are breaking down: the person's own people first
            self.setMinimumWidth(620)  # "name — how to reach" lines stay whole beside Copy
            layout.addWidget(self._people(people, copy or (lambda _text, _who: None)))
        for section in sections:
            layout.addWidget(self._section(section))
        if not any(s.strategies for s in sections):
            self.empty_label = wrapped(self.tr(NO_PLAN_YET))
            layout.addWidget(self.empty_label)
        if crisis:
            layout.addWidget(wrapped(self.tr(IF_UNSAFE)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.help_button: QPushButton | None = None
        if people is not None:
            self.help_button = buttons.addButton(
                self.tr("My safety plan and people…"), QDialogButtonBox.ButtonRole.ActionRole
            )
            self.help_button.setAccessibleName(self.tr("Open my safety plan and my people"))
            self.help_button.clicked.connect(self._on_help_button_clicked)
        self.toolbox_button: QPushButton | None = None
        if offer_toolbox:
            self.toolbox_button = buttons.addButton(
                self.tr("Open the Coping toolbox"), QDialogButtonBox.ButtonRole.ActionRole
            )
            self.toolbox_button.setAccessibleName(self.tr("Open the Coping toolbox"))
            self.toolbox_button.clicked.connect(self._on_toolbox_button_clicked)
        layout.addWidget(buttons)
        first = next(iter(self.start_buttons.values()), None)
        if first is not None:
            first.setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        # A dialog doesn't grow for its wrapped labels by itself (Qt sizes top-level windows
        # without height-for-width): make room so no "how to reach" line is cut off.
        super().showEvent(event)
        layout = self.layout()
        if layout is not None and layout.hasHeightForWidth():
            needed = layout.totalHeightForWidth(self.width())
            if needed > self.height():
                self.resize(self.width(), needed)

    def _people(
        self, people: Sequence[SupportContact], copy: Callable[[str, str], None]
    ) -> QGroupBox:
        self.people_box = QGroupBox(self.tr("Your people — you don't have to do this alone"))
        rows = QVBoxLayout(self.people_box)
        for contact in people:
            rows.addWidget(contact_row(contact, copy))
        if not people:
            rows.addWidget(
                muted(
                    wrapped(
                        self.tr(
                            "You haven't added people or crisis lines yet. Your safety plan "
                            "and the Support page are where they go."
                        )
                    )
                )
            )
        return self.people_box

    @Slot()
    def _on_help_button_clicked(self) -> None:
        self.help_requested.emit()
        self.accept()

    def _section(self, section: PlanSection) -> QWidget:
        group = QGroupBox(section.heading)
        rows = QVBoxLayout(group)
        if section.explanation:
            rows.addWidget(muted(wrapped(section.explanation)))
        if not section.strategies:
            rows.addWidget(muted(wrapped(self.tr("No strategies chosen for this yet."))))
        for number, strategy in enumerate(section.strategies, start=1):
            assert strategy.id is not None
            row = QHBoxLayout()
            row.addWidget(wrapped(f"{number}. {strategy.name}"), 1)
            button = QPushButton(self.tr("Start"))
            button.setAccessibleName(self.tr("Start %s") % strategy.name)
            button.clicked.connect(lambda _=False, i=strategy.id: self._on_start(i))
            self.start_buttons.setdefault(strategy.id, button)
            row.addWidget(button)
            rows.addLayout(row)
        return group

    def _on_start(self, strategy_id: int) -> None:
        self.strategy_chosen.emit(strategy_id)
        self.accept()

    @Slot()
    def _on_toolbox_button_clicked(self) -> None:
        self.toolbox_requested.emit()
        self.accept()
