"""The Today page holds its shape at small window sizes (#13 §2): one column that scrolls as a
whole when narrow, and a save message that wraps instead of widening the window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from recovery_journal.ui.context import UiContext
from recovery_journal.ui.main_window import MainWindow
from recovery_journal.ui.pages.today import NARROW_EDITOR_HEIGHT, TodayPage
from tests.ui.conftest import wait_tasks
from tests.ui.test_today_page import open_page, saved_entries

# What Today gets inside a 900x600 main window (the navigation takes the rest).
NARROW = (700, 520)


def _narrow_page(qtbot: QtBot, ctx: UiContext) -> TodayPage:
    page = open_page(qtbot, ctx)
    page.resize(*NARROW)
    qtbot.waitUntil(lambda: page.narrow)
    QApplication.processEvents()
    return page


def test_narrow_today_is_one_column_with_the_whole_check_in_and_room_to_write(
    qtbot: QtBot, ui_ctx: UiContext
) -> None:
    page = _narrow_page(qtbot, ui_ctx)
    inner = page._checkin_scroll.verticalScrollBar()
    assert inner.maximum() == 0  # the check-in is not squeezed into a scroll box of its own
    assert page._checkin_scroll.height() >= page.checkin.sizeHint().height()
    assert page.editor.height() >= NARROW_EDITOR_HEIGHT
    qtbot.mouseClick(page.checkin.more_toggle, Qt.MouseButton.LeftButton)  # anxiety, energy…
    qtbot.waitUntil(lambda: page._checkin_scroll.height() >= page.checkin.sizeHint().height())
    assert inner.maximum() == 0
    assert page._page_scroll.verticalScrollBar().maximum() > 0  # the page scrolls instead


def test_wide_today_keeps_the_check_in_beside_the_writing(qtbot: QtBot, ui_ctx: UiContext) -> None:
    page = open_page(qtbot, ui_ctx)  # 1100 px wide
    assert not page.narrow
    assert page._checkin_scroll.x() < page.editor.mapTo(page, page.editor.rect().topLeft()).x()


@pytest.mark.parametrize("size", [(900, 600), NARROW])
def test_saving_never_widens_the_window(
    qtbot: QtBot, ui_ctx: UiContext, size: tuple[int, int]
) -> None:
    page = open_page(qtbot, ui_ctx)
    page.resize(*size)
    QApplication.processEvents()
    page.title_edit.setText("A title")
    page.editor.setFocus()
    qtbot.keyClick(page.editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    saved_entries(qtbot, ui_ctx, 1)
    qtbot.waitUntil(lambda: page.status_label.text().startswith("Saved."))
    QApplication.processEvents()
    assert page.width() == size[0]
    body = page._page_scroll.widget()
    assert body is not None and body.width() <= page._page_scroll.viewport().width()
    assert page.status_label.wordWrap()


def _set_app_font(app: QApplication, font: QFont) -> None:
    """QApplication.setFont, plus the ApplicationFontChange Qt sends every widget once the event
    loop runs (``exec()``; tests never start it, so Qt holds the broadcast back)."""
    app.setFont(font)
    for widget in QApplication.allWidgets():
        QApplication.sendEvent(widget, QEvent(QEvent.Type.ApplicationFontChange))


def test_at_a_larger_text_size_the_mood_and_the_writing_area_grow_too(
    qtbot: QtBot, ui_ctx: UiContext
) -> None:
    page = open_page(qtbot, ui_ctx)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = QFont(app.font())
    try:
        bigger = QFont(before)
        bigger.setPointSizeF(16)
        _set_app_font(app, bigger)  # what Settings ▸ text size does, live
        assert page.editor.font().pointSizeF() == 20  # 1.25 ×
        assert page.checkin.mood._title.font().pointSizeF() == pytest.approx(19.2)  # 1.2 ×
        assert page.checkin.mood.value_label.font().pointSizeF() == pytest.approx(19.2)
        assert page.heading.font().pointSizeF() == pytest.approx(27.2)
    finally:
        _set_app_font(app, before)
    assert page.editor.font().pointSizeF() == pytest.approx(before.pointSizeF() * 1.25)


@pytest.mark.parametrize("point_size", [0, 15])  # the system size, and 150 % of 10 pt
def test_today_and_the_journal_fit_a_900_by_600_window(
    qtbot: QtBot, ui_ctx: UiContext, point_size: int
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = QFont(app.font())
    if point_size:
        bigger = QFont(before)
        bigger.setPointSize(point_size)
        app.setFont(bigger)
    try:
        window = MainWindow(ui_ctx)
        qtbot.addWidget(window)
        window.resize(900, 600)
        window.show()
        wait_tasks(qtbot, ui_ctx)
        QApplication.processEvents()
        assert (window.width(), window.height()) == (900, 600)
        assert window.today.narrow  # one column, the whole check-in, the page scrolls
        if not point_size:  # at 150 % the Journal's calendar and filters still need more room
            window.show_page(window.journal)
            wait_tasks(qtbot, ui_ctx)
            QApplication.processEvents()
            assert (window.width(), window.height()) == (900, 600)
    finally:
        app.setFont(before)
