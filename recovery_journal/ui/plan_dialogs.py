"""After a trigger or a warning sign: the daily warning-sign check and "Your plan for this".

Split from :mod:`recovery_journal.ui.trigger_dialogs` (the library editors and "A trigger
happened"). Like those, these dialogs never touch storage: they show what the caller loaded in the
background and hand back what the person chose (:meth:`SignCheckDialog.chosen_ids`…).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal, Slot
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
from recovery_journal.domain.tracking import WarningSign, WarningStage
from recovery_journal.services.tracking import SignCheck
from recovery_journal.ui.checkin import muted

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
    """Today's warning-sign check: the active signs by stage; tick the ones noticed today."""

    def __init__(self, check: SignCheck, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Warning-sign check"))
        self.setMinimumWidth(480)
        self.boxes: dict[int, QCheckBox] = {}
        content = QWidget()
        column = QVBoxLayout(content)
        intro = self.tr(
            "Which of these have you noticed today? Tick any that fit — noticing "
            "them early is a skill, not a failure."
        )
        column.addWidget(wrapped(intro))
        for stage, signs in rules.group_by_stage(check.signs).items():
            if signs:
                column.addWidget(self._stage_group(stage, signs, check.noted_today))
        if not check.signs:
            column.addWidget(
                muted(
                    wrapped(
                        self.tr(
                            "You haven't added any warning signs yet. You can add them on the "
                            "“Triggers & signs” page."
                        )
                    )
                )
            )
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        self.notes_edit = QLineEdit()
        self.notes_edit.setPlaceholderText(self.tr("A note for today (optional)"))
        self.notes_edit.setAccessibleName(self.tr("Note"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.addButton(
            self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setAccessibleName(self.tr("Save the signs I ticked"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.notes_edit)
        layout.addWidget(self.buttons)
        self._on_box_toggled()
        self.resize(520, min(620, 220 + 34 * len(check.signs)))

    def _stage_group(
        self, stage: WarningStage, signs: Sequence[WarningSign], noted: set[int]
    ) -> QGroupBox:
        group = QGroupBox(words.label(stage))
        box_layout = QVBoxLayout(group)
        box_layout.addWidget(muted(wrapped(words.stage_explanation(stage))))
        for sign in signs:
            assert sign.id is not None
            already = sign.id in noted
            text = self.tr("%s (noted today)") % sign.name if already else sign.name
            box = QCheckBox(text)
            box.setAccessibleName(text)
            box.setChecked(already)
            box.setEnabled(not already)
            box.toggled.connect(self._on_box_toggled)
            self.boxes[sign.id] = box
            box_layout.addWidget(box)
        return group

    @Slot()
    def _on_box_toggled(self) -> None:
        self.save_button.setEnabled(bool(self.chosen_ids()))

    def chosen_ids(self) -> list[int]:
        """Signs newly ticked (ones already noted today are shown but not counted again)."""
        return [i for i, box in self.boxes.items() if box.isEnabled() and box.isChecked()]

    def notes(self) -> str:
        return self.notes_edit.text().strip()


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

    def __init__(
        self,
        title: str,
        sections: Sequence[PlanSection],
        *,
        logged_note: str = "",
        crisis: bool = False,
        offer_toolbox: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.start_buttons: dict[int, QPushButton] = {}
        layout = QVBoxLayout(self)
        if logged_note:
            layout.addWidget(muted(wrapped(logged_note)))
        for section in sections:
            layout.addWidget(self._section(section))
        if not any(s.strategies for s in sections):
            self.empty_label = wrapped(self.tr(NO_PLAN_YET))
            layout.addWidget(self.empty_label)
        if crisis:
            layout.addWidget(wrapped(self.tr(IF_UNSAFE)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
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
