"""The coping toolbox: strategies, plans as ordered lists ("if this, I will try these"), logged
uses, "what works for me", recent trigger events to link a use to, and the strategy a guided mode
logs against.

One service, one style: ``session.coping.<use case>(…)``, each call one transaction (all or
nothing). The queries are typed functions of :mod:`recovery_journal.storage.repositories`.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from recovery_journal.domain import tracking_rules as rules
from recovery_journal.domain.clock import local_date_of, local_today, utc_now
from recovery_journal.domain.coping import CopingPlanItem, CopingStrategy, CopingUse, PlanTarget
from recovery_journal.domain.coping_insights import WhatWorks
from recovery_journal.domain.coping_insights import what_works as rank_what_works
from recovery_journal.domain.tracking import Trigger, TriggerEvent, WarningStage
from recovery_journal.services.collection import Collection
from recovery_journal.services.library import default_for_guided
from recovery_journal.services.unit_of_work import UnitOfWork
from recovery_journal.storage import repositories as repos
from recovery_journal.storage.repositories import PLAN_ITEMS, STRATEGIES, USES

__all__ = [
    "PLAN_ITEMS",
    "RECENT_DAYS",
    "STRATEGIES",
    "USES",
    "CopingService",
    "PlanTarget",
    "RecentTriggerEvent",
    "Toolbox",
]

RECENT_DAYS = 7


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


class CopingService:
    """Strategies, 'if this, I will try these' plans, what helped, and the use cases on them."""

    def __init__(self, uow: UnitOfWork) -> None:
        self._uow = uow
        self.strategies = Collection(uow, STRATEGIES)
        self.uses = Collection(uow, USES)
        self.plan_items = Collection(uow, PLAN_ITEMS)

    def log_use(
        self,
        strategy_id: int,
        *,
        when: datetime | None = None,
        distress_before: int | None = None,
        distress_after: int | None = None,
        helpfulness: int | None = None,
        trigger_event_id: int | None = None,
        note: str = "",
    ) -> CopingUse:
        """Record a use — now, or earlier ("I called my sponsor last night"), never later."""
        now = utc_now()
        when = rules.check_not_future(when or now, now)
        return self.uses.add(
            CopingUse(
                strategy_id,
                when,
                local_date_of(when),
                distress_before,
                distress_after,
                helpfulness,
                trigger_event_id,
                note,
            )
        )

    def plan_for_trigger(self, trigger_id: int) -> list[CopingPlanItem]:
        with self._uow.transaction() as s:
            return repos.plan_items_for(s, PlanTarget(trigger_id=trigger_id))

    def plan_for_stage(self, stage: WarningStage) -> list[CopingPlanItem]:
        with self._uow.transaction() as s:
            return repos.plan_items_for(s, PlanTarget(stage=stage))

    def toolbox(self) -> Toolbox:
        """Strategies, triggers, every plan and "what works for me", in one transaction."""
        with self._uow.transaction() as s:
            strategies = STRATEGIES.list(s)
            triggers = repos.TRIGGERS.active(s)
            items = PLAN_ITEMS.list(s)
            uses = USES.list(s)
        plans: dict[PlanTarget, list[int]] = defaultdict(list)
        for item in items:
            plans[PlanTarget.of(item)].append(item.strategy_id)
        return Toolbox(strategies, triggers, dict(plans), rank_what_works(strategies, uses))

    def what_works(self) -> WhatWorks:
        """Strategies ranked by average distress drop (only those with enough rated uses)."""
        with self._uow.transaction() as s:
            strategies = STRATEGIES.list(s)
            uses: list[CopingUse] = USES.list(s)
        return rank_what_works(strategies, uses)

    def plan_for(
        self,
        trigger_id: int | None = None,
        stage: WarningStage | None = None,
        *,
        include_archived: bool = False,
    ) -> list[tuple[CopingPlanItem, CopingStrategy]]:
        """The person's plan for a trigger or a warning-sign stage, in order, with each strategy.

        Archived strategies are left out unless ``include_archived`` (the plan editor shows them).
        """
        target = PlanTarget(trigger_id, stage)
        with self._uow.transaction() as s:
            items, strategies = repos.plan_rows(s, target)
        return [
            (item, strategies[item.strategy_id])
            for item in items
            if item.strategy_id in strategies
            and (include_archived or strategies[item.strategy_id].archived_utc is None)
        ]

    def set_plan(self, target: PlanTarget, strategy_ids: list[int]) -> list[CopingPlanItem]:
        """Replace ``target``'s plan with ``strategy_ids`` in this order (repeats kept once).

        One transaction: the old plan is gone and the new one is in place, or nothing changed.
        """
        ordered = list(dict.fromkeys(strategy_ids))
        with self._uow.transaction() as s:
            for strategy_id in ordered:
                STRATEGIES.get(s, strategy_id)  # NotFoundError before anything changes
            old = repos.plan_items_for(s, target)
            for item in old:
                assert item.id is not None
                PLAN_ITEMS.delete(s, item.id)
            return [
                PLAN_ITEMS.add(s, target.item(strategy_id, position))
                for position, strategy_id in enumerate(ordered)
            ]

    def recent_trigger_events(
        self, *, days: int = RECENT_DAYS, today: date | None = None
    ) -> list[RecentTriggerEvent]:
        """Trigger events of the last ``days`` days (today included), newest first."""
        start = (today or local_today()) - timedelta(days=days - 1)
        with self._uow.transaction() as s:
            events = repos.trigger_events_since(s, start)
            triggers = {t.id: t for t in repos.TRIGGERS.list(s)}
        return [RecentTriggerEvent(e, triggers[e.trigger_id]) for e in events]

    def save_strategy(self, strategy: CopingStrategy) -> CopingStrategy:
        """Add a new strategy (no id) or update an existing one."""
        if strategy.id is None:
            return self.strategies.add(strategy)
        return self.strategies.update(strategy)

    def strategy_for_guided(self, kind: str) -> CopingStrategy:
        """The strategy a guided mode ("breathing", "grounding") logs its use against.

        The person's strategy with the default's name (one in use before an archived one); if they
        renamed it, the default is added back so the use has somewhere to go.
        """
        default = default_for_guided(kind)
        wanted = default.name.casefold()
        with self._uow.transaction() as s:
            matches = [st for st in STRATEGIES.list(s) if st.name.casefold() == wanted]
            matches.sort(key=lambda st: st.archived_utc is not None)
            if matches:
                return matches[0]
            return STRATEGIES.add(s, default)
