"""The therapist summary's numbers, read with plain SQL on a read snapshot of the journal.

Each function takes the DB-API connection of :meth:`JournalSession.reading` and a period, and
returns the plain values of :mod:`recovery_journal.domain.report`. Entries in the trash never
count. Days are the local days the person meant (``local_date``); averages of mood and sleep are
means of daily means, so a day with three entries weighs as much as a day with one.

The small facts the summary remembers (the end of the last summary's period, the days the safety
plan was opened through "I need help now") live in the ``meta`` key/value table.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from recovery_journal.domain.report import (
    LOW_MOOD,
    Counted,
    Dated,
    DayMood,
    EntryRef,
    Excerpt,
    KeyNumbers,
    MoodNumbers,
    Period,
    SafetyNumbers,
    SleepNumbers,
    StrategyHelp,
)
from recovery_journal.domain.support import SafetyStep
from recovery_journal.domain.tracking import WarningStage
from recovery_journal.storage.database import DBAPIConnection

LAST_SUMMARY_KEY = "report.last_summary_end"
SAFETY_PLAN_OPENED_KEY = "report.safety_plan_opened_days"
MAX_LISTED = 8  # dated lines on page 1 (crisis signs, slips); the rest is "and N more"
KEPT_OPENED_DAYS = 4000

_LIVE = "deleted_utc IS NULL AND local_date BETWEEN :start AND :end"


def _p(period: Period) -> dict[str, Any]:
    return {"start": period.start.isoformat(), "end": period.end.isoformat()}


def _one(conn: DBAPIConnection, sql: str, params: dict[str, Any]) -> tuple[Any, ...]:
    return tuple(conn.execute(sql, params).fetchone())


_DAILY = (
    "SELECT local_date, avg(mood), min(mood), max(mood), avg(sleep_hours) FROM entries "
    f"WHERE {_LIVE} GROUP BY local_date ORDER BY local_date"
)


@dataclass(frozen=True, slots=True)
class Days:
    """A period's entries day by day, read in one pass: what the daily numbers are made of."""

    written: int  # days with at least one entry
    moods: tuple[DayMood, ...]  # days with a mood rating
    sleep: dict[date, float]  # mean hours on the days that have them


def days_of(conn: DBAPIConnection, period: Period) -> Days:
    rows = conn.execute(_DAILY, _p(period)).fetchall()
    moods = tuple(
        DayMood(date.fromisoformat(r[0]), float(r[1]), int(r[2]), int(r[3]))
        for r in rows
        if r[1] is not None
    )
    sleep = {date.fromisoformat(r[0]): float(r[4]) for r in rows if r[4] is not None}
    return Days(len(rows), moods, sleep)


def mood_numbers(days: tuple[DayMood, ...]) -> MoodNumbers:
    """From the daily moods of :func:`mood_days` (one pass over the entries serves all)."""
    if not days:
        return MoodNumbers(0, None, None, None, 0)
    return MoodNumbers(
        days=len(days),
        mean=sum(d.mean for d in days) / len(days),
        lowest=min(d.low for d in days),
        highest=max(d.high for d in days),
        low_days=sum(d.mean <= LOW_MOOD for d in days),
    )


def sleep_numbers(days: Days) -> SleepNumbers:
    hours = list(days.sleep.values())
    return SleepNumbers(len(hours), sum(hours) / len(hours) if hours else None)


def _trigger_numbers(conn: DBAPIConnection, period: Period) -> tuple[int, tuple[Counted, ...]]:
    rows = conn.execute(
        "SELECT t.category, count(*) AS n FROM trigger_events e JOIN triggers t "
        "ON t.id = e.trigger_id WHERE e.local_date BETWEEN :start AND :end "
        "GROUP BY t.category ORDER BY n DESC, t.category",
        _p(period),
    ).fetchall()
    total = sum(int(r[1]) for r in rows)
    return total, tuple(Counted(str(r[0]), int(r[1])) for r in rows)


def warning_days(conn: DBAPIConnection, period: Period) -> tuple[Counted, ...]:
    """Days with at least one warning sign of each stage (every stage, in order)."""
    rows = conn.execute(
        "SELECT s.stage, count(DISTINCT o.local_date) FROM warning_sign_observations o "
        "JOIN warning_signs s ON s.id = o.sign_id WHERE o.local_date BETWEEN :start AND :end "
        "GROUP BY s.stage",
        _p(period),
    ).fetchall()
    found = {str(r[0]): int(r[1]) for r in rows}
    return tuple(Counted(stage.value, found.get(stage.value, 0)) for stage in WarningStage)


def _coping_uses(conn: DBAPIConnection, period: Period) -> int:
    (uses,) = _one(
        conn,
        "SELECT count(*) FROM coping_uses WHERE local_date BETWEEN :start AND :end",
        _p(period),
    )
    return int(uses)


def key_numbers(
    conn: DBAPIConnection,
    period: Period,
    days: Days | None = None,
    helped: tuple[StrategyHelp, ...] = (),
) -> KeyNumbers:
    """The period's numbers; ``days``: its :func:`days_of`, when already read; ``helped``: the
    strategies that helped most (from the coping chart's series, see services/report.py)."""
    events, categories = _trigger_numbers(conn, period)
    daily = days_of(conn, period) if days is None else days
    return KeyNumbers(
        mood=mood_numbers(daily.moods),
        sleep=sleep_numbers(daily),
        trigger_events=events,
        trigger_categories=categories,
        warning_days=warning_days(conn, period),
        coping_uses=_coping_uses(conn, period),
        helped_most=helped,
    )


