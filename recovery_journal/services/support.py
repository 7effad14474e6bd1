"""The safety plan, the support network and peer-support meetings."""

from __future__ import annotations

from recovery_journal.domain.support import (
    SafetyPlanItem,
    SafetyStep,
)
from recovery_journal.services.collection import Collection
from recovery_journal.services.unit_of_work import UnitOfWork
from recovery_journal.storage.repositories import CONTACTS, MEETINGS, SAFETY_ITEMS

__all__ = ["CONTACTS", "MEETINGS", "SAFETY_ITEMS", "SupportService"]


class SupportService:
    """Safety plan lines, contacts and the meeting log."""

    def __init__(self, uow: UnitOfWork) -> None:
        self.safety_items = Collection(uow, SAFETY_ITEMS)
        self.contacts = Collection(uow, CONTACTS)
        self.meetings = Collection(uow, MEETINGS)

    def safety_plan(self) -> dict[SafetyStep, list[SafetyPlanItem]]:
        """Every step in Stanley-Brown order, each with its lines (possibly none)."""
        plan: dict[SafetyStep, list[SafetyPlanItem]] = {step: [] for step in SafetyStep}
        for item in self.safety_items.list():
            plan[item.step].append(item)
        return plan
