"""Pages hold at 900×600 with 150 % text and at 640×480: no widening, no overlap (issue 13 §2)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from recovery_journal.ui.context import UiContext
from recovery_journal.ui.main_window import MINIMUM_SIZE, MainWindow
from recovery_journal.ui.theme import apply_theme
from tests.ui.conftest import wait_tasks

# Today and Journal are laid out by the check-in work (issue 13 §1-2); these are the others.
OTHER_PAGES = ("Triggers", "Coping", "Safety", "Support", "Milestones", "Insights", "Export")


def _window(qtbot: QtBot, ui_ctx: UiContext, width: int, height: int) -> MainWindow:
    window = MainWindow(ui_ctx)
    qtbot.addWidget(window)
    window.resize(width, height)
    window.show()
    qtbot.waitExposed(window)
    wait_tasks(qtbot, ui_ctx)
    return window


def _no_sideways_scrolling_inside(page: QWidget) -> None:
    """A page's own scroll area (Settings, Milestones, Safety) scrolls down, never sideways.
    (A chart's own view may scroll sideways: charts keep a readable minimum width.)"""
    for area in page.findChildren(QScrollArea):
        if area.isVisible() and area.widget() is not None:
            if type(area.parentWidget()).__name__ == "ChartView":
                continue
            bar = area.horizontalScrollBar()
            assert bar.maximum() == 0, f"{type(page).__name__} scrolls sideways by {bar.maximum()}"


def _rows(window: MainWindow) -> list[int]:
    titles = [window.nav.item(row).text() for row in range(window.nav.count())]
    return [i for i, t in enumerate(titles) if t.startswith(OTHER_PAGES) or t == "Settings"]


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_at_150_percent_text_the_window_stays_900_wide_and_pages_fit(
    qtbot: QtBot, app: QApplication, ui_ctx: UiContext, theme: str
) -> None:
    apply_theme(app, theme, 150)
    window = _window(qtbot, ui_ctx, 900, 600)
    metrics = window.nav.fontMetrics()
    for row in range(window.nav.count()):  # whole labels in the navigation
        text = window.nav.item(row).text()
        assert metrics.horizontalAdvance(text) + 24 <= window.nav.viewport().width(), text
    for row in _rows(window):
        window.nav.setCurrentRow(row)
        wait_tasks(qtbot, ui_ctx)
        app.processEvents()
        page = window.stack.currentWidget()
        assert page is not None
        assert window.width() == 900, type(page).__name__  # the window never widens itself
        room = window.page_scroll.viewport().width()
        assert page.minimumSizeHint().width() <= room, type(page).__name__  # reflows instead
        _no_sideways_scrolling_inside(page)


def test_at_640_by_480_pages_fit_and_the_window_goes_no_smaller(
    qtbot: QtBot, app: QApplication, ui_ctx: UiContext
) -> None:
    apply_theme(app, "light")
    window = _window(qtbot, ui_ctx, 500, 400)
    assert window.width() >= MINIMUM_SIZE.width() and window.height() >= MINIMUM_SIZE.height()
    window.resize(MINIMUM_SIZE)
    for row in _rows(window):
        window.nav.setCurrentRow(row)
        wait_tasks(qtbot, ui_ctx)
        app.processEvents()
        page = window.stack.currentWidget()
        assert page is not None
        room = window.page_scroll.viewport().width()
        assert page.minimumSizeHint().width() <= room, type(page).__name__
        _no_sideways_scrolling_inside(page)


def test_the_coping_subtitle_wraps_between_words(qtbot: QtBot, ui_ctx: UiContext) -> None:
    window = _window(qtbot, ui_ctx, 900, 600)
    assert window.coping.subtitle.wordWrap()


def test_a_page_that_fits_does_not_scroll(
    qtbot: QtBot, app: QApplication, ui_ctx: UiContext
) -> None:
    """The stack once took the tallest preferred height of every page: short pages scrolled."""
    apply_theme(app, "light")
    window = _window(qtbot, ui_ctx, 900, 600)
    for row in _rows(window):
        window.nav.setCurrentRow(row)
        wait_tasks(qtbot, ui_ctx)
        app.processEvents()
        page = window.stack.currentWidget()
        assert page is not None
        if page.minimumSizeHint().height() <= window.page_scroll.viewport().height():
            assert window.page_scroll.verticalScrollBar().maximum() == 0, type(page).__name__
