"""The figure seam: what the summary draws, and any builder's Figure embedded sharp on a page."""

from __future__ import annotations

import re

import numpy as np
from matplotlib.figure import Figure
from pytestqt.qtbot import QtBot

from recovery_journal.charts.mood import daily_arrays
from recovery_journal.charts.registry import CHARTS, chart_summary
from recovery_journal.domain.insight_text import top_trigger_rows
from recovery_journal.domain.insights import Period as InsightsPeriod
from recovery_journal.domain.report import Preset, ReportOptions
from recovery_journal.report.engine import Frame, Paged, Part
from recovery_journal.report.figures import KINDS, WIDTH_MM, report_figures, to_vector
from recovery_journal.report.summary import summary_document
from recovery_journal.report.vector import placeholder
from recovery_journal.services import report as report_service
from recovery_journal.services.session import JournalSession
from tests.report.conftest import END, pdf_pages
from tests.report.test_summary_pdf import JUNE


def test_the_summary_draws_four_figures_with_a_sentence_each(
    qtbot: QtBot, demo: JournalSession
) -> None:
    data = report_service.gather(demo, ReportOptions(JUNE, Preset.FULL), END)
    figures = report_figures(data)
    assert [f.key for f in figures] == ["mood", "triggers", "warning_signs", "coping"]
    assert all(f.summary.endswith(".") for f in figures)
    mood = figures[0].figure
    assert isinstance(mood, Figure)
    assert mood.axes[0].get_ylim()[0] == 0  # the anchored 0–10 scale


def test_the_figures_are_the_insights_charts_of_the_same_data(
    qtbot: QtBot, demo: JournalSession
) -> None:
    """Each figure is the Insights page's chart (charts.registry) drawn from the insights
    service's own series: same title, same sentence, same data drawn, the chart's own parts."""
    data = report_service.gather(demo, ReportOptions(JUNE, Preset.FULL), END)
    span = InsightsPeriod(JUNE.start, JUNE.end)
    parts = {
        "mood": [b'id="range"', b'id="mean"', b'id="rolling"', b'id="milestone"'],
        "triggers": [b'id="category:', b'id="intensity"', b'id="heat"'],
        "warning_signs": [b'id="sign:'],
        "coping": [b'id="drops"', b'id="interval"'],
    }
    figures = report_figures(data)
    for (key, kind), chart in zip(KINDS, figures, strict=True):
        series = demo.insights.chart_data(kind, span)
        assert chart.key == key and chart.title == CHARTS[kind].title
        assert chart.summary.startswith(chart_summary(kind, series))  # + the chart's footnote
        assert chart.figure is not None, key  # the demo June has all four
        svg = to_vector(chart.figure).svg
        for part in parts[key]:
            assert part in svg, (key, part)
        assert b"<pattern" not in svg  # no hatching on paper (slow to print)
    mood = figures[0].figure
    assert mood is not None
    mean = next(line for line in mood.axes[0].get_lines() if line.get_gid() == "mean")
    drawn = daily_arrays(demo.insights.chart_data("mood", span))
    assert np.array_equal(np.asarray(mean.get_ydata(), float), drawn["mean"], equal_nan=True)
    assert mood.axes[0].get_ylim() == (0, 10)  # the anchored scale


def test_the_charts_write_dates_out_and_sit_on_the_pages_with_their_words(
    qtbot: QtBot, demo: JournalSession
) -> None:
    data = report_service.gather(demo, ReportOptions(JUNE, Preset.FULL), END)
    figures = report_figures(data)
    mood = figures[0].figure
    assert mood is not None
    mood.canvas.draw()
    labels = [t.get_text() for t in mood.axes[0].get_xticklabels()]
    assert labels[0].endswith(" 2025") and all(
        re.fullmatch(r"\d{1,2} [A-Z][a-z]{2}( \d{4})?", label) for label in labels
    ), labels
    document = summary_document(data)
    chart_pages = " ".join(pdf_pages(document.pdf())[1 : 1 + document.pages_of_part(1)])
    for chart in figures:
        assert chart.title in chart_pages and chart.summary in chart_pages
    # The most frequent triggers are text under their chart (not drawn in it), every number:
    triggers = figures[1]
    span = InsightsPeriod(JUNE.start, JUNE.end)
    assert triggers.rows and triggers.rows == tuple(
        top_trigger_rows(demo.insights.chart_data("triggers", span))
    )
    assert triggers.figure is not None and len(triggers.figure.axes) == 2  # bars, heat map
    assert "Most frequent triggers" in chart_pages
    for name, times, intensity, seen in triggers.rows:
        assert f"{name} {times} {intensity} {seen}" in " ".join(chart_pages.split()), name


def test_any_figure_is_embedded_as_vectors_and_fits_the_page(qtbot: QtBot) -> None:
    wide = Figure(figsize=(10, 4))  # wider than the text
    ax = wide.add_subplot()
    ax.plot([0, 1, 2], [3, 50, 4])  # drawn beyond its axes: clipped
    ax.set_ylim(0, 10)
    ax.set_title("QXCHARTTITLE")
    drawing = to_vector(wide)
    assert drawing.width_mm <= WIDTH_MM + 1e-6
    assert abs(drawing.width_mm / drawing.height_mm - 2.5) < 1e-6
    assert drawing.svg.startswith(b"<?xml") and b"<image" not in drawing.svg  # no raster
    part = Part(f"<p>Before</p><p>{placeholder(0)}</p><p>After</p>", figures=[drawing])
    document = Paged([part], Frame())
    text = " ".join(pdf_pages(document.pdf()))
    assert "Before" in text and "After" in text and "[[figure" not in text


def test_the_figures_are_greyscale(qtbot: QtBot, demo: JournalSession) -> None:
    """Printed on a black-and-white printer nothing is lost: every colour is a grey."""

    quarter = report_service.last_days(END, 90)
    data = report_service.gather(demo, ReportOptions(quarter, Preset.FULL), END)
    for chart in report_figures(data):
        if chart.figure is None:
            continue
        svg = to_vector(chart.figure).svg.decode()
        colours = set(re.findall(r"#([0-9a-fA-F]{6})\b", svg))
        assert colours, chart.key
        for colour in colours:
            r, g, b = (colour[i : i + 2] for i in (0, 2, 4))
            assert r == g == b, (chart.key, colour)
