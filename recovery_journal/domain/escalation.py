"""'When peer support isn't enough': calm, transparent rules over the last few days.

Each :class:`Rule` is plain data — an id, the words the app shows (and docs/WHEN-TO-SEEK-HELP.md
repeats), and a pure check over a :class:`RecentDays` snapshot of dated values. A rule that matches
gives :class:`Evidence` in the person's own terms ("on 3 of the last 7 days: 14, 15, 17 Nov").
The rules never diagnose and never send anything anywhere; they only decide whether to show the
person their own safety plan and people.

Days are the *local* dates the person's records carry (the day they meant), so the window is the
same wherever the computer's clock thinks UTC is.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from recovery_journal.domain.tracking import WarningStage

WINDOW_DAYS = 7
HIGH_DISTRESS = 8
LOW_MOOD = 2
DAYS_NEEDED = 3
BREAKING_DOWN_TIMES = 3
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True, slots=True)
class Reading:
    """One number the person recorded on a day (distress, intensity or mood)."""

    local_date: date
    value: float


@dataclass(frozen=True, slots=True)
class SignSeen:
    """A warning sign noticed on a day, with the stage the person gave that sign."""

    local_date: date
    stage: WarningStage


@dataclass(frozen=True, slots=True)
class RecentDays:
    """What the rules look at: dated values around ``today`` (older or later ones are ignored)."""

    today: date
    distress: tuple[Reading, ...] = ()
    trigger_intensity: tuple[Reading, ...] = ()
    moods: tuple[Reading, ...] = ()
    signs: tuple[SignSeen, ...] = ()

    @property
    def window_start(self) -> date:
        return window_start(self.today)

    def in_window(self, day: date) -> bool:
        return self.window_start <= day <= self.today


@dataclass(frozen=True, slots=True)
class Evidence:
    """The days behind a match and a short plain sentence about them."""

    days: tuple[date, ...]
    text: str


@dataclass(frozen=True, slots=True)
class Rule:
    """One transparent rule: what it looks for, in words shown to the person, and its check."""

    id: str
    description: str
    noticed: str  # the start of the sentence shown with the evidence, e.g. "Mood of 2 or lower"
    check: Callable[[RecentDays], Evidence | None]


@dataclass(frozen=True, slots=True)
class Match:
    """A rule that matched, with its evidence."""

    rule: Rule
    evidence: Evidence

    @property
    def sentence(self) -> str:
        """E.g. 'Mood of 2 or lower on 3 of the last 7 days: 14, 15, 17 Nov.'"""
        return f"{self.rule.noticed} {self.evidence.text}."


def window_start(today: date) -> date:
    """The first day of the window: the last 7 days are ``today`` and the 6 before it."""
    return today - timedelta(days=WINDOW_DAYS - 1)


def format_days(days: Iterable[date]) -> str:
    """'14, 15, 17 Nov' — or '30 Oct, 1 Nov' across months, with the year when it differs."""
    ordered = sorted(set(days))
    parts: list[str] = []
    for i, day in enumerate(ordered):
        nxt = ordered[i + 1] if i + 1 < len(ordered) else None
        text = str(day.day)
        if nxt is None or (nxt.year, nxt.month) != (day.year, day.month):
            text += f" {MONTHS[day.month - 1]}"
            if nxt is not None and nxt.year != day.year:
                text += f" {day.year}"
        parts.append(text)
    return ", ".join(parts)


def _days_where(
    readings: Iterable[Reading], snap: RecentDays, ok: Callable[[float], bool]
) -> set[date]:
    return {r.local_date for r in readings if snap.in_window(r.local_date) and ok(r.value)}


def _on_days(days: set[date], needed: int) -> Evidence | None:
    if len(days) < needed:
        return None
    ordered = tuple(sorted(days))
    return Evidence(
        ordered, f"on {len(ordered)} of the last {WINDOW_DAYS} days: {format_days(ordered)}"
    )


def _is_high(value: float) -> bool:
    return value >= HIGH_DISTRESS


def check_high_distress(snap: RecentDays) -> Evidence | None:
    """Days with distress (before coping) or a trigger's intensity at or above 8."""
    days = _days_where(snap.distress, snap, _is_high) | _days_where(
        snap.trigger_intensity, snap, _is_high
    )
    return _on_days(days, DAYS_NEEDED)


def check_low_mood(snap: RecentDays) -> Evidence | None:
    """Days with any mood at or below 2."""
    return _on_days(_days_where(snap.moods, snap, lambda v: v <= LOW_MOOD), DAYS_NEEDED)


def _signs_at(snap: RecentDays, stage: WarningStage) -> list[date]:
    return sorted(
        s.local_date for s in snap.signs if s.stage is stage and snap.in_window(s.local_date)
    )


def check_breaking_down(snap: RecentDays) -> Evidence | None:
    """Three or more noticings of 'things are breaking down' signs (counted, not days)."""
    seen = _signs_at(snap, WarningStage.BREAKING_DOWN)
    if len(seen) < BREAKING_DOWN_TIMES:
        return None
    return Evidence(
        tuple(sorted(set(seen))),
        f"noticed {len(seen)} times in the last {WINDOW_DAYS} days: {format_days(seen)}",
    )


def check_crisis_sign(snap: RecentDays) -> Evidence | None:
    """Any crisis-stage sign noticed in the window."""
    seen = _signs_at(snap, WarningStage.CRISIS)
    if not seen:
        return None
    times = "once" if len(seen) == 1 else f"{len(seen)} times"
    return Evidence(
        tuple(sorted(set(seen))),
        f"noticed {times} in the last {WINDOW_DAYS} days: {format_days(seen)}",
    )


RULES: tuple[Rule, ...] = (
    Rule(
        "high-distress",
        f"Distress of {HIGH_DISTRESS} or more (rated before trying a coping strategy, or as a "
        f"trigger's intensity) on {DAYS_NEEDED} or more of the last {WINDOW_DAYS} days.",
        f"Distress of {HIGH_DISTRESS} or more",
        check_high_distress,
    ),
    Rule(
        "breaking-down-signs",
        "Warning signs from your 'things are breaking down' stage noticed "
        f"{BREAKING_DOWN_TIMES} or more times in the last {WINDOW_DAYS} days.",
        "Signs from your 'things are breaking down' stage",
        check_breaking_down,
    ),
    Rule(
        "crisis-sign",
        f"A warning sign from your 'crisis' stage noticed in the last {WINDOW_DAYS} days.",
        "A sign from your 'crisis' stage",
        check_crisis_sign,
    ),
    Rule(
        "low-mood",
        f"Mood of {LOW_MOOD} or lower on {DAYS_NEEDED} or more of the last {WINDOW_DAYS} days.",
        f"Mood of {LOW_MOOD} or lower",
        check_low_mood,
    ),
)


def evaluate(snap: RecentDays, rules: tuple[Rule, ...] = RULES) -> list[Match]:
    """The rules that match ``snap``, in the order they are listed."""
    matches: list[Match] = []
    for rule in rules:
        evidence = rule.check(snap)
        if evidence is not None:
            matches.append(Match(rule, evidence))
    return matches
