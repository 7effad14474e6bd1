"""Counter arithmetic: runs across slips, day-0/day-1, totals, the last 90 days, next marks."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recovery_journal.domain.progress import DayConvention
from recovery_journal.domain.streaks import (
    Mark,
    add_months,
    check_slip_day,
    count_on,
    marks_reached,
    next_mark,
    streak_stats,
)
from recovery_journal.errors import ValidationError

ONE, ZERO = DayConvention.DAY_ONE, DayConvention.DAY_ZERO
START = date(2025, 3, 3)


def day(n: int) -> date:
    """The n-th day after START (day(0) is START)."""
    return START + timedelta(days=n)


def test_start_day_is_day_one_or_day_zero() -> None:
    assert streak_stats(START, [], START, ONE).current == 1
    assert streak_stats(START, [], START, ZERO).current == 0


def test_thirty_days_after_start() -> None:
    one = streak_stats(START, [], day(30), ONE)
    zero = streak_stats(START, [], day(30), ZERO)
    assert (one.current, one.longest, one.total_free) == (31, 31, 31)
    assert (zero.current, zero.longest, zero.total_free) == (30, 30, 30)


def test_convention_changes_current_by_exactly_one() -> None:
    for n in (0, 1, 6, 29, 400):
        assert streak_stats(START, [], day(n), ONE).current == n + 1
        assert streak_stats(START, [], day(n), ZERO).current == n


def test_slip_keeps_longest_and_total_honest() -> None:
    stats = streak_stats(START, [day(20)], day(30), ONE)
    assert stats.current == 10  # day(21) is day 1 again; day(30) is day 10
    assert stats.longest == 20  # days 0..19 were free
    assert stats.total_free == 30  # 31 days, one of them a slip
    assert stats.slip_days == 1
    assert stats.last_slip == day(20)
    assert stats.streak_start == day(21)


def test_slip_with_day_zero() -> None:
    stats = streak_stats(START, [day(20)], day(30), ZERO)
    assert stats.current == 9
    assert stats.longest == 19
    assert stats.total_free == 29  # today is still in progress


def test_slip_today_breaks_the_current_run_only() -> None:
    for convention in (ONE, ZERO):
        stats = streak_stats(START, [day(10)], day(10), convention)
        assert stats.current == 0
        assert stats.streak_start == day(11)
        assert stats.longest == count_on(START, day(9), convention)
    assert streak_stats(START, [day(10)], day(10), ONE).total_free == 10
    assert streak_stats(START, [day(10)], day(10), ZERO).total_free == 10


def test_day_after_a_slip_is_day_one_or_zero() -> None:
    assert streak_stats(START, [day(10)], day(11), ONE).current == 1
    assert streak_stats(START, [day(10)], day(11), ZERO).current == 0


def test_several_slips_on_one_day_count_once() -> None:
    once = streak_stats(START, [day(5)], day(30), ONE)
    thrice = streak_stats(START, [day(5), day(5), day(5)], day(30), ONE)
    assert once == thrice


def test_consecutive_slip_days() -> None:
    stats = streak_stats(START, [day(3), day(4), day(5)], day(8), ONE)
    assert stats.current == 3
    assert stats.longest == 3
    assert stats.total_free == 6


def test_slip_on_the_start_day() -> None:
    stats = streak_stats(START, [START], START, ONE)
    assert (stats.current, stats.longest, stats.total_free) == (0, 0, 0)


def test_slips_before_start_or_after_today_are_ignored() -> None:
    plain = streak_stats(START, [], day(30), ONE)
    assert streak_stats(START, [day(-3), day(40)], day(30), ONE) == plain


def test_recording_a_slip_before_start_or_in_future_is_refused() -> None:
    with pytest.raises(ValidationError) as before:
        check_slip_day(START, day(-1), day(10))
    assert before.value.field == "local_date"
    with pytest.raises(ValidationError):
        check_slip_day(START, day(11), day(10))
    assert check_slip_day(START, START, day(10)) == START
    assert check_slip_day(START, day(10), day(10)) == day(10)


def test_start_in_the_future() -> None:
    stats = streak_stats(day(5), [], START, ONE)
    assert (stats.current, stats.longest, stats.total_free) == (0, 0, 0)
    assert stats.percent_free is None
    assert not stats.started
    assert stats.next_mark == Mark(days=1)
    assert stats.next_mark_on == day(5)
    assert stats.days_to_next == 5


def test_last_90_days_window() -> None:
    stats = streak_stats(START, [day(100), day(150)], day(200), ONE)
    assert stats.window_days == 90
    assert stats.window_free == 89  # day(100) is outside the window
    assert stats.percent_free == pytest.approx(100 * 89 / 90)


def test_window_is_shorter_for_a_recent_start() -> None:
    stats = streak_stats(START, [day(2)], day(9), ONE)
    assert stats.window_days == 10
    assert stats.percent_free == pytest.approx(90.0)


def test_window_does_not_depend_on_convention() -> None:
    one = streak_stats(START, [day(2)], day(9), ONE)
    zero = streak_stats(START, [day(2)], day(9), ZERO)
    assert one.percent_free == zero.percent_free


def test_next_mark_and_days_to_it() -> None:
    stats = streak_stats(START, [], day(20), ONE)
    assert stats.next_mark == Mark(days=30)
    assert stats.next_mark_on == day(29)  # day 30 with the start as day 1
    assert stats.days_to_next == 9
    zero = streak_stats(START, [], day(20), ZERO)
    assert zero.next_mark_on == day(30)


def test_next_mark_after_a_slip_today_is_tomorrow() -> None:
    stats = streak_stats(START, [day(40)], day(40), ONE)
    assert stats.next_mark == Mark(days=1)
    assert stats.days_to_next == 1


def test_marks_go_on_every_year() -> None:
    reached = marks_reached(date(2000, 1, 1), date(2025, 6, 1), ONE)
    titles = [m.title for m in reached]
    assert titles[:6] == ["1 day", "1 week", "30 days", "60 days", "90 days", "6 months"]
    assert titles[6:8] == ["1 year", "2 years"]
    assert titles[-1] == "25 years"
    mark, when = next_mark(date(2000, 1, 1), date(2025, 6, 1), ZERO)
    assert (mark.title, when) == ("26 years", date(2026, 1, 1))


def test_calendar_marks_and_convention() -> None:
    assert Mark(months=12).reached_on(START, ZERO) == date(2026, 3, 3)
    assert Mark(months=12).reached_on(START, ONE) == date(2026, 3, 2)
    assert Mark(months=6).reached_on(START, ZERO) == date(2025, 9, 3)


def test_leap_years() -> None:
    assert add_months(date(2024, 2, 29), 12) == date(2025, 2, 28)
    assert add_months(date(2024, 2, 29), 48) == date(2028, 2, 29)
    assert add_months(date(2025, 8, 31), 6) == date(2026, 2, 28)
    assert add_months(date(2023, 8, 31), 6) == date(2024, 2, 29)
    # 2024 is a leap year: 366 days from 1 Jan 2024 to 1 Jan 2025 (day 0 convention).
    stats = streak_stats(date(2024, 1, 1), [], date(2025, 1, 1), ZERO)
    assert stats.current == 366
    assert Mark(months=12).reached_on(date(2024, 1, 1), ZERO) == date(2025, 1, 1)
    assert streak_stats(date(2024, 2, 28), [], date(2024, 3, 1), ONE).current == 3


def test_dst_change_never_splits_or_merges_a_day() -> None:
    """Counts use local calendar dates: the spring-forward day is one day like any other."""
    berlin = ZoneInfo("Europe/Berlin")
    before = datetime(2025, 3, 29, 23, 30, tzinfo=berlin).date()
    after = datetime(2025, 3, 31, 0, 30, tzinfo=berlin).date()
    assert streak_stats(before, [], after, ONE).current == 3
    back = datetime(2025, 10, 27, 0, 30, tzinfo=berlin).date()
    assert streak_stats(date(2025, 10, 26), [], back, ZERO).current == 1


def test_today_is_the_local_date_of_the_time_zone() -> None:
    """The same instant is a different day in different zones; the count follows the local day
    (the app passes the computer's local date)."""
    instant = datetime(2025, 4, 2, 23, 30, tzinfo=ZoneInfo("UTC"))
    in_tokyo = instant.astimezone(ZoneInfo("Asia/Tokyo")).date()
    in_new_york = instant.astimezone(ZoneInfo("America/New_York")).date()
    start = date(2025, 4, 1)
    assert streak_stats(start, [], in_tokyo, ONE).current == 3
    assert streak_stats(start, [], in_new_york, ONE).current == 2


# ---------------------------------------------------------------- properties

starts = st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31))


