"""The safety plan (Stanley-Brown steps), the support network and peer-support meetings."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum

from recovery_journal.domain import validation


class SafetyStep(Enum):
    """The seven steps of the Stanley-Brown safety plan, in order."""

    WARNING_SIGNS = "warning_signs"
    INTERNAL_COPING = "internal_coping"
    DISTRACTION = "distraction"
    ASK_FOR_HELP = "ask_for_help"
    PROFESSIONALS = "professionals"
    SAFE_ENVIRONMENT = "safe_environment"
    REASONS_FOR_LIVING = "reasons_for_living"


class ContactRole(Enum):
    PEER = "peer"
    GROUP = "group"
    SPONSOR = "sponsor"
    FRIEND = "friend"
    FAMILY = "family"
    THERAPIST = "therapist"
    PRESCRIBER = "prescriber"
    CRISIS_LINE = "crisis_line"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class SafetyPlanItem:
    """One line of the safety plan under one step."""

    step: SafetyStep
    text: str
    position: int = 0
    id: int | None = None
    updated_utc: datetime | None = None

    def __post_init__(self) -> None:
        validation.text("text", self.text, required=True, max_len=2000)


@dataclass(frozen=True, slots=True)
class SupportContact:
    """Someone (or a line) the person can reach, and how."""

    name: str
    role: ContactRole
    reach: str = ""
    safety_step: SafetyStep | None = None
    notes: str = ""
    id: int | None = None
    created_utc: datetime | None = None
    archived_utc: datetime | None = None

    def __post_init__(self) -> None:
        validation.name("name", self.name)
        validation.text("reach", self.reach, max_len=1000)
        validation.text("notes", self.notes)


@dataclass(frozen=True, slots=True)
class PeerMeeting:
    """A peer-support meeting: which group, when, what resonated, what was learned."""

    group_name: str
    local_date: date
    resonated: str = ""
    strategies_learned: tuple[str, ...] = ()
    id: int | None = None
    created_utc: datetime | None = None

    def __post_init__(self) -> None:
        validation.name("group_name", self.group_name)
        validation.a_date("local_date", self.local_date)
        validation.text("resonated", self.resonated)
        object.__setattr__(
            self,
            "strategies_learned",
            tuple(validation.name("strategy", s) for s in self.strategies_learned),
        )


def _words(text: str) -> str:
    return " " + " ".join(re.findall(r"\w+", text.casefold())) + " "


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def names_contact(line: str, contact: SupportContact) -> bool:
    """Whether a typed safety-plan line is about this contact: it names them (whole words,
    any case) or carries their phone number."""
    if _words(contact.name).strip() and _words(contact.name) in _words(line):
        return True
    number = _digits(contact.reach)
    return len(number) >= 6 and number in _digits(line)


def contacts_not_in_lines(
    lines: Sequence[str], contacts: Sequence[SupportContact]
) -> list[SupportContact]:
    """The contacts no typed line already lists, so a plan never names a person twice."""
    return [c for c in contacts if not any(names_contact(line, c) for line in lines)]
