"""Keeping the full-text index (FTS5) in step with entries, inside the transaction that writes them.

Searching it is in :mod:`recovery_journal.storage.reads` (plain SQL, no ORM).
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from recovery_journal.storage.database import sqlite_error_name


def index_entry(session: Session, entry_id: int, title: str, body: str, tags: list[str]) -> None:
    """(Re)index one entry; call inside the transaction that wrote it."""
    unindex_entry(session, entry_id)
    session.execute(
        text("INSERT INTO entries_fts(rowid, title, body, tags) VALUES (:id, :t, :b, :g)"),
        {"id": entry_id, "t": title, "b": body, "g": " ".join(tags)},
    )


def index_new(session: Session, rows: list[tuple[int, str, str, list[str]]]) -> None:
    """Index entries that were just added (id, title, body, tags), in one statement."""
    if rows:
        session.execute(
            text("INSERT INTO entries_fts(rowid, title, body, tags) VALUES (:id, :t, :b, :g)"),
            [{"id": i, "t": t, "b": b, "g": " ".join(g)} for i, t, b, g in rows],
        )


def unindex_entry(session: Session, entry_id: int) -> None:
    session.execute(text("DELETE FROM entries_fts WHERE rowid = :id"), {"id": entry_id})


def integrity_ok(session: Session) -> bool:
    """FTS5's own consistency check between the index and its stored text.

    False only when FTS5 reports the index damaged (``SQLITE_CORRUPT_VTAB``); any other error (a
    full or failing disk, a missing table, a bug) is raised as it is, not called damage."""
    try:
        session.execute(text("INSERT INTO entries_fts(entries_fts) VALUES ('integrity-check')"))
    except DBAPIError as exc:
        if exc.orig is not None and sqlite_error_name(exc.orig).startswith("SQLITE_CORRUPT"):
            return False
        raise
    return True
