"""The repository of every library-style entity, with its order, day and archive columns typed.

Services use these instances (and the small typed queries below) with the handle of a
transaction; they never see an ORM row or build a query.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from recovery_journal.domain.coping import (
    CopingPlanItem,
    CopingStrategy,
    CopingUse,
    PlanTarget,
    StrategySource,
)
from recovery_journal.domain.progress import Counter, Goal, GoalStep, Milestone, Phase, Slip
from recovery_journal.domain.support import PeerMeeting, SafetyPlanItem, SupportContact
from recovery_journal.domain.tracking import (
    Trigger,
    TriggerEvent,
    WarningSign,
    WarningSignObservation,
)
from recovery_journal.storage.orm import (
    CopingPlanItemRow,
    CopingStrategyRow,
    CopingUseRow,
    CounterRow,
    GoalRow,
    GoalStepRow,
    MilestoneRow,
    PeerMeetingRow,
    PhaseRow,
    SafetyPlanItemRow,
    SlipRow,
    SupportContactRow,
    TriggerEventRow,
    TriggerRow,
    WarningSignObservationRow,
    WarningSignRow,
)
from recovery_journal.storage.repository import Repository

# ---------------------------------------------------------------- triggers and warning signs
TRIGGERS = Repository(
    TriggerRow, Trigger, "trigger", order_by=(TriggerRow.name,), archived=TriggerRow.archived_utc
)
TRIGGER_EVENTS = Repository(
    TriggerEventRow,
    TriggerEvent,
    "trigger event",
    order_by=(TriggerEventRow.occurred_utc, TriggerEventRow.id),
    day=TriggerEventRow.local_date,
)
WARNING_SIGNS = Repository(
    WarningSignRow,
    WarningSign,
    "warning sign",
    order_by=(WarningSignRow.name,),
    archived=WarningSignRow.archived_utc,
)
OBSERVATIONS = Repository(
    WarningSignObservationRow,
    WarningSignObservation,
    "observation",
    order_by=(WarningSignObservationRow.observed_utc, WarningSignObservationRow.id),
    day=WarningSignObservationRow.local_date,
)

# ---------------------------------------------------------------- coping
STRATEGIES = Repository(
    CopingStrategyRow,
    CopingStrategy,
    "coping strategy",
    order_by=(CopingStrategyRow.name, CopingStrategyRow.id),
    archived=CopingStrategyRow.archived_utc,
)
USES = Repository(
    CopingUseRow,
    CopingUse,
    "coping use",
    order_by=(CopingUseRow.used_utc, CopingUseRow.id),
    day=CopingUseRow.local_date,
)
PLAN_ITEMS = Repository(
    CopingPlanItemRow,
    CopingPlanItem,
    "plan step",
    order_by=(CopingPlanItemRow.position, CopingPlanItemRow.id),
)

# ---------------------------------------------------------------- support
SAFETY_ITEMS = Repository(
    SafetyPlanItemRow,
    SafetyPlanItem,
    "safety plan line",
    order_by=(SafetyPlanItemRow.position, SafetyPlanItemRow.id),
)
CONTACTS = Repository(
    SupportContactRow,
    SupportContact,
    "contact",
    order_by=(SupportContactRow.name,),
    archived=SupportContactRow.archived_utc,
)
MEETINGS = Repository(
    PeerMeetingRow,
    PeerMeeting,
    "meeting",
    order_by=(PeerMeetingRow.local_date, PeerMeetingRow.id),
    day=PeerMeetingRow.local_date,
)

# ---------------------------------------------------------------- progress
COUNTERS = Repository(
    CounterRow,
    Counter,
    "counter",
    order_by=(CounterRow.start_date, CounterRow.id),
    archived=CounterRow.archived_utc,
)
SLIPS = Repository(
    SlipRow, Slip, "slip", order_by=(SlipRow.local_date, SlipRow.id), day=SlipRow.local_date
)
MILESTONES = Repository(
    MilestoneRow,
    Milestone,
    "milestone",
    order_by=(MilestoneRow.local_date, MilestoneRow.id),
    day=MilestoneRow.local_date,
)
GOALS = Repository(
    GoalRow, Goal, "goal", order_by=(GoalRow.created_utc, GoalRow.id), archived=GoalRow.archived_utc
)
GOAL_STEPS = Repository(
    GoalStepRow,
    GoalStep,
    "goal step",
    order_by=(GoalStepRow.goal_id, GoalStepRow.position, GoalStepRow.id),
)
PHASES = Repository(PhaseRow, Phase, "phase", order_by=(PhaseRow.start_date, PhaseRow.id))


# ---------------------------------------------------------------- typed look-ups: tracking


def _counts(
    s: Session, key: InstrumentedAttribute[Any], day: Any, start: date, end: date
) -> dict[int, int]:
    query = select(key, func.count()).where(day >= start, day <= end).group_by(key)
    return {int(k): int(n) for k, n in s.execute(query)}


def _last_days(s: Session, key: InstrumentedAttribute[Any], day: Any) -> dict[int, date]:
    query = select(key, func.max(day)).group_by(key)
    return {int(k): d for k, d in s.execute(query) if d is not None}


def trigger_event_counts(session: Session, start: date, end: date) -> dict[int, int]:
    """Trigger id → how many events with a day in [start, end]."""
    row = TriggerEventRow
    return _counts(session, row.trigger_id, row.local_date, start, end)


def observation_counts(session: Session, start: date, end: date) -> dict[int, int]:
    """Warning-sign id → how many observations with a day in [start, end]."""
    row = WarningSignObservationRow
    return _counts(session, row.sign_id, row.local_date, start, end)


def trigger_last_days(session: Session) -> dict[int, date]:
    """Trigger id → the last day it was logged (never-logged triggers are absent)."""
    return _last_days(session, TriggerEventRow.trigger_id, TriggerEventRow.local_date)


def sign_last_days(session: Session) -> dict[int, date]:
    """Warning-sign id → the last day it was noticed."""
    row = WarningSignObservationRow
    return _last_days(session, row.sign_id, row.local_date)


def events_of_trigger(session: Session, trigger_id: int) -> list[TriggerEvent]:
    """One trigger's events, oldest first."""
    return TRIGGER_EVENTS.list(session, TriggerEventRow.trigger_id == trigger_id)


