"""Reading entries with plain SQL on the SQLCipher connection: lists, full-text search, one entry.

These are the hot read paths — every keystroke of a search, every page of a list, every
command-line ``list``/``search``/``show`` — so they skip the ORM: fixed statement shapes with bound
values, one query for a page of entries with their tags and emotions, and entries rebuilt without
validating again what the journal validated when it was written (the file is authenticated page by
page, so what comes back is what was stored). Nothing here imports SQLAlchemy: the command line
reads a journal without paying for importing it.

People type words, not FTS syntax: :func:`match_expression` turns any text into a safe MATCH
expression (each word quoted, the last one a prefix while typing), so quotes, ``NEAR``, ``*``,
``-`` or brackets in a query can never raise a syntax error or change the query's meaning.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, fields
from datetime import date, datetime
from typing import Any, TypeVar

from recovery_journal.domain.entries import (
    MATCH_END,
    MATCH_START,
    SEARCH_PAGE,
    Emotion,
    Entry,
    SearchHit,
)
from recovery_journal.errors import NotFoundError
from recovery_journal.storage.database import DBAPIConnection

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
MAX_QUERY_WORDS = 32


def match_expression(query: str, *, prefix_last: bool = True) -> str | None:
    """A MATCH string for ``query``; None when it holds no searchable word."""
    words = _WORD.findall(query)[:MAX_QUERY_WORDS]
    if not words:
        return None
    quoted = [f'"{word}"' for word in words]
    if prefix_last and not query[-1:].isspace():
        quoted[-1] += "*"
    return " ".join(quoted)


@dataclass(frozen=True, slots=True)
class EntryFilter:
    """Which entries a list or a search looks at (all of them by default, trash excluded)."""

    start: date | None = None
    end: date | None = None
    tag: str | None = None
    therapy_only: bool = False
    trash: bool = False


def _where(which: EntryFilter, params: dict[str, object]) -> list[str]:
    where = ["e.deleted_utc IS NOT NULL" if which.trash else "e.deleted_utc IS NULL"]
    if which.start is not None:
        where.append("e.local_date >= :start")
        params["start"] = which.start.isoformat()
    if which.end is not None:
        where.append("e.local_date <= :end")
        params["end"] = which.end.isoformat()
    if which.therapy_only:
        where.append("e.bring_to_therapy = 1")
    if which.tag:
        # casefold() is the connection's Python function: SQLite's lower() folds ASCII only.
        where.append(
            "e.id IN (SELECT et.entry_id FROM entry_tags et JOIN tags t ON t.id = et.tag_id "
            "WHERE casefold(t.name) = :tag)"
        )
        params["tag"] = which.tag.strip().lstrip("#").casefold()
    return where


def entry_ids(
    conn: DBAPIConnection,
    which: EntryFilter = EntryFilter(),
    *,
    match: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[int]:
    """Ids newest first (by the day an entry is about, then by creation); ``match``: only
    entries whose title, text or tags match that FTS expression."""
    params: dict[str, object] = {"limit": -1 if limit is None else limit, "offset": offset}
    where = _where(which, params)
    source = "entries e"
    if match is not None:
        # Driven by the index's matches (a rare word: a handful of lookups, not a walk through
        # every entry by date); sorted by date afterwards.
        source = "entries_fts f JOIN entries e ON e.id = f.rowid"
        where.insert(0, "entries_fts MATCH :q")
        params["q"] = match
    sql = (
        f"SELECT e.id FROM {source} WHERE {' AND '.join(where)} "
        "ORDER BY e.local_date DESC, e.id DESC LIMIT :limit OFFSET :offset"
    )
    return [int(row[0]) for row in conn.execute(sql, params)]


def count(conn: DBAPIConnection, which: EntryFilter = EntryFilter()) -> int:
    params: dict[str, object] = {}
    where = _where(which, params)
    row = conn.execute(f"SELECT count(*) FROM entries e WHERE {' AND '.join(where)}", params)
    return int(row.fetchone()[0])


def snippets(conn: DBAPIConnection, expression: str, ids: list[int]) -> dict[int, str]:
    """Highlighted snippets for just ``ids``, in one pass over the matches between the smallest
    and the largest of them. ``snippet()`` is the expensive part of a search: the ``CASE`` keeps
    it from running for the matches in that range that aren't on the page (SQLite evaluates the
    ``IN`` list once). Asking FTS5 for one rowid at a time instead restarts the whole query for
    each (~0.5 ms apiece: 25 ms for a page of a word found in one entry in ten)."""
    if not ids:
        return {}
    rows = conn.execute(
        "SELECT rowid, CASE WHEN rowid IN (SELECT value FROM json_each(:ids)) "
        "THEN snippet(entries_fts, -1, :start, :end, '…', 12) END "
        "FROM entries_fts WHERE entries_fts MATCH :q AND rowid BETWEEN :low AND :high",
        {
            "q": expression,
            "ids": json.dumps(ids),
            "start": MATCH_START,
            "end": MATCH_END,
            "low": min(ids),
            "high": max(ids),
        },
    )
    return {int(r[0]): str(r[1]) for r in rows if r[1] is not None}


# One query for a page of entries with their tags and emotions. The ORM with relationship loading
# costs ~3 queries and object tracking per page.
_LOAD_SQL = """
SELECT e.id, e.local_date, e.title, e.body, e.mood, e.anxiety, e.energy, e.sleep_hours,
       e.sleep_quality, e.bring_to_therapy, e.created_utc, e.updated_utc, e.deleted_utc,
       (SELECT json_group_array(t.name ORDER BY et.rowid) FROM entry_tags et
          JOIN tags t ON t.id = et.tag_id WHERE et.entry_id = e.id),
       (SELECT json_group_array(json_array(m.name, m.intensity) ORDER BY m.id)
          FROM entry_emotions m WHERE m.entry_id = e.id)
