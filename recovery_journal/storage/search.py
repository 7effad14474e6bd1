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


def snippets(
    session: Session, expression: str, ids: list[int], *, every_match: bool
) -> dict[int, str]:
    """Highlighted snippets for just ``ids`` (``snippet()`` is the expensive part of a search, so
    it is never computed for the thousands of matches of a common word that aren't shown).
    ``every_match`` says ``ids`` are all the matches there are (a rare word): one pass."""
    if not ids:
        return {}
    params = {"q": expression, "start": MATCH_START, "end": MATCH_END}
    select_snippet = (
        "SELECT rowid, snippet(entries_fts, -1, :start, :end, '…', 12) "
        "FROM entries_fts WHERE entries_fts MATCH :q"
    )
    wanted = set(ids)
    if every_match:  # few matches: snippets for all of them in one pass
        rows = session.execute(text(select_snippet), params)
        return {int(r[0]): str(r[1]) for r in rows if int(r[0]) in wanted}
    select_snippet += " AND "
    low, high = min(ids), max(ids)
    if high - low < 8 * len(ids):  # ids close together: one range scan (FTS5 rowid bounds)
        rows = session.execute(
            text(select_snippet + "rowid BETWEEN :low AND :high"),
            {**params, "low": low, "high": high},
        )
        return {int(r[0]): str(r[1]) for r in rows if int(r[0]) in wanted}
    statement = text(select_snippet + "rowid = :id")
    found: dict[int, str] = {}
    for ident in ids:  # scattered ids: one direct rowid lookup each
        row = session.execute(statement, {**params, "id": ident}).first()
        if row is not None:
            found[ident] = str(row[1])
    return found


def integrity_ok(session: Session) -> bool:
    """FTS5's own consistency check between the index and its stored text."""
    try:
        session.execute(text("INSERT INTO entries_fts(entries_fts) VALUES ('integrity-check')"))
    except Exception:
        return False
    return True