def _dated(conn: DBAPIConnection, sql: str, period: Period) -> tuple[Dated, ...]:
    rows = conn.execute(sql, _p(period)).fetchall()
    return tuple(Dated(date.fromisoformat(str(r[0])[:10]), str(r[1])) for r in rows)


def crisis_signs(conn: DBAPIConnection, period: Period) -> tuple[Dated, ...]:
    return _dated(
        conn,
        "SELECT o.local_date, s.name FROM warning_sign_observations o JOIN warning_signs s "
        f"ON s.id = o.sign_id WHERE s.stage = '{WarningStage.CRISIS.value}' "
        "AND o.local_date BETWEEN :start AND :end ORDER BY o.local_date, o.id",
        period,
    )


def slips(conn: DBAPIConnection, period: Period) -> tuple[Dated, ...]:
    return _dated(
        conn,
        "SELECT s.local_date, c.title FROM counter_slips s JOIN counters c ON c.id = s.counter_id "
        "WHERE s.local_date BETWEEN :start AND :end ORDER BY s.local_date, s.id",
        period,
    )


def milestones(conn: DBAPIConnection, period: Period) -> tuple[Dated, ...]:
    return _dated(
        conn,
        "SELECT local_date, title FROM milestones WHERE local_date BETWEEN :start AND :end "
        "ORDER BY local_date, id",
        period,
    )


def goals_reached(conn: DBAPIConnection, period: Period) -> tuple[Dated, ...]:
    """Goals completed in the period (by the UTC day they were marked done)."""
    return _dated(
        conn,
        "SELECT completed_utc, title FROM goals WHERE completed_utc IS NOT NULL "
        "AND substr(completed_utc, 1, 10) BETWEEN :start AND :end ORDER BY completed_utc",
        period,
    )


def entry_refs(
    conn: DBAPIConnection, period: Period, *, flagged_only: bool
) -> tuple[EntryRef, ...]:
    """Entries of the period without their text, oldest first."""
    flag = "AND bring_to_therapy = 1" if flagged_only else ""
    rows = conn.execute(
        f"SELECT id, local_date, title, bring_to_therapy FROM entries WHERE {_LIVE} {flag} "
        "ORDER BY local_date, id",
        _p(period),
    ).fetchall()
    return tuple(EntryRef(int(r[0]), date.fromisoformat(r[1]), str(r[2]), bool(r[3])) for r in rows)


def excerpts(conn: DBAPIConnection, period: Period, ids: frozenset[int]) -> tuple[Excerpt, ...]:
    """The text of just these entries, if they are in the period and not in the trash."""
    if not ids:
        return ()
    rows = conn.execute(
        "SELECT id, local_date, title, body, mood, bring_to_therapy FROM entries "
        f"WHERE {_LIVE} AND id IN (SELECT value FROM json_each(:ids)) ORDER BY local_date, id",
        {**_p(period), "ids": json.dumps(sorted(ids))},
    ).fetchall()
    return tuple(
        Excerpt(int(r[0]), date.fromisoformat(r[1]), str(r[2]), str(r[3]), r[4], bool(r[5]))
        for r in rows
    )


def safety_plan(conn: DBAPIConnection) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The current safety plan's lines by step code (steps in their stored order)."""
    rows = conn.execute("SELECT step, text FROM safety_plan_items ORDER BY position, id")
    by_step: dict[str, list[str]] = {}
    for step, line in rows:
        by_step.setdefault(str(step), []).append(str(line))
    order = [step.value for step in SafetyStep]
    return tuple((step, tuple(by_step[step])) for step in order if step in by_step)


# ---------------------------------------------------------------- remembered facts (meta)


def get_meta(conn: DBAPIConnection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key = :k", {"k": key}).fetchone()
    return None if row is None else str(row[0])


def safety_plan_opened(conn: DBAPIConnection, period: Period) -> tuple[date, ...]:
    stored = get_meta(conn, SAFETY_PLAN_OPENED_KEY)
    days = [date.fromisoformat(d) for d in json.loads(stored)] if stored else []
    return tuple(d for d in days if d in period)


def safety_numbers(conn: DBAPIConnection, period: Period) -> SafetyNumbers:
    return SafetyNumbers(
        crisis_signs(conn, period), safety_plan_opened(conn, period), slips(conn, period)
    )


def opened_days_with(stored: str | None, day: date) -> str:
    """The stored list of safety-plan days with ``day`` added (once; the newest kept)."""
    days = set(json.loads(stored)) if stored else set()
    days.add(day.isoformat())
    return json.dumps(sorted(days)[-KEPT_OPENED_DAYS:])


def remember(session: Session, key: str, value: str) -> None:
    """Set a ``meta`` fact inside the caller's transaction."""
    session.execute(
        text(
            "INSERT INTO meta (key, value) VALUES (:k, :v) "
            "ON CONFLICT(key) DO UPDATE SET value = :v"
        ),
        {"k": key, "v": value},
    )


def recall(session: Session, key: str) -> str | None:
    """A ``meta`` fact read inside the caller's transaction."""
    row = session.execute(text("SELECT value FROM meta WHERE key = :k"), {"k": key}).first()
    return None if row is None else str(row[0])


def note_safety_plan_opened(session: Session, day: date) -> None:
    remember(
        session,
        SAFETY_PLAN_OPENED_KEY,
        opened_days_with(recall(session, SAFETY_PLAN_OPENED_KEY), day),
    )
