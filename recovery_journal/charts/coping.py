"""``coping``: the mean distress drop per strategy with its 95 % interval and n; strategies with
fewer than three rated uses are listed as "not enough uses yet", not drawn."""

from __future__ import annotations

import textwrap

from matplotlib.figure import Figure

from recovery_journal.charts.common import empty, new_figure, style
from recovery_journal.charts.theme import ChartTheme
from recovery_journal.domain.insight_text import coping_sentence
from recovery_journal.domain.insights import CopingSeries


def coping_figure(data: CopingSeries, theme: ChartTheme) -> Figure:
    if not data.drawn:
        return empty(theme, coping_sentence(data) + _not_enough(data))
    rows = len(data.drawn)
    fig = new_figure(theme, height=min(1.9 + 0.38 * rows + (0.4 if data.not_enough else 0), 12.0))
    ax = style(fig.add_subplot(), theme, "How much distress dropped (before − after)")
    ys = list(range(rows))
    drops = [s.mean_drop or 0.0 for s in data.drawn]
    lows = [
        d - (s.ci_low if s.ci_low is not None else d)
        for d, s in zip(drops, data.drawn, strict=True)
    ]
    highs = [
        (s.ci_high if s.ci_high is not None else d) - d
        for d, s in zip(drops, data.drawn, strict=True)
    ]
    colours = [theme.colour("green") if d >= 0 else theme.neutral for d in drops]
    hatches = ["" if d >= 0 else "//" for d in drops]
    bars = ax.barh(ys, drops, color=colours, height=0.6, gid="drops")
    for bar, hatch in zip(bars, hatches, strict=True):
        bar.set_hatch(hatch)
    ax.errorbar(
        drops,
        ys,
        xerr=[lows, highs],
        fmt="none",
        ecolor=theme.foreground,
        color=theme.foreground,  # the caps' (unseen) fill, else matplotlib's default blue
        capsize=3,
        linewidth=1.0,
        gid="interval",
    )
    ax.axvline(0, color=theme.muted, linewidth=1.0)
    names = [s.name if len(s.name) <= 28 else s.name[:27] + "…" for s in data.drawn]
    ax.set_yticks(ys, names)
    ax.set_ylim(rows - 0.5, -0.5)
    low = min([s.ci_low for s in data.drawn if s.ci_low is not None] + [0.0])
    high = max([s.ci_high for s in data.drawn if s.ci_high is not None] + [1.0])
    ax.set_xlim(min(-1.0, low - 0.5), high + 1.6)
    for y, s in enumerate(data.drawn):
        ax.text(
            max(s.ci_high or 0, 0) + 0.15,
            y,
            f"n = {s.n}",
            va="center",
            fontsize=theme.small * 0.85,
            color=theme.muted,
        )
    note = textwrap.fill(_not_enough(data).strip(), 120)
    ax.set_xlabel(
        # Blank lines under the label keep the room for the note along the bottom edge:
        # constrained layout knows the label, not a figure text (they overlapped).
        "points on the 0–10 distress scale; bars: mean, lines: 95 % interval"
        + "\n" * (note.count("\n") + 1 if note else 0),
        color=theme.muted,
        fontsize=theme.small,
    )
    ax.grid(axis="y", visible=False)
    if data.not_enough:
        fig.text(
            0.01,
            0.005,
            note,
            va="bottom",
            color=theme.muted,
            fontsize=theme.small * 0.9,
            gid="not-enough",
        )
    return fig


def _not_enough(data: CopingSeries) -> str:
    if not data.not_enough:
        return ""
    listed = ", ".join(f"{s.name} ({s.n})" for s in data.not_enough)
    return f" Not enough uses yet: {listed}."
