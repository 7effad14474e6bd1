"""Keeping the full-text index (FTS5) in step with entries, inside the transaction that writes them.

Searching it is in :mod:`recovery_journal.storage.reads` (plain SQL, no ORM).
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session


def index_entry(session: Session, entry_id: int, title: str, body: str, tags: list[str]) -> None:
    """(Re)index one entry; call inside the transaction that wrote it."""
    unindex_entry(session, entry_id)
    session.execute(
        text("INSERT INTO entries_fts(rowid, title, body, tags) VALUES (:id, :t, :b, :g)"),
        {"id": entry_id, "t": title, "b": body, "g": " ".join(tags)},
    )


def unindex_entry(session: Session, entry_id: int) -> None:
    session.execute(text("DELETE FROM entries_fts WHERE rowid = :id"), {"id": entry_id})


def integrity_ok(session: Session) -> bool:
    """FTS5's own consistency check between the index and its stored text."""
    try:
        session.execute(text("INSERT INTO entries_fts(entries_fts) VALUES ('integrity-check')"))
    except Exception:
        return False
    return True
