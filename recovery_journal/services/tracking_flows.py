"""Use cases that join triggers and warning signs to the person's coping plan and their journal.

"A trigger happened" (optionally linked to that day's entry, or naming a new trigger in the same
step), the daily warning-sign check (all ticks in one transaction), the plan to show afterwards,
and the overview the Triggers & signs page draws from. Each function is one transaction, so the
page sees a consistent picture and a failed log leaves the journal exactly as it was.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from recovery_journal.domain import tracking_rules as rules
from recovery_journal.domain.clock import local_date_of, utc_now
from recovery_journal.domain.coping import CopingStrategy
from recovery_journal.domain.tracking import (
    Trigger,
    TriggerCategory,
    TriggerEvent,
    WarningSign,
    WarningSignObservation,
    WarningStage,
)
from recovery_journal.services.coping_flows import PlanTarget, plan_rows

if TYPE_CHECKING:
    from recovery_journal.services.session import JournalSession
from recovery_journal.services.tracking import (
    OBSERVATIONS,
    TRIGGER_EVENTS,
    TRIGGERS,
    WARNING_SIGNS,
)
from recovery_journal.storage import entries as entry_repo
from recovery_journal.storage.orm import (
    TriggerEventRow,
    TriggerRow,
    WarningSignObservationRow,
    WarningSignRow,
)


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


# ------------------------------------------------------------ reading


def _counts(s: Session, key: Any, day: Any, start: date, end: date) -> dict[int, int]:
    query = select(key, func.count()).where(day >= start, day <= end).group_by(key)
    return {int(k): int(n) for k, n in s.execute(query)}


def _last_seen(s: Session, key: Any, day: Any) -> dict[int, date]:
    query = select(key, func.max(day)).group_by(key)
    return {int(k): d for k, d in s.execute(query) if d is not None}


def trigger_counts(session: JournalSession, start: date, end: date) -> dict[int, int]:
    """How many times each trigger was logged with a day in [start, end]."""
    row = TriggerEventRow
    with session.transaction() as s:
        return _counts(s, row.trigger_id, row.local_date, start, end)


def last_seen(session: JournalSession) -> dict[int, date]:
    """The last day each trigger was logged (triggers never logged are absent)."""
    with session.transaction() as s:
        return _last_seen(s, TriggerEventRow.trigger_id, TriggerEventRow.local_date)


def overview(
    session: JournalSession, today: date, *, days: int = rules.RECENT_DAYS
) -> TrackingOverview:
    """Libraries (archived included), counts over the last ``days`` days, last times, and the
    recent events and observations, newest first."""
    start, end = rules.recent_window(today, days)
    ev, ob = TriggerEventRow, WarningSignObservationRow
    with session.transaction() as s:
        triggers = rules.by_name(TRIGGERS.list(s))
        signs = WARNING_SIGNS.list(s)
        events = TRIGGER_EVENTS.list(s, ev.local_date >= start, ev.local_date <= end)
        observations = OBSERVATIONS.list(s, ob.local_date >= start, ob.local_date <= end)
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
            trigger_counts=_counts(s, ev.trigger_id, ev.local_date, start, end),
            trigger_last_seen=_last_seen(s, ev.trigger_id, ev.local_date),
            sign_counts=_counts(s, ob.sign_id, ob.local_date, start, end),
            sign_last_seen=_last_seen(s, ob.sign_id, ob.local_date),
            recent=recent,
        )


def _entry_of_day(s: Session, day: date) -> int | None:
    newest = entry_repo.list_entries(s, start=day, end=day, limit=1)
    return newest[0].id if newest else None


def todays_entry_id(session: JournalSession, day: date) -> int | None:
    """The newest entry (not in the trash) written for ``day``, if any."""
    with session.transaction() as s:
        return _entry_of_day(s, day)


def log_choices(session: JournalSession, today: date) -> LogChoices:
    with session.transaction() as s:
        active = TRIGGERS.list(s, TriggerRow.archived_utc.is_(None))
        return LogChoices(rules.by_name(active), _entry_of_day(s, today))


def _plan_for(s: Session, target: PlanTarget) -> list[CopingStrategy]:
    return rules.ordered_strategies(*plan_rows(s, target))


def plan_after_trigger(session: JournalSession, trigger_id: int) -> list[CopingStrategy]:
    """The strategies the person planned to try for this trigger, in their order."""
    with session.transaction() as s:
        return _plan_for(s, PlanTarget(trigger_id=trigger_id))


def plan_for_signs(
    session: JournalSession, sign_ids: Iterable[int]
) -> dict[WarningStage, list[CopingStrategy]]:
    """For each stage the given signs belong to (early first), the planned strategies."""
    with session.transaction() as s:
        return _plan_for_signs(s, list(sign_ids))


def _plan_for_signs(s: Session, sign_ids: list[int]) -> dict[WarningStage, list[CopingStrategy]]:
    signs = [WARNING_SIGNS.get(s, i) for i in sign_ids]
    return {stage: _plan_for(s, PlanTarget(stage=stage)) for stage in rules.stages_of(signs)}


# ------------------------------------------------------------ writing


def log_trigger(
    session: JournalSession,
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
    with session.transaction() as s:
        if trigger_id is None:
            trigger = TRIGGERS.add(s, Trigger(new_trigger_name.strip(), new_trigger_category))
        else:
            trigger = TRIGGERS.get(s, trigger_id)
        assert trigger.id is not None  # stored
        entry_id = _entry_of_day(s, day) if link_entry else None
        event = TRIGGER_EVENTS.add(
            s, TriggerEvent(trigger.id, when, day, intensity, context, entry_id)
        )
        return LoggedTrigger(event, trigger, _plan_for(s, PlanTarget(trigger_id=trigger.id)))


def sign_check(session: JournalSession, today: date) -> SignCheck:
    """Active warning signs, and which of them were already noted on ``today``."""
    with session.transaction() as s:
        active = WARNING_SIGNS.list(s, WarningSignRow.archived_utc.is_(None))
        noted = OBSERVATIONS.list(s, WarningSignObservationRow.local_date == today)
        return SignCheck(active, {o.sign_id for o in noted})


def check_signs_today(
    session: JournalSession,
    sign_ids: Iterable[int],
    when: datetime | None = None,
    *,
    notes: str = "",
) -> CheckedSigns:
    """One observation per ticked sign, all in one transaction, plus the plan for their stages."""
    now = utc_now()
    when = rules.check_not_future(when or now, now)
    ids = list(dict.fromkeys(sign_ids))
    day = local_date_of(when)
    with session.transaction() as s:
        plan = _plan_for_signs(s, ids)  # first: an unknown sign fails before anything is written
        observations = [
            OBSERVATIONS.add(s, WarningSignObservation(sign_id, when, day, notes))
            for sign_id in ids
        ]
        return CheckedSigns(observations, plan)
