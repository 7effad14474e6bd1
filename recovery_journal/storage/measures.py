"""Own daily measures in the journal: the definitions and one value per measure and day (the
plain-SQL reads for Insights are :mod:`.measure_reads`).

The definitions and values go through the generic :class:`~.repository.Repository` (so the
export and its restore treat them like every other record); setting a day's values is one
upsert per measure inside the caller's transaction.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from recovery_journal.domain.clock import utc_now
from recovery_journal.domain.measures import Measure, MeasureValue
from recovery_journal.storage.orm import UTC_FORMAT, MeasureRow, MeasureValueRow
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


def add_values(session: Session, values: Sequence[MeasureValue]) -> None:
    """Many new values in one statement inside the caller's transaction (the ORM spent about
    1.5 ms a row: ten years of three measures took 18 s)."""
    now = utc_now()
    conn = session.connection().connection.driver_connection
    assert conn is not None  # inside a transaction
    conn.executemany(
        "INSERT INTO measure_values (measure_id, local_date, value, updated_utc)"
        " VALUES (?, ?, ?, ?)",
        [
            (v.measure_id, v.local_date.isoformat(), v.value, _stamp(v.updated_utc or now))
            for v in values
        ],
    )


def _stamp(when: datetime) -> str:
    return when.astimezone(UTC).strftime(UTC_FORMAT)
