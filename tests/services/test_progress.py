"""Milestones page use cases on a real encrypted journal: counters, slips, celebrations, goals."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, timedelta

import pytest

from recovery_journal.domain.coping import CopingCategory, CopingStrategy, StrategySource
from recovery_journal.domain.entries import CheckIn, Entry
from recovery_journal.domain.progress import DayConvention, Goal, MilestoneKind, Phase
from recovery_journal.domain.support import PeerMeeting, SafetyPlanItem, SafetyStep
from recovery_journal.errors import ValidationError
from recovery_journal.services.session import JournalSession

TODAY = date(2025, 6, 1)


def ago(n: int) -> date:
    return TODAY - timedelta(days=n)


def test_new_counter_numbers(journal: JournalSession) -> None:
    counter = journal.progress.add_counter("  Sober since ", ago(9))
    assert counter.title == "Sober since"
    status = journal.progress.counter_status(counter.id or 0, TODAY)
    assert (status.stats.current, status.stats.longest, status.stats.total_free) == (10, 10, 10)
    assert status.stats.percent_free == 100.0
    assert status.slips == ()


def test_slip_changes_current_but_not_longest_or_history(journal: JournalSession) -> None:
    counter = journal.progress.add_counter("Sober since", ago(40))
    journal.progress.record_slip(
        counter.id or 0, ago(5), "Wedding", "Bring my own drinks", today=TODAY
    )
    status = journal.progress.counter_status(counter.id or 0, TODAY)
    assert status.stats.current == 5
    assert status.stats.longest == 35
    assert status.stats.total_free == 40
    assert status.counter.start_date == ago(40)  # nothing reset
    assert [(s.context, s.next_time) for s in status.slips] == [("Wedding", "Bring my own drinks")]


def test_slip_before_start_or_in_future_is_refused_and_nothing_saved(
    journal: JournalSession,
) -> None:
    counter = journal.progress.add_counter("Clean since", ago(3))
    for bad in (ago(4), TODAY + timedelta(days=1)):
        with pytest.raises(ValidationError):
            journal.progress.record_slip(counter.id or 0, bad, today=TODAY)
    assert journal.progress.slips.count() == 0


def test_day_zero_counts_one_less(journal: JournalSession) -> None:
    one = journal.progress.add_counter("A", ago(9), DayConvention.DAY_ONE)
    zero = journal.progress.add_counter("B", ago(9), DayConvention.DAY_ZERO)
    statuses = {s.counter.id: s.stats.current for s in journal.progress.all_counter_statuses(TODAY)}
    assert statuses[one.id] == statuses[zero.id] + 1


def test_archived_counters_are_left_out(journal: JournalSession) -> None:
    counter = journal.progress.add_counter("Old", ago(9))
    journal.progress.counters.archive(counter.id or 0)
    assert journal.progress.all_counter_statuses(TODAY) == []
    assert len(journal.progress.all_counter_statuses(TODAY, include_archived=True)) == 1


def test_thirty_day_milestone_is_celebrated_once(journal: JournalSession) -> None:
    counter = journal.progress.add_counter("Sober since", ago(29))
    titles = [m.title for m in journal.progress.reached_milestones(TODAY)]
    assert "Sober for 30 days" in titles
    first = journal.progress.new_celebrations(TODAY)
    assert [m.title for m in first] == ["Sober for 30 days"]  # the older marks: quietly
    assert journal.progress.new_celebrations(TODAY) == []
    stored = journal.progress.milestones.list()
    assert len(stored) == 3
    assert all(m.counter_id == counter.id for m in stored)
    timeline = journal.progress.reached_milestones(TODAY)
    assert len(timeline) == 3
    assert all(item.milestone_id is not None and item.automatic for item in timeline)
    assert all(item.notes == "" for item in timeline)  # the marker stays hidden


def test_next_day_brings_nothing_new_until_the_next_mark(journal: JournalSession) -> None:
    journal.progress.add_counter("Sober since", ago(29))
    journal.progress.new_celebrations(TODAY)
    assert journal.progress.new_celebrations(TODAY + timedelta(days=1)) == []
    later = journal.progress.new_celebrations(TODAY + timedelta(days=30))
    assert [m.title for m in later] == ["Sober for 60 days"]


def test_late_slip_removes_only_marks_not_really_reached(journal: JournalSession) -> None:
    counter = journal.progress.add_counter("Sober since", ago(29))
    journal.progress.new_celebrations(TODAY)
    journal.progress.record_slip(counter.id or 0, ago(10), today=TODAY)
    titles = [m.title for m in journal.progress.milestones.list()]
    assert titles == ["Sober for 1 day", "Sober for 1 week"]


def test_a_slip_noted_by_mistake_can_be_taken_back_exactly(journal: JournalSession) -> None:
    counter = journal.progress.add_counter("Sober since", ago(29))
    journal.progress.new_celebrations(TODAY)
    before = [(m.local_date, m.title, m.notes) for m in journal.progress.milestones.list()]
    noted = journal.progress.record_slip(counter.id or 0, ago(10), "wrong day", today=TODAY)
    assert [m.title for m in noted.marks_removed] == ["Sober for 30 days"]
    journal.progress.undo_slip(noted, today=TODAY)
    status = journal.progress.counter_status(counter.id or 0, TODAY)
    assert status.slips == () and status.stats.current == 30
    after = [(m.local_date, m.title, m.notes) for m in journal.progress.milestones.list()]
    assert sorted(after) == sorted(before)
    assert journal.progress.new_celebrations(TODAY) == []  # nothing celebrated twice


def test_taking_back_a_slip_from_today_keeps_the_run_going(journal: JournalSession) -> None:
    counter = journal.progress.add_counter("Clean since", ago(6))
    noted = journal.progress.record_slip(counter.id or 0, TODAY, today=TODAY)
    assert noted.marks_removed == ()
    assert journal.progress.counter_status(counter.id or 0, TODAY).stats.current == 0
    journal.progress.undo_slip(noted, today=TODAY)
    assert journal.progress.counter_status(counter.id or 0, TODAY).stats.current == 7
    assert journal.progress.slips.count() == 0


def test_editing_the_start_date_keeps_marks_honest(journal: JournalSession) -> None:
    counter = journal.progress.add_counter("Sober since", ago(29))
    journal.progress.new_celebrations(TODAY)
    journal.progress.update_counter(dataclasses.replace(counter, start_date=ago(3)), TODAY)
    assert journal.progress.milestones.list() == []  # that run never was
    assert journal.progress.new_celebrations(TODAY) == []  # "1 day" is not news on day 4
    [stored] = journal.progress.milestones.list()
    assert (stored.title, stored.local_date) == ("Sober for 1 day", ago(3))


def test_one_day_is_celebrated_on_that_day_and_never_on_day_three(
    journal: JournalSession,
) -> None:
    """Issue 13 §4: a "1 day" banner appeared on day 3 of a new counter."""
    journal.progress.add_counter("Smoke-free since", ago(2))
    assert journal.progress.new_celebrations(TODAY) == []
    assert [m.title for m in journal.progress.milestones.list()] == ["Smoke-free for 1 day"]
    fresh = journal.progress.add_counter("Sober since", TODAY)
    [today] = journal.progress.new_celebrations(TODAY)
    assert (today.title, today.counter_id) == ("Sober for 1 day", fresh.id)


def test_a_week_is_still_celebrated_a_few_days_later(journal: JournalSession) -> None:
    journal.progress.add_counter("Sober since", ago(9))  # 1 week was reached 3 days ago
    assert [m.title for m in journal.progress.new_celebrations(TODAY)] == ["Sober for 1 week"]


def test_own_and_journal_milestones_merge_in_the_timeline(journal: JournalSession) -> None:
    journal.support.meetings.add(PeerMeeting("Tuesday group", ago(20)))
    journal.progress.add_own_milestone(ago(25), "Told Jo the whole story", notes="Hard, good")
    timeline = journal.progress.reached_milestones(TODAY)
    assert [(i.title, i.automatic, i.milestone_id is None) for i in timeline] == [
        ("Told Jo the whole story", False, False),
        ("First peer meeting", True, True),
    ]
    assert timeline[0].notes == "Hard, good"
    assert [m.title for m in journal.progress.new_celebrations(TODAY)] == ["First peer meeting"]


def test_checkins_safety_plan_and_peer_strategy(journal: JournalSession) -> None:
    at = datetime(2025, 5, 1, 12, tzinfo=UTC)
    journal.entries.add_many(
        [
            Entry(
                local_date=ago(n),
                check_in=CheckIn(mood=5),
                created_utc=at,
                updated_utc=at,
                body="x",
            )
            for n in range(30)
        ]
    )
    journal.support.safety_items.add_many(
        [SafetyPlanItem(step, "a line", updated_utc=at) for step in SafetyStep]
    )
    journal.coping.strategies.add(
        CopingStrategy(
            "Urge surfing",
            CopingCategory.COGNITIVE,
            source=StrategySource.PEER_MEETING,
            created_utc=at,
        )
    )
    keys = {m.key for m in journal.progress.new_celebrations(TODAY)}
    assert keys == {"checkins-30", "safety-plan-filled", "first-peer-strategy"}


def test_goal_with_steps(journal: JournalSession) -> None:
    saved = journal.progress.save_goal(
        Goal("Sleep better"), [(None, "No screens"), (None, " "), (None, "Walk")]
    )
    assert (saved.done, saved.total) == (0, 2)
    step = saved.steps[0]
    journal.progress.set_step_done(step.id or 0, True)
    [progress] = journal.progress.goals_with_steps()
    assert (progress.done, progress.total) == (1, 2)
    edited = journal.progress.save_goal(
        progress.goal, [(step.id, "No screens after 10"), (None, "Read instead")]
    )
    assert [s.text for s in edited.steps] == ["No screens after 10", "Read instead"]
    assert edited.done == 1  # the done mark survived the edit


def test_completing_a_goal_adds_a_milestone_once(journal: JournalSession) -> None:
    saved = journal.progress.save_goal(Goal("Ninety meetings"), [])
    goal_id = saved.goal.id or 0
    journal.progress.set_goal_complete(goal_id, True, TODAY)
    journal.progress.set_goal_complete(goal_id, True, TODAY)
    finished = journal.progress.milestones.list()
    assert [(m.title, m.kind) for m in finished] == [
        ("Finished: Ninety meetings", MilestoneKind.ACHIEVEMENT)
    ]
    [progress] = journal.progress.goals_with_steps()
    assert progress.goal.completed_utc is not None
    journal.progress.set_goal_complete(goal_id, False)
    assert journal.progress.milestones.list() == []


def test_phases_are_plain_records(journal: JournalSession) -> None:
    journal.progress.phases.add(Phase("Recognition", ago(100)))
    journal.progress.phases.add(Phase("Acceptance", ago(50)))
    assert [p.name for p in journal.progress.phases.list()] == ["Recognition", "Acceptance"]


def test_first_use_of_the_safety_plan_is_marked_once(journal: JournalSession) -> None:
    from recovery_journal.domain.progress import MilestoneKind

    first = journal.progress.mark_safety_plan_used(date(2026, 3, 1))
    assert first is not None and first.kind is MilestoneKind.FIRST
    assert journal.progress.mark_safety_plan_used(date(2026, 3, 9)) is None
    titles = [m.title for m in journal.progress.milestones.list()]
    assert titles == ["First time I turned to my safety plan"]


def test_own_milestones_can_be_edited_and_noticed_ones_cannot(journal: JournalSession) -> None:
    journal.progress.add_counter("Sober since", ago(6))
    journal.progress.new_celebrations(TODAY)
    mine = journal.progress.add_own_milestone(ago(2), "First meetng")
    edited = journal.progress.edit_own_milestone(
        mine.id or 0, ago(1), " First meeting ", MilestoneKind.FIRST, "Sat at the back"
    )
    assert (edited.title, edited.local_date, edited.notes) == (
        "First meeting",
        ago(1),
        "Sat at the back",
    )
    noticed = next(m for m in journal.progress.milestones.list() if m.counter_id is not None)
    with pytest.raises(ValidationError):
        journal.progress.edit_own_milestone(noticed.id or 0, ago(1), "Renamed", MilestoneKind.FIRST)
    assert journal.progress.milestones.get(noticed.id or 0) == noticed
