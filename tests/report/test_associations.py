"""The summary's "what seems to go with my mood": exactly the insights engine's called-out
associations (Benjamini–Hochberg corrected), at most three, with their n — nothing else."""

from __future__ import annotations

import re
from datetime import date, timedelta

from pytestqt.qtbot import QtBot

from recovery_journal.domain.entries import CheckIn, Entry
from recovery_journal.domain.insights import Period as InsightsPeriod
from recovery_journal.domain.report import Period, Preset, ReportOptions, Section, called_out
from recovery_journal.domain.statistics import Association
from recovery_journal.report import words
from recovery_journal.report.summary import summary_document
from recovery_journal.services import report as report_service
from recovery_journal.services.session import JournalSession
from tests.report.conftest import pdf_pages

FIRST = date(2026, 3, 1)
TWELVE = Period(FIRST, FIRST + timedelta(days=11))


def _known(journal: JournalSession) -> None:
    """Twelve days: #walk on the first six (moods 8, 7, 8, 7, 8, 7), none on the last six
    (3, 4, 3, 4, 3, 4) — a difference of 4 on 6 days a side, which stands out; #tea on days
    1, 3, 7 and 9 (moods 8, 8, 3, 3): no difference, never called out."""
    for i in range(12):
        tags: tuple[str, ...] = ("walk",) if i < 6 else ()
        if i in (0, 2, 6, 8):
            tags += ("tea",)
        mood = (8 if i % 2 == 0 else 7) if i < 6 else (3 if i % 2 == 0 else 4)
        journal.entries.add(
            Entry(FIRST + timedelta(days=i), "a day", check_in=CheckIn(mood=mood), tags=tags)
        )


def _text(journal: JournalSession, options: ReportOptions) -> str:
    data = report_service.gather(journal, options, TWELVE.end)
    return " ".join(pdf_pages(summary_document(data).pdf()))


def test_exactly_the_called_out_associations_with_their_n(
    qtbot: QtBot, journal: JournalSession
) -> None:
    _known(journal)
    engine = journal.insights.report(InsightsPeriod(TWELVE.start, TWELVE.end)).associations
    walk = next(a for a in engine if a.factor == "walk" and a.lag_days == 0)
    tea = next(a for a in engine if a.factor == "tea" and a.lag_days == 0)
    assert (walk.n_with, walk.n_without, walk.difference) == (6, 6, 4.0) and walk.called_out
    assert not tea.called_out
    expected = sorted((a for a in engine if a.called_out), key=lambda a: -abs(a.difference))[:3]

    data = report_service.gather(journal, ReportOptions(TWELVE, Preset.FULL), TWELVE.end)
    assert data.associations == tuple(expected)
    text = _text(journal, ReportOptions(TWELVE, Preset.FULL))
    assert "What seems to go with my mood" in text and "An association, not a cause" in text
    assert (
        "#walk seems to go with better mood the same day: 7.5 on average with it "
        "(n = 6 days), 3.5 without (n = 6 days); difference +4.0" in text
    )
    for found in expected:
        assert words.association(found) in text
    assert len(re.findall(r"seems to go with (?:better|lower) mood", text)) == len(expected)
    assert "#tea" not in text


def test_nothing_called_out_says_so_and_the_section_can_be_switched_off(
    qtbot: QtBot, journal: JournalSession
) -> None:
    for i in range(8):  # #tea on alternate days, the same moods either way
        tags = ("tea",) if i % 2 else ()
        journal.entries.add(
            Entry(FIRST + timedelta(days=i), "a day", check_in=CheckIn(mood=5), tags=tags)
        )
    text = _text(journal, ReportOptions(TWELVE, Preset.FULL))
    assert "Nothing stood out clearly enough in this period" in text
    assert not re.search(r"seems to go with (?:better|lower)", text) and "#tea" not in text
    _known(journal)  # now #walk stands out — but the person switched the section off
    off = ReportOptions(TWELVE, Preset.FULL, sections=frozenset(Section) - {Section.ASSOCIATIONS})
    assert report_service.gather(journal, off, TWELVE.end).associations == ()
    assert "What seems to go with my mood" not in _text(journal, off)


def _found(factor: str, difference: float, called: bool) -> Association:
    return Association(
        factor, "tag", 0, 5, 5, 5 + difference, 5.0, difference, -1, 1, 0.01, called_out=called
    )


def test_at_most_three_largest_differences_first_only_called_out() -> None:
    found = [
        _found("a", 1.0, True),
        _found("b", -3.0, True),
        _found("c", 9.0, False),
        _found("d", 2.0, True),
        _found("e", 0.5, True),
    ]
    assert [a.factor for a in called_out(found)] == ["b", "d", "a"]
    assert called_out([_found("c", 9.0, False)]) == ()
