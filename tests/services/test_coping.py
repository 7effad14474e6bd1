"""Coping use cases: ordered plans in one transaction, what works, recent triggers, guided."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from recovery_journal.domain.clock import local_today
from recovery_journal.domain.coping import CopingCategory, CopingStrategy
from recovery_journal.domain.tracking import Trigger, WarningStage
from recovery_journal.errors import NotFoundError, ValidationError
from recovery_journal.services.coping import PlanTarget
from recovery_journal.services.library import seed_default_library
from recovery_journal.services.session import JournalSession


def add_strategies(journal: JournalSession, *names: str) -> list[int]:
    added = journal.coping.strategies.add_many(
        [CopingStrategy(name, CopingCategory.GROUNDING) for name in names]
    )
    return [s.id or 0 for s in added]


def test_a_plan_is_for_exactly_one_target() -> None:
    with pytest.raises(ValidationError):
        PlanTarget()
    with pytest.raises(ValidationError):
        PlanTarget(1, WarningStage.EARLY)


def test_set_plan_replaces_the_ordered_list_for_a_trigger(journal: JournalSession) -> None:
    a, b, c = add_strategies(journal, "Breathe", "Walk", "Call")
    trigger = journal.tracking.triggers.add(Trigger("Payday"))
    target = PlanTarget(trigger_id=trigger.id)
    journal.coping.set_plan(target, [a, b, c])
    journal.coping.set_plan(target, [c, a])
    plan = journal.coping.plan_for(trigger_id=trigger.id)
    assert [s.name for _, s in plan] == ["Call", "Breathe"]
    assert [item.position for item, _ in plan] == [0, 1]
    assert journal.coping.plan_items.count() == 2


def test_plans_for_stages_and_triggers_stay_apart(journal: JournalSession) -> None:
    a, b = add_strategies(journal, "Breathe", "Walk")
    trigger = journal.tracking.triggers.add(Trigger("Payday"))
    journal.coping.set_plan(PlanTarget(stage=WarningStage.EARLY), [b, a, b])
    journal.coping.set_plan(PlanTarget(trigger_id=trigger.id), [a])
    journal.coping.set_plan(PlanTarget(stage=WarningStage.CRISIS), [])
    early = journal.coping.plan_for(stage=WarningStage.EARLY)
    assert [s.name for _, s in early] == ["Walk", "Breathe"]  # a repeat is kept once
    assert [s.name for _, s in journal.coping.plan_for(trigger_id=trigger.id)] == ["Breathe"]
    assert journal.coping.plan_for(stage=WarningStage.CRISIS) == []
    box = journal.coping.toolbox()
    assert box.plans == {
        PlanTarget(stage=WarningStage.EARLY): [b, a],
        PlanTarget(trigger_id=trigger.id): [a],
    }


def test_a_failed_set_plan_leaves_the_old_plan(journal: JournalSession) -> None:
    (a,) = add_strategies(journal, "Breathe")
    target = PlanTarget(stage=WarningStage.BREAKING_DOWN)
    journal.coping.set_plan(target, [a])
    with pytest.raises(NotFoundError):
        journal.coping.set_plan(target, [999])
    assert [s.name for _, s in journal.coping.plan_for(stage=WarningStage.BREAKING_DOWN)] == [
        "Breathe"
    ]


def test_archived_strategies_leave_the_plan_shown_but_not_the_editor(
    journal: JournalSession,
) -> None:
    a, b = add_strategies(journal, "Breathe", "Walk")
    journal.coping.set_plan(PlanTarget(stage=WarningStage.EARLY), [a, b])
    journal.coping.strategies.archive(a)
    assert [s.name for _, s in journal.coping.plan_for(stage=WarningStage.EARLY)] == ["Walk"]
    everything = journal.coping.plan_for(stage=WarningStage.EARLY, include_archived=True)
    assert [s.name for _, s in everything] == ["Breathe", "Walk"]


def test_what_works_reads_the_journal(journal: JournalSession) -> None:
    a, b = add_strategies(journal, "Breathe", "Walk")
    for before, after in ((8, 4), (7, 4), (6, 4)):
        journal.coping.log_use(a, distress_before=before, distress_after=after, helpfulness=4)
    journal.coping.log_use(b, distress_before=9, distress_after=1)
    result = journal.coping.what_works()
    assert [(e.name, e.n, e.rank) for e in result.ranked] == [("Breathe", 3, 1)]
    assert result.ranked[0].average_drop == pytest.approx(3.0)
    assert [(e.name, e.n) for e in result.not_enough] == [("Walk", 1)]


def test_recent_trigger_events_cover_the_last_seven_days(journal: JournalSession) -> None:
    payday = journal.tracking.triggers.add(Trigger("Payday"))
    today = local_today()
    noon = datetime(today.year, today.month, today.day, 12).astimezone(UTC)
    for days_ago in (0, 6, 7, 30):
        journal.tracking.log_trigger(payday.id or 0, 5, when=noon - timedelta(days=days_ago))
    recent = journal.coping.recent_trigger_events(today=today)
    assert [r.event.local_date for r in recent] == [today, today - timedelta(days=6)]
    assert all(r.trigger.name == "Payday" for r in recent)
    assert journal.coping.recent_trigger_events(today=date(1999, 1, 1))[0].trigger.id == payday.id


def test_save_strategy_adds_then_updates(journal: JournalSession) -> None:
    added = journal.coping.save_strategy(CopingStrategy("Walk", CopingCategory.PHYSICAL))
    assert added.id is not None
    changed = journal.coping.save_strategy(
        CopingStrategy("Long walk", CopingCategory.PHYSICAL, id=added.id)
    )
    assert changed.id == added.id
    assert [s.name for s in journal.coping.strategies.list()] == ["Long walk"]


def test_guided_modes_log_against_the_persons_own_strategy(journal: JournalSession) -> None:
    seed_default_library(journal)
    count = journal.coping.strategies.count()
    breathing = journal.coping.strategy_for_guided("breathing")
    assert breathing.name == "Box breathing"
    assert journal.coping.strategies.count() == count
    journal.coping.strategies.archive(breathing.id or 0)
    assert journal.coping.strategy_for_guided("breathing").id == breathing.id


def test_a_guided_mode_brings_its_strategy_back_if_it_is_gone(journal: JournalSession) -> None:
    grounding = journal.coping.strategy_for_guided("grounding")
    assert grounding.id is not None
    assert grounding.name == "5-4-3-2-1 grounding"
    assert journal.coping.strategy_for_guided("grounding").id == grounding.id
