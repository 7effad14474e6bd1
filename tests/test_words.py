"""Stored enumerations are stable codes; the words shown for them live in words.py only."""

from __future__ import annotations

import re
from enum import Enum

import pytest

from recovery_journal import words
from recovery_journal.domain.coping import CopingCategory, StrategySource
from recovery_journal.domain.measures import MeasureKind
from recovery_journal.domain.progress import DayConvention, MilestoneKind
from recovery_journal.domain.support import ContactRole, SafetyStep
from recovery_journal.domain.tracking import TriggerCategory, WarningStage

STORED_ENUMS: tuple[type[Enum], ...] = (
    TriggerCategory,
    WarningStage,
    CopingCategory,
    StrategySource,
    ContactRole,
    SafetyStep,
    MilestoneKind,
    DayConvention,
    MeasureKind,
)


@pytest.mark.parametrize("enum", STORED_ENUMS, ids=lambda e: e.__name__)
def test_stored_values_are_codes_and_each_has_words(enum: type[Enum]) -> None:
    for member in enum:
        assert re.fullmatch(r"[a-z][a-z_]*", member.value), member  # a code, never a phrase
        assert words.label(member).strip(), member
    assert any(set(table) == set(enum) for table in words.STORED), enum


def test_stages_and_steps_have_their_explanations() -> None:
    assert set(words.STAGE_EXPLANATIONS) == set(WarningStage) == set(words.STAGE_TARGETS)
    assert set(words.STEP_HINTS) == set(SafetyStep)
    assert set(words.MILESTONE_KINDS_IN_A_SENTENCE) == set(MilestoneKind)
    assert words.label(WarningStage.BREAKING_DOWN) == "Things are breaking down"
