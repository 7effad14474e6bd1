"""The person's own measures in the check-in: one control per measure, kept as soon as it changes.

A self-contained widget (it talks to ``session.measures`` through the task runner itself): a
0–10 scale is the anchored slider of the check-in, a yes/no two buttons (pressing the chosen one
again clears it), a number a text field with its unit (empty: not recorded). Values are daily,
not part of an entry, so each change is stored for the widget's day at once — in the background,
one save at a time; changes made meanwhile go in the next one. With no measures yet it offers to
set some up (:mod:`.measures_editor`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QLocale, QRegularExpression, Qt, Signal, Slot
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from recovery_journal.domain.clock import local_today
from recovery_journal.domain.measures import (
    MAX_NUMBER,
    OWN_SCALE,
    DayValues,
    Measure,
    MeasureKind,
)
from recovery_journal.ui.context import UiContext
from recovery_journal.ui.measures_editor import MeasuresDialog
from recovery_journal.ui.scale_input import ScaleInput, muted

NUMBER = r"\d{0,7}([.,]\d{0,2})?"
"""What a number field accepts while typing: up to 7 digits, a decimal point or comma, 2 more."""


def parse_number(text: str) -> float | None:
    """The number typed (this locale's way or with a point or comma), None when empty or too
    big."""
    text = text.strip()
    if not text:
        return None
    value, ok = QLocale().toDouble(text)
    if not ok:
        try:
            value = float(text.replace(",", "."))
        except ValueError:
            return None
    return value if 0 <= value <= MAX_NUMBER else None


class YesNoInput(QWidget):
    """Two buttons, Yes and No; pressing the chosen one again leaves it not recorded."""

    value_changed = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._value: float | None = None
        self.title = QLabel(name)
        self.title.setWordWrap(True)
        self.yes = QPushButton(self.tr("Yes"))
        self.no = QPushButton(self.tr("No"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.title, 1)
        self.yes.setAccessibleName(self.tr("{name}: yes").format(name=name))
        self.no.setAccessibleName(self.tr("{name}: no").format(name=name))
        for button, value in ((self.yes, 1.0), (self.no, 0.0)):
            button.setCheckable(True)
            button.clicked.connect(lambda _=False, v=value: self._on_button_clicked(v))
            row.addWidget(button)

    def value(self) -> float | None:
        return self._value

    def set_value(self, value: float | None) -> None:
        self._value = value
        self.yes.setChecked(value == 1)
        self.no.setChecked(value == 0)
        # A mark as well as the pressed look: some themes show "checked" faintly.
        self.yes.setText(("✓ " if value == 1 else "") + self.tr("Yes"))
        self.no.setText(("✓ " if value == 0 else "") + self.tr("No"))

    def _on_button_clicked(self, value: float) -> None:
        self.set_value(None if self._value == value else value)
        self.value_changed.emit()


class NumberInput(QWidget):
    """A number with its unit; empty means not recorded. Stored when editing finishes."""

    value_changed = Signal()

    def __init__(self, name: str, unit: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._value: float | None = None
        self.title = QLabel(name)
        self.title.setWordWrap(True)
        self.edit = QLineEdit()
        self.edit.setAccessibleName(name)
        self.edit.setAccessibleDescription(self.tr("A number; leave empty if not recorded"))
        self.edit.setPlaceholderText(self.tr("–"))
        self.edit.setMaximumWidth(90)
        self.edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        # Empty must be acceptable (it means "not recorded"), which QDoubleValidator refuses.
        self.edit.setValidator(QRegularExpressionValidator(QRegularExpression(NUMBER), self.edit))
        self.edit.editingFinished.connect(self._on_edit_editing_finished)
        self.title.setBuddy(self.edit)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.title, 1)
        row.addWidget(self.edit)
        self.unit = muted(QLabel(unit))
        row.addWidget(self.unit)
        self.unit.setVisible(bool(unit))

    def value(self) -> float | None:
        return self._value

    def set_value(self, value: float | None) -> None:
        self._value = value
        self.edit.setText("" if value is None else QLocale().toString(value, "g", 12))

    @Slot()
    def _on_edit_editing_finished(self) -> None:
        new = parse_number(self.edit.text())
        if new != self._value:
            self._value = new
            self.value_changed.emit()


def _control(measure: Measure) -> Any:
    if measure.kind is MeasureKind.SCALE:
        return ScaleInput(OWN_SCALE, measure.name)
    if measure.kind is MeasureKind.YES_NO:
        return YesNoInput(measure.name)
    return NumberInput(measure.name, measure.unit)


class MeasuresInput(QWidget):
    """The own measures of one day (today unless :meth:`set_day` says otherwise)."""

    saved = Signal()
    edit_requested = Signal()

    def __init__(
        self,
        ctx: UiContext,
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = local_today,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.day = today()
        self.controls: dict[int, Any] = {}
        self._pending: dict[int, float | None] = {}
        self._saving = False
        self._loaded = False
        heading = QLabel(self.tr("My measures"))
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        self.edit_button = QPushButton(self.tr("Change…"))
        self.edit_button.setAccessibleName(self.tr("Change my measures"))
        self.edit_button.setFlat(True)
        self.edit_button.clicked.connect(self._on_edit_button_clicked)
        top = QHBoxLayout()
        top.addWidget(heading, 1)
        top.addWidget(self.edit_button)
        self.empty_hint = muted(
            QLabel(self.tr("Track something of your own each day: a craving, a medicine, a count."))
        )
        self.empty_hint.setWordWrap(True)
        self.status = muted(QLabel())
        self.status.setAccessibleName(self.tr("Measures status"))
        self.status.setWordWrap(True)
        self._rows = QVBoxLayout()
        self._rows.setSpacing(10)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 14, 0)  # the check-in's spacing between its sections
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(self.empty_hint)
        layout.addLayout(self._rows)
        layout.addWidget(self.status)
        self.empty_hint.hide()
        self.reload()

    # ------------------------------------------------------------ loading

    def set_day(self, day: date) -> None:
        """Show (and store into) ``day``'s values."""
        if day != self.day:
            self.day = day
            self.reload()

    def reload(self) -> None:
        day, service = self.day, self.ctx.session.measures
        self._run(lambda: service.day(day), self._show, self.ctx.report)

    def _show(self, found: DayValues) -> None:
        if found.day != self.day:
            return  # the day changed meanwhile; its own load follows
        while self._rows.count():
            item = self._rows.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.controls = {}
        for measure in found.measures:
            assert measure.id is not None  # read from the journal
            control = _control(measure)
            control.set_value(self._shown(measure, found.values.get(measure.id)))
            control.value_changed.connect(lambda ident=measure.id: self._on_changed(ident))
            self._rows.addWidget(control)
            self.controls[measure.id] = control
        self.empty_hint.setVisible(not found.measures)
        self.edit_button.setText(self.tr("Change…") if found.measures else self.tr("Set up…"))
        self._loaded = True

    @staticmethod
    def _shown(measure: Measure, value: float | None) -> Any:
        if value is not None and measure.kind is MeasureKind.SCALE:
            return round(value)
        return value

    # ------------------------------------------------------------ saving

    def _on_changed(self, ident: int) -> None:
        value = self.controls[ident].value()
        self._pending[ident] = None if value is None else float(value)
        self._save()

    def _save(self) -> None:
        if self._saving or not self._pending:
            return
        values, self._pending = self._pending, {}
        day, service = self.day, self.ctx.session.measures
        self._saving = True
        self._run(lambda: service.set_day(day, values), self._on_saved, self._on_save_failed)

    def _on_saved(self, _found: DayValues) -> None:
        self._saving = False
        self.status.setText(self.tr("Kept for this day."))
        self.saved.emit()
        self._save()

    def _on_save_failed(self, exc: BaseException) -> None:
        self._saving = False
        self._pending = {}
        self.status.setText(self.tr("Not kept. Please try that again."))
        self.ctx.report(exc)
        self.reload()

    # ------------------------------------------------------------ editing the measures

    @Slot()
    def _on_edit_button_clicked(self) -> None:
        dialog = MeasuresDialog(self.ctx, self)
        dialog.finished.connect(lambda _result: self.reload())
        self.dialog = dialog
        self.edit_requested.emit()
        dialog.open()

    def _run(
        self,
        job: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        """Storage work in the background; a result arriving after this widget was deleted (the
        journal locked) is dropped, an error still reported."""

        def done(result: Any) -> None:
            if isValid(self):
                on_done(result)

        def failed(exc: BaseException) -> None:
            if isValid(self):
                on_error(exc)
            else:
                self.ctx.report(exc)

        self.ctx.tasks.run(job, done, failed)
