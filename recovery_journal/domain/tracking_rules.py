"""Rules for triggers and warning signs: labels, grouping, plan order, "when", what is recent.

Pure functions over the domain values of :mod:`.tracking` and :mod:`.coping`, so the UI and the
services share one answer to "which plan steps come first", "how are signs grouped" and "which
moment did the person mean when they picked a date and a time".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import Enum

from recovery_journal.domain.coping import CopingPlanItem, CopingStrategy
from recovery_journal.domain.tracking import (
    Trigger,
    TriggerEvent,
    WarningSign,
    WarningSignObservation,
    WarningStage,
)
from recovery_journal.errors import ValidationError

RECENT_DAYS = 30
FUTURE_GRACE = timedelta(minutes=5)  # clocks drift; a minute or two ahead is still "now"

STAGE_ORDER: tuple[WarningStage, ...] = (
    WarningStage.EARLY,
    WarningStage.BREAKING_DOWN,
    WarningStage.CRISIS,
)


class RecentKind(Enum):
    TRIGGER = "trigger"
    SIGN = "sign"


@dataclass(frozen=True, slots=True)
class RecentItem:
    """One line of the "Recent" list: a trigger event or a warning-sign observation."""

    kind: RecentKind
    id: int
    when_utc: datetime
    local_date: date
    name: str
    intensity: int | None = None
    text: str = ""


def recent_window(today: date, days: int = RECENT_DAYS) -> tuple[date, date]:
    """The first and last day of the ``days`` days ending with ``today`` (both included)."""
    if days < 1:
        raise ValueError("days must be at least 1")
    return today - timedelta(days=days - 1), today


def by_name(items: Iterable[Trigger]) -> list[Trigger]:
    """Triggers in the order a person looks for them: by name, ignoring case."""
    return sorted(items, key=lambda t: (t.name.casefold(), t.id or 0))


def group_by_stage(signs: Iterable[WarningSign]) -> dict[WarningStage, list[WarningSign]]:
    """Every stage, early first, each with its signs by name (a stage may be empty)."""
    groups: dict[WarningStage, list[WarningSign]] = {stage: [] for stage in STAGE_ORDER}
    for sign in signs:
        groups[sign.stage].append(sign)
    for members in groups.values():
        members.sort(key=lambda s: (s.name.casefold(), s.id or 0))
    return groups


def stages_of(signs: Iterable[WarningSign]) -> list[WarningStage]:
    """The distinct stages of ``signs``, early first."""
    present = {s.stage for s in signs}
    return [stage for stage in STAGE_ORDER if stage in present]


def ordered_strategies(
    items: Iterable[CopingPlanItem], strategies: Mapping[int, CopingStrategy]
) -> list[CopingStrategy]:
    """The strategies of a plan in the person's order (position, then when added); a strategy
    that was archived or removed is left out, and one listed twice appears once."""
    seen: set[int] = set()
    result: list[CopingStrategy] = []
    for item in sorted(items, key=lambda i: (i.position, i.id or 0)):
        strategy = strategies.get(item.strategy_id)
        if strategy is None or strategy.archived_utc is not None or item.strategy_id in seen:
            continue
        seen.add(item.strategy_id)
        result.append(strategy)
    return result


def local_instant(day: date, clock: time) -> datetime:
    """The UTC instant of ``clock`` on ``day`` in this computer's time zone.

    A wall-clock time skipped by a daylight-saving change resolves the way Python's
    ``astimezone`` does (fold=0), which is what the person saw on the clock.
    """
    naive = datetime.combine(day, clock.replace(tzinfo=None))
    return naive.astimezone().astimezone(UTC)


def check_not_future(when: datetime, now: datetime) -> datetime:
    """``when``, unless it lies in the future (beyond a few minutes of clock drift)."""
    if when > now + FUTURE_GRACE:
        raise ValidationError(
            "when", "That time is still to come — please choose a time up to now."
        )
    return when


def days_since(day: date | None, today: date) -> int | None:
    """Whole days from ``day`` to ``today`` (0 = today), or None when it never happened."""
    if day is None:
        return None
    return max(0, (today - day).days)


def recent_items(
    events: Iterable[TriggerEvent],
    observations: Iterable[WarningSignObservation],
    trigger_names: Mapping[int, str],
    sign_names: Mapping[int, str],
) -> list[RecentItem]:
    """Trigger events and sign observations in one list, newest first."""
    items = [
        RecentItem(
            RecentKind.TRIGGER,
            e.id or 0,
            e.occurred_utc,
            e.local_date,
            trigger_names.get(e.trigger_id, "—"),
            e.intensity,
            e.context,
        )
        for e in events
    ]
    items += [
        RecentItem(
            RecentKind.SIGN,
            o.id or 0,
            o.observed_utc,
            o.local_date,
            sign_names.get(o.sign_id, "—"),
            None,
            o.notes,
        )
        for o in observations
    ]
    items.sort(key=lambda i: (i.when_utc, i.kind.value, i.id), reverse=True)
    return items


def find_by_name(triggers: Iterable[Trigger], name: str) -> Trigger | None:
    """The trigger called ``name`` (ignoring case and surrounding spaces), if there is one."""
    wanted = name.strip().casefold()
    for trigger in triggers:
        if trigger.name.strip().casefold() == wanted:
            return trigger
    return None
