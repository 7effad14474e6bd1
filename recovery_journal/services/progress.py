"""Counters with slips, milestones (the person's own and the ones the journal notices), goals
with steps, and recovery phases: the Milestones page's use cases.

One service, one style: ``session.progress.<use case>(…)``, each call one transaction. Automatic
milestones (see :mod:`recovery_journal.domain.milestones`) are stored as ordinary milestone rows
the first time :meth:`ProgressService.new_celebrations` sees them reached, so each is celebrated
once and then lives in the timeline and in exports like the person's own.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from recovery_journal.domain import milestones as auto
from recovery_journal.domain.clock import local_date_of, local_today, utc_now
from recovery_journal.domain.coping import StrategySource
from recovery_journal.domain.progress import (
    Counter,
    DayConvention,
    Goal,
    GoalStep,
    Milestone,
    MilestoneKind,
    Slip,
)
from recovery_journal.domain.streaks import StreakStats, check_slip_day, streak_stats
from recovery_journal.domain.support import SafetyStep
from recovery_journal.errors import ValidationError
from recovery_journal.services.collection import Collection
from recovery_journal.services.unit_of_work import UnitOfWork
from recovery_journal.storage import entries as entry_store
from recovery_journal.storage import repositories as repos
from recovery_journal.storage.repositories import (
    COUNTERS,
    GOAL_STEPS,
    GOALS,
    MEETINGS,
    MILESTONES,
    PHASES,
    SAFETY_ITEMS,
    SLIPS,
)

# ---------------------------------------------------------------- counters and slips


@dataclass(frozen=True, slots=True)
class CounterStatus:
    """A counter with every number its card shows and its slips (oldest first)."""

    counter: Counter
    stats: StreakStats
    slips: tuple[Slip, ...]


def _slips_by_counter(s: Session) -> dict[int, list[Slip]]:
    found: dict[int, list[Slip]] = defaultdict(list)
    for slip in SLIPS.list(s):
        found[slip.counter_id].append(slip)
    return found


def _status(counter: Counter, slips: Sequence[Slip], today: date) -> CounterStatus:
    stats = streak_stats(
        counter.start_date, (x.local_date for x in slips), today, counter.convention
    )
    return CounterStatus(counter, stats, tuple(slips))


def _prune_stale(s: Session, counter: Counter, today: date) -> list[Milestone]:
    """Drop stored automatic marks of ``counter`` that its runs no longer reach; returns them."""
    assert counter.id is not None
    slips = [x.local_date for x in repos.slips_of(s, counter.id or 0)]
    valid = {m.key for m in auto.counter_milestones(counter, slips, today, every_run=True)}
    stored = repos.milestones_of(s, counter.id or 0)
    dropped = auto.stale(stored, counter.id, valid)
    for row in dropped:
        assert row.id is not None
        MILESTONES.delete(s, row.id)
    return dropped


@dataclass(frozen=True, slots=True)
class NotedSlip:
    """A slip just noted, with the automatic marks it took away (a slip noted late for an
    earlier day): what :func:`undo_slip` needs to put everything back as it was."""

    slip: Slip
    marks_removed: tuple[Milestone, ...]


# ---------------------------------------------------------------- milestones


@dataclass(frozen=True, slots=True)
class TimelineItem:
    """One line of the milestones timeline: stored (own or automatic) or just reached."""

    local_date: date
    title: str
    kind: MilestoneKind
    notes: str = ""
    counter_id: int | None = None
    milestone_id: int | None = None  # None: reached, not stored yet
    key: str | None = None  # the automatic key; None for the person's own

    @property
    def automatic(self) -> bool:
        return self.key is not None


def _snapshot(s: Session, today: date) -> auto.JournalSnapshot:
    safety: dict[SafetyStep, date] = {}
    for item in SAFETY_ITEMS.list(s):
        when = local_date_of(item.updated_utc) if item.updated_utc else today
        safety[item.step] = min(when, safety.get(item.step, when))
    peer = repos.strategies_from(s, StrategySource.PEER_MEETING)
    return auto.JournalSnapshot(
        meeting_days=[m.local_date for m in MEETINGS.list(s)],
        checkin_days=sorted(entry_store.daily_moods(s, date.min, today)),
        safety_step_days=safety,
        peer_strategy_days=[local_date_of(x.created_utc) for x in peer if x.created_utc],
    )


def _reached(s: Session, today: date) -> list[auto.AutoMilestone]:
    counters = COUNTERS.active(s)
    slips = _slips_by_counter(s)
    found: list[auto.AutoMilestone] = []
    for counter in counters:
        days = [x.local_date for x in slips.get(counter.id or 0, [])]
        found += auto.counter_milestones(counter, days, today)
    return found + auto.journal_milestones(_snapshot(s, today), today)


def _item(row: Milestone) -> TimelineItem:
    return TimelineItem(
        row.local_date,
        row.title,
        row.kind,
        auto.visible_notes(row),
        row.counter_id,
        row.id,
        auto.key_of(row),
    )


# ---------------------------------------------------------------- goals


@dataclass(frozen=True, slots=True)
class GoalProgress:
    """A goal with its steps in order; progress is 'done of total' steps."""

    goal: Goal
    steps: tuple[GoalStep, ...]

    @property
    def done(self) -> int:
        return sum(1 for step in self.steps if step.done_utc is not None)

    @property
    def total(self) -> int:
        return len(self.steps)


def _steps(s: Session, goal_id: int) -> tuple[GoalStep, ...]:
    return tuple(repos.steps_of(s, goal_id))


SAFETY_PLAN_FIRST_USE = "first-safety-plan-use"


class ProgressService:
    """What the person is proud of and working towards, and the use cases on it."""

    def __init__(self, uow: UnitOfWork) -> None:
        self._uow = uow
        self.counters = Collection(uow, COUNTERS)
        self.slips = Collection(uow, SLIPS)
        self.milestones = Collection(uow, MILESTONES)
        self.goals = Collection(uow, GOALS)
        self.goal_steps = Collection(uow, GOAL_STEPS)
        self.phases = Collection(uow, PHASES)

    def slips_of(self, counter_id: int) -> list[Slip]:
        """One counter's slips, oldest first."""
        with self._uow.transaction() as s:
            return repos.slips_of(s, counter_id)

    def counter_status(self, counter_id: int, today: date) -> CounterStatus:
        with self._uow.transaction() as s:
            counter = COUNTERS.get(s, counter_id)
            slips = repos.slips_of(s, counter_id)
        return _status(counter, slips, today)

    def all_counter_statuses(
        self, today: date, *, include_archived: bool = False
    ) -> list[CounterStatus]:
        """Every counter (archived ones only when asked), oldest start first."""
        with self._uow.transaction() as s:
            counters = COUNTERS.active(s, include_archived=include_archived)
            slips = _slips_by_counter(s)
        return [_status(c, slips.get(c.id or 0, []), today) for c in counters]

    def counters_on_today(self, today: date) -> list[CounterStatus]:
        """The counters the person keeps on the Today page: pinned and not archived."""
        return [st for st in self.all_counter_statuses(today) if st.counter.pinned]

    def add_counter(
        self,
        title: str,
        start: date,
        convention: DayConvention = DayConvention.DAY_ONE,
        *,
        pinned: bool = True,
    ) -> Counter:
        """Start a counter; it shows on Today unless ``pinned`` is False."""
        return self.counters.add(Counter(title.strip(), start, convention, pinned=pinned))

    def set_pinned(self, counter_id: int, pinned: bool) -> Counter:
        """Show a counter on Today or not. Only the flag changes: its start date, slips and
        milestones stay exactly as they are."""
        with self._uow.transaction() as s:
            counter = COUNTERS.get(s, counter_id)
            return COUNTERS.update(s, dataclasses.replace(counter, pinned=pinned))

    def update_counter(self, counter: Counter, today: date) -> Counter:
        """Save an edited counter (title, start date, convention) and keep its marks honest."""
        with self._uow.transaction() as s:
            saved = COUNTERS.update(s, counter)
            _prune_stale(s, saved, today)
            return saved

    def record_slip(
        self,
        counter_id: int,
        day: date,
        context: str = "",
        next_time: str = "",
        *,
        today: date | None = None,
    ) -> NotedSlip:
        """Note a slip (a day on or after the start, not in the future). Nothing is reset: the
        start date, the earlier runs and their milestones stay. A slip noted later for an earlier
        day removes only the automatic marks that its run did not in fact reach."""
        today = today or local_today()
        with self._uow.transaction() as s:
            counter = COUNTERS.get(s, counter_id)
            check_slip_day(counter.start_date, day, today)
            slip = SLIPS.add(s, Slip(counter_id, day, context.strip(), next_time.strip()))
            return NotedSlip(slip, tuple(_prune_stale(s, counter, today)))

    def undo_slip(self, noted: NotedSlip, *, today: date | None = None) -> None:
        """Take back a slip noted by mistake, right after noting it: the slip goes and the marks it
        took away come back as they were — not celebrated a second time."""
        today = today or local_today()
        assert noted.slip.id is not None
        with self._uow.transaction() as s:
            counter = COUNTERS.get(s, noted.slip.counter_id)
            SLIPS.delete(s, noted.slip.id)
            for mark in noted.marks_removed:
                MILESTONES.add(s, dataclasses.replace(mark, id=None))
            _prune_stale(s, counter, today)  # in case the counter changed meanwhile

    def reached_milestones(self, today: date) -> list[TimelineItem]:
        """Every stored milestone plus the automatic ones reached but not stored yet, by date."""
        with self._uow.transaction() as s:
            stored = MILESTONES.list(s)
            fresh = auto.not_yet_recorded(_reached(s, today), stored)
        items = [_item(row) for row in stored]
        items += [
            TimelineItem(m.local_date, m.title, m.kind, "", m.counter_id, None, m.key)
            for m in fresh
        ]
        return sorted(items, key=lambda i: (i.local_date, i.milestone_id is None, i.title))

    def new_celebrations(self, today: date) -> list[auto.AutoMilestone]:
        """The automatic milestones reached since last time and still worth celebrating today
        (see :func:`~recovery_journal.domain.milestones.worth_celebrating`), oldest first. Every
        newly reached one is stored in the same transaction, so calling again returns nothing
        until another one is reached."""
        with self._uow.transaction() as s:
            stored = MILESTONES.list(s)
            fresh = auto.not_yet_recorded(_reached(s, today), stored)
            for milestone in fresh:
                MILESTONES.add(s, milestone.as_milestone())
            return auto.worth_celebrating(fresh, today)

    def add_own_milestone(
        self,
        day: date,
        title: str,
        kind: MilestoneKind = MilestoneKind.ACHIEVEMENT,
        notes: str = "",
    ) -> Milestone:
        return self.milestones.add(Milestone(day, title.strip(), kind, notes.strip()))

    def edit_own_milestone(
        self,
        milestone_id: int,
        day: date,
        title: str,
        kind: MilestoneKind,
        notes: str = "",
    ) -> Milestone:
        """Change one of the person's own milestones. Automatic ones are what the journal noticed
        (their dates follow the counters and the journal): they are not edited by hand."""
        with self._uow.transaction() as s:
            current = MILESTONES.get(s, milestone_id)
            if auto.key_of(current) is not None:
                raise ValidationError(
                    "milestone", "Milestones the journal noticed can't be edited."
                )
            changed = dataclasses.replace(
                current, local_date=day, title=title.strip(), kind=kind, notes=notes.strip()
            )
            return MILESTONES.update(s, changed)

    def goals_with_steps(self) -> list[GoalProgress]:
        """Goals not archived: open ones first (oldest first), then completed ones."""
        with self._uow.transaction() as s:
            goals = [g for g in GOALS.list(s) if g.archived_utc is None]
            found = [GoalProgress(g, _steps(s, g.id or 0)) for g in goals]
        return sorted(found, key=lambda p: (p.goal.completed_utc is not None, p.goal.id or 0))

    def save_goal(self, goal: Goal, steps: Sequence[tuple[int | None, str]]) -> GoalProgress:
        """Add or update a goal and make its steps exactly ``steps`` ((id or None, text) in order;
        blank texts are skipped, steps left out are removed, done marks are kept)."""
        wanted = [(ident, text.strip()) for ident, text in steps if text.strip()]
        with self._uow.transaction() as s:
            saved = GOALS.update(s, goal) if goal.id is not None else GOALS.add(s, goal)
            assert saved.id is not None
            existing = {step.id: step for step in _steps(s, saved.id)}
            keep = {ident for ident, _ in wanted if ident is not None}
            for ident in set(existing) - keep:
                assert ident is not None
                GOAL_STEPS.delete(s, ident)
            for position, (ident, text) in enumerate(wanted):
                if ident is not None and ident in existing:
                    step = dataclasses.replace(existing[ident], text=text, position=position)
                    GOAL_STEPS.update(s, step)
                else:
                    GOAL_STEPS.add(s, GoalStep(saved.id, text, position))
            return GoalProgress(saved, _steps(s, saved.id))

    def set_step_done(self, step_id: int, done: bool) -> GoalStep:
        with self._uow.transaction() as s:
            step = GOAL_STEPS.get(s, step_id)
            if (step.done_utc is not None) == done:
                return step
            return GOAL_STEPS.update(
                s, dataclasses.replace(step, done_utc=utc_now() if done else None)
            )

    def set_goal_complete(self, goal_id: int, complete: bool, today: date | None = None) -> Goal:
        """Mark a goal complete (adding a 'Finished: …' milestone) or open again (removing it)."""
        key = f"goal-{goal_id}"
        with self._uow.transaction() as s:
            goal = GOALS.get(s, goal_id)
            saved = GOALS.update(
                s, dataclasses.replace(goal, completed_utc=utc_now() if complete else None)
            )
            marked = [m for m in MILESTONES.list(s) if auto.key_of(m) == key]
            if complete and not marked:
                finished = auto.AutoMilestone(
                    key,
                    today or local_today(),
                    auto.clip_title(f"Finished: {goal.title}"),
                    MilestoneKind.ACHIEVEMENT,
                )
                MILESTONES.add(s, finished.as_milestone())
            if not complete:
                for row in marked:
                    MILESTONES.delete(s, row.id or 0)
            return saved

    def mark_safety_plan_used(self, today: date) -> Milestone | None:
        """The first time the person turns to their safety plan ("I need help now") becomes a
        milestone — quietly, no celebration; later uses change nothing. Returns it when new."""
        first = auto.AutoMilestone(
            SAFETY_PLAN_FIRST_USE,
            today,
            "First time I turned to my safety plan",
            MilestoneKind.FIRST,
        )
        with self._uow.transaction() as s:
            if any(auto.key_of(m) == SAFETY_PLAN_FIRST_USE for m in MILESTONES.list(s)):
                return None
            return MILESTONES.add(s, first.as_milestone())
