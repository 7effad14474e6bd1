"""The main window's section list: whole labels at any text size, and a focus ring you can see.

Its width follows the longest label in the current font (it was a fixed 190 px, which cut
"Support & meetings" at larger text). When the list has keyboard focus the current section wears
a 2 px ring in the text colour around the highlight (over 10:1 against the list in both themes);
without focus the selection is only filled.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize
from PySide6.QtWidgets import QListWidget, QWidget

_PAD_X, _PAD_Y, _RING = 12, 7, 2
STYLE = (
    "QListWidget#nav { border: none; padding-top: 8px; outline: 0; }"
    f"QListWidget#nav::item {{ padding: {_PAD_Y}px {_PAD_X}px; border-radius: 4px;"
    f" border: {_RING}px solid transparent; }}"
    "QListWidget#nav::item:selected { background: palette(highlight);"
    " color: palette(highlighted-text); }"
    "QListWidget#nav::item:selected:focus { border: 2px solid palette(window-text); }"
)


class NavList(QListWidget):
    """A QListWidget of section names, as wide as its longest name needs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("nav")
        self.setStyleSheet(STYLE)
        self.setSpacing(2)
        self.setIconSize(QSize(0, 0))
        self.setWordWrap(False)

    def addItem(self, label: str) -> None:  # type: ignore[override]
        super().addItem(label)
        self._fit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit()

    def _fit(self) -> None:
        metrics = self.fontMetrics()
        labels = [self.item(row).text() for row in range(self.count())]
        text = max((metrics.horizontalAdvance(label) for label in labels), default=0)
        extra = 2 * (_PAD_X + _RING + self.spacing()) + self.frameWidth() * 2 + 16
        self.setFixedWidth(max(150, text + extra))
