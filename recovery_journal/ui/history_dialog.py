"""'Earlier versions': a read-only look at the versions an entry had before it was edited.

The list on the left names each earlier version by when it was replaced; the right side shows that
version's title, mood, tags and text exactly as they were. Nothing here changes the journal: "Use
this version" only copies the old words back into the editor, where the person can save them.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from recovery_journal.domain.entries import EntryRevision
from recovery_journal.domain.scales import MOOD
from recovery_journal.ui.qt_dates import to_local_qdatetime


def format_instant(revision: EntryRevision) -> str:
    """When a version was replaced, in local time and the person's language."""
    when = to_local_qdatetime(revision.replaced_utc)
    return QLocale().toString(when, "ddd d MMM yyyy, HH:mm")


class HistoryDialog(QDialog):
    """Lists :class:`EntryRevision` objects (newest first) with a read-only view of each."""

    revision_chosen = Signal(object)
    """The :class:`EntryRevision` whose words the person wants back in the editor."""

    def __init__(self, revisions: list[EntryRevision], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._revisions = revisions
        self.setWindowTitle(self.tr("Earlier versions"))
        self.resize(760, 480)

        self.versions = QListWidget()
        self.versions.setAccessibleName(self.tr("Earlier versions by when they were replaced"))
        self.versions.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.versions.setTextElideMode(Qt.TextElideMode.ElideRight)
        for revision in revisions:
            first_line = (revision.title or revision.body).strip().splitlines()[:1]
            words = first_line[0][:40] if first_line else ""
            item = QListWidgetItem(f"{format_instant(revision)}\n{words}".strip())
            self.versions.addItem(item)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setAccessibleName(self.tr("Title, mood and tags of this version"))
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setAccessibleName(self.tr("Text of this version"))

        left = QWidget()
        versions = QVBoxLayout(left)
        versions.setContentsMargins(0, 0, 0, 0)
        caption = QLabel(self.tr("&Replaced on"))
        caption.setBuddy(self.versions)
        versions.addWidget(caption)
        versions.addWidget(self.versions, 1)
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.details)
        column.addWidget(self.text, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([240, 520])
        splitter.setChildrenCollapsible(False)

        self.use_button = QPushButton(self.tr("Use this version"))
        self.use_button.setAccessibleName(self.tr("Copy this version into the editor"))
        self.use_button.setToolTip(self.tr("Puts these words back in the editor; save to keep"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.use_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.use_button.clicked.connect(self._on_use_button_clicked)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.versions.currentRowChanged.connect(self._on_versions_current_row_changed)
        if revisions:
            self.versions.setCurrentRow(0)
        self.use_button.setEnabled(bool(revisions))
        self.versions.setFocus()

    def _on_versions_current_row_changed(self, row: int) -> None:
        if not 0 <= row < len(self._revisions):
            self.details.clear()
            self.text.clear()
            return
        revision = self._revisions[row]
        mood = (
            self.tr("{0} – {1}").format(revision.mood, MOOD.label(revision.mood))
            if revision.mood is not None
            else self.tr("not recorded")
        )
        lines = [
            self.tr("Title: {0}").format(revision.title or self.tr("(none)")),
            self.tr("Mood: {0}").format(mood),
        ]
        if revision.tags:
            lines.append(self.tr("Tags: {0}").format(", ".join(revision.tags)))
        self.details.setText("\n".join(lines))
        self.text.setPlainText(revision.body)

    def _on_use_button_clicked(self) -> None:
        row = self.versions.currentRow()
        if 0 <= row < len(self._revisions):
            self.revision_chosen.emit(self._revisions[row])
            self.accept()