FROM entries e WHERE e.id IN (SELECT value FROM json_each(:ids))
"""

_T = TypeVar("_T")


def _stored(cls: type[_T], names: tuple[str, ...], values: tuple[Any, ...]) -> _T:
    """A frozen domain object rebuilt from stored values, skipping ``__post_init__``: the values
    were validated (and normalised) when they were written, and checking every field of every
    row again was a quarter of a search's time. Every field must be given."""
    made = object.__new__(cls)
    for name, value in zip(names, values, strict=True):
        object.__setattr__(made, name, value)
    return made


_ENTRY_FIELDS = tuple(f.name for f in fields(Entry))
_EMOTION_FIELDS = tuple(f.name for f in fields(Emotion))


def _instant(text_value: str | None) -> datetime | None:
    return None if text_value is None else datetime.fromisoformat(text_value)


def _entry(r: Any) -> Entry:
    values = {
        "local_date": date.fromisoformat(r[1]),
        "body": r[3],
        "title": r[2],
        "mood": r[4],
        "anxiety": r[5],
        "energy": r[6],
        "sleep_hours": r[7],
        "sleep_quality": r[8],
        "emotions": tuple(_stored(Emotion, _EMOTION_FIELDS, (n, i)) for n, i in json.loads(r[14])),
        "tags": tuple(json.loads(r[13])),
        "bring_to_therapy": bool(r[9]),
        "id": int(r[0]),
        "created_utc": _instant(r[10]),
        "updated_utc": _instant(r[11]),
        "deleted_utc": _instant(r[12]),
    }
    return _stored(Entry, _ENTRY_FIELDS, tuple(values[name] for name in _ENTRY_FIELDS))


def load_many(conn: DBAPIConnection, ids: list[int]) -> dict[int, Entry]:
    """Entries by id, as domain objects, in one round trip (ids that don't exist are absent)."""
    if not ids:
        return {}
    rows = conn.execute(_LOAD_SQL, {"ids": json.dumps(ids)})
    return {int(r[0]): _entry(r) for r in rows}


def get(conn: DBAPIConnection, entry_id: int) -> Entry:
    """One entry, in the trash or not."""
    found = load_many(conn, [entry_id]).get(entry_id)
    if found is None:
        raise NotFoundError("entry", entry_id)
    return found


def list_entries(
    conn: DBAPIConnection,
    which: EntryFilter = EntryFilter(),
    *,
    limit: int | None = None,
    offset: int = 0,
) -> list[Entry]:
    """Entries newest first."""
    ids = entry_ids(conn, which, limit=limit, offset=offset)
    loaded = load_many(conn, ids)
    return [loaded[i] for i in ids]


def find(
    conn: DBAPIConnection,
    query: str,
    which: EntryFilter = EntryFilter(),
    *,
    limit: int = SEARCH_PAGE,
    offset: int = 0,
) -> list[SearchHit]:
    """A page of entries matching ``query`` (any text is safe), newest first, each with a
    highlighted snippet."""
    expression = match_expression(query)
    if expression is None:
        return []
    ids = entry_ids(conn, which, match=expression, limit=limit, offset=offset)
    texts = snippets(conn, expression, ids)
    loaded = load_many(conn, ids)
    return [SearchHit(loaded[i], texts.get(i, "")) for i in ids if i in loaded]
