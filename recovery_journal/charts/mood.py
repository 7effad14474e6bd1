"""``mood`` (the daily range, mean and 7-day rolling mean with phases, milestones and slips) and
``calendar`` (a year in pixels of the daily mean mood)."""

from __future__ import annotations

import calendar as cal
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

import numpy as np
from matplotlib.axes import Axes
from matplotlib.collections import PolyCollection
from matplotlib.colors import ListedColormap
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from recovery_journal.charts.common import (
    WEEKLY_AFTER_DAYS,
    anchored_axis,
    by_week,
    date_axis,
    days_to_numbers,
    empty,
    figure_legend,
    new_figure,
    style,
    week_middles,
    week_sums,
    weekly_mean,
)
from recovery_journal.charts.theme import ChartTheme
from recovery_journal.domain.insight_text import calendar_sentence, mood_sentence
from recovery_journal.domain.insights import Marker, MoodSeries, Period, PhaseBand
from recovery_journal.domain.scales import MOOD

MAX_MARKER_LABELS = 4
_MARKER_STYLE = {"milestone": ("*", 13), "goal": ("D", 7), "slip": ("v", 8)}


def daily_arrays(data: MoodSeries) -> dict[str, np.ndarray]:
    """One value per day of the period (NaN where there is no mood): what the chart draws."""
    days = data.period.each_day()
    index = {d: i for i, d in enumerate(days)}
    arrays = {name: np.full(len(days), np.nan) for name in ("low", "high", "mean", "rolling")}
    for m in data.days:
        i = index[m.day]
        arrays["low"][i], arrays["high"][i] = m.low, m.high
        arrays["mean"][i], arrays["rolling"][i] = m.mean, m.rolling
    arrays["x"] = days_to_numbers(days)
    return arrays


ROLLING_WEEKS = 4


def weekly_arrays(data: MoodSeries) -> dict[str, np.ndarray]:
    """One value per week of the period, from the daily values: ``mean`` the mean of the
    week's daily means, ``low``/``high`` the lowest and highest mood of the week, ``rolling``
    the mean of the daily means over the 4 weeks ending with it (NaN for a week without a
    mood, as the daily chart leaves a day without one empty); ``x`` the week's middle."""
    daily = daily_arrays(data)
    sums, counted = week_sums(daily["mean"])
    weeks = len(sums)
    first = np.maximum(np.arange(1, weeks + 1) - ROLLING_WEEKS, 0)
    window_sums = np.cumsum(np.concatenate(([0.0], sums)))
    window_days = np.cumsum(np.concatenate(([0], counted)))
    in_window = window_days[1:] - window_days[first]
    rolling = np.divide(
        window_sums[1:] - window_sums[first],
        in_window,
        out=np.full(weeks, np.nan),
        where=in_window > 0,
    )
    rolling[counted == 0] = np.nan
    return {
        "x": week_middles(daily["x"]),
        "low": np.fmin.reduce(by_week(daily["low"]), axis=1),
        "high": np.fmax.reduce(by_week(daily["high"]), axis=1),
        "mean": weekly_mean(daily["mean"]),
        "rolling": rolling,
    }


def band_polygons(
    x: np.ndarray, low: np.ndarray, high: np.ndarray, half: float = 0.5
) -> list[np.ndarray]:
    """The low–high band as one polygon per run of days (or weeks) with a mood, each step its
    full width (x − half to x + half): steps without a mood are gaps, a lone one is a block.

    Built with numpy in one pass: ``fill_between(step=...)`` made a masked array per run, which
    was 40 % of building a ten-year mood chart."""
    shown = ~(np.isnan(low) | np.isnan(high))
    edges = np.flatnonzero(np.diff(np.concatenate(([0], shown.astype(np.int8), [0]))))
    polygons = []
    for first, stop in zip(edges[::2], edges[1::2], strict=True):
        xs = np.repeat(x[first:stop], 2) + np.tile([-half, half], stop - first)
        tops, bottoms = np.repeat(high[first:stop], 2), np.repeat(low[first:stop], 2)
        polygons.append(
            np.column_stack((np.concatenate((xs, xs[::-1])), np.concatenate((tops, bottoms[::-1]))))
        )
    return polygons


def draw_phases(
    ax: Axes, phases: tuple[PhaseBand, ...], theme: ChartTheme, label_y: float = 0.015
) -> None:
    """Recovery phases as tinted bands, each named at its start, ``label_y`` up the axes."""
    tints = theme.phase_tints
    for i, band in enumerate(phases):
        start, end = days_to_numbers([band.start, band.end])
        ax.axvspan(start - 0.5, end + 0.5, color=tints[i % 2], zorder=0, gid=f"phase:{band.name}")
        ax.text(
            start,
            label_y,
            f" {band.name}",
            transform=ax.get_xaxis_transform(),
            ha="left",
            va="bottom",
            style="italic",
            fontsize=theme.small,
            color=theme.muted,
            clip_on=True,
        )


