"""Charts draw the data they are given: arrays, band limits, bar heights, gaps, axes, sentences.

Series are built by hand here (the SQL behind them is tested in tests/services/test_insights.py),
and the figures are inspected through matplotlib's artists — never pixels.
"""

from __future__ import annotations

import math
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pytest
from matplotlib import dates as mdates
from matplotlib.collections import LineCollection, PolyCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle

from recovery_journal.charts.registry import CHARTS, build_chart, chart_summary, save_chart
from recovery_journal.charts.theme import OKABE_ITO, ChartTheme
from recovery_journal.domain.insight_text import TOP_TRIGGER_COLUMNS, top_trigger_rows
from recovery_journal.domain.insights import (
    CHART_KINDS,
    CheckinDay,
    CheckinSeries,
    CopingSeries,
    CounterTrack,
    Marker,
    MoodDay,
    MoodSeries,
    Period,
    PhaseBand,
    ProgressSeries,
    SignRow,
    StrategyDrop,
    TopTrigger,
    TriggerSeries,
    WarningSeries,
)

D0 = date(2026, 3, 2)  # Monday
LIGHT, DARK = ChartTheme(), ChartTheme(dark=True, font_size=14)


def d(i: int) -> date:
    return D0 + timedelta(days=i)


def x(i: int) -> float:
    return float(mdates.date2num(d(i)))


def line(fig: Figure, gid: str) -> Line2D:
    return next(ln for ax in fig.axes for ln in ax.get_lines() if ln.get_gid() == gid)


def texts(fig: Figure) -> str:
    return " ".join(t.get_text() for ax in fig.axes for t in ax.texts) + " ".join(
        t.get_text() for t in fig.texts
    )


MOOD = MoodSeries(
    Period(d(0), d(6)),
    (
        MoodDay(d(0), 4, 8, 6.0, 2, 6.0),
        MoodDay(d(1), 5, 5, 5.0, 1, 5.5),
        MoodDay(d(4), 7, 9, 8.0, 2, 19 / 3),
    ),
    previous_mean=5.2,
    phases=(PhaseBand("Acceptance", d(0), d(2)), PhaseBand("Recovery", d(3), d(6))),
    markers=(Marker(d(4), "First week", "milestone"), Marker(d(5), "Sober since", "slip")),
)


def test_mood_draws_mean_rolling_and_range_with_gaps_as_nan() -> None:
    fig = build_chart("mood", MOOD, LIGHT)
    mean = line(fig, "mean")
    assert list(mean.get_xdata()) == [x(i) for i in range(7)]
    ys = np.asarray(mean.get_ydata(), dtype=float)
    assert ys[[0, 1, 4]].tolist() == [6.0, 5.0, 8.0]
    assert all(math.isnan(ys[i]) for i in (2, 3, 5, 6))  # days without a mood: gaps
    rolling = np.asarray(line(fig, "rolling").get_ydata(), dtype=float)
    assert rolling[4] == 19 / 3 and math.isnan(rolling[3])
    ax = fig.axes[0]
    band = next(c for c in ax.collections if c.get_gid() == "range")
    assert isinstance(band, PolyCollection)
    ys_band = np.concatenate([p.vertices[:, 1] for p in band.get_paths()])
    assert ys_band.min() == 4 and ys_band.max() == 9
    assert ax.get_ylim() == (0, 10)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[0].startswith("0 the worst") and labels[-1].startswith("10 the best")
    assert "okay" in " ".join(labels)


def test_mood_marks_phases_milestones_and_slips_in_a_neutral_colour() -> None:
    fig = build_chart("mood", MOOD, LIGHT)
    ax = fig.axes[0]
    phases = [p.get_gid() for p in ax.patches if str(p.get_gid()).startswith("phase:")]
    assert phases == ["phase:Acceptance", "phase:Recovery"]
    star = line(fig, "milestone")
    assert star.get_marker() == "*" and list(star.get_xdata()) == [x(4)]
    slip = line(fig, "slip")
    assert list(slip.get_xdata()) == [x(5)]
    assert slip.get_color() == LIGHT.neutral
    assert slip.get_color().lower() not in (OKABE_ITO["vermillion"].lower(), "red", "#ff0000")
    assert "First week" in texts(fig)


