"""Deprecated: the coping use cases are methods of ``session.coping`` now
(:mod:`recovery_journal.services.coping`). These delegating functions keep code written against
the old module-level style working for one release; new code calls the service.
"""

from __future__ import annotations

from typing import Any

from recovery_journal.domain.coping import CopingPlanItem, CopingStrategy, PlanTarget
from recovery_journal.domain.coping_insights import WhatWorks
from recovery_journal.services.coping import RECENT_DAYS, RecentTriggerEvent, Toolbox
from recovery_journal.services.session import JournalSession

__all__ = ["RECENT_DAYS", "PlanTarget", "RecentTriggerEvent", "Toolbox"]


def toolbox(session: JournalSession) -> Toolbox:
    return session.coping.toolbox()


def what_works(session: JournalSession) -> WhatWorks:
    return session.coping.what_works()


def plan_for(
    session: JournalSession, *args: Any, **kwargs: Any
) -> list[tuple[CopingPlanItem, CopingStrategy]]:
    return session.coping.plan_for(*args, **kwargs)


def set_plan(
    session: JournalSession, target: PlanTarget, strategy_ids: list[int]
) -> list[CopingPlanItem]:
    return session.coping.set_plan(target, strategy_ids)


def recent_trigger_events(session: JournalSession, **kwargs: Any) -> list[RecentTriggerEvent]:
    return session.coping.recent_trigger_events(**kwargs)


def save_strategy(session: JournalSession, strategy: CopingStrategy) -> CopingStrategy:
    return session.coping.save_strategy(strategy)


def strategy_for_guided(session: JournalSession, kind: str) -> CopingStrategy:
    return session.coping.strategy_for_guided(kind)
