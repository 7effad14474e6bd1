"""Reading entries with plain SQL on the SQLCipher connection: lists, full-text search, one entry.

These are the hot read paths — every keystroke of a search, every page of a list, every
command-line ``list``/``search``/``show`` — so they skip the ORM: fixed statement shapes with bound
values, three for a page of entries (their columns, their tags, their emotions), and entries
rebuilt by :func:`~.entry_codec.decode_entry`. Nothing here imports SQLAlchemy: the command line
reads a journal without paying for importing it.

People type words, not FTS syntax: :func:`match_expression` turns any text into a safe MATCH
expression (each word quoted, the last one a prefix while typing), so quotes, ``NEAR``, ``*``,
``-`` or brackets in a query can never raise a syntax error or change the query's meaning, and
never make a phrase (the index keeps no word positions: words are split as the tokenizer splits).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from recovery_journal.domain.entries import (
    MATCH_END,
    MATCH_START,
    SEARCH_PAGE,
    Entry,
    SearchHit,
)
from recovery_journal.errors import NotFoundError
from recovery_journal.storage.database import DBAPIConnection
from recovery_journal.storage.entry_codec import ENTRY_COLUMNS, Stored, decode_stored

# A word is what FTS5's unicode61 tokenizer makes a token of: a run of letters and digits. Its
# tables are from an older Unicode than Python's; the letters Python knows and it doesn't are
# token characters to it too (it treats unassigned code points as letters), except these, which
# were vowel signs and marks then (New Tai Lue, Vedic) and separate tokens. A quoted term must be
# exactly one token: the index keeps no word positions (schema version 10), so a quoted term that
# the tokenizer split would be a phrase, which FTS5 then refuses. A test checks every letter and
# digit Python knows against the tokenizer.
TOKENIZER_SEPARATORS = "\u19b0-\u19c0\u19c8\u19c9\u1cf2\u1cf3"
_WORD = re.compile(rf"[^\W_{TOKENIZER_SEPARATORS}]+", re.UNICODE)
MAX_QUERY_WORDS = 32


def match_expression(query: str, *, prefix_last: bool = True) -> str | None:
    """A MATCH string for ``query``, each word one quoted term (all must match), the last a prefix
    unless followed by a space; None when it holds no searchable word."""
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
    starred_only: bool = False


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
    if which.starred_only:
        where.append("e.starred = 1")
    if which.tag:
        # casefold() is the connection's Python function: SQLite's lower() folds ASCII only.
        where.append(
            "e.id IN (SELECT et.entry_id FROM entry_tags et JOIN tags t ON t.id = et.tag_id "
            "WHERE casefold(t.name) = :tag)"
        )
        params["tag"] = which.tag.strip().lstrip("#").casefold()
    return where


# The index's rowid is an entry's search key (schema version 11): -(day * 1024 + seq), newest
# day first and within a day the latest arrival first; an entry past its day's 1,024th has its id
# as key (positive: after every dated key).
_DAY_SPAN = 1024
_JULIAN_DAY_OF_ORDINAL_0 = 1721424  # CAST(julianday(d) AS INTEGER) - d.toordinal(), any d
# Entries past a crowded day's 1,024th on or after a day (rare: looked up on the key's index).
_OVERFLOW = "SELECT EXISTS (SELECT 1 FROM entries WHERE search_key > 0 AND local_date >= ?)"


def _day_key(day: date) -> int:
    """The highest search key of ``day`` (its first entry's); every dated key of that day lies
    in (key - 1024, key]."""
    return -((day.toordinal() + _JULIAN_DAY_OF_ORDINAL_0) * _DAY_SPAN)


def _matches(
    conn: DBAPIConnection,
    which: EntryFilter,
    match: str,
    limit: int | None,
    offset: int,
    *,
    snippets: bool = False,
) -> list[tuple[int, str]]:
    """(id, snippet or "") of a page of the entries matching ``match``, newest first.

    FTS5 hands out its matches in rowid order, which is this order: it stops after the page
    instead of every match being joined to its entry and sorted (196 ms for a word in a third of
    36,500 entries). Dates bound the rowids, so FTS5 skips the days outside them. The snippets
    come from the same query: SQLite makes them for the page's rows only, and a prefix (the last
    word as it is being typed) is expanded by FTS5 once instead of twice (~2 ms at 100 years).
    ``CROSS JOIN`` keeps the index the outer loop: with both dates SQLite otherwise walks the
    entries of the period by date and asks FTS5 about each (0.5 s for a year at 100 years)."""
    params: dict[str, object] = {"limit": -1 if limit is None else limit, "offset": offset}
    where = ["entries_fts MATCH :q", *_where(which, params)]
    params["q"] = match
    start = which.start
    if start is not None and not conn.execute(_OVERFLOW, (start.isoformat(),)).fetchone()[0]:
        # Keys past a crowded day's 1,024th are positive: with any in the period, only
        # e.local_date bounds it.
        where.append("f.rowid <= :first_key")
        params["first_key"] = _day_key(start)
    if which.end is not None:
        where.append("f.rowid > :last_key")
        params["last_key"] = _day_key(which.end) - _DAY_SPAN
    snippet = "''"
    if snippets:
        snippet = "snippet(entries_fts, -1, :mark_on, :mark_off, '…', 12)"
        params.update(mark_on=MATCH_START, mark_off=MATCH_END)
    sql = (
        f"SELECT e.id, {snippet} FROM entries_fts f CROSS JOIN entries e ON e.search_key = f.rowid "
        f"WHERE {' AND '.join(where)} ORDER BY f.rowid LIMIT :limit OFFSET :offset"
    )
    return [(int(row[0]), str(row[1] or "")) for row in conn.execute(sql, params)]


def count(conn: DBAPIConnection, which: EntryFilter = EntryFilter()) -> int:
    params: dict[str, object] = {}
    where = _where(which, params)
    row = conn.execute(f"SELECT count(*) FROM entries e WHERE {' AND '.join(where)}", params)
    return int(row.fetchone()[0])


# A page of entries is one query for their columns, then their tags and emotions, put in the
# order they were stored here. Gathering them per entry in SQL (correlated subqueries with
# json_group_array) sorted two little temporary tables per entry, each allocation wiped by
# cipher_memory_security: 15 ms of a 200-row page at 100 years. Joining and sorting in SQL still
# cost 4 ms; reading the link rows alone, by the page's id range when it is narrow (entries are
# mostly written in date order, so a page's ids lie close together), costs 1.5 ms.
_COLUMNS = ", ".join(f"e.{name}" for name in ENTRY_COLUMNS)
_ID = ENTRY_COLUMNS.index("id")
_BY_IDS = "IN (SELECT value FROM json_each(:ids))"
_BY_RANGE = "BETWEEN :low AND :high"
_TAG_LINKS = "SELECT et.rowid, et.entry_id, et.tag_id FROM entry_tags et WHERE et.entry_id "
_EMOTIONS = "SELECT m.id, m.entry_id, m.name, m.intensity FROM entry_emotions m WHERE m.entry_id "
_TAG_NAMES = f"SELECT t.id, t.name FROM tags t WHERE t.id {_BY_IDS}"
_RANGE_SPAN = 4  # ids spread wider than 4x the page's size: look each one up instead


def _stored(conn: DBAPIConnection, rows: list[tuple[Any, ...]]) -> list[Stored]:
    """Rows of ``ENTRY_COLUMNS`` (in that order) with their tags and emotions, undecoded."""
    if not rows:
        return []
    tags: dict[int, list[str]] = {row[_ID]: [] for row in rows}
    emotions: dict[int, list[tuple[str, int]]] = {entry_id: [] for entry_id in tags}
    low, high = min(tags), max(tags)
    params: dict[str, object] = {"low": low, "high": high, "ids": json.dumps(list(tags))}
    where = _BY_RANGE if high - low < _RANGE_SPAN * len(tags) else _BY_IDS
    links = sorted(link for link in conn.execute(_TAG_LINKS + where, params) if link[1] in tags)
    if links:
        names = dict(conn.execute(_TAG_NAMES, {"ids": json.dumps(list({t for *_, t in links}))}))
        for _, entry_id, tag_id in links:
            tags[entry_id].append(names[tag_id])
    for _, entry_id, name, intensity in sorted(
        found for found in conn.execute(_EMOTIONS + where, params) if found[1] in emotions
    ):
        emotions[entry_id].append((name, intensity))
    return [(*row, tuple(tags[row[_ID]]), tuple(emotions[row[_ID]])) for row in rows]


def load_many(conn: DBAPIConnection, ids: list[int]) -> dict[int, Entry]:
    """Entries by id, as domain objects (ids that don't exist are absent)."""
    if not ids:
        return {}
    sql = f"SELECT {_COLUMNS} FROM entries e WHERE e.id {_BY_IDS}"
    rows = conn.execute(sql, {"ids": json.dumps(ids)}).fetchall()
    return {row[_ID]: decode_stored(row) for row in _stored(conn, rows)}


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
    after: tuple[date, int] | None = None,
) -> list[Entry]:
    """Entries newest first (by the day an entry is about, then by creation); see
    :func:`list_stored`."""
    found = list_stored(conn, which, limit=limit, offset=offset, after=after)
    return [decode_stored(stored) for stored in found]


