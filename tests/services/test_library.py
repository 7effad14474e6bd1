"""The default coping library: well-formed, seeded once, and the person's own to change."""

from __future__ import annotations

import dataclasses
import json

import pytest

from recovery_journal.domain.coping import CopingCategory, CopingStrategy, StrategySource
from recovery_journal.resources_path import read_resource_text
from recovery_journal.services.library import (
    guided_kind_for,
    load_default_library,
    parse_library,
    seed_default_library,
)
from recovery_journal.services.session import JournalSession


def test_every_default_has_plain_steps_and_a_valid_category() -> None:
    defaults = load_default_library()
    assert len(defaults) >= 9
    for strategy in defaults:
        assert isinstance(strategy.category, CopingCategory)
        assert strategy.steps, strategy.name
        assert all(step.strip() for step in strategy.steps)
        assert all(len(step) < 160 for step in strategy.steps), "steps stay short"
        assert strategy.source is StrategySource.DEFAULT
        assert strategy.id is None
    names = [s.name for s in defaults]
    assert len(set(names)) == len(names)


def test_the_defaults_cover_every_category_and_the_named_strategies() -> None:
    defaults = load_default_library()
    assert {s.category for s in defaults} == set(CopingCategory)
    names = " | ".join(s.name.casefold() for s in defaults)
    for wanted in (
        "5-4-3-2-1", "box breathing", "progressive muscle relaxation", "walk", "write",
        "support list", "meeting", "urge surfing", "opposite action",
    ):  # fmt: skip
        assert wanted in names


def test_the_file_declares_its_format_and_version() -> None:
    data = json.loads(read_resource_text("coping_library.json"))
    assert data["format"] == "recovery-journal-coping-library"
    assert data["version"] == 1


def test_guided_modes_are_found_by_the_default_names() -> None:
    assert guided_kind_for("Box breathing") == "breathing"
    assert guided_kind_for("  5-4-3-2-1 GROUNDING ") == "grounding"
    assert guided_kind_for("Go for a walk") is None


@pytest.mark.parametrize(
    "text",
    [
        "[]",
        '{"format": "something else", "version": 1, "strategies": []}',
        '{"format": "recovery-journal-coping-library", "version": 99, "strategies": []}',
        '{"format": "recovery-journal-coping-library", "version": 1, "strategies": []}',
        '{"format": "recovery-journal-coping-library", "version": 1,'
        ' "strategies": [{"name": "x", "category": "nonsense"}]}',
    ],
)
def test_a_malformed_library_is_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_library(text)


def test_seeding_adds_the_defaults_once(journal: JournalSession) -> None:
    added = seed_default_library(journal)
    assert added == len(load_default_library())
    stored = journal.coping.strategies.list()
    assert len(stored) == added
    assert all(s.source is StrategySource.DEFAULT and s.id is not None for s in stored)
    assert seed_default_library(journal) == 0
    assert journal.coping.strategies.count() == added


def test_seeding_leaves_a_journal_with_its_own_strategies_alone(journal: JournalSession) -> None:
    own = journal.coping.strategies.add(CopingStrategy("Play guitar", CopingCategory.CREATIVE))
    journal.coping.strategies.archive(own.id or 0)  # archived ones are still the person's
    assert seed_default_library(journal) == 0
    assert journal.coping.strategies.count() == 1


def test_seeded_defaults_are_editable_like_any_strategy(journal: JournalSession) -> None:
    seed_default_library(journal)
    walk = next(s for s in journal.coping.strategies.list() if "walk" in s.name.casefold())
    changed = journal.coping.strategies.update(
        dataclasses.replace(walk, name="Walk to the park", favourite=True)
    )
    assert changed.name == "Walk to the park"
    assert changed.favourite
    assert seed_default_library(journal) == 0
