"""The themes: readable text and visible control boundaries (WCAG 1.4.3 and 1.4.11), text size."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from recovery_journal.domain.scales import MOOD
from recovery_journal.ui.nav_list import NavList
from recovery_journal.ui.scale_input import ScaleInput, muted
from recovery_journal.ui.text_size import TEXT_SCALES, system_font
from recovery_journal.ui.theme import apply_theme, contrast_ratio, palette_for

R = QPalette.ColorRole


def test_contrast_ratio_follows_wcag() -> None:
    assert contrast_ratio(QColor("#000000"), QColor("#ffffff")) == pytest.approx(21)
    assert contrast_ratio(QColor("#777777"), QColor("#ffffff")) == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio(QColor("#123456"), QColor("#123456")) == 1


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_palette_roles_have_enough_contrast(dark: bool) -> None:
    """Issue 13 §2: in the dark theme boxes and fields were ~1.2:1 against the panel."""
    p = palette_for(dark)

    def ratio(a: QPalette.ColorRole, b: QPalette.ColorRole) -> float:
        return contrast_ratio(p.color(a), p.color(b))

    for surface in (R.Window, R.Base, R.Button, R.AlternateBase):
        assert ratio(R.Mid, surface) >= 3, surface  # every control's boundary (1.4.11)
    assert ratio(R.Highlight, R.Window) >= 3  # focus rings and the selected section
    assert ratio(R.Highlight, R.Base) >= 3
    for text, surface in (
        (R.WindowText, R.Window),
        (R.Text, R.Base),
        (R.ButtonText, R.Button),
        (R.HighlightedText, R.Highlight),
        (R.PlaceholderText, R.Base),
        (R.PlaceholderText, R.Window),
        (R.Link, R.Base),
        (R.ToolTipText, R.ToolTipBase),
    ):
        assert ratio(text, surface) >= 4.5, (text, surface)  # text (1.4.3)


def _strongest_contrast(image: QImage, background: QColor) -> float:
    return max(
        contrast_ratio(image.pixelColor(x, y), background)
        for x in range(image.width())
        for y in range(image.height())
    )


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_drawn_control_boundaries_reach_3_to_1(qtbot: QtBot, app: QApplication, theme: str) -> None:
    """What the style really paints: an empty text field, an unticked box, an unset slider."""
    apply_theme(app, theme)
    panel = QWidget()
    qtbot.addWidget(panel)
    field, box, scale = QLineEdit(), QCheckBox(), ScaleInput(MOOD, "Mood")
    column = QVBoxLayout(panel)
    for widget in (field, box, scale, QLabel("focus elsewhere")):
        column.addWidget(widget)
    panel.resize(300, 200)
    panel.show()
    qtbot.waitExposed(panel)
    assert scale.value() is None
    window = app.palette().color(R.Window)
    drawn: tuple[QWidget, ...] = (field, box, scale.slider)
    for control in drawn:
        image = control.grab().toImage()
        assert _strongest_contrast(image, window) >= 3, type(control).__name__


def test_text_size_steps_apply_live_and_the_system_size_comes_back_exactly(
    qtbot: QtBot, app: QApplication
) -> None:
    """Issue 13 §2: 1 → 4 pt on the first Up press; "Same as the system" only after a restart."""
    apply_theme(app, "light")
    start = QApplication.font()
    assert start == system_font(app)
    assert min(TEXT_SCALES) == 90 and max(TEXT_SCALES) == 200 and 100 in TEXT_SCALES
    panel = QWidget()
    qtbot.addWidget(panel)
    heading, plain = QLabel("A heading"), QLabel("Some words")
    column = QVBoxLayout(panel)
    column.addWidget(heading)
    column.addWidget(plain)
    bigger = heading.font()
    bigger.setPointSizeF(bigger.pointSizeF() * 1.7)
    heading.setFont(bigger)
    panel.show()
    apply_theme(app, "light", 150)
    assert QApplication.font().pointSizeF() == pytest.approx(start.pointSizeF() * 1.5)
    # (with the app's style sheet Qt itself did not pass the new font on to child widgets)
    assert plain.font().pointSizeF() == pytest.approx(start.pointSizeF() * 1.5)
    assert heading.font().pointSizeF() == pytest.approx(start.pointSizeF() * 1.7 * 1.5)
    apply_theme(app, "light", 100)
    assert QApplication.font() == start  # exactly, no restart
    assert plain.font() == start
    assert heading.font().pointSizeF() == pytest.approx(start.pointSizeF() * 1.7)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_navigation_focus_ring_is_clearly_visible(
    qtbot: QtBot, app: QApplication, theme: str
) -> None:
    """Issue 13 §2: the focus ring on the sections was too faint; now a ring in the text colour
    (>= 3:1 against the list) goes round the current section when the list has focus."""
    apply_theme(app, theme)
    nav = NavList()
    qtbot.addWidget(nav)
    for label in ("Today", "Journal", "Support & meetings"):
        nav.addItem(label)
    nav.setCurrentRow(1)
    nav.resize(nav.width(), 200)
    nav.show()
    qtbot.waitExposed(nav)
    ring = app.palette().color(R.WindowText)
    assert contrast_ratio(ring, app.palette().color(R.Base)) >= 3

    def ring_pixels() -> int:
        rect = nav.visualItemRect(nav.item(1))
        image = nav.viewport().grab(rect).toImage()
        return sum(
            contrast_ratio(image.pixelColor(x, y), ring) < 1.3
            for x in range(image.width())
            for y in (0, 1, image.height() - 2, image.height() - 1)
        )

    without = ring_pixels()
    nav.activateWindow()
    nav.setFocus()
    qtbot.waitUntil(nav.hasFocus)
    nav.viewport().update()
    qtbot.waitUntil(lambda: ring_pixels() > without + nav.width())  # top and bottom edges
    whole = nav.fontMetrics().horizontalAdvance("Support & meetings")
    assert whole + 24 <= nav.viewport().width()  # the whole label fits


def test_a_theme_switched_while_a_window_is_open_reaches_every_widget(
    qtbot: QtBot, app: QApplication
) -> None:
    """Settings ▸ Theme applies live: from dark to light the open window kept its dark panels
    (the style sheet's style keeps each widget's palette from its first polish) and its quiet
    words kept the dark theme's grey (a copied colour): ~2:1 on the light panel."""
    apply_theme(app, "dark")
    window = QWidget()
    qtbot.addWidget(window)
    column = QVBoxLayout(window)
    field, nav = QLineEdit("words"), NavList()
    nav.addItem("Today")
    hint = QLabel("Everything here is optional.")
    scale = ScaleInput(MOOD, "Mood")
    parts: tuple[QWidget, ...] = (field, nav, hint, scale)
    for part in parts:
        column.addWidget(part)
    muted(hint)
    window.show()
    qtbot.waitExposed(window)
    apply_theme(app, "light")
    light = palette_for(False)
    for widget in (window, *parts, scale.value_label):
        assert widget.palette().color(R.Window) == light.color(R.Window), widget
        assert widget.palette().color(R.Base) == light.color(R.Base), widget
    for quiet in (hint, scale.value_label):  # mood not set: the quiet colour of the new theme
        colour = quiet.palette().color(quiet.foregroundRole())
        assert colour == light.color(R.PlaceholderText)
        assert contrast_ratio(colour, light.color(R.Window)) >= 4.5
