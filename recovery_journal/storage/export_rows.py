"""Entries and records as the export writes them, straight from SQL: the fast path of every data
export.

Building 3,650 :class:`~recovery_journal.domain.entries.Entry` objects through the ORM (relationship
loads, object tracking, validation) and turning them back into JSON values took about 1 s of the
10-year journal's 1.3 s JSON export. The rows here come from three plain queries (entries, every
tag, every emotion) and are made into exactly the dictionaries ``jsonable(entry)`` gives (same
keys, same order, instants written the same way); a test keeps the two equal.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterator
from datetime import date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import Date, DateTime, TypeDecorator, select
from sqlalchemy import Enum as SAEnum
from sqlalchemy.orm import Session

from recovery_journal.storage.database import DBAPIConnection
from recovery_journal.storage.entry_codec import ENTRY_COLUMNS
from recovery_journal.storage.repository import Repository

_COLUMNS = ", ".join(ENTRY_COLUMNS)
_ALL = f"SELECT {_COLUMNS} FROM entries ORDER BY id"
_LIVE = (
    f"SELECT {_COLUMNS} FROM entries WHERE deleted_utc IS NULL "
    "ORDER BY local_date, coalesce(local_time, ''), id"
)
# Tags and emotions of every entry in one pass each (correlated sub-queries per entry cost
# more than the rest of the export together).
_TAGS = (
    "SELECT et.entry_id, t.name FROM entry_tags et JOIN tags t ON t.id = et.tag_id "
    "ORDER BY et.entry_id, et.rowid"
)
_EMOTIONS = "SELECT entry_id, name, intensity FROM entry_emotions ORDER BY entry_id, id"


def _instant(stored: str | None) -> str | None:
    """Stored ``…T10:00:00.000000Z`` as ``datetime.isoformat()`` writes it (no zero micros)."""
    if stored is None:
        return None
    return stored.replace(".000000Z", "Z")


def _document(
    row: dict[str, Any], tags: list[str], emotions: list[dict[str, Any]]
) -> dict[str, Any]:
    source = None
    if row["source_app"] is not None:
        source = {
            "app": row["source_app"],
            "id": row["source_id"],
            "mood_label": row["source_mood_label"],
        }
    sleep = row["sleep_hours"]
    return {
        "local_date": row["local_date"],
        "body": row["body"],
        "title": row["title"],
        "mood": row["mood"],
        "anxiety": row["anxiety"],
        "energy": row["energy"],
        "sleep_hours": None if sleep is None else float(sleep),
        "sleep_quality": row["sleep_quality"],
        "emotions": emotions,
        "tags": tags,
        "bring_to_therapy": bool(row["bring_to_therapy"]),
        "id": row["id"],
        "created_utc": _instant(row["created_utc"]),
        "updated_utc": _instant(row["updated_utc"]),
        "deleted_utc": _instant(row["deleted_utc"]),
        "local_time": row["local_time"],
        "utc_offset_minutes": row["utc_offset_minutes"],
        "starred": bool(row["starred"]),
        "source": source,
    }


def entry_documents(conn: DBAPIConnection, *, live_only: bool = False) -> list[dict[str, Any]]:
    """Every entry by id (trash included), or (``live_only``) the ones not in the trash in the
    order they were lived: by day, time, then id."""
    return list(each_entry_document(conn, live_only=live_only))


def each_entry_document(
    conn: DBAPIConnection, *, live_only: bool = False
) -> Iterator[dict[str, Any]]:
    """:func:`entry_documents` one at a time, straight from the cursor. All by id: the tags and
    emotions are read alongside, by entry id (a merge of three ordered cursors), so memory stays
    flat; live ones in lived order: those two are read into memory first, in one pass each."""
    cursor = conn.execute(_LIVE if live_only else _ALL)
    names = [column[0] for column in cursor.description]
    if live_only:
        tags: dict[int, list[str]] = defaultdict(list)
        for entry_id, name in conn.execute(_TAGS):
            tags[entry_id].append(name)
        emotions: dict[int, list[dict[str, Any]]] = defaultdict(list)
        for entry_id, name, intensity in conn.execute(_EMOTIONS):
            emotions[entry_id].append({"name": name, "intensity": intensity})
        for values in cursor:
            row = dict(zip(names, values, strict=True))
            ident = row["id"]
            yield _document(row, tags.get(ident, []), emotions.get(ident, []))
        return
    tag_rows = _Merged(conn.execute(_TAGS))
    emotion_rows = _Merged(conn.execute(_EMOTIONS))
    for values in cursor:
        row = dict(zip(names, values, strict=True))
        ident = row["id"]
        tags_of = [name for (name,) in tag_rows.take(ident)]
        emotions_of = [{"name": n, "intensity": i} for n, i in emotion_rows.take(ident)]
        yield _document(row, tags_of, emotions_of)


class _Merged:
    """Rows ``(entry_id, …)`` ordered by entry id, handed out an entry at a time."""

    def __init__(self, rows: Iterator[tuple[Any, ...]]) -> None:
        self._rows = iter(rows)
        self._next: tuple[Any, ...] | None = next(self._rows, None)

    def take(self, entry_id: int) -> list[tuple[Any, ...]]:
        """The rest of each row of ``entry_id`` (rows of smaller ids are skipped)."""
        found = []
        while self._next is not None and self._next[0] <= entry_id:
            if self._next[0] == entry_id:
                found.append(self._next[1:])
            self._next = next(self._rows, None)
        return found


def entry_count(conn: DBAPIConnection) -> int:
    """How many entries there are, trash included."""
    return int(conn.execute("SELECT count(*) FROM entries").fetchone()[0])


def _json_value(value: Any) -> Any:
    """A column's Python value as ``jsonable`` writes it (the columns hold no dataclasses)."""
    if isinstance(value, datetime):
        return value.isoformat().replace("+00:00", "Z")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, tuple):
        return list(value)
    return value


def record_documents(session: Session, repository: Repository[Any]) -> list[dict[str, Any]]:
    """Every record of one kind (archived ones too) in the repository's order, as the JSON
    export writes them — read with one Core query, without building ORM rows or domain
    objects (which cost ~0.4 s of a ten-year export)."""
    return list(each_record_document(session, repository))


def each_record_document(session: Session, repository: Repository[Any]) -> Iterator[dict[str, Any]]:
    """:func:`record_documents` one at a time. Only the columns whose values need it (times,
    days, codes, lists) go through :func:`_json_value`."""
    table: Any = repository.row_cls.__table__
    query = select(*table.columns).order_by(*(repository.order_by or (table.c.id,)))
    names = [column.name for column in table.columns]
    converted = {
        column.name
        for column in table.columns
        if isinstance(column.type, (TypeDecorator, Date, DateTime, SAEnum))
    }
    defaults = {
        f.name: _json_value(f.default)
        for f in dataclasses.fields(repository.domain_cls)
        if f.name not in names and f.default is not dataclasses.MISSING
    }
    fields = [f.name for f in dataclasses.fields(repository.domain_cls)]
    plan = [(name, name in converted) for name in fields]
    # In batches from the cursor: the ORM session would fetch a whole kind at once (a hundred
    # years of daily measure values is 100,000 rows).
    for row in session.execute(query, execution_options={"yield_per": 1000}):
        values = {**defaults, **dict(zip(names, row, strict=True))}
        yield {
            name: _json_value(values[name]) if convert else values[name] for name, convert in plan
        }
