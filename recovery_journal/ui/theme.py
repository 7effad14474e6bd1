"""Light and dark themes (Fusion + palettes) and the text size setting.

Calm, low-contrast-free colours: the dark theme is a soft charcoal, not pure black; focus is drawn
with a clear highlight in both, so keyboard users always see where they are.

Every control's boundary (text fields, unticked boxes, an unset slider's groove) is drawn in the
palette's ``Mid`` colour, at least 3:1 against the window and the fields (WCAG 1.4.11). Fusion draws
those outlines in ``Window`` darkened by 40 % (about 1.2:1 on the dark theme), so
:class:`BoundaryStyle` hands Fusion a palette whose darkened ``Window`` *is* ``Mid``.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QStyleOptionComplex,
    QWidget,
)

from recovery_journal.ui.text_size import SYSTEM_SCALE, apply_text_scale

THEMES = ("system", "light", "dark")
Opt = TypeVar("Opt", bound=QStyleOption)
_STYLED = "recoveryJournalStyled"
_STYLE_SHEET = (
    "QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QListView:focus, "
    "QComboBox:focus, QSpinBox:focus, QDoubleSpinBox:focus, QDateEdit:focus "
    "{ border: 2px solid palette(highlight); border-radius: 3px; }"
)
_FUSION_OUTLINE = 140  # Fusion: outline = Window.darker(140)
_OUTLINED = frozenset(
    {
        QStyle.PrimitiveElement.PE_FrameLineEdit,
        QStyle.PrimitiveElement.PE_IndicatorCheckBox,
        QStyle.PrimitiveElement.PE_IndicatorRadioButton,
        QStyle.PrimitiveElement.PE_Frame,
        QStyle.PrimitiveElement.PE_PanelButtonCommand,
    }
)
_OUTLINED_COMPLEX = frozenset(
    {
        QStyle.ComplexControl.CC_Slider,
        QStyle.ComplexControl.CC_SpinBox,
        QStyle.ComplexControl.CC_ComboBox,
    }
)


def relative_luminance(colour: QColor) -> float:
    """WCAG 2 relative luminance of an opaque colour."""

    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in (colour.redF(), colour.greenF(), colour.blueF()))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: QColor, b: QColor) -> float:
    """WCAG 2 contrast ratio between two colours (1 … 21)."""
    high, low = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


class BoundaryStyle(QProxyStyle):
    """Fusion, with control outlines in the palette's ``Mid`` colour (see the module doc)."""

    def _outlined(self, option: Opt) -> Opt:
        copy = type(option)(option)
        boundary = option.palette.color(QPalette.ColorRole.Mid)
        value = min(255, boundary.value() * _FUSION_OUTLINE // 100)
        window = QColor.fromHsv(max(boundary.hue(), 0), boundary.saturation(), value)
        copy.palette.setColor(QPalette.ColorRole.Window, window)
        return copy

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element in _OUTLINED:
            option = self._outlined(option)
        super().drawPrimitive(element, option, painter, widget)

    def drawComplexControl(
        self,
        control: QStyle.ComplexControl,
        option: QStyleOptionComplex,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if control in _OUTLINED_COMPLEX:
            option = self._outlined(option)
        super().drawComplexControl(control, option, painter, widget)


def _palette(dark: bool) -> QPalette:
    p = QPalette()
    if dark:
        base, window, text = QColor("#1f2227"), QColor("#2a2e35"), QColor("#e8e6e3")
        button, highlight, link = QColor("#343941"), QColor("#5b8bd0"), QColor("#8ab4f8")
        mid, placeholder = QColor("#80878f"), QColor("#9aa0a6")
    else:
        base, window, text = QColor("#ffffff"), QColor("#f4f2ee"), QColor("#1d1d1f")
        button, highlight, link = QColor("#ebe8e2"), QColor("#3a6fb8"), QColor("#2a5db0")
        mid, placeholder = QColor("#78746d"), QColor("#6b6b6b")
    roles = {
        QPalette.ColorRole.Window: window,
        QPalette.ColorRole.WindowText: text,
        QPalette.ColorRole.Base: base,
        QPalette.ColorRole.AlternateBase: window,
        QPalette.ColorRole.Text: text,
        QPalette.ColorRole.Button: button,
        QPalette.ColorRole.ButtonText: text,
        QPalette.ColorRole.Highlight: highlight,
        # White on the dark theme's lighter blue was 3.5:1; near-black reads at 5:1.
        QPalette.ColorRole.HighlightedText: QColor("#10141a" if dark else "#ffffff"),
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


def palette_for(dark: bool) -> QPalette:
    """The app's palette for the dark or the light theme."""
    return _palette(dark)


def apply_theme(app: QApplication, theme: str, text_scale: int = SYSTEM_SCALE) -> bool:
    """Apply ``theme`` ('system', 'light', 'dark') and the text size (percent of the system's);
    returns whether the result is dark."""
    if app.property(_STYLED) is not True:  # once: a new style re-polishes every widget
        app.setStyle(BoundaryStyle(QStyleFactory.create("Fusion")))
        app.setProperty(_STYLED, True)
    dark = theme == "dark" or (theme == "system" and system_prefers_dark())
    palette = _palette(dark)
    if app.styleSheet() and app.palette().color(QPalette.ColorRole.Window) != palette.color(
        QPalette.ColorRole.Window
    ):
        # The style sheet's style keeps the palette each widget had when it was first polished:
        # without taking the sheet off first, a live switch left open windows in the old theme.
        app.setStyleSheet("")
    app.setPalette(palette)
    apply_text_scale(app, text_scale)
    if app.styleSheet() != _STYLE_SHEET:  # setting it again puts back fonts from before
        app.setStyleSheet(_STYLE_SHEET)
    return dark
