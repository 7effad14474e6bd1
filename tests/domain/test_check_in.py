"""The check-in is one value: the panel, an entry and a draft share it."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from recovery_journal.domain.entries import CheckIn, Draft, Emotion, Entry
from recovery_journal.errors import ValidationError

DAY = date(2026, 3, 4)
VALUES = CheckIn(6, 3, 7, 7.5, 4, (Emotion("calm", 5),), ("walk",))


def _names(cls: type) -> set[str]:
    return {f.name for f in dataclasses.fields(cls)}


def test_entry_and_draft_carry_every_check_in_field() -> None:
    assert _names(CheckIn) <= _names(Entry) and _names(CheckIn) <= _names(Draft)


def test_an_entry_and_a_draft_give_back_the_check_in_they_took() -> None:
    entry = Entry(DAY, "a walk").with_check_in(VALUES)
    assert entry.check_in == VALUES and entry.body == "a walk"
    draft = Draft("today", DAY, "half a thought").with_check_in(VALUES)
    assert draft.check_in == VALUES and draft.to_entry().check_in == VALUES


@pytest.mark.parametrize(
    "values",
    [{"mood": 11}, {"anxiety": -1}, {"energy": 12}, {"sleep_hours": 25.0}, {"sleep_quality": 9}],
)
def test_the_scales_are_checked_once_for_all(values: dict[str, float]) -> None:
    with pytest.raises(ValidationError):
        CheckIn(**values)  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        Entry(DAY, "words", **values)  # type: ignore[arg-type]
