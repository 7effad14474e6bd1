"""``triggers`` (events per week or month stacked by category, with mean intensity; the top
triggers; weekday × time of day) and ``warning-signs`` (signs × weeks, grouped by stage)."""

from __future__ import annotations

from typing import Any

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure

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
    ax.fill_between(x, bottom, bottom + heights, step="mid", linewidth=0.4, **style)


def _trigger_boxes(
    fig: Figure, theme: ChartTheme, name_chars: int
) -> tuple[tuple[float, float, float, float], ...]:
    """Where the three panels go (figure fractions), from the font size and the longest name:
    the bars over the full width with the legend under them, the top list and the heat map
    side by side below. Placed by hand because constrained layout tripled the drawing time."""
    width, height = fig.get_size_inches()
    char, line = theme.small * 0.62 / 72, theme.font_size * 1.45 / 72
    names = min(max(name_chars, 8), 27) * char + 0.2
    left, right = 0.35 + 2.5 * char, 0.35 + 16 * char * 0.9
    legend = 3.2 * line + 0.25
    lower = (height - legend) * 0.46
    upper_bottom = lower + legend + 0.35
    boxes = (
        (left, upper_bottom, width - left - right, height - upper_bottom - line - 0.1),
        (names, line * 1.6, width * 0.55 - names - 0.6 * char * 8, lower - line * 2.6),
        (width * 0.55 + 10 * char, line * 1.6, width * 0.45 - 10 * char - 0.15, lower - line * 2.6),
    )
    return tuple((x / width, y / height, w / width, h / height) for x, y, w, h in boxes)


def triggers_figure(data: TriggerSeries, theme: ChartTheme) -> Figure:
    if data.total == 0:
        return empty(theme, triggers_sentence(data))
    fig = new_figure(theme, height=7.0, constrained=False)
    boxes = _trigger_boxes(fig, theme, max((len(t.name) for t in data.top), default=0))
    bars = style(
        fig.add_axes(boxes[0]),
        theme,
        "Triggers per month" if data.period.monthly else "Triggers per week",
    )
    x = days_to_numbers(data.buckets) + (14.5 if data.period.monthly else 3.0)
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
    date_axis(bars, data.period.start, data.period.end)
    intensity = bars.twinx()
    intensity.plot(
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
    )
    intensity.set_ylim(INTENSITY.low, INTENSITY.high)
    intensity.set_yticks([0, 5, 10], ["0 barely", "5 moderate", "10 overwhelming"])
    intensity.tick_params(colors=theme.foreground, labelsize=theme.small * 0.9)
    for spine in intensity.spines.values():
        spine.set_visible(False)
    handles, labels = bars.get_legend_handles_labels()
    more, more_labels = intensity.get_legend_handles_labels()
    fig.legend(
        handles + more,
        labels + more_labels,
        loc="upper center",
        bbox_to_anchor=(0.5, boxes[0][1] - 0.035),
        ncols=3,
        fontsize=theme.small,
        facecolor=theme.background,
        edgecolor=theme.background,
        labelcolor=theme.foreground,
    )
    top = style(fig.add_axes(boxes[1]), theme, "Most frequent")
    names = [t.name if len(t.name) <= 26 else t.name[:25] + "…" for t in data.top][::-1]
    top_counts = [t.count for t in data.top][::-1]
    top.barh(range(len(top_counts)), top_counts, color=theme.colour("blue"), gid="top")
    top.set_yticks(range(len(names)), names)
    for y, t in enumerate(data.top[::-1]):
        top.text(
            t.count,
            y,
            f"  {t.mean_intensity:.1f} · {t.last_seen:%d %b %Y}",
            va="center",
            fontsize=theme.small * 0.85,
            color=theme.muted,
        )
    top.set_xlim(0, max(top_counts) * 2.3)
    top.grid(axis="y", visible=False)
    heat = fig.add_axes(boxes[2])
    matrix = np.asarray(data.heat, dtype=float).T
    heat.imshow(matrix, cmap=theme.heat_map, aspect="auto", gid="heat")
    heat.set_xticks(range(7), WEEKDAYS)
    heat.set_yticks(range(4), QUARTER_NAMES)
    heat.tick_params(colors=theme.foreground, labelsize=theme.small * 0.9, length=0)
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
    return fig


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
