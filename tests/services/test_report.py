"""The summary's numbers on a small journal whose answers are known by heart."""

from __future__ import annotations

from datetime import date
from typing import Any

from recovery_journal.domain.entries import CheckIn, Entry
from recovery_journal.domain.report import ExcerptMode, Period, Preset, ReportOptions
from recovery_journal.services import report as report_service
from recovery_journal.services.session import JournalSession

WEEK = Period(date(2026, 3, 2), date(2026, 3, 8))


def _add(journal: JournalSession, day: int, mood: int | None, **more: Any) -> int:
    therapy = bool(more.pop("bring_to_therapy", False))
    measures = CheckIn(mood=mood, **more)
    saved = journal.entries.add(
        Entry(date(2026, 3, day), f"day {day}", check_in=measures, bring_to_therapy=therapy)
    )
    assert saved.id is not None
    return saved.id


def test_mood_is_the_mean_of_daily_means_and_the_trash_never_counts(
    journal: JournalSession,
) -> None:
    _add(journal, 2, 2, sleep_hours=5.0)
    _add(journal, 2, 4, sleep_hours=7.0)  # day 2: mean 3 (a low day), sleep 6
    _add(journal, 3, 9, sleep_hours=8.0)
    _add(journal, 4, None)  # written, no mood
    journal.entries.move_to_trash(_add(journal, 5, 0, sleep_hours=1.0))
    _add(journal, 1, 0)  # the day before the period
    model = report_service.gather(journal, ReportOptions(WEEK), WEEK.end)
    mood = model.current.mood
    assert (mood.days, mood.mean, mood.lowest, mood.highest, mood.low_days) == (2, 6.0, 2, 9, 1)
    assert (model.current.sleep.nights, model.current.sleep.mean_hours) == (2, 7.0)
    assert model.days_with_entry == 3
    assert model.previous.mood.lowest == 0  # 1 March belongs to the week before


def test_only_the_allowed_entries_are_read(journal: JournalSession) -> None:
    flagged = _add(journal, 3, 5, bring_to_therapy=True)
    other = _add(journal, 4, 5)
    journal.entries.move_to_trash(_add(journal, 5, 5, bring_to_therapy=True))

    def excerpts(mode: ExcerptMode, chosen: frozenset[int] = frozenset()) -> list[int]:
        options = ReportOptions(WEEK, Preset.FULL, excerpts=mode, chosen_ids=chosen)
        return [x.entry_id for x in report_service.gather(journal, options, WEEK.end).excerpts]

    assert excerpts(ExcerptMode.NONE, frozenset({other})) == []
    assert excerpts(ExcerptMode.FLAGGED) == [flagged]
    assert excerpts(ExcerptMode.CHOSEN, frozenset({other})) == [other]
    model = report_service.gather(journal, ReportOptions(WEEK), WEEK.end)
    assert [r.entry_id for r in model.flagged] == [flagged]


def test_since_the_last_summary_without_one_is_the_last_30_days(journal: JournalSession) -> None:
    today = date(2026, 3, 31)
    assert report_service.since_last_summary(journal, today) == Period(date(2026, 3, 2), today)
    report_service.remember_summary(journal, Period(date(2026, 3, 1), today))
    assert report_service.since_last_summary(journal, today) == Period(today, today)
