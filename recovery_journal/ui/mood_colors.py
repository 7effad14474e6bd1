"""Mood colours: a colour-blind-safe diverging scale, always drawn together with the number.

Colours come from ColorBrewer's RdYlBu (safe for the common colour-vision deficiencies); low moods
are a warm, muted orange rather than an alarming red. Colour never carries meaning alone: every
place that paints a mood also shows its number.
"""

from __future__ import annotations

from PySide6.QtGui import QColor

# 0 … 10, from low (warm) to high (cool).
_SCALE = (
    "#d7301f",
    "#e8603c",
    "#f4874b",
    "#fdae61",
    "#fed18b",
    "#f7f4c6",
    "#d8eef4",
    "#abd9e9",
    "#84bddb",
    "#5f98c9",
    "#4575b4",
)


def mood_color(mood: int) -> QColor:
    return QColor(_SCALE[max(0, min(10, mood))])


def text_color_on(background: QColor) -> QColor:
    """Black or white, whichever reads better on ``background``."""
    luminance = 0.299 * background.red() + 0.587 * background.green() + 0.114 * background.blue()
    return QColor("#111111") if luminance > 140 else QColor("#ffffff")
