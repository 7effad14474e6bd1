"""Anchored scales: validation and the words beside each number."""

from __future__ import annotations

import pytest

from recovery_journal.domain.scales import ALL_SCALES, DISTRESS, HELPFULNESS, MOOD
from recovery_journal.errors import ValidationError


def test_every_scale_has_words_at_both_ends() -> None:
    for scale in ALL_SCALES:
        points = [p for p, _ in scale.anchors]
        assert points[0] == scale.low and points[-1] == scale.high, scale.key
        assert points == sorted(points)


def test_label_is_the_nearest_anchor_below() -> None:
    assert MOOD.label(0) == "the worst I can imagine"
    assert MOOD.label(6) == "okay"
    assert MOOD.label(10) == "the best I can imagine"


def test_only_the_bottom_itself_reads_as_the_bottom_words() -> None:
    assert MOOD.label(1) == "very low" != MOOD.label(0)
    assert DISTRESS.label(1) == "mild"
    for scale in ALL_SCALES:
        assert scale.label(scale.low + 1) != scale.label(scale.low), scale.key


@pytest.mark.parametrize("value", [-1, 11, 3.5, True, "5"])
def test_out_of_range_or_wrong_type_is_refused(value: object) -> None:
    with pytest.raises(ValidationError):
        MOOD.validate(value)  # type: ignore[arg-type]


def test_helpfulness_runs_from_one_to_five() -> None:
    assert list(HELPFULNESS.values) == [1, 2, 3, 4, 5]
    with pytest.raises(ValidationError):
        HELPFULNESS.validate(0)
