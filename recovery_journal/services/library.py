"""The default coping library: a small, editable starting set for a new journal.

The strategies live in ``resources/coping_library.json`` (plain words, short steps, no medical
claims). :func:`seed_default_library` copies them into a journal that has no strategies yet, once;
after that they are the person's own to edit, star or archive. A few defaults have a guided mode
inside the app (``"guided": "breathing"`` or ``"grounding"``); :func:`guided_kind_for` tells which.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from typing import Any

from recovery_journal.domain.coping import CopingCategory, CopingStrategy, StrategySource
from recovery_journal.resources_path import read_resource_text
from recovery_journal.services.unit_of_work import UnitOfWork
from recovery_journal.storage.repositories import STRATEGIES

LIBRARY_FILE = "coping_library.json"
LIBRARY_FORMAT = "recovery-journal-coping-library"
LIBRARY_VERSION = 1
GUIDED_KINDS = ("breathing", "grounding")


@dataclass(frozen=True, slots=True)
class DefaultStrategy:
    """One entry of the default library, with the guided mode it has (if any)."""

    strategy: CopingStrategy
    guided: str | None = None


def _parse_entry(raw: Any) -> DefaultStrategy:
    if not isinstance(raw, dict):
        raise ValueError("a library entry must be an object")
    steps = raw.get("steps", [])
    if not isinstance(steps, list) or not all(isinstance(s, str) for s in steps):
        raise ValueError("steps must be a list of strings")
    guided = raw.get("guided")
    if guided is not None and guided not in GUIDED_KINDS:
        raise ValueError(f"unknown guided mode {guided!r}")
    strategy = CopingStrategy(
        str(raw["name"]),
        CopingCategory(raw["category"]),
        tuple(steps),
        bool(raw.get("favourite", False)),
        StrategySource.DEFAULT,
    )
    return DefaultStrategy(strategy, guided)


def parse_library(raw: str) -> tuple[DefaultStrategy, ...]:
    """The entries of a coping-library file (``ValueError`` if it is not one)."""
    data = json.loads(raw)
    if not isinstance(data, dict) or data.get("format") != LIBRARY_FORMAT:
        raise ValueError("not a coping library file")
    if data.get("version") != LIBRARY_VERSION:
        raise ValueError(f"unsupported coping library version {data.get('version')!r}")
    entries = tuple(_parse_entry(item) for item in data.get("strategies", []))
    if not entries:
        raise ValueError("the coping library holds no strategies")
    return entries


@cache
def default_entries() -> tuple[DefaultStrategy, ...]:
    """The shipped library (read once per process)."""
    return parse_library(read_resource_text(LIBRARY_FILE))


def load_default_library() -> list[CopingStrategy]:
    """The default strategies, ready to add to a journal (``source`` is DEFAULT, no ids)."""
    return [entry.strategy for entry in default_entries()]


def default_for_guided(kind: str) -> CopingStrategy:
    """The default strategy that ``kind`` ("breathing" or "grounding") guides."""
    for entry in default_entries():
        if entry.guided == kind:
            return entry.strategy
    raise KeyError(kind)


def guided_kind_for(name: str) -> str | None:
    """Which guided mode fits a strategy called ``name`` (matched on the default names)."""
    wanted = name.strip().casefold()
    for entry in default_entries():
        if entry.guided is not None and entry.strategy.name.casefold() == wanted:
            return entry.guided
    return None


def seed_default_library(session: UnitOfWork) -> int:
    """Add the defaults to a journal that has no strategies yet (archived ones count).

    Checking and adding happen in one transaction, so seeding twice — even from two places at
    once — adds them once. Returns how many strategies were added (0 when there already were some).
    """
    defaults = load_default_library()
    with session.transaction() as s:
        if STRATEGIES.count(s) > 0:
            return 0
        for strategy in defaults:
            STRATEGIES.add(s, strategy)
    return len(defaults)
