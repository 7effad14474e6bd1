"""Triggers and early warning signs: the libraries, logging when they happen, the daily check,
the plan to show afterwards, and the overview the Triggers & signs page draws from.

One service, one style: ``session.tracking.<use case>(…)``, each call one transaction, so a page
sees a consistent picture and a failed log leaves the journal exactly as it was. The queries are
typed functions of :mod:`recovery_journal.storage.repositories`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.orm import Session

from recovery_journal.domain import tracking_rules as rules
from recovery_journal.domain.clock import local_date_of, utc_now
from recovery_journal.domain.coping import CopingStrategy, PlanTarget
from recovery_journal.domain.tracking import (
    DeletedEvent,
    EventFilter,
    HistoryEvent,
    Trigger,
    TriggerCategory,
    TriggerEvent,
    WarningSign,
    WarningSignObservation,
    WarningStage,
)
from recovery_journal.services.collection import Collection
from recovery_journal.services.starters import StarterService
from recovery_journal.services.unit_of_work import UnitOfWork
from recovery_journal.storage import entries as entry_repo
from recovery_journal.storage import event_history
from recovery_journal.storage import repositories as repos
from recovery_journal.storage.repositories import (
    OBSERVATIONS,
    TRIGGER_EVENTS,
    TRIGGERS,
    WARNING_SIGNS,
)

__all__ = [
    "OBSERVATIONS",
    "TRIGGERS",
    "TRIGGER_EVENTS",
    "WARNING_SIGNS",
    "CheckedSigns",
    "EventPage",
    "LogChoices",
    "LoggedTrigger",
    "SignCheck",
    "TrackingOverview",
    "TrackingService",
]


@dataclass(frozen=True, slots=True)
class TrackingOverview:
    """Everything the Triggers & signs page shows, read in one transaction."""

    today: date
    triggers: list[Trigger]
    signs: list[WarningSign]
    trigger_counts: dict[int, int]
    trigger_last_seen: dict[int, date]
    sign_counts: dict[int, int]
    sign_last_seen: dict[int, date]
    recent: list[rules.RecentItem]


@dataclass(frozen=True, slots=True)
class EventPage:
    """One page of the trigger history, newest first; ``more`` when older ones remain."""

    events: list[HistoryEvent]
    more: bool

    @property
    def cursor(self) -> tuple[date, datetime, int] | None:
        """Where the next page starts (None when this one is empty)."""
        if not self.events:
            return None
        last = self.events[-1].event
        assert last.id is not None  # stored
        return last.local_date, last.occurred_utc, last.id


@dataclass(frozen=True, slots=True)
class LogChoices:
    """What the "A trigger happened" dialog offers: the active triggers, and whether there is an
    entry today to link to."""

    triggers: list[Trigger]
    todays_entry_id: int | None


@dataclass(frozen=True, slots=True)
class LoggedTrigger:
    """A logged trigger event, its trigger, and the person's plan for it."""

    event: TriggerEvent
    trigger: Trigger
    plan: list[CopingStrategy]


@dataclass(frozen=True, slots=True)
class SignCheck:
    """What the daily warning-sign check offers: active signs and those already noted today."""

    signs: list[WarningSign]
    noted_today: set[int]


@dataclass(frozen=True, slots=True)
class CheckedSigns:
    """The observations just recorded, and the plan for each stage they point to."""

    observations: list[WarningSignObservation]
    plan: dict[WarningStage, list[CopingStrategy]]


def _entry_of_day(s: Session, day: date) -> int | None:
    newest = entry_repo.list_entries(s, start=day, end=day, limit=1)
    return newest[0].id if newest else None


def _plan_for(s: Session, target: PlanTarget) -> list[CopingStrategy]:
    return rules.ordered_strategies(*repos.plan_rows(s, target))


def _plan_for_signs(s: Session, sign_ids: list[int]) -> dict[WarningStage, list[CopingStrategy]]:
    signs = [repos.WARNING_SIGNS.get(s, i) for i in sign_ids]
    return {stage: _plan_for(s, PlanTarget(stage=stage)) for stage in rules.stages_of(signs)}


