"""The safety plan page: the seven Stanley-Brown steps as short lists in the person's own words.

Each step is a :class:`StepEditor` — add a line, edit it in place (F2 or double-click), move it
up or down (Alt+Up/Alt+Down), remove it (Delete). Every change is saved at once in the background
and the page reloads what storage holds. Contacts from the support network appear under the step
they were given, each with a Copy button (copied text is taken back off the clipboard on lock).
When the plan is empty a first-run note explains what a safety plan is and how to find local
crisis lines — the app ships no numbers it cannot keep current. The plan prints on one page.

Just over 400 lines: the step editor and the page are one piece of behaviour (printing is in
:mod:`~recovery_journal.ui.safety_print`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from recovery_journal import words
from recovery_journal.domain.clock import local_today
from recovery_journal.domain.support import (
    SafetyPlanItem,
    SafetyStep,
    SupportContact,
    contacts_not_in_lines,
)
from recovery_journal.services.files import write_private_file
from recovery_journal.ui.checkin import muted
from recovery_journal.ui.context import UiContext
from recovery_journal.ui.pages.base import Page
from recovery_journal.ui.safety_print import (
    CONTACT_STEPS,
    EMERGENCY,
    contacts_by_step,
    print_plan,
    safety_plan_html,
    safety_plan_pdf,
    set_page,
)
from recovery_journal.ui.support_dialogs import clear_layout, contact_row

Plan = dict[SafetyStep, list[SafetyPlanItem]]
ID_ROLE = Qt.ItemDataRole.UserRole
FIRST_RUN = (
    "<p><b>What is a safety plan?</b> A short list, in your own words, of what helps when "
    "things get very hard: the signs to watch for, what you can do, people and places, who to "
    "call, and your reasons to stay safe. It is easiest to write on a calmer day, and many people "
    "fill it in with a therapist or someone they trust. Start with one line anywhere.</p>"
    "<p><b>Finding crisis lines.</b> This app doesn't come with phone numbers: they differ from "
    "place to place and change over time, and we can't keep them current. To find the ones for "
    "where you live, ask your doctor or your local health service, or search the internet for "
    "“crisis line” and your country or region. findahelpline.com lists many — check that what "
    "you find is current. Add them under “Professionals and crisis lines”, or as contacts on the "
    "Support page, so they are here when you need them.</p>"
)


def _button(text: str, accessible: str) -> QPushButton:
    button = QPushButton(text)
    button.setAccessibleName(accessible)
    return button


class StepEditor(QGroupBox):
    """One step of the plan: its lines (an editable, ordered list) and its contacts."""

    add_requested = Signal(object, str)  # step, text
    edit_requested = Signal(int, str)  # line id, new text
    remove_requested = Signal(int)  # line id
    order_changed = Signal(object, list)  # step, line ids in their new order
    copy_requested = Signal(str, str)  # text, what (for the status line)

    def __init__(self, number: int, step: SafetyStep, parent: QWidget | None = None) -> None:
        super().__init__(f"{number}. {words.label(step)}", parent)
        self.step = step
        self.items: list[SafetyPlanItem] = []
        self._applying = False
        title = words.label(step)
        hint = muted(QLabel(words.step_hint(step)))
        hint.setWordWrap(True)
        self.lines = QListWidget()
        self.lines.setAccessibleName(self.tr("Lines: %s") % title)
        self.lines.setSpacing(1)
        self.lines.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.lines.setEditTriggers(
            QListWidget.EditTrigger.DoubleClicked
            | QListWidget.EditTrigger.EditKeyPressed
            | QListWidget.EditTrigger.SelectedClicked
        )
        self.lines.itemChanged.connect(self._on_lines_item_changed)
        self.lines.currentRowChanged.connect(self._update_buttons)
        self.new_line = QLineEdit()
        self.new_line.setPlaceholderText(self.tr("Add a line…"))
        self.new_line.setAccessibleName(self.tr("New line for: %s") % title)
        self.new_line.setMaxLength(2000)
        self.new_line.returnPressed.connect(self._on_add_clicked)
        self.add_button = _button(self.tr("Add"), self.tr("Add line to: %s") % title)
        self.add_button.clicked.connect(self._on_add_clicked)
        self.up_button = _button(self.tr("Move up"), self.tr("Move line up"))
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button = _button(self.tr("Move down"), self.tr("Move line down"))
        self.down_button.clicked.connect(lambda: self._move(1))
        self.remove_button = _button(self.tr("Remove"), self.tr("Remove line"))
        self.remove_button.clicked.connect(self._on_remove_clicked)
        for keys, slot in (
            ("Alt+Up", lambda: self._move(-1)),
            ("Alt+Down", lambda: self._move(1)),
            (QKeySequence.StandardKey.Delete, self._on_remove_clicked),
        ):
            shortcut = QShortcut(QKeySequence(keys), self.lines)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)
        self.contacts_box = QWidget()
        self.contacts_layout = QVBoxLayout(self.contacts_box)
        self.contacts_layout.setContentsMargins(0, 4, 0, 0)
        self.contacts_box.setVisible(step in CONTACT_STEPS)
        self._arrange(hint)
        self._update_buttons()

    def _arrange(self, hint: QLabel) -> None:
        adding = QHBoxLayout()
        adding.addWidget(self.new_line, 1)
        adding.addWidget(self.add_button)
        tools = QHBoxLayout()
        tools.addWidget(self.up_button)
        tools.addWidget(self.down_button)
        tools.addWidget(self.remove_button)
        tools.addStretch(1)
        column = QVBoxLayout(self)
        column.setSpacing(6)
        column.addWidget(hint)
        column.addWidget(self.lines)
        column.addLayout(tools)
        column.addLayout(adding)
        column.addWidget(self.contacts_box)

    def set_items(self, items: list[SafetyPlanItem], contacts: list[SupportContact]) -> None:
        """Show what storage holds, keeping the selected line selected."""
        current = self.lines.currentItem()
        keep = current.data(ID_ROLE) if current is not None else None
        self._applying = True
        self.items = list(items)
        self.lines.clear()
        for item in self.items:
            row = QListWidgetItem(item.text)
            row.setData(ID_ROLE, item.id)
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsEditable)
            self.lines.addItem(row)
            if item.id == keep:
                self.lines.setCurrentItem(row)
        self.lines.setVisible(bool(self.items))
        self._fit_lines()
        self._applying = False
        self._show_contacts(contacts)
        self._update_buttons()

    def _fit_lines(self) -> None:
        """As tall as its lines: the page scrolls, not each little list."""
        rows = sum(self.lines.sizeHintForRow(i) for i in range(self.lines.count()))
        self.lines.setFixedHeight(rows + 2 * self.lines.frameWidth() + 6)

    def _show_contacts(self, contacts: list[SupportContact]) -> None:
        clear_layout(self.contacts_layout)
        if not contacts or self.step not in CONTACT_STEPS:
            return
        self.contacts_layout.addWidget(muted(QLabel(self.tr("From your support network:"))))
        for contact in contacts:
            self.contacts_layout.addWidget(contact_row(contact, self.copy_requested.emit))

    @Slot()
    def _update_buttons(self) -> None:
        row = self.lines.currentRow()
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < self.lines.count() - 1)
        self.remove_button.setEnabled(row >= 0)
        for button in (self.up_button, self.down_button, self.remove_button):
            button.setVisible(bool(self.items))

    @Slot()
    def _on_add_clicked(self) -> None:
        text = self.new_line.text().strip()
        if text:
            self.add_requested.emit(self.step, text)
            self.new_line.clear()

    @Slot(QListWidgetItem)
    def _on_lines_item_changed(self, row: QListWidgetItem) -> None:
        if self._applying:
            return
        ident = int(row.data(ID_ROLE))
        before = next((i.text for i in self.items if i.id == ident), "")
        text = row.text().strip()
        if not text:  # emptied by mistake: keep the line (Remove is the way to delete it)
            self._applying = True
            row.setText(before)
            self._applying = False
        elif text != before:
            self.edit_requested.emit(ident, text)

    def _move(self, delta: int) -> None:
        row = self.lines.currentRow()
        target = row + delta
        if row < 0 or not 0 <= target < self.lines.count():
            return
        ids = [item.id for item in self.items]
        ids[row], ids[target] = ids[target], ids[row]
        self._applying = True
        moved = self.lines.takeItem(row)
        self.lines.insertItem(target, moved)
        self.lines.setCurrentRow(target)
        self._applying = False
        self.order_changed.emit(self.step, ids)

    @Slot()
    def _on_remove_clicked(self) -> None:
        row = self.lines.currentItem()
        if row is not None:
            self.remove_requested.emit(int(row.data(ID_ROLE)))


class SafetyPlanPage(Page):
    """The person's safety plan, editable line by line, printable on one page."""

    nav_title = "Safety plan"
    plan_changed = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.plan: Plan = {step: [] for step in SafetyStep}
        self.contacts: list[SupportContact] = []
        self.loaded = False
        self.editors: dict[SafetyStep, StepEditor] = {}
        self._build()
        # Data loads when the page is first shown (activated), not at unlock.

    # ------------------------------------------------------------ building

    def _build(self) -> None:
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(32, 24, 32, 24)
        column.setSpacing(14)
        column.addWidget(QLabel(self.tr("<h2>Safety plan</h2>")))
        self.first_run = QLabel(self.tr(FIRST_RUN))
        self.first_run.setWordWrap(True)
        self.first_run.setFrameShape(QFrame.Shape.StyledPanel)
        self.first_run.setMargin(12)
        self.first_run.setAccessibleName(self.tr("About safety plans and crisis lines"))
        self.first_run.setVisible(False)
        column.addWidget(self.first_run)
        self.emergency = QLabel(f"<b>{self.tr(EMERGENCY)}</b>")
        self.emergency.setWordWrap(True)
        self.emergency.setAccessibleName(self.tr(EMERGENCY))
        column.addWidget(self.emergency)
        column.addLayout(self._build_actions())
        for number, step in enumerate(SafetyStep, start=1):
            editor = StepEditor(number, step)
            editor.add_requested.connect(self._on_editor_add_requested)
            editor.edit_requested.connect(self._on_editor_edit_requested)
            editor.remove_requested.connect(self._on_editor_remove_requested)
            editor.order_changed.connect(self._on_editor_order_changed)
            editor.copy_requested.connect(self.copy)
            self.editors[step] = editor
            column.addWidget(editor)
        column.addStretch(1)
        content.setMaximumWidth(900)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    def _build_actions(self) -> QHBoxLayout:
        self.print_button = _button(self.tr("Print…"), self.tr("Print the safety plan"))
        self.print_button.clicked.connect(self._on_print_clicked)
        self.pdf_button = _button(self.tr("Save as PDF…"), self.tr("Save the safety plan as PDF"))
        self.pdf_button.clicked.connect(self._on_pdf_clicked)
        self.status = muted(QLabel())
        self.status.setAccessibleName(self.tr("Status"))
        row = QHBoxLayout()
        row.addWidget(self.print_button)
        row.addWidget(self.pdf_button)
        row.addSpacing(12)
        row.addWidget(self.status, 1)
        return row

    # ------------------------------------------------------------ loading and saving

    def activated(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        self._run(None)

    def _run(self, change: Callable[[], Any] | None) -> None:
        """Apply ``change`` (if any) in the background, then reload the plan and contacts."""
        support = self.ctx.session.support

        def work() -> tuple[Plan, list[SupportContact]]:
            if change is not None:
                change()
            return support.safety_plan(), support.contacts.list()

        self.ctx.tasks.run(work, self._on_loaded, self._on_failed)

    def _on_loaded(self, result: tuple[Plan, list[SupportContact]]) -> None:
        self.plan, self.contacts = result
        grouped = contacts_by_step(self.contacts)
        for step, editor in self.editors.items():
            typed = [item.text for item in self.plan[step]]
            editor.set_items(self.plan[step], contacts_not_in_lines(typed, grouped[step]))
        self.first_run.setVisible(not any(self.plan.values()))
        if self.loaded:
            self.plan_changed.emit()
        self.loaded = True

    def _on_failed(self, error: BaseException) -> None:
        self.ctx.report(error)
        self.refresh()

    @Slot(object, str)
    def _on_editor_add_requested(self, step: SafetyStep, text: str) -> None:
        support = self.ctx.session.support

        def add() -> None:  # the position from storage: the page may not have reloaded yet
            lines = support.safety_plan()[step]
            position = max((i.position for i in lines), default=-1) + 1
            support.safety_items.add(SafetyPlanItem(step, text, position))

        self._run(add)

    @Slot(int, str)
    def _on_editor_edit_requested(self, ident: int, text: str) -> None:
        items = self.ctx.session.support.safety_items
        self._run(lambda: items.update(dataclasses.replace(items.get(ident), text=text)))

    @Slot(int)
    def _on_editor_remove_requested(self, ident: int) -> None:
        self._run(lambda: self.ctx.session.support.safety_items.remove(ident))

    @Slot(object, list)
    def _on_editor_order_changed(self, _step: SafetyStep, ids: list[int]) -> None:
        items = self.ctx.session.support.safety_items

        def reorder() -> None:  # positions only, over what storage holds now
            for position, ident in enumerate(ids):
                current = items.get(ident)
                if current.position != position:
                    items.update(dataclasses.replace(current, position=position))

        self._run(reorder)

    @Slot(str, str)
    def copy(self, text: str, what: str) -> None:
        self.ctx.clipboard.copy(text)
        self.status.setText(self.tr("Copied how to reach %s.") % what)

    # ------------------------------------------------------------ printing

    def html(self) -> str:
        return safety_plan_html(self.plan, self.contacts, printed_on=local_today())

    @Slot()
    def _on_print_clicked(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        set_page(printer)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print safety plan"))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            print_plan(self.html(), printer)

    @Slot()
    def _on_pdf_clicked(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save safety plan as PDF"), "safety-plan.pdf", self.tr("PDF (*.pdf)")
        )
        if name:
            self.save_pdf(Path(name))

    def save_pdf(self, path: Path) -> None:
        """Write the one-page PDF to ``path`` (atomically, readable only by this user)."""
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        data = safety_plan_pdf(self.html())
        self.ctx.tasks.run(
            lambda: write_private_file(path, data, "the safety plan"),
            lambda _: self.status.setText(self.tr("Saved to %s.") % path.name),
            self.ctx.report,
        )
