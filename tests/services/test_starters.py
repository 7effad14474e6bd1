"""Starter lists (issue 13 §4): common triggers and warning signs, offered, never added silently,
and names already there skipped."""

from __future__ import annotations

import pytest

from recovery_journal.domain.tracking import Trigger, TriggerCategory, WarningSign, WarningStage
from recovery_journal.services.session import JournalSession
from recovery_journal.services.starters import parse_starters, starter_lists


def test_the_shipped_lists_hold_halt_payday_and_common_signs() -> None:
    lists = starter_lists()
    names = {t.name for t in lists.triggers}
    assert {"Hungry", "Angry", "Lonely", "Tired", "Payday", "Being alone"} <= names
    assert {"Anniversaries", "Seeing alcohol"} <= names
    signs = {g.name for g in lists.signs}
    assert {"Sleeping badly", "Isolating from people", "Skipping meetings"} <= signs
    assert {g.stage for g in lists.signs} == set(WarningStage)
    assert all(t.category is TriggerCategory.HALT for t in lists.triggers[:4])


def test_a_new_journal_has_none_of_them_until_picked(journal: JournalSession) -> None:
    assert journal.tracking.triggers.count() == 0
    assert journal.tracking.warning_signs.count() == 0
    offered = journal.tracking.starters.choices()
    assert len(offered.triggers) == len(starter_lists().triggers)
    assert journal.tracking.triggers.count() == 0  # offering adds nothing


def test_names_already_present_are_skipped(journal: JournalSession) -> None:
    journal.tracking.triggers.add(Trigger("payday", TriggerCategory.OTHER))
    gone = journal.tracking.warning_signs.add(WarningSign("Sleeping  badly", WarningStage.EARLY))
    journal.tracking.warning_signs.archive(gone.id or 0)
    offered = journal.tracking.starters.choices()
    assert "Payday" not in {t.name for t in offered.triggers}
    assert "Sleeping badly" not in {g.name for g in offered.signs}  # archived counts too
    lists = starter_lists()
    added = journal.tracking.starters.add_triggers([lists.triggers[0], *lists.triggers[4:5]])
    assert [t.name for t in added] == ["Hungry"]  # Payday was there already
    signs = journal.tracking.starters.add_signs([lists.signs[1], lists.signs[1]])
    assert [g.name for g in signs] == ["Isolating from people"]  # once


@pytest.mark.parametrize(
    "raw",
    [
        "[]",
        '{"format": "x", "version": 1}',
        '{"format": "recovery-journal-starter-lists", "version": 9}',
        '{"format": "recovery-journal-starter-lists", "version": 1, "triggers": {}}',
    ],
)
def test_a_damaged_starter_file_is_refused(raw: str) -> None:
    with pytest.raises(ValueError):
        parse_starters(raw)
