"""The numbers of each day for the daily CSV export, straight from SQL.

One row per day that has anything recorded: live entries' mood (mean, min, max), anxiety,
energy and sleep means, and the counts of trigger events, coping uses and warning-sign
observations by stage. Four grouped queries merged by day (one query joining the four groupings
made SQLite re-scan them: ~0.9 s for ten years instead of ~0.05). Plain values out.
"""

from __future__ import annotations

from typing import Any

from recovery_journal.storage.database import DBAPIConnection

_ENTRIES = """
SELECT local_date, count(*), round(avg(mood), 2), min(mood), max(mood),
       round(avg(anxiety), 2), round(avg(energy), 2), round(avg(sleep_hours), 2),
       round(avg(sleep_quality), 2)
FROM entries WHERE deleted_utc IS NULL GROUP BY local_date
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


def daily_rows(conn: DBAPIConnection) -> list[dict[str, Any]]:
    """Every day with something recorded, oldest first, as column name → value."""
    days: dict[str, dict[str, Any]] = {}

    def day(key: str) -> dict[str, Any]:
        return days.setdefault(key, {"date": key, **_EMPTY_DAY})

    for local_date, *values in conn.execute(_ENTRIES):
        day(local_date).update(zip(_ENTRY_COLUMNS, values, strict=True))
    for column, sql in _COUNTS.items():
        for local_date, count in conn.execute(sql):
            day(local_date)[column] = count
    for local_date, stage, count in conn.execute(_SIGNS):
        day(local_date)[f"warning_signs_{stage}"] = count
    return [days[key] for key in sorted(days)]
