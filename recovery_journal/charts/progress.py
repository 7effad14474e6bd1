"""``milestones`` (per counter: streaks between slips; milestones reached, goals completed,
phases) and ``checkins`` (anxiety, energy, sleep hours and quality as small multiples)."""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from recovery_journal.charts.common import (
    WEEKLY_AFTER_DAYS,
    date_axis,
    days_to_numbers,
    empty,
    fixed_margins,
    legend,
    new_figure,
    style,
    week_middles,
    weekly_mean,
)
from recovery_journal.charts.mood import draw_markers, draw_phases
from recovery_journal.charts.theme import ChartTheme
from recovery_journal.domain.insight_text import checkins_sentence, milestones_sentence
from recovery_journal.domain.insights import CheckinSeries, ProgressSeries
from recovery_journal.domain.scales import ANXIETY, ENERGY, SLEEP_QUALITY


def milestones_figure(data: ProgressSeries, theme: ChartTheme) -> Figure:
    if not (data.counters or data.markers):
        return empty(theme, milestones_sentence(data))
    lanes = len(data.counters)
    fig = new_figure(theme, height=min(2.2 + 0.55 * lanes, 10.0))
    ax = style(fig.add_subplot(), theme, "Streaks, milestones and phases")
    draw_phases(ax, data.phases, theme)
    for lane, track in enumerate(data.counters, start=1):
        spans = [(float(days_to_numbers([a])[0]) - 0.5, (b - a).days + 1.0) for a, b in track.runs]
        ax.broken_barh(
            spans,
            (lane - 0.3, 0.6),
            facecolors=theme.colour("blue"),
            edgecolor=theme.background,
            hatch="//",
            linewidth=0.5,
            gid=f"runs:{track.title}",
            label="free days" if lane == 1 else None,
        )
        if track.slips:
            ax.plot(
                days_to_numbers(track.slips),
                [lane] * len(track.slips),
                linestyle="none",
                marker="|",
                markersize=14,
                markeredgewidth=2,
                color=theme.neutral,
                gid=f"slips:{track.title}",
                label="slip (a learning point)" if lane == 1 else None,
            )
    date_axis(ax, data.period.start, data.period.end)
    draw_markers(ax, data.markers, theme, y=lanes + 1.0)
    ax.set_yticks(range(1, lanes + 1), [t.title for t in data.counters])
    ax.set_ylim(lanes + 1.6, 0.3)
    ax.grid(axis="y", visible=False)
    legend(ax, theme, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return fig


def checkin_arrays(data: CheckinSeries) -> dict[str, np.ndarray]:
    days = data.period.each_day()
    index = {d: i for i, d in enumerate(days)}
    names = ("anxiety", "energy", "sleep_hours", "sleep_quality")
    arrays = {name: np.full(len(days), np.nan) for name in names}
    for c in data.days:
        for name in names:
            value = getattr(c, name)
            if value is not None:
                arrays[name][index[c.day]] = value
    arrays["x"] = days_to_numbers(days)
    return arrays


def checkins_figure(data: CheckinSeries, theme: ChartTheme) -> Figure:
    if not data.days:
        return empty(theme, checkins_sentence(data))
    arrays = checkin_arrays(data)
    weekly = data.period.days > WEEKLY_AFTER_DAYS
    if weekly:  # a point per week: ten years of days were a solid block of ink
        arrays = {k: week_middles(v) if k == "x" else weekly_mean(v) for k, v in arrays.items()}
    fig = new_figure(theme, height=6.4, constrained=False)
    axes = fig.subplots(4, 1, sharex=True)
    fixed_margins(fig, theme, left_chars=20, bottom_lines=2.2)
    panels = (
        ("anxiety", "Anxiety", ANXIETY, "o", 0),
        ("energy", "Energy", ENERGY, "s", 1),
        ("sleep_hours", "Sleep (hours)", None, "^", 2),
        ("sleep_quality", "Sleep quality", SLEEP_QUALITY, "D", 3),
    )
    small = data.period.days <= 120
    for ax, (name, title, scale, marker, colour) in zip(axes, panels, strict=True):
        style(ax, theme)
        ax.plot(
            arrays["x"],
            arrays[name],
            color=theme.series(colour),
            marker=marker,
            markersize=3 if small else 0,
            linewidth=1.0,
            gid=name,
            label=title,
        )
        if scale is None:
            ax.set_ylim(0, 12)
            ax.set_yticks([0, 4, 8, 12])
        else:
            ax.set_ylim(scale.low, scale.high)
            ax.set_yticks(
                [scale.low, (scale.low + scale.high) // 2, scale.high],
                [
                    f"{v} {scale.label(v)}"
                    for v in (scale.low, (scale.low + scale.high) // 2, scale.high)
                ],
                fontsize=theme.small * 0.85,
            )
        ax.set_title(
            f"{title}, weekly mean" if weekly else title,
            color=theme.foreground,
            fontsize=theme.small,
            loc="left",
            pad=2,
        )
    date_axis(axes[-1], data.period.start, data.period.end)
    return fig
