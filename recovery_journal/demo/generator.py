"""Invented, realistic demo data: a whole journal that looks like a person's recovery year(s).

``fill_demo_journal`` writes every kind of record (entries with check-ins, triggers and their
events, warning signs, coping strategies and uses, plans, the safety plan, contacts, meetings,
counters with slips, milestones, goals and phases) so the app, the charts, the report and the
benchmarks have something true-to-life to show. The numbers carry patterns, not uniform noise: mood
improves slowly, weekends differ, a few bad stretches come and go, trigger days are harder, poor
sleep shows the next day, and some coping strategies reliably help more than others.

Only ``random.Random(seed)`` is used, so the same seed, number of days and end date always give the
same journal. Everything is invented; phone numbers are fictional 555-01xx numbers and the crisis
line is a clearly marked placeholder. Writes go through the services API in a few large
transactions (one per batch), so ten years take seconds, not minutes.
"""

from __future__ import annotations

import dataclasses
import math
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import TypeVar

from recovery_journal.demo.data import (
    CLOSERS,
    CONTACTS,
    COUNTERS,
    CRAVINGS,
    EMOTIONS_HIGH,
    EMOTIONS_LOW,
    FAMILY,
    FEELINGS,
    GOALS,
    GRATITUDE,
    GROUPS,
    HARD,
    HELPED,
    HELPED_LITTLE,
    HOMEWORK,
    LATER,
    LEARNED,
    MEETING_LINES,
    OPENERS,
    PHASES,
    PLAN_FOR_STAGES,
    PLAN_FOR_TRIGGERS,
    QUOTES,
    SAFETY_PLAN,
    SCHEDULED,
    SIGN_NOTES,
    SIGNS,
    SLEEP_GOOD,
    SLEEP_RESTLESS,
    SLEEP_SHORT,
    STRATEGIES,
    THERAPY,
    THERAPY_TOPICS,
    THOUGHT_RECORDS,
    TITLES,
    TOPICS,
    TRIGGERS,
    USE_NOTES,
    WEEKDAYS,
    WEEKLY,
    WORK,
)
from recovery_journal.domain.clock import local_today
from recovery_journal.domain.coping import (
    CopingPlanItem,
    CopingStrategy,
    CopingUse,
)
from recovery_journal.domain.entries import Emotion, Entry
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
    PeerMeeting,
    SafetyPlanItem,
    SupportContact,
)
from recovery_journal.domain.tracking import (
    Trigger,
    TriggerCategory,
    TriggerEvent,
    WarningSign,
    WarningSignObservation,
    WarningStage,
)
from recovery_journal.services.session import JournalSession

Progress = Callable[[int, int], None]
T = TypeVar("T")

ENTRY_BATCH = 365  # entries per transaction (and per progress step)
RARE_WORD = "lighthouse"  # appears in a handful of entries: the benchmark's rare search word


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


