"""Time helpers: UTC instants for 'when', local dates for 'which day the person meant'."""

from __future__ import annotations

from datetime import UTC, date, datetime


def utc_now() -> datetime:
    return datetime.now(UTC)


def local_today() -> date:
    return datetime.now().astimezone().date()


def local_date_of(instant: datetime) -> date:
    """The calendar day an aware instant falls on in this computer's time zone."""
    return instant.astimezone().date()
