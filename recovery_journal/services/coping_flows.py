"""Coping use cases beyond plain add/update: plans as ordered lists, the toolbox at a glance,
"what works for me", recent trigger events to link a use to, and the strategy a guided mode logs.

Each function takes a :class:`JournalSession` and is one transaction (all or nothing).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import ColumnElement
from sqlalchemy.orm import Session

from recovery_journal.domain.clock import local_today
from recovery_journal.domain.coping import CopingPlanItem, CopingStrategy, CopingUse
from recovery_journal.domain.coping_insights import WhatWorks
from recovery_journal.domain.coping_insights import what_works as rank_what_works
from recovery_journal.domain.tracking import Trigger, TriggerEvent, WarningStage
from recovery_journal.errors import ValidationError
from recovery_journal.services.coping import PLAN_ITEMS, STRATEGIES, USES
from recovery_journal.services.library import default_for_guided
from recovery_journal.services.tracking import TRIGGER_EVENTS, TRIGGERS
from recovery_journal.storage.orm import (
    CopingPlanItemRow,
    CopingStrategyRow,
    TriggerEventRow,
    TriggerRow,
)

if TYPE_CHECKING:
    from recovery_journal.services.session import JournalSession

RECENT_DAYS = 7


@dataclass(frozen=True, slots=True)
class PlanTarget:
    """What a plan is for: one trigger, or one warning-sign stage (exactly one of them)."""

    trigger_id: int | None = None
    stage: WarningStage | None = None

    def __post_init__(self) -> None:
        if (self.trigger_id is None) == (self.stage is None):
            raise ValidationError(
                "plan", "A plan is for exactly one trigger or one warning-sign stage."
            )

    def item(self, strategy_id: int, position: int) -> CopingPlanItem:
        return CopingPlanItem(strategy_id, position, self.trigger_id, self.stage)


@dataclass(frozen=True, slots=True)
class RecentTriggerEvent:
    """A trigger event with its trigger, to choose as the one that prompted a coping use."""

    event: TriggerEvent
    trigger: Trigger


@dataclass(frozen=True, slots=True)
class Toolbox:
    """Everything the coping page shows, read in one go."""

    strategies: list[CopingStrategy]
    """Every strategy, archived ones included (the page filters)."""
    triggers: list[Trigger]
    """Triggers not archived, by name: the plans' targets."""
    plans: dict[PlanTarget, list[int]] = field(default_factory=dict)
    """Strategy ids in plan order, for each target that has a plan."""
    what_works: WhatWorks = field(default_factory=lambda: WhatWorks((), ()))


def _target_of(item: CopingPlanItem) -> PlanTarget:
    return PlanTarget(item.trigger_id, item.warning_stage)


def _target_condition(target: PlanTarget) -> ColumnElement[bool]:
    if target.trigger_id is not None:
        return CopingPlanItemRow.trigger_id == target.trigger_id
    return CopingPlanItemRow.warning_stage == target.stage


def toolbox(session: JournalSession) -> Toolbox:
    """Strategies, triggers, every plan and "what works for me", in one transaction."""
    with session.transaction() as s:
        strategies = STRATEGIES.list(s, order_by=[CopingStrategyRow.name, CopingStrategyRow.id])
        triggers = TRIGGERS.list(s, TriggerRow.archived_utc.is_(None), order_by=[TriggerRow.name])
        items = PLAN_ITEMS.list(s, order_by=[CopingPlanItemRow.position, CopingPlanItemRow.id])
        uses = USES.list(s)
    plans: dict[PlanTarget, list[int]] = defaultdict(list)
    for item in items:
        plans[_target_of(item)].append(item.strategy_id)
    return Toolbox(strategies, triggers, dict(plans), rank_what_works(strategies, uses))


def what_works(session: JournalSession) -> WhatWorks:
    """Strategies ranked by average distress drop (only those with enough rated uses)."""
    with session.transaction() as s:
        strategies = STRATEGIES.list(s)
        uses: list[CopingUse] = USES.list(s)
    return rank_what_works(strategies, uses)


