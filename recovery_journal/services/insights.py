"""Insights use cases: the data for each chart, the summary numbers, the patterns, the week.

Reads only, through a plain read snapshot (``JournalSession.reading`` in the app,
``JournalReader`` on the command line: no ORM), with the SQL in
:mod:`recovery_journal.storage.aggregates` and the statistics in
:mod:`recovery_journal.domain.statistics`. No Qt, no matplotlib: the UI and the CLI draw.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import date
from typing import Any

from recovery_journal.domain import measures, statistics
from recovery_journal.domain.clock import local_today
from recovery_journal.domain.insights import (
    CHART_KINDS,
    MOOD,
    Outcome,
    Period,
    Reflection,
    Summary,
)
from recovery_journal.domain.measures import Measure, MeasureKind
from recovery_journal.domain.statistics import Association
from recovery_journal.storage import aggregates, insight_numbers, measure_reads
from recovery_journal.storage.database import DBAPIConnection

Reading = Callable[[], AbstractContextManager[DBAPIConnection]]

_LOADERS: dict[str, Callable[[DBAPIConnection, Period], Any]] = {
    "mood": aggregates.mood,
    "calendar": aggregates.mood,
    "triggers": aggregates.triggers,
    "warning-signs": aggregates.warning_signs,
    "coping": aggregates.coping,
    "milestones": aggregates.progress,
    "checkins": aggregates.checkins,
}
assert tuple(_LOADERS) == CHART_KINDS


class UnknownChartError(ValueError):
    """A chart kind that doesn't exist (a usage error on the command line)."""


class UnknownOutcomeError(ValueError):
    """No outcome by that name: neither ``mood`` nor exactly one own 0–10 scale or number (a
    usage error on the command line; the message carries no measure names)."""

    def __init__(self, matches: int) -> None:
        super().__init__(f"{matches} measures match")
        self.several = matches > 1


@dataclass(frozen=True, slots=True)
class InsightsReport:
    """What ``recovery-journal insights`` prints: the numbers and the patterns of a period."""

    period: Period
    summary: Summary
    associations: tuple[Association, ...]

    def to_json(self) -> dict[str, Any]:
        """The documented JSON shape (docs/INSIGHTS.md)."""
        s = self.summary
        return {
            "from": self.period.start.isoformat(),
            "to": self.period.end.isoformat(),
            "summary": {
                "days_with_entries": s.days_with_entries,
                "mood_mean": _round(s.mood_mean),
                "mood_min": s.mood_min,
                "mood_max": s.mood_max,
                "trigger_events": s.trigger_events,
                "coping_uses": s.coping_uses,
                "warning_sign_days": s.warning_sign_days,
            },
            "associations": [
                {
                    "factor": a.factor,
                    "kind": a.kind,
                    "outcome": a.outcome,
                    "lag_days": a.lag_days,
                    "n_with": a.n_with,
                    "n_without": a.n_without,
                    "mean_with": _round(a.mean_with),
                    "mean_without": _round(a.mean_without),
                    "difference": _round(a.difference),
                    "ci_low": _round(a.ci_low),
                    "ci_high": _round(a.ci_high),
                    "called_out": a.called_out,
                }
                for a in self.associations
            ],
        }


def series(conn: DBAPIConnection, kind: str, period: Period) -> Any:
    """The series one chart draws, read on an open snapshot (the therapist summary reads all of
    its numbers in one)."""
    loader = _LOADERS.get(kind)
    if loader is None:
        raise UnknownChartError(kind)
    return loader(conn, period)


def associations_in(
    conn: DBAPIConnection, period: Period, outcome: Outcome = MOOD
) -> tuple[Association, ...]:
    """The outcome (mood by default) on days with vs without each factor (lag 0 and 1), only
    with ≥ 3 days a side. An own measure as the outcome is left out of its own factors."""
    values = measure_reads.value_series(conn, period)
    if outcome.measure_id is None:
        days = aggregates.daily_moods(conn, period)
    else:
        days = {d: v for d, v in values.get(outcome.measure_id, []) if d in period}
    factors = insight_numbers.factor_days(conn, period)
    factors.update(
        _factors_of(measure_reads.measures_on_read(conn), values, leave_out=outcome.measure_id)
    )
    return tuple(statistics.associations(days, factors, outcome=outcome.name))


