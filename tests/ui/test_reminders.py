"""The gentle daily reminder's Qt wiring: off by default, armed for the chosen time, shown (as a
small window where there is no tray, like the offscreen platform), snoozed, and working while
the journal is locked."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import QSystemTrayIcon
from pytestqt.qtbot import QtBot

from recovery_journal.domain.reminders import next_reminder
from recovery_journal.ui import settings as S
from recovery_journal.ui.controller import AppController
from recovery_journal.ui.reminder_settings import ReminderSettingsBox
from recovery_journal.ui.reminders import GentleReminder, ReminderNote
from recovery_journal.ui.settings import AppSettings
from recovery_journal.ui.unlock import UnlockDialog
from tests.ui.test_controller import controller, existing  # noqa: F401 (fixtures)


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def reminder(qtbot: QtBot, app_settings: AppSettings, clock: Clock) -> Iterator[GentleReminder]:
    made = GentleReminder(app_settings, now=clock)
    yield made
    if made.note is not None:
        made.note.close()
        made.note.deleteLater()


def switched_on(reminder: GentleReminder, at: str = "20:00") -> None:
    reminder.settings.set(S.REMINDER_TIME, at)
    reminder.settings.set(S.REMINDER_ON, True)
    reminder.apply()


def test_it_is_off_by_default(reminder: GentleReminder) -> None:
    reminder.apply()
    assert not reminder.enabled
    assert not reminder.timer.isActive() and reminder.due is None and reminder.tray is None


def test_switched_on_it_waits_for_the_chosen_time(reminder: GentleReminder, clock: Clock) -> None:
    switched_on(reminder, "20:30")
    assert reminder.due == next_reminder(clock.now, time(20, 30))
    assert reminder.timer.isActive()
    assert reminder.timer.interval() == int((reminder.due - clock.now).total_seconds() * 1000)
    reminder.settings.set(S.REMINDER_ON, False)
    reminder.apply()
    assert not reminder.timer.isActive()


def test_offscreen_has_no_tray_so_a_small_window_shows_the_reminder(
    qtbot: QtBot, reminder: GentleReminder, clock: Clock
) -> None:
    assert not QSystemTrayIcon.isSystemTrayAvailable()
    switched_on(reminder)
    assert reminder.tray is None
    assert reminder.due is not None
    clock.now = reminder.due
    with qtbot.waitSignal(reminder.shown):
        reminder.timer.start(0)
    note = reminder.note
    assert isinstance(note, ReminderNote) and note.isVisible()
    words = note.windowTitle() + " " + reminder.text()
    assert not any(ch.isdigit() for ch in words)  # no counts, no streaks
    assert "missed" not in words.lower() and "streak" not in words.lower()
    # Tomorrow's is armed already.
    assert reminder.due == next_reminder(clock.now, time(20, 0))
    assert reminder.due - clock.now == timedelta(days=1)


def test_snooze_brings_it_back_in_a_quarter_of_an_hour(
    qtbot: QtBot, reminder: GentleReminder, clock: Clock
) -> None:
    switched_on(reminder)
    assert reminder.due is not None
    clock.now = reminder.due
    reminder.show_reminder()
    assert reminder.note is not None
    qtbot.mouseClick(reminder.note.snooze_button, Qt.MouseButton.LeftButton)
    assert reminder.due == clock.now + timedelta(minutes=15)
    assert reminder.note.isHidden()


def test_open_asks_for_the_window_and_an_early_wake_waits_the_rest(
    qtbot: QtBot, reminder: GentleReminder, clock: Clock
) -> None:
    switched_on(reminder)
    reminder.show_reminder()
    assert reminder.note is not None
    with qtbot.waitSignal(reminder.open_requested):
        qtbot.mouseClick(reminder.note.open_button, Qt.MouseButton.LeftButton)
    due = reminder.due
    assert due is not None
    clock.now = due - timedelta(minutes=1)
    reminder._on_timer_timeout()  # the timer woke a minute early
    assert reminder.due == due and reminder.timer.interval() == 60_000


def test_the_settings_box_stores_on_off_and_the_time(
    qtbot: QtBot, app_settings: AppSettings
) -> None:
    changes: list[int] = []
    box = ReminderSettingsBox(app_settings, lambda: changes.append(1))
    qtbot.addWidget(box)
    box.show()
    assert not box.enabled.isChecked() and not box.time.isEnabled()
    qtbot.mouseClick(box.enabled, Qt.MouseButton.LeftButton)
    assert app_settings.get(S.REMINDER_ON) and box.time.isEnabled()
    box.time.setTime(QTime(7, 45))
    assert app_settings.get(S.REMINDER_TIME) == "07:45"
    assert len(changes) == 2


@pytest.mark.qt_log_ignore("does not support raise")  # bringing the window forward, offscreen
def test_it_works_while_the_journal_is_locked(
    qtbot: QtBot,
    controller: AppController,  # noqa: F811
    app_settings: AppSettings,
) -> None:
    """The controller arms it at start (the unlock screen is all there is) and "Open" brings
    that screen forward."""
    app_settings.set(S.REMINDER_ON, True)
    controller.start()
    assert isinstance(controller.dialog, UnlockDialog) and controller.session is None
    assert controller.reminder.timer.isActive()
    controller.dialog.hide()
    controller.reminder.show_reminder()
    note = controller.reminder.note
    assert note is not None
    qtbot.mouseClick(note.open_button, Qt.MouseButton.LeftButton)
    assert controller.dialog.isVisible()
    note.deleteLater()


def test_a_stored_time_that_is_not_a_time_falls_back_to_the_evening(
    reminder: GentleReminder, clock: Clock, tmp_path: Path
) -> None:
    reminder.settings.set(S.REMINDER_TIME, "whenever")
    reminder.settings.set(S.REMINDER_ON, True)
    reminder.apply()
    assert reminder.due == next_reminder(clock.now, time(20, 0))


# Offscreen has no tray; Qt's fallback tray window can't connect to it and says so.
@pytest.mark.qt_log_ignore("systemTrayWindowChanged")
def test_with_a_tray_the_icon_carries_the_menu_and_the_notification(
    qtbot: QtBot, app_settings: AppSettings, clock: Clock
) -> None:
    """Where a tray exists, its icon offers open / snooze / off and the reminder is a
    notification (no window); switching off takes the icon away."""
    made = GentleReminder(app_settings, now=clock, tray_available=lambda: True)
    switched_on(made)
    tray = made.tray
    assert tray is not None and tray.toolTip() == "Daily reminder"
    menu = tray.contextMenu()
    assert menu is not None
    texts = [a.text() for a in menu.actions()]
    assert texts == ["Open the journal", "Remind me in 15 minutes", "Turn the daily reminder off"]
    with qtbot.waitSignal(made.shown):
        made.show_reminder()
    assert made.note is None
    with qtbot.waitSignal(made.open_requested):
        tray.messageClicked.emit()
    menu.actions()[1].trigger()
    assert made.due == clock.now + timedelta(minutes=15)
    menu.actions()[2].trigger()
    assert not app_settings.get(S.REMINDER_ON) and made.tray is None
