"""The series behind the Insights charts: plain, immutable values, one kind per chart.

Storage computes them in SQL (:mod:`recovery_journal.storage.aggregates`); chart builders
(:mod:`recovery_journal.charts`) draw them; the same values feed the one-sentence summaries
(:mod:`recovery_journal.domain.insight_text`) and the therapist report. Codes, never display
words: a trigger category is ``"people"``, a warning stage ``"early"``.

Conventions shared by every series:

- A **period** is a closed range of local calendar days (both ends included).
- A day "has a mood" when at least one live entry of that day has a mood; its value is the mean
  of that day's moods. Days without data are simply absent from a series (charts draw them as
  gaps, never interpolated).
- Weekly buckets start on Monday; a period longer than :data:`MONTHLY_AFTER_DAYS` is bucketed by
  calendar month instead (its first day).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, timedelta

from recovery_journal.domain.chart_kinds import CHART_KINDS as CHART_KINDS  # re-exported
from recovery_journal.domain.measures import OUTCOME_KINDS, Measure, MeasureKind

MONTHLY_AFTER_DAYS = 366
"""Periods longer than a year count triggers and warning signs per month, not per week."""


@dataclass(frozen=True, slots=True)
class Period:
    """A closed range of local days, ``start`` ≤ ``end``."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError("a period ends on or after its start")

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def monthly(self) -> bool:
        return self.days > MONTHLY_AFTER_DAYS

    def previous(self) -> Period:
        """The period of the same length just before this one."""
        return Period(self.start - timedelta(days=self.days), self.start - timedelta(days=1))

    def each_day(self) -> list[date]:
        return [self.start + timedelta(days=i) for i in range(self.days)]

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end


def bucket_start(day: date, monthly: bool) -> date:
    """The Monday of ``day``'s week, or the first of its month."""
    return day.replace(day=1) if monthly else day - timedelta(days=day.weekday())


def buckets(period: Period) -> tuple[date, ...]:
    """Every bucket start touching ``period`` (weeks or months), in order."""
    found: list[date] = []
    current = bucket_start(period.start, period.monthly)
    while current <= period.end:
        found.append(current)
        if period.monthly:
            current = (current + timedelta(days=32)).replace(day=1)
        else:
            current += timedelta(days=7)
    return tuple(found)


@dataclass(frozen=True, slots=True)
class Marker:
    """A day to point at on a timeline: a milestone, a slip (a learning point), a finished goal."""

    day: date
    label: str
    kind: str = "milestone"
    """``"milestone"``, ``"slip"`` or ``"goal"``."""


@dataclass(frozen=True, slots=True)
class PhaseBand:
    """A named recovery phase, from its start to the day before the next one begins."""

    name: str
    start: date
    end: date


# ------------------------------------------------------------------ mood and calendar

ROLLING_DAYS = 7


@dataclass(frozen=True, slots=True)
class MoodDay:
    """One day's moods: lowest, highest, mean of ``n`` moods, and the 7-day rolling mean
    (mean of the daily means of the 7 calendar days ending on this one that have a mood)."""

    day: date
    low: int
    high: int
    mean: float
    n: int
    rolling: float


@dataclass(frozen=True, slots=True)
class MoodSeries:
    """Mood over a period, with what to mark on it; also the calendar's data."""

    period: Period
    days: tuple[MoodDay, ...]
    previous_mean: float | None = None
    """Mean of the daily means of :meth:`Period.previous` (None: no mood then)."""
    phases: tuple[PhaseBand, ...] = ()
    markers: tuple[Marker, ...] = ()

    @property
    def mean(self) -> float | None:
        return sum(d.mean for d in self.days) / len(self.days) if self.days else None


def with_rolling_mean(
    rows: list[tuple[date, int, int, float, int]], period: Period
) -> tuple[MoodDay, ...]:
    """Days of ``period`` (day, low, high, mean, n — in date order, starting up to six days
    before the period) with their 7-day rolling mean: the mean of the daily means of the
    :data:`ROLLING_DAYS` calendar days ending on each day, over the days that have a mood."""
    found: list[MoodDay] = []
    window: list[tuple[date, float]] = []
    for day, low, high, mean, n in rows:
        window.append((day, mean))
        while window[0][0] <= day - timedelta(days=ROLLING_DAYS):
            window.pop(0)
        if day >= period.start:
            rolling = math.fsum(m for _d, m in window) / len(window)
            found.append(MoodDay(day, low, high, mean, n, rolling))
    return tuple(found)


# ------------------------------------------------------------------ check-ins


@dataclass(frozen=True, slots=True)
class CheckinDay:
    """Daily means of the check-in measures (None: not recorded that day)."""

    day: date
    anxiety: float | None
    energy: float | None
    sleep_hours: float | None
    sleep_quality: float | None


@dataclass(frozen=True, slots=True)
class CheckinSeries:
    period: Period
    days: tuple[CheckinDay, ...]


# ------------------------------------------------------------------ triggers and warning signs


@dataclass(frozen=True, slots=True)
class TopTrigger:
    name: str
    category: str
    count: int
    mean_intensity: float
    last_seen: date