def draw_markers(ax: Axes, markers: tuple[Marker, ...], theme: ChartTheme, y: float) -> None:
    """Milestones (stars), completed goals (diamonds), slips (neutral grey triangles); call it
    after the date axis is set (labels near its ends run inwards)."""
    label_them = sum(m.kind != "slip" for m in markers) <= MAX_MARKER_LABELS
    names = {"milestone": "milestone", "goal": "goal completed", "slip": "slip (a learning point)"}
    for kind, (shape, size) in _MARKER_STYLE.items():
        chosen = [m for m in markers if m.kind == kind]
        if not chosen:
            continue
        colour = theme.neutral if kind == "slip" else theme.colour("orange")
        at = 0.4 if kind == "slip" else y
        ax.plot(
            days_to_numbers([m.day for m in chosen]),
            [at] * len(chosen),
            linestyle="none",
            marker=shape,
            markersize=size,
            color=colour,
            markeredgecolor=theme.foreground if kind != "slip" else colour,
            markeredgewidth=0.5,
            label=names[kind],
            gid=kind,
            clip_on=False,
            zorder=5,
        )
        for n, m in enumerate(chosen if label_them and kind != "slip" else []):
            where = float(days_to_numbers([m.day])[0])
            ax.annotate(
                m.label,
                (where, at),
                xytext=(0, -14 - 10 * (n % 2)),
                textcoords="offset points",
                ha=_label_side(ax, where),
                fontsize=theme.small * 0.9,
                color=theme.muted,
            )


def _label_side(ax: Axes, x: float) -> Literal["left", "center", "right"]:
    """A marker's label runs inwards near either end of the date axis (set before): centred
    under a milestone on the last day, half of it stood beyond the chart's edge."""
    low, high = ax.get_xlim()
    part = (x - low) / ((high - low) or 1.0)
    return "left" if part < 0.2 else "right" if part > 0.8 else "center"


def mood_figure(data: MoodSeries, theme: ChartTheme) -> Figure:
    """Mood over time: daily min–max band, daily mean, 7-day rolling mean, phases, markers;
    over more than two years the same per week (weekly band and mean, 4-week mean)."""
    if not data.days:
        return empty(theme, mood_sentence(data))
    fig = new_figure(theme)
    ax = style(fig.add_subplot(), theme)
    weekly = data.period.days > WEEKLY_AFTER_DAYS
    drawn = weekly_arrays(data) if weekly else daily_arrays(data)
    draw_phases(ax, data.phases, theme, label_y=0.085)  # above the slips' row
    band = PolyCollection(
        band_polygons(drawn["x"], drawn["low"], drawn["high"], 3.5 if weekly else 0.5),
        facecolors=theme.band,
        linewidths=0,
        label=f"lowest to highest that {'week' if weekly else 'day'}",
        gid="range",
    )
    ax.add_collection(band, autolim=False)
    ax.plot(
        drawn["x"],
        drawn["mean"],
        color=theme.colour("blue"),
        marker="o",
        markersize=3 if data.period.days <= 120 else 0,
        linewidth=1.0,
        label="weekly mean" if weekly else "daily mean",
        gid="mean",
    )
    ax.plot(
        drawn["x"],
        drawn["rolling"],
        color=theme.colour("orange"),
        linestyle="--",
        linewidth=2.0,
        label=f"{ROLLING_WEEKS}-week mean" if weekly else "7-day mean",
        gid="rolling",
    )
    date_axis(ax, data.period.start, data.period.end)
    draw_markers(ax, data.markers, theme, y=MOOD.high - 0.4)
    anchored_axis(ax, MOOD, theme)
    ax.set_title("Mood", color=theme.foreground, fontsize=theme.font_size, loc="left", y=1.0)
    figure_legend(fig, ax, theme)
    return fig


YEAR_ROWS_AFTER_DAYS = 400
"""Longer periods get one row per year (a day per pixel column) instead of one per month."""


@dataclass(frozen=True, slots=True)
class CalendarGrid:
    """Rows of days: months (columns = day 1–31) or, for long periods, years (columns = day of
    the year). ``values[row, column]`` is that day's mean mood, NaN without one."""

    by_year: bool
    rows: tuple[date, ...]
    values: np.ndarray

    def day_at(self, row: int, column: int) -> date | None:
        if not (0 <= row < len(self.rows) and 0 <= column < self.values.shape[1]):
            return None
        if self.by_year:
            day = self.rows[row] + timedelta(days=column)
            return day if day.year == self.rows[row].year else None
        try:
            return self.rows[row].replace(day=column + 1)
        except ValueError:  # 30 February
            return None

    def outside(self, period: Period) -> np.ndarray:
        """True for the cells that are no day of ``period`` (before or after it, 30 February;
        not the 366th column of a common year): drawn apart from the days in it without a
        mood, which stay empty."""
        columns = np.arange(self.values.shape[1])
        mask = np.ones(self.values.shape, dtype=bool)
        for row, first in enumerate(self.rows):
            after = date(first.year + 1, 1, 1) if self.by_year else _next_month(first)
            low = (max(first, period.start) - first).days
            high = (min(after - timedelta(days=1), period.end) - first).days
            mask[row] = (columns < low) | (columns > high)
            if self.by_year:  # the 366th column of a common year is padding, not a day
                mask[row, (after - first).days :] = False
        return mask

    def label(self, row: int) -> str:
        first = self.rows[row]
        return str(first.year) if self.by_year else f"{cal.month_abbr[first.month]} {first.year}"


