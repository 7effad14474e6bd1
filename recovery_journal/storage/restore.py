"""Writing imported records: a whole Recovery Journal export with its own ids, and the look-ups an
import needs (is the journal new, which sources are already here).

Everything runs inside the caller's session, so an import is one transaction: all or nothing.
Records keep the ids of the export, so the links between them (an event's entry, a use's
strategy) stay right and exporting again gives the same records.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, func, select, tuple_
from sqlalchemy.orm import Session

from recovery_journal.domain.clock import utc_now, wall_clock
from recovery_journal.domain.coping import CopingStrategy
from recovery_journal.domain.entries import Draft, Entry, EntryRevision
from recovery_journal.storage import drafts, measures, repositories, search
from recovery_journal.storage.database import DBAPIConnection
from recovery_journal.storage.orm import (
    UTC_FORMAT,
    Base,
    CopingStrategyRow,
    DraftRow,
    EntryRevisionRow,
    EntryRow,
)
from recovery_journal.storage.repository import Repository

# The export's record lists in an order that satisfies every foreign key (parents first).
RECORDS: dict[str, Repository[Any]] = {
    "triggers": repositories.TRIGGERS,
    "trigger_events": repositories.TRIGGER_EVENTS,
    "warning_signs": repositories.WARNING_SIGNS,
    "warning_sign_observations": repositories.OBSERVATIONS,
    "coping_strategies": repositories.STRATEGIES,
    "coping_uses": repositories.USES,
    "coping_plan": repositories.PLAN_ITEMS,
    "safety_plan": repositories.SAFETY_ITEMS,
    "support_contacts": repositories.CONTACTS,
    "peer_meetings": repositories.MEETINGS,
    "counters": repositories.COUNTERS,
    "slips": repositories.SLIPS,
    "milestones": repositories.MILESTONES,
    "goals": repositories.GOALS,
    "goal_steps": repositories.GOAL_STEPS,
    "phases": repositories.PHASES,
    "measures": measures.MEASURES,
    "measure_values": measures.MEASURE_VALUES,
}


def record_type(key: str) -> type[Any]:
    """The domain class of one of the export's record lists."""
    return RECORDS[key].domain_cls


def _library_is(session: Session, defaults: list[CopingStrategy]) -> bool:
    """The journal's coping library is exactly ``defaults`` (or empty), as a new journal got it."""
    stored = repositories.STRATEGIES.active(session, include_archived=True)

    def shape(items: list[CopingStrategy]) -> list[tuple[Any, ...]]:
        return sorted(
            (i.name, i.category.value, i.steps, i.favourite, i.source.value, i.archived_utc)
            for i in items
        )

    return not stored or shape(stored) == shape(defaults)


def is_new(session: Session, defaults: list[CopingStrategy]) -> bool:
    """Whether the journal holds nothing a person wrote: no entry, draft or record of any kind,
    apart from the untouched default coping library (``defaults``) a new journal gets."""
    tables: list[type[Base]] = [EntryRow, DraftRow] + [
        r.row_cls for r in RECORDS.values() if r.row_cls is not CopingStrategyRow
    ]
    empty = all(
        not session.scalar(select(func.count()).select_from(table).limit(1)) for table in tables
    )
    return empty and _library_is(session, defaults)


def clear_default_library(session: Session) -> None:
    """Remove a new journal's untouched default library (nothing refers to it yet), so a
    restored export's own library, with its ids, takes its place."""
    session.execute(delete(CopingStrategyRow))
    session.flush()


def existing_sources(session: Session, keys: Iterable[tuple[str, str]]) -> set[tuple[str, str]]:
    """Which of these (source app, source id) pairs an entry of the journal already has."""
    wanted = list(dict.fromkeys(keys))
    found: set[tuple[str, str]] = set()
    for start in range(0, len(wanted), 400):  # SQLite's bound-parameter limit
        chunk = wanted[start : start + 400]
        rows = session.execute(
            select(EntryRow.source_app, EntryRow.source_id).where(
                tuple_(EntryRow.source_app, EntryRow.source_id).in_(chunk)
            )
        )
        found.update((str(app), str(ident)) for app, ident in rows)
    return found


