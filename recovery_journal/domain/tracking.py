"""Triggers and early warning signs: the person's own library, and when they happened."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum

from recovery_journal.domain import validation
from recovery_journal.domain.scales import INTENSITY


class TriggerCategory(Enum):
    PEOPLE = "people"
    PLACES = "places"
    SITUATIONS = "situations"
    SENSORY = "sensory"
    DATES = "dates"
    INTERNAL = "internal"
    HALT = "halt"
    OTHER = "other"


class WarningStage(Enum):
    EARLY = "early"
    BREAKING_DOWN = "breaking_down"
    CRISIS = "crisis"


@dataclass(frozen=True, slots=True)
class Trigger:
    """Something that tends to set off distress or urges, in the person's words."""

    name: str
    category: TriggerCategory = TriggerCategory.OTHER
    notes: str = ""
    id: int | None = None
    created_utc: datetime | None = None
    archived_utc: datetime | None = None

    def __post_init__(self) -> None:
        validation.name("name", self.name)
        validation.text("notes", self.notes)


@dataclass(frozen=True, slots=True)
class TriggerEvent:
    """A time a trigger happened, how strongly, and optionally the entry it belongs to."""

    trigger_id: int
    occurred_utc: datetime
    local_date: date
    intensity: int
    context: str = ""
    entry_id: int | None = None
    id: int | None = None

    def __post_init__(self) -> None:
        validation.aware("occurred_utc", self.occurred_utc)
        INTENSITY.validate(self.intensity)
        validation.text("context", self.context)


@dataclass(frozen=True, slots=True)
class WarningSign:
    """An early warning sign the person has learned to notice, and how far along it points."""

    name: str
    stage: WarningStage = WarningStage.EARLY
    notes: str = ""
    id: int | None = None
    created_utc: datetime | None = None
    archived_utc: datetime | None = None

    def __post_init__(self) -> None:
        validation.name("name", self.name)
        validation.text("notes", self.notes)


@dataclass(frozen=True, slots=True)
class WarningSignObservation:
    """A day a warning sign was noticed."""

    sign_id: int
    observed_utc: datetime
    local_date: date
    notes: str = ""
    id: int | None = None

    def __post_init__(self) -> None:
        validation.aware("observed_utc", self.observed_utc)
        validation.text("notes", self.notes)


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which trigger events the history shows: one trigger, one category, a date range (each
    optional, all combined)."""

    trigger_id: int | None = None
    category: TriggerCategory | None = None
    start: date | None = None
    end: date | None = None


@dataclass(frozen=True, slots=True)
class HistoryEvent:
    """A trigger event with its trigger's name and category, as the history lists it."""

    event: TriggerEvent
    trigger_name: str
    category: TriggerCategory


@dataclass(frozen=True, slots=True)
class DeletedEvent:
    """A trigger event just deleted, and the coping uses that named it, so it can be undone."""

    event: TriggerEvent
    linked_use_ids: tuple[int, ...] = ()
