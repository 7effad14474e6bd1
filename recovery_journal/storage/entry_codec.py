"""The one way a stored entry becomes an :class:`~recovery_journal.domain.entries.Entry`.

Both read paths use it — the ORM rows of :mod:`.entries` and the plain-SQL pages of :mod:`.reads`
— by column name, never by position, and through the entry's own validation: a row that was
damaged or edited by hand fails as a :class:`~recovery_journal.errors.ValidationError` instead of
showing wrong values.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any

from recovery_journal.domain.entries import CheckIn, Emotion, Entry, EntrySource

# The columns of ``entries`` an Entry is made from (tags and emotions come from their tables).
ENTRY_COLUMNS = (
    "id",
    "local_date",
    "title",
    "body",
    "mood",
    "anxiety",
    "energy",
    "sleep_hours",
    "sleep_quality",
    "bring_to_therapy",
    "created_utc",
    "updated_utc",
    "deleted_utc",
    "local_time",
    "utc_offset_minutes",
    "starred",
    "source_app",
    "source_id",
    "source_mood_label",
)


def _day(value: date | str) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)


def _instant(value: datetime | str | None) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(value)


def source_of(columns: Mapping[str, Any]) -> EntrySource | None:
    """The entry's source from its three columns (all null for entries written here)."""
    if columns["source_app"] is None:
        return None
    return EntrySource(columns["source_app"], columns["source_id"], columns["source_mood_label"])


def source_columns(source: EntrySource | None) -> dict[str, str | None]:
    """The three columns that store an entry's source."""
    if source is None:
        return {"source_app": None, "source_id": None, "source_mood_label": None}
    return {
        "source_app": source.app,
        "source_id": source.id,
        "source_mood_label": source.mood_label,
    }


def check_in_columns(check_in: CheckIn) -> dict[str, Any]:
    """The five ``entries`` columns that store a check-in's measures (emotions have a table)."""
    return {
        "mood": check_in.mood,
        "anxiety": check_in.anxiety,
        "energy": check_in.energy,
        "sleep_hours": check_in.sleep_hours,
        "sleep_quality": check_in.sleep_quality,
    }


Stored = tuple[Any, ...]
"""An entry as read, not yet decoded: the values of ``ENTRY_COLUMNS`` in that order, then its tags
(a tuple of names) and its emotions (a tuple of (name, intensity) pairs). Only plain values, so
Python's cyclic collector stops tracking it: a list page of these costs the collector nothing."""


_ID, _DAY = ENTRY_COLUMNS.index("id"), ENTRY_COLUMNS.index("local_date")


def stored_key(stored: Stored) -> tuple[int, date]:
    """The id and the day of the entry ``stored`` holds, without decoding the rest."""
    return int(stored[_ID]), _day(stored[_DAY])


def decode_stored(stored: Stored) -> Entry:
    """The entry ``stored`` holds (see :data:`Stored`)."""
    *columns, tags, emotions = stored
    return decode_entry(dict(zip(ENTRY_COLUMNS, columns, strict=True)), tags, emotions)


def decode_entry(
    columns: Mapping[str, Any], tags: Iterable[str], emotions: Iterable[tuple[str, int]]
) -> Entry:
    """An entry from its named columns (SQL text or ORM values), its tags and its emotions."""
    return Entry(
        local_date=_day(columns["local_date"]),
        body=columns["body"],
        title=columns["title"],
        check_in=CheckIn(
            mood=columns["mood"],
            anxiety=columns["anxiety"],
            energy=columns["energy"],
            sleep_hours=columns["sleep_hours"],
            sleep_quality=columns["sleep_quality"],
            emotions=tuple(Emotion(name, intensity) for name, intensity in emotions),
        ),
        tags=tuple(tags),
        bring_to_therapy=bool(columns["bring_to_therapy"]),
        id=int(columns["id"]),
        created_utc=_instant(columns["created_utc"]),
        updated_utc=_instant(columns["updated_utc"]),
        deleted_utc=_instant(columns["deleted_utc"]),
        local_time=columns["local_time"],
        utc_offset_minutes=columns["utc_offset_minutes"],
        starred=bool(columns["starred"]),
        source=source_of(columns),
    )
