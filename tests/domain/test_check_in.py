"""The check-in is one value: an entry and a draft each hold one, validated there once."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from recovery_journal.domain.entries import CheckIn, Draft, Emotion, Entry
from recovery_journal.errors import ValidationError

DAY = date(2026, 3, 4)
VALUES = CheckIn(6, 3, 7, 7.5, 4, (Emotion("calm", 5),))


def _names(cls: type) -> set[str]:
    return {f.name for f in dataclasses.fields(cls)}


def test_entry_and_draft_hold_one_check_in_and_no_flat_copy_of_its_fields() -> None:
    for cls in (Entry, Draft):
        assert "check_in" in _names(cls)
        assert not _names(CheckIn) & _names(cls), cls.__name__


def test_an_entry_and_a_draft_give_back_the_check_in_they_took() -> None:
    entry = Entry(DAY, "a walk", check_in=VALUES)
    assert entry.check_in == VALUES and entry.body == "a walk"
    draft = Draft("today", DAY, "half a thought", check_in=VALUES)
    assert draft.check_in == VALUES and draft.to_entry().check_in == VALUES
    assert not draft.is_empty and CheckIn().is_empty and not VALUES.is_empty


def test_a_mood_alone_is_an_entry() -> None:
    assert Entry(DAY, check_in=CheckIn(mood=0)).check_in.mood == 0
    with pytest.raises(ValidationError):
        Entry(DAY, check_in=CheckIn(anxiety=3))  # no words, no title, no mood


def test_something_other_than_a_check_in_is_refused() -> None:
    with pytest.raises(ValidationError):
        Entry(DAY, "words", check_in={"mood": 5})  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        Draft("today", DAY, check_in=None)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "values",
    [{"mood": 11}, {"anxiety": -1}, {"energy": 12}, {"sleep_hours": 25.0}, {"sleep_quality": 9}],
)
def test_the_scales_are_checked_once_for_all(values: dict[str, float]) -> None:
    with pytest.raises(ValidationError):
        CheckIn(**values)  # type: ignore[arg-type]
