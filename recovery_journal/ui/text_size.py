"""Text size as a share of the system size (90 %–200 %), applied live and undone exactly.

The app's font is the system font scaled by the chosen percentage; "Same as the system" (100 %)
gives back exactly the font the app started with. Widgets that set their own size relative to the
app font (headings 1.7×, the mood title 1.2×…) keep that ratio when the size changes, so headings
grow with the text instead of staying put until a restart.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QWidget

TEXT_SCALES = (90, 100, 110, 125, 150, 175, 200)
SYSTEM_SCALE = 100
_MIN_POINTS = 10.0  # Qt's fallback font without a desktop theme is 9 pt: too small to read

_system_font: QFont | None = None


def system_font(app: QApplication) -> QFont:
    """The font the app started with (at least 10 pt), remembered the first time it is asked."""
    global _system_font  # one QApplication per process: its starting font, once
    if _system_font is None:
        font = QFont(app.font())
        if 0 < font.pointSizeF() < _MIN_POINTS:
            font.setPointSizeF(_MIN_POINTS)
        _system_font = font
    return QFont(_system_font)


def nearest_scale(percent: int) -> int:
    """The offered step closest to ``percent`` (a stored value from elsewhere stays sensible)."""
    return min(TEXT_SCALES, key=lambda step: abs(step - percent))


def apply_text_scale(app: QApplication, percent: int) -> None:
    """Set the app font to ``percent`` of the system size, rescaling explicit sizes in step."""
    base = system_font(app)
    font = QFont(base)
    if base.pointSizeF() > 0:
        font.setPointSizeF(base.pointSizeF() * nearest_scale(percent) / 100)
    old = app.font().pointSizeF()
    if font == app.font():
        return
    # Sizes a widget set itself (a heading at 1.7×) are relative to the old app font.
    relative = []
    for widget in app.allWidgets():
        own = widget.font()
        if widget.testAttribute(Qt.WidgetAttribute.WA_SetFont) and own.pointSizeF() > 0 < old:
            relative.append((widget, own.pointSizeF() / old))
    app.setFont(font)
    # With an application style sheet, Qt does not pass a new application font on to child
    # widgets (QApplication.setFont's documented caveat): every widget is told again, parents
    # first. An empty QFont sets nothing, so the widget keeps following its parent.
    sizes = dict(relative)
    for widget in sorted(app.allWidgets(), key=_depth):
        if widget in sizes:
            own = QFont(widget.font())
            own.setPointSizeF(font.pointSizeF() * sizes[widget])
            widget.setFont(own)
        elif not widget.testAttribute(Qt.WidgetAttribute.WA_SetFont):
            widget.setFont(QFont())


def _depth(widget: QWidget) -> int:
    depth, parent = 0, widget.parentWidget()
    while parent is not None:
        depth, parent = depth + 1, parent.parentWidget()
    return depth