class _Writer:
    """Turns a simulated day into entry text: title, body (sometimes Markdown), tags, emotions."""

    def __init__(self, rng: random.Random, days: int) -> None:
        self.rng = rng
        self.days = days

    def entries_for(self, day: _Day) -> list[Entry]:
        rng = self.rng
        skip = 0.08 + 0.06 * min(day.dip, 2.0) + (0.04 if day.day.weekday() >= 5 else 0.0)
        if day.events or day.slips or day.signs:
            skip = 0.04
        if day.index > 0 and rng.random() < skip:
            return []
        entries = [self._main(day)]
        strong = any(e.intensity >= 7 for e in day.events)
        if rng.random() < 0.04 + (0.12 if strong else 0.0):
            entries.append(self._later(day))
        return entries

    def _band(self, mood: int) -> int:
        return 0 if mood <= 3 else 1 if mood <= 6 else 2

    def _main(self, day: _Day) -> Entry:
        rng = self.rng
        parts, tags = self._body(day)
        record = rng.random() < (0.18 if day.events and day.mood <= 5 else 0.015)
        if record:
            parts.append(self._thought_record())
            tags.append("cbt")
        therapy = (record and rng.random() < 0.5) or (day.mood <= 2 and rng.random() < 0.3)
        therapy = therapy or any(SIGNS[s][1] is WarningStage.CRISIS for s, _, _ in day.signs)
        at = _at(day.day, rng.randint(19, 21), rng.randrange(60), rng.randrange(60))
        return Entry(
            local_date=day.day,
            title=self._title(day),
            body="\n\n".join(parts),
            mood=day.mood,
            anxiety=day.anxiety,
            energy=day.energy,
            sleep_hours=day.sleep_hours,
            sleep_quality=day.sleep_quality,
            emotions=self._emotions(day.mood),
            tags=tuple(dict.fromkeys(tags)),
            bring_to_therapy=therapy,
            created_utc=at,
            updated_utc=at,
        )

    def _later(self, day: _Day) -> Entry:
        rng = self.rng
        mood = _clamp(day.mood + rng.choice((-1, 0, 1, 1)), 0, 10)
        at = _at(day.day, 22, rng.randint(10, 59), rng.randrange(60))
        return Entry(
            local_date=day.day,
            title="Later",
            body=_pick(rng, LATER),
            mood=mood,
            emotions=self._emotions(mood)[:1],
            created_utc=at,
            updated_utc=at,
        )

    def _title(self, day: _Day) -> str:
        rng = self.rng
        roll = rng.random()
        if roll < 0.08:
            return ""
        if day.slips and roll < 0.9:
            return "Writing it down honestly"
        if day.meetings and roll < 0.3:
            return f"After {day.meetings[0].group_name}"
        if day.therapy and roll < 0.3:
            return "Therapy day"
        if day.events and roll < 0.35:
            spec = TRIGGERS[day.events[0].trigger]
            coped = any(u.before - u.after >= 3 for u in day.uses)
            if spec.craving and coped:
                return "Rode out a craving"
            return f"{spec.short} again" if rng.random() < 0.6 else f"{spec.short}, but okay"
        if day.sleep_hours < 5.5 and day.mood >= 5 and roll < 0.5:
            return "Rough night, better day"
        text = _pick(rng, TITLES[self._band(day.mood)])
        return text.format(weekday=WEEKDAYS[day.day.weekday()])

    def _body(self, day: _Day) -> tuple[list[str], list[str]]:
        rng = self.rng
        markdown = rng.random() < 0.3
        parts = [_pick(rng, OPENERS[self._band(day.mood)])]
        tags: list[str] = []
        parts += self._hard_moments(day, tags)
        parts += self._helped(day, markdown)
        parts += self._slips_and_signs(day, tags)
        if day.meetings:
            tags.append("meeting")
            meeting = day.meetings[0]
            parts.append(
                _pick(rng, MEETING_LINES).format(
                    group=meeting.group_name, topic=_pick(rng, TOPICS), quote=_pick(rng, QUOTES)
                )
            )
        if day.therapy:
            tags.append("therapy")
            parts.append(
                _pick(rng, THERAPY).format(
                    topic=_pick(rng, THERAPY_TOPICS), homework=_pick(rng, HOMEWORK)
                )
            )
        parts += self._everyday(day, tags)
        if rng.random() < 0.25 + 0.05 * day.mood:
            tags.append("gratitude")
            parts.append(self._gratitude(markdown))
        if rng.random() < 0.003 or day.index == self.days // 2:
            parts.append(
                f"Walked out to the old {RARE_WORD} at the end of the pier and just "
                "watched the water for a while."
            )
        if rng.random() < 0.5:
            parts.append(_pick(rng, CLOSERS))
        if day.anxiety >= 6:
            tags.append("anxiety")
        return parts, tags

    def _hard_moments(self, day: _Day, tags: list[str]) -> list[str]:
        rng, out = self.rng, []
        for event in day.events:
            spec = TRIGGERS[event.trigger]
            feeling = _pick(rng, CRAVINGS if spec.craving else FEELINGS)
            hour = event.when.astimezone().strftime("%H:%M")
            out.append(_pick(rng, HARD).format(phrase=spec.phrase, feeling=feeling, hour=hour))
            if spec.craving:
                tags.append("craving")
            if spec.category is TriggerCategory.PEOPLE and "brother" in spec.name:
                tags.append("family")
            if "work" in spec.name.lower():
                tags.append("work")
        return out

    def _helped(self, day: _Day, markdown: bool) -> list[str]:
        rng, lines = self.rng, []
        for use in day.uses:
            spec = STRATEGIES[use.strategy]
            pool = HELPED if use.before - use.after >= 2 else HELPED_LITTLE
            lines.append(
                _pick(rng, pool).format(phrase=spec.phrase, before=use.before, after=use.after)
            )
        if not lines:
            return []
        if markdown:
            return ["**What helped**\n\n" + "\n".join(f"- {line}" for line in lines)]
        return [" ".join(lines)]

    def _slips_and_signs(self, day: _Day, tags: list[str]) -> list[str]:
        out = []
        if "alcohol" in day.slips:
            tags.append("slip")
            out.append(
                "I had a drink tonight. I'm writing it down honestly instead of hiding it. "
                "A slip is information, not the end. Calling Sam tomorrow."
            )
        if "self-harm" in day.slips:
            tags.append("slip")
            out.append(
                "Last night was really bad and I hurt myself. I've told Dr Patel and I'm "
                "looking after it. I'm still here and still trying."
            )
        if "smoking" in day.slips:
            out.append("Had a cigarette. Annoyed with myself, but one isn't a pack.")
        for sign, _, _ in day.signs:
            name, stage = SIGNS[sign][0], SIGNS[sign][1]
            if stage is WarningStage.CRISIS:
                out.append(
                    "Really dark night. I followed my safety plan step by step and "
                    "reached out. I got through it."
                )
            elif self.rng.random() < 0.5:
                out.append(f"Warning sign I noticed: {name.lower()}.")
        return out

    def _everyday(self, day: _Day, tags: list[str]) -> list[str]:
        rng, out = self.rng, []
        hours = f"{day.sleep_hours:g}"
        if day.sleep_hours < 6:
            tags.append("sleep")
            out.append(_pick(rng, SLEEP_SHORT).format(hours=hours))
        elif day.sleep_quality <= 2:
            tags.append("sleep")
            out.append(_pick(rng, SLEEP_RESTLESS))
        elif day.sleep_hours >= 8 and rng.random() < 0.3:
            out.append(_pick(rng, SLEEP_GOOD).format(hours=hours))
        if day.day.weekday() < 5 and rng.random() < 0.35:
            tags.append("work")
            out.append(f"Work was busy; {_pick(rng, WORK)}.")
        if rng.random() < 0.2:
            tags.append("family")
            out.append(_pick(rng, FAMILY))
        return out

    def _gratitude(self, markdown: bool) -> str:
        things = self.rng.sample(GRATITUDE, 3)
        if markdown:
            return "**Three good things**\n\n" + "\n".join(f"- {t}" for t in things)
        return f"Grateful for {things[0]}, {things[1]} and {things[2]}."

    def _thought_record(self) -> str:
        situation, thought, feeling, evidence, against, balanced = _pick(self.rng, THOUGHT_RECORDS)
        before = self.rng.randint(6, 9) * 10
        after = before - self.rng.randint(2, 5) * 10
        return (
            "### Thought record\n\n"
            f"- **Situation:** {situation}\n"
            f"- **Automatic thought:** “{thought}”\n"
            f"- **Feeling:** {feeling} {before}%\n"
            f"- **Evidence for:** {evidence}\n"
            f"- **Evidence against:** {against}\n"
            f"- **Balanced thought:** {balanced}\n"
            f"- **Feeling now:** {feeling} {after}%"
        )

    def _emotions(self, mood: int) -> tuple[Emotion, ...]:
        rng = self.rng
        out: list[Emotion] = []
        for _ in range(rng.randint(1, 3)):
            low = rng.random() < (10 - mood) / 10
            pool = EMOTIONS_LOW if low else EMOTIONS_HIGH
            level = (10 - mood) * 0.8 if low else mood * 0.8
            emotion = Emotion(_pick(rng, pool), _clamp(level + rng.gauss(0, 1.2), 1, 10))
            if all(e.name != emotion.name for e in out):
                out.append(emotion)
        return tuple(out)


