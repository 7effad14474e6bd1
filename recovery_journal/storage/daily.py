"""The numbers of each day for the daily CSV export, straight from SQL.

One row per day that has anything recorded: live entries' mood (mean, min, max), anxiety,
energy and sleep means, and the counts of trigger events, coping uses and warning-sign
observations by stage. Four queries merged by day (one query joining the four groupings made
SQLite re-scan them: ~0.9 s for ten years instead of ~0.05). Plain values out.

The entries' numbers are read as plain rows from the covering index ``ix_entries_live_day_numbers``
and averaged here, not with ``GROUP BY … round(avg(…), 2)``: under ``cipher_memory_security = ON``
SQLCipher wipes every heap allocation SQLite makes, and each ``round()`` allocates (it formats
the number), which made that one query take ~0.3 s for ten years; the rows alone take ~5 ms.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal
from itertools import groupby
from math import fsum
from operator import itemgetter
from typing import Any

from recovery_journal.storage.database import DBAPIConnection

_ENTRIES = """
SELECT local_date, mood, anxiety, energy, sleep_hours, sleep_quality
FROM entries WHERE deleted_utc IS NULL ORDER BY local_date
"""
_ENTRY_COLUMNS = (
    "entries",
    "mood_mean",
    "mood_min",
    "mood_max",
    "anxiety_mean",
    "energy_mean",
    "sleep_hours_mean",
    "sleep_quality_mean",
)
_COUNTS = {
    "trigger_events": "SELECT local_date, count(*) FROM trigger_events GROUP BY local_date",
    "coping_uses": "SELECT local_date, count(*) FROM coping_uses GROUP BY local_date",
}
_SIGNS = """
SELECT o.local_date, s.stage, count(*) FROM warning_sign_observations o
JOIN warning_signs s ON s.id = o.sign_id GROUP BY o.local_date, s.stage
"""
_EMPTY_DAY: dict[str, Any] = {
    **dict.fromkeys(_ENTRY_COLUMNS),
    "entries": 0,
    "trigger_events": 0,
    "coping_uses": 0,
    "warning_signs_early": 0,
    "warning_signs_breaking_down": 0,
    "warning_signs_crisis": 0,
}


_CENT = Decimal("0.01")


def _mean(values: list[Any]) -> float | None:
    """The mean rounded to 2 places, halves away from zero (as SQLite's ``round``); None for
    no values."""
    if not values:
        return None
    if len(values) == 1 and isinstance(values[0], int):
        return float(values[0])  # most days: one entry, whole numbers
    return float(Decimal(repr(fsum(values) / len(values))).quantize(_CENT, ROUND_HALF_UP))


def _entry_numbers(rows: Iterable[tuple[Any, ...]]) -> list[Any]:
    """One day's entries (mood, anxiety, energy, sleep hours, sleep quality) → the day's
    columns in the order of ``_ENTRY_COLUMNS``."""
    rows = list(rows)
    mood, anxiety, energy, hours, quality = (
        [v for v in column if v is not None] for column in zip(*rows, strict=True)
    )
    return [
        len(rows),
        _mean(mood),
        min(mood, default=None),
        max(mood, default=None),
        _mean(anxiety),
        _mean(energy),
        _mean(hours),
        _mean(quality),
    ]


def daily_rows(conn: DBAPIConnection) -> list[dict[str, Any]]:
    """Every day with something recorded, oldest first, as column name → value."""
    days: dict[str, dict[str, Any]] = {}

    def day(key: str) -> dict[str, Any]:
        return days.setdefault(key, {"date": key, **_EMPTY_DAY})

    for local_date, rows in groupby(conn.execute(_ENTRIES), key=itemgetter(0)):
        numbers = _entry_numbers(row[1:] for row in rows)
        day(local_date).update(zip(_ENTRY_COLUMNS, numbers, strict=True))
    for column, sql in _COUNTS.items():
        for local_date, count in conn.execute(sql):
            day(local_date)[column] = count
    for local_date, stage, count in conn.execute(_SIGNS):
        day(local_date)[f"warning_signs_{stage}"] = count
    return [days[key] for key in sorted(days)]