def trigger_events_since(session: Session, start: date) -> list[TriggerEvent]:
    """Trigger events with a day from ``start`` on, newest first."""
    row = TriggerEventRow
    newest_first = (row.occurred_utc.desc(), row.id.desc())
    return TRIGGER_EVENTS.list(session, row.local_date >= start, order_by=newest_first)


# ---------------------------------------------------------------- typed look-ups: coping


def plan_items_for(session: Session, target: PlanTarget) -> list[CopingPlanItem]:
    """A plan's steps in the person's order."""
    row = CopingPlanItemRow
    if target.trigger_id is not None:
        return PLAN_ITEMS.list(session, row.trigger_id == target.trigger_id)
    return PLAN_ITEMS.list(session, row.warning_stage == target.stage)


def plan_rows(
    session: Session, target: PlanTarget
) -> tuple[list[CopingPlanItem], dict[int, CopingStrategy]]:
    """A plan's steps in the person's order and their strategies (two queries) — the one place
    plans are read."""
    items = plan_items_for(session, target)
    found = strategies_with_ids(session, {item.strategy_id for item in items})
    return items, {strategy.id: strategy for strategy in found if strategy.id is not None}


def strategies_with_ids(session: Session, ids: Iterable[int]) -> list[CopingStrategy]:
    return STRATEGIES.list(session, CopingStrategyRow.id.in_(list(ids)))


def strategies_from(session: Session, source: StrategySource) -> list[CopingStrategy]:
    return STRATEGIES.list(session, CopingStrategyRow.source == source)


# ---------------------------------------------------------------- typed look-ups: progress


def slips_of(session: Session, counter_id: int) -> list[Slip]:
    """A counter's slips, oldest first."""
    return SLIPS.list(session, SlipRow.counter_id == counter_id)


def milestones_of(session: Session, counter_id: int) -> list[Milestone]:
    return MILESTONES.list(session, MilestoneRow.counter_id == counter_id)


def steps_of(session: Session, goal_id: int) -> list[GoalStep]:
    """A goal's steps in the person's order."""
    order = (GoalStepRow.position, GoalStepRow.id)
    return GOAL_STEPS.list(session, GoalStepRow.goal_id == goal_id, order_by=order)
