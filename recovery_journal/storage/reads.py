"""Reading entries with plain SQL on the SQLCipher connection: lists, full-text search, one entry.

These are the hot read paths — every keystroke of a search, every page of a list, every
command-line ``list``/``search``/``show`` — so they skip the ORM: fixed statement shapes with bound
values, one query for a page of entries with their tags and emotions, and entries rebuilt without
validating again what the journal validated when it was written (the file is authenticated page by
page, so what comes back is what was stored). Nothing here imports SQLAlchemy: the command line
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

from recovery_journal.domain.entries import (
    MATCH_END,
    MATCH_START,
    SEARCH_PAGE,
    Entry,
    SearchHit,
)
from recovery_journal.errors import NotFoundError
from recovery_journal.storage.database import DBAPIConnection
from recovery_journal.storage.entry_codec import ENTRY_COLUMNS, decode_entry

# A word is what FTS5's unicode61 tokenizer makes a token of: a run of letters and digits. Its
# tables are from an older Unicode than Python's; the letters Python knows and it doesn't are
# token characters to it too (it treats unassigned code points as letters), except these, which
# were vowel signs and marks then (New Tai Lue, Vedic) and separate tokens. A quoted term must be
# exactly one token: the index keeps no word positions (schema version 9), so a quoted term that
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


# The index's rowid is an entry's search key, newest first (schema version 7).
_ENTRY_OF_KEY = "(-f.rowid) % 4294967296"
_DAY_SPAN = 4294967296


def _day_key(day: date) -> int:
    """The search key of an entry with id 0 on ``day``; every key of that day lies in
    (key - 2^32, key]."""
    return -(int(day.strftime("%Y%m%d")) * _DAY_SPAN)


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
    if match is None:
        sql = (
            f"SELECT e.id FROM entries e WHERE {' AND '.join(where)} "
            "ORDER BY e.local_date DESC, e.id DESC LIMIT :limit OFFSET :offset"
        )
        return [int(row[0]) for row in conn.execute(sql, params)]
    return [entry_id for entry_id, _ in _matches(conn, which, match, limit, offset)]


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
    word as it is being typed) is expanded by FTS5 once instead of twice (~2 ms at 100 years)."""
    params: dict[str, object] = {"limit": -1 if limit is None else limit, "offset": offset}
    where = ["entries_fts MATCH :q", *_where(which, params)]
    params["q"] = match
    if which.start is not None:
        where.append("f.rowid <= :first_key")
        params["first_key"] = _day_key(which.start)
    if which.end is not None:
        where.append("f.rowid > :last_key")
        params["last_key"] = _day_key(which.end) - _DAY_SPAN
    snippet = "''"
    if snippets:
        snippet = "snippet(entries_fts, -1, :mark_on, :mark_off, '…', 12)"
        params.update(mark_on=MATCH_START, mark_off=MATCH_END)
    sql = (
        f"SELECT e.id, {snippet} FROM entries_fts f JOIN entries e ON e.id = {_ENTRY_OF_KEY} "
        f"WHERE {' AND '.join(where)} ORDER BY f.rowid LIMIT :limit OFFSET :offset"
    )
    return [(int(row[0]), str(row[1] or "")) for row in conn.execute(sql, params)]


def count(conn: DBAPIConnection, which: EntryFilter = EntryFilter()) -> int:
    params: dict[str, object] = {}
    where = _where(which, params)
    row = conn.execute(f"SELECT count(*) FROM entries e WHERE {' AND '.join(where)}", params)
    return int(row.fetchone()[0])


# One query for a page of entries with their tags and emotions. The ORM with relationship loading
# costs ~3 queries and object tracking per page.
_LOAD_SQL = f"""
SELECT {", ".join(f"e.{name}" for name in ENTRY_COLUMNS)},
       (SELECT json_group_array(t.name ORDER BY et.rowid) FROM entry_tags et
          JOIN tags t ON t.id = et.tag_id WHERE et.entry_id = e.id) AS tags,
       (SELECT json_group_array(json_array(m.name, m.intensity) ORDER BY m.id)
          FROM entry_emotions m WHERE m.entry_id = e.id) AS emotions
FROM entries e WHERE e.id IN (SELECT value FROM json_each(:ids))
"""


def load_many(conn: DBAPIConnection, ids: list[int]) -> dict[int, Entry]:
    """Entries by id, as domain objects, in one round trip (ids that don't exist are absent)."""
    if not ids:
        return {}
    cursor = conn.execute(_LOAD_SQL, {"ids": json.dumps(ids)})
    names = [column[0] for column in cursor.description]
    found = {}
    for values in cursor:
        row = dict(zip(names, values, strict=True))
        entry = decode_entry(row, json.loads(row["tags"]), json.loads(row["emotions"]))
        found[int(row["id"])] = entry
    return found


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
    found = _matches(conn, which, expression, limit, offset, snippets=True)
    loaded = load_many(conn, [entry_id for entry_id, _ in found])
    return [SearchHit(loaded[i], text) for i, text in found if i in loaded]
