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


def wall_clock(instant: datetime) -> tuple[str, int]:
    """The wall-clock time (``HH:MM``) an aware instant showed in this computer's time zone, and
    that zone's offset from UTC then, in minutes."""
    local = instant.astimezone()
    offset = local.utcoffset()
    minutes = 0 if offset is None else int(offset.total_seconds() // 60)
    return local.strftime("%H:%M"), minutes
