"""The SQL behind Insights: per-day and per-week numbers, computed by SQLite, as domain series.

Every chart's data is a handful of ``GROUP BY`` queries (phases end where the next begins by a
window function) over the plain DB-API connection of a read snapshot — no ORM rows, no per-row
Python objects beyond the grouped results (the 7-day rolling mood is computed from the daily
rows, see ``_MOOD_SQL``). Dates are the stored ``YYYY-MM-DD`` text, so ranges and
groupings use the ``local_date`` indexes.

**Speed under SQLCipher's memory security** (``cipher_memory_security = ON``, DESIGN.md §3,
kept on). That setting locks and wipes every allocation SQLite makes; once a process has done
some work each one costs system calls, 20–60 µs. A temporary B-tree (a sort, ``DISTINCT``,
``GROUP BY`` out of index order) allocates per row, and even a ``GROUP BY`` that walks an index
in order allocates each aggregate's context once per group: the per-day check-in ``GROUP BY``
took 4 ms in a fresh process and 160–270 ms later in the same process, while reading the same
narrow rows took 3–7 ms throughout (docs/BENCHMARKS.md). So the per-day and per-week numbers
are read as narrow rows from covering indexes (schema version 5), in the index's (date) order,
and folded into days and weeks here: one pass over a few thousand tuples, no ORM, no wide
rows (the entries' text), no sort. Aggregates of a whole range (one group: ``count(*)``) stay
in SQL. ``EXPLAIN QUERY PLAN`` of the queries is checked in tests/storage/test_aggregate_plans.py.
The numbers of the ``insights`` command and the weekly reflection are in
:mod:`recovery_journal.storage.insight_numbers`.

Clock times (when in the day a trigger happened) are
stored in UTC and turned into local time by SQLite's ``localtime`` modifier, which uses the same
time zone as the rest of the app (the process's).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import date, datetime, timedelta
from itertools import groupby
from operator import itemgetter

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
    SignRow,
    StrategyDrop,
    TopTrigger,
    TriggerSeries,
    WarningSeries,
    bucket_start,
    buckets,
    free_runs,
    with_rolling_mean,
)
from recovery_journal.domain.tracking import WarningStage
from recovery_journal.storage.database import DBAPIConnection

LIVE = "deleted_utc IS NULL"
TOP_TRIGGERS = 8
STAGE_ORDER = tuple(stage.value for stage in WarningStage)  # early, breaking_down, crisis


def date_args(period: Period, before: int = 0) -> dict[str, str]:
    return {
        "start": (period.start - timedelta(days=before)).isoformat(),
        "end": period.end.isoformat(),
    }


class _BucketOf(dict[str, int]):
    """Stored day text → the index of its week or month in ``buckets(period)``, worked out for
    each day the first time it is asked for."""

    def __init__(self, period: Period) -> None:
        super().__init__()
        self._monthly = period.monthly
        self._slots = {b: i for i, b in enumerate(buckets(period))}

    def __missing__(self, day: str) -> int:
        found = self[day] = self._slots[bucket_start(date.fromisoformat(day), self._monthly)]
        return found


def span(conn: DBAPIConnection) -> tuple[date, date] | None:
    """The first and last day anything was recorded on (entries and logs), or None."""
    row = conn.execute(
        f"SELECT min(d), max(d) FROM ("
        f" SELECT min(local_date) d FROM entries WHERE {LIVE}"
        f" UNION ALL SELECT max(local_date) FROM entries WHERE {LIVE}"
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


# The moods of the range in day order, from the covering index (no table rows, no sort); the
# 7-day rolling mean is computed from the daily rows (domain.insights).
_MOOD_SQL = f"""
SELECT local_date, mood FROM entries
WHERE {LIVE} AND mood IS NOT NULL AND local_date BETWEEN :start AND :end ORDER BY local_date
"""


MoodDay_ = tuple[date, int, int, float, int]  # day, low, high, mean, n


def _per_day(rows: Iterable[tuple[str, int]]) -> Iterator[MoodDay_]:
    """(day, low, high, mean, n) of each day of ``rows`` (day text, mood), in date order."""
    for day, group in groupby(rows, key=itemgetter(0)):
        moods = [int(m) for _d, m in group]
        yield date.fromisoformat(day), min(moods), max(moods), sum(moods) / len(moods), len(moods)


def _days(conn: DBAPIConnection, period: Period, before: int = 0) -> list[MoodDay_]:
    return list(_per_day(conn.execute(_MOOD_SQL, date_args(period, before=before))))


def mood_days(conn: DBAPIConnection, period: Period) -> tuple[MoodDay, ...]:
    return with_rolling_mean(_days(conn, period, before=ROLLING_DAYS - 1), period)


def mood_mean(conn: DBAPIConnection, period: Period) -> float | None:
    """Mean of the daily mean moods of ``period``."""
    means = [mean for _d, _lo, _hi, mean, _n in _days(conn, period)]
    return sum(means) / len(means) if means else None


def daily_moods(conn: DBAPIConnection, period: Period) -> dict[date, float]:
    return {day: mean for day, _lo, _hi, mean, _n in _days(conn, period)}


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
        " UNION ALL SELECT s.local_date, c.title, 'slip' FROM counter_slips s"
        " JOIN counters c ON c.id = s.counter_id"
        " WHERE c.archived_utc IS NULL AND s.local_date BETWEEN :start AND :end"
        " UNION ALL SELECT date(completed_utc, 'localtime'), title, 'goal' FROM goals"
        " WHERE completed_utc IS NOT NULL AND archived_utc IS NULL"
        " AND date(completed_utc, 'localtime') BETWEEN :start AND :end",
        date_args(period),
    )
    # A few hundred rows at most, sorted here by day, kind, label (str order is SQLite's BINARY
    # collation); two slips of one counter on one day are one marker.
    found = [(str(r[0]), str(r[2]), str(r[1])) for r in rows]
    slips = {m for m in found if m[1] == "slip"}
    found = [m for m in found if m[1] != "slip"] + list(slips)
    return tuple(Marker(date.fromisoformat(d), label, kind) for d, kind, label in sorted(found))


def mood(conn: DBAPIConnection, period: Period) -> MoodSeries:
    return MoodSeries(
        period,
        mood_days(conn, period),
        mood_mean(conn, period.previous()),
        phases(conn, period),
        markers(conn, period),
    )


def _mean(values: Iterable[float | None]) -> float | None:
    found = [float(v) for v in values if v is not None]
    return sum(found) / len(found) if found else None


def checkins(conn: DBAPIConnection, period: Period) -> CheckinSeries:
    rows = conn.execute(
        "SELECT local_date, anxiety, energy, sleep_hours, sleep_quality"
        f" FROM entries WHERE {LIVE} AND local_date BETWEEN :start AND :end"
        " AND coalesce(anxiety, energy, sleep_hours, sleep_quality) IS NOT NULL"
        " ORDER BY local_date",
        date_args(period),
    )
    days = []
    for day, group in groupby(rows, key=itemgetter(0)):
        measures = list(zip(*(r[1:] for r in group), strict=True))
        days.append(CheckinDay(date.fromisoformat(day), *(_mean(m) for m in measures)))
    return CheckinSeries(period, tuple(days))


# ------------------------------------------------------------------ triggers, warning signs


def _quarter_of_day(occurred_utc: str) -> int:
    """0–3: the local night, morning, afternoon or evening of a stored UTC time (the process's
    time zone, as everywhere in the app)."""
    moment = datetime.fromisoformat(occurred_utc.replace("Z", "+00:00"))
    return moment.astimezone().hour // 6


def triggers(conn: DBAPIConnection, period: Period) -> TriggerSeries:
    slots = buckets(period)
    bucket_of = _BucketOf(period)
    names = {
        r[0]: (str(r[1]), str(r[2]))
        for r in conn.execute("SELECT id, name, category FROM triggers")
    }
    counts: dict[str, list[int]] = defaultdict(lambda: [0] * len(slots))
    intensity_sum = [0] * len(slots)
    intensity_n = [0] * len(slots)
    per_trigger: dict[int, list[int]] = {}  # id → [count, intensity sum]
    last_seen: dict[int, str] = {}
    heat = [[0] * 4 for _ in range(7)]
    for day, trigger_id, intensity, occurred in conn.execute(
        "SELECT local_date, trigger_id, intensity, occurred_utc FROM trigger_events"
        " WHERE local_date BETWEEN :start AND :end ORDER BY local_date",
        date_args(period),
    ):
        i = bucket_of[day]
        counts[names[trigger_id][1]][i] += 1
        intensity_sum[i] += int(intensity)
        intensity_n[i] += 1
        seen = per_trigger.setdefault(trigger_id, [0, 0])
        seen[0] += 1
        seen[1] += int(intensity)
        last_seen[trigger_id] = day  # rows come in date order
        # The weekday from the stored local day; the hour from the UTC time, in local time.
        heat[date.fromisoformat(day).weekday()][_quarter_of_day(occurred)] += 1
    ranked = sorted(per_trigger.items(), key=lambda kv: (-kv[1][0], names[kv[0]][0]))
    top = tuple(
        TopTrigger(*names[tid], n, total / n, date.fromisoformat(last_seen[tid]))
        for tid, (n, total) in ranked[:TOP_TRIGGERS]
    )
    return TriggerSeries(
        period,
        slots,
        {c: tuple(v) for c, v in sorted(counts.items())},
        tuple(s / n if n else None for s, n in zip(intensity_sum, intensity_n, strict=True)),
        top,
        tuple(tuple(row) for row in heat),
    )


def warning_signs(conn: DBAPIConnection, period: Period) -> WarningSeries:
    slots = buckets(period)
    bucket_of = _BucketOf(period)
    signs = {
        r[0]: (str(r[1]), str(r[2]))
        for r in conn.execute("SELECT id, name, stage FROM warning_signs")
    }
    found: dict[int, list[int]] = {}
    # The distinct (day, sign) pairs: the number of days a sign was seen in a week is then
    # the number of its pairs in that week.
    pairs = conn.execute(
        "SELECT local_date, sign_id FROM warning_sign_observations"
        " WHERE local_date BETWEEN :start AND :end",
        date_args(period),
    )
    for day, sign_id in set(pairs):
        found.setdefault(sign_id, [0] * len(slots))[bucket_of[day]] += 1
    ordered = sorted(
        found.items(),
        key=lambda kv: (_stage_rank(signs[kv[0]][1]), signs[kv[0]][0].casefold(), kv[0]),
    )
    return WarningSeries(period, slots, tuple(SignRow(*signs[k], tuple(v)) for k, v in ordered))


def _stage_rank(stage: str) -> int:
    return STAGE_ORDER.index(stage) if stage in STAGE_ORDER else len(STAGE_ORDER)


# ------------------------------------------------------------------ coping, progress


def coping(conn: DBAPIConnection, period: Period) -> CopingSeries:
    names = {r[0]: str(r[1]) for r in conn.execute("SELECT id, name FROM coping_strategies")}
    rated = sorted(  # by strategy, then in the order written (the bootstrap's seed relies on it)
        conn.execute(
            "SELECT strategy_id, id, distress_before - distress_after FROM coping_uses"
            " WHERE local_date BETWEEN :start AND :end AND distress_before IS NOT NULL"
            " AND distress_after IS NOT NULL",
            date_args(period),
        )
    )
    drops: dict[tuple[int, str], list[float]] = defaultdict(list)
    for strategy_id, _id, drop in rated:
        drops[(strategy_id, names[strategy_id])].append(float(drop))
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
        date_args(period),
    ):
        slips[counter_id].append(date.fromisoformat(day))
    tracks: list[CounterTrack] = []
    for counter_id, title, start_text in conn.execute(
        "SELECT id, title, start_date FROM counters WHERE archived_utc IS NULL"
        " AND start_date <= :end ORDER BY start_date, id",
        date_args(period),
    ):
        start = date.fromisoformat(start_text)
        runs = free_runs(start, slips.get(counter_id, []), period)
        inside = tuple(d for d in slips.get(counter_id, []) if d in period and d >= start)
        tracks.append(CounterTrack(title, start, runs, inside))
    found = tuple(m for m in markers(conn, period) if m.kind != "slip")
    return ProgressSeries(period, tuple(tracks), found, phases(conn, period))
