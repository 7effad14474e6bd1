"""Light and dark themes (Fusion + palettes) and the font size setting.

Calm, low-contrast-free colours: the dark theme is a soft charcoal, not pure black; focus is drawn
with a clear highlight in both, so keyboard users always see where they are.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

THEMES = ("system", "light", "dark")


def _palette(dark: bool) -> QPalette:
    p = QPalette()
    if dark:
        base, window, text = QColor("#1f2227"), QColor("#2a2e35"), QColor("#e8e6e3")
        button, highlight, link = QColor("#343941"), QColor("#5b8bd0"), QColor("#8ab4f8")
        mid, placeholder = QColor("#4a505a"), QColor("#9aa0a6")
    else:
        base, window, text = QColor("#ffffff"), QColor("#f4f2ee"), QColor("#1d1d1f")
        button, highlight, link = QColor("#ebe8e2"), QColor("#3a6fb8"), QColor("#2a5db0")
        mid, placeholder = QColor("#c9c5bd"), QColor("#6b6b6b")
    roles = {
        QPalette.ColorRole.Window: window,
        QPalette.ColorRole.WindowText: text,
        QPalette.ColorRole.Base: base,
        QPalette.ColorRole.AlternateBase: window,
        QPalette.ColorRole.Text: text,
        QPalette.ColorRole.Button: button,
        QPalette.ColorRole.ButtonText: text,
        QPalette.ColorRole.Highlight: highlight,
        QPalette.ColorRole.HighlightedText: QColor("#ffffff"),
        QPalette.ColorRole.Link: link,
        QPalette.ColorRole.ToolTipBase: base,
        QPalette.ColorRole.ToolTipText: text,
        QPalette.ColorRole.PlaceholderText: placeholder,
        QPalette.ColorRole.Mid: mid,
        QPalette.ColorRole.Midlight: mid.lighter(115),
        QPalette.ColorRole.Dark: mid.darker(130),
    }
    for role, colour in roles.items():
        p.setColor(role, colour)
    disabled = QColor(placeholder)
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
        QPalette.ColorRole.WindowText,
    ):
        p.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return p


def system_prefers_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return bool(hints.colorScheme() == Qt.ColorScheme.Dark)


def apply_theme(app: QApplication, theme: str, font_point_size: int = 0) -> bool:
    """Apply ``theme`` ('system', 'light', 'dark'); returns whether the result is dark."""
    app.setStyle(QStyleFactory.create("Fusion"))
    dark = theme == "dark" or (theme == "system" and system_prefers_dark())
    app.setPalette(_palette(dark))
    font = QFont(app.font())
    if font_point_size > 0:
        font.setPointSize(font_point_size)
    elif font.pointSize() < 10:
        font.setPointSize(10)
    app.setFont(font)
    app.setStyleSheet(
        "QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QListView:focus, "
        "QComboBox:focus, QSpinBox:focus, QDoubleSpinBox:focus, QDateEdit:focus "
        "{ border: 2px solid palette(highlight); border-radius: 3px; }"
    )
    return dark
