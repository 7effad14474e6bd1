"""Entries as the export writes them, straight from SQL: the fast path of every data export (the
JSON export's other record lists come from :mod:`.export_records`).

Building 3,650 :class:`~recovery_journal.domain.entries.Entry` objects through the ORM (relationship
loads, object tracking, validation) and turning them back into JSON values took about 1 s of the
10-year journal's 1.3 s JSON export. The rows here come from three plain queries (entries, every
tag, every emotion) and are made into exactly the dictionaries ``jsonable(entry)`` gives (same
keys, same order, instants written the same way); a test keeps the two equal.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from recovery_journal.storage.database import DBAPIConnection
from recovery_journal.storage.entry_codec import ENTRY_COLUMNS
from recovery_journal.storage.export_records import BATCH, column_converter
from recovery_journal.storage.orm import EntryRow

_COLUMNS = ", ".join(ENTRY_COLUMNS)
_ALL = f"SELECT {_COLUMNS} FROM entries ORDER BY id"
_LIVE = (
    f"SELECT {_COLUMNS} FROM entries WHERE deleted_utc IS NULL "
    "ORDER BY local_date, coalesce(local_time, ''), id"
)
# Every entry's tags in the order they were given: the table's own (rowid) order. ``ORDER BY
# entry_id, rowid`` made SQLite sort each entry's few rows apart (0.9 s at 100 years, every
# sort's memory wiped by ``cipher_memory_security``); the primary key's index hands them out by
# entry with their rowids, and Python puts an entry's few in order.
_TAG_NAMES = "SELECT id, name FROM tags"
_TAGS = "SELECT entry_id, tag_id FROM entry_tags ORDER BY rowid"
_TAGS_BY_ENTRY = "SELECT entry_id, rowid, tag_id FROM entry_tags ORDER BY entry_id"
# Emotions by entry, through their index.
_EMOTIONS = "SELECT entry_id, name, intensity FROM entry_emotions ORDER BY entry_id, id"

# Stored instants as ``datetime.isoformat()`` writes them (no zero microseconds), as the ORM reads.
_CONVERT_INSTANT = column_converter(EntryRow.__table__.c.created_utc)
assert _CONVERT_INSTANT is not None  # an instant is always converted
_instant = _CONVERT_INSTANT


def _document(values: tuple[Any, ...], tags: list[str], emotions: list[Any]) -> dict[str, Any]:
    """One entry's values (in :data:`ENTRY_COLUMNS` order) as ``jsonable(entry)`` gives them."""
    (
        ident,
        local_date,
        title,
        body,
        mood,
        anxiety,
        energy,
        sleep,
        sleep_quality,
        bring,
        created,
        updated,
        deleted,
        local_time,
        offset,
        starred,
        source_app,
        source_id,
        source_mood_label,
    ) = values
    source = None
    if source_app is not None:
        source = {"app": source_app, "id": source_id, "mood_label": source_mood_label}
    return {
        "local_date": local_date,
        "body": body,
        "title": title,
        "mood": mood,
        "anxiety": anxiety,
        "energy": energy,
        "sleep_hours": None if sleep is None else float(sleep),
        "sleep_quality": sleep_quality,
        "emotions": emotions,
        "tags": tags,
        "bring_to_therapy": bool(bring),
        "id": ident,
        "created_utc": _instant(created),
        "updated_utc": _instant(updated),
        "deleted_utc": _instant(deleted),
        "local_time": local_time,
        "utc_offset_minutes": offset,
        "starred": bool(starred),
        "source": source,
    }


def _tags(conn: DBAPIConnection) -> dict[int, list[str]]:
    """Every entry's tags, grouped (for entries in lived order)."""
    names = dict(conn.execute(_TAG_NAMES).fetchall())
    tags: dict[int, list[str]] = defaultdict(list)
    for entry_id, tag_id in conn.execute(_TAGS):
        tags[entry_id].append(names[tag_id])
    return tags


def _emotions(conn: DBAPIConnection) -> dict[int, list[dict[str, Any]]]:
    emotions: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for entry_id, name, intensity in conn.execute(_EMOTIONS):
        emotions[entry_id].append({"name": name, "intensity": intensity})
    return emotions


def entry_documents(conn: DBAPIConnection, *, live_only: bool = False) -> list[dict[str, Any]]:
    """Every entry by id (trash included), or (``live_only``) the ones not in the trash in the
    order they were lived: by day, time, then id."""
    return [entry for batch in each_entry_batch(conn, live_only=live_only) for entry in batch]


def each_entry_batch(
    conn: DBAPIConnection, *, live_only: bool = False
) -> Iterator[list[dict[str, Any]]]:
    """:func:`entry_documents`, :data:`~.export_records.BATCH` at a time, from the cursor. All
    by id: the tags and emotions are read alongside, by entry id (a merge of three cursors
    ordered by entry id), so memory stays flat; live ones in lived order: those two are grouped
    by entry first, in one pass each."""
    cursor = conn.execute(_LIVE if live_only else _ALL)
    try:
        if live_only:
            tags, emotions = _tags(conn), _emotions(conn)
            while rows := cursor.fetchmany(BATCH):
                yield [
                    _document(row, tags.pop(row[0], []), emotions.pop(row[0], [])) for row in rows
                ]
            return
        names = dict(conn.execute(_TAG_NAMES).fetchall())
        tag_rows = _Merged(conn.execute(_TAGS_BY_ENTRY))
        emotion_rows = _Merged(conn.execute(_EMOTIONS))

        def tags_of(entry_id: int) -> list[str]:
            given = tag_rows.take(entry_id)  # (rowid, tag id) each
            if len(given) > 1:
                given.sort()
            return [names[tag_id] for _, tag_id in given]

        while rows := cursor.fetchmany(BATCH):
            yield [
                _document(
                    row,
                    tags_of(row[0]),
                    [{"name": n, "intensity": i} for n, i in emotion_rows.take(row[0])],
                )
                for row in rows
            ]
    finally:
        cursor.close()


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
