"""Starter lists: common triggers and early warning signs a new person may pick from.

The lists live in ``resources/starter_lists.json`` (HALT — hungry, angry, lonely, tired — payday,
being alone, anniversaries, seeing alcohol…; sleeping badly, isolating, skipping meetings…). They
are only ever *offered*: the person ticks what fits and :class:`StarterService` adds exactly those,
skipping any name already in their list (archived ones included), in one transaction.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from typing import Any

from recovery_journal.domain.tracking import Trigger, TriggerCategory, WarningSign, WarningStage
from recovery_journal.resources_path import read_resource_text
from recovery_journal.services.unit_of_work import UnitOfWork
from recovery_journal.storage.repositories import TRIGGERS, WARNING_SIGNS

STARTER_FILE = "starter_lists.json"
STARTER_FORMAT = "recovery-journal-starter-lists"
STARTER_VERSION = 1


@dataclass(frozen=True, slots=True)
class StarterLists:
    """The common triggers and warning signs, in the file's order."""

    triggers: tuple[Trigger, ...]
    signs: tuple[WarningSign, ...]


def _entries(data: dict[str, Any], key: str) -> list[dict[str, Any]]:
    entries = data.get(key)
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise ValueError(f"{key} must be a list of objects")
    return entries


def parse_starters(raw: str) -> StarterLists:
    """The lists of a starter file (``ValueError`` if it is not one)."""
    data = json.loads(raw)
    if not isinstance(data, dict) or data.get("format") != STARTER_FORMAT:
        raise ValueError("not a starter-lists file")
    if data.get("version") != STARTER_VERSION:
        raise ValueError(f"unsupported starter-lists version {data.get('version')!r}")
    triggers = tuple(
        Trigger(str(e["name"]), TriggerCategory(e["category"]), str(e.get("notes", "")))
        for e in _entries(data, "triggers")
    )
    signs = tuple(
        WarningSign(str(e["name"]), WarningStage(e["stage"]), str(e.get("notes", "")))
        for e in _entries(data, "warning_signs")
    )
    return StarterLists(triggers, signs)


@cache
def starter_lists() -> StarterLists:
    """The shipped starter lists (read once)."""
    return parse_starters(read_resource_text(STARTER_FILE))


def _key(name: str) -> str:
    return " ".join(name.casefold().split())


@dataclass(frozen=True, slots=True)
class StarterChoices:
    """What to offer: the starters whose names the person doesn't have yet."""

    triggers: list[Trigger]
    signs: list[WarningSign]


class StarterService:
    """Offer the starter lists (minus what is already there) and add the ones picked."""

    def __init__(self, uow: UnitOfWork) -> None:
        self._uow = uow

    def choices(self) -> StarterChoices:
        lists = starter_lists()
        with self._uow.transaction() as s:
            have_triggers = {_key(t.name) for t in TRIGGERS.active(s, include_archived=True)}
            have_signs = {_key(g.name) for g in WARNING_SIGNS.active(s, include_archived=True)}
        return StarterChoices(
            [t for t in lists.triggers if _key(t.name) not in have_triggers],
            [g for g in lists.signs if _key(g.name) not in have_signs],
        )

    def add_triggers(self, picked: list[Trigger]) -> list[Trigger]:
        """Add the picked triggers, skipping names already present; returns those added."""
        with self._uow.transaction() as s:
            have = {_key(t.name) for t in TRIGGERS.active(s, include_archived=True)}
            added = []
            for trigger in picked:
                if _key(trigger.name) not in have:
                    have.add(_key(trigger.name))
                    added.append(TRIGGERS.add(s, trigger))
            return added

    def add_signs(self, picked: list[WarningSign]) -> list[WarningSign]:
        """Add the picked warning signs, skipping names already present; returns those added."""
        with self._uow.transaction() as s:
            have = {_key(g.name) for g in WARNING_SIGNS.active(s, include_archived=True)}
            added = []
            for sign in picked:
                if _key(sign.name) not in have:
                    have.add(_key(sign.name))
                    added.append(WARNING_SIGNS.add(s, sign))
            return added
