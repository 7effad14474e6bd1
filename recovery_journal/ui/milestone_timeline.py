"""The milestones timeline of the Milestones page: newest first, with what kind each one is.

The person's own milestones can be edited (Enter or a double-click on one, or the page's button);
the ones the journal noticed (counter marks, firsts) follow the journal and are shown as they are.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from recovery_journal import words
from recovery_journal.services.progress import TimelineItem
from recovery_journal.ui.progress_widgets import nice_date


class MilestoneTimeline(QListWidget):
    """Stored and just-reached milestones, newest first."""

    edit_requested = Signal(object)  # the TimelineItem of one of the person's own milestones
    own_selected = Signal(bool)  # whether the current row is one of the person's own

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Milestones timeline"))
        self.setMinimumHeight(160)
        self.setMaximumHeight(280)
        self.setWordWrap(True)
        self.setSpacing(2)
        self.itemActivated.connect(lambda _row: self._request_edit())
        self.currentRowChanged.connect(
            lambda _row: self.own_selected.emit(bool(self.selected_own()))
        )

    def show_items(self, items: list[TimelineItem]) -> None:
        self.clear()
        for item in reversed(items):
            kind = words.kind_in_a_sentence(item.kind)
            text = f"{nice_date(item.local_date)}  —  {item.title}   ({kind})"
            if item.notes:
                text += f"\n{item.notes}"
            row = QListWidgetItem(text)
            row.setData(Qt.ItemDataRole.AccessibleTextRole, text)
            if not item.automatic and item.milestone_id is not None:
                row.setData(Qt.ItemDataRole.UserRole, item)  # the person's own: editable
            self.addItem(row)
        if not items:
            hint = QListWidgetItem(self.tr("Milestones you reach will gather here."))
            hint.setFlags(Qt.ItemFlag.NoItemFlags)
            self.addItem(hint)
        self.own_selected.emit(False)

    def selected_own(self) -> TimelineItem | None:
        row = self.currentItem()
        item = row.data(Qt.ItemDataRole.UserRole) if row is not None else None
        return item if isinstance(item, TimelineItem) else None

    def _request_edit(self) -> None:
        item = self.selected_own()
        if item is not None:
            self.edit_requested.emit(item)