def plan_for(
    session: JournalSession,
    trigger_id: int | None = None,
    stage: WarningStage | None = None,
    *,
    include_archived: bool = False,
) -> list[tuple[CopingPlanItem, CopingStrategy]]:
    """The person's plan for a trigger or a warning-sign stage, in order, with each strategy.

    Archived strategies are left out unless ``include_archived`` (the plan editor shows them).
    """
    target = PlanTarget(trigger_id, stage)
    with session.transaction() as s:
        items, strategies = plan_rows(s, target)
    return [
        (item, strategies[item.strategy_id])
        for item in items
        if item.strategy_id in strategies
        and (include_archived or strategies[item.strategy_id].archived_utc is None)
    ]


def plan_rows(
    s: Session, target: PlanTarget
) -> tuple[list[CopingPlanItem], dict[int, CopingStrategy]]:
    """A plan's steps in the person's order and their strategies (two queries, inside the
    caller's transaction) — the one place plans are read."""
    items = PLAN_ITEMS.list(
        s, _target_condition(target), order_by=[CopingPlanItemRow.position, CopingPlanItemRow.id]
    )
    wanted = {item.strategy_id for item in items}
    found = STRATEGIES.list(s, CopingStrategyRow.id.in_(wanted))
    return items, {strategy.id: strategy for strategy in found if strategy.id is not None}


def set_plan(
    session: JournalSession, target: PlanTarget, strategy_ids: list[int]
) -> list[CopingPlanItem]:
    """Replace ``target``'s plan with ``strategy_ids`` in this order (repeats kept once).

    One transaction: the old plan is gone and the new one is in place, or nothing changed.
    """
    ordered = list(dict.fromkeys(strategy_ids))
    with session.transaction() as s:
        for strategy_id in ordered:
            STRATEGIES.get(s, strategy_id)  # NotFoundError before anything changes
        old = PLAN_ITEMS.list(s, _target_condition(target))
        for item in old:
            assert item.id is not None
            PLAN_ITEMS.delete(s, item.id)
        return [
            PLAN_ITEMS.add(s, target.item(strategy_id, position))
            for position, strategy_id in enumerate(ordered)
        ]


def recent_trigger_events(
    session: JournalSession, *, days: int = RECENT_DAYS, today: date | None = None
) -> list[RecentTriggerEvent]:
    """Trigger events of the last ``days`` days (today included), newest first."""
    start = (today or local_today()) - timedelta(days=days - 1)
    with session.transaction() as s:
        events = TRIGGER_EVENTS.list(
            s,
            TriggerEventRow.local_date >= start,
            order_by=[TriggerEventRow.occurred_utc.desc(), TriggerEventRow.id.desc()],
        )
        triggers = {t.id: t for t in TRIGGERS.list(s)}
    return [RecentTriggerEvent(e, triggers[e.trigger_id]) for e in events]


def save_strategy(session: JournalSession, strategy: CopingStrategy) -> CopingStrategy:
    """Add a new strategy (no id) or update an existing one."""
    if strategy.id is None:
        return session.coping.strategies.add(strategy)
    return session.coping.strategies.update(strategy)


def strategy_for_guided(session: JournalSession, kind: str) -> CopingStrategy:
    """The strategy a guided mode ("breathing", "grounding") logs its use against.

    The person's strategy with the default's name (one in use before an archived one); if they
    renamed it, the default is added back so the use has somewhere to go.
    """
    default = default_for_guided(kind)
    wanted = default.name.casefold()
    with session.transaction() as s:
        matches = [st for st in STRATEGIES.list(s) if st.name.casefold() == wanted]
        matches.sort(key=lambda st: st.archived_utc is not None)
        if matches:
            return matches[0]
        return STRATEGIES.add(s, default)
