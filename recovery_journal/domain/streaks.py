"""Counter arithmetic: current and longest streak, total days free, the last 90 days, next mark.

A counter ("sober since", "self-harm free since", or the person's own) has a start date, a day
convention and slips. Slips are history, not failure: nothing is ever reset, every number is
derived from the start date and the slip days, and :func:`streak_stats` returns all of them.

Definitions (all on *local calendar dates*: the day the person meant, in this computer's time
zone; no clock times, so daylight-saving changes and travel never split or merge a day):

- A **run** is a stretch of free days. The first run begins on the start date; a slip day breaks
  the run it falls in and the next run begins the day after it. Several slips on one day count
  as one slip day.
- The **count** a run shows on a day depends on the convention. With ``DAY_ONE`` the first day of
  a run (the start date, or the day after a slip) is day 1: the count is the number of free days
  up to and including today. With ``DAY_ZERO`` that first day is day 0: the count is the number
  of *completed* free days (today is still in progress). On a slip day the count is 0 either way.
- **current**: today's count. **longest**: the largest count the counter ever showed, so it is
  never smaller than ``current``.
- **total free**: all days from the start to today that were not slip days (with ``DAY_ZERO``,
  completed days only: today is left out while it is in progress).
- **last 90 days**: of the last 90 calendar days up to and including today (or of the days since
  the start, if fewer), how many were free. This does not depend on the convention.
- Slips before the start date or after today are ignored here (a slip recorded for the future has
  not happened yet); :func:`check_slip_day` rejects them when one is recorded.
- A start date in the future gives zeros and no percentage until that day comes.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from recovery_journal.domain.progress import DayConvention
from recovery_journal.errors import ValidationError

WINDOW_DAYS = 90
_ONE_DAY = timedelta(days=1)


def add_months(day: date, months: int) -> date:
    """``day`` moved by whole calendar months; the 29th–31st become the month's last day when
    the target month is shorter (29 Feb + 1 year = 28 Feb)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


@dataclass(frozen=True, slots=True)
class Mark:
    """A milestone length: a number of days, or of calendar months (6 months, 1 year, …)."""

    days: int = 0
    months: int = 0

    @property
    def key(self) -> str:
        return f"{self.months}m" if self.months else f"{self.days}d"

    @property
    def title(self) -> str:
        if self.months and self.months % 12 == 0:
            years = self.months // 12
            return f"{years} year" if years == 1 else f"{years} years"
        if self.months:
            return f"{self.months} months"
        if self.days == 1:
            return "1 day"
        if self.days == 7:
            return "1 week"
        return f"{self.days} days"

    def reached_on(self, run_start: date, convention: DayConvention) -> date:
        """The day a run that began on ``run_start`` first shows this mark.

        With ``DAY_ZERO`` a full span must be completed (30 days: ``run_start + 30``); with
        ``DAY_ONE`` the first day already counts, so every mark comes one day earlier.
        """
        if self.months:
            end = add_months(run_start, self.months)
        else:
            end = run_start + timedelta(days=self.days)
        return end - _ONE_DAY if convention is DayConvention.DAY_ONE else end


FIXED_MARKS: tuple[Mark, ...] = (
    *(Mark(days=n) for n in (1, 7, 30, 60, 90)),
    Mark(months=6),
)


def marks() -> Iterator[Mark]:
    """1 day, 1 week, 30, 60 and 90 days, 6 months, 1 year, then every year (endless)."""
    yield from FIXED_MARKS
    years = 1
    while True:
        yield Mark(months=12 * years)
        years += 1


def marks_reached(run_start: date, last_day: date, convention: DayConvention) -> list[Mark]:
    """The marks a run beginning on ``run_start`` showed on or before ``last_day``."""
    found: list[Mark] = []
    for mark in marks():
        if mark.reached_on(run_start, convention) > last_day:
            return found
        found.append(mark)
    raise AssertionError("unreachable: marks() is endless")


