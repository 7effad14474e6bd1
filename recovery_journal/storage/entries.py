"""Entries in and out of storage: tags, emotions, edit history, trash and the search index.

Every write keeps the FTS index in step inside the same transaction: an entry is unindexed before
it changes and indexed after (see :mod:`.search`). Editing keeps the version it
replaces as a revision; deleting moves an entry to the trash; only purging the trash removes it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from recovery_journal.domain.clock import utc_now, wall_clock
from recovery_journal.domain.entries import Entry, EntryRevision
from recovery_journal.errors import NotFoundError
from recovery_journal.storage import reads, search
from recovery_journal.storage.database import DBAPIConnection
from recovery_journal.storage.entry_codec import (
    ENTRY_COLUMNS,
    check_in_columns,
    decode_entry,
    source_columns,
)
from recovery_journal.storage.orm import (
    EmotionRow,
    EntryRevisionRow,
    EntryRow,
    TagRow,
    entry_tags,
)


def _to_domain(row: EntryRow) -> Entry:
    columns = {name: getattr(row, name) for name in ENTRY_COLUMNS}
    emotions = ((e.name, e.intensity) for e in row.emotions)
    return decode_entry(columns, (t.name for t in row.tags), emotions)


def _revision(row: EntryRevisionRow) -> EntryRevision:
    return EntryRevision(
        entry_id=row.entry_id,
        replaced_utc=row.replaced_utc,
        title=row.title,
        body=row.body,
        mood=row.mood,
        tags=tuple(row.tags),
        id=row.id,
    )


def _known_tags(session: Session, names: Iterable[str]) -> dict[str, TagRow]:
    """The stored tags among ``names``, by case-folded name (one query)."""
    folded = {n.casefold() for n in names}
    if not folded:
        return {}
    found = session.scalars(select(TagRow).where(func.casefold(TagRow.name).in_(folded)))
    return {t.name.casefold(): t for t in found}


def _tag_rows(
    session: Session, names: tuple[str, ...], known: dict[str, TagRow] | None = None
) -> list[TagRow]:
    """The rows for ``names``, new ones added; ``known`` (tags looked up already) is updated."""
    if not names:
        return []
    existing = _known_tags(session, names) if known is None else known
    rows: list[TagRow] = []
    for name in names:
        row = existing.get(name.casefold())
        if row is None:
            row = TagRow(name=name)
            session.add(row)
            existing[name.casefold()] = row
        rows.append(row)
    return rows


def _apply(
    session: Session, row: EntryRow, entry: Entry, known: dict[str, TagRow] | None = None
) -> None:
    row.local_date = entry.local_date
    row.title = entry.title
    row.body = entry.body
    for column, value in check_in_columns(entry.check_in).items():
        setattr(row, column, value)
    row.bring_to_therapy = entry.bring_to_therapy
    row.starred = entry.starred
    if entry.local_time is not None:  # an edit that does not say keeps the time it had
        row.local_time = entry.local_time
        row.utc_offset_minutes = entry.utc_offset_minutes
    row.tags = _tag_rows(session, entry.tags, known)
    row.emotions = [EmotionRow(name=e.name, intensity=e.intensity) for e in entry.check_in.emotions]


def _row(session: Session, entry_id: int) -> EntryRow:
    row = session.get(EntryRow, entry_id)
    if row is None:
        raise NotFoundError("entry", entry_id)
    return row


def _new_row(
    session: Session, entry: Entry, now: datetime, known: dict[str, TagRow] | None = None
) -> EntryRow:
    row = EntryRow(
        created_utc=entry.created_utc or now,
        updated_utc=entry.updated_utc or now,
        deleted_utc=entry.deleted_utc,
        **source_columns(entry.source),
    )
    if entry.local_time is None and entry.source is None:
        row.local_time, row.utc_offset_minutes = wall_clock(row.created_utc)
    _apply(session, row, entry, known)
    return row


def add(session: Session, entry: Entry) -> Entry:
    """Store a new entry. One written here (no ``source``) without a time gets the wall clock of
    its creation; an imported one keeps exactly what its source said (maybe no time at all)."""
    row = _new_row(session, entry, utc_now())
    session.add(row)
    session.flush()
    search.index_entry(session, row.id)
    return _to_domain(row)


def add_many(session: Session, entries: Sequence[Entry]) -> int:
    """Store many new entries exactly as :func:`add` would, in bulk (imports, demo journals).

    Rows are made as :func:`add` makes them, then written with one executemany per table and ids
    given here (the next free ones; ``entries`` has no AUTOINCREMENT): the ORM would insert them
    one ``INSERT … RETURNING`` at a time, with a tag query and an index statement apiece."""
    with session.no_autoflush:
        known = _known_tags(session, (name for e in entries for name in e.tags))
        now = utc_now()
        rows = [_new_row(session, entry, now, known) for entry in entries]
    session.flush()  # tags that are new get their ids
    first = (session.scalar(select(func.max(EntryRow.id))) or 0) + 1
    values, links, feelings = [], [], []
    for entry_id, row in enumerate(rows, first):
        row.id = entry_id
        columns = _column_values(row)
        tags = [t.name for t in row.tags]
        # As add() does by reading the row back: what would not read back is not written.
        decode_entry(columns, tags, ((m.name, m.intensity) for m in row.emotions))
        values.append(columns)
        links += [{"entry_id": entry_id, "tag_id": t.id} for t in row.tags]
        feelings += [{**_column_values(m), "entry_id": entry_id} for m in row.emotions]
    if values:
        session.execute(insert(EntryRow), values)
    if links:
        session.execute(insert(entry_tags), links)
    if feelings:
        session.execute(insert(EmotionRow), feelings)
    search.index_entries(session, range(first, first + len(rows)))
    return len(rows)


def _column_values(row: EntryRow | EmotionRow) -> dict[str, Any]:
    """A new row's column values for a Core insert (a column never set gets its default; one
    the database fills itself — a server default without a value: the search key's triggers —
    is left to it)."""
    out: dict[str, Any] = {}
    for column in row.__table__.columns:
        if column.server_default is not None and not column.server_default.has_argument:
            continue
        value = getattr(row, column.key)
        if value is None and column.default is not None and column.default.is_scalar:
            value = column.default.arg
        out[column.key] = value
    return out


def update(session: Session, entry: Entry) -> Entry:
    """Save a changed entry; the version it replaces is kept when text, mood or tags changed.
    Where an entry came from never changes; its time changes only when the edit gives one."""
    if entry.id is None:
        raise NotFoundError("entry", 0)
    row = _row(session, entry.id)
    before = _to_domain(row)
    changed = (before.title, before.body, before.check_in.mood, before.tags) != (
        entry.title,
        entry.body,
        entry.check_in.mood,
        entry.tags,
    )
    now = utc_now()
    searched = (before.local_date, before.title, before.body, before.tags) != (
        entry.local_date,
        entry.title,
        entry.body,
        entry.tags,
    )
    if searched:  # out of the index as it was indexed, before anything it shows changes
        search.unindex_entry(session, row.id)
    if changed:
        session.add(
            EntryRevisionRow(
                entry_id=row.id,
                replaced_utc=now,
                title=before.title,
                body=before.body,
                mood=before.check_in.mood,
                tags=before.tags,
            )
        )
    if before.tags != entry.tags:
        # The links are written in the order given: the ORM only adds and removes links, so a
        # new order of the same tags would not be stored. Unlink all, then link as given.
        row.tags = []
        session.flush()
    _apply(session, row, entry)
    row.updated_utc = now
    session.flush()
    if searched:
        search.index_entry(session, row.id)
    return _to_domain(row)


def get(session: Session, entry_id: int) -> Entry:
    return _to_domain(_row(session, entry_id))


def set_trashed(session: Session, entry_id: int, trashed: bool) -> Entry:
    row = _row(session, entry_id)
    row.deleted_utc = utc_now() if trashed else None
    session.flush()
    return _to_domain(row)


def purge(session: Session, entry_id: int) -> None:
    """Remove an entry that is already in the trash, with its history and index row."""
    row = _row(session, entry_id)
    if row.deleted_utc is None:
        raise NotFoundError("entry in the trash", entry_id)
    search.unindex_entry(session, entry_id)
    session.delete(row)
    session.flush()


def _raw(session: Session) -> DBAPIConnection:
    """The SQLCipher connection under ``session``, inside the session's transaction."""
    return session.connection().connection.driver_connection


