"""Insights benchmarks (issue 10 §5), used by bench/run.py: the data for each chart, building
and drawing each chart, and the whole journal's patterns — all over the whole journal (the
largest range a person can pick). Opening the page and switching range are in bench/ui.py.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from matplotlib.backends.backend_agg import FigureCanvasAgg

from recovery_journal.charts.registry import build_chart
from recovery_journal.charts.theme import ChartTheme
from recovery_journal.domain.insights import CHART_KINDS
from recovery_journal.services.session import JournalSession

# (key, label, target in seconds, target text) — rows of docs/BENCHMARKS.md
METRICS: list[tuple[str, str, float | None, str]] = [
    *(
        (f"chart_data_{k}", f"Insights: data for `{k}` (whole journal)", 0.050, "≤ 50 ms")
        for k in CHART_KINDS
    ),
    *(
        (f"chart_draw_{k}", f"Insights: build + draw `{k}` (whole journal)", 0.200, "≤ 200 ms")
        for k in CHART_KINDS
    ),
    ("insights_report", "Insights: summary + patterns, whole journal, in process", 1.0, "≤ 1 s"),
    ("cli_insights", "CLI `insights --json`, whole process", None, "≤ 1 s beyond `list`"),
]


def _timed(action: Callable[[], object], runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        out.append(time.perf_counter() - start)
    return out


def _draw(kind: str, data: Any) -> None:
    figure = build_chart(kind, data, ChartTheme())
    FigureCanvasAgg(figure).draw()  # what the screen does: render at the figure's size


def measure(session: JournalSession, runs: int, samples: dict[str, list[float]]) -> None:
    service = session.insights
    period = service.period()
    for kind in CHART_KINDS:
        samples[f"chart_data_{kind}"] = _timed(lambda k=kind: service.chart_data(k, period), runs)
        data = service.chart_data(kind, period)
        _draw(kind, data)  # the first figure pays for font caches
        samples[f"chart_draw_{kind}"] = _timed(lambda k=kind, d=data: _draw(k, d), runs)
    samples["insights_report"] = _timed(lambda: service.report(period), max(3, runs // 4))
