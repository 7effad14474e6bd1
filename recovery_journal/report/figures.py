"""Where the summary's figures come from — the one seam between the report and the charts.

:func:`report_figures` draws the Insights page's own charts (:mod:`recovery_journal.charts`,
``build_chart`` and ``chart_summary`` of the registry) from the series the report service read
(:class:`~recovery_journal.domain.report.ChartSeries`), in the print theme: white paper, black
ink and greys, with markers, line styles and direct labels as the second encoding (no hatching:
QtSvg draws pattern fills slowly), the fixed anchored scales of the charts, at the width of the
page's text. :func:`to_vector` turns each into SVG for the page.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import date
from itertools import pairwise

from matplotlib import dates as mdates
from matplotlib.figure import Figure
from matplotlib.ticker import FixedFormatter

from recovery_journal.charts.common import figure_legend
from recovery_journal.charts.registry import CHARTS, build_chart, chart_summary
from recovery_journal.charts.theme import ChartTheme
from recovery_journal.domain.insight_text import top_trigger_rows
from recovery_journal.domain.report import SummaryData
from recovery_journal.report import vector

WIDTH_MM = 176.0
FONT_SIZE = 8.0  # points on paper (the figure is drawn at the text's width: no shrinking)
PRINT = ChartTheme(ink=True, font_size=FONT_SIZE, width=WIDTH_MM / 25.4, height_scale=0.62)
MAX_HEIGHT_MM = {"mood": 80.0, "triggers": 110.0, "warning_signs": 75.0, "coping": 70.0}
"""Two charts share a page (with their titles and sentences): taller ones are made shorter."""
LONG_DAYS = 180  # a longer mood chart draws its daily means quietly
MOOD_HEIGHT_MM = 80.0  # room for the anchor words of the 0–10 scale at print size
KINDS = (  # the report's key, the chart's KIND
    ("mood", "mood"),
    ("triggers", "triggers"),
    ("warning_signs", "warning-signs"),
    ("coping", "coping"),
)


# matplotlib writes the space glyph as a path without data, which QtSvg rejects with warnings (and
# an empty stand-in left PDF paths that poppler reports): the glyph and its uses are left out.
_EMPTY_GLYPH = re.compile(rb'<path id="([^"]+)" transform="[^"]*"/>')
# A shape whose every point is the same (the range band of a lone day rated once) has no area;
# Qt's PDF writer turns it into a closepath without a current point, which readers reject.
_SHAPE = re.compile(rb'<path d="([^"]*)"[^>]*/>')
_NUMBER = re.compile(rb"-?[0-9.]+(?:e-?[0-9]+)?")


def _is_a_point(match: re.Match[bytes]) -> bool:
    numbers = _NUMBER.findall(match.group(1))
    return len(numbers) > 2 and len(set(zip(numbers[::2], numbers[1::2], strict=False))) == 1


@dataclass(frozen=True, slots=True)
class ReportFigure:
    """A figure for the summary: what it shows, the drawing, and one sentence saying it."""

    key: str  # "mood", "triggers", "warning_signs", "coping"
    title: str
    figure: Figure | None  # None: nothing to draw (the sentence says why)
    summary: str
    rows: tuple[tuple[str, ...], ...] = ()
    """The chart's table, set as text under it (the triggers' most frequent: selectable in
    the PDF, and the drawing is lighter); columns: ``TOP_TRIGGER_COLUMNS``."""


def _drawn(kind: str, data: object) -> bool:
    """Whether the chart has anything to draw (else its sentence stands alone: the charts'
    empty state would only repeat it)."""
    if kind == "mood":
        return bool(getattr(data, "days", ()))
    if kind == "coping":
        return bool(getattr(data, "drawn", ()))
    return bool(getattr(data, "total", 0))


def date_words(days: list[date]) -> list[str]:
    """Tick labels with the months written out ("9 Nov", "Dec 2026", "2027"): the year on the
    first tick and wherever it changes, so no reader confuses day and month."""
    monthly = all(d.day == 1 for d in days)
    yearly = monthly and all(d.month == 1 for d in days)
    labels, year = [], None
    for d in days:
        if yearly:
            labels.append(str(d.year))
        else:
            text = f"{d:%b}" if monthly else f"{d.day} {d:%b}"
            labels.append(f"{text} {d.year}" if d.year != year else text)
        year = d.year
    return labels


def _spaced(ticks: list[float]) -> list[float]:
    """Without a tick that crowds its neighbour (the first of a month next to a weekly tick:
    written-out dates are wider than the screen's numbers)."""
    if len(ticks) < 3:
        return ticks
    gaps = sorted(b - a for a, b in pairwise(ticks))
    usual = gaps[len(gaps) // 2]
    kept = [ticks[0]]
    for tick in ticks[1:]:
        if tick - kept[-1] >= 0.6 * usual:
            kept.append(tick)
    return kept


def write_out_dates(figure: Figure) -> None:
    """Every date axis of ``figure`` with written-out dates instead of the screen's compact
    numbers ("09 13 17 … 2026-Dec")."""
    for ax in figure.axes:
        if not isinstance(ax.xaxis.get_major_formatter(), mdates.ConciseDateFormatter):
            continue
        ticks = _spaced(list(ax.get_xticks()))
        days = [mdates.num2date(t).date() for t in ticks]  # type: ignore[no-untyped-call]
        ax.set_xticks(ticks)
        ax.xaxis.set_major_formatter(FixedFormatter(date_words(days)))


def _footnotes(figure: Figure) -> list[str]:
    """Notes a chart writes along its bottom edge ("Not enough uses yet: …"), taken out of the
    drawing and returned for the sentence under it: at print size they ran into the axis label."""
    found = [t for t in figure.texts if t.get_gid() == "not-enough"]
    for text in found:
        text.remove()
    return [" ".join(t.get_text().split()) for t in found]


def _quiet_daily_line(figure: Figure) -> None:
    """Over a long period the daily means are a solid block of ink on paper: drawn thin and
    light, under the 7-day mean drawn in black (the legend redrawn to match)."""
    ax = figure.axes[0]
    for line in ax.get_lines():
        if line.get_gid() == "mean":
            line.set(color=PRINT.colour("sky"), linewidth=0.3)
        elif line.get_gid() == "rolling":
            line.set(color=PRINT.foreground, linewidth=0.9, linestyle="-", zorder=3)
    for legend in list(figure.legends):
        legend.remove()
    figure_legend(figure, ax, PRINT)


def chart(key: str, kind: str, data: object) -> ReportFigure:
    """One chart of the registry, drawn for paper, with its summary sentence."""
    figure = build_chart(kind, data, PRINT) if _drawn(kind, data) else None
    if figure is not None:
        write_out_dates(figure)
        width, height = figure.get_size_inches()
        most = MAX_HEIGHT_MM[key] / 25.4
        if key == "mood":  # constrained layout: it takes any height
            figure.set_size_inches(width, MOOD_HEIGHT_MM / 25.4)
        elif height > most:
            figure.set_size_inches(width, most)
    summary = chart_summary(kind, data)
    if figure is not None:
        summary = " ".join([summary, *_footnotes(figure)])
        if kind == "mood" and getattr(data.period, "days", 0) > LONG_DAYS:  # type: ignore[attr-defined]
            _quiet_daily_line(figure)
    if figure is None and kind == "mood":  # the app's "fills in as you write" is for the screen
        summary = "No mood ratings in this period."
    rows = tuple(top_trigger_rows(data)) if kind == "triggers" and figure is not None else ()  # type: ignore[arg-type]
    return ReportFigure(key, CHARTS[kind].title, figure, summary, rows)


def report_figures(data: SummaryData) -> list[ReportFigure]:
    """THE SEAM: the figures of the full summary, in page order (none without the charts)."""
    if data.charts is None:
        return []
    series = {
        "mood": data.charts.mood,
        "triggers": data.charts.triggers,
        "warning_signs": data.charts.warning_signs,
        "coping": data.charts.coping,
    }
    return [chart(key, kind, series[key]) for key, kind in KINDS]


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
    svg = _SHAPE.sub(lambda m: b"" if _is_a_point(m) else m.group(0), svg)
    return vector.Figure(svg, width * shrink, height * shrink)
