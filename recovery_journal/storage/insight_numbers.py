"""The numbers of ``recovery-journal insights`` and of the weekly reflection, by SQLite.

The days and moods of a period, the counts of what was logged, the days each pattern factor
happened, and "this week". Same rules as :mod:`recovery_journal.storage.aggregates` (narrow
rows from covering indexes, folded here; nothing sorted that grows with the journal), whose
helpers these share.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from itertools import groupby
from operator import itemgetter

from recovery_journal.domain.insights import Period, Reflection, Summary
from recovery_journal.storage.aggregates import LIVE, date_args, markers
from recovery_journal.storage.database import DBAPIConnection


def summary(conn: DBAPIConnection, period: Period) -> Summary:
    args = date_args(period)
    # The days and moods from the covering index in one pass (count(DISTINCT …) sorts).
    days = 0
    moods = []
    for _day, group in groupby(
        conn.execute(
            f"SELECT local_date, mood FROM entries WHERE {LIVE}"
            " AND local_date BETWEEN :start AND :end ORDER BY local_date",
            args,
        ),
        key=itemgetter(0),
    ):
        days += 1
        moods.append([int(m) for _d, m in group if m is not None])
    means = [sum(m) / len(m) for m in moods if m]
    low = min((min(m) for m in moods if m), default=None)
    high = max((max(m) for m in moods if m), default=None)
    (events,) = conn.execute(
        "SELECT count(*) FROM trigger_events WHERE local_date BETWEEN :start AND :end", args
    ).fetchone()
    (uses,) = conn.execute(
        "SELECT count(*) FROM coping_uses WHERE local_date BETWEEN :start AND :end", args
    ).fetchone()
    sign_days = len(
        set(
            conn.execute(
                "SELECT local_date FROM warning_sign_observations"
                " WHERE local_date BETWEEN :start AND :end",
                args,
            )
        )
    )
    return Summary(
        days,
        sum(means) / len(means) if means else None,
        low,
        high,
        int(events),
        int(uses),
        int(sign_days),
    )


SLEEP_FACTOR = "sleep under 6 hours"
MEETING_FACTOR = "peer meeting"

# The parts are simply concatenated and the days collected into sets in Python: a UNION of the
# six (which sorts and merges text across all of them) took 25 times longer on a ten-year
# journal, and even a DISTINCT per part sorts every row (a temporary B-tree each). Every part
# walks a covering index; the small name tables are joined by primary key.
_FACTOR_PARTS = (
    "SELECT 'tag', t.name, e.local_date FROM entries e"
    " JOIN entry_tags et ON et.entry_id = e.id JOIN tags t ON t.id = et.tag_id"
    f" WHERE e.{LIVE} AND e.local_date BETWEEN :start AND :end",
    "SELECT 'trigger-category', t.category, e.local_date FROM trigger_events e"
    " JOIN triggers t ON t.id = e.trigger_id WHERE e.local_date BETWEEN :start AND :end",
    "SELECT 'coping', s.name, u.local_date FROM coping_uses u"
    " JOIN coping_strategies s ON s.id = u.strategy_id WHERE u.local_date BETWEEN :start AND :end",
    f"SELECT 'sleep', '{SLEEP_FACTOR}', local_date FROM entries"
    f" WHERE {LIVE} AND sleep_hours < 6 AND local_date BETWEEN :start AND :end",
    f"SELECT 'meeting', '{MEETING_FACTOR}', local_date FROM peer_meetings"
    " WHERE local_date BETWEEN :start AND :end",
    "SELECT 'warning-stage', s.stage, o.local_date FROM warning_sign_observations o"
    " JOIN warning_signs s ON s.id = o.sign_id WHERE o.local_date BETWEEN :start AND :end",
)
_FACTORS_SQL = " UNION ALL ".join(_FACTOR_PARTS)


def factor_days(conn: DBAPIConnection, period: Period) -> dict[tuple[str, str], set[date]]:
    """The days each factor happened, from the day before ``period`` (for lag 1) to its end."""
    found: dict[tuple[str, str], set[date]] = defaultdict(set)
    days: dict[str, date] = {}
    for kind, factor, day in conn.execute(_FACTORS_SQL, date_args(period, before=1)):
        when = days.get(day)
        if when is None:
            when = days[day] = date.fromisoformat(day)
        found[(kind, factor)].add(when)
    return dict(found)


def reflection(conn: DBAPIConnection, week: Period) -> Reflection:
    args = date_args(week)
    entries, days, low, high = conn.execute(
        f"SELECT count(*), count(DISTINCT local_date), min(mood), max(mood) FROM entries"
        f" WHERE {LIVE} AND local_date BETWEEN :start AND :end",
        args,
    ).fetchone()
    events = [
        (str(name), int(n))
        for name, n in conn.execute(
            "SELECT t.name, count(*) FROM trigger_events e JOIN triggers t ON t.id = e.trigger_id"
            " WHERE e.local_date BETWEEN :start AND :end GROUP BY t.id"
            " ORDER BY count(*) DESC, t.name LIMIT 3",
            args,
        )
    ]
    (event_count,) = conn.execute(
        "SELECT count(*) FROM trigger_events WHERE local_date BETWEEN :start AND :end", args
    ).fetchone()
    helped = tuple(
        str(r[0])
        for r in conn.execute(
            "SELECT s.name FROM coping_uses u JOIN coping_strategies s ON s.id = u.strategy_id"
            " WHERE u.local_date BETWEEN :start AND :end GROUP BY s.id"
            " HAVING max(u.helpfulness) >= 4 OR max(u.distress_before - u.distress_after) > 0"
            " ORDER BY count(*) DESC, s.name LIMIT 3",
            args,
        )
    )
    milestones = tuple(m.label for m in markers(conn, week) if m.kind == "milestone")
    return Reflection(
        week,
        int(entries),
        int(days),
        low,
        high,
        int(event_count),
        tuple(name for name, _n in events),
        helped,
        milestones,
    )


def week_ending(day: date) -> Period:
    return Period(day - timedelta(days=6), day)
