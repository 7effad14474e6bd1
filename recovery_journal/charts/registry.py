"""Every chart by its ``KIND`` name: its builder, its summary sentence, and saving to a file.

For the report and any other caller::

    data = session.insights.chart_data("mood", period)       # domain series (services)
    figure = build_chart("mood", data, ChartTheme(dark=False, font_size=10))
    sentence = chart_summary("mood", data)                   # caption / accessible description
    save_chart(figure, Path("mood.png"))                     # PNG (≥ 1,000 px wide) or SVG

A file must stand alone: ``build_chart(kind, data, theme, standalone=True)`` draws the lists a
chart otherwise leaves to real text beside it (the triggers' most frequent, see
``domain.insight_text.top_trigger_rows``).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from matplotlib.figure import Figure

from recovery_journal.charts.activity import triggers_figure, warning_signs_figure
from recovery_journal.charts.common import settle_layout
from recovery_journal.charts.coping import coping_figure
from recovery_journal.charts.mood import calendar_figure, mood_figure
from recovery_journal.charts.progress import checkins_figure, milestones_figure
from recovery_journal.charts.theme import ChartTheme
from recovery_journal.domain import insight_text as text
from recovery_journal.domain.insights import CHART_KINDS
from recovery_journal.services.files import write_private_file

MIN_PNG_WIDTH = 1000
LIGHT = ChartTheme()


@dataclass(frozen=True, slots=True)
class ChartKind:
    """One chart: its name on the command line, its title, builder and summary sentence."""

    key: str
    title: str
    build: Callable[[Any, ChartTheme], Figure]
    summary: Callable[[Any], str]
    standalone: Callable[[Any, ChartTheme], Figure] | None = None
    """The figure for a file, when it differs: with the lists shown beside it on screen."""


CHARTS: dict[str, ChartKind] = {
    k.key: k
    for k in (
        ChartKind("mood", "Mood over time", mood_figure, text.mood_sentence),
        ChartKind("calendar", "Mood calendar", calendar_figure, text.calendar_sentence),
        ChartKind(
            "triggers",
            "Triggers",
            triggers_figure,
            text.triggers_sentence,
            partial(triggers_figure, top_list=True),
        ),
        ChartKind(
            "warning-signs", "Warning signs", warning_signs_figure, text.warning_signs_sentence
        ),
        ChartKind("coping", "What helps", coping_figure, text.coping_sentence),
        ChartKind("milestones", "Milestones", milestones_figure, text.milestones_sentence),
        ChartKind("checkins", "Check-ins", checkins_figure, text.checkins_sentence),
    )
}
assert tuple(CHARTS) == CHART_KINDS


def build_chart(
    kind: str, data: Any, theme: ChartTheme = LIGHT, *, standalone: bool = False
) -> Figure:
    """The figure of ``kind`` (one of ``CHART_KINDS``) for ``data`` from ``chart_data``;
    ``standalone``: for a file, with the lists the app and the report show as text beside it."""
    chart = CHARTS[kind]
    build = chart.standalone if standalone and chart.standalone else chart.build
    figure = build(data, theme)
    settle_layout(figure)
    return figure


def chart_summary(kind: str, data: Any) -> str:
    """The one-sentence plain-language summary of the same data (caption, accessible text)."""
    return CHARTS[kind].summary(data)


def render(figure: Figure, fmt: str) -> bytes:
    """PNG at least :data:`MIN_PNG_WIDTH` pixels wide, or SVG."""
    buffer = io.BytesIO()
    if fmt == "svg":
        figure.savefig(buffer, format="svg", facecolor=figure.get_facecolor())
    else:
        dpi = max(150.0, MIN_PNG_WIDTH / figure.get_figwidth())
        figure.savefig(buffer, format="png", dpi=dpi, facecolor=figure.get_facecolor())
    return buffer.getvalue()


def save_chart(figure: Figure, path: Path) -> None:
    """Write ``figure`` to ``path`` (SVG for ``.svg``, else PNG): atomically, readable only by
    its owner — a chart of someone's mood is personal even outside the journal."""
    fmt = "svg" if path.suffix.lower() == ".svg" else "png"
    write_private_file(path, render(figure, fmt), "the chart")
