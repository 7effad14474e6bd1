"""Automatic milestones: counter marks and journal firsts, and which of them are new.

Two sources, each a pure function returning :class:`AutoMilestone` values (date reached, title,
kind, and a stable ``key``):

- **Counters**: 1 day, 1 week, 30/60/90 days, 6 months, 1 year, then every year, counted from the
  start of the current run (the start date or the day after the last slip) with the counter's
  convention (see :mod:`recovery_journal.domain.streaks`). Marks of earlier runs are not
  re-derived for the timeline: they were recorded when reached, and stay as history.
- **The journal** (a small :class:`JournalSnapshot`): the first peer meeting logged; 30, 100 and
  365 check-ins (a check-in is a day with at least one entry that has a mood); a safety plan with
  at least one line under every step; the first strategy from a meeting added to the toolbox.

Once reached, an automatic milestone is stored as an ordinary :class:`Milestone` whose notes carry
a small marker with its key (``[auto:…]``), so it appears in the timeline and in exports, and
"new" simply means reached but not stored yet: each is celebrated once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from recovery_journal.domain import validation
from recovery_journal.domain.progress import Counter, Milestone, MilestoneKind
from recovery_journal.domain.streaks import Mark, marks_reached, runs
from recovery_journal.domain.support import SafetyStep

CHECKIN_COUNTS = (30, 100, 365)
CELEBRATE_WITHIN = 7  # days after reaching it that a counter's mark is still celebrated
_MARKER = re.compile(r"\[auto:([A-Za-z0-9:._-]+)\]")


@dataclass(frozen=True, slots=True)
class AutoMilestone:
    """A milestone the app noticed: when it was reached, what to call it, and a stable key."""

    key: str
    local_date: date
    title: str
    kind: MilestoneKind
    counter_id: int | None = None
    mark: str = ""  # a counter mark's length ("1 week"); empty for journal milestones
    fresh_days: int | None = None  # celebrated only this many days after it was reached

    def as_milestone(self) -> Milestone:
        """The row to store once reached (the key goes into the notes as a marker)."""
        return Milestone(
            self.local_date, self.title, self.kind, marker(self.key), counter_id=self.counter_id
        )


def marker(key: str) -> str:
    return f"[auto:{key}]"


def key_of(milestone: Milestone) -> str | None:
    """The automatic key a stored milestone carries, or None for the person's own."""
    found = _MARKER.search(milestone.notes)
    return found.group(1) if found else None


def visible_notes(milestone: Milestone) -> str:
    """The notes without the automatic marker (what a person should see)."""
    return _MARKER.sub("", milestone.notes).strip()


def clip_title(text: str) -> str:
    return text if len(text) <= validation.MAX_NAME else text[: validation.MAX_NAME - 1] + "…"


def counter_mark_title(mark: str, counter_title: str) -> str:
    """A readable title for a counter's mark: "Smoke-free since" + "1 week" → "Smoke-free for
    1 week"; a title that isn't "… since" → "Gambling: 1 week"."""
    title = " ".join(counter_title.split())
    stem, since, rest = title.rpartition(" ")
    if rest.casefold() == "since" and since and stem:
        return clip_title(f"{stem} for {mark}")
    return clip_title(f"{title}: {mark}")


def _counter_mark(counter: Counter, run_start: date, mark: Mark) -> AutoMilestone:
    return AutoMilestone(
        key=f"counter-{counter.id}:{run_start.isoformat()}:{mark.key}",
        local_date=mark.reached_on(run_start, counter.convention),
        title=counter_mark_title(mark.title, counter.title),
        kind=MilestoneKind.ACHIEVEMENT if mark.days else MilestoneKind.ANNIVERSARY,
        counter_id=counter.id,
        mark=mark.title,
        fresh_days=min(mark.days, CELEBRATE_WITHIN) if mark.days else CELEBRATE_WITHIN,
    )


def worth_celebrating(reached: Iterable[AutoMilestone], today: date) -> list[AutoMilestone]:
    """The reached milestones still fresh enough to celebrate today: a counter's mark only
    within a few days of reaching it ("1 day" only on that day, never on day 3), and of one
    counter only the longest mark. Older ones are recorded quietly in the timeline."""
    fresh = [
        m
        for m in reached
        if m.fresh_days is None or 0 <= (today - m.local_date).days < m.fresh_days
    ]
    latest: dict[int, AutoMilestone] = {}
    for m in fresh:
        if m.counter_id is not None:
            kept = latest.get(m.counter_id)
            if kept is None or (m.local_date, m.key) > (kept.local_date, kept.key):
                latest[m.counter_id] = m
    return [m for m in fresh if m.counter_id is None or latest[m.counter_id] is m]