def list_stored(
    conn: DBAPIConnection,
    which: EntryFilter = EntryFilter(),
    *,
    limit: int | None = None,
    offset: int = 0,
    after: tuple[date, int] | None = None,
) -> list[Stored]:
    """:func:`list_entries`, undecoded (see :data:`~.entry_codec.Stored`): a list page decodes
    only the rows it shows.

    ``after`` (the day and id of an entry) starts the list just after that entry, in this
    order: the next page of a list read page by page, found in the index where the previous page
    ended (a keyset) instead of counting ``offset`` rows from the top again."""
    params: dict[str, object] = {"limit": -1 if limit is None else limit, "offset": offset}
    where = _where(which, params)
    if after is not None:
        where.append("(e.local_date, e.id) < (:after_day, :after_id)")
        params.update(after_day=after[0].isoformat(), after_id=after[1])
    sql = (
        f"SELECT {_COLUMNS} FROM entries e WHERE {' AND '.join(where)} "
        "ORDER BY e.local_date DESC, e.id DESC LIMIT :limit OFFSET :offset"
    )
    return _stored(conn, conn.execute(sql, params).fetchall())


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
    found = _matches(conn, which, expression, limit, offset, snippets=True)
    loaded = load_many(conn, [entry_id for entry_id, _ in found])
    return [SearchHit(loaded[i], text) for i, text in found if i in loaded]
