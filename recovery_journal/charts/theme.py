"""How charts look: light or dark, the base font size, and the colour-blind-safe palette.

Colours come from Okabe & Ito's palette (distinguishable with every common colour-vision
deficiency), and every series also has a second encoding (marker, line style or hatch), so no
meaning rests on colour alone. Slips are drawn in a neutral grey, never red: a learning point.

The print theme (``ink=True``) is for paper, which is often black and white: white background,
black ink and greys only, the second encodings (markers, line styles, direct labels) carrying
what colour carries on screen; no hatching (QtSvg draws pattern fills slowly, see
docs/BENCHMARKS.md). ``width`` and ``height_scale`` fit the figure to a printed page.
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
INK = {
    "orange": "#555555",
    "sky": "#b3b3b3",
    "green": "#8c8c8c",
    "yellow": "#dddddd",
    "blue": "#000000",
    "vermillion": "#404040",
    "purple": "#262626",
    "grey": "#999999",
}
"""The palette in greys for paper: the mean line black, the rolling mean (dashed) dark grey."""
INK_SERIES = (
    "#262626",
    "#a6a6a6",
    "#595959",
    "#d0d0d0",
    "#000000",
    "#8c8c8c",
    "#404040",
    "#bfbfbf",
)
"""Stacked categories on paper: neighbours alternate dark and light, none near the paper's white."""
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
    ink: bool = False  # print: white paper, black ink, greys (``dark`` is ignored)
    width: float | None = None  # inches; None: each chart's own width
    height_scale: float = 1.0

    def _pick(self, dark: str, light: str, ink: str) -> str:
        return ink if self.ink else dark if self.dark else light

    @property
    def background(self) -> str:
        return self._pick("#1f2227", "#ffffff", "#ffffff")

    @property
    def foreground(self) -> str:
        return self._pick("#e8e6e3", "#1d1d1f", "#000000")

    @property
    def muted(self) -> str:
        return self._pick("#9aa0a6", "#6b6b6b", "#4d4d4d")

    @property
    def grid(self) -> str:
        return self._pick("#3a3f47", "#e4e1db", "#d9d9d9")

    @property
    def neutral(self) -> str:
        """Slips and other learning points: a calm grey, never red."""
        return self._pick("#b0b4ba", "#7a7f87", "#808080")

    @property
    def band(self) -> str:
        return self._pick("#2d4a66", "#cfe3f3", "#d4d4d4")

    @property
    def phase_tints(self) -> tuple[str, str]:
        if self.ink:
            return ("#f7f7f7", "#ebebeb")
        return ("#2a2f37", "#323842") if self.dark else ("#f6f3ec", "#ece8df")

    @property
    def heat_map(self) -> str:
        """The colour map of counts (weekday × time of day): even in lightness either way."""
        return "Greys" if self.ink else "cividis"

    def colour(self, name: str) -> str:
        return INK[name] if self.ink else OKABE_ITO[name]

    def series(self, index: int) -> str:
        if self.ink:
            return INK_SERIES[index % len(INK_SERIES)]
        return OKABE_ITO[SERIES[index % len(SERIES)]]

    def hatch(self, index: int) -> str:
        """The second encoding of stacked categories on screen; on paper the greys alternate and
        the legend names them (pattern fills are slow to print)."""
        return "" if self.ink else HATCHES[index % len(HATCHES)]

    @property
    def small(self) -> float:
        return max(self.font_size * 0.85, 6.0)
