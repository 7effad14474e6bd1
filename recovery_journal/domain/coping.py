"""The coping toolbox: strategies, plans ("if this, I will try these") and what helped."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum

from recovery_journal.domain import validation
from recovery_journal.domain.scales import DISTRESS, HELPFULNESS
from recovery_journal.domain.tracking import WarningStage
from recovery_journal.errors import ValidationError


class CopingCategory(Enum):
    GROUNDING = "grounding"
    RELAXATION = "relaxation"
    PHYSICAL = "physical"
    CREATIVE = "creative"
    SOCIAL = "social"
    COGNITIVE = "cognitive"
    PROFESSIONAL = "professional"
    DISTRACTION = "distraction"


class StrategySource(Enum):
    DEFAULT = "default"
    OWN = "own"
    PEER_MEETING = "peer_meeting"


@dataclass(frozen=True, slots=True)
class CopingStrategy:
    """Something the person can do, with short plain steps."""

    name: str
    category: CopingCategory
    steps: tuple[str, ...] = ()
    favourite: bool = False
    source: StrategySource = StrategySource.OWN
    id: int | None = None
    created_utc: datetime | None = None
    archived_utc: datetime | None = None

    def __post_init__(self) -> None:
        validation.name("name", self.name)
        object.__setattr__(self, "steps", tuple(validation.text("step", s) for s in self.steps))


@dataclass(frozen=True, slots=True)
class CopingUse:
    """One time a strategy was tried, with distress before/after and how much it helped."""

    strategy_id: int
    used_utc: datetime
    local_date: date
    distress_before: int | None = None
    distress_after: int | None = None
    helpfulness: int | None = None
    trigger_event_id: int | None = None
    note: str = ""
    id: int | None = None

    def __post_init__(self) -> None:
        validation.aware("used_utc", self.used_utc)
        DISTRESS.validate(self.distress_before, "distress_before")
        DISTRESS.validate(self.distress_after, "distress_after")
        HELPFULNESS.validate(self.helpfulness)
        validation.text("note", self.note)

    @property
    def distress_drop(self) -> int | None:
        if self.distress_before is None or self.distress_after is None:
            return None
        return self.distress_before - self.distress_after


@dataclass(frozen=True, slots=True)
class CopingPlanItem:
    """'If <trigger | warning-sign stage>, I will try <strategy>' at a position in the list."""

    strategy_id: int
    position: int = 0
    trigger_id: int | None = None
    warning_stage: WarningStage | None = None
    id: int | None = None

    def __post_init__(self) -> None:
        if (self.trigger_id is None) == (self.warning_stage is None):
            raise ValidationError(
                "plan", "A plan step is for exactly one trigger or one warning-sign stage."
            )
        validation.int_range("position", self.position, 0, 10_000)


@dataclass(frozen=True, slots=True)
class PlanTarget:
    """What a plan is for: one trigger, or one warning-sign stage (exactly one of them)."""

    trigger_id: int | None = None
    stage: WarningStage | None = None

    def __post_init__(self) -> None:
        if (self.trigger_id is None) == (self.stage is None):
            raise ValidationError(
                "plan", "A plan is for exactly one trigger or one warning-sign stage."
            )

    def item(self, strategy_id: int, position: int) -> CopingPlanItem:
        return CopingPlanItem(strategy_id, position, self.trigger_id, self.stage)

    @staticmethod
    def of(item: CopingPlanItem) -> PlanTarget:
        return PlanTarget(item.trigger_id, item.warning_stage)
