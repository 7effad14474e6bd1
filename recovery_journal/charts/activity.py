"""``triggers`` (events per week or month stacked by category, with mean intensity; weekday ×
time of day; in a file, the most frequent triggers too) and ``warning-signs`` (signs × weeks,
grouped by stage).

The most frequent triggers (name, times, mean intensity, last seen) are a table: the app and the
therapist summary show it as real text beside the figure (:func:`top_trigger_rows` in
``domain.insight_text``), selectable and read out; only a file that must stand alone (the
command line's ``chart``, "Save chart as…") draws it in the figure. matplotlib 3.11 lays out
and draws text a glyph at a time: the list (~330 glyphs) was over a quarter of drawing the chart."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from matplotlib.axes import Axes
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure
from matplotlib.ticker import FixedLocator, MaxNLocator
from matplotlib.transforms import (
    Affine2D,
    Affine2DBase,
    ScaledTranslation,
    blended_transform_factory,
)

from recovery_journal import words
from recovery_journal.charts.common import (
    date_axis,
    days_to_numbers,
    empty,
    legend,
    new_figure,
    style,
)
from recovery_journal.charts.theme import STAGE_STYLE, ChartTheme
from recovery_journal.domain.insight_text import triggers_sentence, warning_signs_sentence
from recovery_journal.domain.insights import TriggerSeries, WarningSeries
from recovery_journal.domain.scales import INTENSITY
from recovery_journal.domain.tracking import TriggerCategory, WarningStage

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
QUARTER_NAMES = ("night", "morning", "afternoon", "evening")


MAX_BARS = 20
"""More buckets than this are drawn as stacked areas: hundreds of hatched bars are slow to draw
and too thin to read."""


def _bar_width(data_days: int, monthly: bool) -> float:
    return 24.0 if monthly else 5.6


def _stacked_area(
    ax: Axes, x: np.ndarray, bottom: np.ndarray, heights: np.ndarray, **style: Any
) -> None:
    """One category's band of the stack: the polygon ``fill_between(x, bottom, bottom +
    heights, step="mid")`` makes (steps half-way between buckets), built with numpy —
    ``fill_between`` took a third of building the ten-year chart."""
    steps = np.repeat(x, 2)
    steps[1:-1] = np.repeat((x[:-1] + x[1:]) / 2, 2)
    low, high = np.repeat(bottom, 2), np.repeat(bottom + heights, 2)
    outline = np.concatenate(
        (
            [[steps[0], high[0]]],
            np.column_stack((steps, low)),
            [[steps[-1], high[-1]]],
            np.column_stack((steps[::-1], high[::-1])),
        )
    )
    ax.add_collection(PolyCollection([outline], linewidth=0.4, **style))


def _trigger_boxes(
    fig: Figure, theme: ChartTheme, name_chars: int, offset: bool
) -> tuple[tuple[float, float, float, float], ...]:
    """Where the panels go (figure fractions), from the font size and the longest name: the
    bars over the full width with the legend under them (a line lower when the date axis
    writes its month and year under the ticks); below, the top list and the heat map side by
    side (``name_chars`` > 0) or the heat map alone under the bars (no list: ``name_chars``
    is 0). Placed by hand because constrained layout tripled the drawing time."""
    width, height = fig.get_size_inches()
    char, line = theme.small * 0.62 / 72, theme.font_size * 1.45 / 72
    names = min(max(name_chars, 8), 27) * char + 0.2
    left, right = 0.45 + 3.5 * char, 0.35 + 16 * char * 0.9
    legend = 3.2 * line + 0.25 + (line if offset else 0.0)
    lower = (height - legend) * 0.46
    upper_bottom = lower + legend + 0.35
    bars = (left, upper_bottom, width - left - right, height - upper_bottom - line - 0.1)
    heat_left = width * 0.55 + 10 * char if name_chars else max(left, 10 * char + 0.2)
    heat = (heat_left, line * 1.6, width - heat_left - (0.15 if name_chars else right), 0.0)
    boxes = (
        bars,
        (names, line * 1.6, width * 0.55 - names - 0.6 * char * 8, lower - line * 2.6),
        (*heat[:3], lower - line * 2.6),
    )
    return tuple((x / width, y / height, w / width, h / height) for x, y, w, h in boxes)


def triggers_figure(data: TriggerSeries, theme: ChartTheme, *, top_list: bool = False) -> Figure:
    """The triggers chart; ``top_list``: the most frequent triggers drawn in the figure too
    (for a file that stands alone), else they are shown as text beside it."""
    if data.total == 0:
        return empty(theme, triggers_sentence(data))
    fig = new_figure(theme, height=7.0, constrained=False)
    listed = top_list and bool(data.top)
    name_chars = max((len(t.name) for t in data.top), default=1) if listed else 0
    bars = style(
        fig.add_axes(_trigger_boxes(fig, theme, name_chars, offset=False)[0]),
        theme,
        "Triggers per month" if data.period.monthly else "Triggers per week",
    )
    x = days_to_numbers(data.buckets) + (14.5 if data.period.monthly else 3.0)
    _stack_categories(bars, x, data, theme)
    offset = bool(date_axis(bars, data.period.start, data.period.end))
    boxes = _trigger_boxes(fig, theme, name_chars, offset)
    bars.set_position(boxes[0])
    _draw_intensity(bars, x, data, theme)
    handles, labels = bars.get_legend_handles_labels()
    order = sorted(range(len(labels)), key=lambda i: labels[i] == "mean intensity")
    fig.legend(
        [handles[i] for i in order],
        [labels[i] for i in order],
        loc="upper center",
        bbox_to_anchor=(0.5, boxes[0][1] - 0.035 - (0.03 if offset else 0.0)),
        ncols=3,
        fontsize=theme.small,
        facecolor=theme.background,
        edgecolor=theme.background,
        labelcolor=theme.foreground,
    )
    if listed:
        _draw_top(style(fig.add_axes(boxes[1]), theme, "Most frequent"), data, theme)
    _draw_heat(fig.add_axes(boxes[2]), data, theme)
    return fig


def _stack_categories(bars: Axes, x: np.ndarray, data: TriggerSeries, theme: ChartTheme) -> None:
    """Events per bucket stacked by category: bars, or stacked areas for many buckets."""
    bottom = np.zeros(len(data.buckets))
    for i, (category, counts) in enumerate(sorted(data.counts.items())):
        heights = np.asarray(counts, dtype=float)
        look: dict[str, Any] = {
            "facecolor": theme.series(i),
            "hatch": theme.hatch(i),
            "edgecolor": theme.background,
            "label": words.word_for(TriggerCategory, category),
            "gid": f"category:{category}",
        }
        if len(data.buckets) > MAX_BARS:
            _stacked_area(bars, x, bottom, heights, **look)
        else:
            bars.bar(
                x,
                heights,
                bottom=bottom,
                width=_bar_width(data.period.days, data.period.monthly),
                linewidth=0.4,
                **look,
            )
        bottom += heights
    bars.set_ylabel("events", color=theme.foreground, fontsize=theme.small)
    low, high = bars.get_ylim()  # the stack's own limits (nothing drawn later moves them)
    ticks = MaxNLocator(nbins=5, integer=True).tick_values(low, high)  # no 0.25 events
    # Chosen once, only those shown: drawing asks the axis for its ticks several times, and
    # makes a tick (lines and texts) for each, the ones outside the limits too.
    bars.yaxis.set_major_locator(FixedLocator([t for t in ticks if low <= t <= high]))


def _draw_intensity(bars: Axes, x: np.ndarray, data: TriggerSeries, theme: ChartTheme) -> None:
    """The mean intensity (0–10) of each bucket on its own scale along the right edge: drawn
    in the bars' axes through a blended transform (x: dates, y: 0–10 over the axes' height)
    rather than a twin axes, which cost a whole second axes to build and lay out."""
    scale = INTENSITY.high - INTENSITY.low
    height = Affine2D().translate(0, -INTENSITY.low).scale(1, 1 / scale) + bars.transAxes
    bars.plot(
        x,
        [np.nan if v is None else v for v in data.mean_intensity],
        color=theme.foreground,
        marker="o",
        markersize=3,
        linewidth=1.0,
        # one point: no line (a dotted line of one point is path data QtSvg rejects)
        linestyle=":" if len(data.buckets) > 1 else "none",
        label="mean intensity",
        gid="intensity",
        transform=blended_transform_factory(bars.transData, height),
    )
    beside = bars.transAxes + ScaledTranslation(4 / 72, 0, _dpi(bars))
    for value, word in ((0, "0 barely"), (5, "5 moderate"), (10, "10 overwhelming")):
        bars.text(
            1.0,
            (value - INTENSITY.low) / scale,
            word,
            transform=beside,
            va="center",
            fontsize=theme.small * 0.9,
            color=theme.foreground,
            gid="intensity-scale",
        )


def _draw_top(top: Axes, data: TriggerSeries, theme: ChartTheme) -> None:
    """The most frequent triggers: a bar per trigger, its mean intensity and when last seen."""
    names = [t.name if len(t.name) <= 26 else t.name[:25] + "…" for t in data.top][::-1]
    top_counts = [t.count for t in data.top][::-1]
    top.barh(range(len(top_counts)), top_counts, color=theme.colour("blue"), gid="top")
    top.set_yticks([])
    _row_labels(top, names, theme.small, theme)
    after = top.transData + ScaledTranslation(4 / 72, 0, _dpi(top))
    for y, t in enumerate(data.top[::-1]):
        top.text(
            t.count,
            y,
            f"{t.mean_intensity:.1f} · {t.last_seen:%d %b %Y}",
            transform=after,
            va="center",
            fontsize=theme.small * 0.85,
            color=theme.muted,
        )
    top.set_xlim(0, max(top_counts) * 2.3)
    top.xaxis.set_major_locator(MaxNLocator(nbins=4, integer=True))
    top.grid(axis="y", visible=False)


def _dpi(ax: Axes) -> Affine2DBase:
    figure = ax.get_figure(root=True)
    assert figure is not None
    return figure.dpi_scale_trans


def _row_labels(ax: Axes, labels: Sequence[str], size: float, theme: ChartTheme) -> None:
    """A label left of each row (y = 0, 1, …) as plain text rather than tick labels: a tick
    is three lines and two texts to build, and these rows need no tick marks or grid."""
    left = ax.get_yaxis_transform() + ScaledTranslation(-4 / 72, 0, _dpi(ax))
    for y, label in enumerate(labels):
        ax.text(
            0,
            y,
            label,
            transform=left,
            ha="right",
            va="center",
            fontsize=size,
            color=theme.foreground,
            gid="row-label",
        )


def _draw_heat(heat: Axes, data: TriggerSeries, theme: ChartTheme) -> None:
    """When triggers happen: weekday × time of day, coloured and numbered."""
    matrix = np.asarray(data.heat, dtype=float).T
    heat.imshow(matrix, cmap=theme.heat_map, aspect="auto", gid="heat")
    heat.set_xticks([])
    heat.set_yticks([])
    for spine in heat.spines.values():
        spine.set_visible(False)
    _row_labels(heat, QUARTER_NAMES, theme.small * 0.9, theme)
    below = heat.get_xaxis_transform() + ScaledTranslation(0, -4 / 72, _dpi(heat))
    for w, day in enumerate(WEEKDAYS):
        heat.text(
            w,
            0,
            day,
            transform=below,
            ha="center",
            va="top",
            fontsize=theme.small * 0.9,
            color=theme.foreground,
            gid="weekday",
        )
    heat.set_title("When", color=theme.foreground, fontsize=theme.font_size, loc="left", y=1.0)
    peak = matrix.max() or 1.0
    for (q, w), n in np.ndenumerate(matrix):
        if n:
            heat.text(
                w,
                q,
                str(int(n)),
                ha="center",
                va="center",
                fontsize=theme.small * 0.85,
                color=_count_ink(n > peak * 0.6, theme),
            )


def _count_ink(high: bool, theme: ChartTheme) -> str:
    """A count's colour on its square: cividis is light where counts are high, greys dark."""
    return "#ffffff" if high == theme.ink else "#000000"


