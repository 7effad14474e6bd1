"""Trigger-event history: every event ever logged, filtered and read a page at a time.

The history must stay quick on a hundred years of events, so it is read newest first in pages with
a keyset (the last shown event's day, time and id), never with an offset, ordered by the indexed
day first so a page reads only what it shows; filters are applied in SQL. Deleting an event
keeps what undo needs: the event itself and the coping uses that named it.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import and_, or_, select, update
from sqlalchemy.orm import Session

from recovery_journal.domain.tracking import DeletedEvent, EventFilter, HistoryEvent
from recovery_journal.storage.orm import CopingUseRow, TriggerEventRow, TriggerRow
from recovery_journal.storage.repositories import TRIGGER_EVENTS

Cursor = tuple[date, datetime, int]
"""Where a page ended: the last event's day, time and id (the next page starts after it)."""


def event_page(
    session: Session, chosen: EventFilter, *, after: Cursor | None = None, limit: int = 100
) -> list[HistoryEvent]:
    """Up to ``limit`` events matching ``chosen``, newest first, after ``after``."""
    event, trigger = TriggerEventRow, TriggerRow
    query = select(event, trigger.name, trigger.category).join(
        trigger, trigger.id == event.trigger_id
    )
    if chosen.trigger_id is not None:
        query = query.where(event.trigger_id == chosen.trigger_id)
    if chosen.category is not None:
        query = query.where(trigger.category == chosen.category)
    if chosen.start is not None:
        query = query.where(event.local_date >= chosen.start)
    if chosen.end is not None:
        query = query.where(event.local_date <= chosen.end)
    if after is not None:
        day, when, ident = after
        later_in_day = or_(
            event.occurred_utc < when, and_(event.occurred_utc == when, event.id < ident)
        )
        # ``local_date <= day`` first: a range on the day index, so a page never sorts it all.
        query = query.where(event.local_date <= day, or_(event.local_date < day, later_in_day))
    newest_first = (event.local_date.desc(), event.occurred_utc.desc(), event.id.desc())
    query = query.order_by(*newest_first).limit(limit)
    return [
        HistoryEvent(TRIGGER_EVENTS.to_domain(row), name, category)
        for row, name, category in session.execute(query)
    ]


def delete_event(session: Session, event_id: int) -> DeletedEvent:
    """Delete one event (its coping uses stay, unlinked) and return what undo needs."""
    gone = TRIGGER_EVENTS.get(session, event_id)
    linked = session.scalars(
        select(CopingUseRow.id).where(CopingUseRow.trigger_event_id == event_id)
    ).all()
    TRIGGER_EVENTS.delete(session, event_id)
    return DeletedEvent(gone, tuple(int(i) for i in linked))


def restore_event(session: Session, deleted: DeletedEvent) -> None:
    """Put a deleted event back with its id, and link its coping uses to it again."""
    TRIGGER_EVENTS.add_all_with_ids(session, [deleted.event])
    if deleted.linked_use_ids:
        session.execute(
            update(CopingUseRow)
            .where(CopingUseRow.id.in_(deleted.linked_use_ids))
            .values(trigger_event_id=deleted.event.id)
        )