@dataclass(frozen=True, slots=True)
class TriggerSeries:
    """Trigger events per bucket, stacked by category, with the mean intensity per bucket;
    the most frequent triggers; and when they happen (``heat[weekday][quarter of day]``,
    Monday = 0; quarters: night 0–6 h, morning 6–12 h, afternoon 12–18 h, evening 18–24 h)."""

    period: Period
    buckets: tuple[date, ...]
    counts: dict[str, tuple[int, ...]]
    """Category code → one count per bucket (only categories that occurred)."""
    mean_intensity: tuple[float | None, ...]
    top: tuple[TopTrigger, ...] = ()
    heat: tuple[tuple[int, ...], ...] = field(default_factory=lambda: ((0,) * 4,) * 7)

    @property
    def total(self) -> int:
        return sum(sum(c) for c in self.counts.values())


@dataclass(frozen=True, slots=True)
class SignRow:
    name: str
    stage: str
    counts: tuple[int, ...]
    """Days observed, per bucket."""


@dataclass(frozen=True, slots=True)
class WarningSeries:
    """Each warning sign's observations per bucket, signs ordered by stage then name."""

    period: Period
    buckets: tuple[date, ...]
    signs: tuple[SignRow, ...]

    @property
    def total(self) -> int:
        return sum(sum(s.counts) for s in self.signs)


# ------------------------------------------------------------------ coping


@dataclass(frozen=True, slots=True)
class StrategyDrop:
    """Mean distress drop (before − after) over ``n`` rated uses with its 95 % interval
    (None below the minimum number of uses)."""

    name: str
    n: int
    mean_drop: float | None
    ci_low: float | None
    ci_high: float | None


@dataclass(frozen=True, slots=True)
class CopingSeries:
    period: Period
    drawn: tuple[StrategyDrop, ...]
    """Strategies with enough rated uses, largest mean drop first."""
    not_enough: tuple[StrategyDrop, ...]
    """Strategies with 1 or 2 rated uses: listed, not drawn."""


# ------------------------------------------------------------------ milestones and progress


@dataclass(frozen=True, slots=True)
class CounterTrack:
    """One counter inside the period: its streaks (free runs between slips) and slip days."""

    title: str
    start: date
    runs: tuple[tuple[date, date], ...]
    slips: tuple[date, ...]


@dataclass(frozen=True, slots=True)
class ProgressSeries:
    period: Period
    counters: tuple[CounterTrack, ...]
    markers: tuple[Marker, ...]
    """Milestones reached and goals completed in the period."""
    phases: tuple[PhaseBand, ...]


# ------------------------------------------------------------------ the numbers beside the charts


@dataclass(frozen=True, slots=True)
class Summary:
    """The counts of the ``insights`` command (``mood_mean``: mean of the daily means)."""

    days_with_entries: int
    mood_mean: float | None
    mood_min: int | None
    mood_max: int | None
    trigger_events: int
    coping_uses: int
    warning_sign_days: int


@dataclass(frozen=True, slots=True)
class Reflection:
    """'This week': the seven days ending on ``period.end`` — no count of days not written."""

    period: Period
    entries: int
    days_written: int
    mood_low: int | None
    mood_high: int | None
    trigger_events: int
    top_triggers: tuple[str, ...]
    helped: tuple[str, ...]
    """Strategies whose uses this week lowered distress or were rated helpful (4–5)."""
    milestones: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Outcome:
    """What the patterns compare on days with vs without each factor: the mood (the default), or
    one of the person's own 0–10 scales or numbers (``measure_id`` set; see
    :data:`~recovery_journal.domain.measures.OUTCOME_KINDS`). An outcome day is a day with a value;
    the journal doesn't know whether more is better (craving, drinks: less; money saved: more), so
    a measure's patterns are told as higher or lower, never as better or worse."""

    name: str = "mood"
    measure_id: int | None = None
    kind: MeasureKind | None = None
    unit: str = ""

    @property
    def is_mood(self) -> bool:
        return self.measure_id is None

    @classmethod
    def of(cls, measure: Measure) -> Outcome | None:
        """``measure`` as an outcome, or None for a kind that can't be one (a yes/no)."""
        if measure.kind not in OUTCOME_KINDS or measure.id is None:
            return None
        return cls(measure.name, measure.id, measure.kind, measure.unit)


MOOD = Outcome()
"""The default outcome: the mean of a day's moods."""


def free_runs(
    start: date, slips: list[date] | tuple[date, ...], period: Period
) -> tuple[tuple[date, date], ...]:
    """A counter's free runs (streaks) clipped to ``period``: from its start to the day before
    the first slip, from the day after each slip to the day before the next, the last one up to
    the end of the period. Slips before the start are ignored; empty runs are left out."""
    runs: list[tuple[date, date]] = []
    begin = start
    for slip in sorted({d for d in slips if d >= start}):
        runs.append((begin, slip - timedelta(days=1)))
        begin = slip + timedelta(days=1)
    runs.append((begin, period.end))
    clipped = ((max(a, period.start), min(b, period.end)) for a, b in runs)
    return tuple((a, b) for a, b in clipped if a <= b)
