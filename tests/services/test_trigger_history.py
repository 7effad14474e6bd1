"""The trigger history (issue 13 §4): every event ever logged, filtered, paged, edited, deleted
with undo — on a real encrypted journal."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, timedelta

import pytest

from recovery_journal.domain.coping import CopingCategory, CopingStrategy
from recovery_journal.domain.tracking import EventFilter, Trigger, TriggerCategory
from recovery_journal.errors import ValidationError
from recovery_journal.services.session import JournalSession

START = datetime(2001, 1, 1, 12, 0, tzinfo=UTC)


def _fill(journal: JournalSession, count: int) -> tuple[int, int]:
    """``count`` events, one a week from 2001 on, alternating two triggers."""
    payday = journal.tracking.triggers.add(Trigger("Payday", TriggerCategory.DATES)).id or 0
    alone = journal.tracking.triggers.add(Trigger("Being alone", TriggerCategory.HALT)).id or 0
    for n in range(count):
        journal.tracking.log_trigger(
            payday if n % 2 else alone, n % 11, when=START + timedelta(weeks=n)
        )
    return payday, alone


def test_history_reaches_back_past_thirty_days_a_page_at_a_time(journal: JournalSession) -> None:
    _fill(journal, 250)
    seen = []
    page = journal.tracking.event_history(limit=100)
    seen += page.events
    while page.more:
        page = journal.tracking.event_history(after=page.cursor, limit=100)
        seen += page.events
    times = [h.event.occurred_utc for h in seen]
    assert len(seen) == 250 and len({h.event.id for h in seen}) == 250
    assert times == sorted(times, reverse=True)
    assert times[-1] == START  # the very first one, years ago


def test_history_filters_by_trigger_category_and_dates(journal: JournalSession) -> None:
    payday, _alone = _fill(journal, 40)
    only = journal.tracking.event_history(EventFilter(trigger_id=payday)).events
    assert len(only) == 20 and {h.trigger_name for h in only} == {"Payday"}
    halt = journal.tracking.event_history(EventFilter(category=TriggerCategory.HALT)).events
    assert {h.trigger_name for h in halt} == {"Being alone"}
    spring = EventFilter(start=date(2001, 3, 1), end=date(2001, 3, 31))
    march = journal.tracking.event_history(spring).events
    assert march and all(h.event.local_date.month == 3 for h in march)
    both = journal.tracking.event_history(dataclasses.replace(spring, trigger_id=payday)).events
    assert set(h.event.id for h in both) < set(h.event.id for h in march)


def test_edit_an_event(journal: JournalSession) -> None:
    payday, alone = _fill(journal, 2)
    [newest, oldest] = journal.tracking.event_history().events
    assert (newest.event.trigger_id, oldest.event.trigger_id) == (payday, alone)
    moved = START + timedelta(days=1)
    changed = dataclasses.replace(
        newest.event, trigger_id=alone, intensity=9, context="Rent day", occurred_utc=moved
    )
    journal.tracking.edit_event(changed)
    assert journal.tracking.event_history(EventFilter(trigger_id=payday)).events == []
    [edited, _] = journal.tracking.event_history(EventFilter(trigger_id=alone)).events
    assert (edited.event.context, edited.event.intensity) == ("Rent day", 9)
    assert edited.event.local_date == moved.astimezone().date()
    future = dataclasses.replace(changed, occurred_utc=datetime.now(UTC) + timedelta(days=1))
    with pytest.raises(ValidationError):
        journal.tracking.edit_event(future)


def test_delete_an_event_and_undo_it_exactly(journal: JournalSession) -> None:
    _fill(journal, 3)
    [event] = journal.tracking.event_history(limit=1).events
    walk = journal.coping.strategies.add(CopingStrategy("Walk", CopingCategory.PHYSICAL))
    use = journal.coping.log_use(walk.id or 0, trigger_event_id=event.event.id)
    deleted = journal.tracking.delete_event(event.event.id or 0)
    assert len(journal.tracking.event_history().events) == 2
    assert journal.coping.uses.get(use.id or 0).trigger_event_id is None  # the use stays
    journal.tracking.undo_delete_event(deleted)
    assert journal.tracking.event_history(limit=1).events == [event]
    assert journal.coping.uses.get(use.id or 0).trigger_event_id == event.event.id
