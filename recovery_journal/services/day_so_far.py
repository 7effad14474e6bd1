"""What a day held so far — its entries, trigger events and coping uses with their times — and a
glance at the day before, for the Today page's "Today so far".

Read in one transaction; the UI words it. Nothing here writes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from recovery_journal.domain.coping import CopingUse
from recovery_journal.domain.entries import Entry
from recovery_journal.domain.tracking import TriggerEvent
from recovery_journal.services.unit_of_work import UnitOfWork
from recovery_journal.storage import entries as entry_repo
from recovery_journal.storage import repositories as repos


@dataclass(frozen=True, slots=True)
class Glance:
    """A day in numbers: entries, their mean mood (None without moods), triggers, coping uses."""

    day: date
    entries: int
    mean_mood: float | None
    triggers: int
    coping_uses: int

    @property
    def empty(self) -> bool:
        return not (self.entries or self.triggers or self.coping_uses)


@dataclass(frozen=True, slots=True)
class DaySoFar:
    """One day's records in the order they happened, with names, and yesterday at a glance."""

    day: date
    entries: tuple[Entry, ...]
    trigger_events: tuple[tuple[TriggerEvent, str], ...]  # the event and its trigger's name
    coping_uses: tuple[tuple[CopingUse, str], ...]  # the use and its strategy's name
    yesterday: Glance

    @property
    def empty(self) -> bool:
        return not (self.entries or self.trigger_events or self.coping_uses)


def _entry_key(entry: Entry) -> tuple[str, datetime | None]:
    return entry.local_time or "", entry.created_utc


def day_so_far(uow: UnitOfWork, day: date) -> DaySoFar:
    """``day``'s entries (not in the trash), trigger events and coping uses, earliest first."""
    before = day - timedelta(days=1)
    with uow.transaction() as s:
        entries = entry_repo.list_entries(s, start=before, end=day)
        events = repos.TRIGGER_EVENTS.between(s, before, day)
        uses = repos.USES.between(s, before, day)
        triggers = {t.id: t.name for t in repos.TRIGGERS.active(s, include_archived=True)}
        strategies = {c.id: c.name for c in repos.STRATEGIES.active(s, include_archived=True)}
    todays = sorted((e for e in entries if e.local_date == day), key=_entry_key)
    moods = [e.check_in.mood for e in entries if e.local_date == before]
    known = [m for m in moods if m is not None]
    return DaySoFar(
        day=day,
        entries=tuple(todays),
        trigger_events=tuple(
            (e, triggers.get(e.trigger_id, ""))
            for e in sorted(events, key=lambda e: e.occurred_utc)
            if e.local_date == day
        ),
        coping_uses=tuple(
            (u, strategies.get(u.strategy_id, ""))
            for u in sorted(uses, key=lambda u: u.used_utc)
            if u.local_date == day
        ),
        yesterday=Glance(
            day=before,
            entries=len(moods),
            mean_mood=sum(known) / len(known) if known else None,
            triggers=sum(1 for e in events if e.local_date == before),
            coping_uses=sum(1 for u in uses if u.local_date == before),
        ),
    )
