"""The Journal page in a narrow window: the list or the entry, one at a time (issue 13 §2).

At 900×600 with 150 % text the list, the filters and the editor side by side needed about
1,000 px and the page scrolled sideways. Now the page shows one pane at a time when it hasn't
room for the list and a comfortable editor, and both again as soon as it has.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from recovery_journal.domain.entries import Entry
from recovery_journal.ui.context import UiContext
from recovery_journal.ui.entry_editor import EntryEditor
from recovery_journal.ui.main_window import MINIMUM_SIZE, MainWindow
from recovery_journal.ui.pages.journal import JournalPage
from recovery_journal.ui.theme import apply_theme
from tests.ui.conftest import wait_tasks

TODAY = date.today()


def _journal(
    qtbot: QtBot, app: QApplication, ctx: UiContext, size: tuple[int, int], scale: int = 150
) -> tuple[MainWindow, JournalPage]:
    for n in range(3):
        ctx.session.entries.add(Entry(TODAY - timedelta(days=n), title=f"Day {n}", body="Words."))
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    apply_theme(app, "light", scale)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    window.show_page(window.journal)
    wait_tasks(qtbot, ctx)
    app.processEvents()
    return window, window.journal


def _fits(app: QApplication, window: MainWindow, page: JournalPage) -> None:
    app.processEvents()
    room = window.page_scroll.viewport().width()
    assert page.minimumSizeHint().width() <= room
    assert window.page_scroll.horizontalScrollBar().maximum() == 0  # nothing scrolls sideways
    fields = page.editor.fields_scroll
    inner = fields.widget()
    if fields.isVisible() and inner is not None:  # nothing in the editor is cut off at the right
        assert inner.width() <= fields.viewport().width()


def _open_row(qtbot: QtBot, page: JournalPage, row: int) -> None:
    rect = page.list_view.visualRect(page.model.index(row, 0))
    qtbot.mouseClick(page.list_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


@pytest.mark.parametrize(
    ("theme", "size", "scale"),
    [
        ("light", (900, 600), 100),
        ("light", (900, 600), 150),
        ("dark", (900, 600), 150),
        ("dark", (900, 600), 200),
        ("light", (MINIMUM_SIZE.width(), MINIMUM_SIZE.height()), 100),
        ("light", (MINIMUM_SIZE.width(), MINIMUM_SIZE.height()), 150),
    ],
)
def test_the_journal_fits_a_small_window_with_the_list_and_with_an_entry_open(
    qtbot: QtBot,
    app: QApplication,
    ui_ctx: UiContext,
    theme: str,
    size: tuple[int, int],
    scale: int,
) -> None:
    window, page = _journal(qtbot, app, ui_ctx, size, scale)
    apply_theme(app, theme, scale)
    _fits(app, window, page)
    _open_row(qtbot, page, 0)
    wait_tasks(qtbot, ui_ctx)
    assert page.editor.entry is not None and page.editor.isVisible()
    _fits(app, window, page)
    assert window.width() == size[0]  # the window never widens itself


def test_at_150_percent_in_900_by_600_an_entry_opens_in_its_own_pane_and_back_keeps_it_all(
    qtbot: QtBot, app: QApplication, ui_ctx: UiContext
) -> None:
    _window, page = _journal(qtbot, app, ui_ctx, (900, 600))
    panes, editor = page.panes, page.editor
    assert panes.one_pane and page.list_view.isVisible() and not editor.isVisible()
    page.list_view.setFocus()
    qtbot.keyClick(page.list_view, Qt.Key.Key_Down)  # arrows move along the list, nothing opens
    assert page.list_view.isVisible() and not editor.isVisible()
    _open_row(qtbot, page, 1)
    wait_tasks(qtbot, ui_ctx)
    assert editor.isVisible() and not page.list_view.isVisible()
    assert panes.back_button.isVisible() and panes.back_button.text() == "← All entries"
    assert editor.title_edit.text() == "Day 1"
    assert QApplication.focusWidget() is editor.body_edit  # ready to read on or write
    qtbot.waitUntil(lambda: not editor.body_edit.visibleRegion().isEmpty())  # and in view:
    qtbot.waitUntil(lambda: _whole_writing_area_in_view(editor))  # all of it, not one line
    qtbot.keyClicks(editor.body_edit, "Not saved yet. ")
    qtbot.keyClick(editor.body_edit, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert page.list_view.isVisible() and not editor.isVisible()
    assert page.list_view.currentIndex().row() == 1  # the same row, with the keyboard on it
    assert QApplication.focusWidget() is page.list_view
    (draft,) = page.pending_drafts()  # locking now would keep the words as a draft
    assert draft.body == "Not saved yet. Words."
    qtbot.keyClick(page.list_view, Qt.Key.Key_Return)
    wait_tasks(qtbot, ui_ctx)
    assert editor.isVisible() and editor.has_unsaved_changes()
    assert editor.body_edit.toPlainText() == "Not saved yet. Words."
    qtbot.keyClick(editor.body_edit, Qt.Key.Key_Escape)  # Esc goes back too
    assert page.list_view.isVisible() and page.list_view.currentIndex().row() == 1
    _open_row(qtbot, page, 1)
    qtbot.mouseClick(panes.back_button, Qt.MouseButton.LeftButton)
    assert page.list_view.isVisible()
    assert editor.body_edit.toPlainText() == "Not saved yet. Words."


def test_widening_the_window_gives_two_panes_and_narrowing_keeps_the_entry_being_written(
    qtbot: QtBot, app: QApplication, ui_ctx: UiContext
) -> None:
    window, page = _journal(qtbot, app, ui_ctx, (900, 600))
    _open_row(qtbot, page, 0)
    wait_tasks(qtbot, ui_ctx)
    window.resize(1600, 900)
    app.processEvents()
    assert not page.panes.one_pane
    assert page.list_view.isVisible() and page.editor.isVisible()
    assert not page.panes.back_button.isVisible()
    left, right = page.panes.sizes()
    assert 0.5 < left / right < 0.9  # the 2 : 3 share
    page.editor.body_edit.setFocus()
    window.resize(900, 600)
    app.processEvents()
    assert page.panes.one_pane and page.editor.isVisible() and not page.list_view.isVisible()
    apply_theme(app, "light", 100)  # smaller text: room for both again, live
    app.processEvents()
    assert not page.panes.one_pane and page.list_view.isVisible() and page.editor.isVisible()


def test_search_and_the_trash_work_in_one_pane(
    qtbot: QtBot, app: QApplication, ui_ctx: UiContext
) -> None:
    _window, page = _journal(qtbot, app, ui_ctx, (900, 600))
    _open_row(qtbot, page, 0)
    wait_tasks(qtbot, ui_ctx)
    qtbot.mouseClick(page.editor.trash_button, Qt.MouseButton.LeftButton)
    wait_tasks(qtbot, ui_ctx)
    assert page.list_view.isVisible() and page.undo_button.isVisible()  # back, with the Undo
    qtbot.mouseClick(page.filters.trash_button, Qt.MouseButton.LeftButton)
    wait_tasks(qtbot, ui_ctx)
    assert page.model.rowCount() == 1
    _open_row(qtbot, page, 0)
    wait_tasks(qtbot, ui_ctx)
    editor = page.editor
    assert editor.isVisible() and editor.entry is not None and editor.entry.in_trash
    assert QApplication.focusWidget() is editor.restore_button
    qtbot.keyClick(editor.restore_button, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search_field.isVisible() and QApplication.focusWidget() is page.search_field
    _open_row(qtbot, page, 0)
    qtbot.mouseClick(editor.restore_button, Qt.MouseButton.LeftButton)
    wait_tasks(qtbot, ui_ctx)
    assert editor.isVisible() and editor.entry is not None and not editor.entry.in_trash
    assert not page.filters.trash_button.isChecked()
    assert QApplication.focusWidget() is editor.body_edit
    # The list's notice is out of sight in one pane: the entry pane itself says what happened.
    assert editor.status_label.isVisible() and editor.status_label.text() == (
        "Restored to your journal."
    )


def test_ctrl_s_in_the_title_field_saves(
    qtbot: QtBot, app: QApplication, ui_ctx: UiContext
) -> None:
    """Ctrl+S follows the keyboard focus: with the title field clicked into, it saves. (A test
    that typed into the title while the focus was still on the list saw no save: not a bug.)"""
    _window, page = _journal(qtbot, app, ui_ctx, (1600, 900), 100)
    _open_row(qtbot, page, 0)
    wait_tasks(qtbot, ui_ctx)
    title = page.editor.title_edit
    qtbot.mouseClick(title, Qt.MouseButton.LeftButton)
    title.selectAll()
    qtbot.keyClicks(title, "A new title")
    qtbot.keyClick(title, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    wait_tasks(qtbot, ui_ctx)
    entry = page.editor.entry
    assert entry is not None and entry.id is not None
    assert ui_ctx.session.entries.get(entry.id).title == "A new title"
    assert page.editor.status_label.text() == "Saved."


def test_a_larger_text_size_alone_switches_to_one_pane(
    qtbot: QtBot, app: QApplication, ui_ctx: UiContext
) -> None:
    """The page keeps its size; only the text grows (Settings ▸ Text size, applied live)."""
    page = JournalPage(ui_ctx)
    qtbot.addWidget(page)
    apply_theme(app, "light", 100)
    page.resize(page.panes.two_pane_width() + 50, 600)
    page.show()
    page.activated()
    wait_tasks(qtbot, ui_ctx)
    assert not page.panes.one_pane
    width = page.width()
    apply_theme(app, "light", 200)
    qtbot.waitUntil(lambda: page.panes.two_pane_width() > width)
    qtbot.waitUntil(lambda: page.panes.one_pane)
    assert page.width() == width and page.search_field.isVisible() and not page.editor.isVisible()


def test_the_hidden_pane_follows_a_new_text_size_too(
    qtbot: QtBot, app: QApplication, ui_ctx: UiContext
) -> None:
    """Qt keeps a hidden widget's old size hints: the editor, hidden by going narrow at the
    moment the text shrank, still asked for its 200 % width and kept the page too wide."""
    window, page = _journal(qtbot, app, ui_ctx, (1600, 900), 200)
    assert not page.panes.one_pane
    apply_theme(app, "light", 100)
    window.resize(MINIMUM_SIZE)  # before the editor learnt its new size
    qtbot.waitUntil(lambda: page.panes.one_pane)
    entry_pane = page.panes.entry_pane
    assert entry_pane.isHidden()
    list_width = page.panes.list_pane.minimumSizeHint().width()
    qtbot.waitUntil(lambda: page.minimumSizeHint().width() == list_width)
    assert entry_pane.minimumSizeHint().width() < list_width


def _whole_writing_area_in_view(editor: EntryEditor) -> bool:
    view = editor.fields_scroll.viewport()
    top = editor.body_edit.mapTo(view, QPoint(0, 0)).y()
    return top >= 0 and top + editor.body_edit.height() <= view.height()
