"""The Journal page's right pane: the mood calendar above the editor, the calendar only with room.

The editor is what the pane is for: reading and changing an entry. In a small window (900×600) or
with large text the calendar would leave the editor a strip with the mood and no words, and its
minimum width would push the page wider than the window. So the calendar is shown only while the
pane has room for it *and* a comfortable editor (about thirty lines: the check-in, title, tags and
a page of words); otherwise the pane is the editor alone, and the date filter and the editor's
date field still choose days. The person can still drag the divider while both are shown.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QSplitter, QWidget

EDITOR_LINES = 30
"""Lines of text the editor keeps, at the current text size, before the calendar gets room."""


class CalendarAndEditor(QSplitter):
    """A vertical splitter of ``calendar`` over ``editor`` that hides the calendar when cramped."""

    def __init__(self, calendar: QWidget, editor: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self.calendar, self.editor = calendar, editor
        self.addWidget(calendar)
        self.addWidget(editor)
        self.setStretchFactor(1, 1)
        self.setChildrenCollapsible(False)

    def room_for_calendar(self) -> bool:
        """True when the pane is tall and wide enough for the calendar and a comfortable editor."""
        line = self.editor.fontMetrics().lineSpacing()
        wanted_height = self.calendar.sizeHint().height() + EDITOR_LINES * line
        wanted_width = self.calendar.minimumSizeHint().width()
        return self.height() >= wanted_height and self.width() >= wanted_width

    def minimumSizeHint(self) -> QSize:
        # The calendar hides rather than squeeze the editor, so only the editor sets the minimum
        # (with the calendar shown, the Journal's one-pane mode measured a pane too wide for it).
        margins = self.contentsMargins()
        return self.editor.minimumSizeHint().grownBy(margins)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()

    def fit(self) -> None:
        """Show or hide the calendar for the pane's present size."""
        show = self.room_for_calendar()
        if show != self.calendar.isVisibleTo(self):
            self.calendar.setVisible(show)
