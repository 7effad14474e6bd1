"""Where the summary's figures come from — the one seam between the report and the charts.

:func:`report_figures` turns the report model into :class:`ReportFigure` values (a
``matplotlib.figure.Figure`` with its title and a one-sentence summary in plain words);
:func:`to_vector` turns each into SVG for the page. Today the figures are drawn here, simply, from
the report's own numbers; when the shared chart builders exist (``recovery_journal/charts``), this
module calls them instead and nothing else in the report changes.

Greyscale-safe: black and greys only, with a second encoding (markers, every bar named and its
value written on it — no hatching: QtSvg draws pattern fills slowly and heavily); fixed,
anchored scales (mood and distress 0–10).
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from recovery_journal.domain.report import SummaryData
from recovery_journal.report import vector, words

WIDTH_MM = 176.0
HEIGHT_MM = 62.0
BAR_HEIGHT_MM = 44.0
MAX_POINTS = 180  # the mood line of a longer period shows means over runs of days
MAX_MARKED_POINTS = 90
GREYS = ("#222222", "#777777", "#bbbbbb")
FONT_SIZE = 8  # points; set on each text (never through matplotlib's global rcParams: the
# figures are drawn on a worker thread while the app may be drawing its own charts)


# matplotlib writes the space glyph as a path without data, which QtSvg rejects with warnings (and
# an empty stand-in left PDF paths that poppler reports): the glyph and its uses are left out.
_EMPTY_GLYPH = re.compile(rb'<path id="([^"]+)" transform="[^"]*"/>')


@dataclass(frozen=True, slots=True)
class ReportFigure:
    """A figure for the summary: what it shows, the drawing, and one sentence saying it."""

    key: str  # "mood", "triggers", "warning_signs", "coping"
    title: str
    figure: Figure | None  # None: nothing to draw (the sentence says why)
    summary: str


def _figure(height_mm: float = HEIGHT_MM) -> tuple[Figure, Any]:
    fig = Figure(figsize=(WIDTH_MM / 25.4, height_mm / 25.4), layout="constrained")
    ax = fig.add_subplot()
    ax.spines[["top", "right"]].set_visible(False)
    ax.tick_params(labelsize=FONT_SIZE)
    return fig, ax


def _phase_spans(data: SummaryData) -> list[tuple[date, date, str]]:
    """The phases as they cover the period: (first day, last day, name)."""
    period = data.period
    starts = sorted(data.phases, key=lambda p: p.day)
    spans = []
    for index, phase in enumerate(starts):
        following = starts[index + 1].day - timedelta(days=1) if index + 1 < len(starts) else None
        start = max(phase.day, period.start)
        end = min(following or period.end, period.end)
        if start <= end:
            spans.append((start, end, phase.text))
    return spans


def _binned(
    points: list[tuple[float, float, float, float]], days: int
) -> list[tuple[float, float, float, float]]:
    """Daily (x, mean, low, high) as they are for short periods; for long ones, averaged over
    runs of days so the line stays readable (and the drawing small): at most MAX_POINTS."""
    size = max(1, -(-days // MAX_POINTS))
    if size == 1:
        return points
    bins: dict[int, list[tuple[float, float, float, float]]] = {}
    for point in points:
        bins.setdefault(int(point[0]) // size, []).append(point)
    return [
        (
            (index + 0.5) * size - 0.5,
            sum(p[1] for p in group) / len(group),
            min(p[2] for p in group),
            max(p[3] for p in group),
        )
        for index, group in sorted(bins.items())
    ]


def _day_ticks(days: int, most: int = 7) -> list[int]:
    step = max(1, -(-days // most))
    return list(range(0, days, step))


def _tick_label(day: date) -> str:
    return f"{day.day} {day:%b}\n{day.year}"


def mood_figure(data: SummaryData) -> ReportFigure:
    """Daily mood (mean, with the day's lowest and highest) on the fixed 0–10 scale, phases as
    bands and milestones as marks."""
    fig, ax = _figure()
    period = data.period
    days = data.mood_days

    # The x axis counts days from the period's first (plain numbers keep the drawing independent
    # of matplotlib's date handling).
    def x(day: date) -> float:
        return float((day - period.start).days)

    for index, (start, end, name) in enumerate(_phase_spans(data)):
        ax.axvspan(x(start) - 0.5, x(end) + 0.5, color="#000", alpha=0.04 + 0.05 * (index % 2))
        ax.text(x(start) - 0.5, 10.3, f" {name}", fontsize=7, color="#333333")
    points = _binned([(x(d.day), d.mean, d.low, d.high) for d in days], period.days)
    if points:
        xs = [p[0] for p in points]
        ax.fill_between(xs, [p[2] for p in points], [p[3] for p in points], color="#ccc", lw=0)
        marker = "o" if len(points) <= MAX_MARKED_POINTS else None
        ax.plot(xs, [p[1] for p in points], color="#111111", lw=1.2, marker=marker, ms=2)
    for milestone in data.milestones:
        ax.plot([x(milestone.day)], [0.4], marker="^", color="#111111", ms=5)
    ax.set_ylim(0, 10.9)
    ax.set_yticks([0, 2, 4, 6, 8, 10])
    ax.set_xlim(-0.5, period.days - 0.5)
    ticks = _day_ticks(period.days)
    ax.set_xticks(ticks, [_tick_label(period.start + timedelta(days=t)) for t in ticks])
    ax.set_ylabel("Mood (0 worst – 10 best)", fontsize=FONT_SIZE)
    ax.grid(axis="y", color="#dddddd", lw=0.5)
    mean = data.current.mood.mean
    size = max(1, -(-period.days // MAX_POINTS))
    line = (
        "line: the day's average; grey band: its lowest to highest rating"
        if size == 1
        else f"line: the average of each {size} days; grey band: their lowest to highest rating"
    )
    summary = (
        f"Mood averaged {words.one_decimal(mean)} on {words.days(data.current.mood.days)} "
        f"with a rating ({line}; triangles: milestones)."
        if mean is not None
        else "No mood ratings in this period."
    )
    title = "Mood day by day" if size == 1 else "Mood over time"
    return ReportFigure("mood", title, fig if days else None, summary)


def _bars(labels: list[str], values: list[int], axis_label: str) -> Figure:
    fig, ax = _figure(BAR_HEIGHT_MM)
    y = list(range(len(labels)))[::-1]
    ax.barh(y, values, color=[GREYS[i % 3] for i in range(len(labels))], edgecolor="#000")
    for yy, value in zip(y, values, strict=True):
        ax.text(value, yy, f" {value}", va="center", fontsize=FONT_SIZE)
    ax.set_yticks(y, labels)
    ax.set_xlabel(axis_label, fontsize=FONT_SIZE)
    ax.set_xlim(0, max([*values, 1]) * 1.15)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    return fig


def trigger_figure(data: SummaryData) -> ReportFigure:
    counted = data.current.trigger_categories
    fig = _bars([words.category(c.label) for c in counted], [c.count for c in counted], "Events")
    summary = (
        f"{data.current.trigger_events} trigger events; "
        f"most often {words.category(counted[0].label)}."
        if counted
        else "No triggers logged in this period."
    )
    return ReportFigure("triggers", "Triggers by kind", fig if counted else None, summary)


def warning_figure(data: SummaryData) -> ReportFigure:
    counted = data.current.warning_days
    fig = _bars([words.stage(c.label) for c in counted], [c.count for c in counted], "Days")
    total = sum(c.count for c in counted)
    summary = (
        "Days with at least one warning sign of each stage: "
        + ", ".join(f"{words.stage(c.label).lower()} {c.count}" for c in counted)
        + "."
        if total
        else "No warning signs noted in this period."
    )
    return ReportFigure("warning_signs", "Warning signs by stage", fig if total else None, summary)


def coping_figure(data: SummaryData) -> ReportFigure:
    helped = data.current.helped_most
    fig, ax = _figure(BAR_HEIGHT_MM)
    y = list(range(len(helped)))[::-1]
    ax.barh(y, [h.average_drop for h in helped], color="#777777", edgecolor="#000")
    for yy, h in zip(y, helped, strict=True):
        ax.text(
            max(h.average_drop, 0),
            yy,
            f"  −{h.average_drop:.1f} (n = {h.n})",
            va="center",
            fontsize=FONT_SIZE,
        )
    ax.set_yticks(y, [h.name for h in helped])
    ax.set_xlim(0, 10)
    ax.set_xlabel("Average drop in distress (0–10 scale), over n rated uses", fontsize=FONT_SIZE)
    summary = (
        f"{data.current.coping_uses} coping uses; "
        f"the one that helped most: {helped[0].name} (n = {helped[0].n})."
        if helped
        else f"{data.current.coping_uses} coping uses; not enough rated uses to compare yet."
    )
    title = "What helped (distress before → after)"
    return ReportFigure("coping", title, fig if helped else None, summary)


def report_figures(data: SummaryData) -> list[ReportFigure]:
    """THE SEAM: the figures of the full summary, in page order."""
    return [mood_figure(data), trigger_figure(data), warning_figure(data), coping_figure(data)]


def to_vector(figure: Figure) -> vector.Figure:
    """The figure as SVG at its own size on the page, made smaller (same shape) when it is wider
    than the text (any builder's figure fits: QtSvg honours matplotlib's clip paths)."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None})
    width, height = (float(v) * 25.4 for v in figure.get_size_inches())
    shrink = min(1.0, WIDTH_MM / width)
    svg = buffer.getvalue()
    for glyph in _EMPTY_GLYPH.findall(svg):
        svg = re.sub(rb'<use xlink:href="#' + re.escape(glyph) + rb'"[^>]*/>', b"", svg)
    svg = _EMPTY_GLYPH.sub(b"", svg)
    return vector.Figure(svg, width * shrink, height * shrink)