class TrackingService:
    """Libraries of triggers and warning signs, with their logs, and the use cases on them."""

    def __init__(self, uow: UnitOfWork) -> None:
        self._uow = uow
        self.triggers = Collection(uow, TRIGGERS)
        self.trigger_events = Collection(uow, TRIGGER_EVENTS)
        self.warning_signs = Collection(uow, WARNING_SIGNS)
        self.observations = Collection(uow, OBSERVATIONS)
        self.starters = StarterService(uow)

    def log_trigger(
        self,
        trigger_id: int,
        intensity: int,
        *,
        when: datetime | None = None,
        context: str = "",
        entry_id: int | None = None,
    ) -> TriggerEvent:
        """'A trigger happened' — now unless told otherwise (no plan, no entry look-up)."""
        when = when or utc_now()
        return self.trigger_events.add(
            TriggerEvent(trigger_id, when, local_date_of(when), intensity, context, entry_id)
        )

    def events_of(self, trigger_id: int) -> list[TriggerEvent]:
        """One trigger's events, oldest first."""
        with self._uow.transaction() as s:
            return repos.events_of_trigger(s, trigger_id)

    def event_history(
        self,
        chosen: EventFilter | None = None,
        *,
        after: tuple[date, datetime, int] | None = None,
        limit: int = 100,
    ) -> EventPage:
        """One page of every trigger event ever logged that matches ``chosen``, newest first,
        starting after ``after`` (the previous page's :attr:`EventPage.cursor`)."""
        with self._uow.transaction() as s:
            found = event_history.event_page(
                s, chosen or EventFilter(), after=after, limit=limit + 1
            )
        return EventPage(found[:limit], len(found) > limit)

    def edit_event(self, event: TriggerEvent) -> TriggerEvent:
        """Change a logged event (which trigger, when, how strong, what was happening); the
        local day follows the time, which is never in the future."""
        now = utc_now()
        when = rules.check_not_future(event.occurred_utc, now)
        return self.trigger_events.update(
            dataclasses.replace(event, occurred_utc=when, local_date=local_date_of(when))
        )

    def delete_event(self, event_id: int) -> DeletedEvent:
        """Delete a logged event; what it returns undoes it (:meth:`undo_delete_event`)."""
        with self._uow.transaction() as s:
            return event_history.delete_event(s, event_id)

    def undo_delete_event(self, deleted: DeletedEvent) -> None:
        """Bring a deleted event back, exactly (same id, its coping uses linked again)."""
        with self._uow.transaction() as s:
            event_history.restore_event(s, deleted)

    def observe_sign(
        self, sign_id: int, *, when: datetime | None = None, notes: str = ""
    ) -> WarningSignObservation:
        when = when or utc_now()
        return self.observations.add(
            WarningSignObservation(sign_id, when, local_date_of(when), notes)
        )

    def trigger_counts(self, start: date, end: date) -> dict[int, int]:
        """How many times each trigger was logged with a day in [start, end]."""
        with self._uow.transaction() as s:
            return repos.trigger_event_counts(s, start, end)

    def last_seen(self) -> dict[int, date]:
        """The last day each trigger was logged (triggers never logged are absent)."""
        with self._uow.transaction() as s:
            return repos.trigger_last_days(s)

    def overview(self, today: date, *, days: int = rules.RECENT_DAYS) -> TrackingOverview:
        """Libraries (archived included), counts over the last ``days`` days, last times, and the
        recent events and observations, newest first."""
        start, end = rules.recent_window(today, days)
        with self._uow.transaction() as s:
            triggers = rules.by_name(repos.TRIGGERS.list(s))
            signs = repos.WARNING_SIGNS.list(s)
            events = repos.TRIGGER_EVENTS.between(s, start, end)
            observations = repos.OBSERVATIONS.between(s, start, end)
            recent = rules.recent_items(
                events,
                observations,
                {t.id: t.name for t in triggers if t.id is not None},
                {g.id: g.name for g in signs if g.id is not None},
            )
            return TrackingOverview(
                today=today,
                triggers=triggers,
                signs=signs,
                trigger_counts=repos.trigger_event_counts(s, start, end),
                trigger_last_seen=repos.trigger_last_days(s),
                sign_counts=repos.observation_counts(s, start, end),
                sign_last_seen=repos.sign_last_days(s),
                recent=recent,
            )

    def todays_entry_id(self, day: date) -> int | None:
        """The newest entry (not in the trash) written for ``day``, if any."""
        with self._uow.transaction() as s:
            return _entry_of_day(s, day)

    def log_choices(self, today: date) -> LogChoices:
        with self._uow.transaction() as s:
            active = repos.TRIGGERS.active(s)
            return LogChoices(rules.by_name(active), _entry_of_day(s, today))

    def plan_after_trigger(self, trigger_id: int) -> list[CopingStrategy]:
        """The strategies the person planned to try for this trigger, in their order."""
        with self._uow.transaction() as s:
            return _plan_for(s, PlanTarget(trigger_id=trigger_id))

    def plan_for_signs(self, sign_ids: Iterable[int]) -> dict[WarningStage, list[CopingStrategy]]:
        """For each stage the given signs belong to (early first), the planned strategies."""
        with self._uow.transaction() as s:
            return _plan_for_signs(s, list(sign_ids))

    def log_trigger_and_plan(
        self,
        trigger_id: int | None,
        intensity: int,
        *,
        when: datetime | None = None,
        context: str = "",
        link_entry: bool = True,
        new_trigger_name: str = "",
        new_trigger_category: TriggerCategory = TriggerCategory.OTHER,
    ) -> LoggedTrigger:
        """Log "a trigger happened" and return the plan for it, in one transaction.

        With ``trigger_id`` None a new trigger called ``new_trigger_name`` is added first. With
        ``link_entry`` the event links to the newest entry of the day it happened, if there is one.
        """
        now = utc_now()
        when = rules.check_not_future(when or now, now)
        day = local_date_of(when)
        with self._uow.transaction() as s:
            if trigger_id is None:
                trigger = repos.TRIGGERS.add(
                    s, Trigger(new_trigger_name.strip(), new_trigger_category)
                )
            else:
                trigger = repos.TRIGGERS.get(s, trigger_id)
            assert trigger.id is not None  # stored
            entry_id = _entry_of_day(s, day) if link_entry else None
            event = repos.TRIGGER_EVENTS.add(
                s, TriggerEvent(trigger.id, when, day, intensity, context, entry_id)
            )
            return LoggedTrigger(event, trigger, _plan_for(s, PlanTarget(trigger_id=trigger.id)))

    def sign_check(self, today: date) -> SignCheck:
        """Active warning signs, and which of them were already noted on ``today``."""
        with self._uow.transaction() as s:
            active = repos.WARNING_SIGNS.active(s)
            noted = repos.OBSERVATIONS.on_day(s, today)
            return SignCheck(active, {o.sign_id for o in noted})

    def check_signs_today(
        self,
        sign_ids: Iterable[int],
        when: datetime | None = None,
        *,
        notes: str | Mapping[int, str] = "",
    ) -> CheckedSigns:
        """One observation per ticked sign, all in one transaction, plus the plan for their
        stages. ``notes``: each sign's own note by id (or one note for every sign)."""
        now = utc_now()
        when = rules.check_not_future(when or now, now)
        ids = list(dict.fromkeys(sign_ids))
        day = local_date_of(when)

        def note_of(sign_id: int) -> str:
            return notes if isinstance(notes, str) else notes.get(sign_id, "").strip()

        with self._uow.transaction() as s:
            plan = _plan_for_signs(
                s, ids
            )  # first: an unknown sign fails before anything is written
            observations = [
                repos.OBSERVATIONS.add(
                    s, WarningSignObservation(sign_id, when, day, note_of(sign_id))
                )
                for sign_id in ids
            ]
            return CheckedSigns(observations, plan)
