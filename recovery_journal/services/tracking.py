"""Triggers and early warning signs: the library, and logging when they happen."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from recovery_journal.domain.clock import local_date_of, utc_now
from recovery_journal.domain.tracking import (
    Trigger,
    TriggerEvent,
    WarningSign,
    WarningSignObservation,
)
from recovery_journal.services.collection import Collection
from recovery_journal.storage.orm import (
    TriggerEventRow,
    TriggerRow,
    WarningSignObservationRow,
    WarningSignRow,
)
from recovery_journal.storage.repository import Repository

if TYPE_CHECKING:
    from recovery_journal.services.session import JournalSession

TRIGGERS = Repository(TriggerRow, Trigger, "trigger")
TRIGGER_EVENTS = Repository(TriggerEventRow, TriggerEvent, "trigger event")
WARNING_SIGNS = Repository(WarningSignRow, WarningSign, "warning sign")
OBSERVATIONS = Repository(WarningSignObservationRow, WarningSignObservation, "observation")


class TrackingService:
    """Libraries of triggers and warning signs, with their logs."""

    def __init__(self, session: JournalSession) -> None:
        self.triggers = Collection(session, TRIGGERS, order_by=("name",))
        self.trigger_events = Collection(
            session, TRIGGER_EVENTS, order_by=("occurred_utc", "id"), date_field="local_date"
        )
        self.warning_signs = Collection(session, WARNING_SIGNS, order_by=("name",))
        self.observations = Collection(
            session, OBSERVATIONS, order_by=("observed_utc", "id"), date_field="local_date"
        )

    def log_trigger(
        self,
        trigger_id: int,
        intensity: int,
        *,
        when: datetime | None = None,
        context: str = "",
        entry_id: int | None = None,
    ) -> TriggerEvent:
        """'A trigger happened' — now unless told otherwise."""
        when = when or utc_now()
        return self.trigger_events.add(
            TriggerEvent(trigger_id, when, local_date_of(when), intensity, context, entry_id)
        )

    def observe_sign(
        self, sign_id: int, *, when: datetime | None = None, notes: str = ""
    ) -> WarningSignObservation:
        when = when or utc_now()
        return self.observations.add(
            WarningSignObservation(sign_id, when, local_date_of(when), notes)
        )