def warning_signs_figure(data: WarningSeries, theme: ChartTheme) -> Figure:
    if data.total == 0:
        return empty(theme, warning_signs_sentence(data))
    rows = len(data.signs)
    fig = new_figure(theme, height=min(1.8 + 0.32 * rows, 14.0))
    ax = style(fig.add_subplot(), theme, "Warning signs, by stage")
    x = days_to_numbers(data.buckets) + (14.5 if data.period.monthly else 3.0)
    seen: set[str] = set()
    for y, sign in enumerate(data.signs):
        colour, marker = STAGE_STYLE.get(sign.stage, ("blue", "o"))
        counts = np.asarray(sign.counts, dtype=float)
        shown = counts > 0
        ax.scatter(
            x[shown],
            np.full(int(shown.sum()), y),
            s=18 + 22 * counts[shown],
            color=theme.colour(colour),
            marker=marker,
            edgecolors=theme.foreground,
            linewidths=0.4,
            label=None if sign.stage in seen else words.word_for(WarningStage, sign.stage),
            gid=f"sign:{sign.name}",
            zorder=3,
        )
        seen.add(sign.stage)
        if y and data.signs[y - 1].stage != sign.stage:
            ax.axhline(y - 0.5, color=theme.muted, linewidth=0.8)
    ax.set_yticks(
        range(rows), [s.name if len(s.name) <= 30 else s.name[:29] + "…" for s in data.signs]
    )
    ax.set_ylim(rows - 0.5, -0.5)
    date_axis(ax, data.period.start, data.period.end)
    legend(ax, theme, loc="upper left", bbox_to_anchor=(1.0, 1.0), title=None)
    return fig