def next_mark(run_start: date, today: date, convention: DayConvention) -> tuple[Mark, date]:
    """The first mark this run reaches after ``today``, and the day it does."""
    for mark in marks():
        when = mark.reached_on(run_start, convention)
        if when > today:
            return mark, when
    raise AssertionError("unreachable: marks() is endless")


def count_on(run_start: date, day: date, convention: DayConvention) -> int:
    """The number a run that began on ``run_start`` shows on ``day`` (0 before it began)."""
    if day < run_start:
        return 0
    free = (day - run_start).days + 1
    return free if convention is DayConvention.DAY_ONE else free - 1


def counted_slips(start: date, slips: Iterable[date], today: date) -> list[date]:
    """The distinct slip days that count: on or after the start, not after today; in order."""
    return sorted({d for d in slips if start <= d <= today})


def check_slip_day(start: date, day: date, today: date) -> date:
    """Validate the day of a slip being recorded (ValidationError naming ``local_date``)."""
    if day < start:
        raise ValidationError(
            "local_date",
            "That day is before this counter's start date. If the start date should be earlier, "
            "you can edit the counter first.",
        )
    if day > today:
        raise ValidationError("local_date", "A slip can only be recorded for today or earlier.")
    return day


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of free days, ``first``..``last`` inclusive (empty when ``last < first``)."""

    first: date
    last: date


def runs(start: date, slips: Iterable[date], today: date) -> list[Run]:
    """Every run from the start to today, the current one last (it may be empty or future)."""
    days = counted_slips(start, slips, today)
    firsts = [start, *(d + _ONE_DAY for d in days)]
    lasts = [*(d - _ONE_DAY for d in days), today]
    return [Run(a, b) for a, b in zip(firsts, lasts, strict=True)]


@dataclass(frozen=True, slots=True)
class StreakStats:
    """Every number a counter card shows; nothing here is a verdict."""

    today: date
    convention: DayConvention
    streak_start: date  # first day of the current run (the day after a slip today: tomorrow)
    current: int
    longest: int
    total_free: int
    slip_days: int  # distinct slip days from the start to today
    last_slip: date | None
    window_days: int  # days in the last-90 window (fewer when the start is recent; 0 if future)
    window_free: int
    next_mark: Mark
    next_mark_on: date

    @property
    def started(self) -> bool:
        return self.window_days > 0

    @property
    def percent_free(self) -> float | None:
        """Free days in the window as a percentage, or None before the start date."""
        if self.window_days == 0:
            return None
        return 100.0 * self.window_free / self.window_days

    @property
    def days_to_next(self) -> int:
        return (self.next_mark_on - self.today).days


def streak_stats(
    start: date,
    slips: Iterable[date],
    today: date,
    convention: DayConvention = DayConvention.DAY_ONE,
) -> StreakStats:
    """All of a counter's numbers on ``today`` (see the module docstring for the definitions)."""
    slip_days = counted_slips(start, slips, today)
    all_runs = runs(start, slip_days, today)
    current_run = all_runs[-1]
    current = count_on(current_run.first, today, convention)
    longest = max(count_on(r.first, r.last, convention) for r in all_runs)
    started = start <= today
    total = (today - start).days + 1 - len(slip_days) if started else 0
    if convention is DayConvention.DAY_ZERO and started and today not in slip_days:
        total -= 1  # today is still in progress
    window_first = max(start, today - timedelta(days=WINDOW_DAYS - 1))
    window_days = max(0, (today - window_first).days + 1)
    window_free = window_days - sum(1 for d in slip_days if d >= window_first)
    mark, mark_on = next_mark(current_run.first, today, convention)
    return StreakStats(
        today=today,
        convention=convention,
        streak_start=current_run.first,
        current=current,
        longest=longest,
        total_free=total,
        slip_days=len(slip_days),
        last_slip=slip_days[-1] if slip_days else None,
        window_days=window_days,
        window_free=window_free,
        next_mark=mark,
        next_mark_on=mark_on,
    )
