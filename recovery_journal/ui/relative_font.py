"""Fonts that stay relative to the app's text size: a heading 1.7×, the writing area 1.25×, …

Setting a font with an explicit size on a widget stops it from following the application font, so
a text size chosen in Settings (applied live) would leave these at their old size. A
:func:`keep_relative` widget is re-sized whenever the application font changes.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QWidget


class _Follower(QObject):
    """Re-applies the relative font on every application font change."""

    def __init__(self, widget: QWidget, factor: float, weight: QFont.Weight | None) -> None:
        super().__init__(widget)
        self._widget, self._factor, self._weight = widget, factor, weight
        widget.installEventFilter(self)
        self.apply()

    def apply(self) -> None:
        font = QFont(QApplication.font())
        font.setPointSizeF(font.pointSizeF() * self._factor)
        if self._weight is not None:
            font.setWeight(self._weight)
        self._widget.setFont(font)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._widget and event.type() == QEvent.Type.ApplicationFontChange:
            self.apply()
        return False


def keep_relative(widget: QWidget, factor: float, weight: QFont.Weight | None = None) -> None:
    """Give ``widget`` the application font × ``factor`` (and ``weight``), now and after every
    change of the application font."""
    _Follower(widget, factor, weight)
