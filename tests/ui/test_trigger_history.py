"""The trigger history dialog (issue 13 §4), used like a person: all events, not only the last
30 days; filters; more on scrolling; edit; delete with undo; the "Last" column in one style."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from recovery_journal.domain.tracking import Trigger, TriggerCategory
from recovery_journal.ui.context import UiContext
from recovery_journal.ui.event_edit_dialog import EventEditDialog
from recovery_journal.ui.pages.triggers import TriggersPage
from recovery_journal.ui.trigger_history import PAGE_SIZE, TriggerHistoryDialog
from tests.ui.conftest import wait_tasks

LEFT = Qt.MouseButton.LeftButton
START = datetime(2019, 1, 7, 18, 0, tzinfo=UTC)


def _fill(ctx: UiContext, count: int) -> tuple[int, int]:
    tracking = ctx.session.tracking
    payday = tracking.triggers.add(Trigger("Payday", TriggerCategory.DATES)).id or 0
    alone = tracking.triggers.add(Trigger("Being alone", TriggerCategory.HALT)).id or 0
    for n in range(count):
        when = START + timedelta(days=3 * n)
        tracking.log_trigger(alone if n % 3 else payday, 1 + n % 10, when=when, context=f"#{n}")
    return payday, alone


def _page(qtbot: QtBot, ctx: UiContext) -> TriggersPage:
    page = TriggersPage(ctx)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    page.activated()
    wait_tasks(qtbot, ctx)
    return page


def _open(qtbot: QtBot, ctx: UiContext, page: TriggersPage) -> TriggerHistoryDialog:
    qtbot.mouseClick(page.history_button, LEFT)
    dialog = page.history
    assert isinstance(dialog, TriggerHistoryDialog)
    wait_tasks(qtbot, ctx)
    return dialog


def _contexts(dialog: TriggerHistoryDialog) -> list[str]:
    tree = dialog.tree
    return [tree.topLevelItem(i).text(3) for i in range(tree.topLevelItemCount())]  # type: ignore[union-attr]


def test_history_goes_back_years_and_loads_more_when_scrolled(
    qtbot: QtBot, ui_ctx: UiContext
) -> None:
    _fill(ui_ctx, PAGE_SIZE + 30)
    dialog = _open(qtbot, ui_ctx, _page(qtbot, ui_ctx))
    assert dialog.tree.topLevelItemCount() == PAGE_SIZE  # a page, not everything at once
    assert dialog.more and dialog.more_button.isVisible()
    bar = dialog.tree.verticalScrollBar()
    bar.setValue(bar.maximum())
    wait_tasks(qtbot, ui_ctx)
    assert dialog.tree.topLevelItemCount() == PAGE_SIZE + 30
    assert not dialog.more_button.isVisible()
    assert _contexts(dialog)[-1] == "#0"  # from 2019: far beyond 30 days


def test_filter_by_trigger_category_and_dates(qtbot: QtBot, ui_ctx: UiContext) -> None:
    _fill(ui_ctx, 30)
    dialog = _open(qtbot, ui_ctx, _page(qtbot, ui_ctx))
    dialog.trigger_filter.setCurrentIndex(dialog.trigger_filter.findText("Payday"))
    wait_tasks(qtbot, ui_ctx)
    assert {dialog.tree.topLevelItem(i).text(1) for i in range(10)} == {"Payday"}  # type: ignore[union-attr]
    assert dialog.tree.topLevelItemCount() == 10
    dialog.trigger_filter.setCurrentIndex(0)
    dialog.category_filter.setCurrentIndex(dialog.category_filter.findData(TriggerCategory.HALT))
    wait_tasks(qtbot, ui_ctx)
    assert dialog.tree.topLevelItemCount() == 20
    dialog.category_filter.setCurrentIndex(0)
    wait_tasks(qtbot, ui_ctx)
    first = START.astimezone().date()
    dialog.from_edit.setDate(QDate(first.year, first.month, first.day))
    dialog.to_edit.setDate(QDate(first.year, first.month, first.day).addDays(7))
    qtbot.mouseClick(dialog.range_check, LEFT, pos=dialog.range_check.rect().center())
    wait_tasks(qtbot, ui_ctx)
    assert sorted(_contexts(dialog)) == ["#0", "#1", "#2"]
    dialog.category_filter.setCurrentIndex(dialog.category_filter.findData(TriggerCategory.PEOPLE))
    wait_tasks(qtbot, ui_ctx)
    assert dialog.tree.topLevelItemCount() == 0
    assert dialog.status.text() == "No events match these filters."


def test_history_opens_on_the_selected_trigger(qtbot: QtBot, ui_ctx: UiContext) -> None:
    _fill(ui_ctx, 6)
    page = _page(qtbot, ui_ctx)
    found = page.triggers.findItems("Payday", Qt.MatchFlag.MatchExactly)
    page.triggers.setCurrentItem(found[0])
    dialog = _open(qtbot, ui_ctx, page)
    assert dialog.trigger_filter.currentText() == "Payday"
    assert dialog.tree.topLevelItemCount() == 2


def test_edit_an_old_event(qtbot: QtBot, ui_ctx: UiContext) -> None:
    payday, alone = _fill(ui_ctx, 3)
    dialog = _open(qtbot, ui_ctx, _page(qtbot, ui_ctx))
    dialog.tree.setCurrentItem(dialog.tree.topLevelItem(2))  # type: ignore[arg-type]
    qtbot.mouseClick(dialog.edit_button, LEFT)
    editor = dialog.edit_dialog
    assert isinstance(editor, EventEditDialog)
    assert editor.context_edit.toPlainText() == "#0"
    editor.trigger_combo.setCurrentIndex(editor.trigger_combo.findData(alone))
    editor.context_edit.setPlainText("Rent and bills on one day")
    editor.intensity.set_value(8)
    qtbot.mouseClick(editor.save_button, LEFT)
    qtbot.waitUntil(lambda: dialog.status.text() == "Saved.", timeout=10_000)
    events = ui_ctx.session.tracking.events_of(alone)
    oldest = events[0]
    assert (oldest.context, oldest.intensity, oldest.occurred_utc) == (
        "Rent and bills on one day",
        8,
        START,
    )
    assert ui_ctx.session.tracking.events_of(payday) == []


def test_edit_refuses_a_time_still_to_come(qtbot: QtBot, ui_ctx: UiContext) -> None:
    _fill(ui_ctx, 1)
    dialog = _open(qtbot, ui_ctx, _page(qtbot, ui_ctx))
    dialog.tree.setCurrentItem(dialog.tree.topLevelItem(0))  # type: ignore[arg-type]
    qtbot.mouseClick(dialog.edit_button, LEFT)
    editor = dialog.edit_dialog
    assert isinstance(editor, EventEditDialog)
    editor.when_edit.setDate(QDate.currentDate().addDays(2))
    qtbot.mouseClick(editor.save_button, LEFT)
    assert editor.isVisible() and "still to come" in editor.error_label.text()
    editor.reject()


def test_delete_an_event_and_undo_it(qtbot: QtBot, ui_ctx: UiContext) -> None:
    _fill(ui_ctx, 3)
    dialog = _open(qtbot, ui_ctx, _page(qtbot, ui_ctx))
    dialog.tree.setCurrentItem(dialog.tree.topLevelItem(0))  # type: ignore[arg-type]
    qtbot.mouseClick(dialog.delete_button, LEFT)
    qtbot.waitUntil(lambda: _contexts(dialog) == ["#1", "#0"], timeout=10_000)
    assert dialog.status.text().startswith("Deleted Being alone on ")
    assert dialog.undo_button.isVisible()
    qtbot.mouseClick(dialog.undo_button, LEFT)
    qtbot.waitUntil(lambda: _contexts(dialog) == ["#2", "#1", "#0"], timeout=10_000)
    assert not dialog.undo_button.isVisible()
    assert dialog.status.text() == "The event is back."


def test_the_last_column_always_shows_a_date(qtbot: QtBot, ui_ctx: UiContext) -> None:
    """Issue 13 §4: "14 days ago" next to "3 Mar 2024" — now one style, the relative words in
    the tooltip."""
    tracking = ui_ctx.session.tracking
    recent = tracking.triggers.add(Trigger("Recent")).id or 0
    old = tracking.triggers.add(Trigger("Old")).id or 0
    now = datetime.now(UTC)
    tracking.log_trigger(recent, 4, when=now - timedelta(days=14))
    tracking.log_trigger(old, 4, when=now - timedelta(days=400))
    page = _page(qtbot, ui_ctx)
    rows = {
        item.text(0): item
        for i in range(page.triggers.topLevelItemCount())
        if (item := page.triggers.topLevelItem(i)) is not None
    }
    for name, days in (("Recent", 14), ("Old", 400)):
        day = (now - timedelta(days=days)).astimezone().date()
        assert rows[name].text(3) == f"{day.day} {day:%b} {day.year}"
    assert rows["Recent"].toolTip(3) == "14 days ago"