# ---------------------------------------------------------------- saving everything


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
        regular = [e for e in saved.values() if e.title != "Later" and e.mood is not None]
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
            mood = entry.mood if rng.random() < 0.6 else _clamp((entry.mood or 5) + 1, 0, 10)
            tags = entry.tags if rng.random() < 0.7 else (*entry.tags, "reflection")
            self.s.entries.edit(
                dataclasses.replace(entry, body=f"{entry.body}\n\n*{note}*", mood=mood, tags=tags)
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


def _accidents(rng: random.Random, days: list[_Day]) -> list[Entry]:
    """Two entries the person will move to the trash: a test note and a pasted-twice copy."""
    first = days[0].day
    test_at = _at(first, 18, 2, 7)
    dated = [d for d in days if d.entries]
    source = _pick(rng, dated).entries[0]
    copy_at = _aware(source.created_utc) + timedelta(minutes=3)
    return [
        Entry(
            first,
            body="test — does this save?",
            title="test",
            created_utc=test_at,
            updated_utc=test_at,
        ),
        Entry(
            source.local_date,
            body=source.body,
            title=f"{source.title} (copy)".strip(),
            created_utc=copy_at,
            updated_utc=copy_at,
        ),
    ]


def fill_demo_journal(
    session: JournalSession,
    *,
    days: int = 365,
    seed: int = 7,
    end: date | None = None,
    progress: Progress | None = None,
) -> dict[str, int]:
    """Fill ``session`` with ``days`` days of invented data ending on ``end`` (default: today).

    Returns how many records of each kind were written (``"entries"`` includes the two that end
    up in the trash). Deterministic for the same ``seed``, ``days`` and ``end``.
    """
    if days < 1:
        raise ValueError("days must be 1 or more")
    rng = random.Random(seed)
    last = end or local_today()
    first = last - timedelta(days=days - 1)
    simulated = _Simulation(rng, first, days).run()
    counters = _plan_counters(rng, simulated)
    writer = _Writer(rng, days)
    for day in simulated:
        day.entries = writer.entries_for(day)
    trash = _accidents(rng, simulated)
    total = 7 + math.ceil(sum(len(d.entries) for d in simulated) / ENTRY_BATCH)
    filler = _Filler(session, rng, first, last, progress, total)
    trigger_ids, sign_ids, strategy_ids = filler.libraries()
    filler.plans(trigger_ids, strategy_ids)
    filler.step()
    saved = filler.entries(simulated, trash)
    filler.events_and_uses(simulated, trigger_ids, strategy_ids, saved)
    filler.observations_and_meetings(simulated, sign_ids)
    filler.progress_records(simulated, counters)
    filler.edits_and_trash(saved, trash)
    if progress is not None:
        progress(total, total)
    return filler.counts
