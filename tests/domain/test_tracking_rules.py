"""Rules for triggers and warning signs: labels, grouping, plan order, 'when', recent items."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from recovery_journal.domain import tracking_rules as rules
from recovery_journal.domain.coping import CopingCategory, CopingPlanItem, CopingStrategy
from recovery_journal.domain.tracking import (
    Trigger,
    TriggerEvent,
    WarningSign,
    WarningSignObservation,
    WarningStage,
)
from recovery_journal.errors import ValidationError

NOW = datetime(2024, 5, 10, 12, 0, tzinfo=UTC)


def test_stages_run_from_early_to_crisis() -> None:
    assert rules.STAGE_ORDER[0] is WarningStage.EARLY
    assert rules.STAGE_ORDER[-1] is WarningStage.CRISIS


def test_recent_window_includes_today_and_has_the_asked_length() -> None:
    start, end = rules.recent_window(date(2024, 3, 30), 30)
    assert (start, end) == (date(2024, 3, 1), date(2024, 3, 30))
    with pytest.raises(ValueError):
        rules.recent_window(date(2024, 3, 30), 0)


def test_triggers_sort_by_name_ignoring_case() -> None:
    names = [
        t.name for t in rules.by_name([Trigger("bills"), Trigger("Anniversary"), Trigger("crowds")])
    ]
    assert names == ["Anniversary", "bills", "crowds"]


def test_signs_group_by_stage_early_first_with_empty_stages_kept() -> None:
    signs = [
        WarningSign("Skipping meals", WarningStage.BREAKING_DOWN, id=1),
        WarningSign("not sleeping", WarningStage.EARLY, id=2),
        WarningSign("Cancelling plans", WarningStage.EARLY, id=3),
    ]
    groups = rules.group_by_stage(signs)
    assert list(groups) == list(rules.STAGE_ORDER)
    assert [s.id for s in groups[WarningStage.EARLY]] == [3, 2]
    assert [s.id for s in groups[WarningStage.BREAKING_DOWN]] == [1]
    assert groups[WarningStage.CRISIS] == []


def test_stages_of_are_distinct_and_ordered() -> None:
    signs = [
        WarningSign("a", WarningStage.CRISIS),
        WarningSign("b", WarningStage.EARLY),
        WarningSign("c", WarningStage.EARLY),
    ]
    assert rules.stages_of(signs) == [WarningStage.EARLY, WarningStage.CRISIS]
    assert rules.stages_of([]) == []


def _strategy(ident: int, *, archived: bool = False) -> CopingStrategy:
    return CopingStrategy(
        f"s{ident}", CopingCategory.GROUNDING, id=ident, archived_utc=NOW if archived else None
    )


def test_plan_follows_position_then_insertion_and_skips_archived_missing_and_repeats() -> None:
    items = [
        CopingPlanItem(3, position=2, trigger_id=1, id=10),
        CopingPlanItem(1, position=0, trigger_id=1, id=11),
        CopingPlanItem(2, position=1, trigger_id=1, id=12),
        CopingPlanItem(4, position=1, trigger_id=1, id=13),  # archived
        CopingPlanItem(9, position=1, trigger_id=1, id=14),  # no longer exists
        CopingPlanItem(1, position=5, trigger_id=1, id=15),  # listed twice
        CopingPlanItem(5, position=1, trigger_id=1, id=16),  # same position, added later
    ]
    strategies = {i: _strategy(i, archived=i == 4) for i in (1, 2, 3, 4, 5)}
    assert [s.id for s in rules.ordered_strategies(items, strategies)] == [1, 2, 5, 3]


def test_local_instant_is_the_wall_clock_time_in_this_zone() -> None:
    instant = rules.local_instant(date(2024, 5, 10), time(14, 30))
    assert instant.tzinfo is UTC
    local = instant.astimezone()
    assert (local.date(), local.hour, local.minute) == (date(2024, 5, 10), 14, 30)


def test_future_times_are_refused_beyond_a_little_clock_drift() -> None:
    assert rules.check_not_future(NOW + timedelta(minutes=2), NOW) == NOW + timedelta(minutes=2)
    assert rules.check_not_future(NOW - timedelta(days=3), NOW) == NOW - timedelta(days=3)
    with pytest.raises(ValidationError) as caught:
        rules.check_not_future(NOW + timedelta(hours=1), NOW)
    assert caught.value.field == "when"


def test_days_since() -> None:
    today = date(2024, 5, 10)
    assert rules.days_since(None, today) is None
    assert rules.days_since(today, today) == 0
    assert rules.days_since(date(2024, 5, 9), today) == 1
    assert rules.days_since(date(2024, 5, 11), today) == 0  # a clock change never gives "-1 days"


def test_recent_items_merge_events_and_observations_newest_first() -> None:
    day = date(2024, 5, 10)
    events = [
        TriggerEvent(1, NOW - timedelta(hours=3), day, 6, "at work", id=1),
        TriggerEvent(2, NOW - timedelta(hours=1), day, 3, id=2),
    ]
    observations = [WarningSignObservation(7, NOW - timedelta(hours=2), day, "noticed", id=5)]
    items = rules.recent_items(events, observations, {1: "Crowds", 2: "Bills"}, {7: "No sleep"})
    assert [(i.kind, i.name) for i in items] == [
        (rules.RecentKind.TRIGGER, "Bills"),
        (rules.RecentKind.SIGN, "No sleep"),
        (rules.RecentKind.TRIGGER, "Crowds"),
    ]
    assert items[1].intensity is None and items[1].text == "noticed"
    assert items[2].intensity == 6 and items[2].text == "at work"


def test_find_by_name_ignores_case_and_spaces() -> None:
    triggers = [Trigger("Crowds", id=1), Trigger("Bills", id=2)]
    found = rules.find_by_name(triggers, "  crowds ")
    assert found is not None and found.id == 1
    assert rules.find_by_name(triggers, "Loud music") is None