_MEASURE_FACTOR_KINDS = {
    MeasureKind.SCALE: "measure-scale",
    MeasureKind.YES_NO: "measure-yes",
    MeasureKind.NUMBER: "measure-number",
}


def measure_factors(conn: DBAPIConnection, period: Period) -> dict[tuple[str, str], set[date]]:
    """Each own measure as a factor (archived ones too: their history still counts): the days
    of a yes, of a scale at 6 or more, of a number above 0 (:func:`measures.factor_days`)."""
    values = measure_reads.value_series(conn, period)
    return _factors_of(measure_reads.measures_on_read(conn), values)


def _factors_of(
    found_measures: list[Measure],
    values: dict[int, list[tuple[date, float]]],
    leave_out: int | None = None,
) -> dict[tuple[str, str], set[date]]:
    found: dict[tuple[str, str], set[date]] = {}
    for measure in found_measures:
        assert measure.id is not None  # read from the journal
        if measure.id == leave_out:
            continue
        days = measures.factor_days(measure, values.get(measure.id, []))
        if days:
            found[(_MEASURE_FACTOR_KINDS[measure.kind], measure.name)] = days
    return found


def outcomes_in(conn: DBAPIConnection) -> tuple[Outcome, ...]:
    """Mood, then every own 0–10 scale and number in the check-in's order (archived ones too,
    like the factors: their history still counts)."""
    found = (Outcome.of(m) for m in measure_reads.measures_on_read(conn))
    return (MOOD, *(o for o in found if o is not None))


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


class InsightsService:
    """Charts' data and patterns of one unlocked journal (read-only)."""

    def __init__(self, reading: Reading) -> None:
        self._reading = reading

    def span(self) -> Period | None:
        """From the first to the last day anything was recorded on; None for an empty journal."""
        with self._reading() as conn:
            found = aggregates.span(conn)
        return None if found is None else Period(*found)

    def period(self, start: date | None = None, end: date | None = None) -> Period:
        """``start``–``end``; a missing end is the last day with data (or today), a missing
        start the first day with data (the whole journal)."""
        whole = self.span()
        last = end or (whole.end if whole else local_today())
        first = start or (whole.start if whole else last)
        return Period(min(first, last), max(first, last))

    def chart_data(self, kind: str, period: Period) -> Any:
        """The series one chart draws (``kind``: one of ``CHART_KINDS``)."""
        if kind not in _LOADERS:
            raise UnknownChartError(kind)
        with self._reading() as conn:
            return series(conn, kind, period)

    def summary(self, period: Period) -> Summary:
        with self._reading() as conn:
            return insight_numbers.summary(conn, period)

    def associations(self, period: Period, outcome: Outcome = MOOD) -> tuple[Association, ...]:
        """The outcome (mood by default) on days with vs without each factor (lag 0 and 1), only
        with ≥ 3 days a side."""
        with self._reading() as conn:
            return associations_in(conn, period, outcome)

    def outcomes(self) -> tuple[Outcome, ...]:
        """What the patterns can be about: mood, then the own 0–10 scales and numbers."""
        with self._reading() as conn:
            return outcomes_in(conn)

    def outcome_named(self, name: str) -> Outcome:
        """``mood``, or the one own scale or number called ``name`` (any letter case);
        :class:`UnknownOutcomeError` for none or several."""
        wanted = name.strip().casefold()
        if wanted == MOOD.name:
            return MOOD
        found = [o for o in self.outcomes() if not o.is_mood and o.name.casefold() == wanted]
        if len(found) != 1:
            raise UnknownOutcomeError(len(found))
        return found[0]

    def report(self, period: Period, outcome: Outcome = MOOD) -> InsightsReport:
        return InsightsReport(period, self.summary(period), self.associations(period, outcome))

    def reflection(self, last_day: date | None = None) -> Reflection:
        """'This week': the seven days ending on ``last_day`` (today by default)."""
        with self._reading() as conn:
            return insight_numbers.reflection(
                conn, insight_numbers.week_ending(last_day or local_today())
            )