def test_mood_summary_compares_with_the_period_before() -> None:
    # Daily means 6, 5, 8 → 6.33; the 7 days before averaged 5.2 → 6.3 − 5.2 = 1.1 higher.
    assert chart_summary("mood", MOOD) == (
        "Your mood averaged 6.3 over these 7 days, 1.1 higher than the 7 days before."
    )


def test_calendar_squares_hold_the_daily_mean_and_empty_days_stay_empty() -> None:
    fig = build_chart("calendar", MOOD, DARK)
    image = next(i for ax in fig.axes for i in ax.images if i.get_gid() == "calendar")
    grid = image.get_array()
    assert grid.shape == (1, 31)  # March 2026
    assert grid[0, 1] == 6.0 and grid[0, 2] == 5.0 and grid[0, 5] == 8.0  # 2, 3, 6 March
    assert grid.mask[0, 3] and grid.mask[0, 0]
    assert image.get_clim() == (0, 10)
    assert "3 of these 7 days" in chart_summary("calendar", MOOD)


def test_a_long_calendar_has_a_row_per_year_and_a_column_per_day() -> None:
    days = (
        MoodDay(date(2024, 12, 31), 3, 3, 3.0, 1, 3.0),
        MoodDay(date(2025, 2, 1), 7, 7, 7.0, 1, 7.0),
    )
    data = MoodSeries(Period(date(2024, 1, 1), date(2025, 6, 30)), days)
    image = build_chart("calendar", data, LIGHT).axes[0].images[0]
    grid = image.get_array()
    assert grid.shape == (2, 366)
    assert grid[0, 365] == 3.0 and grid[1, 31] == 7.0  # 31 Dec 2024 (leap year), 1 Feb 2025
    assert int(grid.count()) == 2
    from recovery_journal.charts.hover import point_at

    assert point_at("calendar", data, 31.0, 1.0) == (date(2025, 2, 1), "Sat 01 Feb 2025: mood 7.0")
    assert point_at("calendar", data, 365.0, 1.0) is None  # 2025 has no 366th day


TRIGGERS = TriggerSeries(
    Period(d(0), d(13)),
    (d(0), d(7)),
    {"people": (1, 1), "situations": (2, 0)},
    (17 / 3, 5.0),
    (TopTrigger("Payday", "situations", 2, 7.0, d(1)), TopTrigger("Mum", "people", 2, 4.0, d(8))),
    ((0, 0, 0, 1), (0, 2, 0, 1), *((0, 0, 0, 0),) * 5),
)


def test_triggers_stack_categories_per_week_with_intensity() -> None:
    fig = build_chart("triggers", TRIGGERS, LIGHT)
    bars = fig.axes[0]
    people = [p for p in bars.patches if p.get_gid() == "category:people"]
    situations = [p for p in bars.patches if p.get_gid() == "category:situations"]
    assert [p.get_height() for p in people] == [1, 1]
    assert [p.get_height() for p in situations] == [2, 0]
    assert [p.get_y() for p in situations] == [1, 1]  # stacked on people
    assert people[0].get_hatch() != situations[0].get_hatch()  # not colour alone
    intensity = line(fig, "intensity")
    assert list(intensity.get_ydata()) == [17 / 3, 5.0]
    heat = next(i for ax in fig.axes for i in ax.images if i.get_gid() == "heat")
    assert heat.get_array()[3, 0] == 1 and heat.get_array()[1, 1] == 2  # evening Mon, morning Tue
    assert chart_summary("triggers", TRIGGERS) == (
        "4 trigger events in these 14 days, most often “Payday” (2 times); mostly in the morning."
    )