def list_entries(
    session: Session,
    *,
    start: date | None = None,
    end: date | None = None,
    tag: str | None = None,
    therapy_only: bool = False,
    trash: bool = False,
    limit: int | None = None,
    offset: int = 0,
) -> list[Entry]:
    """Entries newest first (by the day they are about, then by creation)."""
    which = reads.EntryFilter(start, end, tag, therapy_only, trash)
    return reads.list_entries(_raw(session), which, limit=limit, offset=offset)


def revisions(session: Session, entry_id: int) -> list[EntryRevision]:
    """Earlier versions of an entry, newest first."""
    _row(session, entry_id)
    rows = session.scalars(
        select(EntryRevisionRow)
        .where(EntryRevisionRow.entry_id == entry_id)
        .order_by(EntryRevisionRow.replaced_utc.desc(), EntryRevisionRow.id.desc())
    )
    return [_revision(r) for r in rows]


def daily_moods(session: Session, start: date, end: date) -> dict[date, float]:
    """Mean mood per day in [start, end] over live entries that have a mood."""
    rows = session.execute(
        select(EntryRow.local_date, func.avg(EntryRow.mood))
        .where(
            EntryRow.deleted_utc.is_(None),
            EntryRow.mood.is_not(None),
            EntryRow.local_date >= start,
            EntryRow.local_date <= end,
        )
        .group_by(EntryRow.local_date)
    )
    return {day: float(mean) for day, mean in rows}


def daily_counts(session: Session, start: date, end: date) -> dict[date, int]:
    """How many live entries each day in [start, end] has (days without any are absent)."""
    rows = session.execute(
        select(EntryRow.local_date, func.count(EntryRow.id))
        .where(
            EntryRow.deleted_utc.is_(None),
            EntryRow.local_date >= start,
            EntryRow.local_date <= end,
        )
        .group_by(EntryRow.local_date)
    )
    return {day: int(count) for day, count in rows}


def all_tags(session: Session) -> list[str]:
    return list(session.scalars(select(TagRow.name).order_by(func.casefold(TagRow.name))))


def all_revisions(session: Session) -> list[EntryRevision]:
    """Every kept earlier version, oldest first (for export)."""
    rows = session.scalars(select(EntryRevisionRow).order_by(EntryRevisionRow.id))
    return [_revision(r) for r in rows]


def all_entries(session: Session) -> list[Entry]:
    """Every entry, trash included, oldest first (for export)."""
    return [_to_domain(r) for r in session.scalars(select(EntryRow).order_by(EntryRow.id))]
