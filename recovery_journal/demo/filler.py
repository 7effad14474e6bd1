"""Saving the demo journal through the services, in a few large transactions: libraries, plans,
entries in batches, events and uses, observations and meetings, progress records, and the edits
and trash a real journal shows.
"""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Callable
from datetime import date, datetime, timedelta

from recovery_journal.demo.data import (
    CONTACTS,
    GOALS,
    PHASES,
    PLAN_FOR_STAGES,
    PLAN_FOR_TRIGGERS,
    SAFETY_PLAN,
    SIGNS,
    STRATEGIES,
    TRIGGERS,
)
from recovery_journal.demo.simulation import (
    ENTRY_BATCH,
    Progress,
    _at,
    _clamp,
    _CounterPlan,
    _Day,
    _pick,
    _streak_marks,
)
from recovery_journal.domain.coping import (
    CopingPlanItem,
    CopingStrategy,
    CopingUse,
)
from recovery_journal.domain.entries import Entry
from recovery_journal.domain.progress import (
    Counter,
    Goal,
    GoalStep,
    Milestone,
    MilestoneKind,
    Phase,
    Slip,
)
from recovery_journal.domain.support import (
    SafetyPlanItem,
    SupportContact,
)
from recovery_journal.domain.tracking import (
    Trigger,
    TriggerEvent,
    WarningSign,
    WarningSignObservation,
    WarningStage,
)
from recovery_journal.services.session import JournalSession


