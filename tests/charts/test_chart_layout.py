"""What the charts draw at the edges of their ranges, and where their words sit once drawn:
weeks instead of days over long periods, whole-day bands, whole-number counts, and notes and
legends that do not cover the axis' words (bounding boxes after a draw — never pixels)."""

from __future__ import annotations

import math
from datetime import date, timedelta

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from recovery_journal.charts.registry import build_chart
from recovery_journal.charts.theme import ChartTheme
from recovery_journal.domain.insights import (
    CheckinDay,
    CheckinSeries,
    CopingSeries,
    MoodDay,
    MoodSeries,
    Period,
    StrategyDrop,
)
from tests.charts.test_charts import MOOD, TRIGGERS, d, x

LIGHT = ChartTheme()


def _line(fig: Figure, gid: str) -> Line2D:
    return next(ln for ln in fig.axes[0].get_lines() if ln.get_gid() == gid)


def _band(fig: Figure) -> list[np.ndarray]:
    band = next(c for c in fig.axes[0].collections if c.get_gid() == "range")
    assert isinstance(band, PolyCollection)
    return [np.asarray(p.vertices, dtype=float) for p in band.get_paths()]


def _legend_words(fig: Figure) -> list[str]:
    return [t.get_text() for legend in fig.legends for t in legend.get_texts()]


def test_a_lone_day_in_the_mood_band_is_a_whole_day_wide() -> None:
    fig = build_chart("mood", MOOD, LIGHT)
    # 2 and 3 March are one run (days 0 and 1); 6 March (day 4) stands alone, moods 7 to 9.
    lone = next(v for v in _band(fig) if v[:, 0].min() > x(3))
    assert (lone[:, 0].min(), lone[:, 0].max()) == (x(4) - 0.5, x(4) + 0.5)
    assert (lone[:, 1].min(), lone[:, 1].max()) == (7, 9)


def test_over_two_years_the_mood_chart_draws_weeks_and_says_so() -> None:
    start = date(2024, 1, 1)
    day = lambda i: start + timedelta(days=i)  # noqa: E731
    days = (
        MoodDay(day(0), 2, 6, 4.0, 2, 4.0),  # week 0: daily means 4 and 6 → 5, moods 2–6
        MoodDay(day(1), 6, 6, 6.0, 1, 5.0),
        MoodDay(day(14), 2, 2, 2.0, 1, 2.0),  # week 2
        MoodDay(day(35), 8, 8, 8.0, 1, 8.0),  # week 5
    )
    fig = build_chart("mood", MoodSeries(Period(start, day(799)), days), LIGHT)
    mean, rolling = _line(fig, "mean"), _line(fig, "rolling")
    first = float(fig.axes[0].get_xlim()[0]) + 0.5  # the period's first day
    assert list(mean.get_xdata()[:3]) == [first + 3.0, first + 10.0, first + 17.0]
    weekly = np.asarray(mean.get_ydata(), dtype=float)
    assert len(weekly) == 115  # 800 days: 114 whole weeks and 2 days
    assert weekly[0] == 5.0 and weekly[2] == 2.0 and weekly[5] == 8.0
    assert math.isnan(weekly[1]) and math.isnan(weekly[3])  # weeks without a mood: gaps
    trend = np.asarray(rolling.get_ydata(), dtype=float)
    # The mean of the daily means of the 4 weeks ending with each week that has a mood:
    assert trend[0] == 5.0 and trend[2] == (4 + 6 + 2) / 3 and trend[5] == (2 + 8) / 2
    assert math.isnan(trend[1])
    assert [(v[:, 1].min(), v[:, 1].max()) for v in _band(fig)[:1]] == [(2, 6)]
    assert {"weekly mean", "4-week mean", "lowest to highest that week"} <= set(_legend_words(fig))


def test_short_ranges_keep_daily_points() -> None:
    assert {"daily mean", "7-day mean"} <= set(_legend_words(build_chart("mood", MOOD, LIGHT)))


def test_trigger_counts_are_whole_numbers_and_the_legend_sits_under_the_date_words() -> None:
    fig = build_chart("triggers", TRIGGERS, LIGHT)
    renderer = FigureCanvasAgg(fig).get_renderer()
    fig.draw(renderer)
    bars = fig.axes[0]
    assert all(float(t).is_integer() for t in bars.get_yticks())  # no 0.25 of an event
    offset = bars.xaxis.get_offset_text()
    assert offset.get_text() == "Mar 2026"  # a two-week range: the month is written once
    legend = fig.legends[0].get_window_extent(renderer)
    assert legend.y1 <= offset.get_window_extent(renderer).y0
    tick_words = [t.get_window_extent(renderer) for t in bars.get_xticklabels()]
    assert all(legend.y1 <= box.y0 for box in tick_words)
    assert _legend_words(fig)[-1] == "mean intensity"  # after the categories it measures
    words = [t.get_text() for ax in fig.axes for t in ax.texts]
    assert {"0 barely", "10 overwhelming", "Mon", "evening"} <= set(words)