_INSERT_ENTRY = (
    "INSERT INTO entries (id, local_date, title, body, mood, anxiety, energy, sleep_hours, "
    "sleep_quality, bring_to_therapy, created_utc, updated_utc, deleted_utc, local_time, "
    "utc_offset_minutes, starred, source_app, source_id, source_mood_label) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def _stamp(value: datetime | None) -> str | None:
    return None if value is None else value.astimezone(UTC).strftime(UTC_FORMAT)


def _tag_ids(conn: DBAPIConnection, entries: list[Entry]) -> dict[str, int]:
    """casefolded name → id for every tag of ``entries``, adding the new ones."""
    ids = {str(name).casefold(): int(i) for i, name in conn.execute("SELECT id, name FROM tags")}
    for entry in entries:
        for tag in entry.tags:
            if tag.casefold() not in ids:
                cursor = conn.execute("INSERT INTO tags (name) VALUES (?)", (tag,))
                ids[tag.casefold()] = int(cursor.lastrowid)
    return ids


def add_entries(session: Session, entries: Iterable[Entry], *, keep_id: bool = False) -> int:
    """Add new entries in bulk with plain SQL (each indexed for search, tags and emotions
    stored), inside the session's transaction; the ORM path costs ~5 ms an entry, this ~0.1.
    An entry written here (no source) without a time gets the wall clock of its creation,
    as :func:`recovery_journal.storage.entries.add` does. ``keep_id``: with the ids they have
    (restoring an export). Returns how many."""
    batch = list(entries)
    conn: DBAPIConnection = session.connection().connection.driver_connection
    tag_ids = _tag_ids(conn, batch)
    now = utc_now()
    added: list[int] = []
    for entry in batch:
        created = entry.created_utc or now
        local_time, offset = entry.local_time, entry.utc_offset_minutes
        if local_time is None and entry.source is None:
            local_time, offset = wall_clock(created)
        source = entry.source
        check = entry.check_in
        cursor = conn.execute(
            _INSERT_ENTRY,
            (
                entry.id if keep_id else None,
                entry.local_date.isoformat(), entry.title, entry.body, check.mood,
                check.anxiety, check.energy, check.sleep_hours, check.sleep_quality,
                int(entry.bring_to_therapy), _stamp(created), _stamp(entry.updated_utc or now),
                _stamp(entry.deleted_utc), local_time, offset, int(entry.starred),
                source.app if source else None, source.id if source else None,
                source.mood_label if source else None,
            ),
        )  # fmt: skip
        entry_id = int(cursor.lastrowid)
        if entry.tags:
            conn.executemany(
                "INSERT INTO entry_tags (entry_id, tag_id) VALUES (?, ?)",
                [(entry_id, tag_ids[t.casefold()]) for t in entry.tags],
            )
        if check.emotions:
            conn.executemany(
                "INSERT INTO entry_emotions (entry_id, name, intensity) VALUES (?, ?, ?)",
                [(entry_id, e.name, e.intensity) for e in check.emotions],
            )
        added.append(entry_id)
    search.index_entries(session, added)
    return len(batch)


def restore_entries(session: Session, entries: list[Entry]) -> None:
    """Exported entries with their ids, times, stars and sources as they were."""
    add_entries(session, entries, keep_id=True)


def restore_revision(session: Session, revision: EntryRevision) -> None:
    session.add(
        EntryRevisionRow(
            id=revision.id,
            entry_id=revision.entry_id,
            replaced_utc=revision.replaced_utc,
            title=revision.title,
            body=revision.body,
            mood=revision.mood,
            tags=revision.tags,
        )
    )
    session.flush()


def restore_draft(session: Session, draft: Draft) -> None:
    """A draft with the time it was saved (not now)."""
    drafts.save(session, draft)
    row = session.get(DraftRow, draft.slot)
    if row is not None and draft.saved_utc is not None:
        row.saved_utc = draft.saved_utc
        session.flush()


def restore_records(session: Session, key: str, records: list[Any]) -> None:
    """The records of the export list ``key``, with their ids."""
    RECORDS[key].add_all_with_ids(session, records)
