"""The person's own daily measures: what they chose to track, and one value per measure per day.

A measure is a 0–10 scale (craving), a yes/no (took my medication, went to a meeting) or a
number with a unit (drinks, cigarettes, money spent). Its kind is fixed once values exist (a
stored 7 means something else on a yes/no); renaming and archiving keep every value. A day holds
at most one value per measure — the check-in sets it, setting it again replaces it.

Values are stored as numbers: a scale's whole number 0–10, a yes/no as 1 (yes) or 0 (no), a
number as itself (0 up to :data:`MAX_NUMBER`, decimals allowed: money).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum

from recovery_journal.domain import validation
from recovery_journal.domain.scales import Scale
from recovery_journal.errors import ValidationError

MAX_UNIT = 40
MAX_NUMBER = 1_000_000.0
SCALE_HIGH_FROM = 6
"""A scale value counts as "high" from here (above the middle of 0–10), as an insights factor."""

OWN_SCALE = Scale(
    "value",
    "Own scale",
    0,
    10,
    ((0, "none"), (1, "a little"), (4, "some"), (7, "strong"), (10, "as strong as it gets")),
)
"""The anchors of every own 0–10 scale (the person names the scale, the words stay neutral)."""


class MeasureKind(Enum):
    SCALE = "scale"
    YES_NO = "yes_no"
    NUMBER = "number"


@dataclass(frozen=True, slots=True)
class Measure:
    """One daily measure the person defined: its name, kind, unit (numbers only) and place."""

    name: str
    kind: MeasureKind = MeasureKind.SCALE
    unit: str = ""
    position: int = 0
    id: int | None = None
    created_utc: datetime | None = None
    archived_utc: datetime | None = None

    def __post_init__(self) -> None:
        validation.name("name", self.name)
        if not isinstance(self.kind, MeasureKind):
            raise ValidationError("kind", "A measure is a scale, a yes/no or a number.")
        validation.text("unit", self.unit, max_len=MAX_UNIT)
        if self.unit and self.kind is not MeasureKind.NUMBER:
            raise ValidationError("unit", "Only a number has a unit.")
        validation.int_range("position", self.position, 0, 10_000)
        validation.aware("created_utc", self.created_utc)
        validation.aware("archived_utc", self.archived_utc)

    def check(self, value: float) -> float:
        """``value`` if it fits this measure, else a ValidationError naming the measure's kind
        (never its name: messages carry no journal content)."""
        if isinstance(value, bool) or not isinstance(value, int | float) or math.isnan(value):
            raise ValidationError("value", "A measure's value must be a number.")
        if self.kind is MeasureKind.SCALE and not (0 <= value <= 10 and value == int(value)):
            raise ValidationError("value", "A scale's value is a whole number from 0 to 10.")
        if self.kind is MeasureKind.YES_NO and value not in (0, 1):
            raise ValidationError("value", "A yes/no value is 1 (yes) or 0 (no).")
        if self.kind is MeasureKind.NUMBER and not 0 <= value <= MAX_NUMBER:
            raise ValidationError("value", f"A number is from 0 to {MAX_NUMBER:,.0f}.")
        return float(value)


@dataclass(frozen=True, slots=True)
class MeasureValue:
    """A measure's value on one local day."""

    measure_id: int
    local_date: date
    value: float
    updated_utc: datetime | None = None
    id: int | None = None

    def __post_init__(self) -> None:
        validation.a_date("local_date", self.local_date)
        validation.float_range("value", self.value, 0, MAX_NUMBER)
        validation.aware("updated_utc", self.updated_utc)


@dataclass(frozen=True, slots=True)
class DayValues:
    """The measures offered on one day (active ones, and archived ones that have a value that
    day) with that day's values (measure id → value; absent: not recorded)."""

    day: date
    measures: tuple[Measure, ...]
    values: dict[int, float]


OUTCOME_KINDS = (MeasureKind.SCALE, MeasureKind.NUMBER)
"""The kinds of measure that can be an Insights outcome ("what seems to go with lower craving").
A yes/no is left out: it is something done or not (a factor), and as an outcome its mean would be
a share of days, which with three days a side says next to nothing and reads as a score."""


def factor_days(measure: Measure, values: list[tuple[date, float]]) -> set[date]:
    """The days a measure counts as a pattern factor: a yes, a scale from
    :data:`SCALE_HIGH_FROM`, a number above 0 ("any")."""
    if measure.kind is MeasureKind.SCALE:
        return {d for d, v in values if v >= SCALE_HIGH_FROM}
    return {d for d, v in values if v > 0}