def test_the_heat_map_alone_lines_up_under_the_bars_and_a_file_keeps_the_list_beside_it() -> None:
    screen = build_chart("triggers", TRIGGERS, LIGHT)
    bars, heat = screen.axes  # no list: its words are text under the chart in the app
    assert heat.get_position().x1 == bars.get_position().x1
    assert heat.get_position().y1 < bars.get_position().y0
    file = build_chart("triggers", TRIGGERS, LIGHT, standalone=True)
    bars, top, heat = file.axes
    assert top.get_position().x1 < heat.get_position().x0  # side by side under the bars
    assert top.get_title(loc="left") == "Most frequent"


def test_the_coping_note_sits_under_the_axis_label() -> None:
    data = CopingSeries(
        Period(d(0), d(29)),
        (StrategyDrop("Walk", 3, 3.0, 2.0, 4.0),),
        (StrategyDrop("Call", 1, None, None, None), StrategyDrop("Breathe", 2, None, None, None)),
    )
    fig = build_chart("coping", data, LIGHT)
    renderer = FigureCanvasAgg(fig).get_renderer()
    fig.draw(renderer)
    label = fig.axes[0].xaxis.label
    note = next(t for t in fig.texts if t.get_gid() == "not-enough")
    first_line = label.get_window_extent(renderer).y1 - float(label.get_fontsize()) * fig.dpi / 72
    assert note.get_window_extent(renderer).y1 <= first_line
    assert note.get_window_extent(renderer).y0 >= 0  # on the figure


def test_over_two_years_the_check_ins_draw_weekly_means() -> None:
    start = date(2024, 1, 1)
    days = (
        CheckinDay(start, 6.0, None, 5.0, 2.0),
        CheckinDay(start + timedelta(days=2), 2.0, 7.0, None, None),  # same week: anxiety 4
        CheckinDay(start + timedelta(days=799), 1.0, None, None, None),  # the last, short week
    )
    fig = build_chart("checkins", CheckinSeries(Period(start, start + timedelta(days=799)), days))
    anxiety = next(ln for ln in fig.axes[0].get_lines() if ln.get_gid() == "anxiety")
    weekly = np.asarray(anxiety.get_ydata(), dtype=float)
    assert len(weekly) == 115 and weekly[0] == 4.0 and weekly[-1] == 1.0
    assert np.isnan(weekly[1:-1]).all()
    assert fig.axes[0].get_title(loc="left") == "Anxiety, weekly mean"


def test_calendar_cells_outside_the_range_are_hatched_apart_from_days_without_a_mood() -> None:
    # 30 Nov – 6 Dec 2026 (two month rows); moods on 30 Nov and 1 Dec, none on 2–6 Dec.
    start = date(2026, 11, 30)
    days = (MoodDay(start, 5, 5, 5.0, 1, 5.0), MoodDay(date(2026, 12, 1), 6, 6, 6.0, 1, 5.5))
    fig = build_chart("calendar", MoodSeries(Period(start, date(2026, 12, 6)), days), LIGHT)
    hatched = [p for p in fig.axes[0].patches if p.get_gid() == "outside"]
    runs = sorted((round(p.get_y() + 0.5), round(p.get_x() + 0.5), p.get_width()) for p in hatched)
    # (row, first column, columns): 1–29 Nov, "31 Nov", 7–31 Dec. 2–6 Dec stay plain.
    assert runs == [(0, 0, 29), (0, 30, 1), (1, 6, 25)]
    assert all(p.get_hatch() for p in hatched)


def test_a_milestone_label_near_either_end_runs_inwards() -> None:
    from recovery_journal.domain.insights import Marker

    markers = (Marker(d(0), "Day one", "milestone"), Marker(d(6), "A week", "milestone"))
    data = MoodSeries(MOOD.period, MOOD.days, markers=markers)
    fig = build_chart("mood", data, LIGHT)
    sides = {t.get_text(): t.get_horizontalalignment() for t in fig.axes[0].texts}
    assert sides["Day one"] == "left" and sides["A week"] == "right"