def test_the_most_frequent_triggers_are_text_on_screen_and_drawn_in_a_file() -> None:
    rows = [("Payday", "2", "7.0", "03 Mar 2026"), ("Mum", "2", "4.0", "10 Mar 2026")]
    assert top_trigger_rows(TRIGGERS) == rows  # the app's and the summary's table
    assert len(TOP_TRIGGER_COLUMNS) == len(rows[0])
    on_screen = build_chart("triggers", TRIGGERS, LIGHT)
    assert not [p for ax in on_screen.axes for p in ax.patches if p.get_gid() == "top"]
    assert "Payday" not in {t.get_text() for ax in on_screen.axes for t in ax.texts}
    file = build_chart("triggers", TRIGGERS, LIGHT, standalone=True)
    top = file.axes[1]
    bars = [p for p in top.patches if p.get_gid() == "top"]
    assert [b.get_width() for b in bars] == [2, 2]  # least frequent at the bottom
    texts = [t.get_text() for t in top.texts]
    assert texts[:2] == ["Mum", "Payday"]  # a name left of each bar, the first on top
    assert texts[2:] == ["4.0 · 10 Mar 2026", "7.0 · 03 Mar 2026"]  # intensity · last seen
    empty_top = TriggerSeries(
        TRIGGERS.period,
        TRIGGERS.buckets,
        TRIGGERS.counts,
        TRIGGERS.mean_intensity,
        (),
        TRIGGERS.heat,
    )
    assert len(build_chart("triggers", empty_top, LIGHT, standalone=True).axes) == 2
    assert top_trigger_rows(empty_top) == []


def test_warning_signs_are_grouped_by_stage_with_shapes() -> None:
    data = WarningSeries(
        Period(d(0), d(13)),
        (d(0), d(7)),
        (SignRow("Skipping meals", "early", (2, 0)), SignRow("Isolating", "crisis", (0, 1))),
    )
    fig = build_chart("warning-signs", data, LIGHT)
    ax = fig.axes[0]
    meals = next(c for c in ax.collections if c.get_gid() == "sign:Skipping meals")
    assert meals.get_offsets().tolist() == [[x(0) + 3.0, 0.0]]
    isolating = next(c for c in ax.collections if c.get_gid() == "sign:Isolating")
    assert isolating.get_offsets().tolist() == [[x(7) + 3.0, 1.0]]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Skipping meals", "Isolating"]
    assert "mostly early ones" in chart_summary("warning-signs", data)


def test_coping_bars_are_mean_drops_with_intervals_and_few_uses_are_listed() -> None:
    data = CopingSeries(
        Period(d(0), d(6)),
        (StrategyDrop("Walk", 3, 3.0, 2.0, 4.0), StrategyDrop("Scroll", 4, -0.5, -1.5, 0.5)),
        (StrategyDrop("Call", 1, None, None, None),),
    )
    fig = build_chart("coping", data, LIGHT)
    ax = fig.axes[0]
    bars = [p for p in ax.patches if isinstance(p, Rectangle)]
    assert [b.get_width() for b in bars] == [3.0, -0.5]
    interval = next(c for c in ax.collections if isinstance(c, LineCollection))
    segments = interval.get_segments()
    assert [(s[0][0], s[1][0]) for s in segments] == [(2.0, 4.0), (-1.5, 0.5)]
    assert "n = 3" in texts(fig) and "Not enough uses yet: Call (1)" in texts(fig)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Walk", "Scroll"]
    assert chart_summary("coping", data) == (
        "“Walk” lowered distress the most, by 3.0 points on average over 3 rated uses."
    )


def test_milestones_draw_streaks_between_slips() -> None:
    data = ProgressSeries(
        Period(d(0), d(9)),
        (CounterTrack("Sober since", d(-20), ((d(0), d(5)), (d(7), d(9))), (d(6),)),),
        (Marker(d(4), "First week"),),
        (),
    )
    fig = build_chart("milestones", data, LIGHT)
    ax = fig.axes[0]
    runs = next(c for c in ax.collections if c.get_gid() == "runs:Sober since")
    starts_widths = [
        (round(p.vertices[:, 0].min(), 6), round(np.ptp(p.vertices[:, 0]), 6))
        for p in runs.get_paths()
    ]
    assert starts_widths == [(x(0) - 0.5, 6.0), (x(7) - 0.5, 3.0)]
    assert list(line(fig, "slips:Sober since").get_xdata()) == [x(6)]
    assert line(fig, "slips:Sober since").get_color() == LIGHT.neutral
    assert chart_summary("milestones", data) == (
        "1 milestone reached in these 10 days; the longest streak here ran 6 days."
    )


