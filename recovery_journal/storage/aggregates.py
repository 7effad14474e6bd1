"""The SQL behind Insights: per-day and per-week numbers, computed by SQLite, as domain series.

Every chart's data is a handful of ``GROUP BY`` queries (phases end where the next begins by a
window function) over the plain DB-API connection of a read snapshot — no ORM rows, no per-row
Python objects beyond the grouped results (the 7-day rolling mood is computed from the daily
rows, see ``_MOOD_SQL``). Dates are the stored ``YYYY-MM-DD`` text, so ranges and
groupings use the ``local_date`` indexes. Clock times (when in the day a trigger happened) are
stored in UTC and turned into local time by SQLite's ``localtime`` modifier, which uses the same
time zone as the rest of the app (the process's).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from recovery_journal.domain import statistics
from recovery_journal.domain.insights import (
    ROLLING_DAYS,
    CheckinDay,
    CheckinSeries,
    CopingSeries,
    CounterTrack,
    Marker,
    MoodDay,
    MoodSeries,
    Period,
    PhaseBand,
    ProgressSeries,
    Reflection,
    SignRow,
    StrategyDrop,
    Summary,
    TopTrigger,
    TriggerSeries,
    WarningSeries,
    buckets,
    free_runs,
    with_rolling_mean,
)
from recovery_journal.domain.tracking import WarningStage
from recovery_journal.storage.database import DBAPIConnection

_LIVE = "deleted_utc IS NULL"
_WEEK = "date({col}, '-' || ((CAST(strftime('%w', {col}) AS INTEGER) + 6) % 7) || ' days')"
_MONTH = "strftime('%Y-%m-01', {col})"
TOP_TRIGGERS = 8
STAGE_ORDER = tuple(stage.value for stage in WarningStage)  # early, breaking_down, crisis


def _range(period: Period, before: int = 0) -> dict[str, str]:
    return {
        "start": (period.start - timedelta(days=before)).isoformat(),
        "end": period.end.isoformat(),
    }


def _bucket_sql(period: Period, column: str) -> str:
    return (_MONTH if period.monthly else _WEEK).format(col=column)


def span(conn: DBAPIConnection) -> tuple[date, date] | None:
    """The first and last day anything was recorded on (entries and logs), or None."""
    row = conn.execute(
        f"SELECT min(d), max(d) FROM ("
        f" SELECT min(local_date) d FROM entries WHERE {_LIVE}"
        f" UNION ALL SELECT max(local_date) FROM entries WHERE {_LIVE}"
        " UNION ALL SELECT min(local_date) FROM trigger_events"
        " UNION ALL SELECT max(local_date) FROM trigger_events"
        " UNION ALL SELECT min(local_date) FROM coping_uses"
        " UNION ALL SELECT max(local_date) FROM coping_uses"
        " UNION ALL SELECT min(local_date) FROM warning_sign_observations"
        " UNION ALL SELECT max(local_date) FROM warning_sign_observations)"
    ).fetchone()
    if row is None or row[0] is None:
        return None
    return date.fromisoformat(row[0]), date.fromisoformat(row[1])


# ------------------------------------------------------------------ mood


# One group per day. The 7-day rolling mean is computed from these rows (domain.insights):
# as a window function it needed a sort of every day, and with SQLCipher's memory security on,
# each sorted row costs allocator system calls — three times the whole query (docs/BENCHMARKS.md).
_MOOD_SQL = f"""
SELECT local_date, min(mood), max(mood), avg(mood), count(mood)
FROM entries WHERE {_LIVE} AND mood IS NOT NULL AND local_date BETWEEN :start AND :end
GROUP BY local_date
"""


def mood_days(conn: DBAPIConnection, period: Period) -> tuple[MoodDay, ...]:
    rows = [
        (date.fromisoformat(r[0]), int(r[1]), int(r[2]), float(r[3]), int(r[4]))
        for r in conn.execute(_MOOD_SQL, _range(period, before=ROLLING_DAYS - 1))
    ]
    return with_rolling_mean(rows, period)


def mood_mean(conn: DBAPIConnection, period: Period) -> float | None:
    """Mean of the daily mean moods of ``period``."""
    row = conn.execute(
        f"SELECT avg(m) FROM (SELECT avg(mood) m FROM entries WHERE {_LIVE} AND mood IS NOT NULL"
        " AND local_date BETWEEN :start AND :end GROUP BY local_date)",
        _range(period),
    ).fetchone()
    return None if row[0] is None else float(row[0])


def daily_moods(conn: DBAPIConnection, period: Period) -> dict[date, float]:
    rows = conn.execute(
        f"SELECT local_date, avg(mood) FROM entries WHERE {_LIVE} AND mood IS NOT NULL"
        " AND local_date BETWEEN :start AND :end GROUP BY local_date",
        _range(period),
    )
    return {date.fromisoformat(r[0]): float(r[1]) for r in rows}


def phases(conn: DBAPIConnection, period: Period) -> tuple[PhaseBand, ...]:
    """Phases overlapping ``period``, each ending the day before the next begins (clipped)."""
    rows = conn.execute(
        "SELECT name, start_date, lead(start_date) OVER (ORDER BY start_date, id) FROM phases"
    ).fetchall()
    bands: list[PhaseBand] = []
    for name, start_text, next_text in rows:
        start = date.fromisoformat(start_text)
        end = date.fromisoformat(next_text) - timedelta(days=1) if next_text else period.end
        if start <= period.end and end >= period.start and start <= end:
            bands.append(PhaseBand(name, max(start, period.start), min(end, period.end)))
    return tuple(bands)


def markers(conn: DBAPIConnection, period: Period) -> tuple[Marker, ...]:
    """Milestones, slips (of counters still kept) and completed goals inside ``period``."""
    rows = conn.execute(
        "SELECT local_date, title, 'milestone' FROM milestones"
        " WHERE local_date BETWEEN :start AND :end"
        " UNION ALL SELECT DISTINCT s.local_date, c.title, 'slip' FROM counter_slips s"
        " JOIN counters c ON c.id = s.counter_id"
        " WHERE c.archived_utc IS NULL AND s.local_date BETWEEN :start AND :end"
        " UNION ALL SELECT date(completed_utc, 'localtime'), title, 'goal' FROM goals"
        " WHERE completed_utc IS NOT NULL AND archived_utc IS NULL"
        " AND date(completed_utc, 'localtime') BETWEEN :start AND :end"
        " ORDER BY 1, 3, 2",
        _range(period),
    )
    return tuple(Marker(date.fromisoformat(r[0]), str(r[1]), str(r[2])) for r in rows)


def mood(conn: DBAPIConnection, period: Period) -> MoodSeries:
    return MoodSeries(
        period,
        mood_days(conn, period),
        mood_mean(conn, period.previous()),
        phases(conn, period),
        markers(conn, period),
    )


def checkins(conn: DBAPIConnection, period: Period) -> CheckinSeries:
    rows = conn.execute(
        "SELECT local_date, avg(anxiety), avg(energy), avg(sleep_hours), avg(sleep_quality)"
        f" FROM entries WHERE {_LIVE} AND local_date BETWEEN :start AND :end"
        " AND coalesce(anxiety, energy, sleep_hours, sleep_quality) IS NOT NULL"
        " GROUP BY local_date ORDER BY local_date",
        _range(period),
    )
    return CheckinSeries(period, tuple(CheckinDay(date.fromisoformat(r[0]), *r[1:]) for r in rows))


# ------------------------------------------------------------------ triggers, warning signs


def triggers(conn: DBAPIConnection, period: Period) -> TriggerSeries:
    slots = buckets(period)
    index = {b: i for i, b in enumerate(slots)}
    bucket = _bucket_sql(period, "e.local_date")
    counts: dict[str, list[int]] = defaultdict(lambda: [0] * len(slots))
    intensity_sum = [0.0] * len(slots)
    intensity_n = [0] * len(slots)
    for start, category, n, total in conn.execute(
        f"SELECT {bucket}, t.category, count(*), sum(e.intensity) FROM trigger_events e"
        " JOIN triggers t ON t.id = e.trigger_id WHERE e.local_date BETWEEN :start AND :end"
        " GROUP BY 1, 2 ORDER BY 2",
        _range(period),
    ):
        i = index[date.fromisoformat(start)]
        counts[category][i] = int(n)
        intensity_sum[i] += float(total)
        intensity_n[i] += int(n)
    top = tuple(
        TopTrigger(r[0], r[1], int(r[2]), float(r[3]), date.fromisoformat(r[4]))
        for r in conn.execute(
            "SELECT t.name, t.category, count(*), avg(e.intensity), max(e.local_date)"
            " FROM trigger_events e JOIN triggers t ON t.id = e.trigger_id"
            " WHERE e.local_date BETWEEN :start AND :end GROUP BY t.id"
            f" ORDER BY count(*) DESC, t.name LIMIT {TOP_TRIGGERS}",
            _range(period),
        )
    )
    heat = [[0] * 4 for _ in range(7)]
    for weekday, quarter, n in conn.execute(
        # The weekday from the stored local day; only the hour needs the (slow) localtime.
        "SELECT (CAST(strftime('%w', local_date) AS INTEGER) + 6) % 7,"
        " CAST(strftime('%H', occurred_utc, 'localtime') AS INTEGER) / 6, count(*)"
        " FROM trigger_events WHERE local_date BETWEEN :start AND :end GROUP BY 1, 2",
        _range(period),
    ):
        heat[int(weekday)][int(quarter)] = int(n)
    return TriggerSeries(
        period,
        slots,
        {c: tuple(v) for c, v in counts.items()},
        tuple(s / n if n else None for s, n in zip(intensity_sum, intensity_n, strict=True)),
        top,
        tuple(tuple(row) for row in heat),
    )


def warning_signs(conn: DBAPIConnection, period: Period) -> WarningSeries:
    slots = buckets(period)
    index = {b: i for i, b in enumerate(slots)}
    bucket = _bucket_sql(period, "o.local_date")
    found: dict[tuple[int, str, str], list[int]] = {}
    for sign_id, name, stage, start, days in conn.execute(
        f"SELECT s.id, s.name, s.stage, {bucket}, count(DISTINCT o.local_date)"
        " FROM warning_sign_observations o JOIN warning_signs s ON s.id = o.sign_id"
        " WHERE o.local_date BETWEEN :start AND :end GROUP BY s.id, 4",
        _range(period),
    ):
        row = found.setdefault((sign_id, name, stage), [0] * len(slots))
        row[index[date.fromisoformat(start)]] = int(days)
    ordered = sorted(
        found.items(),
        key=lambda kv: (_stage_rank(kv[0][2]), kv[0][1].casefold(), kv[0][0]),
    )
    return WarningSeries(period, slots, tuple(SignRow(k[1], k[2], tuple(v)) for k, v in ordered))


def _stage_rank(stage: str) -> int:
    return STAGE_ORDER.index(stage) if stage in STAGE_ORDER else len(STAGE_ORDER)


# ------------------------------------------------------------------ coping, progress


def coping(conn: DBAPIConnection, period: Period) -> CopingSeries:
    drops: dict[tuple[int, str], list[float]] = defaultdict(list)
    for strategy_id, name, drop in conn.execute(
        "SELECT s.id, s.name, u.distress_before - u.distress_after FROM coping_uses u"
        " JOIN coping_strategies s ON s.id = u.strategy_id"
        " WHERE u.local_date BETWEEN :start AND :end AND u.distress_before IS NOT NULL"
        " AND u.distress_after IS NOT NULL ORDER BY s.id, u.id",
        _range(period),
    ):
        drops[(strategy_id, name)].append(float(drop))
    drawn: list[StrategyDrop] = []
    not_enough: list[StrategyDrop] = []
    for (strategy_id, name), values in drops.items():
        if len(values) < statistics.MIN_USES:
            not_enough.append(StrategyDrop(name, len(values), None, None, None))
            continue
        found = statistics.bootstrap_mean(values, f"coping\x00{strategy_id}")
        drawn.append(StrategyDrop(name, len(values), found.estimate, found.low, found.high))
    drawn.sort(key=lambda s: (-(s.mean_drop or 0.0), -s.n, s.name.casefold()))
    not_enough.sort(key=lambda s: s.name.casefold())
    return CopingSeries(period, tuple(drawn), tuple(not_enough))


def progress(conn: DBAPIConnection, period: Period) -> ProgressSeries:
    slips: dict[int, list[date]] = defaultdict(list)
    for counter_id, day in conn.execute(
        "SELECT DISTINCT counter_id, local_date FROM counter_slips WHERE local_date <= :end"
        " ORDER BY counter_id, local_date",
        _range(period),
    ):
        slips[counter_id].append(date.fromisoformat(day))
    tracks: list[CounterTrack] = []
    for counter_id, title, start_text in conn.execute(
        "SELECT id, title, start_date FROM counters WHERE archived_utc IS NULL"
        " AND start_date <= :end ORDER BY start_date, id",
        _range(period),
    ):
        start = date.fromisoformat(start_text)
        runs = free_runs(start, slips.get(counter_id, []), period)
        inside = tuple(d for d in slips.get(counter_id, []) if d in period and d >= start)
        tracks.append(CounterTrack(title, start, runs, inside))
    found = tuple(m for m in markers(conn, period) if m.kind != "slip")
    return ProgressSeries(period, tuple(tracks), found, phases(conn, period))


# ------------------------------------------------------------------ the insights numbers


def summary(conn: DBAPIConnection, period: Period) -> Summary:
    args = _range(period)
    days, low, high = conn.execute(
        f"SELECT count(DISTINCT local_date), min(mood), max(mood) FROM entries WHERE {_LIVE}"
        " AND local_date BETWEEN :start AND :end",
        args,
    ).fetchone()
    (events,) = conn.execute(
        "SELECT count(*) FROM trigger_events WHERE local_date BETWEEN :start AND :end", args
    ).fetchone()
    (uses,) = conn.execute(
        "SELECT count(*) FROM coping_uses WHERE local_date BETWEEN :start AND :end", args
    ).fetchone()
    (sign_days,) = conn.execute(
        "SELECT count(DISTINCT local_date) FROM warning_sign_observations"
        " WHERE local_date BETWEEN :start AND :end",
        args,
    ).fetchone()
    return Summary(
        int(days), mood_mean(conn, period), low, high, int(events), int(uses), int(sign_days)
    )


SLEEP_FACTOR = "sleep under 6 hours"
MEETING_FACTOR = "peer meeting"

# Each part de-duplicates itself and the parts are simply concatenated: a UNION of the six
# (which sorts and merges text across all of them) took 25 times longer on a ten-year journal.
_FACTOR_PARTS = (
    "SELECT DISTINCT 'tag', t.name, e.local_date FROM entries e"
    " JOIN entry_tags et ON et.entry_id = e.id JOIN tags t ON t.id = et.tag_id"
    f" WHERE e.{_LIVE} AND e.local_date BETWEEN :start AND :end",
    "SELECT DISTINCT 'trigger-category', t.category, e.local_date FROM trigger_events e"
    " JOIN triggers t ON t.id = e.trigger_id WHERE e.local_date BETWEEN :start AND :end",
    "SELECT DISTINCT 'coping', s.name, u.local_date FROM coping_uses u"
    " JOIN coping_strategies s ON s.id = u.strategy_id WHERE u.local_date BETWEEN :start AND :end",
    f"SELECT DISTINCT 'sleep', '{SLEEP_FACTOR}', local_date FROM entries"
    f" WHERE {_LIVE} AND sleep_hours < 6 AND local_date BETWEEN :start AND :end",
    f"SELECT DISTINCT 'meeting', '{MEETING_FACTOR}', local_date FROM peer_meetings"
    " WHERE local_date BETWEEN :start AND :end",
    "SELECT DISTINCT 'warning-stage', s.stage, o.local_date FROM warning_sign_observations o"
    " JOIN warning_signs s ON s.id = o.sign_id WHERE o.local_date BETWEEN :start AND :end",
)
_FACTORS_SQL = " UNION ALL ".join(_FACTOR_PARTS)


def factor_days(conn: DBAPIConnection, period: Period) -> dict[tuple[str, str], set[date]]:
    """The days each factor happened, from the day before ``period`` (for lag 1) to its end."""
    found: dict[tuple[str, str], set[date]] = defaultdict(set)
    for kind, factor, day in conn.execute(_FACTORS_SQL, _range(period, before=1)):
        found[(kind, factor)].add(date.fromisoformat(day))
    return dict(found)


def reflection(conn: DBAPIConnection, week: Period) -> Reflection:
    args = _range(week)
    entries, days, low, high = conn.execute(
        f"SELECT count(*), count(DISTINCT local_date), min(mood), max(mood) FROM entries"
        f" WHERE {_LIVE} AND local_date BETWEEN :start AND :end",
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
