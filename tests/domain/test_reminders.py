"""The daily reminder's next fire time: today or tomorrow, across midnight and daylight saving,
and a snooze."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from recovery_journal.domain.reminders import (
    format_time,
    next_reminder,
    parse_time,
    snoozed,
    wait_ms,
)

BERLIN = ZoneInfo("Europe/Berlin")


def local(year: int, month: int, day: int, hour: int, minute: int) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=BERLIN)


def test_later_today_or_else_tomorrow() -> None:
    assert next_reminder(local(2026, 6, 1, 19, 59), time(20, 0), BERLIN) == local(2026, 6, 1, 20, 0)
    assert next_reminder(local(2026, 6, 1, 20, 0), time(20, 0), BERLIN) == local(2026, 6, 2, 20, 0)
    assert next_reminder(local(2026, 6, 1, 21, 0), time(20, 0), BERLIN).tzinfo is UTC


def test_across_midnight() -> None:
    assert next_reminder(local(2026, 6, 1, 23, 50), time(0, 5), BERLIN) == local(2026, 6, 2, 0, 5)
    assert next_reminder(local(2026, 12, 31, 23, 59), time(8, 0), BERLIN) == local(2027, 1, 1, 8, 0)


def test_the_wall_clock_time_is_kept_across_daylight_saving() -> None:
    # Clocks go forward on 29 March 2026 (02:00 → 03:00) and back on 25 October.
    spring = next_reminder(local(2026, 3, 28, 21, 0), time(20, 0), BERLIN)
    assert spring.astimezone(BERLIN).hour == 20
    assert spring - local(2026, 3, 27, 20, 0) == timedelta(days=2, hours=-1)
    autumn = next_reminder(local(2026, 10, 24, 21, 0), time(20, 0), BERLIN)
    assert autumn == datetime(2026, 10, 25, 19, 0, tzinfo=UTC)  # 20:00 CET


def test_a_time_that_does_not_exist_fires_after_the_change_and_a_repeated_one_once() -> None:
    gap = next_reminder(local(2026, 3, 29, 1, 0), time(2, 30), BERLIN)
    assert gap == datetime(2026, 3, 29, 1, 30, tzinfo=UTC)  # 03:30 CEST
    first = next_reminder(local(2026, 10, 25, 1, 0), time(2, 30), BERLIN)
    assert first == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)  # 02:30 CEST, the first one
    after = next_reminder(first + timedelta(minutes=1), time(2, 30), BERLIN)
    assert after.astimezone(BERLIN).date().day == 26


def test_this_computers_zone_is_used_by_default() -> None:
    now = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
    found = next_reminder(now, time(20, 0))
    assert found > now and found.astimezone().time() == time(20, 0)
    with pytest.raises(ValueError):
        next_reminder(datetime(2026, 6, 1, 12, 0), time(20, 0))


def test_snooze_and_waiting() -> None:
    now = local(2026, 6, 1, 20, 0)
    assert snoozed(now) == now + timedelta(minutes=15)
    assert snoozed(now, 5) - now == timedelta(minutes=5)
    assert wait_ms(snoozed(now), now) == 15 * 60 * 1000
    assert wait_ms(now, snoozed(now)) == 0


def test_times_are_read_and_written_as_hh_mm() -> None:
    assert parse_time("7:05") == time(7, 5)
    assert parse_time(" 20:00 ") == time(20, 0)
    assert parse_time("24:00") is None and parse_time("late") is None
    assert format_time(time(7, 5)) == "07:05"
