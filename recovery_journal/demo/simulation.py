"""The demo journal's days, simulated: mood with slow improvement, weekends, bad stretches, sleep,
triggers, coping and what helped, warning signs, meetings, therapy, and the counters' slips.

Numbers only (no text, no database): :mod:`.writer` turns days into entries, :mod:`.filler` saves.
Names with a leading underscore are private to the ``demo`` package.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import TypeVar

from recovery_journal.demo.data import (
    COUNTERS,
    GROUPS,
    LEARNED,
    QUOTES,
    SCHEDULED,
    SIGN_NOTES,
    SIGNS,
    STRATEGIES,
    TOPICS,
    TRIGGERS,
    USE_NOTES,
    WEEKLY,
)
from recovery_journal.domain.entries import Entry
from recovery_journal.domain.support import (
    PeerMeeting,
)
from recovery_journal.domain.tracking import (
    TriggerCategory,
    WarningStage,
)

Progress = Callable[[int, int], None]
ENTRY_BATCH = 365  # entries per transaction (and per progress step)
RARE_WORD = "lighthouse"  # appears in a handful of entries: the benchmark's rare search word
T = TypeVar("T")


@dataclass(slots=True)
class _Event:
    trigger: int
    when: datetime
    intensity: int
    context: str
    linked: bool = True


@dataclass(slots=True)
class _Use:
    strategy: int
    when: datetime
    before: int
    after: int
    helpfulness: int
    event: int | None  # index into the day's events
    note: str = ""


@dataclass(slots=True)
class _Day:
    index: int
    day: date
    dip: float
    mood_f: float = 5.0
    mood: int = 5
    anxiety: int = 3
    energy: int = 5
    sleep_hours: float = 7.0
    sleep_quality: int = 3
    events: list[_Event] = field(default_factory=list)
    uses: list[_Use] = field(default_factory=list)
    signs: list[tuple[int, datetime, str]] = field(default_factory=list)
    meetings: list[PeerMeeting] = field(default_factory=list)
    therapy: bool = False
    slips: list[str] = field(default_factory=list)  # counter keys slipped on this day
    entries: list[Entry] = field(default_factory=list)


def _clamp(value: float, low: int, high: int) -> int:
    return max(low, min(high, round(value)))


def _at(day: date, hour: int, minute: int, second: int = 0) -> datetime:
    """The UTC instant of a local wall-clock time on ``day`` (this computer's time zone)."""
    return datetime.combine(day, time(hour, minute, second)).astimezone().astimezone(UTC)


def _pick(rng: random.Random, items: Sequence[T]) -> T:
    return items[rng.randrange(len(items))]


def _weighted(rng: random.Random, weights: Sequence[float]) -> int:
    return rng.choices(range(len(weights)), weights=weights)[0]


def _plan_dips(rng: random.Random, days: int) -> list[float]:
    """A few bad stretches (3–9 days), more of them early on, each ramping in and out."""
    depth = [0.0] * days
    for _ in range(max(1, round(days / 70))):
        start = int(days * rng.random() ** 1.5)
        length = rng.randint(3, 9)
        peak = rng.uniform(1.6, 3.0) * (1 - 0.35 * start / days)
        for k in range(min(length, days - start)):
            ramp = min(k + 1, length - k, 2) / 2
            depth[start + k] = max(depth[start + k], peak * ramp)
    return depth


class _Simulation:
    """Day-by-day numbers for the whole period: mood, sleep, triggers, coping, signs."""

    def __init__(self, rng: random.Random, first: date, days: int) -> None:
        self.rng = rng
        self.first = first
        self.days = days
        self.dips = _plan_dips(rng, days)
        anniversary = first + timedelta(days=rng.randint(20, 300))
        self.anniversary = (anniversary.month, min(anniversary.day, 28))
        self.noise = 0.0

    def fraction(self, index: int) -> float:
        return index / max(self.days - 1, 1)

    def run(self) -> list[_Day]:
        out: list[_Day] = []
        for i in range(self.days):
            day = _Day(i, self.first + timedelta(days=i), self.dips[i])
            self._events(day)
            self._meetings(day)
            self._check_in(day, out[-1] if out else None)
            self._coping(day)
            self._signs(day)
            out.append(day)
        return out

    # -- triggers

    def _scheduled(self, day: _Day) -> list[int]:
        rng, p, d = self.rng, self.fraction(day.index), day.day
        found: list[int] = []
        if d.day == 25 and rng.random() < 0.6 * (1 - 0.5 * p):
            found.append(SCHEDULED["payday"])
        if d.weekday() == 4 and rng.random() < 0.35 * (1 - 0.5 * p):
            found.append(SCHEDULED["friday"])
        near = (d + timedelta(days=1)).month, (d + timedelta(days=1)).day
        if (d.month, d.day) == self.anniversary or (
            near == self.anniversary and rng.random() < 0.4
        ):
            found.append(SCHEDULED["anniversary"])
        return found

    def _events(self, day: _Day) -> None:
        rng, p = self.rng, self.fraction(day.index)
        rate = 0.3 * (1 - 0.45 * p) + 0.22 * day.dip
        roll = rng.random()
        count = 2 if roll < rate * 0.22 else 1 if roll < rate else 0
        weekday = day.day.weekday()
        weights = [
            spec.weight * (2.0 if day.dip > 1 and spec.category is TriggerCategory.INTERNAL else 1)
            if weekday in spec.weekdays
            else 0.0
            for spec in TRIGGERS
        ]
        chosen = [_weighted(rng, weights) for _ in range(count)] + self._scheduled(day)
        for index in chosen:
            spec = TRIGGERS[index]
            level = 4.0 + spec.severity + 0.9 * day.dip - 1.5 * p + rng.gauss(0, 1.5)
            when = _at(day.day, rng.randint(*spec.hours), rng.randrange(60))
            linked = rng.random() < 0.85
            day.events.append(
                _Event(index, when, _clamp(level, 1, 10), _pick(rng, spec.contexts), linked)
            )
        day.events.sort(key=lambda e: e.when)

    def _meetings(self, day: _Day) -> None:
        rng, p = self.rng, self.fraction(day.index)
        for name, weekday, attendance, start in GROUPS:
            if day.day.weekday() != weekday or p < start or day.index < 3:
                continue
            if rng.random() >= attendance * (0.7 if day.dip > 1 else 1.0):
                continue
            topic, quote = _pick(rng, TOPICS), _pick(rng, QUOTES)
            learned: tuple[str, ...] = ()
            if rng.random() < 0.3:
                learned = tuple(rng.sample(LEARNED, rng.randint(1, 2)))
            resonated = f"The share about {topic}. “{quote}”"
            meeting = PeerMeeting(
                name, day.day, resonated, learned, created_utc=_at(day.day, 22, 5)
            )
            day.meetings.append(meeting)
        day.therapy = day.day.weekday() == 2 and day.index >= 9 and (day.index // 7) % 2 == 0

    # -- the check-in: sleep, mood, anxiety, energy

    def _check_in(self, day: _Day, yesterday: _Day | None) -> None:
        rng, p = self.rng, self.fraction(day.index)
        weekend = day.day.weekday() >= 5
        stress_before = len(yesterday.events) if yesterday else 0
        hours = 7.2 + 0.4 * weekend - 0.45 * day.dip - 0.4 * stress_before + rng.gauss(0, 0.7)
        day.sleep_hours = max(3.5, min(10.5, round(hours * 4) / 4))
        day.sleep_quality = _clamp(
            3.1 + 0.7 * (day.sleep_hours - 7.2) - 0.35 * day.dip + rng.gauss(0, 0.6), 1, 5
        )
        base = 4.0 + 2.9 * (1 - math.exp(-2.5 * p)) / (1 - math.exp(-2.5))
        self.noise = 0.55 * self.noise + rng.gauss(0, 0.6)
        tired = 0.35 * max(0.0, 7 - day.sleep_hours)
        carry = 0.0
        if yesterday is not None:
            tired += 0.3 * max(0.0, 7 - yesterday.sleep_hours)  # sleep debt shows the next day
            if any(u.before - u.after >= 4 for u in yesterday.uses):
                carry = 0.7  # a coping win yesterday carries into today
        triggers = sum(0.4 + 0.12 * e.intensity for e in day.events)
        lift = 0.4 if day.meetings else 0.0
        mood = base + WEEKLY[day.day.weekday()] - day.dip + self.noise - tired - triggers
        mood += carry + lift
        day.mood_f = mood
        day.mood = _clamp(mood, 0, 10)
        worst = max((e.intensity for e in day.events), default=0)
        day.anxiety = _clamp(
            8.2 - 0.75 * mood + 0.2 * worst + 0.3 * day.dip + rng.gauss(0, 0.9), 0, 10
        )
        day.energy = _clamp(
            1.2 + 0.55 * mood + 0.5 * (day.sleep_hours - 7) + rng.gauss(0, 0.9), 0, 10
        )

    # -- coping

    def _strategy(self, p: float) -> int:
        weights = [
            s.weight * math.exp(0.7 * (s.drop - 2.2) * p) if p >= s.from_fraction else 0.0
            for s in STRATEGIES
        ]
        return _weighted(self.rng, weights)

    def _use(self, day: _Day, when: datetime, before: int, event: int | None) -> _Use:
        rng = self.rng
        index = self._strategy(self.fraction(day.index))
        spec = STRATEGIES[index]
        drop = spec.drop * (0.55 + 0.9 * rng.random()) + rng.gauss(0, 0.6)
        after = _clamp(before - drop, 0, 10)
        gained = max(before - after, 0)
        helpfulness = _clamp(1 + 4 * gained / max(before, 1) + rng.gauss(0, 0.45), 1, 5)
        note = _pick(rng, USE_NOTES)
        later = when + timedelta(minutes=rng.randint(5, 75))
        return _Use(index, later, before, after, helpfulness, event, note)

    def _coping(self, day: _Day) -> None:
        rng, p = self.rng, self.fraction(day.index)
        for k, event in enumerate(day.events):
            if rng.random() < 0.5 + 0.3 * p:
                before = _clamp(event.intensity + rng.gauss(1, 1), 1, 10)
                day.uses.append(self._use(day, event.when, before, k))
        if rng.random() < 0.1 + 0.1 * p:
            when = _at(day.day, rng.randint(8, 21), rng.randrange(60))
            before = _clamp(9 - 0.8 * day.mood_f + rng.gauss(0, 1), 1, 10)
            day.uses.append(self._use(day, when, before, None))
        day.uses.sort(key=lambda u: u.when)

    # -- warning signs

    def _signs(self, day: _Day) -> None:
        rng, mood = self.rng, day.mood
        chances = {
            WarningStage.EARLY: 0.45 if mood <= 4 else 0.15 if mood <= 5 else 0.03,
            WarningStage.BREAKING_DOWN: 0.35 if mood <= 3 else 0.1 if day.dip > 1 else 0.005,
            WarningStage.CRISIS: 0.5 if mood <= 1 else 0.1 if mood == 2 and day.dip > 2 else 0.0,
        }
        for stage, chance in chances.items():
            if rng.random() >= chance:
                continue
            weights = [w if s is stage else 0.0 for _, s, w, _ in SIGNS]
            when = _at(day.day, rng.randint(9, 23), rng.randrange(60))
            day.signs.append((_weighted(rng, weights), when, _pick(rng, SIGN_NOTES[stage])))


# ---------------------------------------------------------------- counters and slips


@dataclass(frozen=True, slots=True)
class _CounterPlan:
    key: str
    title: str
    short: str  # "alcohol-free"
    start: date
    slips: tuple[tuple[date, str, str], ...]  # day, context, next time


def _spaced(ordered: Sequence[int], count: int, gap: int) -> list[int]:
    """Up to ``count`` of ``ordered`` (best first), at least ``gap`` days apart, by date."""
    chosen: list[int] = []
    for index in ordered:
        if len(chosen) == count:
            break
        if all(abs(index - other) > gap for other in chosen):
            chosen.append(index)
    return sorted(chosen)


def _slip_days(candidates: list[int], count: int, rng: random.Random) -> list[int]:
    return _spaced(rng.sample(candidates, len(candidates)), count, 14)


def _plan_counters(rng: random.Random, days: list[_Day]) -> list[_CounterPlan]:
    """Counters and their slips: drinking slips on craving days in bad stretches (fewer later),
    a rare self-harm slip on the worst days, smoking slips after quitting a third of the way in."""
    n = len(days)
    sober, smoke_free = min(5, n - 1), int(n * 0.35)
    craving = [
        d.index
        for d in days[sober + 1 : int(n * 0.8)]
        if d.dip > 1.0 and any(TRIGGERS[e.trigger].craving for e in d.events)
    ]
    fallback = [d.index for d in days[sober + 1 :]]
    lowest = sorted((d for d in days[: int(n * 0.6)] if d.dip > 1.5), key=lambda d: d.mood_f)
    slip_days = {
        "alcohol": _slip_days(craving or fallback, max(1, round(n / 180)), rng),
        "self-harm": _spaced([d.index for d in lowest], round(n / 700), 60),
        "smoking": _slip_days(list(range(smoke_free + 1, n)), max(1, round(n / 150)), rng),
    }
    starts = {
        "alcohol": days[sober].day,
        "self-harm": days[0].day - timedelta(days=420),
        "smoking": days[smoke_free].day,
    }
    out: list[_CounterPlan] = []
    for key, title, short, contexts, next_times in COUNTERS:
        slips = []
        for i in slip_days[key]:
            days[i].slips.append(key)
            slips.append((days[i].day, _pick(rng, contexts), _pick(rng, next_times)))
        out.append(_CounterPlan(key, title, short, starts[key], tuple(slips)))
    return out


def _streak_marks(plan: _CounterPlan, first: date, last: date) -> list[tuple[date, str]]:
    """Milestone days of each sober stretch (day 1 = the start or the day after a slip)."""
    later = (30, 90, 180, *range(365, 365 * 40, 365))
    starts = [plan.start, *(d + timedelta(days=1) for d, _, _ in plan.slips)]
    ends = [*(d - timedelta(days=1) for d, _, _ in plan.slips), last]
    found: list[tuple[date, str]] = []
    for n, (start, end) in enumerate(zip(starts, ends, strict=True)):
        for mark in later if n else (7, *later):
            when = start + timedelta(days=mark - 1)
            if when > end:
                break
            if when >= first:
                years = mark // 365
                span = f"{mark} days" if mark < 365 else f"{years} year{'s' if years > 1 else ''}"
                found.append((when, f"{span} {plan.short}"))
    return found


# ---------------------------------------------------------------- writing the entries
