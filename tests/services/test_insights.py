"""Insights data computed in SQL, checked against a small journal worked out by hand."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

import pytest

from recovery_journal.domain.coping import CopingCategory, CopingStrategy
from recovery_journal.domain.entries import CheckIn, Entry
from recovery_journal.domain.insights import Period, free_runs
from recovery_journal.domain.progress import Counter, Goal, Milestone, Phase, Slip
from recovery_journal.domain.support import PeerMeeting
from recovery_journal.domain.tracking import (
    Trigger,
    TriggerCategory,
    WarningSign,
    WarningStage,
)
from recovery_journal.services.insights import UnknownChartError
from recovery_journal.services.session import JournalSession

MON = date(2026, 3, 2)  # a Monday


def d(i: int) -> date:
    return MON + timedelta(days=i)


def at(i: int, hour: int = 12) -> datetime:
    """Local clock time on day i (aware), like the app records it."""
    return datetime(2026, 3, 2, hour).astimezone() + timedelta(days=i)


@pytest.fixture
def small(journal: JournalSession) -> JournalSession:
    """Two weeks from Monday 2 March 2026:
    day 0: moods 4 and 8 (#walk)   day 1: mood 6 (#walk)   day 2: no mood (text only)
    day 3: mood 5, anxiety 6, sleep 5 h   day 4: mood 7 (#walk)   day 9: mood 3, sleep 8 h
    the day before (1 Mar): mood 2 — the previous period for a 5-day range is 25–29 Feb."""
    add = journal.entries.add
    add(Entry(d(0), "a", check_in=CheckIn(mood=4), tags=("walk",)))
    add(Entry(d(0), "b", check_in=CheckIn(mood=8)))
    add(Entry(d(1), "c", check_in=CheckIn(mood=6), tags=("walk",)))
    add(Entry(d(2), "d"))
    add(Entry(d(3), "e", check_in=CheckIn(mood=5, anxiety=6, sleep_hours=5.0)))
    add(Entry(d(4), "f", check_in=CheckIn(mood=7), tags=("walk",)))
    add(Entry(d(9), "g", check_in=CheckIn(mood=3, sleep_hours=8.0)))
    add(Entry(d(-3), "h", check_in=CheckIn(mood=2)))
    return journal


def test_mood_days_low_high_mean_and_a_calendar_rolling_mean(small: JournalSession) -> None:
    data = small.insights.chart_data("mood", Period(d(0), d(9)))
    got = [(m.day, m.low, m.high, m.mean, m.n) for m in data.days]
    assert got == [
        (d(0), 4, 8, 6.0, 2),
        (d(1), 6, 6, 6.0, 1),
        (d(3), 5, 5, 5.0, 1),
        (d(4), 7, 7, 7.0, 1),
        (d(9), 3, 3, 3.0, 1),
    ]
    # 7 calendar days ending on each day; day -3 (mood 2) is inside the windows of days 0–3
    # and day 2 has none: means of the daily means that are there.
    assert [m.rolling for m in data.days] == [4.0, 14 / 3, 4.75, 6.0, 5.0]
    assert data.mean == (6 + 6 + 5 + 7 + 3) / 5
    assert data.previous_mean == 2.0  # 20 Feb – 1 Mar holds only day -3


def test_phases_are_clipped_and_markers_collected(small: JournalSession) -> None:
    p = small.progress
    p.phases.add(Phase("Recognition", d(-30)))
    p.phases.add(Phase("Acceptance", d(5)))
    p.milestones.add(Milestone(d(4), "First week"))
    counter = p.counters.add(Counter("Sober since", d(-20)))
    assert counter.id is not None
    p.slips.add(Slip(counter.id, d(6)))
    p.goals.add(Goal("Call mum", completed_utc=at(8).astimezone(UTC)))
    data = small.insights.chart_data("mood", Period(d(0), d(9)))
    assert [(b.name, b.start, b.end) for b in data.phases] == [
        ("Recognition", d(0), d(4)),
        ("Acceptance", d(5), d(9)),
    ]
    assert [(m.day, m.label, m.kind) for m in data.markers] == [
        (d(4), "First week", "milestone"),
        (d(6), "Sober since", "slip"),
        (d(8), "Call mum", "goal"),
    ]
    progress = small.insights.chart_data("milestones", Period(d(0), d(9)))
    assert [(t.title, t.runs, t.slips) for t in progress.counters] == [
        ("Sober since", ((d(0), d(5)), (d(7), d(9))), (d(6),))
    ]
    assert [m.kind for m in progress.markers] == ["milestone", "goal"]


def test_free_runs_between_slips() -> None:
    period = Period(d(0), d(20))
    assert free_runs(d(2), [d(5), d(5), d(6), d(-9)], period) == (
        (d(2), d(4)),
        (d(7), d(20)),
    )  # two slips on consecutive days leave no empty run; a slip before the start is ignored


def test_checkins_are_daily_means(small: JournalSession) -> None:
    data = small.insights.chart_data("checkins", Period(d(0), d(9)))
    assert [(c.day, c.anxiety, c.sleep_hours) for c in data.days] == [
        (d(3), 6.0, 5.0),
        (d(9), None, 8.0),
    ]


def _tracking(journal: JournalSession) -> None:
    t = journal.tracking
    payday = t.triggers.add(Trigger("Payday", TriggerCategory.SITUATIONS))
    mum = t.triggers.add(Trigger("Call with mum", TriggerCategory.PEOPLE))
    assert payday.id and mum.id
    t.log_trigger(payday.id, 6, when=at(0, 20))  # Monday evening
    t.log_trigger(payday.id, 8, when=at(1, 20))  # Tuesday evening
    t.log_trigger(mum.id, 3, when=at(1, 9))  # Tuesday morning
    t.log_trigger(mum.id, 5, when=at(8, 9))  # next Tuesday morning
    early = t.warning_signs.add(WarningSign("Skipping meals", WarningStage.EARLY))
    crisis = t.warning_signs.add(WarningSign("Isolating", WarningStage.CRISIS))
    assert early.id and crisis.id
    t.observe_sign(early.id, when=at(0))
    t.observe_sign(early.id, when=at(0, 18))  # the same day twice: one day
    t.observe_sign(crisis.id, when=at(9))


def test_triggers_per_week_by_category_with_intensity_top_and_when(
    journal: JournalSession,
) -> None:
    _tracking(journal)
    data = journal.insights.chart_data("triggers", Period(d(0), d(13)))
    assert data.buckets == (d(0), d(7))
    assert data.counts == {"people": (1, 1), "situations": (2, 0)}
    assert data.mean_intensity == ((6 + 8 + 3) / 3, 5.0)
    assert [(t.name, t.count, t.mean_intensity, t.last_seen) for t in data.top] == [
        ("Call with mum", 2, 4.0, d(8)),
        ("Payday", 2, 7.0, d(1)),
    ]
    assert data.heat[0] == (0, 0, 0, 1)  # Monday: one in the evening
    assert data.heat[1] == (0, 2, 0, 1)  # Tuesdays: two mornings, one evening
    assert data.total == 4


def test_long_periods_count_per_month(journal: JournalSession) -> None:
    _tracking(journal)
    data = journal.insights.chart_data("triggers", Period(date(2025, 6, 1), date(2026, 6, 30)))
    assert data.buckets[0] == date(2025, 6, 1) and len(data.buckets) == 13
    assert data.counts["situations"][9] == 2  # March 2026


def test_warning_signs_by_stage_and_week(journal: JournalSession) -> None:
    _tracking(journal)
    data = journal.insights.chart_data("warning-signs", Period(d(0), d(13)))
    assert [(s.name, s.stage, s.counts) for s in data.signs] == [
        ("Skipping meals", "early", (1, 0)),
        ("Isolating", "crisis", (0, 1)),
    ]


def test_coping_drop_with_interval_and_not_enough_uses(journal: JournalSession) -> None:
    c = journal.coping
    walk = c.strategies.add(CopingStrategy("Walk", CopingCategory.PHYSICAL))
    call = c.strategies.add(CopingStrategy("Call a friend", CopingCategory.SOCIAL))
    assert walk.id and call.id
    for before, after in ((7, 4), (6, 4), (8, 4)):
        c.log_use(walk.id, when=at(1), distress_before=before, distress_after=after)
    c.log_use(walk.id, when=at(1), distress_before=5)  # not rated after: not counted
    c.log_use(call.id, when=at(2), distress_before=5, distress_after=3)
    data = journal.insights.chart_data("coping", Period(d(0), d(6)))
    (drawn,) = data.drawn
    assert (drawn.name, drawn.n, drawn.mean_drop) == ("Walk", 3, 3.0)
    assert drawn.ci_low is not None and drawn.ci_high is not None
    assert 2.0 <= drawn.ci_low <= 3.0 <= drawn.ci_high <= 4.0  # drops 3, 2, 4
    assert [(s.name, s.n, s.mean_drop) for s in data.not_enough] == [("Call a friend", 1, None)]


def test_summary_associations_and_json_shape(small: JournalSession) -> None:
    small.support.meetings.add(PeerMeeting("Tuesday group", d(0)))
    report = small.insights.report(Period(d(0), d(9)))
    s = report.summary
    assert (s.days_with_entries, s.mood_min, s.mood_max) == (6, 3, 8)
    assert s.mood_mean == (6 + 6 + 5 + 7 + 3) / 5  # mean of the daily means
    walk = {a.lag_days: a for a in report.associations if a.factor == "walk"}
    # #walk on days 0, 1, 4 (moods 6, 6, 7) vs days 3, 9 (5, 3): 2 days without, not shown.
    # Lag 1: of the days after a walk (1, 2, 5) only day 1 has a mood: not shown either.
    assert walk == {}
    assert not any(a.kind == "meeting" for a in report.associations)  # 1 day: never shown
    shape = report.to_json()
    assert list(shape) == ["from", "to", "summary", "associations"]
    assert shape["from"] == "2026-03-02" and shape["to"] == "2026-03-11"
    assert list(shape["summary"]) == [
        "days_with_entries",
        "mood_mean",
        "mood_min",
        "mood_max",
        "trigger_events",
        "coping_uses",
        "warning_sign_days",
    ]
    json.dumps(shape)


def test_factor_days_cover_every_kind(small: JournalSession) -> None:
    """Each factor kind comes out of SQL on the right days (lag 1 reaches the day before)."""
    _tracking(small)
    small.support.meetings.add(PeerMeeting("Tuesday group", d(-1)))
    walk = small.coping.strategies.add(CopingStrategy("Walk", CopingCategory.PHYSICAL))
    assert walk.id
    small.coping.log_use(walk.id, when=at(3))
    from recovery_journal.storage import insight_numbers

    with small.reading() as conn:
        found = insight_numbers.factor_days(conn, Period(d(0), d(9)))
    assert found == {
        ("tag", "walk"): {d(0), d(1), d(4)},
        ("sleep", "sleep under 6 hours"): {d(3)},
        ("meeting", "peer meeting"): {d(-1)},
        ("trigger-category", "situations"): {d(0), d(1)},
        ("trigger-category", "people"): {d(1), d(8)},
        ("warning-stage", "early"): {d(0)},
        ("warning-stage", "crisis"): {d(9)},
        ("coping", "Walk"): {d(3)},
    }


def test_the_weekly_reflection(small: JournalSession) -> None:
    _tracking(small)
    week = small.insights.reflection(d(6))
    assert week.period == Period(d(0), d(6))
    assert (week.entries, week.days_written, week.mood_low, week.mood_high) == (6, 5, 4, 8)
    assert week.trigger_events == 3
    assert week.top_triggers == ("Payday", "Call with mum")


def test_whole_journal_period_and_unknown_kinds(small: JournalSession) -> None:
    assert small.insights.period() == Period(d(-3), d(9))
    assert small.insights.period(start=d(1)) == Period(d(1), d(9))
    with pytest.raises(UnknownChartError):
        small.insights.chart_data("pie", Period(d(0), d(1)))


def test_the_reflection_in_words_has_no_guilt(small: JournalSession) -> None:
    from recovery_journal.domain.insight_text import reflection_sentence

    _tracking(small)
    text = reflection_sentence(small.insights.reflection(d(6)))
    assert text == "You wrote 6 entries; mood ranged from 4 to 8; 3 triggers logged."
    quiet = reflection_sentence(small.insights.reflection(d(60)))
    assert quiet == "A quiet week in the journal. Whenever you want to write, it's here."
