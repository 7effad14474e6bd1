"""Create and list every other entity of the data model through the services API."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from recovery_journal.domain.coping import CopingCategory, CopingPlanItem, CopingStrategy
from recovery_journal.domain.entries import Entry
from recovery_journal.domain.progress import (
    Counter,
    DayConvention,
    Goal,
    GoalStep,
    Milestone,
    MilestoneKind,
    Phase,
    Slip,
)
from recovery_journal.domain.support import (
    ContactRole,
    PeerMeeting,
    SafetyPlanItem,
    SafetyStep,
    SupportContact,
)
from recovery_journal.domain.tracking import Trigger, TriggerCategory, WarningSign, WarningStage
from recovery_journal.errors import ErrorKind, UserError, ValidationError
from recovery_journal.services.session import JournalSession

WHEN = datetime(2026, 2, 3, 21, 30, tzinfo=UTC)


def test_triggers_and_their_events(journal: JournalSession) -> None:
    crowd = journal.tracking.triggers.add(Trigger("Crowded shops", TriggerCategory.PLACES))
    entry = journal.entries.add(Entry(date(2026, 2, 3), "rough day"))
    event = journal.tracking.log_trigger(
        crowd.id or 0, 7, when=WHEN, context="queue", entry_id=entry.id
    )
    assert event.local_date == WHEN.astimezone().date()
    assert journal.tracking.triggers.list() == [crowd]
    assert journal.tracking.events_of(crowd.id or 0) == [event]
    assert journal.tracking.trigger_events.between(event.local_date, event.local_date) == [event]
    assert journal.tracking.trigger_events.between(event.local_date + timedelta(days=1)) == []


def test_archived_items_leave_the_list_but_keep_their_history(journal: JournalSession) -> None:
    t = journal.tracking.triggers.add(Trigger("Old street", TriggerCategory.PLACES))
    journal.tracking.log_trigger(t.id or 0, 4, when=WHEN)
    journal.tracking.triggers.archive(t.id or 0)
    assert journal.tracking.triggers.list() == []
    assert [x.name for x in journal.tracking.triggers.list(include_archived=True)] == ["Old street"]
    assert len(journal.tracking.trigger_events.list()) == 1
    assert journal.tracking.triggers.unarchive(t.id or 0).archived_utc is None


def test_warning_signs_and_observations(journal: JournalSession) -> None:
    sign = journal.tracking.warning_signs.add(
        WarningSign("Skipping meals", WarningStage.BREAKING_DOWN)
    )
    seen = journal.tracking.observe_sign(sign.id or 0, when=WHEN, notes="twice")
    assert journal.tracking.observations.list() == [seen]
    assert journal.tracking.warning_signs.get(sign.id or 0).stage is WarningStage.BREAKING_DOWN


def test_coping_strategies_uses_and_plans(journal: JournalSession) -> None:
    breathe = journal.coping.strategies.add(
        CopingStrategy(
            "Box breathing", CopingCategory.RELAXATION, steps=("In 4", "Hold 4", "Out 4")
        )
    )
    trig = journal.tracking.triggers.add(Trigger("Loud noise", TriggerCategory.SENSORY))
    use = journal.coping.log_use(
        breathe.id or 0,
        when=WHEN,
        distress_before=8,
        distress_after=4,
        helpfulness=4,
        note="helped",
    )
    assert use.distress_drop == 4
    journal.coping.plan_items.add_many(
        [
            CopingPlanItem(breathe.id or 0, 0, trigger_id=trig.id),
            CopingPlanItem(breathe.id or 0, 0, warning_stage=WarningStage.EARLY),
        ]
    )
    assert [p.strategy_id for p in journal.coping.plan_for_trigger(trig.id or 0)] == [breathe.id]
    assert len(journal.coping.plan_for_stage(WarningStage.EARLY)) == 1
    assert journal.coping.strategies.get(breathe.id or 0).steps == ("In 4", "Hold 4", "Out 4")


def test_a_plan_step_needs_exactly_one_target() -> None:
    with pytest.raises(ValidationError):
        CopingPlanItem(1, 0)
    with pytest.raises(ValidationError):
        CopingPlanItem(1, 0, trigger_id=1, warning_stage=WarningStage.CRISIS)


def test_safety_plan_lists_every_step_in_order(journal: JournalSession) -> None:
    journal.support.safety_items.add(SafetyPlanItem(SafetyStep.REASONS_FOR_LIVING, "My sister"))
    journal.support.safety_items.add(SafetyPlanItem(SafetyStep.WARNING_SIGNS, "Not sleeping"))
    plan = journal.support.safety_plan()
    assert list(plan) == list(SafetyStep)
    assert [i.text for i in plan[SafetyStep.WARNING_SIGNS]] == ["Not sleeping"]
    assert plan[SafetyStep.PROFESSIONALS] == []


def test_contacts_and_meetings(journal: JournalSession) -> None:
    sponsor = journal.support.contacts.add(
        SupportContact(
            "Sam", ContactRole.SPONSOR, reach="555-0101", safety_step=SafetyStep.ASK_FOR_HELP
        )
    )
    meeting = journal.support.meetings.add(
        PeerMeeting(
            "Tuesday group",
            date(2026, 2, 3),
            "Someone shared about sleep",
            strategies_learned=("HALT check",),
        )
    )
    assert journal.support.contacts.list() == [sponsor]
    assert journal.support.meetings.list()[0].strategies_learned == ("HALT check",)
    assert meeting.created_utc is not None


def test_counters_slips_milestones_goals_and_phases(journal: JournalSession) -> None:
    counter = journal.progress.counters.add(
        Counter("Alcohol-free since", date(2025, 6, 1), DayConvention.DAY_ZERO)
    )
    journal.progress.slips.add(Slip(counter.id or 0, date(2025, 9, 2), "wedding", "leave early"))
    journal.progress.milestones.add(
        Milestone(date(2025, 7, 1), "30 days", MilestoneKind.ANNIVERSARY, counter_id=counter.id)
    )
    goal = journal.progress.goals.add(Goal("Sleep by 11", target_date=date(2026, 3, 1)))
    journal.progress.goal_steps.add(GoalStep(goal.id or 0, "Phone out of the bedroom"))
    journal.progress.phases.add(Phase("Acceptance", date(2025, 8, 1)))
    assert journal.progress.counters.get(counter.id or 0).convention is DayConvention.DAY_ZERO
    assert [s.context for s in journal.progress.slips_of(counter.id or 0)] == ["wedding"]
    assert journal.progress.milestones.count() == 1
    assert journal.progress.goal_steps.list()[0].text == "Phone out of the bedroom"
    assert journal.progress.phases.list()[0].name == "Acceptance"


def test_a_reference_to_nothing_is_refused_kindly(journal: JournalSession) -> None:
    with pytest.raises(UserError) as caught:
        journal.tracking.log_trigger(999, 5, when=WHEN)
    assert caught.value.kind is ErrorKind.INVALID_INPUT
    assert journal.tracking.trigger_events.count() == 0


def test_getting_something_that_is_not_there(journal: JournalSession) -> None:
    with pytest.raises(UserError) as caught:
        journal.tracking.triggers.get(42)
    assert caught.value.kind is ErrorKind.NOT_FOUND


@pytest.mark.parametrize(
    "build",
    [
        lambda: Trigger("", TriggerCategory.OTHER),
        lambda: Trigger("x" * 201),
        lambda: SafetyPlanItem(SafetyStep.WARNING_SIGNS, "   "),
        lambda: Counter("", date(2026, 1, 1)),
        lambda: Milestone(date(2026, 1, 1), ""),
    ],
)
def test_empty_or_overlong_names_are_refused(build: object) -> None:
    with pytest.raises(ValidationError):
        build()  # type: ignore[operator]
