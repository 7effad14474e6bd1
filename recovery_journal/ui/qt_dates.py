"""Python dates and times to Qt's, in one place (PySide's stubs don't take ``date`` directly)."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QDateTime


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


def to_local_qdatetime(instant: datetime) -> QDateTime:
    """An aware instant as local date-time (for display)."""
    return QDateTime.fromMSecsSinceEpoch(int(instant.timestamp() * 1000)).toLocalTime()
