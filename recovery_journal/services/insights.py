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
from recovery_journal.domain.insights import CHART_KINDS, Period, Reflection, Summary
from recovery_journal.domain.measures import MeasureKind
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


def associations_in(conn: DBAPIConnection, period: Period) -> tuple[Association, ...]:
    """Mood on days with vs without each factor (lag 0 and 1), only with ≥ 3 days a side."""
    moods = aggregates.daily_moods(conn, period)
    factors = insight_numbers.factor_days(conn, period)
    factors.update(measure_factors(conn, period))
    return tuple(statistics.associations(moods, factors))


_MEASURE_FACTOR_KINDS = {
    MeasureKind.SCALE: "measure-scale",
    MeasureKind.YES_NO: "measure-yes",
    MeasureKind.NUMBER: "measure-number",
}


def measure_factors(conn: DBAPIConnection, period: Period) -> dict[tuple[str, str], set[date]]:
    """Each own measure as a factor (archived ones too: their history still counts): the days
    of a yes, of a scale at 6 or more, of a number above 0 (:func:`measures.factor_days`)."""
    values = measure_reads.value_series(conn, period)
    found: dict[tuple[str, str], set[date]] = {}
    for measure in measure_reads.measures_on_read(conn):
        assert measure.id is not None  # read from the journal
        days = measures.factor_days(measure, values.get(measure.id, []))
        if days:
            found[(_MEASURE_FACTOR_KINDS[measure.kind], measure.name)] = days
    return found


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

    def associations(self, period: Period) -> tuple[Association, ...]:
        """Mood on days with vs without each factor (lag 0 and 1), only with ≥ 3 days a side."""
        with self._reading() as conn:
            return associations_in(conn, period)

    def report(self, period: Period) -> InsightsReport:
        return InsightsReport(period, self.summary(period), self.associations(period))

    def reflection(self, last_day: date | None = None) -> Reflection:
        """'This week': the seven days ending on ``last_day`` (today by default)."""
        with self._reading() as conn:
            return insight_numbers.reflection(
                conn, insight_numbers.week_ending(last_day or local_today())
            )
