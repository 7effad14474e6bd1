"""Layouts that reflow when narrow: a row that wraps (FlowLayout), panels that stack (ReflowBox).

Rows of buttons and headers with buttons use it so a page reflows at 900×600 with large text
instead of forcing the window wider (Qt's "Flow Layout" example, trimmed). Items keep their size
hints; a stretch is not needed (``align_right`` puts each line at the right edge).
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QLayout,
    QLayoutItem,
    QSplitter,
    QStyle,
    QWidget,
    QWidgetItem,
)


class FlowLayout(QLayout):
    """Items left to right (or right-aligned), wrapping to new lines as the width runs out."""

    def __init__(
        self, parent: QWidget | None = None, *, spacing: int = -1, align_right: bool = False
    ) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self._align_right = align_right
        if parent is None:
            self.setContentsMargins(QMargins(0, 0, 0, 0))

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def add(self, *widgets: QWidget) -> FlowLayout:
        for widget in widgets:
            self.addChildWidget(widget)
            self.addItem(QWidgetItem(widget))
        self.invalidate()
        return self

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        visible = [i for i in self._items if not i.isEmpty()]
        width = sum(i.sizeHint().width() for i in visible) + self._gap() * max(0, len(visible) - 1)
        height = max((i.sizeHint().height() for i in visible), default=0)
        m = self.contentsMargins()
        return QSize(width + m.left() + m.right(), height + m.top() + m.bottom())

    def minimumSize(self) -> QSize:
        """As narrow as the widest item, and as tall as the lines are at that width (so a
        squeezed page grows a scroll bar instead of overlapping the wrapped lines)."""
        width = max((i.sizeHint().width() for i in self._items if not i.isEmpty()), default=0)
        m = self.contentsMargins()
        width += m.left() + m.right()
        return QSize(width, self._arrange(QRect(0, 0, width, 0), move=False))

    def _gap(self) -> int:
        if self._spacing >= 0:
            return self._spacing
        parent = self.parentWidget()
        style = parent.style() if parent is not None else None
        if style is None:
            return 6
        return style.pixelMetric(QStyle.PixelMetric.PM_LayoutHorizontalSpacing) or 6

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        gap = self._gap()
        lines: list[list[QLayoutItem]] = [[]]
        used = 0
        for item in (i for i in self._items if not i.isEmpty()):
            width = item.sizeHint().width()
            if lines[-1] and used + gap + width > area.width():
                lines.append([])
                used = 0
            used += width + (gap if lines[-1] else 0)
            lines[-1].append(item)
        y = area.y()
        for line in lines:
            height = max((i.sizeHint().height() for i in line), default=0)
            width = sum(i.sizeHint().width() for i in line) + gap * max(0, len(line) - 1)
            x = area.right() + 1 - width if self._align_right else area.x()
            x = max(x, area.x())
            for item in line:
                hint = item.sizeHint()
                if move:
                    size = QSize(min(hint.width(), area.width()), hint.height())
                    item.setGeometry(QRect(QPoint(x, y + (height - hint.height()) // 2), size))
                x += hint.width() + gap
            y += height + gap
        return y - gap - rect.y() + m.bottom() if self._items else 0


class ReflowBox(QWidget):
    """Side-by-side panels that stack into one column when the width runs out.

    Its minimum width is the widest panel's, not the sum: a narrow window (or large text) gets one
    column instead of a wider window or squeezed panels.
    """

    def __init__(self, *panels: QWidget, spacing: int = 20, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._panels = panels
        self._box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._box.setContentsMargins(0, 0, 0, 0)
        self._box.setSpacing(spacing)
        for panel in panels:
            self._box.addWidget(panel, 1)

    @property
    def stacked(self) -> bool:
        return self._box.direction() == QBoxLayout.Direction.TopToBottom

    def _side_by_side_width(self) -> int:
        widths = [max(p.minimumSizeHint().width(), p.sizeHint().width()) for p in self._panels]
        return sum(widths) + self._box.spacing() * max(0, len(widths) - 1)

    def minimumSizeHint(self) -> QSize:
        width = max((p.minimumSizeHint().width() for p in self._panels), default=0)
        if self.stacked:  # one below the other: each as tall as it likes (the page scrolls)
            tall = [max(p.minimumSizeHint().height(), p.sizeHint().height()) for p in self._panels]
            height = sum(tall)
            height += self._box.spacing() * max(0, len(self._panels) - 1)
        else:
            height = max((p.minimumSizeHint().height() for p in self._panels), default=0)
        return QSize(width, height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        narrow = event.size().width() < self._side_by_side_width()
        direction = QBoxLayout.Direction.TopToBottom if narrow else QBoxLayout.Direction.LeftToRight
        if direction != self._box.direction():
            self._box.setDirection(direction)
            self.updateGeometry()
        super().resizeEvent(event)


class ReflowSplitter(QSplitter):
    """A splitter whose panes sit side by side when each can have ``pane_chars`` average
    characters of width, and above each other when not (the divider can still be dragged)."""

    def __init__(self, parent: QWidget | None = None, *, pane_chars: int = 40) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self._pane_chars = pane_chars

    def _side_by_side_width(self) -> int:
        pane = self.fontMetrics().averageCharWidth() * self._pane_chars
        panes = [self.widget(i) for i in range(self.count())]
        widths = [max(p.minimumSizeHint().width(), pane) for p in panes if p]
        return sum(widths) + self.handleWidth() * max(0, len(widths) - 1)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        panes = [p for p in (self.widget(i) for i in range(self.count())) if p is not None]
        widest = max((p.minimumSizeHint().width() for p in panes), default=0)
        if self.orientation() == Qt.Orientation.Vertical:  # stacked: each as tall as it likes
            tall = [max(p.minimumSizeHint().height(), p.sizeHint().height()) for p in panes]
            return QSize(widest, sum(tall) + self.handleWidth() * max(0, len(tall) - 1))
        return QSize(widest, hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        narrow = event.size().width() < self._side_by_side_width()
        orientation = Qt.Orientation.Vertical if narrow else Qt.Orientation.Horizontal
        if orientation != self.orientation():
            self.setOrientation(orientation)
            self.updateGeometry()
        super().resizeEvent(event)