def test_checkins_are_small_multiples_on_anchored_axes() -> None:
    data = CheckinSeries(
        Period(d(0), d(3)),
        (CheckinDay(d(0), 6.0, None, 5.0, 2.0), CheckinDay(d(2), 4.0, 7.0, None, None)),
    )
    fig = build_chart("checkins", data, LIGHT)
    assert len(fig.axes) == 4
    anxiety = np.asarray(line(fig, "anxiety").get_ydata(), dtype=float)
    assert anxiety[0] == 6.0 and anxiety[2] == 4.0 and math.isnan(anxiety[1])
    assert fig.axes[0].get_ylim() == (0, 10) and fig.axes[1].get_ylim() == (0, 10)
    assert fig.axes[3].get_ylim() == (1, 5)
    assert chart_summary("checkins", data) == (
        "Over these 4 days you averaged anxiety 5.0, energy 7.0 and sleep 5.0 hours a night."
    )


@pytest.mark.parametrize("kind", CHART_KINDS)
def test_every_chart_has_a_gentle_empty_state(kind: str) -> None:
    period = Period(d(0), d(29))
    empty = {
        "mood": MoodSeries(period, ()),
        "calendar": MoodSeries(period, ()),
        "triggers": TriggerSeries(period, (), {}, ()),
        "warning-signs": WarningSeries(period, (), ()),
        "coping": CopingSeries(period, (), ()),
        "milestones": ProgressSeries(period, (), (), ()),
        "checkins": CheckinSeries(period, ()),
    }[kind]
    fig = build_chart(kind, empty, DARK)
    sentence = chart_summary(kind, empty)
    shown = next(t for ax in fig.axes for t in ax.texts if t.get_gid() == "empty")
    assert shown.get_text().replace("\n", " ") == sentence
    assert "30 days" in sentence
    assert not any(w in sentence.lower() for w in ("fail", "missed", "should"))


def test_saving_png_is_at_least_1000_px_wide_and_svg_by_suffix(tmp_path: Path) -> None:
    fig = build_chart("mood", MOOD, LIGHT)
    save_chart(fig, tmp_path / "m.png")
    png = (tmp_path / "m.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert int.from_bytes(png[16:20], "big") >= 1000
    save_chart(fig, tmp_path / "m.SVG")
    assert b"<svg" in (tmp_path / "m.SVG").read_bytes()[:500]
    assert (tmp_path / "m.png").stat().st_mode & 0o777 == 0o600


def test_the_registry_names_every_kind() -> None:
    assert tuple(CHARTS) == CHART_KINDS


def test_hover_names_the_day_and_what_is_drawn_there() -> None:
    from recovery_journal.charts.hover import point_at

    assert point_at("mood", MOOD, x(0), 5.0) == (
        d(0),
        "Mon 02 Mar 2026: mood 6.0 (4–8, 2 moods); 7-day mean 6.0",
    )
    assert point_at("mood", MOOD, x(5), 5.0) == (
        d(5),
        "Sat 07 Mar 2026: no mood — Sober since (slip)",
    )
    assert point_at("mood", MOOD, x(30), 5.0) is None  # outside the period
    assert point_at("triggers", TRIGGERS, x(9), 1.0) == (
        d(7),
        "week of 09 Mar 2026: 1 trigger event",
    )
    checkins = CheckinSeries(Period(d(0), d(1)), (CheckinDay(d(1), 3.0, None, 7.5, None),))
    assert point_at("checkins", checkins, x(1), 2.0) == (
        d(1),
        "Tue 03 Mar 2026: anxiety 3.0, sleep hours 7.5",
    )
