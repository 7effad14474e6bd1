"""The Journal page's two panes: the list and the entry side by side, or one at a time.

With room, the list column (search, filters, entries) and the entry pane (calendar and editor)
sit side by side as before. When the page hasn't room for the list *and* a comfortable editor (a
900×600 window at 150 % text needed about 1,000 px and scrolled sideways), it shows one of them:
the list, and after an entry is opened the entry with an "← All entries" button (also Alt+Left
or Esc) back to the list. The threshold comes from the panes' own size hints and the text's
average character width at the current size, so it holds at any text size; the page switches
live as the window or the text grows or shrinks. Going back only hides the editor: it keeps the
entry and any unsaved words exactly as they were.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLayout,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

EDITOR_CHARS = 40
"""Average characters of width the editor keeps, at the current text size, beside the list."""


class ListOrEntry(QSplitter):
    """``list_pane`` | ``entry``: side by side when both fit comfortably, else one at a time.

    ``entry_shown`` and ``list_shown`` say which pane a person just switched to in one-pane mode
    (the page moves the keyboard focus there); ``has_entry`` says whether an entry is open.
    """

    entry_shown = Signal()
    list_shown = Signal()

    def __init__(
        self,
        list_pane: QWidget,
        entry: QWidget,
        has_entry: Callable[[], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.list_pane = list_pane
        self._has_entry = has_entry
        self.back_button = QPushButton("\u2190 " + self.tr("All entries"))
        self.back_button.setAccessibleName(self.tr("Back to all entries"))
        self.back_button.setToolTip(self.tr("Back to the list (Alt+Left or Esc)"))
        self.back_button.setAutoDefault(False)
        self.back_button.clicked.connect(self.show_list)
        self.back_bar = QWidget()
        bar = QHBoxLayout(self.back_bar)
        bar.setContentsMargins(6, 12, 12, 0)
        bar.addWidget(self.back_button)
        bar.addStretch(1)
        self.entry_pane = QWidget()
        column = QVBoxLayout(self.entry_pane)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.back_bar)
        column.addWidget(entry, 1)
        self.addWidget(list_pane)
        self.addWidget(self.entry_pane)
        # Extra width goes to both sides (2 : 3), so a wide window shows longer list rows.
        self.setStretchFactor(0, 2)
        self.setStretchFactor(1, 3)
        self.setSizes([400, 600])
        self.setChildrenCollapsible(False)
        self._one_pane = False
        self._showing_entry = False
        self._hints_stale = False
        keys = ("Alt+Left", "Esc")
        self._back_keys = [QShortcut(QKeySequence(key), self.entry_pane) for key in keys]
        for shortcut in self._back_keys:
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.show_list)
        self._apply()

    @property
    def one_pane(self) -> bool:
        """True while only one pane shows at a time (the page is narrow)."""
        return self._one_pane

    @property
    def showing_entry(self) -> bool:
        """True while one-pane mode shows the entry (False: the list, or two panes)."""
        return self._one_pane and self._showing_entry

    def two_pane_width(self) -> int:
        """The width the list and a comfortable editor need side by side, at this text size."""
        comfortable = self.fontMetrics().averageCharWidth() * EDITOR_CHARS
        entry = max(self.entry_pane.minimumSizeHint().width(), comfortable)
        return self.list_pane.minimumSizeHint().width() + self.handleWidth() + entry

    def minimumSizeHint(self) -> QSize:
        # One pane at a time can always be had, so the wider pane (not the sum) is the minimum:
        # the page never asks the window for more room than one pane needs.
        panes = (self.list_pane.minimumSizeHint(), self.entry_pane.minimumSizeHint())
        return QSize(max(p.width() for p in panes), max(p.height() for p in panes))

    def open_entry(self) -> None:
        """Show the entry pane (one-pane mode only; two panes show it anyway)."""
        if self._one_pane and not self._showing_entry:
            self._showing_entry = True
            self._apply()
            self.entry_shown.emit()

    def show_list(self) -> None:
        """Back to the list (one-pane mode only); the entry and its unsaved words stay."""
        if self._one_pane and self._showing_entry:
            self._showing_entry = False
            self._apply()
            self.list_shown.emit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.fit(event.size().width())
        super().resizeEvent(event)

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.LayoutRequest:  # a pane's size hints changed (text size)
            self.fit()
        return handled

    def fit(self, width: int | None = None) -> None:
        """Two panes or one, for ``width`` (default: the present width)."""
        self._refresh_hidden_pane()
        one_pane = (self.width() if width is None else width) < self.two_pane_width()
        if one_pane == self._one_pane:
            return
        if one_pane:  # going narrow while writing keeps the entry in view
            focus = QApplication.focusWidget()
            writing = focus is not None and self.entry_pane.isAncestorOf(focus)
            self._showing_entry = writing and self._has_entry()
        self._one_pane = one_pane
        self._apply()
        if not one_pane:
            self.setSizes([2 * self.width() // 5, 3 * self.width() // 5])

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._hints_stale = True
        super().changeEvent(event)

    def _refresh_hidden_pane(self) -> None:
        """Qt leaves a hidden widget's size hints as they were when it was hidden: after the
        text size changed, bring the hidden pane's up to date once (innermost first)."""
        hidden = [p for p in (self.list_pane, self.entry_pane) if p.isHidden()]
        if not (self._hints_stale and hidden):
            return
        self._hints_stale = False
        for pane in hidden:
            for widget in reversed(pane.findChildren(QWidget)):
                widget.updateGeometry()
            for layout in reversed(pane.findChildren(QLayout)):
                layout.activate()
        self.updateGeometry()  # the page's minimum is the wider pane's

    def _apply(self) -> None:
        one, entry = self._one_pane, self._showing_entry
        self.back_bar.setVisible(one)
        for shortcut in self._back_keys:
            shortcut.setEnabled(one)
        self.list_pane.setVisible(not one or not entry)
        self.entry_pane.setVisible(not one or entry)
