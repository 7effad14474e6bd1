"""The Journal page driven like a person: scroll, search, filter, pick a day, edit, trash."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QMessageBox, QTableView
from pytestqt.qtbot import QtBot

from recovery_journal.domain.entries import CheckIn, Draft, Entry
from recovery_journal.domain.validation import MAX_NAME
from recovery_journal.errors import ValidationError
from recovery_journal.ui.context import UiContext
from recovery_journal.ui.entry_list_model import ENTRY_ROLE, PAGE_SIZE, SNIPPET_ROLE
from recovery_journal.ui.mood_colors import mood_color
from recovery_journal.ui.pages.journal import JournalPage
from tests.ui.conftest import wait_tasks

TODAY = date.today()
OpenPage = Callable[[], JournalPage]


@pytest.fixture
def open_page(qtbot: QtBot, ui_ctx: UiContext) -> OpenPage:
    """Build the page (after the test wrote what it needs) and let the first load arrive."""

    def _open() -> JournalPage:
        page = JournalPage(ui_ctx)
        qtbot.addWidget(page)
        page.resize(1100, 720)
        page.show()
        page.activated()  # the main window does this when the page is shown
        wait_tasks(qtbot, ui_ctx)
        return page

    return _open


def _add(ctx: UiContext, *entries: Entry) -> list[Entry]:
    return [ctx.session.entries.add(e) for e in entries]


def _ids(page: JournalPage) -> list[int]:
    model = page.model
    return [model.index(r, 0).data(ENTRY_ROLE).id for r in range(model.rowCount())]


def _click_row(qtbot: QtBot, page: JournalPage, row: int) -> None:
    rect = page.list_view.visualRect(page.model.index(row, 0))
    qtbot.mouseClick(page.list_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _search(qtbot: QtBot, page: JournalPage, ctx: UiContext, text: str) -> None:
    qtbot.keyClicks(page.search_field, text)
    qtbot.waitUntil(lambda: page.model.entry_filter.query == page.search_field.text())
    wait_tasks(qtbot, ctx)


# ------------------------------------------------------------------ the list


def test_list_shows_newest_first_and_loads_rows_as_they_are_scrolled_to(
    qtbot: QtBot, ui_ctx: UiContext, open_page: OpenPage
) -> None:
    ui_ctx.session.entries.add_many(
        [
            Entry(TODAY - timedelta(days=i), body=f"Day {i}", check_in=CheckIn(mood=i % 11))
            for i in range(450)
        ]
    )
    page = open_page()
    model = page.model
    assert model.rowCount() == 450  # every row is counted from the start …
    days = [model.index(r, 0).data(ENTRY_ROLE).local_date for r in range(PAGE_SIZE)]
    assert days[0] == TODAY and days == sorted(days, reverse=True)
    bar = page.list_view.verticalScrollBar()
    length = bar.maximum()  # … so the scroll bar is honest about the length at once
    page.list_view.setFocus()
    qtbot.keyClick(page.list_view, Qt.Key.Key_End)  # the view shows the last rows: loaded now
    qtbot.waitUntil(lambda: not model.loading, timeout=10_000)
    assert page.list_view.currentIndex().row() == 449
    assert model.index(449, 0).data(ENTRY_ROLE).body == "Day 449"
    assert bar.maximum() == length and model.rowCount() == 450


def test_empty_journal_says_so_kindly(ui_ctx: UiContext, open_page: OpenPage) -> None:
    page = open_page()
    assert page.list_stack.currentWidget() is page.empty_label
    assert "Nothing here yet" in page.empty_label.text()
    assert page.editor.stack.currentIndex() == 0  # "Choose an entry…"


# ------------------------------------------------------------------ search


def test_search_as_you_type_shows_highlighted_hits_with_journal_text_escaped(
    qtbot: QtBot, ui_ctx: UiContext, open_page: OpenPage
) -> None:
    _add(
        ui_ctx,
        Entry(TODAY, body="Quiet evening, tea and a book."),
        Entry(TODAY, body="I typed <script>alert(1)</script> & walked to the lighthouse."),
    )
    page = open_page()
    assert page.model.rowCount() == 2
    _search(qtbot, page, ui_ctx, "lighth")
    assert page.model.rowCount() == 1
    html = page.model.index(0, 0).data(SNIPPET_ROLE)
    assert "<b>lighthouse</b>" in html
    assert "&lt;script&gt;" in html and "<script>" not in html and "&amp;" in html
    page.grab()  # the highlighted row paints


def test_esc_clears_the_search_and_brings_the_list_back(
    qtbot: QtBot, ui_ctx: UiContext, open_page: OpenPage
) -> None:
    _add(ui_ctx, Entry(TODAY, body="apples"), Entry(TODAY, body="pears"))
    page = open_page()
    _search(qtbot, page, ui_ctx, "apples")
    assert page.model.rowCount() == 1
    qtbot.keyClick(page.search_field, Qt.Key.Key_Escape)
    assert page.search_field.text() == ""
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)


def test_search_without_hits_says_so(qtbot: QtBot, ui_ctx: UiContext, open_page: OpenPage) -> None:
    _add(ui_ctx, Entry(TODAY, body="apples"))
    page = open_page()
    _search(qtbot, page, ui_ctx, "zebra")
    assert page.list_stack.currentWidget() is page.empty_label
    assert "Nothing matches your search" in page.empty_label.text()


def test_enter_in_search_moves_to_the_first_result(
    qtbot: QtBot, ui_ctx: UiContext, open_page: OpenPage
) -> None:
    _add(ui_ctx, Entry(TODAY, title="Garden", body="weeding"))
    page = open_page()
    _search(qtbot, page, ui_ctx, "weeding")
    qtbot.keyClick(page.search_field, Qt.Key.Key_Return)
    assert page.list_view.hasFocus()
    assert page.editor.title_edit.text() == "Garden"


# ------------------------------------------------------------------ filters


def test_tag_and_therapy_filters_narrow_the_list(
    qtbot: QtBot, ui_ctx: UiContext, open_page: OpenPage
) -> None:
    sleep, both, plain = _add(
        ui_ctx,
        Entry(TODAY, body="bad night", tags=("sleep",)),
        Entry(TODAY, body="talk about it", tags=("sleep",), bring_to_therapy=True),
        Entry(TODAY, body="ordinary"),
    )
    page = open_page()
    combo = page.filters.tag_combo
    assert [combo.itemText(i) for i in range(combo.count())] == ["All tags", "#sleep"]
    combo.setCurrentIndex(combo.findData("sleep"))
    wait_tasks(qtbot, ui_ctx)
    assert set(_ids(page)) == {sleep.id, both.id}
    assert page.filters.clear_button.isVisible()
    qtbot.mouseClick(page.filters.therapy_check, Qt.MouseButton.LeftButton)
    wait_tasks(qtbot, ui_ctx)
    assert _ids(page) == [both.id]
    qtbot.mouseClick(page.filters.clear_button, Qt.MouseButton.LeftButton)
    wait_tasks(qtbot, ui_ctx)
    assert len(_ids(page)) == 3 and plain.id in _ids(page)


def test_date_range_can_be_chosen_and_left_open(
    qtbot: QtBot, ui_ctx: UiContext, open_page: OpenPage
) -> None:
    recent, old = _add(
        ui_ctx, Entry(TODAY, body="recent"), Entry(TODAY - timedelta(days=90), body="old")
    )
    page = open_page()
    ranges = page.filters.range_combo
    ranges.setCurrentIndex(ranges.findText("Last 30 days"))
    wait_tasks(qtbot, ui_ctx)
    assert _ids(page) == [recent.id]
    ranges.setCurrentIndex(0)  # Any time
    wait_tasks(qtbot, ui_ctx)
    assert set(_ids(page)) == {recent.id, old.id}


# ------------------------------------------------------------------ calendar


def test_calendar_paints_the_days_average_mood_with_its_number(
    qtbot: QtBot, ui_ctx: UiContext, open_page: OpenPage
) -> None:
    day = TODAY.replace(day=10)
    _add(ui_ctx, Entry(day, body="morning", check_in=CheckIn(mood=6)),
         Entry(day, body="evening", check_in=CheckIn(mood=7)),
         Entry(day.replace(day=11), body="no mood given"))  # fmt: skip
    page = open_page()
    calendar = page.calendar
    assert calendar.day_mood(day) == ("7", mood_color(7))  # 6.5 rounds up, colour + number
    assert calendar.day_mood(day.replace(day=11)) is None  # plain: no mood that day
    assert calendar.day_mood(day.replace(day=12)) is None
    assert calendar.accessibleName() == "Mood calendar"
    assert not calendar.grab().isNull()


def test_choosing_a_day_in_the_calendar_lists_that_day(
    qtbot: QtBot, ui_ctx: UiContext, open_page: OpenPage
) -> None:
    day = TODAY.replace(day=10)
    that_day, _other = _add(
        ui_ctx,
        Entry(day, title="The tenth", check_in=CheckIn(mood=5)),
        Entry(day.replace(day=12), body="x"),
    )
    page = open_page()
    page.calendar.setSelectedDate(QDate(day.year, day.month, day.day))
    table = page.calendar.findChild(QTableView)
    assert table is not None
    qtbot.keyClick(table, Qt.Key.Key_Return)
    wait_tasks(qtbot, ui_ctx)
    assert _ids(page) == [that_day.id]
    assert page.filters.dates.isVisible()  # the filter shows the day and can be cleared
    assert page.editor.title_edit.text() == "The tenth"
    qtbot.mouseClick(page.filters.clear_button, Qt.MouseButton.LeftButton)
    wait_tasks(qtbot, ui_ctx)
    assert page.model.rowCount() == 2


# ------------------------------------------------------------------ editor


def test_selecting_an_entry_fills_the_editor(
    qtbot: QtBot, ui_ctx: UiContext, open_page: OpenPage
) -> None:
    _add(ui_ctx, Entry(TODAY, title="A calm day", body="Went *slowly*.", check_in=CheckIn(mood=7),
                       tags=("walk", "sun"), bring_to_therapy=True))  # fmt: skip
    page = open_page()
    _click_row(qtbot, page, 0)
    editor = page.editor
    assert editor.title_edit.text() == "A calm day"
    assert editor.body_edit.toPlainText() == "Went *slowly*."
    assert editor.checkin.mood.value() == 7 and editor.checkin.mood.text() == "7 — good"
    assert editor.tags_edit.text() == "walk, sun"
    assert editor.therapy_check.isChecked()
    editor.tabs.setCurrentIndex(1)
    assert editor.preview.toPlainText() == "Went slowly."  # Markdown rendered


def test_ctrl_s_saves_the_edit_and_earlier_versions_shows_the_old_text(
    qtbot: QtBot, ui_ctx: UiContext, open_page: OpenPage
) -> None:
    (entry,) = _add(ui_ctx, Entry(TODAY, body="First words.", check_in=CheckIn(mood=4)))
    page = open_page()
    _click_row(qtbot, page, 0)
    editor = page.editor
    wait_tasks(qtbot, ui_ctx)
    assert not editor.history_button.isEnabled()  # no earlier versions yet
    editor.body_edit.setFocus()
    editor.body_edit.moveCursor(editor.body_edit.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor.body_edit, " And a few more.")
    assert editor.status_label.text() == "Unsaved changes"
    qtbot.keyClick(editor.body_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    wait_tasks(qtbot, ui_ctx)
    assert ui_ctx.session.entries.get(entry.id or 0).body == "First words. And a few more."
    assert [r.body for r in ui_ctx.session.entries.history(entry.id or 0)] == ["First words."]
    assert editor.status_label.text() == "Saved."
    assert _ids(page) == [entry.id] and page.list_view.currentIndex().row() == 0
    assert editor.history_button.isEnabled()
    qtbot.mouseClick(editor.history_button, Qt.MouseButton.LeftButton)
    wait_tasks(qtbot, ui_ctx)
    dialog = editor.history_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.text.toPlainText() == "First words."
    assert "Mood: 4" in dialog.details.text()
    qtbot.mouseClick(dialog.use_button, Qt.MouseButton.LeftButton)
    assert editor.body_edit.toPlainText() == "First words."
    assert editor.has_unsaved_changes()


def test_a_save_that_does_not_validate_is_reported_and_changes_nothing(
    qtbot: QtBot, ui_ctx: UiContext, reported: list[BaseException], open_page: OpenPage
) -> None:
    (entry,) = _add(ui_ctx, Entry(TODAY, title="t"))
    page = open_page()
    _click_row(qtbot, page, 0)
    page.editor.title_edit.setText("x" * (MAX_NAME * 2 + 1))
    qtbot.mouseClick(page.editor.save_button, Qt.MouseButton.LeftButton)
    wait_tasks(qtbot, ui_ctx)
    assert len(reported) == 1 and isinstance(reported[0], ValidationError)
    assert ui_ctx.session.entries.get(entry.id or 0).title == "t"


# ------------------------------------------------------------------ trash


def test_move_to_trash_then_restore_from_the_trash_view(
    qtbot: QtBot, ui_ctx: UiContext, open_page: OpenPage
) -> None:
    newer, older = _add(
        ui_ctx, Entry(TODAY, body="newer"), Entry(TODAY - timedelta(days=1), body="older")
    )
    page = open_page()
    _click_row(qtbot, page, 0)
    qtbot.mouseClick(page.editor.trash_button, Qt.MouseButton.LeftButton)
    wait_tasks(qtbot, ui_ctx)
    assert _ids(page) == [older.id]
    assert page.editor.entry is not None and page.editor.entry.id == older.id  # the neighbour
    assert page.notice.text() == "Moved to the Trash."
    qtbot.mouseClick(page.filters.trash_button, Qt.MouseButton.LeftButton)
    wait_tasks(qtbot, ui_ctx)
    assert _ids(page) == [newer.id]
    _click_row(qtbot, page, 0)
    editor = page.editor
    assert editor.restore_button.isVisible() and not editor.save_button.isVisible()
    assert editor.body_edit.isReadOnly()
    qtbot.mouseClick(editor.restore_button, Qt.MouseButton.LeftButton)
    wait_tasks(qtbot, ui_ctx)
    # Issue 13 §3: back in the journal with the restored entry open.
    assert not page.filters.trash_button.isChecked()
    assert _ids(page) == [newer.id, older.id]
    assert page.editor.entry is not None and page.editor.entry.id == newer.id
    assert page.list_view.currentIndex().row() == 0
    assert page.notice.text() == "Restored to your journal."
    qtbot.mouseClick(page.filters.trash_button, Qt.MouseButton.LeftButton)
    wait_tasks(qtbot, ui_ctx)
    assert _ids(page) == []
    assert page.empty_label.text() == "The Trash is empty."


def test_an_empty_trash_says_so_even_with_a_search_typed(
    qtbot: QtBot, ui_ctx: UiContext, open_page: OpenPage
) -> None:
    """Issue 13 §3: after Restore the empty Trash said "Nothing matches your search"."""
    (entry,) = _add(ui_ctx, Entry(TODAY, body="a walk by the river"))
    ui_ctx.session.entries.move_to_trash(entry.id or 0)
    page = open_page()
    _search(qtbot, page, ui_ctx, "walk")
    qtbot.mouseClick(page.filters.trash_button, Qt.MouseButton.LeftButton)
    wait_tasks(qtbot, ui_ctx)
    assert _ids(page) == [entry.id]
    _click_row(qtbot, page, 0)
    qtbot.mouseClick(page.editor.restore_button, Qt.MouseButton.LeftButton)
    wait_tasks(qtbot, ui_ctx)
    qtbot.mouseClick(page.filters.trash_button, Qt.MouseButton.LeftButton)
    wait_tasks(qtbot, ui_ctx)
    assert _ids(page) == []
    assert page.empty_label.text() == "The Trash is empty."
    ui_ctx.session.entries.move_to_trash(ui_ctx.session.entries.add(Entry(TODAY, "tea")).id or 0)
    page.activated()  # shown again: something in the Trash now, just not "walk"
    wait_tasks(qtbot, ui_ctx)
    assert "Nothing matches your search" in page.empty_label.text()


def test_the_trash_never_shows_a_live_entry(
    qtbot: QtBot, ui_ctx: UiContext, open_page: OpenPage
) -> None:
    """Issue 13 §3: the right pane kept the live entry while the Trash was browsed."""
    live, trashed = _add(ui_ctx, Entry(TODAY, body="still here"), Entry(TODAY, body="binned"))
    ui_ctx.session.entries.move_to_trash(trashed.id or 0)
    page = open_page()
    _click_row(qtbot, page, 0)
    assert page.editor.entry is not None and page.editor.entry.id == live.id
    qtbot.mouseClick(page.filters.trash_button, Qt.MouseButton.LeftButton)
    wait_tasks(qtbot, ui_ctx)
    assert page.editor.entry is None or page.editor.entry.in_trash
    _click_row(qtbot, page, 0)
    assert page.editor.entry is not None and page.editor.entry.id == trashed.id
    qtbot.mouseClick(page.filters.trash_button, Qt.MouseButton.LeftButton)
    wait_tasks(qtbot, ui_ctx)
    assert page.editor.entry is None or not page.editor.entry.in_trash


def test_undo_brings_a_trashed_entry_back(
    qtbot: QtBot, ui_ctx: UiContext, open_page: OpenPage
) -> None:
    (entry,) = _add(ui_ctx, Entry(TODAY, body="oops"))
    page = open_page()
    _click_row(qtbot, page, 0)
    qtbot.mouseClick(page.editor.trash_button, Qt.MouseButton.LeftButton)
    wait_tasks(qtbot, ui_ctx)
    assert _ids(page) == []
    qtbot.mouseClick(page.undo_button, Qt.MouseButton.LeftButton)
    wait_tasks(qtbot, ui_ctx)
    assert _ids(page) == [entry.id]
    assert not ui_ctx.session.entries.get(entry.id or 0).in_trash


def test_delete_forever_asks_first(
    qtbot: QtBot, ui_ctx: UiContext, open_page: OpenPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    (entry,) = _add(ui_ctx, Entry(TODAY, body="let go"))
    ui_ctx.session.entries.move_to_trash(entry.id or 0)
    page = open_page()
    qtbot.mouseClick(page.filters.trash_button, Qt.MouseButton.LeftButton)
    wait_tasks(qtbot, ui_ctx)
    _click_row(qtbot, page, 0)
    asked: list[str] = []

    def answer(*args: object, **_: object) -> QMessageBox.StandardButton:
        asked.append(str(args[1]))
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    qtbot.mouseClick(page.editor.purge_button, Qt.MouseButton.LeftButton)
    wait_tasks(qtbot, ui_ctx)
    assert asked == ["Delete forever?"]
    assert ui_ctx.session.entries.trash() == []
    assert page.editor.entry is None


# ------------------------------------------------------------------ drafts


def test_unsaved_edits_are_offered_as_a_draft_before_locking(
    qtbot: QtBot, ui_ctx: UiContext, open_page: OpenPage
) -> None:
    (entry,) = _add(ui_ctx, Entry(TODAY, body="kept", check_in=CheckIn(mood=5)))
    page = open_page()
    assert page.pending_drafts() == []
    _click_row(qtbot, page, 0)
    assert page.pending_drafts() == []
    qtbot.keyClicks(page.editor.title_edit, "New title")
    (draft,) = page.pending_drafts()
    assert draft.slot == f"entry:{entry.id}" and draft.entry_id == entry.id
    assert (draft.title, draft.body, draft.check_in.mood) == ("New title", "kept", 5)


def test_a_kept_draft_can_be_continued_and_saved(
    qtbot: QtBot, ui_ctx: UiContext, open_page: OpenPage
) -> None:
    (entry,) = _add(ui_ctx, Entry(TODAY, body="before"))
    slot = f"entry:{entry.id}"
    ui_ctx.session.entries.save_draft(
        Draft(slot=slot, local_date=TODAY, body="before, and after", entry_id=entry.id)
    )
    page = open_page()
    _click_row(qtbot, page, 0)
    wait_tasks(qtbot, ui_ctx)
    bar = page.editor.draft_bar
    assert bar.isVisible() and "unsaved changes from before" in bar.message.text()
    qtbot.mouseClick(bar.continue_button, Qt.MouseButton.LeftButton)
    assert not bar.isVisible()
    assert page.editor.body_edit.toPlainText() == "before, and after"
    qtbot.mouseClick(page.editor.save_button, Qt.MouseButton.LeftButton)
    wait_tasks(qtbot, ui_ctx)
    assert ui_ctx.session.entries.get(entry.id or 0).body == "before, and after"
    assert ui_ctx.session.entries.draft(slot) is None


def test_switching_entries_keeps_unsaved_words_as_a_draft(
    qtbot: QtBot, ui_ctx: UiContext, open_page: OpenPage
) -> None:
    first, _second = _add(
        ui_ctx, Entry(TODAY, body="one"), Entry(TODAY - timedelta(days=1), body="two")
    )
    page = open_page()
    _click_row(qtbot, page, 0)
    qtbot.keyClicks(page.editor.title_edit, "half a thought")
    _click_row(qtbot, page, 1)
    wait_tasks(qtbot, ui_ctx)
    kept = ui_ctx.session.entries.draft(f"entry:{first.id}")
    assert kept is not None and kept.title == "half a thought"
    _click_row(qtbot, page, 0)
    wait_tasks(qtbot, ui_ctx)
    assert page.editor.draft_bar.isVisible()
    qtbot.mouseClick(page.editor.draft_bar.discard_button, Qt.MouseButton.LeftButton)
    wait_tasks(qtbot, ui_ctx)
    assert ui_ctx.session.entries.draft(f"entry:{first.id}") is None


def test_activated_shows_entries_written_elsewhere(
    qtbot: QtBot, ui_ctx: UiContext, open_page: OpenPage
) -> None:
    page = open_page()
    assert page.model.rowCount() == 0
    _add(ui_ctx, Entry(TODAY, body="written on Today", check_in=CheckIn(mood=6)))
    page.activated()
    wait_tasks(qtbot, ui_ctx)
    assert page.model.rowCount() == 1
    assert page.calendar.day_mood(TODAY) == ("6", mood_color(6))


def test_no_filter_controls_show_before_any_filter(qtbot: QtBot, ui_ctx: UiContext) -> None:
    """A page built lazily (at first show) starts with no 'Clear filters' and no trash hint."""
    page = JournalPage(ui_ctx)
    qtbot.addWidget(page)
    page.show()
    page.activated()
    assert not page.filters.clear_button.isVisible()
    assert not page.trash_hint.isVisible()
