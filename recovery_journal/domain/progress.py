"""Milestones, clean/sober-date counters with slips, goals and recovery phases.

A slip is recorded, never used to shame: a counter keeps its start date and its slips, and the
arithmetic (current, longest and total days) is derived from them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum

from recovery_journal.domain import validation


class MilestoneKind(Enum):
    FIRST = "first"
    ACHIEVEMENT = "achievement"
    ANNIVERSARY = "anniversary"


class DayConvention(Enum):
    """Whether the start date itself counts as day 1 or as day 0."""

    DAY_ONE = "day_one"
    DAY_ZERO = "day_zero"


@dataclass(frozen=True, slots=True)
class Counter:
    """'Sober since', 'self-harm free since' or the person's own."""

    title: str
    start_date: date
    convention: DayConvention = DayConvention.DAY_ONE
    id: int | None = None
    created_utc: datetime | None = None
    archived_utc: datetime | None = None
    pinned: bool = True
    """Shown on the Today page with its days so far (a new counter is, unless the person says
    otherwise); unpinned, it is kept and counted on the Milestones page only."""

    def __post_init__(self) -> None:
        validation.name("title", self.title)
        validation.a_date("start_date", self.start_date)


@dataclass(frozen=True, slots=True)
class Slip:
    """A day the person slipped, what was going on, and what to try next time."""

    counter_id: int
    local_date: date
    context: str = ""
    next_time: str = ""
    id: int | None = None

    def __post_init__(self) -> None:
        validation.a_date("local_date", self.local_date)
        validation.text("context", self.context)
        validation.text("next_time", self.next_time)


@dataclass(frozen=True, slots=True)
class Milestone:
    """A day worth marking: a first, an achievement, an anniversary."""

    local_date: date
    title: str
    kind: MilestoneKind = MilestoneKind.ACHIEVEMENT
    notes: str = ""
    counter_id: int | None = None
    id: int | None = None
    created_utc: datetime | None = None

    def __post_init__(self) -> None:
        validation.a_date("local_date", self.local_date)
        validation.name("title", self.title)
        validation.text("notes", self.notes)


@dataclass(frozen=True, slots=True)
class Goal:
    """Something the person is working towards, in small steps."""

    title: str
    notes: str = ""
    target_date: date | None = None
    id: int | None = None
    created_utc: datetime | None = None
    completed_utc: datetime | None = None
    archived_utc: datetime | None = None

    def __post_init__(self) -> None:
        validation.name("title", self.title)
        validation.text("notes", self.notes)
        validation.a_date("target_date", self.target_date)


@dataclass(frozen=True, slots=True)
class GoalStep:
    """One small step towards a goal."""

    goal_id: int
    text: str
    position: int = 0
    done_utc: datetime | None = None
    id: int | None = None

    def __post_init__(self) -> None:
        validation.text("text", self.text, required=True, max_len=2000)


@dataclass(frozen=True, slots=True)
class Phase:
    """A stretch of recovery with its own name (Recognition, Acceptance, Recovery, or own)."""

    name: str
    start_date: date
    notes: str = ""
    id: int | None = None

    def __post_init__(self) -> None:
        validation.name("name", self.name)
        validation.a_date("start_date", self.start_date)
        validation.text("notes", self.notes)
