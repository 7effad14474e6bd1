"""The Journal page shows and edits the whole check-in, the star, and rows that keep the day
(#13 §1-2, #12 the star), driven like a person."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from pytestqt.qtbot import QtBot

from recovery_journal.domain.entries import CheckIn, Emotion, Entry
from recovery_journal.ui.context import UiContext
from recovery_journal.ui.entry_list_model import CHECK_IN_ROLE
from recovery_journal.ui.entry_text import format_day
from tests.ui.conftest import wait_tasks
from tests.ui.test_journal_page import TODAY, OpenPage, _add, _click_row, _ids, open_page

__all__ = ["open_page"]  # the fixture, shared with the page's other tests

FULL = CheckIn(
    mood=6, anxiety=3, energy=7, sleep_hours=7.5, sleep_quality=4, emotions=(Emotion("calm", 5),)
)


def test_the_editor_shows_and_edits_the_whole_check_in(
    qtbot: QtBot, ui_ctx: UiContext, open_page: OpenPage
) -> None:
    (entry,) = _add(ui_ctx, Entry(TODAY, body="A walk.", check_in=FULL))
    page = open_page()
    _click_row(qtbot, page, 0)
    panel = page.editor.checkin
    assert panel.check_in() == FULL
    # Folded, "More" says what it holds (the writing area stays in view); unfolded, it edits.
    assert panel.more_toggle.text() == "More: anxiety 3 · energy 7 · slept 7.5 h · sleep 4/5 …"
    assert panel.more_toggle.toolTip() == "anxiety 3 · energy 7 · slept 7.5 h · sleep 4/5 · calm"
    qtbot.mouseClick(panel.more_toggle, Qt.MouseButton.LeftButton)
    assert panel.anxiety.isVisible() and panel.emotions.isVisible()
    assert panel.mood.text() == "6 — okay"  # the same slider with its anchors as on Today
    panel.anxiety.slider.setFocus()
    qtbot.keyClick(panel.anxiety.slider, Qt.Key.Key_End)
    assert page.editor.status_label.text() == "Unsaved changes"
    qtbot.keyClick(panel.anxiety.slider, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    wait_tasks(qtbot, ui_ctx)
    stored = ui_ctx.session.entries.get(entry.id or 0)
    assert stored.check_in == CheckIn(6, 10, 7, 7.5, 4, (Emotion("calm", 5),))


def test_the_list_row_shows_the_check_in_briefly_and_says_it(
    ui_ctx: UiContext, open_page: OpenPage
) -> None:
    _add(ui_ctx, Entry(TODAY, body="A walk.", check_in=FULL))
    page = open_page()
    index = page.model.index(0, 0)
    assert index.data(CHECK_IN_ROLE) == "anxiety 3 · energy 7 · slept 7.5 h · sleep 4/5 · calm"
    spoken = index.data(Qt.ItemDataRole.AccessibleTextRole)
    assert "mood 6 of 10 (anxiety 3 · energy 7" in spoken


def test_the_star_is_set_in_the_editor_shown_in_the_list_and_filtered(
    qtbot: QtBot, ui_ctx: UiContext, open_page: OpenPage
) -> None:
    first, second = _add(ui_ctx, Entry(TODAY, body="One."), Entry(TODAY, body="Two."))
    page = open_page()
    row = _ids(page).index(second.id or 0)
    _click_row(qtbot, page, row)
    editor = page.editor
    assert editor.star_button.accessibleName() == "Star this entry"
    assert editor.star_button.text() == "☆ Star"
    editor.body_edit.setFocus()
    qtbot.keyClicks(editor.body_edit, " typing on")  # unsaved words stay unsaved
    qtbot.keyClick(
        editor.body_edit,
        Qt.Key.Key_S,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    wait_tasks(qtbot, ui_ctx)
    assert ui_ctx.session.entries.get(second.id or 0).starred
    assert ui_ctx.session.entries.get(second.id or 0).body == "Two."
    assert editor.star_button.text() == "★ Starred" and editor.has_unsaved_changes()
    spoken = page.model.index(_ids(page).index(second.id or 0), 0).data(
        Qt.ItemDataRole.AccessibleTextRole
    )
    assert spoken.startswith("starred, ")
    qtbot.mouseClick(page.filters.starred_check, Qt.MouseButton.LeftButton)
    wait_tasks(qtbot, ui_ctx)
    assert _ids(page) == [second.id]
    assert page.filters.clear_button.isVisible()
    qtbot.mouseClick(editor.star_button, Qt.MouseButton.LeftButton)  # and off again
    wait_tasks(qtbot, ui_ctx)
    assert not ui_ctx.session.entries.get(second.id or 0).starred
    assert first.id not in _ids(page)


def test_the_list_grows_with_the_window_and_never_cuts_the_day(
    qtbot: QtBot, ui_ctx: UiContext, open_page: OpenPage
) -> None:
    _add(ui_ctx, Entry(TODAY, title="A long title " * 8, bring_to_therapy=True))
    page = open_page()
    page.resize(900, 600)
    wait_tasks(qtbot, ui_ctx)
    narrow = page.list_view.width()
    page.resize(1600, 900)
    wait_tasks(qtbot, ui_ctx)
    assert page.list_view.width() > narrow + 150  # a proportional share, not a fixed width
    page.resize(900, 600)
    wait_tasks(qtbot, ui_ctx)
    image = page.list_view.viewport().grab().toImage()
    assert not image.isNull()
    day = "For therapy · " + format_day(TODAY, short=True)
    metrics = QFontMetrics(page.list_view.font())
    # The day is drawn whole at the right; whatever room is left goes to the title.
    assert metrics.horizontalAdvance(day) < page.list_view.viewport().width() // 2


def test_the_calendar_shows_the_days_mean_and_marks_several_entries(
    ui_ctx: UiContext, open_page: OpenPage
) -> None:
    day = TODAY.replace(day=10)
    _add(
        ui_ctx,
        Entry(day, body="morning", check_in=CheckIn(mood=6)),
        Entry(day, body="evening", check_in=CheckIn(mood=7)),
        Entry(day.replace(day=11), body="once", check_in=CheckIn(mood=3)),
        Entry(day.replace(day=12), body="no mood"),
        Entry(day.replace(day=12), body="still none"),
    )
    page = open_page()
    calendar = page.calendar
    assert calendar.entries_on(day) == 2 and calendar.entries_on(day.replace(day=11)) == 1
    assert calendar.describe_day(day) == "2 entries, mean mood 6.5"
    assert calendar.describe_day(day.replace(day=11)) == "1 entry, mood 3"
    assert calendar.describe_day(day.replace(day=12)) == "2 entries"
    assert calendar.describe_day(day.replace(day=13)) == "No entries"
    assert not calendar.grab().isNull()  # paints the marker beside the badge and the day


def test_opening_an_entry_with_finer_sleep_hours_is_not_a_change(
    qtbot: QtBot, ui_ctx: UiContext, open_page: OpenPage
) -> None:
    """7.75 hours (an import, the demo) shows as 7.8 in the box: opening it is not an edit, and
    saving another change keeps the hours exactly as stored."""
    (entry,) = _add(ui_ctx, Entry(TODAY, body="Slept well.", check_in=CheckIn(sleep_hours=7.75)))
    page = open_page()
    _click_row(qtbot, page, 0)
    editor = page.editor
    assert not editor.has_unsaved_changes()
    assert editor.status_label.text() == "" and not editor.save_button.isEnabled()
    qtbot.keyClicks(editor.title_edit, "Rested")
    assert editor.save_button.isEnabled()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    wait_tasks(qtbot, ui_ctx)
    stored = ui_ctx.session.entries.get(entry.id or 0)
    assert (stored.title, stored.check_in.sleep_hours) == ("Rested", 7.75)
    editor.checkin.sleep_hours.stepBy(1)  # a real change reads as the box shows it
    assert editor.checkin.check_in().sleep_hours == 8.3


def test_a_small_window_gives_the_editor_the_pane_and_a_large_one_the_calendar_too(
    qtbot: QtBot, ui_ctx: UiContext, open_page: OpenPage
) -> None:
    """At 900x600 the calendar left the editor a strip with the mood and no words (issue 13 §2):
    the calendar now shows only with room for it and a comfortable editor."""
    _add(ui_ctx, Entry(TODAY, title="Words", body="\n".join(f"line {n}" for n in range(12))))
    page = open_page()
    _click_row(qtbot, page, 0)
    page.resize(1600, 1100)
    wait_tasks(qtbot, ui_ctx)
    assert page.calendar.isVisible()
    page.resize(700, 500)  # the page's share of a 900x600 window
    wait_tasks(qtbot, ui_ctx)
    assert not page.calendar.isVisible()
    body = page.editor.body_edit
    assert body.isVisible() and body.height() >= 4 * body.fontMetrics().lineSpacing()
    page.resize(1600, 1100)
    wait_tasks(qtbot, ui_ctx)
    assert page.calendar.isVisible()
