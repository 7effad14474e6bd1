"""The coping toolbox: strategies, plans and logged uses."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from recovery_journal.domain.clock import local_date_of, utc_now
from recovery_journal.domain.coping import CopingPlanItem, CopingStrategy, CopingUse
from recovery_journal.domain.tracking import WarningStage
from recovery_journal.services.collection import Collection
from recovery_journal.storage.orm import CopingPlanItemRow, CopingStrategyRow, CopingUseRow
from recovery_journal.storage.repository import Repository

if TYPE_CHECKING:
    from recovery_journal.services.session import JournalSession

STRATEGIES = Repository(CopingStrategyRow, CopingStrategy, "coping strategy")
USES = Repository(CopingUseRow, CopingUse, "coping use")
PLAN_ITEMS = Repository(CopingPlanItemRow, CopingPlanItem, "plan step")


class CopingService:
    """Strategies, 'if this, I will try these' plans, and what helped."""

    def __init__(self, session: JournalSession) -> None:
        self.strategies = Collection(session, STRATEGIES, order_by=("name",))
        self.uses = Collection(session, USES, order_by=("used_utc", "id"), date_field="local_date")
        self.plan_items = Collection(session, PLAN_ITEMS, order_by=("position", "id"))

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
        when = when or utc_now()
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
        return self.plan_items.where(trigger_id=trigger_id)

    def plan_for_stage(self, stage: WarningStage) -> list[CopingPlanItem]:
        return self.plan_items.where(warning_stage=stage)