class _Filler:
    """Writes the simulated period into the journal through the services, in large batches."""

    def __init__(
        self,
        session: JournalSession,
        rng: random.Random,
        first: date,
        last: date,
        progress: Progress | None,
        total: int,
    ) -> None:
        self.s = session
        self.rng = rng
        self.first = first
        self.last = last
        self.days = (last - first).days + 1
        self.progress = progress
        self.total = total
        self.done = 0
        self.counts: dict[str, int] = {}

    def step(self) -> None:
        self.done += 1
        if self.progress is not None:
            self.progress(min(self.done, self.total), self.total)

    def day_at(self, fraction: float) -> date:
        index = min(max(round(fraction * (self.days - 1)), 0), self.days - 1)
        return self.first + timedelta(days=index)

    def when(self, fraction: float, hour: int = 10) -> datetime:
        return _at(self.day_at(fraction), hour, 0)

    def libraries(self) -> tuple[list[int], list[int], list[int]]:
        start = self.when(0.0, 9)
        triggers = self.s.tracking.triggers.add_many(
            [Trigger(t.name, t.category, t.notes, created_utc=start) for t in TRIGGERS]
        )
        signs = self.s.tracking.warning_signs.add_many(
            [WarningSign(name, stage, notes, created_utc=start) for name, stage, _, notes in SIGNS]
        )
        strategies = self.s.coping.strategies.add_many(
            [
                CopingStrategy(
                    s.name,
                    s.category,
                    s.steps,
                    s.favourite,
                    s.source,
                    created_utc=self.when(s.from_fraction, 9),
                )
                for s in STRATEGIES
            ]
        )
        self.counts.update(
            triggers=len(triggers), warning_signs=len(signs), coping_strategies=len(strategies)
        )
        return (
            [_id(t.id) for t in triggers],
            [_id(s.id) for s in signs],
            [_id(s.id) for s in strategies],
        )

    def plans(self, trigger_ids: list[int], strategy_ids: list[int]) -> None:
        by_trigger = {spec.name: trigger_ids[i] for i, spec in enumerate(TRIGGERS)}
        by_strategy = {spec.name: strategy_ids[i] for i, spec in enumerate(STRATEGIES)}
        items = [
            CopingPlanItem(by_strategy[name], position, trigger_id=by_trigger[trigger])
            for trigger, names in PLAN_FOR_TRIGGERS.items()
            for position, name in enumerate(names)
        ] + [
            CopingPlanItem(by_strategy[name], position, warning_stage=stage)
            for stage, names in PLAN_FOR_STAGES.items()
            for position, name in enumerate(names)
        ]
        safety = [
            SafetyPlanItem(step, text, position, updated_utc=self.when(0.02, 20))
            for step, lines in SAFETY_PLAN.items()
            for position, text in enumerate(lines)
        ]
        contacts = [
            SupportContact(name, role, reach, step, notes, created_utc=self.when(0.02, 20))
            for name, role, reach, step, notes in CONTACTS
        ]
        self.counts["coping_plan"] = len(self.s.coping.plan_items.add_many(items))
        self.counts["safety_plan"] = len(self.s.support.safety_items.add_many(safety))
        self.counts["support_contacts"] = len(self.s.support.contacts.add_many(contacts))

    def entries(self, days: list[_Day], extra: list[Entry]) -> dict[tuple[date, datetime], Entry]:
        """Add every entry in batches, then read them back once to learn their ids.

        ``add_many`` returns only a count, so the entries are found again by their day and their
        (invented, unique) creation time; entries the journal already had are left out.
        """
        batch: list[Entry] = []
        for day in days:
            batch += day.entries
            if len(batch) >= ENTRY_BATCH:
                self.s.entries.add_many(batch)
                batch = []
                self.step()
        self.s.entries.add_many(batch + extra)
        self.step()
        ours = {_key(e) for day in days for e in day.entries} | {_key(e) for e in extra}
        self.counts["entries"] = len(ours)
        saved = self.s.entries.list(start=self.first, end=self.last)
        return {_key(e): e for e in saved if _key(e) in ours}

    def events_and_uses(
        self,
        days: list[_Day],
        trigger_ids: list[int],
        strategy_ids: list[int],
        saved: dict[tuple[date, datetime], Entry],
    ) -> None:
        events: list[TriggerEvent] = []
        for day in days:
            entry_id = saved[_key(day.entries[0])].id if day.entries else None
            events += [
                TriggerEvent(
                    trigger_ids[e.trigger],
                    e.when,
                    day.day,
                    e.intensity,
                    e.context,
                    entry_id if e.linked else None,
                )
                for e in day.events
            ]
        stored = iter(self.s.tracking.trigger_events.add_many(events))
        self.step()
        uses: list[CopingUse] = []
        for day in days:
            ids = [_id(next(stored).id) for _ in day.events]
            uses += [
                CopingUse(
                    strategy_ids[u.strategy],
                    u.when,
                    day.day,
                    u.before,
                    u.after,
                    u.helpfulness,
                    None if u.event is None else ids[u.event],
                    u.note,
                )
                for u in day.uses
            ]
        self.s.coping.uses.add_many(uses)
        self.counts.update(trigger_events=len(events), coping_uses=len(uses))
        self.step()

    def observations_and_meetings(self, days: list[_Day], sign_ids: list[int]) -> None:
        observations = [
            WarningSignObservation(sign_ids[sign], when, day.day, notes)
            for day in days
            for sign, when, notes in day.signs
        ]
        meetings = [m for day in days for m in day.meetings]
        self.counts["observations"] = len(self.s.tracking.observations.add_many(observations))
        self.counts["peer_meetings"] = len(self.s.support.meetings.add_many(meetings))
        self.step()

    def progress_records(self, days: list[_Day], counters: list[_CounterPlan]) -> None:
        stored = self.s.progress.counters.add_many(
            [Counter(c.title, c.start, created_utc=self.when(0.0, 9)) for c in counters]
        )
        ids = {c.key: _id(s.id) for c, s in zip(counters, stored, strict=True)}
        slips = [
            Slip(ids[c.key], day, context, next_time)
            for c in counters
            for day, context, next_time in c.slips
        ]
        self.s.progress.slips.add_many(slips)
        milestones = [
            Milestone(
                when,
                title,
                MilestoneKind.ANNIVERSARY,
                counter_id=ids[c.key],
                created_utc=_at(when, 21, 0),
            )
            for c in counters
            for when, title in _streak_marks(c, self.first, self.last)
        ]
        milestones += self._firsts(days) + self.goals()
        milestones.sort(key=lambda m: m.local_date)
        self.s.progress.milestones.add_many(milestones)
        phases = [Phase(name, self.day_at(at), notes) for name, at, notes in PHASES]
        self.s.progress.phases.add_many(phases)
        # Every automatic milestone already reached is on record, as if the app had been used
        # all along (so a demo journal doesn't open with a pile of celebrations).
        self.s.progress.new_celebrations(self.last)
        self.counts.update(
            counters=len(stored), slips=len(slips), milestones=len(milestones), phases=len(phases)
        )
        self.step()

    def _firsts(self, days: list[_Day]) -> list[Milestone]:
        def first_day(test: Callable[[_Day], bool]) -> date | None:
            return next((d.day for d in days if test(d)), None)

        found = [
            (self.first, "First entry in this journal", MilestoneKind.FIRST),
            (first_day(lambda d: bool(d.meetings)), "First peer meeting", MilestoneKind.FIRST),
            (
                first_day(lambda d: any(SIGNS[s][1] is WarningStage.CRISIS for s, _, _ in d.signs)),
                "First time I used my safety plan",
                MilestoneKind.FIRST,
            ),
            (self.day_at(0.3), "Told Jo the whole story", MilestoneKind.ACHIEVEMENT),
        ]
        return [
            Milestone(d, title, kind, created_utc=_at(d, 21, 30))
            for d, title, kind in found
            if d is not None
        ]

    def goals(self) -> list[Milestone]:
        """Goals and their steps; a finished goal also becomes an achievement milestone."""
        stored = self.s.progress.goals.add_many(
            [self._goal(title, notes, created, steps) for title, notes, created, steps in GOALS]
        )
        steps = [
            GoalStep(_id(goal.id), text, position, self.when(done, 20) if done <= 1 else None)
            for goal, (_, _, _, spec) in zip(stored, GOALS, strict=True)
            for position, (text, done) in enumerate(spec)
        ]
        self.s.progress.goal_steps.add_many(steps)
        self.counts.update(goals=len(stored), goal_steps=len(steps))
        return [
            Milestone(
                goal.completed_utc.astimezone().date(),
                f"Finished: {goal.title}",
                MilestoneKind.ACHIEVEMENT,
                created_utc=goal.completed_utc,
            )
            for goal in stored
            if goal.completed_utc is not None
        ]

    def _goal(
        self, title: str, notes: str, created: float, steps: tuple[tuple[str, float], ...]
    ) -> Goal:
        made = self.when(created, 19)
        finished = max(done for _, done in steps)
        target = self.day_at(created) + timedelta(days=120)
        return Goal(
            title,
            notes,
            target,
            created_utc=made,
            completed_utc=self.when(finished, 20) if finished <= 1 else None,
        )

    def edits_and_trash(
        self, saved: dict[tuple[date, datetime], Entry], trash: list[Entry]
    ) -> None:
        """A few entries edited later (so history exists) and a couple moved to the trash."""
        rng = self.rng
        regular = [e for e in saved.values() if e.title != "Later" and e.check_in.mood is not None]
        regular.sort(key=_key)
        chosen = rng.sample(regular, min(len(regular), max(2, len(regular) // 90)))
        chosen.sort(key=_key)
        for entry in chosen:
            note = _pick(
                rng,
                (
                    "Reading this back the next morning: it wasn't as bad as it felt.",
                    "Added later: Sam says this is exactly what the journal is for.",
                    "Edit: I was being too hard on myself here.",
                    "Added later: this was the start of a better week.",
                ),
            )
            before = entry.check_in.mood
            mood = before if rng.random() < 0.6 else _clamp((before or 5) + 1, 0, 10)
            tags = entry.tags if rng.random() < 0.7 else (*entry.tags, "reflection")
            self.s.entries.edit(
                dataclasses.replace(
                    entry,
                    body=f"{entry.body}\n\n*{note}*",
                    check_in=dataclasses.replace(entry.check_in, mood=mood),
                    tags=tags,
                )
            )
        for entry in trash:
            self.s.entries.move_to_trash(_id(saved[_key(entry)].id))
        self.counts.update(edited=len(chosen), trashed=len(trash))
        self.step()


def _id(value: int | None) -> int:
    if value is None:
        raise RuntimeError("a saved record came back without an id")
    return value


def _key(entry: Entry) -> tuple[date, datetime]:
    return entry.local_date, _aware(entry.created_utc)


def _aware(value: datetime | None) -> datetime:
    if value is None:
        raise RuntimeError("a saved entry came back without a creation time")
    return value
