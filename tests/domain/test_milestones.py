"""Automatic milestones: counter marks, journal firsts, and which are new since last seen."""

from __future__ import annotations

from datetime import date, timedelta

from recovery_journal.domain.milestones import (
    AutoMilestone,
    JournalSnapshot,
    checkin_milestones,
    counter_mark_title,
    counter_milestones,
    first_meeting,
    first_peer_strategy,
    journal_milestones,
    key_of,
    not_yet_recorded,
    safety_plan_filled,
    stale,
    visible_notes,
)
from recovery_journal.domain.progress import Counter, DayConvention, Milestone, MilestoneKind
from recovery_journal.domain.support import SafetyStep

START = date(2025, 3, 3)


def day(n: int) -> date:
    return START + timedelta(days=n)


def sober(convention: DayConvention = DayConvention.DAY_ONE) -> Counter:
    return Counter("Sober since", START, convention, id=7)


def test_counter_started_30_days_ago_reached_30_days() -> None:
    found = counter_milestones(sober(), [], day(29))
    assert [m.title for m in found] == [
        "Sober for 1 day",
        "Sober for 1 week",
        "Sober for 30 days",
    ]
    assert found[-1].local_date == day(29)
    assert found[-1].kind is MilestoneKind.ACHIEVEMENT
    assert found[-1].counter_id == 7


def test_day_zero_reaches_each_mark_one_day_later() -> None:
    found = counter_milestones(sober(DayConvention.DAY_ZERO), [], day(29))
    assert [m.title for m in found][-1] == "Sober for 1 week"
    later = counter_milestones(sober(DayConvention.DAY_ZERO), [], day(30))
    assert later[-1].title == "Sober for 30 days"
    assert later[-1].local_date == day(30)


def test_months_and_years_are_anniversaries() -> None:
    found = counter_milestones(sober(), [], date(2027, 3, 2))
    by_title = {m.mark: m for m in found}
    assert by_title["6 months"].kind is MilestoneKind.ANNIVERSARY
    assert by_title["1 year"].local_date == date(2026, 3, 2)
    assert by_title["2 years"].local_date == date(2027, 3, 2)


def test_marks_count_from_the_current_run() -> None:
    found = counter_milestones(sober(), [day(40)], day(48))
    assert [m.mark for m in found] == ["1 day", "1 week"]
    assert found[0].local_date == day(41)
    every = counter_milestones(sober(), [day(40)], day(48), every_run=True)
    assert len(every) == 3 + 2  # 1 day, 1 week, 30 days in the first run


def test_keys_are_stable_and_distinct_per_run() -> None:
    first = counter_milestones(sober(), [], day(10))
    again = counter_milestones(sober(), [], day(20))
    assert [m.key for m in first] == [m.key for m in again[: len(first)]]
    after_slip = counter_milestones(sober(), [day(12)], day(20))
    assert {m.key for m in after_slip}.isdisjoint({m.key for m in first})


def test_slip_today_reaches_nothing_in_the_new_run() -> None:
    assert counter_milestones(sober(), [day(5)], day(5)) == []


def test_first_meeting_and_future_days_ignored() -> None:
    snap = JournalSnapshot(meeting_days=[day(9), day(4), day(30)])
    found = first_meeting(snap, day(20))
    assert found is not None
    assert (found.local_date, found.kind) == (day(4), MilestoneKind.FIRST)
    assert first_meeting(snap, day(3)) is None
    assert first_meeting(JournalSnapshot(), day(3)) is None


def test_checkin_counts() -> None:
    days = [day(n) for n in range(120)]
    found = checkin_milestones(JournalSnapshot(checkin_days=days + days[:5]), day(200))
    assert [(m.title, m.local_date) for m in found] == [
        ("30 check-ins", day(29)),
        ("100 check-ins", day(99)),
    ]
    assert checkin_milestones(JournalSnapshot(checkin_days=days[:29]), day(200)) == []


def test_safety_plan_filled_needs_every_step() -> None:
    steps = list(SafetyStep)
    partial = {step: day(i) for i, step in enumerate(steps[:-1])}
    assert safety_plan_filled(JournalSnapshot(safety_step_days=partial), day(50)) is None
    full = {**partial, steps[-1]: day(12)}
    found = safety_plan_filled(JournalSnapshot(safety_step_days=full), day(50))
    assert found is not None and found.local_date == day(12)


def test_first_peer_strategy() -> None:
    found = first_peer_strategy(JournalSnapshot(peer_strategy_days=[day(8), day(3)]), day(10))
    assert found is not None and found.local_date == day(3)


def test_journal_milestones_sorted() -> None:
    snap = JournalSnapshot(meeting_days=[day(40)], peer_strategy_days=[day(2)])
    found = journal_milestones(snap, day(50))
    assert [m.key for m in found] == ["first-peer-strategy", "first-meeting"]


def test_stored_marker_round_trip() -> None:
    auto = AutoMilestone("first-meeting", day(3), "First peer meeting", MilestoneKind.FIRST)
    row = auto.as_milestone()
    assert key_of(row) == "first-meeting"
    assert visible_notes(row) == ""
    assert key_of(Milestone(day(1), "Told Jo", notes="felt good")) is None


def test_new_since_last_seen() -> None:
    reached = counter_milestones(sober(), [], day(29))
    stored = [m.as_milestone() for m in reached[:2]]
    fresh = not_yet_recorded(reached, stored)
    assert [m.title for m in fresh] == ["Sober for 30 days"]
    stored.append(fresh[0].as_milestone())
    assert not_yet_recorded(reached, stored) == []


def test_milestones_recorded_without_a_key_are_recognised() -> None:
    """E.g. an imported '30 days sober' on the same counter and day is not celebrated again."""
    reached = counter_milestones(sober(), [], day(29))
    imported = [
        Milestone(m.local_date, f"My own words {i}", MilestoneKind.ANNIVERSARY, counter_id=7)
        for i, m in enumerate(reached)
    ]
    assert not_yet_recorded(reached, imported) == []
    meeting = first_meeting(JournalSnapshot(meeting_days=[day(4)]), day(9))
    assert meeting is not None
    assert not_yet_recorded([meeting], [Milestone(day(4), "first peer MEETING")]) == []
    assert not_yet_recorded([meeting], [Milestone(day(5), "First peer meeting")]) == [meeting]


def test_stale_marks_after_a_late_slip() -> None:
    stored = [m.as_milestone() for m in counter_milestones(sober(), [], day(29))]
    own = Milestone(day(29), "Own", counter_id=7)
    valid = {m.key for m in counter_milestones(sober(), [day(20)], day(29), every_run=True)}
    gone = stale([*stored, own], 7, valid)
    assert [m.title for m in gone] == ["Sober for 30 days"]
    assert stale(stored, 8, valid) == []


def test_long_counter_title_is_clipped() -> None:
    counter = Counter("x" * 200, START, id=1)
    found = counter_milestones(counter, [], day(0))
    assert len(found[0].title) == 200


def test_mark_titles_read_as_a_sentence() -> None:
    """Issue 13 §4: "1 week – Smoke-free since" glued the mark to the counter's title."""
    assert counter_mark_title("1 week", "Smoke-free since") == "Smoke-free for 1 week"
    assert counter_mark_title("30 days", "Self-harm free  since") == "Self-harm free for 30 days"
    assert counter_mark_title("1 year", "Gambling") == "Gambling: 1 year"
    assert counter_mark_title("1 day", "Since") == "Since: 1 day"
