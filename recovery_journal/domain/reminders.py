"""When the optional daily reminder fires: pure arithmetic on instants and wall-clock times.

The person picks a time of day (``20:00``); the reminder fires the next time the local wall
clock shows it — today if that is still ahead, else tomorrow. Across a daylight-saving change the
wall-clock time is kept (20:00 stays 20:00, so the instant moves by an hour); a time that does not
exist on the night clocks go forward (02:30) fires at the same distance after the change
(03:30, what the platform's ``mktime``/``zoneinfo`` give); on the night clocks go back, a repeated
time fires once, the first time. A snooze fires :data:`SNOOZE_MINUTES` later.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta, tzinfo

SNOOZE_MINUTES = 15
DEFAULT_TIME = time(20, 0)
_HH_MM = re.compile(r"([01]?\d|2[0-3]):([0-5]\d)")


def parse_time(text: str) -> time | None:
    """``"HH:MM"`` (24-hour) as a time, None when it isn't one."""
    found = _HH_MM.fullmatch(text.strip())
    return time(int(found.group(1)), int(found.group(2))) if found else None


def format_time(at: time) -> str:
    return f"{at.hour:02d}:{at.minute:02d}"


def _wall_clock(day: date, at: time, zone: tzinfo | None) -> datetime:
    """The instant (UTC) the wall clock of ``zone`` (None: this computer's) shows ``at`` on
    ``day``."""
    naive = datetime.combine(day, at)
    local = naive.astimezone() if zone is None else naive.replace(tzinfo=zone)
    return local.astimezone(UTC)


def next_reminder(now: datetime, at: time, zone: tzinfo | None = None) -> datetime:
    """The first instant strictly after ``now`` (aware) at which the local wall clock shows
    ``at``; in UTC."""
    if now.tzinfo is None:
        raise ValueError("now must carry a time zone")
    today = now.astimezone(zone).date() if zone is not None else now.astimezone().date()
    for days in range(3):  # today, tomorrow, or (a long DST night) the day after
        candidate = _wall_clock(today + timedelta(days=days), at, zone)
        if candidate > now:
            return candidate
    raise AssertionError("a wall-clock time comes round within two days")  # pragma: no cover


def snoozed(now: datetime, minutes: int = SNOOZE_MINUTES) -> datetime:
    """When a snoozed reminder comes back."""
    return now.astimezone(UTC) + timedelta(minutes=minutes)


def wait_ms(due: datetime, now: datetime) -> int:
    """Milliseconds from ``now`` until ``due`` (0 when past), for a single-shot timer."""
    return max(0, int((due - now).total_seconds() * 1000))
