"""Own measures for Insights, by plain SQL on a read snapshot: no SQLAlchemy, no ORM.

The command line's reading commands load Insights' service without the ORM (importing it would
compete with Argon2id for the CPU), so these reads live apart from :mod:`.measures`.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from recovery_journal.domain.insights import Period
from recovery_journal.domain.measures import Measure, MeasureKind
from recovery_journal.storage.database import DBAPIConnection


def value_series(conn: DBAPIConnection, period: Period) -> dict[int, list[tuple[date, float]]]:
    """Measure id → (day, value) of every value from the day before ``period`` (for lag 1) to
    its end, oldest first — read from the day-first index."""
    found: dict[int, list[tuple[date, float]]] = defaultdict(list)
    first = period.start - timedelta(days=1)
    rows = conn.execute(
        "SELECT local_date, measure_id, value FROM measure_values"
        " WHERE local_date BETWEEN ? AND ? ORDER BY local_date",
        (first.isoformat(), period.end.isoformat()),
    )
    for day, measure_id, value in rows:
        found[int(measure_id)].append((date.fromisoformat(day), float(value)))
    return dict(found)


def measures_on_read(conn: DBAPIConnection) -> list[Measure]:
    """Every measure (archived ones too) on a plain read snapshot, for Insights."""
    rows = conn.execute(
        "SELECT id, name, kind, unit, position FROM measures ORDER BY position, id"
    ).fetchall()
    return [
        Measure(str(name), MeasureKind(kind), str(unit), int(position), id=int(ident))
        for ident, name, kind, unit, position in rows
    ]
