"""Shared pieces of every chart: the themed figure, date axes, anchored scale axes, empty states.

Only :class:`matplotlib.figure.Figure`, never matplotlib's stateful interface: no global
state, no GUI backend, safe to build on a worker thread.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from datetime import date
from typing import Any, Literal

import numpy as np
from matplotlib import dates as mdates
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import FixedLocator

from recovery_journal.charts.theme import ChartTheme
from recovery_journal.domain.scales import Scale

WIDTH, HEIGHT = 8.0, 4.2
OFFSET_FORMATS = ["", "%Y", "%b %Y", "%d %b %Y", "%d %b %Y", "%d %b %Y %H:%M"]
"""What the concise date axis writes under its last tick: "Dec 2026" rather than "2026-Dec"."""


def new_figure(
    theme: ChartTheme, height: float = HEIGHT, width: float = WIDTH, *, constrained: bool = True
) -> Figure:
    """A themed figure; ``constrained=False`` for charts with many axes and labels, which place
    their axes themselves (see :func:`fixed_margins`): constrained layout measures every text
    twice per draw, which made those charts several times slower to draw."""
    layout: Literal["constrained"] | None = "constrained" if constrained else None
    size = (theme.width or width, height * theme.height_scale)
    return Figure(figsize=size, facecolor=theme.background, layout=layout)


def fixed_margins(
    fig: Figure,
    theme: ChartTheme,
    *,
    left_chars: int,
    right_chars: int = 2,
    bottom_lines: float = 2.5,
) -> None:
    """Margins from the font size and the longest tick label (in characters), in inches."""
    char = theme.small * 0.62 / 72  # an average glyph of the tick labels, inches
    line = theme.font_size * 1.5 / 72
    width, height = fig.get_size_inches()
    fig.subplots_adjust(
        left=min(0.45, (left_chars * char + 0.25) / width),
        right=1 - min(0.3, (right_chars * char + 0.2) / width),
        bottom=min(0.3, bottom_lines * line / height),
        top=1 - min(0.2, 1.6 * line / height),
        hspace=0.55,
        wspace=0.35,
    )


WEEKLY_AFTER_DAYS = 731
"""Periods longer than two years draw a point per week instead of per day: ten years of daily
points were a solid block of ink (and slow to draw). Weeks are the 7-day steps from the
period's first day; a week's point sits at its middle."""


def by_week(daily: np.ndarray) -> np.ndarray:
    """Daily values (one per day of the period) as rows of 7, the last padded with NaN."""
    weeks = -(-len(daily) // 7)
    return np.concatenate((daily, np.full(weeks * 7 - len(daily), np.nan))).reshape(weeks, 7)


def week_sums(daily: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each week's sum of its daily values and how many days have one (NaN: no value)."""
    rows = by_week(daily)
    return np.nansum(rows, axis=1), (~np.isnan(rows)).sum(axis=1)


def weekly_mean(daily: np.ndarray) -> np.ndarray:
    """Each week's mean of its daily values, NaN for a week without any."""
    sums, counted = week_sums(daily)
    means = np.full(len(sums), np.nan)
    np.divide(sums, counted, out=means, where=counted > 0)
    return means


