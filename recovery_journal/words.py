"""The words shown for the stable codes the journal stores: the one place they live.

The database and the export hold codes (``breaking_down``); what a person reads is here, marked
for translation (the context ``"words"``) and translated when shown through :func:`label` and the
other helpers. Rewording one is a change to this file only.

The screens (``ui``), the printed pages (``report``), the charts and the command line all say
these words, so the module sits below all of them (the layers in pyproject.toml). It imports Qt
only to translate, and only when Qt is already loaded: the command line and the chart builders
stay free of Qt, and until a translation is installed the text is its own translation.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from enum import Enum
from typing import Any

from recovery_journal.domain.coping import CopingCategory, StrategySource
from recovery_journal.domain.measures import MeasureKind
from recovery_journal.domain.progress import DayConvention, MilestoneKind
from recovery_journal.domain.support import ContactRole, SafetyStep
from recovery_journal.domain.tracking import TriggerCategory, WarningStage

CONTEXT = "words"


def _t(text: str) -> str:
    """Marks ``text`` for translation (Qt's QT_TRANSLATE_NOOP is the same identity)."""
    return text


TRIGGER_CATEGORIES: dict[TriggerCategory, str] = {
    TriggerCategory.PEOPLE: _t("People"),
    TriggerCategory.PLACES: _t("Places"),
    TriggerCategory.SITUATIONS: _t("Situations"),
    TriggerCategory.SENSORY: _t("Sensory (sounds, smells, sights)"),
    TriggerCategory.DATES: _t("Dates and anniversaries"),
    TriggerCategory.INTERNAL: _t("Internal states (thoughts, feelings)"),
    TriggerCategory.HALT: _t("HALT — hungry, angry, lonely, tired"),
    TriggerCategory.OTHER: _t("Other"),
}
WARNING_STAGES: dict[WarningStage, str] = {
    WarningStage.EARLY: _t("Early signs"),
    WarningStage.BREAKING_DOWN: _t("Things are breaking down"),
    WarningStage.CRISIS: _t("Crisis"),
}
STAGE_EXPLANATIONS: dict[WarningStage, str] = {
    WarningStage.EARLY: _t(
        "Small changes you tend to notice first — when there is most room to act."
    ),
    WarningStage.BREAKING_DOWN: _t(
        "Things are getting harder to manage — a good moment to use your plan and reach out."
    ),
    WarningStage.CRISIS: _t("You may need others now — your safety plan and the people on it."),
}
# A stage as a target of the coping plan: its name in the list, and the plan's sentence.
STAGE_TARGETS: dict[WarningStage, tuple[str, str]] = {
    WarningStage.EARLY: (_t("Early warning signs"), _t("If I notice early warning signs…")),
    WarningStage.BREAKING_DOWN: (
        _t("Things are breaking down"),
        _t("If I notice signs that things are breaking down…"),
    ),
    WarningStage.CRISIS: (_t("Crisis signs"), _t("If I notice crisis signs…")),
}
COPING_CATEGORIES: dict[CopingCategory, str] = {
    CopingCategory.GROUNDING: _t("Grounding"),
    CopingCategory.RELAXATION: _t("Relaxation"),
    CopingCategory.PHYSICAL: _t("Physical"),
    CopingCategory.CREATIVE: _t("Creative"),
    CopingCategory.SOCIAL: _t("Social and peer support"),
    CopingCategory.COGNITIVE: _t("Thinking it through"),
    CopingCategory.PROFESSIONAL: _t("Professional help"),
    CopingCategory.DISTRACTION: _t("Distraction"),
}
STRATEGY_SOURCES: dict[StrategySource, str] = {
    StrategySource.DEFAULT: _t("From the app's library"),
    StrategySource.OWN: _t("My own"),
    StrategySource.PEER_MEETING: _t("Learned at a peer meeting"),
}
CONTACT_ROLES: dict[ContactRole, str] = {
    ContactRole.PEER: _t("Peer"),
    ContactRole.GROUP: _t("Group"),
    ContactRole.SPONSOR: _t("Sponsor"),
    ContactRole.FRIEND: _t("Friend"),
    ContactRole.FAMILY: _t("Family"),
    ContactRole.THERAPIST: _t("Therapist"),
    ContactRole.PRESCRIBER: _t("Prescriber"),
    ContactRole.CRISIS_LINE: _t("Crisis line"),
    ContactRole.OTHER: _t("Other"),
}
SAFETY_STEPS: dict[SafetyStep, str] = {
    SafetyStep.WARNING_SIGNS: _t("My warning signs"),
    SafetyStep.INTERNAL_COPING: _t("Things I can do on my own"),
    SafetyStep.DISTRACTION: _t("People and places that take my mind off things"),
    SafetyStep.ASK_FOR_HELP: _t("People I can ask for help"),
    SafetyStep.PROFESSIONALS: _t("Professionals and crisis lines"),
    SafetyStep.SAFE_ENVIRONMENT: _t("Making my environment safer"),
    SafetyStep.REASONS_FOR_LIVING: _t("My reasons for living"),
}
STEP_HINTS: dict[SafetyStep, str] = {
    SafetyStep.WARNING_SIGNS: _t(
        "Thoughts, feelings, situations or habits that tell me a hard time may be starting."
    ),
    SafetyStep.INTERNAL_COPING: _t("Things I can do by myself to get through a difficult moment."),
    SafetyStep.DISTRACTION: _t(
        "People I can be around and places I can go that help me think about something else."
    ),
    SafetyStep.ASK_FOR_HELP: _t("People I can tell that I'm having a hard time."),
    SafetyStep.PROFESSIONALS: _t(
        "Who I can contact for professional help, including crisis lines for where I live."
    ),
    SafetyStep.SAFE_ENVIRONMENT: _t(
        "What I can do to make where I am safer, for example asking someone to keep things I "
        "could hurt myself with."
    ),
    SafetyStep.REASONS_FOR_LIVING: _t("What matters most to me and is worth staying safe for."),
}
MILESTONE_KINDS: dict[MilestoneKind, str] = {
    MilestoneKind.ACHIEVEMENT: _t("Achievement"),
    MilestoneKind.FIRST: _t("A first"),
    MilestoneKind.ANNIVERSARY: _t("Anniversary"),
}
# The same kinds inside a sentence of the timeline ("… — a first").
MILESTONE_KINDS_IN_A_SENTENCE: dict[MilestoneKind, str] = {
    MilestoneKind.FIRST: _t("a first"),
    MilestoneKind.ACHIEVEMENT: _t("achievement"),
    MilestoneKind.ANNIVERSARY: _t("anniversary"),
}
DAY_CONVENTIONS: dict[DayConvention, str] = {
    DayConvention.DAY_ONE: _t("The start date is day 1"),
    DayConvention.DAY_ZERO: _t("The start date is day 0"),
}
MEASURE_KINDS: dict[MeasureKind, str] = {
    MeasureKind.SCALE: _t("A scale from 0 to 10"),
    MeasureKind.YES_NO: _t("Yes or no"),
    MeasureKind.NUMBER: _t("A number (with a unit)"),
}

# Every stored enumeration and its words (tests/ui/test_words.py checks that none is missing).
STORED: tuple[Mapping[Any, str], ...] = (
    TRIGGER_CATEGORIES,
    WARNING_STAGES,
    COPING_CATEGORIES,
    STRATEGY_SOURCES,
    CONTACT_ROLES,
    SAFETY_STEPS,
    MILESTONE_KINDS,
    DAY_CONVENTIONS,
    MEASURE_KINDS,
)
_LABELS: dict[Enum, str] = {code: text for table in STORED for code, text in table.items()}


def tr(text: str) -> str:
    """A word of this module, translated (the text itself until a translation is installed, and
    wherever Qt is not loaded)."""
    if "PySide6.QtCore" not in sys.modules:
        return text
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate(CONTEXT, text)


def label(code: Enum) -> str:
    """The word shown for a stored code, translated."""
    return tr(_LABELS[code])


def word_for(kind: type[Enum], code: str) -> str:
    """The word for a code read back as text (aggregates and reports carry plain strings); an
    unknown code is shown as it is rather than failing."""
    try:
        return label(kind(code))
    except (ValueError, KeyError):
        return code


def stage_explanation(stage: WarningStage) -> str:
    return tr(STAGE_EXPLANATIONS[stage])


def stage_target(stage: WarningStage) -> tuple[str, str]:
    name, sentence = STAGE_TARGETS[stage]
    return tr(name), tr(sentence)


def step_hint(step: SafetyStep) -> str:
    return tr(STEP_HINTS[step])


def kind_in_a_sentence(kind: MilestoneKind) -> str:
    return tr(MILESTONE_KINDS_IN_A_SENTENCE[kind])


FACTOR_STAGES = {
    "early": _t("early warning signs"),
    "breaking_down": _t("warning signs that things are breaking down"),
    "crisis": _t("crisis-stage warning signs"),
}

# An own measure as a pattern factor (storage.insight_numbers names the kinds; the days it counts
# are domain.measures.factor_days).
MEASURE_FACTORS = {
    "measure-scale": _t("“{name}” at 6 or more"),
    "measure-yes": _t("“{name}”: yes"),
    "measure-number": _t("any “{name}”"),
}


def factor_words(kind: str, factor: str) -> str:
    """How a pattern's factor reads inside a sentence ("#walk", "a trigger (people)",
    "using “Box breathing”", "under 6 hours of sleep") — the same on screen and on paper."""
    if kind == "tag":
        return f"#{factor}"
    if kind == "trigger-category":
        return tr("a trigger ({category})").format(
            category=word_for(TriggerCategory, factor).lower()
        )
    if kind == "coping":
        return tr("using “{strategy}”").format(strategy=factor)
    if kind == "sleep":
        return tr("under 6 hours of sleep")
    if kind == "meeting":
        return tr("a peer meeting")
    if kind in MEASURE_FACTORS:
        return tr(MEASURE_FACTORS[kind]).format(name=factor)
    return tr(FACTOR_STAGES.get(factor, factor))
