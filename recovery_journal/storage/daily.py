"""The numbers of each day for the daily CSV export, in one SQL query.

One row per day that has anything recorded: live entries' mood (mean, min, max), anxiety,
energy and sleep means, and the counts of trigger events, coping uses and warning-sign
observations by stage. Plain values out (no ORM rows, no domain objects): the exporter writes
them as they are.
"""

from __future__ import annotations

from typing import Any

from recovery_journal.storage.database import DBAPIConnection

_DAILY_SQL = """
WITH e AS (
    SELECT local_date AS day, count(*) AS entries,
           avg(mood) AS mood_mean, min(mood) AS mood_min, max(mood) AS mood_max,
           avg(anxiety) AS anxiety_mean, avg(energy) AS energy_mean,
           avg(sleep_hours) AS sleep_hours_mean, avg(sleep_quality) AS sleep_quality_mean
    FROM entries WHERE deleted_utc IS NULL GROUP BY local_date
), t AS (
    SELECT local_date AS day, count(*) AS n FROM trigger_events GROUP BY local_date
), c AS (
    SELECT local_date AS day, count(*) AS n FROM coping_uses GROUP BY local_date
), w AS (
    SELECT o.local_date AS day,
           sum(s.stage = 'early') AS early,
           sum(s.stage = 'breaking_down') AS breaking_down,
           sum(s.stage = 'crisis') AS crisis
    FROM warning_sign_observations o JOIN warning_signs s ON s.id = o.sign_id
    GROUP BY o.local_date
), days AS (
    SELECT day FROM e UNION SELECT day FROM t UNION SELECT day FROM c UNION SELECT day FROM w
)
SELECT days.day AS date, coalesce(e.entries, 0) AS entries,
       round(e.mood_mean, 2) AS mood_mean, e.mood_min, e.mood_max,
       round(e.anxiety_mean, 2) AS anxiety_mean, round(e.energy_mean, 2) AS energy_mean,
       round(e.sleep_hours_mean, 2) AS sleep_hours_mean,
       round(e.sleep_quality_mean, 2) AS sleep_quality_mean,
       coalesce(t.n, 0) AS trigger_events, coalesce(c.n, 0) AS coping_uses,
       coalesce(w.early, 0) AS warning_signs_early,
       coalesce(w.breaking_down, 0) AS warning_signs_breaking_down,
       coalesce(w.crisis, 0) AS warning_signs_crisis
FROM days
LEFT JOIN e ON e.day = days.day
LEFT JOIN t ON t.day = days.day
LEFT JOIN c ON c.day = days.day
LEFT JOIN w ON w.day = days.day
ORDER BY days.day
"""


def daily_rows(conn: DBAPIConnection) -> list[dict[str, Any]]:
    """Every day with something recorded, oldest first, as column name → value."""
    cursor = conn.execute(_DAILY_SQL)
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]
