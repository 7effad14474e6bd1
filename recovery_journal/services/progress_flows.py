"""Deprecated: the progress use cases are methods of ``session.progress`` now
(:mod:`recovery_journal.services.progress`). These delegating functions keep code written against
the old module-level style working for one release; new code calls the service.
"""

from __future__ import annotations

from typing import Any

from recovery_journal.domain import milestones as auto
from recovery_journal.domain.progress import Counter, Goal, GoalStep, Milestone
from recovery_journal.services.progress import (
    SAFETY_PLAN_FIRST_USE,
    CounterStatus,
    GoalProgress,
    NotedSlip,
    TimelineItem,
)
from recovery_journal.services.session import JournalSession

__all__ = ["SAFETY_PLAN_FIRST_USE", "CounterStatus", "GoalProgress", "NotedSlip", "TimelineItem"]


def counter_status(session: JournalSession, *args: Any, **kwargs: Any) -> CounterStatus:
    return session.progress.counter_status(*args, **kwargs)


def all_counter_statuses(session: JournalSession, *args: Any, **kwargs: Any) -> list[CounterStatus]:
    return session.progress.all_counter_statuses(*args, **kwargs)


def add_counter(session: JournalSession, *args: Any, **kwargs: Any) -> Counter:
    return session.progress.add_counter(*args, **kwargs)


def update_counter(session: JournalSession, *args: Any, **kwargs: Any) -> Counter:
    return session.progress.update_counter(*args, **kwargs)


def record_slip(session: JournalSession, *args: Any, **kwargs: Any) -> NotedSlip:
    return session.progress.record_slip(*args, **kwargs)


def undo_slip(session: JournalSession, *args: Any, **kwargs: Any) -> None:
    session.progress.undo_slip(*args, **kwargs)


def reached_milestones(session: JournalSession, *args: Any, **kwargs: Any) -> list[TimelineItem]:
    return session.progress.reached_milestones(*args, **kwargs)


def new_celebrations(
    session: JournalSession, *args: Any, **kwargs: Any
) -> list[auto.AutoMilestone]:
    return session.progress.new_celebrations(*args, **kwargs)


def add_own_milestone(session: JournalSession, *args: Any, **kwargs: Any) -> Milestone:
    return session.progress.add_own_milestone(*args, **kwargs)


def edit_own_milestone(session: JournalSession, *args: Any, **kwargs: Any) -> Milestone:
    return session.progress.edit_own_milestone(*args, **kwargs)


def goals_with_steps(session: JournalSession, *args: Any, **kwargs: Any) -> list[GoalProgress]:
    return session.progress.goals_with_steps(*args, **kwargs)


def save_goal(session: JournalSession, *args: Any, **kwargs: Any) -> GoalProgress:
    return session.progress.save_goal(*args, **kwargs)


def set_step_done(session: JournalSession, *args: Any, **kwargs: Any) -> GoalStep:
    return session.progress.set_step_done(*args, **kwargs)


def set_goal_complete(session: JournalSession, *args: Any, **kwargs: Any) -> Goal:
    return session.progress.set_goal_complete(*args, **kwargs)


def mark_safety_plan_used(session: JournalSession, *args: Any, **kwargs: Any) -> Milestone | None:
    return session.progress.mark_safety_plan_used(*args, **kwargs)
