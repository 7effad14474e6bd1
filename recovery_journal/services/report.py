"""The therapist summary's use cases: gather what the person chose to share, remember the last one.

:func:`gather` reads one snapshot of the journal (plain SQL in
:mod:`recovery_journal.storage.summary`) for the chosen period and the one before it, and returns
the report model (:class:`~recovery_journal.domain.report.SummaryData`). The charts' series, the
strategies that helped most and the called-out associations are the Insights page's own
(:mod:`recovery_journal.services.insights`, read on the same snapshot), so the summary and the
app never disagree. Entry text is read only for the entries the excerpt mode allows: the flagged
ones, or the ones the person ticked. No Qt, no ORM rows.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from recovery_journal.domain import insights as series
from recovery_journal.domain.report import (
    TOP_N,
    ChartSeries,
    EntryRef,
    ExcerptMode,
    KeyNumbers,
    Period,
    ReportOptions,
    Section,
    StrategyHelp,
    SummaryData,
    called_out,
)
from recovery_journal.services import insights
from recovery_journal.storage import summary
from recovery_journal.storage.database import DBAPIConnection

if TYPE_CHECKING:
    from recovery_journal.services.session import JournalSession

DEFAULT_DAYS = 30


def gather(session: JournalSession, options: ReportOptions, generated: date) -> SummaryData:
    """The report model for ``options``, read in one consistent snapshot."""
    period = options.period
    with session.reading() as conn:
        flagged = summary.entry_refs(conn, period, flagged_only=True)
        if options.excerpts is ExcerptMode.FLAGGED:
            wanted = frozenset(ref.entry_id for ref in flagged)
        elif options.excerpts is ExcerptMode.CHOSEN:
            wanted = options.chosen_ids
        else:
            wanted = frozenset()
        plan = summary.safety_plan(conn) if options.shows(Section.SAFETY_PLAN) else ()
        days = summary.days_of(conn, period)
        span = series.Period(period.start, period.end)
        coping: series.CopingSeries = insights.series(conn, "coping", span)
        found = (
            called_out(insights.associations_in(conn, span))
            if options.shows(Section.ASSOCIATIONS)
            else ()
        )
        return SummaryData(
            options=options,
            generated=generated,
            days_with_entry=days.written,
            current=summary.key_numbers(conn, period, days, helped_most(coping)),
            previous=_key_numbers(conn, period.previous()),
            safety=summary.safety_numbers(conn, period),
            flagged=flagged,
            excerpts=summary.excerpts(conn, period, wanted),
            milestones=summary.milestones(conn, period),
            goals_reached=summary.goals_reached(conn, period),
            associations=found,
            charts=_charts(conn, span, coping) if options.shows(Section.CHARTS) else None,
            safety_plan=plan,
        )


def helped_most(coping: series.CopingSeries) -> tuple[StrategyHelp, ...]:
    """The strategies with the largest mean drop in distress over ≥ 3 rated uses (the coping
    chart's own numbers, already in that order)."""
    return tuple(
        StrategyHelp(s.name, s.n, s.mean_drop)
        for s in coping.drawn[:TOP_N]
        if s.mean_drop is not None
    )


def _key_numbers(conn: DBAPIConnection, period: Period) -> KeyNumbers:
    """The numbers of another period, read the same way (the previous one, for "change")."""
    coping = insights.series(conn, "coping", series.Period(period.start, period.end))
    return summary.key_numbers(conn, period, helped=helped_most(coping))


def _charts(conn: DBAPIConnection, span: series.Period, coping: series.CopingSeries) -> ChartSeries:
    return ChartSeries(
        mood=insights.series(conn, "mood", span),
        triggers=insights.series(conn, "triggers", span),
        warning_signs=insights.series(conn, "warning-signs", span),
        coping=coping,
    )


def entries_to_choose(session: JournalSession, period: Period) -> list[EntryRef]:
    """Every entry of the period (date, title, flag; no text), for ticking excerpts."""
    with session.reading() as conn:
        return list(summary.entry_refs(conn, period, flagged_only=False))


def last_summary_end(session: JournalSession) -> date | None:
    """The last day of the period of the last summary saved from this journal."""
    with session.reading() as conn:
        stored = summary.get_meta(conn, summary.LAST_SUMMARY_KEY)
    return date.fromisoformat(stored) if stored else None


def remember_summary(session: JournalSession, period: Period) -> None:
    """Note that a summary up to ``period.end`` was saved (for "since the last summary")."""
    with session.transaction() as s:
        summary.remember(s, summary.LAST_SUMMARY_KEY, period.end.isoformat())


def since_last_summary(session: JournalSession, today: date) -> Period:
    """From the day after the last summary's period to today; the last 30 days without one."""
    last = last_summary_end(session)
    if last is None:
        return last_days(today, DEFAULT_DAYS)
    return since_last_end(last, today)


def since_last_end(last: date, today: date) -> Period:
    """From the day after ``last`` to today (just today when that is still ahead)."""
    return Period(min(last + timedelta(days=1), today), today)


def last_days(today: date, days: int) -> Period:
    return Period(today - timedelta(days=days - 1), today)


def note_safety_plan_opened(session: JournalSession, day: date) -> None:
    """Remember that the safety plan was opened ("I need help now") on ``day``."""
    with session.transaction() as s:
        summary.note_safety_plan_opened(s, day)
