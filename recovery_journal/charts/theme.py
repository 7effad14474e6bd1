"""How charts look: light or dark, the base font size, and the colour-blind-safe palette.

Colours come from Okabe & Ito's palette (distinguishable with every common colour-vision
deficiency), and every series also has a second encoding (marker, line style or hatch), so no
meaning rests on colour alone. Slips are drawn in a neutral grey, never red: a learning point.
"""

from __future__ import annotations

from dataclasses import dataclass

OKABE_ITO = {
    "orange": "#E69F00",
    "sky": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
    "grey": "#999999",
}
SERIES = ("blue", "orange", "green", "purple", "sky", "vermillion", "yellow", "grey")
HATCHES = ("", "//", "..", "xx", "\\\\", "++", "oo", "--")
MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*")
STAGE_STYLE = {
    "early": ("sky", "o"),
    "breaking_down": ("orange", "s"),
    "crisis": ("purple", "^"),
}


@dataclass(frozen=True, slots=True)
class ChartTheme:
    """Light or dark, and the base font size in points (the app's text size setting)."""

    dark: bool = False
    font_size: float = 10.0

    @property
    def background(self) -> str:
        return "#1f2227" if self.dark else "#ffffff"

    @property
    def foreground(self) -> str:
        return "#e8e6e3" if self.dark else "#1d1d1f"

    @property
    def muted(self) -> str:
        return "#9aa0a6" if self.dark else "#6b6b6b"

    @property
    def grid(self) -> str:
        return "#3a3f47" if self.dark else "#e4e1db"

    @property
    def neutral(self) -> str:
        """Slips and other learning points: a calm grey, never red."""
        return "#b0b4ba" if self.dark else "#7a7f87"

    @property
    def band(self) -> str:
        return "#2d4a66" if self.dark else "#cfe3f3"

    @property
    def phase_tints(self) -> tuple[str, str]:
        return ("#2a2f37", "#323842") if self.dark else ("#f6f3ec", "#ece8df")

    def colour(self, name: str) -> str:
        return OKABE_ITO[name]

    def series(self, index: int) -> str:
        return OKABE_ITO[SERIES[index % len(SERIES)]]

    @property
    def small(self) -> float:
        return max(self.font_size * 0.85, 6.0)
