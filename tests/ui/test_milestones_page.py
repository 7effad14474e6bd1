"""The Milestones page, used like a person would: counters, slips, milestones, goals, phases."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from recovery_journal.domain.progress import DayConvention
from recovery_journal.ui.context import UiContext
from recovery_journal.ui.pages.milestones import MilestonesPage
from recovery_journal.ui.progress_dialogs import (
    CounterDialog,
    FormDialog,
    GoalDialog,
    MilestoneDialog,
    PhaseDialog,
    SlipDialog,
)
from recovery_journal.ui.qt_dates import to_qdate
from tests.ui.conftest import wait_tasks

TODAY = date(2025, 6, 1)
LEFT = Qt.MouseButton.LeftButton


def ago(n: int) -> date:
    return TODAY - timedelta(days=n)


def open_page(qtbot: QtBot, ctx: UiContext) -> MilestonesPage:
    page = MilestonesPage(ctx, today=lambda: TODAY)
    qtbot.addWidget(page)
    page.resize(1100, 720)
    page.show()
    page.activated()  # the main window does this when the page is shown
    wait_tasks(qtbot, ctx)
    return page


def accept(qtbot: QtBot, ctx: UiContext, dialog: FormDialog) -> None:
    ok = dialog.ok_button
    assert ok.isEnabled()
    qtbot.mouseClick(ok, LEFT)
    wait_tasks(qtbot, ctx)
    wait_tasks(qtbot, ctx)  # the save, then the reload


def type_into_combo(qtbot: QtBot, combo: object, text: str) -> None:
    line = combo.lineEdit()  # type: ignore[attr-defined]
    assert isinstance(line, QLineEdit)
    line.selectAll()
    qtbot.keyClicks(line, text)


def start_counter(
    qtbot: QtBot, ctx: UiContext, page: MilestonesPage, title: str, start: date, zero: bool = False
) -> None:
    qtbot.mouseClick(page.new_counter_button, LEFT)
    dialog = page.dialog
    assert isinstance(dialog, CounterDialog)
    type_into_combo(qtbot, dialog.title_combo, title)
    dialog.start_edit.setDate(to_qdate(start))
    if zero:
        radio = dialog.day_zero
        qtbot.mouseClick(radio, LEFT, pos=QPoint(6, radio.height() // 2))
        assert radio.isChecked()
    accept(qtbot, ctx, dialog)


def test_create_a_counter_and_see_its_numbers(
    qtbot: QtBot, ui_ctx: UiContext, reported: list[BaseException]
) -> None:
    page = open_page(qtbot, ui_ctx)
    start_counter(qtbot, ui_ctx, page, "Sober since", ago(9))
    [card] = page.counter_cards
    assert card.big_number.text() == "10"
    assert card.since_label.text() == "since 23 May 2025"
    assert "Longest stretch: 10 days" in card.summary.text()
    assert "All days free: 10 days" in card.summary.text()
    assert "10 days of the 10 days since the start (100%)" in card.summary.text()
    assert "Next: 30 days in 20 days" in card.summary.text()
    assert reported == []


def test_day_zero_counts_one_less(qtbot: QtBot, ui_ctx: UiContext) -> None:
    page = open_page(qtbot, ui_ctx)
    start_counter(qtbot, ui_ctx, page, "Day one", ago(9))
    start_counter(qtbot, ui_ctx, page, "Day zero", ago(9), zero=True)
    numbers = {c.status.counter.title: c.big_number.text() for c in page.counter_cards}
    assert numbers == {"Day one": "10", "Day zero": "9"}
    zero = next(c for c in page.counter_cards if c.status.counter.title == "Day zero")
    assert zero.status.counter.convention is DayConvention.DAY_ZERO


def test_record_a_slip_gently(qtbot: QtBot, ui_ctx: UiContext) -> None:
    ui_ctx.session.progress.add_counter("Sober since", ago(40))
    page = open_page(qtbot, ui_ctx)
    [card] = page.counter_cards
    assert card.big_number.text() == "41"
    qtbot.mouseClick(card.slip_button, LEFT)
    dialog = page.dialog
    assert isinstance(dialog, SlipDialog)
    assert "Slips happen in recovery" in dialog.intro.text()
    assert "reset" not in dialog.intro.text().lower()
    dialog.day_edit.setDate(to_qdate(ago(5)))
    qtbot.keyClicks(dialog.context_edit, "Wedding, open bar")
    qtbot.keyClicks(dialog.next_edit, "Bring my own drinks")
    accept(qtbot, ui_ctx, dialog)
    [card] = page.counter_cards
    assert card.big_number.text() == "5"
    # Issue 13 §4: the date beside "5" is where this stretch began, not the counter's start.
    assert card.since_label.text() == "this stretch since 28 May 2025"
    assert "22 Apr 2025" in card.toolTip()
    assert "Longest stretch: 35 days" in card.summary.text()
    assert "All days free: 40 days" in card.summary.text()
    assert "Noted" in page.status_label.text()
    [slip] = ui_ctx.session.progress.slips.list()
    assert (slip.context, slip.next_time) == ("Wedding, open bar", "Bring my own drinks")


def test_slip_day_cannot_be_after_today_or_before_start(qtbot: QtBot, ui_ctx: UiContext) -> None:
    ui_ctx.session.progress.add_counter("Sober since", ago(3))
    page = open_page(qtbot, ui_ctx)
    qtbot.mouseClick(page.counter_cards[0].slip_button, LEFT)
    dialog = page.dialog
    assert isinstance(dialog, SlipDialog)
    assert dialog.day_edit.maximumDate() == to_qdate(TODAY)
    assert dialog.day_edit.minimumDate() == to_qdate(ago(3))
    dialog.reject()


def test_thirty_day_milestone_is_celebrated_once(qtbot: QtBot, ui_ctx: UiContext) -> None:
    ui_ctx.session.progress.add_counter("Sober since", ago(29))
    page = open_page(qtbot, ui_ctx)
    assert page.celebration.isVisible()
    assert "Sober for 30 days. That took something." in page.celebration.headline.text()
    assert not page.celebration.others.isVisible()  # 1 day and 1 week were long ago
    timeline = [page.timeline.item(i).text() for i in range(page.timeline.count())]
    assert "Sober for 30 days" in timeline[0]
    qtbot.mouseClick(page.celebration.dismiss_button, LEFT)
    assert not page.celebration.isVisible()
    page.activated()
    wait_tasks(qtbot, ui_ctx)
    assert not page.celebration.isVisible()
    again = open_page(qtbot, ui_ctx)
    assert not again.celebration.isVisible()
    assert again.timeline.count() == 3


def test_add_own_milestone(qtbot: QtBot, ui_ctx: UiContext) -> None:
    page = open_page(qtbot, ui_ctx)
    qtbot.mouseClick(page.add_milestone_button, LEFT)
    dialog = page.dialog
    assert isinstance(dialog, MilestoneDialog)
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.title_edit, "Told my family")
    dialog.day_edit.setDate(to_qdate(ago(2)))
    accept(qtbot, ui_ctx, dialog)
    assert page.timeline.count() == 1
    assert "30 May 2025  —  Told my family" in page.timeline.item(0).text()
    assert not page.celebration.isVisible()  # own milestones are not "new" to their author


def test_goal_with_steps_and_tick_one(qtbot: QtBot, ui_ctx: UiContext) -> None:
    page = open_page(qtbot, ui_ctx)
    qtbot.mouseClick(page.add_goal_button, LEFT)
    dialog = page.dialog
    assert isinstance(dialog, GoalDialog)
    qtbot.keyClicks(dialog.title_edit, "Sleep better")
    qtbot.keyClicks(dialog.step_rows[0][1], "No screens after 10")
    qtbot.mouseClick(dialog.add_step_button, LEFT)
    qtbot.keyClicks(dialog.step_rows[1][1], "Read instead")
    accept(qtbot, ui_ctx, dialog)
    [goal] = page.goal_widgets
    assert goal.progress_label.text() == "0 of 2 steps"
    check = goal.step_checks[0]
    qtbot.mouseClick(check, LEFT, pos=QPoint(6, check.height() // 2))
    wait_tasks(qtbot, ui_ctx)
    wait_tasks(qtbot, ui_ctx)
    [goal] = page.goal_widgets
    assert goal.progress_label.text() == "1 of 2 steps"
    assert goal.step_checks[0].isChecked()
    qtbot.mouseClick(goal.complete_button, LEFT)
    wait_tasks(qtbot, ui_ctx)
    wait_tasks(qtbot, ui_ctx)
    [goal] = page.goal_widgets
    assert goal.progress_label.text() == "Complete ✓"
    assert "Finished: Sleep better" in page.timeline.item(0).text()


def test_add_and_edit_a_phase(qtbot: QtBot, ui_ctx: UiContext) -> None:
    page = open_page(qtbot, ui_ctx)
    qtbot.mouseClick(page.add_phase_button, LEFT)
    dialog = page.dialog
    assert isinstance(dialog, PhaseDialog)
    dialog.start_edit.setDate(to_qdate(ago(60)))
    accept(qtbot, ui_ctx, dialog)
    assert page.phase_list.item(0).text() == "Recognition — since 2 Apr 2025  (now)"
    page.phase_list.setCurrentRow(0)
    qtbot.mouseClick(page.edit_phase_button, LEFT)
    dialog = page.dialog
    assert isinstance(dialog, PhaseDialog)
    type_into_combo(qtbot, dialog.name_combo, "Finding my feet")
    accept(qtbot, ui_ctx, dialog)
    assert page.phase_list.item(0).text().startswith("Finding my feet — since 2 Apr 2025")
    assert len(ui_ctx.session.progress.phases.list()) == 1


def test_archive_a_counter(qtbot: QtBot, ui_ctx: UiContext) -> None:
    ui_ctx.session.progress.add_counter("Smoke free since", ago(3))
    page = open_page(qtbot, ui_ctx)
    qtbot.mouseClick(page.counter_cards[0].archive_button, LEFT)
    wait_tasks(qtbot, ui_ctx)
    wait_tasks(qtbot, ui_ctx)
    assert page.counter_cards == []
    assert len(ui_ctx.session.progress.counters.list(include_archived=True)) == 1


def test_a_slip_recorded_by_mistake_is_taken_back_with_undo(
    qtbot: QtBot, ui_ctx: UiContext
) -> None:
    ui_ctx.session.progress.add_counter("Sober since", ago(40))
    page = open_page(qtbot, ui_ctx)
    assert not page.undo_button.isVisible()
    qtbot.mouseClick(page.counter_cards[0].slip_button, LEFT)
    dialog = page.dialog
    assert isinstance(dialog, SlipDialog)
    accept(qtbot, ui_ctx, dialog)  # today, by mistake
    assert page.counter_cards[0].big_number.text() == "0"
    assert page.counter_cards[0].since_label.text() == "a new stretch begins 2 Jun 2025"
    assert page.undo_button.isVisible()
    qtbot.mouseClick(page.undo_button, LEFT)
    wait_tasks(qtbot, ui_ctx)
    wait_tasks(qtbot, ui_ctx)
    assert page.counter_cards[0].big_number.text() == "41"
    assert "Taken back" in page.status_label.text()
    assert not page.undo_button.isVisible()
    assert ui_ctx.session.progress.slips.list() == []


def test_an_archived_counter_comes_back_with_undo(qtbot: QtBot, ui_ctx: UiContext) -> None:
    ui_ctx.session.progress.add_counter("Smoke free since", ago(3))
    page = open_page(qtbot, ui_ctx)
    qtbot.mouseClick(page.counter_cards[0].archive_button, LEFT)
    wait_tasks(qtbot, ui_ctx)
    wait_tasks(qtbot, ui_ctx)
    assert page.counter_cards == []
    qtbot.mouseClick(page.undo_button, LEFT)
    wait_tasks(qtbot, ui_ctx)
    wait_tasks(qtbot, ui_ctx)
    assert [c.status.counter.title for c in page.counter_cards] == ["Smoke free since"]
    assert page.status_label.text() == "The counter is back."


def test_with_reduced_motion_a_celebration_appears_without_fading(
    qtbot: QtBot, ui_ctx: UiContext
) -> None:
    from recovery_journal.ui.settings import REDUCE_MOTION

    ui_ctx.settings.set(REDUCE_MOTION, True)
    ui_ctx.session.progress.add_counter("Sober since", ago(29))
    page = open_page(qtbot, ui_ctx)
    assert page.celebration.isVisible()
    assert page.celebration.graphicsEffect() is None  # fully there at once, no fade running
    assert "Sober for 30 days" in page.celebration.headline.text()


def test_edit_own_milestone_but_not_the_ones_the_journal_noticed(
    qtbot: QtBot, ui_ctx: UiContext
) -> None:
    from recovery_journal.domain.progress import MilestoneKind

    ui_ctx.session.progress.add_counter("Sober since", ago(6))
    ui_ctx.session.progress.add_own_milestone(ago(3), "Told my famliy", notes="Mum cried")
    page = open_page(qtbot, ui_ctx)
    texts = [page.timeline.item(r).text() for r in range(page.timeline.count())]
    own = next(r for r, text in enumerate(texts) if "famliy" in text)
    auto = next(r for r, text in enumerate(texts) if "Sober for" in text)
    page.timeline.setCurrentRow(auto)
    assert not page.edit_milestone_button.isEnabled()
    page.timeline.setCurrentRow(own)
    assert page.edit_milestone_button.isEnabled()
    qtbot.mouseClick(page.edit_milestone_button, LEFT)
    dialog = page.dialog
    assert isinstance(dialog, MilestoneDialog)
    assert dialog.windowTitle() == "Edit milestone"
    assert dialog.title_edit.text() == "Told my famliy"
    assert dialog.notes_edit.toPlainText() == "Mum cried"
    dialog.title_edit.selectAll()
    qtbot.keyClicks(dialog.title_edit, "Told my family")
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(MilestoneKind.FIRST))
    accept(qtbot, ui_ctx, dialog)
    [mine] = [m for m in ui_ctx.session.progress.milestones.list() if m.counter_id is None]
    assert (mine.title, mine.kind, mine.local_date, mine.notes) == (
        "Told my family",
        MilestoneKind.FIRST,
        ago(3),
        "Mum cried",
    )
    rows = [page.timeline.item(r).text() for r in range(page.timeline.count())]
    assert any("Told my family" in text for text in rows)
