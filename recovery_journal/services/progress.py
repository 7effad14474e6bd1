"""Counters with slips, milestones, goals with steps, and recovery phases."""

from __future__ import annotations

from typing import TYPE_CHECKING

from recovery_journal.domain.progress import Counter, Goal, GoalStep, Milestone, Phase, Slip
from recovery_journal.services.collection import Collection
from recovery_journal.storage.orm import (
    CounterRow,
    GoalRow,
    GoalStepRow,
    MilestoneRow,
    PhaseRow,
    SlipRow,
)
from recovery_journal.storage.repository import Repository

if TYPE_CHECKING:
    from recovery_journal.services.session import JournalSession

COUNTERS = Repository(CounterRow, Counter, "counter")
SLIPS = Repository(SlipRow, Slip, "slip")
MILESTONES = Repository(MilestoneRow, Milestone, "milestone")
GOALS = Repository(GoalRow, Goal, "goal")
GOAL_STEPS = Repository(GoalStepRow, GoalStep, "goal step")
PHASES = Repository(PhaseRow, Phase, "phase")


class ProgressService:
    """What the person is proud of and working towards."""

    def __init__(self, session: JournalSession) -> None:
        self.counters = Collection(session, COUNTERS, order_by=("start_date", "id"))
        self.slips = Collection(
            session, SLIPS, order_by=("local_date", "id"), date_field="local_date"
        )
        self.milestones = Collection(
            session, MILESTONES, order_by=("local_date", "id"), date_field="local_date"
        )
        self.goals = Collection(session, GOALS, order_by=("created_utc", "id"))
        self.goal_steps = Collection(session, GOAL_STEPS, order_by=("goal_id", "position", "id"))
        self.phases = Collection(session, PHASES, order_by=("start_date", "id"))
