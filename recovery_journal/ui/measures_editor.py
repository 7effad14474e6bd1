""" "My measures": define, rename, reorder and archive the person's own daily measures.

A dialog over ``session.measures`` (every change one background call, the list reloaded after).
Archiving hides a measure from the check-in and keeps its history; an archived one can be brought
back. A measure's kind is chosen when it is added and then stays (its values mean that kind);
to track something differently, archive it and add a new one.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from recovery_journal import words
from recovery_journal.domain.measures import MAX_UNIT, Measure, MeasureKind
from recovery_journal.domain.validation import MAX_NAME
from recovery_journal.errors import ValidationError
from recovery_journal.ui.context import UiContext
from recovery_journal.ui.scale_input import muted


def describe(measure: Measure) -> str:
    """How a measure reads in the list: "Drinks — a number (drinks) · archived"."""
    kind = words.label(measure.kind)
    if measure.kind is MeasureKind.NUMBER and measure.unit:
        kind = f"{kind}: {measure.unit}"
    text = f"{measure.name} — {kind}"
    if measure.archived_utc is not None:
        text += " · " + QCoreApplication.translate("MeasuresDialog", "archived")
    return text


class MeasuresDialog(QDialog):
    """The list of own measures and a small form to add or change one."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("My measures"))
        self.measures: list[Measure] = []
        intro = QLabel(
            self.tr(
                "Things you'd like to track each day, in your own words: a scale from 0 to 10 "
                "(a craving), a yes or no (took my medication), or a number (drinks, money "
                "spent). They appear in Today's check-in. Archiving keeps everything you "
                "recorded."
            )
        )
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("My measures"))
        self.list.currentRowChanged.connect(self._on_list_current_row_changed)
        self.up = self._button(self.tr("Move up"), lambda: self._move(-1))
        self.down = self._button(self.tr("Move down"), lambda: self._move(1))
        self.archive = self._button(self.tr("Archive"), self._on_archive_clicked)
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Measure name"))
        self.name.setPlaceholderText(self.tr("e.g. Craving, Took my medication, Drinks"))
        self.name.setMaxLength(MAX_NAME)
        self.name.textChanged.connect(self._update_buttons)
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Kind of measure"))
        for kind in MeasureKind:
            self.kind.addItem(words.label(kind), kind)
        self.kind.currentIndexChanged.connect(self._update_buttons)
        self.unit = QLineEdit()
        self.unit.setAccessibleName(self.tr("Unit"))
        self.unit.setPlaceholderText(self.tr("e.g. drinks, cigarettes, €"))
        self.unit.setMaxLength(MAX_UNIT)
        self.add = self._button(self.tr("Add measure"), self._on_add_clicked)
        self.save = self._button(self.tr("Save changes"), self._on_save_clicked)
        self.message = muted(QLabel())
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Message"))
        self._arrange(intro)
        self.reload()

    def _button(self, text: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    def _arrange(self, intro: QLabel) -> None:
        moves = QHBoxLayout()
        for button in (self.up, self.down, self.archive):
            moves.addWidget(button)
        moves.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Unit (numbers only)"), self.unit)
        actions = QHBoxLayout()
        actions.addWidget(self.add)
        actions.addWidget(self.save)
        actions.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addLayout(moves)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.resize(520, 520)

    # ------------------------------------------------------------ the list

    def reload(self, select: int | None = None) -> None:
        service = self.ctx.session.measures
        self._run(
            lambda: service.list(include_archived=True), lambda found: self._show(found, select)
        )

    def _show(self, found: list[Measure], select: int | None) -> None:
        # Active ones in the person's order, then the archived ones.
        self.measures = sorted(found, key=lambda m: m.archived_utc is not None)
        self.list.blockSignals(True)
        self.list.clear()
        for measure in self.measures:
            item = QListWidgetItem(describe(measure))
            if measure.archived_utc is not None:
                item.setForeground(self.palette().placeholderText())
            self.list.addItem(item)
        self.list.blockSignals(False)
        ids = [m.id for m in self.measures]
        self.list.setCurrentRow(ids.index(select) if select in ids else -1)
        self._on_list_current_row_changed(self.list.currentRow())

    def selected(self) -> Measure | None:
        row = self.list.currentRow()
        return self.measures[row] if 0 <= row < len(self.measures) else None

    @Slot(int)
    def _on_list_current_row_changed(self, _row: int) -> None:
        chosen = self.selected()
        if chosen is not None:
            self.name.setText(chosen.name)
            self.kind.setCurrentIndex(self.kind.findData(chosen.kind))
            self.unit.setText(chosen.unit)
        self._update_buttons()

    @Slot()
    def _update_buttons(self) -> None:
        chosen = self.selected()
        active = chosen is not None and chosen.archived_utc is None
        self.archive.setEnabled(chosen is not None)
        self.archive.setText(
            self.tr("Bring back") if chosen is not None and not active else self.tr("Archive")
        )
        self.up.setEnabled(active and self.list.currentRow() > 0)
        self.down.setEnabled(active and self._next_active(1) is not None)
        self.save.setEnabled(chosen is not None and bool(self.name.text().strip()))
        self.add.setEnabled(bool(self.name.text().strip()))
        # A stored measure keeps its kind; only a number has a unit.
        self.kind.setEnabled(chosen is None)
        self.unit.setEnabled(self.kind.currentData() is MeasureKind.NUMBER)

    # ------------------------------------------------------------ changes

    def _form(self, base: Measure | None) -> Measure | None:
        kind = base.kind if base is not None else self.kind.currentData()
        unit = self.unit.text().strip() if kind is MeasureKind.NUMBER else ""
        try:
            if base is None:
                return Measure(self.name.text().strip(), kind, unit)
            return dataclasses.replace(base, name=self.name.text().strip(), unit=unit)
        except ValidationError as error:
            self.message.setText(error.message)
            return None

    @Slot()
    def _on_add_clicked(self) -> None:
        measure = self._form(None)
        if measure is None:
            return
        service = self.ctx.session.measures
        self._run(lambda: service.add(measure), self._after_add)

    def _after_add(self, added: Measure) -> None:
        self.message.setText(self.tr("Added. It's in Today's check-in now."))
        self.list.setCurrentRow(-1)
        self.name.clear()
        self.unit.clear()
        self.reload(select=None)

    @Slot()
    def _on_save_clicked(self) -> None:
        chosen = self.selected()
        measure = self._form(chosen) if chosen is not None else None
        if measure is None:
            return
        service = self.ctx.session.measures
        self._run(lambda: service.update(measure), lambda m: self._after_change(m.id))

    @Slot()
    def _on_archive_clicked(self) -> None:
        chosen = self.selected()
        if chosen is None or chosen.id is None:
            return
        ident, service = chosen.id, self.ctx.session.measures
        job = service.archive if chosen.archived_utc is None else service.unarchive
        self._run(lambda: job(ident), lambda m: self._after_change(m.id))

    def _next_active(self, step: int) -> int | None:
        row = self.list.currentRow() + step
        if 0 <= row < len(self.measures) and self.measures[row].archived_utc is None:
            return row
        return None

    def _move(self, step: int) -> None:
        chosen, other = self.selected(), self._next_active(step)
        if chosen is None or other is None:
            return
        order = [m.id for m in self.measures if m.archived_utc is None and m.id is not None]
        here = self.list.currentRow()
        order[here], order[other] = order[other], order[here]
        service = self.ctx.session.measures
        self._run(lambda: service.reorder(order), lambda _: self._after_change(chosen.id))

    def _after_change(self, ident: int | None) -> None:
        self.message.setText(self.tr("Saved."))
        self.reload(select=ident)

    def _run(self, job: Callable[[], Any], on_done: Callable[[Any], None]) -> None:
        def done(result: Any) -> None:
            if isValid(self):
                on_done(result)

        self.ctx.tasks.run(job, done, self.ctx.report)
