""" "Today so far" on the Today page (#13 §1): what was logged today, with times, after unlocking
and after saving, and yesterday at a glance."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from recovery_journal.domain.coping import CopingCategory, CopingStrategy
from recovery_journal.domain.entries import CheckIn, Entry
from recovery_journal.domain.tracking import Trigger
from recovery_journal.services.day_so_far import day_so_far
from recovery_journal.ui.context import UiContext
from tests.ui.conftest import wait_tasks
from tests.ui.test_today_page import DAY, open_page, saved_entries

NOON = datetime(DAY.year, DAY.month, DAY.day, 12, tzinfo=UTC)


def _log_the_day(ctx: UiContext) -> None:
    session = ctx.session
    yesterday = DAY - timedelta(days=1)
    session.entries.add(Entry(yesterday, "late", check_in=CheckIn(mood=4), local_time="22:00"))
    session.entries.add(Entry(yesterday, "early", check_in=CheckIn(mood=7), local_time="07:00"))
    session.entries.add(Entry(DAY, "Morning pages", local_time="08:15"))
    payday = session.tracking.triggers.add(Trigger("Payday"))
    assert payday.id is not None
    session.tracking.log_trigger(payday.id, 6, when=NOON)
    call = session.coping.strategies.add(CopingStrategy("Call Sam", CopingCategory.SOCIAL))
    assert call.id is not None
    session.coping.log_use(call.id, when=NOON + timedelta(minutes=30), helpfulness=4)


def test_the_day_is_read_in_order_with_yesterday_at_a_glance(ui_ctx: UiContext) -> None:
    _log_the_day(ui_ctx)
    day = day_so_far(ui_ctx.session, DAY)
    assert [e.body for e in day.entries] == ["Morning pages"]
    assert [name for _, name in day.trigger_events] == ["Payday"]
    assert [name for _, name in day.coping_uses] == ["Call Sam"]
    glance = day.yesterday
    assert (glance.entries, glance.mean_mood, glance.triggers, glance.coping_uses) == (2, 5.5, 0, 0)
    assert day_so_far(ui_ctx.session, DAY + timedelta(days=5)).empty


def test_today_so_far_shows_after_unlocking_and_grows_after_saving(
    qtbot: QtBot, ui_ctx: UiContext
) -> None:
    _log_the_day(ui_ctx)
    page = open_page(qtbot, ui_ctx)  # a page is made fresh after each unlock
    qtbot.waitUntil(page.so_far.isVisible)
    lines = page.so_far.lines.text().splitlines()
    assert lines[0] == "08:15  Entry — Morning pages"
    assert any("Trigger — Payday · 6 of 10" in line for line in lines)
    assert any("Coping — Call Sam · helped 4 of 5" in line for line in lines)
    assert page.so_far.yesterday.text() == "Yesterday: 2 entries, mood 5.5."
    assert page.so_far.lines.accessibleName() == "What you logged today"

    page.title_edit.setText("Evening")
    page.checkin.mood.set_value(6)
    page.editor.setFocus()
    qtbot.keyClick(page.editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    saved_entries(qtbot, ui_ctx, 4)
    wait_tasks(qtbot, ui_ctx)
    qtbot.waitUntil(lambda: "Entry — Evening · mood 6" in page.so_far.lines.text())


def test_a_quiet_day_says_so_kindly(qtbot: QtBot, ui_ctx: UiContext) -> None:
    page = open_page(qtbot, ui_ctx)
    qtbot.waitUntil(page.so_far.isVisible)
    assert page.so_far.lines.text() == "Nothing logged yet today — and that's fine."
    assert page.so_far.yesterday.text() == "Yesterday: nothing logged."


def test_the_counters_stay_on_today_with_their_days(qtbot: QtBot, ui_ctx: UiContext) -> None:
    ui_ctx.session.progress.add_counter("Sober since", DAY - timedelta(days=40))
    (status,) = ui_ctx.session.progress.all_counter_statuses(DAY)
    page = open_page(qtbot, ui_ctx)
    qtbot.waitUntil(page.so_far.counters.isVisible)
    assert page.so_far.counters.text() == f"Sober since — {status.stats.current} days so far"
    assert status.stats.current > 1