def week_middles(daily_x: np.ndarray) -> np.ndarray:
    return np.asarray(float(daily_x[0]) + 7.0 * np.arange(-(-len(daily_x) // 7)) + 3.0)


def style(ax: Axes, theme: ChartTheme, title: str | None = None) -> Axes:
    ax.set_facecolor(theme.background)
    for spine in ax.spines.values():
        spine.set_color(theme.grid)
    ax.tick_params(colors=theme.foreground, labelsize=theme.small, length=3)
    ax.grid(True, color=theme.grid, linewidth=0.6, alpha=0.9)
    ax.set_axisbelow(True)
    if title:
        ax.set_title(title, color=theme.foreground, fontsize=theme.font_size, loc="left", y=1.0)
    return ax


def settle_layout(fig: Figure) -> None:
    """Skip two measurements matplotlib repeats on every draw, without moving anything drawn.

    Titles are given their place (``y=1.0``, where the automatic placement puts them when no
    tick labels sit above the axes, as in every chart here). An axis without a label gets a
    fixed (unused) label place: otherwise each draw measures every tick label of the axis and
    its siblings to place the empty label — a third of drawing a chart with several axes.
    """
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            if not axis.label.get_text():
                axis.set_label_coords(0.5, 0.5)


def days_to_numbers(days: Sequence[date]) -> np.ndarray:
    return np.asarray(mdates.date2num(list(days)), dtype=float)  # type: ignore[no-untyped-call]


def date_axis(ax: Axes, first: date, last: date) -> str:
    """Readable dates at any range: matplotlib's concise formatter, padded by half a day.
    The ticks are chosen once (a fixed locator): layout asks for them many times per draw.
    Returns the formatter's offset (the year, or month and year, written under the last tick
    of a short range; empty when the ticks say it), for charts that place things under it."""
    start, end = days_to_numbers([first, last])
    locator = mdates.AutoDateLocator(minticks=3, maxticks=9)  # type: ignore[no-untyped-call]
    ticks = locator.tick_values(mdates.num2date(start - 0.5), mdates.num2date(end + 0.5))  # type: ignore[no-untyped-call]
    shown = [t for t in ticks if start - 0.5 <= t <= end + 0.5]
    ax.xaxis.set_major_locator(FixedLocator(shown))
    formatter = mdates.ConciseDateFormatter(locator, offset_formats=OFFSET_FORMATS)  # type: ignore[no-untyped-call]
    ax.xaxis.set_major_formatter(formatter)
    ax.set_xlim(start - 0.5, end + 0.5)
    formatter.format_ticks(shown)  # type: ignore[no-untyped-call]
    return str(formatter.get_offset())  # type: ignore[no-untyped-call]


def anchored_axis(ax: Axes, scale: Scale, theme: ChartTheme, *, words: bool = True) -> None:
    """The scale's fixed limits (0–10 for mood, anxiety, energy) with its anchor words."""
    ax.set_ylim(scale.low, scale.high)
    ticks = [value for value, _ in scale.anchors]
    ax.set_yticks(ticks)
    if words:
        labels = [f"{v} {textwrap.fill(w, 18)}" for v, w in scale.anchors]
        ax.set_yticklabels(labels, fontsize=theme.small * 0.9, linespacing=0.9)


def empty(theme: ChartTheme, message: str, height: float = 2.6) -> Figure:
    """A gentle empty state: the sentence, centred, nothing else."""
    fig = new_figure(theme, height)
    ax = fig.add_subplot()
    ax.set_axis_off()
    ax.text(
        0.5,
        0.5,
        textwrap.fill(message, 60),
        ha="center",
        va="center",
        color=theme.muted,
        fontsize=theme.font_size,
        transform=ax.transAxes,
        gid="empty",
    )
    return fig


def legend(ax: Axes, theme: ChartTheme, **kwargs: Any) -> None:
    found = ax.legend(
        fontsize=theme.small,
        facecolor=theme.background,
        edgecolor=theme.grid,
        labelcolor=theme.foreground,
        **kwargs,
    )
    found.set_zorder(10)


def caption(fig: Figure, text: str, theme: ChartTheme) -> None:
    """The summary sentence under the chart (files written by the command line)."""
    fig.supxlabel(
        textwrap.fill(text, 110), color=theme.muted, fontsize=theme.small, x=0.01, ha="left"
    )


def figure_legend(fig: Figure, ax: Axes, theme: ChartTheme, ncols: int = 3) -> None:
    """The legend under the chart, where it never hides data."""
    handles, labels = ax.get_legend_handles_labels()
    fig.legend(
        handles,
        labels,
        loc="outside lower center",
        ncols=ncols,
        fontsize=theme.small,
        facecolor=theme.background,
        edgecolor=theme.background,
        labelcolor=theme.foreground,
    )
