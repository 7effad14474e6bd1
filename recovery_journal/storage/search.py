"""Keeping the full-text index (FTS5) in step with entries, inside the transaction that writes them.

The index is an external-content FTS5 table (schema version 8): it stores no text of its own but
reads it from the view ``entries_search`` (an entry's title, body and tag names), and since
version 10 no word positions either (``detail=column``), so a query may not hold a phrase.

FTS5 can only remove an entry from its index given exactly the words it indexed, so the rule is:
**unindex an entry before** anything the view shows of it changes (its date, title, body or tags)
**and index it after**, in the same transaction; a new entry is only indexed, an entry deleted for
good only unindexed first. Every write path does this through the three functions below.

The index's rowid is the entry's ``search_key`` (newest first), which triggers in the schema set
when an entry is added or its date changes (schema version 11), before it is indexed; searching is
in :mod:`recovery_journal.storage.reads` (plain SQL, no ORM).
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from recovery_journal.storage.database import sqlite_error_name

_COLUMNS = "search_key, title, body, tags"
_ONE = "SELECT {what} FROM entries_search WHERE id = :id"
# In ascending key order: FTS5 starts a new segment whenever a rowid is not above the last one.
_MANY = (
    "SELECT {what} FROM entries_search WHERE id IN (SELECT value FROM json_each(:ids)) "
    "ORDER BY search_key"
)


def index_entry(session: Session, entry_id: int) -> None:
    """Index one entry as it is now (new, or unindexed before it changed)."""
    session.execute(
        text(f"INSERT INTO entries_fts(rowid, title, body, tags) {_ONE.format(what=_COLUMNS)}"),
        {"id": entry_id},
    )


def index_entries(session: Session, entry_ids: Iterable[int]) -> None:
    """Index entries that were just added, in one statement."""
    ids = json.dumps(list(entry_ids))
    session.execute(
        text(f"INSERT INTO entries_fts(rowid, title, body, tags) {_MANY.format(what=_COLUMNS)}"),
        {"ids": ids},
    )


def unindex_entry(session: Session, entry_id: int) -> None:
    """Take one entry out of the index, as it is now (before it changes or goes)."""
    what = f"'delete', {_COLUMNS}"
    session.execute(
        text(
            "INSERT INTO entries_fts(entries_fts, rowid, title, body, tags) "
            f"{_ONE.format(what=what)}"
        ),
        {"id": entry_id},
    )


def integrity_ok(session: Session) -> bool:
    """FTS5's own consistency check between the index and the text it was built from.

    False only when FTS5 reports the index damaged (``SQLITE_CORRUPT_VTAB``); any other error (a
    full or failing disk, a missing table, a bug) is raised as it is, not called damage."""
    try:
        # rank = 1: also against the text in ``entries`` (an external-content table's check
        # otherwise looks at the index alone).
        session.execute(
            text("INSERT INTO entries_fts(entries_fts, rank) VALUES ('integrity-check', 1)")
        )
    except DBAPIError as exc:
        if exc.orig is not None and sqlite_error_name(exc.orig).startswith("SQLITE_CORRUPT"):
            return False
        raise
    return True
