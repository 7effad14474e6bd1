"""Full-text search inside the encrypted file (FTS5), kept in step with entries by the repository.

People type words, not FTS syntax: :func:`match_expression` turns any text into a safe MATCH
expression (each word quoted, the last one a prefix while typing), so quotes, ``NEAR``, ``*``,
``-`` or brackets in a query can never raise a syntax error or change the query's meaning.
"""

from __future__ import annotations

import re

from sqlalchemy import text
from sqlalchemy.orm import Session

from recovery_journal.domain.entries import MATCH_END, MATCH_START

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


def index_entry(session: Session, entry_id: int, title: str, body: str, tags: list[str]) -> None:
    """(Re)index one entry; call inside the transaction that wrote it."""
    unindex_entry(session, entry_id)
    session.execute(
        text("INSERT INTO entries_fts(rowid, title, body, tags) VALUES (:id, :t, :b, :g)"),
        {"id": entry_id, "t": title, "b": body, "g": " ".join(tags)},
    )


def unindex_entry(session: Session, entry_id: int) -> None:
    session.execute(text("DELETE FROM entries_fts WHERE rowid = :id"), {"id": entry_id})


def find(
    session: Session, query: str, *, limit: int = 200, include_trash: bool = False
) -> list[tuple[int, str]]:
    """Entry ids with a highlighted snippet, newest first."""
    expression = match_expression(query)
    if expression is None:
        return []
    trash_filter = "" if include_trash else "AND e.deleted_utc IS NULL"
    rows = session.execute(
        text(
            "SELECT e.id, snippet(entries_fts, -1, :start, :end, '…', 12) "
            "FROM entries_fts JOIN entries e ON e.id = entries_fts.rowid "
            f"WHERE entries_fts MATCH :q {trash_filter} "
            "ORDER BY e.local_date DESC, e.id DESC LIMIT :limit"
        ),
        {"q": expression, "start": MATCH_START, "end": MATCH_END, "limit": limit},
    )
    return [(int(r[0]), str(r[1])) for r in rows]


def integrity_ok(session: Session) -> bool:
    """FTS5's own consistency check between the index and its stored text."""
    try:
        session.execute(text("INSERT INTO entries_fts(entries_fts) VALUES ('integrity-check')"))
    except Exception:
        return False
    return True
