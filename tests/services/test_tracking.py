"""Tracking flows: logging a trigger (with entry link and plan), the daily sign check, overview."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from recovery_journal.domain.clock import local_date_of, local_today, utc_now
from recovery_journal.domain.coping import CopingCategory, CopingPlanItem, CopingStrategy
from recovery_journal.domain.entries import Entry
from recovery_journal.domain.tracking import Trigger, TriggerCategory, WarningSign, WarningStage
from recovery_journal.errors import NotFoundError, ValidationError
from recovery_journal.services.session import JournalSession


def _strategy(journal: JournalSession, name: str) -> int:
    strategy = journal.coping.strategies.add(CopingStrategy(name, CopingCategory.GROUNDING))
    assert strategy.id is not None
    return strategy.id


def _trigger(journal: JournalSession, name: str = "Crowds") -> int:
    trigger = journal.tracking.triggers.add(Trigger(name, TriggerCategory.PLACES))
    assert trigger.id is not None
    return trigger.id


def _sign(journal: JournalSession, name: str, stage: WarningStage) -> int:
    sign = journal.tracking.warning_signs.add(WarningSign(name, stage))
    assert sign.id is not None
    return sign.id


def test_plan_after_trigger_is_the_persons_order(journal: JournalSession) -> None:
    crowds = _trigger(journal)
    breathe, call, walk = (_strategy(journal, n) for n in ("Box breathing", "Call Sam", "Walk"))
    journal.coping.plan_items.add_many(
        [
            CopingPlanItem(walk, position=2, trigger_id=crowds),
            CopingPlanItem(breathe, position=0, trigger_id=crowds),
            CopingPlanItem(call, position=1, trigger_id=crowds),
            CopingPlanItem(walk, position=0, warning_stage=WarningStage.EARLY),
        ]
    )
    plan = journal.tracking.plan_after_trigger(crowds)
    assert [s.name for s in plan] == ["Box breathing", "Call Sam", "Walk"]
    assert journal.tracking.plan_after_trigger(_trigger(journal, "Bills")) == []


def test_log_trigger_links_the_newest_entry_of_that_day(journal: JournalSession) -> None:
    crowds = _trigger(journal)
    today = local_today()
    journal.entries.add(Entry(today, "first"))
    newest = journal.entries.add(Entry(today, "second"))
    logged = journal.tracking.log_trigger_and_plan(crowds, 7, context="on the bus")
    assert logged.event.entry_id == newest.id
    assert logged.event.intensity == 7 and logged.event.context == "on the bus"
    assert logged.trigger.name == "Crowds"
    assert journal.tracking.todays_entry_id(today) == newest.id


def test_log_trigger_without_link_or_without_an_entry(journal: JournalSession) -> None:
    crowds = _trigger(journal)
    assert journal.tracking.log_trigger_and_plan(crowds, 3).event.entry_id is None
    journal.entries.add(Entry(local_today(), "today"))
    assert journal.tracking.log_trigger_and_plan(crowds, 3, link_entry=False).event.entry_id is None


def test_log_trigger_in_the_past_uses_that_day(journal: JournalSession) -> None:
    crowds = _trigger(journal)
    when = utc_now() - timedelta(days=3)
    event = journal.tracking.log_trigger_and_plan(crowds, 4, when=when).event
    assert event.local_date == local_date_of(when)
    assert event.occurred_utc == when


def test_log_trigger_refuses_the_future_and_writes_nothing(journal: JournalSession) -> None:
    crowds = _trigger(journal)
    with pytest.raises(ValidationError):
        journal.tracking.log_trigger_and_plan(crowds, 4, when=utc_now() + timedelta(hours=2))
    assert journal.tracking.trigger_events.count() == 0


def test_log_trigger_can_name_a_new_trigger_in_the_same_step(journal: JournalSession) -> None:
    logged = journal.tracking.log_trigger_and_plan(
        None,
        5,
        new_trigger_name=" Loud music ",
        new_trigger_category=TriggerCategory.SENSORY,
    )
    assert logged.trigger.name == "Loud music"
    assert logged.trigger.category is TriggerCategory.SENSORY
    assert logged.event.trigger_id == logged.trigger.id
    assert logged.plan == []


def test_a_failed_log_with_a_new_trigger_leaves_no_trigger(journal: JournalSession) -> None:
    with pytest.raises(ValidationError):
        journal.tracking.log_trigger_and_plan(None, 11, new_trigger_name="Loud music")
    assert journal.tracking.triggers.count() == 0


def test_check_signs_records_one_observation_each_and_returns_stage_plans(
    journal: JournalSession,
) -> None:
    early = _sign(journal, "Not sleeping", WarningStage.EARLY)
    early2 = _sign(journal, "Skipping meals", WarningStage.EARLY)
    crisis = _sign(journal, "Thinking I can't go on", WarningStage.CRISIS)
    _sign(journal, "Isolating", WarningStage.BREAKING_DOWN)
    breathe = _strategy(journal, "Box breathing")
    journal.coping.plan_items.add(CopingPlanItem(breathe, warning_stage=WarningStage.EARLY))
    checked = journal.tracking.check_signs_today([early, early2, crisis, early])
    assert len(checked.observations) == 3
    assert {o.sign_id for o in checked.observations} == {early, early2, crisis}
    assert list(checked.plan) == [WarningStage.EARLY, WarningStage.CRISIS]
    assert [s.name for s in checked.plan[WarningStage.EARLY]] == ["Box breathing"]
    assert checked.plan[WarningStage.CRISIS] == []
    offered = journal.tracking.sign_check(local_today())
    assert offered.noted_today == {early, early2, crisis}
    assert len(offered.signs) == 4


def test_check_signs_is_all_or_nothing(journal: JournalSession) -> None:
    early = _sign(journal, "Not sleeping", WarningStage.EARLY)
    with pytest.raises(NotFoundError):
        journal.tracking.check_signs_today([early, 999])
    assert journal.tracking.observations.count() == 0


def test_counts_last_seen_and_overview(journal: JournalSession) -> None:
    crowds, bills = _trigger(journal, "crowds"), _trigger(journal, "Bills")
    today = local_today()
    noon = datetime.now(UTC)
    journal.tracking.log_trigger(crowds, 5, when=noon - timedelta(days=40))
    journal.tracking.log_trigger(crowds, 6, when=noon - timedelta(days=2))
    journal.tracking.log_trigger(crowds, 7, when=noon)
    sign = _sign(journal, "Not sleeping", WarningStage.EARLY)
    journal.tracking.observe_sign(sign, when=noon - timedelta(hours=1), notes="3 hours")
    journal.tracking.triggers.archive(bills)

    start, end = today - timedelta(days=29), today
    assert journal.tracking.trigger_counts(start, end) == {crowds: 2}
    assert journal.tracking.last_seen() == {crowds: local_date_of(noon)}

    seen = journal.tracking.overview(today)
    assert [t.name for t in seen.triggers] == ["Bills", "crowds"]  # archived included
    assert seen.trigger_counts == {crowds: 2}
    assert seen.sign_counts == {sign: 1}
    assert seen.sign_last_seen == {sign: local_date_of(noon - timedelta(hours=1))}
    assert [(r.name, r.intensity) for r in seen.recent] == [
        ("crowds", 7),
        ("Not sleeping", None),
        ("crowds", 6),
    ]
    choices = journal.tracking.log_choices(today)
    assert [t.name for t in choices.triggers] == ["crowds"]  # archived left out
    assert choices.todays_entry_id is None


def test_entries_in_the_trash_are_not_linked(journal: JournalSession) -> None:
    entry = journal.entries.add(Entry(date.today(), "gone"))
    assert entry.id is not None
    journal.entries.move_to_trash(entry.id)
    assert journal.tracking.todays_entry_id(date.today()) is None
