"""check_escalation over a real journal: which records count, by local date, for which rule."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import pytest

from recovery_journal.domain.coping import CopingCategory, CopingStrategy
from recovery_journal.domain.entries import CheckIn, Entry
from recovery_journal.domain.tracking import Trigger, WarningSign, WarningStage
from recovery_journal.services.escalation import check_escalation, recent_days
from recovery_journal.services.session import JournalSession

TODAY = date(2024, 11, 17)


def noon(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 12, tzinfo=UTC)


def ago(n: int) -> date:
    return TODAY - timedelta(days=n)


def ids(journal: JournalSession) -> list[str]:
    return [m.rule.id for m in check_escalation(journal, TODAY)]


@pytest.fixture
def strategy(journal: JournalSession) -> int:
    made = journal.coping.strategies.add(CopingStrategy("Box breathing", CopingCategory.RELAXATION))
    assert made.id is not None
    return made.id


@pytest.fixture
def auckland(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "Pacific/Auckland")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_a_quiet_week_matches_nothing(journal: JournalSession, strategy: int) -> None:
    for n in range(7):
        journal.coping.log_use(strategy, when=noon(ago(n)), distress_before=5, distress_after=3)
        journal.entries.add(Entry(ago(n), "A calmer day.", check_in=CheckIn(mood=6)))
    assert check_escalation(journal, TODAY) == []


def test_high_distress_from_coping_uses_and_trigger_events(
    journal: JournalSession, strategy: int
) -> None:
    trigger = journal.tracking.triggers.add(Trigger("Anniversary"))
    assert trigger.id is not None
    journal.coping.log_use(strategy, when=noon(ago(5)), distress_before=9)
    journal.coping.log_use(strategy, when=noon(ago(4)), distress_before=7)  # not high
    journal.tracking.log_trigger(trigger.id, 8, when=noon(ago(2)))
    assert ids(journal) == []
    journal.tracking.log_trigger(trigger.id, 10, when=noon(ago(0)))
    [match] = check_escalation(journal, TODAY)
    assert match.rule.id == "high-distress"
    assert match.evidence.text == "on 3 of the last 7 days: 12, 15, 17 Nov"


def test_old_records_fall_outside_the_week(journal: JournalSession, strategy: int) -> None:
    for n in (7, 8, 9):
        journal.coping.log_use(strategy, when=noon(ago(n)), distress_before=10)
        journal.entries.add(Entry(ago(n), "", check_in=CheckIn(mood=0)))
    assert ids(journal) == []


def test_signs_count_by_the_stage_of_their_sign_even_if_archived(journal: JournalSession) -> None:
    breaking = journal.tracking.warning_signs.add(
        WarningSign("Not answering the phone", WarningStage.BREAKING_DOWN)
    )
    early = journal.tracking.warning_signs.add(WarningSign("Skipping meals"))
    crisis = journal.tracking.warning_signs.add(
        WarningSign("Giving things away", WarningStage.CRISIS)
    )
    assert breaking.id and early.id and crisis.id
    for n in (1, 2):
        journal.tracking.observe_sign(breaking.id, when=noon(ago(n)))
    for n in (0, 1, 2):
        journal.tracking.observe_sign(early.id, when=noon(ago(n)))
    assert ids(journal) == []
    journal.tracking.observe_sign(breaking.id, when=noon(ago(6)))
    journal.tracking.warning_signs.archive(breaking.id)
    assert ids(journal) == ["breaking-down-signs"]
    journal.tracking.observe_sign(crisis.id, when=noon(ago(3)))
    assert ids(journal) == ["breaking-down-signs", "crisis-sign"]


def test_low_mood_counts_any_entry_of_the_day_but_not_the_trash(journal: JournalSession) -> None:
    journal.entries.add(Entry(ago(0), "", check_in=CheckIn(mood=2)))
    journal.entries.add(Entry(ago(0), "", check_in=CheckIn(mood=7)))  # a better moment the same day
    journal.entries.add(Entry(ago(3), "", check_in=CheckIn(mood=1)))
    binned = journal.entries.add(Entry(ago(4), "", check_in=CheckIn(mood=0)))
    assert binned.id is not None
    journal.entries.move_to_trash(binned.id)
    assert ids(journal) == []
    journal.entries.add(Entry(ago(5), "", check_in=CheckIn(mood=2)))
    assert ids(journal) == ["low-mood"]


def test_the_day_the_person_meant_decides_not_the_utc_day(
    journal: JournalSession, strategy: int, auckland: None
) -> None:
    # 20:00 UTC on 10 Nov is 09:00 on 11 Nov in Auckland: inside the 11–17 Nov window.
    journal.coping.log_use(
        strategy, when=datetime(2024, 11, 10, 20, 0, tzinfo=UTC), distress_before=9
    )
    snap = recent_days(journal, TODAY)
    assert [r.local_date for r in snap.distress] == [date(2024, 11, 11)]
    journal.coping.log_use(strategy, when=noon(ago(1)), distress_before=9)
    journal.coping.log_use(strategy, when=noon(ago(3)), distress_before=9)
    assert ids(journal) == ["high-distress"]