def _next_month(first: date) -> date:
    return date(first.year + first.month // 12, first.month % 12 + 1, 1)


def calendar_grid(data: MoodSeries) -> CalendarGrid:
    by_year = data.period.days > YEAR_ROWS_AFTER_DAYS
    rows: list[date] = []
    if by_year:
        rows = [date(y, 1, 1) for y in range(data.period.start.year, data.period.end.year + 1)]
    else:
        current = data.period.start.replace(day=1)
        while current <= data.period.end:
            rows.append(current)
            current = _next_month(current)
    values = np.full((len(rows), 366 if by_year else 31), np.nan)
    for m in data.days:
        if by_year:
            values[m.day.year - rows[0].year, (m.day - date(m.day.year, 1, 1)).days] = m.mean
        else:
            values[
                (m.day.year - rows[0].year) * 12 + m.day.month - rows[0].month, m.day.day - 1
            ] = m.mean
    return CalendarGrid(by_year, tuple(rows), values)


CALENDAR_COLOURS = (
    "#3b2d6b", "#5a3f8c", "#7b5ea7", "#9b85bf", "#b8b0cf", "#d6d2c4",
    "#e6d78a", "#f0c84a", "#e6a02a", "#d98218", "#c46a0a",
)  # fmt: skip
"""Eleven steps from a muted violet (0) through sand (5) to amber (10): ordered in lightness
and hue, readable with red–green colour blindness; the hover tip gives the number."""


def _hatch_outside(ax: Axes, outside: np.ndarray, theme: ChartTheme) -> None:
    """Cells that are no day of the range (before or after it, 30 February) hatched, so they
    don't read as days without a mood (those stay empty): a patch per run of such cells."""
    for row, cells in enumerate(outside):
        edges = np.flatnonzero(np.diff(np.concatenate(([0], cells.astype(np.int8), [0]))))
        for first, stop in zip(edges[::2], edges[1::2], strict=True):
            ax.add_patch(
                Rectangle(
                    (first - 0.5, row - 0.5),
                    stop - first,
                    1.0,
                    facecolor=theme.background,
                    edgecolor=theme.grid,
                    hatch="////",
                    linewidth=0,
                    gid="outside",
                )
            )


def calendar_figure(data: MoodSeries, theme: ChartTheme) -> Figure:
    """A year in pixels: one square per day, coloured by the day's mean mood; empty days empty."""
    if not data.days:
        return empty(theme, calendar_sentence(data))
    grid = calendar_grid(data)
    rows = len(grid.rows)
    fig = new_figure(theme, height=min(1.8 + (0.45 if grid.by_year else 0.28) * rows, 14.0))
    ax = fig.add_subplot()
    ax.set_facecolor(theme.background)
    colours = ListedColormap(list(CALENDAR_COLOURS)).with_extremes(bad=theme.background)
    image = ax.imshow(
        np.ma.masked_invalid(grid.values),
        cmap=colours,
        vmin=0,
        vmax=10,
        aspect="auto",
        interpolation="nearest",
        gid="calendar",
    )
    _hatch_outside(ax, grid.outside(data.period), theme)
    if grid.by_year:
        starts = [(date(2001, m, 1) - date(2001, 1, 1)).days for m in range(1, 13)]
        ax.set_xticks(starts, [cal.month_abbr[m] for m in range(1, 13)])
    else:
        ax.set_xticks(range(0, 31, 5), [str(d) for d in range(1, 32, 5)])
        ax.set_xticks(np.arange(-0.5, 31, 1), minor=True)
        ax.set_yticks(np.arange(-0.5, rows, 1), minor=True)
        ax.grid(which="minor", color=theme.grid, linewidth=0.5)
    ax.set_yticks(range(rows), [grid.label(r) for r in range(rows)])
    ax.tick_params(colors=theme.foreground, labelsize=theme.small, length=0)
    ax.tick_params(which="minor", length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.set_title(
        "Mood, day by day", color=theme.foreground, fontsize=theme.font_size, loc="left", y=1.0
    )
    bar = fig.colorbar(image, ax=ax, ticks=[v for v, _ in MOOD.anchors], shrink=0.9)
    bar.ax.set_yticklabels([f"{v} {w}" for v, w in MOOD.anchors])
    bar.ax.tick_params(colors=theme.foreground, labelsize=theme.small * 0.9)
    bar.outline.set_edgecolor(theme.grid)
    return fig
