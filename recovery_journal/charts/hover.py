"""What is under the pointer: the day and a short text for a point on a chart (for hover tips
and for "click a day to open it"), from the same series the chart drew."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from matplotlib import dates as mdates

from recovery_journal.charts.mood import calendar_grid
from recovery_journal.domain.insights import (
    CheckinSeries,
    MoodSeries,
    ProgressSeries,
    TriggerSeries,
    WarningSeries,
)

_EPOCH = date(1970, 1, 1)


def _day(x: float) -> date:
    zero: float = mdates.date2num(_EPOCH)  # type: ignore[no-untyped-call]
    return _EPOCH + timedelta(days=round(x - zero))


def point_at(kind: str, data: Any, x: float | None, y: float | None) -> tuple[date, str] | None:
    """The day under data coordinates (x, y) and what the chart shows for it; None: nothing."""
    if x is None or y is None:
        return None
    if kind == "calendar" and isinstance(data, MoodSeries):
        return _calendar(data, x, y)
    day = _day(x)
    if isinstance(data, MoodSeries):
        if day not in data.period:
            return None
        found = next((m for m in data.days if m.day == day), None)
        marks = "; ".join(
            m.label + (" (slip)" if m.kind == "slip" else "") for m in data.markers if m.day == day
        )
        if found is None:
            return (day, f"{day:%a %d %b %Y}: no mood" + (f" — {marks}" if marks else ""))
        spread = f" ({found.low}–{found.high}, {found.n} moods)" if found.n > 1 else ""
        text = f"{day:%a %d %b %Y}: mood {found.mean:.1f}{spread}; 7-day mean {found.rolling:.1f}"
        return day, text + (f" — {marks}" if marks else "")
    if isinstance(data, CheckinSeries):
        c = next((c for c in data.days if c.day == day), None)
        if c is None:
            return (day, f"{day:%a %d %b %Y}: no check-in") if day in data.period else None
        parts = [
            f"{name} {value:.1f}"
            for name, value in (
                ("anxiety", c.anxiety),
                ("energy", c.energy),
                ("sleep hours", c.sleep_hours),
                ("sleep quality", c.sleep_quality),
            )
            if value is not None
        ]
        return day, f"{day:%a %d %b %Y}: " + ", ".join(parts)
    if isinstance(data, ProgressSeries):
        if day not in data.period:
            return None
        marks = "; ".join(m.label for m in data.markers if m.day == day)
        slips = [t.title for t in data.counters if day in t.slips]
        words = [marks] if marks else []
        words += [f"slip noted ({t})" for t in slips]
        return day, f"{day:%a %d %b %Y}" + (": " + "; ".join(words) if words else "")
    if isinstance(data, TriggerSeries | WarningSeries):
        return _bucket(data, day)
    return None


def _calendar(data: MoodSeries, x: float, y: float) -> tuple[date, str] | None:
    grid = calendar_grid(data)
    row, column = round(y), round(x)
    day = grid.day_at(row, column)
    if day is None or day not in data.period:
        return None
    value = grid.values[row, column]
    return day, f"{day:%a %d %b %Y}: " + ("no mood" if value != value else f"mood {value:.1f}")


def _bucket(data: TriggerSeries | WarningSeries, day: date) -> tuple[date, str] | None:
    starts = [b for b in data.buckets if b <= day]
    if not starts or day > data.period.end:
        return None
    i = len(starts) - 1
    start = starts[-1]
    if isinstance(data, TriggerSeries):
        count = sum(c[i] for c in data.counts.values())
        what = f"{count} trigger {'event' if count == 1 else 'events'}"
    else:
        count = sum(s.counts[i] for s in data.signs)
        what = f"warning signs on {count} {'day' if count == 1 else 'days'}"
    label = f"{start:%B %Y}" if data.period.monthly else f"week of {start:%d %b %Y}"
    return max(start, data.period.start), f"{label}: {what}"
