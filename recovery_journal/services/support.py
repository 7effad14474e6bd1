"""The safety plan, the support network and peer-support meetings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from recovery_journal.domain.support import (
    PeerMeeting,
    SafetyPlanItem,
    SafetyStep,
    SupportContact,
)
from recovery_journal.services.collection import Collection
from recovery_journal.storage.orm import PeerMeetingRow, SafetyPlanItemRow, SupportContactRow
from recovery_journal.storage.repository import Repository

if TYPE_CHECKING:
    from recovery_journal.services.session import JournalSession

SAFETY_ITEMS = Repository(SafetyPlanItemRow, SafetyPlanItem, "safety plan line")
CONTACTS = Repository(SupportContactRow, SupportContact, "contact")
MEETINGS = Repository(PeerMeetingRow, PeerMeeting, "meeting")


class SupportService:
    """Safety plan lines, contacts and the meeting log."""

    def __init__(self, session: JournalSession) -> None:
        self.safety_items = Collection(session, SAFETY_ITEMS, order_by=("position", "id"))
        self.contacts = Collection(session, CONTACTS, order_by=("name",))
        self.meetings = Collection(
            session, MEETINGS, order_by=("local_date", "id"), date_field="local_date"
        )

    def safety_plan(self) -> dict[SafetyStep, list[SafetyPlanItem]]:
        """Every step in Stanley-Brown order, each with its lines (possibly none)."""
        plan: dict[SafetyStep, list[SafetyPlanItem]] = {step: [] for step in SafetyStep}
        for item in self.safety_items.list():
            plan[item.step].append(item)
        return plan