@st.composite
def counters(draw: st.DrawFn) -> tuple[date, list[date], date]:
    start = draw(starts)
    length = draw(st.integers(min_value=0, max_value=800))
    today = start + timedelta(days=length)
    offsets = draw(st.lists(st.integers(min_value=-30, max_value=length + 30), max_size=25))
    return start, [start + timedelta(days=o) for o in offsets], today


@given(counters())
def test_total_free_is_days_since_start_plus_one_minus_slip_days(
    c: tuple[date, list[date], date],
) -> None:
    start, slips, today = c
    distinct = {d for d in slips if start <= d <= today}
    stats = streak_stats(start, slips, today, ONE)
    assert stats.total_free == (today - start).days + 1 - len(distinct)
    assert stats.slip_days == len(distinct)


@given(counters(), st.sampled_from(list(DayConvention)))
def test_invariants(c: tuple[date, list[date], date], convention: DayConvention) -> None:
    start, slips, today = c
    stats = streak_stats(start, slips, today, convention)
    assert 0 <= stats.current <= stats.longest <= stats.total_free
    assert 0 <= stats.window_free <= stats.window_days <= 90
    assert stats.next_mark_on > today
    assert stats.current == count_on(stats.streak_start, today, convention)


@given(counters())
def test_day_one_is_day_zero_plus_one_when_today_is_free(c: tuple[date, list[date], date]) -> None:
    start, slips, today = c
    one = streak_stats(start, slips, today, ONE)
    zero = streak_stats(start, slips, today, ZERO)
    if today not in slips:
        assert one.current == zero.current + 1
        assert one.total_free == zero.total_free + 1
    else:
        assert one.current == zero.current == 0
    assert one.percent_free == zero.percent_free


@given(counters())
def test_without_slips_every_number_agrees(c: tuple[date, list[date], date]) -> None:
    start, _slips, today = c
    stats = streak_stats(start, [], today, ONE)
    assert stats.current == stats.longest == stats.total_free == (today - start).days + 1
