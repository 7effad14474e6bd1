"""A stacked widget as big as its current page, not its biggest one.

QStackedWidget sizes itself for the largest page, which leaves a short page (the unlock form)
floating in empty space. This one reports the current page's size and lets its window shrink or
grow when the page changes.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Slot
from PySide6.QtWidgets import QStackedWidget, QWidget


class FittingStack(QStackedWidget):
    """Sized by the page on show; the window is resized to fit on each change unless
    ``resize_window`` is false (the main window never resizes itself)."""

    def __init__(self, parent: QWidget | None = None, *, resize_window: bool = True) -> None:
        super().__init__(parent)
        self._resize_window = resize_window
        self.currentChanged.connect(self._on_current_changed)

    def sizeHint(self) -> QSize:
        current = self.currentWidget()
        return current.sizeHint() if current is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:
        current = self.currentWidget()
        return current.minimumSizeHint() if current is not None else super().minimumSizeHint()

    def heightForWidth(self, width: int) -> int:
        # QStackedLayout answers with the tallest *preferred* height of *all* pages, so the main
        # window's scroll area made a short page 300 px too tall: the current page's minimum.
        current = self.currentWidget()
        if current is None:
            return super().heightForWidth(width)
        return current.minimumSizeHint().height()

    @Slot(int)
    def _on_current_changed(self, _index: int) -> None:
        self.updateGeometry()
        if not self._resize_window:
            return
        window = self.window()
        if window is not None and window is not self:
            window.adjustSize()
