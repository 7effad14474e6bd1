"""The two lists of the Triggers & signs page: a tree whose Enter edits and Delete archives, and
the titled panel around it (Add, Edit, Archive/Restore, and "Common ones…" — the starter lists,
also suggested in words while the list is empty)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from recovery_journal.ui.checkin import muted
from recovery_journal.ui.flow_layout import FlowLayout

ID_ROLE = Qt.ItemDataRole.UserRole


class LibraryTree(QTreeWidget):
    """A list whose Enter edits and Delete archives the selected item."""

    edit_requested = Signal()
    archive_requested = Signal()

    def __init__(self, columns: list[str], name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderLabels(columns)
        self.setAccessibleName(name)
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAllColumnsShowFocus(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(columns)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.itemDoubleClicked.connect(lambda *_: self.edit_requested.emit())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.edit_requested.emit()
        elif event.key() == Qt.Key.Key_Delete:
            self.archive_requested.emit()
        else:
            super().keyPressEvent(event)

    def selected_id(self) -> int | None:
        item = self.currentItem()
        value = item.data(0, ID_ROLE) if item is not None and item.isSelected() else None
        return int(value) if value is not None else None

    def select_id(self, ident: int | None) -> None:
        for item in self._items():
            if ident is not None and item.data(0, ID_ROLE) == ident:
                self.setCurrentItem(item)
                return

    def _items(self) -> list[QTreeWidgetItem]:
        found: list[QTreeWidgetItem] = []
        stack = [self.topLevelItem(i) for i in range(self.topLevelItemCount())]
        while stack:
            item = stack.pop(0)
            if item is not None:
                found.append(item)
                stack.extend(item.child(i) for i in range(item.childCount()))
        return found


class LibraryPanel(QGroupBox):
    """A titled list with Add, Edit and Archive/Restore buttons."""

    def __init__(self, title: str, tree: LibraryTree, what: str) -> None:
        super().__init__(title)
        self.tree = tree
        self.add_button = QPushButton(self.tr("Add…"))
        self.add_button.setAccessibleName(self.tr("Add a %s") % what)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.setAccessibleName(self.tr("Edit the selected %s") % what)
        self.archive_button = QPushButton(self.tr("Archive"))
        self.archive_button.setAccessibleName(self.tr("Archive the selected %s") % what)
        self.starters_button = QPushButton(self.tr("Common ones…"))
        self.starters_button.setAccessibleName(self.tr("Choose from common %ss") % what)
        self.empty_hint = muted(QLabel())
        self.empty_hint.setWordWrap(True)
        self.empty_hint.hide()
        buttons = self.buttons = FlowLayout()  # wraps when narrow (900×600 at 150 % text)
        buttons.add(self.add_button, self.edit_button, self.archive_button, self.starters_button)
        layout = QVBoxLayout(self)
        layout.addWidget(tree, 1)
        layout.addWidget(self.empty_hint)
        layout.addLayout(buttons)
        self.edit_button.clicked.connect(tree.edit_requested)
        self.archive_button.clicked.connect(tree.archive_requested)

    def show_empty_hint(self, text: str) -> None:
        """A line under an empty list pointing at "Common ones…" (hidden with ``""``)."""
        self.empty_hint.setText(text)
        self.empty_hint.setVisible(bool(text))
