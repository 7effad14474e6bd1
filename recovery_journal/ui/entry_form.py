"""The entry form the Journal page's editor is built on: date, the whole check-in (the shared
:class:`~recovery_journal.ui.checkin.CheckInPanel`), title, tags, "bring to therapy", the
Markdown text with its preview, and the bar offering a kept draft.

Split from :mod:`recovery_journal.ui.entry_editor`, which adds the actions (save, trash, restore,
history, drafts) and runs them in the background. This part only builds the fields, fills them
and reads them back in a comparable shape (:class:`EntryFields`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeySequence, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QTextBrowser,
    QToolButton,
    QWidget,
)

from recovery_journal.domain.entries import CheckIn, Draft, Entry, normalise_tags
from recovery_journal.errors import UserError
from recovery_journal.ui.checkin import CheckInPanel
from recovery_journal.ui.mood_calendar import to_date
from recovery_journal.ui.qt_dates import to_qdate

STAR_SHORTCUT = "Ctrl+Shift+S"  # S for star (Ctrl+D deletes a character in text fields on Linux)
_MARKDOWN = (
    QTextDocument.MarkdownFeature.MarkdownDialectGitHub
    | QTextDocument.MarkdownFeature.MarkdownNoHTML
)


def parse_tags(text: str) -> tuple[str, ...]:
    """Comma-separated tags as the journal will store them (raw pieces if they don't validate)."""
    pieces = tuple(p.strip() for p in text.split(",") if p.strip())
    try:
        return normalise_tags(pieces)
    except UserError:
        return pieces  # saving reports the problem; until then the form simply counts as changed


@dataclass(frozen=True, slots=True)
class EntryFields:
    """What the form edits, in a comparable shape."""

    local_date: date
    title: str
    body: str
    check_in: CheckIn
    tags: tuple[str, ...]
    bring_to_therapy: bool

    @classmethod
    def of(cls, item: Entry | Draft) -> EntryFields:
        return cls(item.local_date, item.title, item.body, item.check_in, tuple(item.tags),
                   item.bring_to_therapy)  # fmt: skip


class DraftBar(QFrame):
    """'You have unsaved changes from before — Continue / Discard', shown above the form."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("Unsaved changes from before"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.continue_button = QPushButton(self.tr("Continue"))
        self.continue_button.setAccessibleName(self.tr("Continue the unsaved changes"))
        self.discard_button = QPushButton(self.tr("Discard"))
        self.discard_button.setAccessibleName(self.tr("Discard the unsaved changes"))
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 6, 6)
        row.addWidget(self.message, 1)
        row.addWidget(self.continue_button)
        row.addWidget(self.discard_button)
        self.hide()


class EntryForm(QWidget):
    """The fields of one entry (built by the editor's ``_build``, which lays them out)."""

    _filling: bool  # set while the form is filled, so the change signals are ignored

    def _build_top_row(self) -> QHBoxLayout:
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("ddd d MMM yyyy")
        self.date_edit.setAccessibleName(self.tr("Day this entry is about"))
        self.star_button = QToolButton()
        self.star_button.setCheckable(True)
        self.star_button.setAutoRaise(True)
        self.star_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.star_button.setAccessibleName(self.tr("Star this entry"))
        self.show_star(False)
        self.checkin = CheckInPanel(compact=True)
        self.therapy_check = QCheckBox(self.tr("Bring to therapy"))
        self.therapy_check.setAccessibleName(self.tr("Bring to therapy"))
        row = QHBoxLayout()
        row.addWidget(self.date_edit)
        row.addStretch(1)
        row.addWidget(self.star_button)
        return row

    def show_star(self, starred: bool) -> None:
        """The star button as the entry is: "☆ Star" or "★ Starred" (never colour alone)."""
        self.star_button.setChecked(starred)
        self.star_button.setText(
            "\u2605 " + self.tr("Starred") if starred else "\u2606 " + self.tr("Star")
        )
        shortcut = QKeySequence(STAR_SHORTCUT).toString(QKeySequence.SequenceFormat.NativeText)
        tip = self.tr("Take the star off ({0})") if starred else self.tr("Star this entry ({0})")
        self.star_button.setToolTip(tip.format(shortcut))

    def _build_text_fields(self) -> QFormLayout:
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(self.tr("A title, if you like"))
        self.title_edit.setAccessibleName(self.tr("Title"))
        bigger = QFont(self.title_edit.font())
        bigger.setPointSizeF(bigger.pointSizeF() * 1.15)
        self.title_edit.setFont(bigger)
        self.tags_edit = QLineEdit()
        self.tags_edit.setPlaceholderText(self.tr("e.g. sleep, family, work"))
        self.tags_edit.setAccessibleName(self.tr("Tags, separated by commas"))
        tags_row = QHBoxLayout()
        tags_row.addWidget(self.tags_edit, 1)
        tags_row.addSpacing(12)
        tags_row.addWidget(self.therapy_check)
        fields = QFormLayout()
        fields.setContentsMargins(0, 0, 0, 0)
        fields.addRow(self.tr("&Title"), self.title_edit)
        tags_label = QLabel(self.tr("T&ags"))
        tags_label.setBuddy(self.tags_edit)
        fields.addRow(tags_label, tags_row)
        return fields

    def _build_tabs(self) -> QTabWidget:
        self.body_edit = QPlainTextEdit()
        self.body_edit.setAccessibleName(self.tr("Entry text (Markdown)"))
        self.body_edit.setTabChangesFocus(True)
        self.preview = QTextBrowser()
        self.preview.setOpenLinks(False)
        self.preview.setOpenExternalLinks(False)
        self.preview.setAccessibleName(self.tr("Preview of the entry text"))
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Write or preview"))
        self.tabs.addTab(self.body_edit, self.tr("&Write"))
        self.tabs.addTab(self.preview, self.tr("&Preview"))
        return self.tabs

    def _fill_fields(self, fields: EntryFields) -> None:
        self._filling = True
        try:
            self.date_edit.setDate(to_qdate(fields.local_date))
            self.title_edit.setText(fields.title)
            self.tags_edit.setText(", ".join(fields.tags))
            self.therapy_check.setChecked(fields.bring_to_therapy)
            self.checkin.set_check_in(fields.check_in)
            self.body_edit.setPlainText(fields.body)
        finally:
            self._filling = False
        if self.tabs.currentIndex() == 1:
            self._render_preview()

    def _form_fields(self) -> EntryFields:
        return EntryFields(
            local_date=to_date(self.date_edit.date()),
            title=self.title_edit.text().strip(),
            body=self.body_edit.toPlainText(),
            check_in=self.checkin.check_in(),
            tags=parse_tags(self.tags_edit.text()),
            bring_to_therapy=self.therapy_check.isChecked(),
        )

    def _render_preview(self) -> None:
        self.preview.document().setMarkdown(self.body_edit.toPlainText(), _MARKDOWN)
