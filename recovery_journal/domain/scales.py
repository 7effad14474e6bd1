"""Fixed, anchored scales: every number a person picks has words beside it.

Anchors follow common practice in self-report tools (0 = none/lowest, top = most), written to be
neutral and kind. The same scale objects validate input, label the UI and fix chart axes.
"""

from __future__ import annotations

from dataclasses import dataclass

from recovery_journal.domain import validation


@dataclass(frozen=True, slots=True)
class Scale:
    """A closed integer scale with labelled anchor points."""

    key: str
    title: str
    low: int
    high: int
    anchors: tuple[tuple[int, str], ...]

    def validate(self, value: int | None, field: str | None = None) -> int | None:
        return validation.int_range(field or self.key, value, self.low, self.high)

    def label(self, value: int) -> str:
        """The nearest anchor's words at or below ``value`` (e.g. 6 → 'okay'), except that the
        bottom anchor names the bottom alone: mood 1 is "very low", not "the worst I can
        imagine" like 0 (the values above it and below the next anchor take the next words)."""
        self.validate(value)
        if value > self.low and len(self.anchors) > 1:
            best = self.anchors[1][1]
        else:
            best = self.anchors[0][1]
        for point, words in self.anchors[1:]:
            if point <= value:
                best = words
        return best

    @property
    def values(self) -> range:
        return range(self.low, self.high + 1)


MOOD = Scale(
    "mood",
    "Mood",
    0,
    10,
    (
        (0, "the worst I can imagine"),
        (2, "very low"),
        (4, "low"),
        (5, "okay"),
        (7, "good"),
        (9, "very good"),
        (10, "the best I can imagine"),
    ),
)
ANXIETY = Scale(
    "anxiety",
    "Anxiety",
    0,
    10,
    ((0, "calm"), (3, "a little uneasy"), (5, "anxious"), (7, "very anxious"), (10, "panic")),
)
ENERGY = Scale(
    "energy",
    "Energy",
    0,
    10,
    ((0, "exhausted"), (3, "low"), (5, "steady"), (7, "energetic"), (10, "restless, wired")),
)
DISTRESS = Scale(
    "distress",
    "Distress",
    0,
    10,
    (
        (0, "none"),
        (2, "mild"),
        (4, "moderate"),
        (6, "strong"),
        (8, "severe"),
        (10, "the most I can imagine"),
    ),
)
INTENSITY = Scale(
    "intensity",
    "Intensity",
    0,
    10,
    ((0, "barely"), (3, "mild"), (5, "moderate"), (7, "strong"), (10, "overwhelming")),
)
HELPFULNESS = Scale(
    "helpfulness",
    "How much it helped",
    1,
    5,
    ((1, "not at all"), (2, "a little"), (3, "somewhat"), (4, "a lot"), (5, "very much")),
)
SLEEP_QUALITY = Scale(
    "sleep_quality",
    "Sleep quality",
    1,
    5,
    ((1, "very poor"), (2, "poor"), (3, "fair"), (4, "good"), (5, "very good")),
)
ALL_SCALES = (MOOD, ANXIETY, ENERGY, DISTRESS, INTENSITY, HELPFULNESS, SLEEP_QUALITY)
