"""Own measures as domain values: kinds, units, and which values fit which kind."""

from __future__ import annotations

from datetime import date

import pytest

from recovery_journal.domain.insights import MOOD, Outcome
from recovery_journal.domain.measures import (
    Measure,
    MeasureKind,
    MeasureValue,
    factor_days,
)
from recovery_journal.errors import ValidationError


def test_a_measure_needs_a_name_and_only_a_number_has_a_unit() -> None:
    assert Measure("Drinks", MeasureKind.NUMBER, "drinks").unit == "drinks"
    with pytest.raises(ValidationError):
        Measure("  ")
    with pytest.raises(ValidationError):
        Measure("Craving", MeasureKind.SCALE, "points")
    with pytest.raises(ValidationError):
        Measure("Money", MeasureKind.NUMBER, "x" * 41)


@pytest.mark.parametrize(
    ("kind", "good", "bad"),
    [
        (MeasureKind.SCALE, [0, 7, 10, 3.0], [-1, 11, 2.5]),
        (MeasureKind.YES_NO, [0, 1], [2, 0.5]),
        (MeasureKind.NUMBER, [0, 2.75, 1_000_000], [-1, 1_000_001]),
    ],
)
def test_values_are_checked_against_the_kind(
    kind: MeasureKind, good: list[float], bad: list[float]
) -> None:
    measure = Measure("SECRET-NAME", kind)
    for value in good:
        assert measure.check(value) == float(value)
    for value in [*bad, float("nan"), True]:
        with pytest.raises(ValidationError) as refused:
            measure.check(value)
        assert "SECRET-NAME" not in refused.value.message


def test_a_value_belongs_to_a_day() -> None:
    with pytest.raises(ValidationError):
        MeasureValue(1, "2026-01-01", 3.0)  # type: ignore[arg-type]
    assert MeasureValue(1, date(2026, 1, 1), 3).value == 3


def test_factor_days_are_a_yes_a_high_scale_or_any_number() -> None:
    d1, d2, d3 = date(2026, 1, 1), date(2026, 1, 2), date(2026, 1, 3)
    values = [(d1, 0.0), (d2, 5.0), (d3, 6.0)]
    assert factor_days(Measure("c", MeasureKind.SCALE), values) == {d3}
    assert factor_days(Measure("m", MeasureKind.YES_NO), [(d1, 0.0), (d2, 1.0)]) == {d2}
    assert factor_days(Measure("n", MeasureKind.NUMBER), values) == {d2, d3}


def test_only_a_stored_scale_or_number_can_be_an_outcome() -> None:
    assert Outcome.of(Measure("Craving", id=3)) == Outcome("Craving", 3, MeasureKind.SCALE)
    drinks = Measure("Drinks", MeasureKind.NUMBER, "drinks", id=4)
    assert Outcome.of(drinks) == Outcome("Drinks", 4, MeasureKind.NUMBER, "drinks")
    assert Outcome.of(Measure("Took my medication", MeasureKind.YES_NO, id=5)) is None
    assert Outcome.of(Measure("Not saved yet")) is None
    found = Outcome.of(drinks)
    assert MOOD.is_mood and MOOD.name == "mood" and found is not None and not found.is_mood