def counter_milestones(
    counter: Counter, slips: Iterable[date], today: date, *, every_run: bool = False
) -> list[AutoMilestone]:
    """The marks reached by the current run on or before ``today`` (``every_run``: by every
    run since the start, used to tell whether a stored one still holds after a change)."""
    all_runs = runs(counter.start_date, slips, today)
    chosen = all_runs if every_run else all_runs[-1:]
    return [
        _counter_mark(counter, run.first, mark)
        for run in chosen
        for mark in marks_reached(run.first, run.last, counter.convention)
    ]


@dataclass(frozen=True, slots=True)
class JournalSnapshot:
    """What the journal milestones need to know, gathered by the service in one transaction."""

    meeting_days: Sequence[date] = ()
    checkin_days: Sequence[date] = ()  # days with at least one entry that has a mood
    safety_step_days: Mapping[SafetyStep, date] = field(default_factory=dict)  # first line each
    peer_strategy_days: Sequence[date] = ()  # when strategies from meetings joined the toolbox


def first_meeting(snapshot: JournalSnapshot, today: date) -> AutoMilestone | None:
    days = [d for d in snapshot.meeting_days if d <= today]
    if not days:
        return None
    return AutoMilestone("first-meeting", min(days), "First peer meeting", MilestoneKind.FIRST)


def checkin_milestones(snapshot: JournalSnapshot, today: date) -> list[AutoMilestone]:
    days = sorted({d for d in snapshot.checkin_days if d <= today})
    return [
        AutoMilestone(f"checkins-{n}", days[n - 1], f"{n} check-ins", MilestoneKind.ACHIEVEMENT)
        for n in CHECKIN_COUNTS
        if len(days) >= n
    ]


def safety_plan_filled(snapshot: JournalSnapshot, today: date) -> AutoMilestone | None:
    """Reached the day the last empty step of the safety plan got its first line."""
    days = {step: d for step, d in snapshot.safety_step_days.items() if d <= today}
    if any(step not in days for step in SafetyStep):
        return None
    return AutoMilestone(
        "safety-plan-filled",
        max(days.values()),
        "Safety plan filled in (every step)",
        MilestoneKind.ACHIEVEMENT,
    )


def first_peer_strategy(snapshot: JournalSnapshot, today: date) -> AutoMilestone | None:
    days = [d for d in snapshot.peer_strategy_days if d <= today]
    if not days:
        return None
    return AutoMilestone(
        "first-peer-strategy",
        min(days),
        "First strategy from a meeting added to my toolbox",
        MilestoneKind.FIRST,
    )


def journal_milestones(snapshot: JournalSnapshot, today: date) -> list[AutoMilestone]:
    single = (
        first_meeting(snapshot, today),
        safety_plan_filled(snapshot, today),
        first_peer_strategy(snapshot, today),
    )
    found = [m for m in single if m is not None] + checkin_milestones(snapshot, today)
    return sorted(found, key=lambda m: (m.local_date, m.key))


def is_recorded(auto: AutoMilestone, stored: Iterable[Milestone]) -> bool:
    """Whether ``auto`` is already in the journal: by its key, or (for milestones recorded
    without one, e.g. imported) the same counter and day, or the same title and day."""
    for row in stored:
        key = key_of(row)
        if key is not None:
            if key == auto.key:
                return True
            continue
        if row.local_date != auto.local_date:
            continue
        if auto.counter_id is not None and row.counter_id == auto.counter_id:
            return True
        if auto.counter_id is None and row.title.casefold() == auto.title.casefold():
            return True
    return False


def not_yet_recorded(
    reached: Iterable[AutoMilestone], stored: Iterable[Milestone]
) -> list[AutoMilestone]:
    """The reached milestones to celebrate (and then store), oldest first."""
    rows = list(stored)
    fresh = [m for m in reached if not is_recorded(m, rows)]
    return sorted(fresh, key=lambda m: (m.local_date, m.key))


def stale(stored: Iterable[Milestone], counter_id: int, valid_keys: set[str]) -> list[Milestone]:
    """Stored automatic milestones of a counter that no longer hold (a slip recorded later for
    an earlier day, or a changed start date): their run never reached them."""
    prefix = f"counter-{counter_id}:"
    return [
        row
        for row in stored
        if (key := key_of(row)) is not None and key.startswith(prefix) and key not in valid_keys
    ]
