"""Own daily measures in the journal: the definitions, one value per measure and day, and the
plain series Insights reads.

The definitions and values go through the generic :class:`~.repository.Repository` (so the
export and its restore treat them like every other record); setting a day's values is one
upsert per measure inside the caller's transaction.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from datetime import date, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from recovery_journal.domain.clock import utc_now
from recovery_journal.domain.insights import Period
from recovery_journal.domain.measures import Measure, MeasureKind, MeasureValue
from recovery_journal.storage.database import DBAPIConnection
from recovery_journal.storage.orm import MeasureRow, MeasureValueRow
from recovery_journal.storage.repository import Repository

MEASURES = Repository(
    MeasureRow,
    Measure,
    "measure",
    order_by=(MeasureRow.position, MeasureRow.id),
    archived=MeasureRow.archived_utc,
)
MEASURE_VALUES = Repository(
    MeasureValueRow,
    MeasureValue,
    "measure value",
    order_by=(MeasureValueRow.local_date, MeasureValueRow.measure_id),
    day=MeasureValueRow.local_date,
)


def values_on(session: Session, day: date) -> dict[int, float]:
    """Measure id → its value on ``day`` (measures without a value that day are absent)."""
    query = select(MeasureValueRow.measure_id, MeasureValueRow.value).where(
        MeasureValueRow.local_date == day
    )
    return {int(ident): float(value) for ident, value in session.execute(query)}


def set_value(session: Session, measure_id: int, day: date, value: float | None) -> None:
    """Set (or, with None, clear) one measure's value on ``day``."""
    row = session.scalar(
        select(MeasureValueRow).where(
            MeasureValueRow.measure_id == measure_id, MeasureValueRow.local_date == day
        )
    )
    if value is None:
        if row is not None:
            session.execute(delete(MeasureValueRow).where(MeasureValueRow.id == row.id))
    elif row is None:
        session.add(
            MeasureValueRow(
                measure_id=measure_id, local_date=day, value=value, updated_utc=utc_now()
            )
        )
    elif row.value != value:
        row.value = value
        row.updated_utc = utc_now()
    session.flush()


def has_values(session: Session, measure_id: int) -> bool:
    found = session.scalar(
        select(MeasureValueRow.id).where(MeasureValueRow.measure_id == measure_id).limit(1)
    )
    return found is not None


def set_positions(session: Session, order: Mapping[int, int]) -> None:
    """Measure id → its new place in the check-in."""
    for ident, position in order.items():
        row = session.get(MeasureRow, ident)
        if row is not None:
            row.position = position
    session.flush()


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
