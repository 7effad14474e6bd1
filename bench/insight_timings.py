"""Insights benchmarks (issue 10 §5) on a 10-year demo journal.

    python bench/insight_timings.py [--journal DIR] [--runs N] [--cpu] [--write]

bench/run.py imports :data:`METRICS` and :func:`measure` for its main table (the data for each
chart, building and drawing each chart, the whole journal's patterns — over the whole journal,
the largest range a person can pick). Run on its own, this script also times the page (opening
Insights the first time, matplotlib's import included, in a fresh process; switching range) and
``insights --json`` beyond unlocking, and writes its own section of docs/BENCHMARKS.md.

``--cpu`` times the in-process rows and the page with the process's CPU time (every thread:
the page's worker too) instead of the wall clock: on a machine shared with other work the wall
clock mostly measures the others, CPU time what this code costs (it still grows a little with
the load: caches and hyper-threads are shared). The CLI rows stay wall-clock.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
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
    (
        "chart_draw_triggers_file",
        "Insights: build + draw `triggers` for a file, its top list drawn in (whole journal)",
        None,
        "— (CLI `chart`, Save chart as…)",
    ),
    ("insights_report", "Insights: summary + patterns, whole journal, in process", 1.0, "≤ 1 s"),
    ("cli_insights", "CLI `insights --json`, whole process", None, "≤ 1 s beyond `list`"),
]


def _timed(
    action: Callable[[], object], runs: int, clock: Callable[[], float] = time.perf_counter
) -> list[float]:
    out = []
    for _ in range(runs):
        start = clock()
        action()
        out.append(clock() - start)
    return out


def _draw(kind: str, data: Any, standalone: bool = False) -> None:
    figure = build_chart(kind, data, ChartTheme(), standalone=standalone)
    FigureCanvasAgg(figure).draw()  # type: ignore[no-untyped-call]  # what the screen does: render at the figure's size


def measure(
    session: JournalSession,
    runs: int,
    samples: dict[str, list[float]],
    clock: Callable[[], float] = time.perf_counter,
) -> None:
    service = session.insights
    period = service.period()
    for kind in CHART_KINDS:
        data_of = partial(service.chart_data, kind, period)
        samples[f"chart_data_{kind}"] = _timed(data_of, runs, clock)
        data = service.chart_data(kind, period)
        _draw(kind, data)  # the first figure pays for font caches
        samples[f"chart_draw_{kind}"] = _timed(partial(_draw, kind, data), runs, clock)
        if kind == "triggers":  # what a file draws: the list the app shows as text, drawn in
            file = partial(_draw, kind, data, standalone=True)
            samples["chart_draw_triggers_file"] = _timed(file, runs, clock)
    samples["insights_report"] = _timed(lambda: service.report(period), max(3, runs // 4), clock)


# ---------------------------------------------------------------- standalone run

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "BENCHMARKS.md"
START, END = "<!-- bench-insights:start -->", "<!-- bench-insights:end -->"
PASSPHRASE = "benchmark: four calm words, invented"
WHEN = {"first": "first time", "again": "shown before"}
RANGE_NAMES = {"0": "everything", "30": "last 30 days", "90": "last 90 days", "365": "last year"}

PAGE_PROBE = """
import os, sys, time
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from pathlib import Path
from PySide6.QtCore import QEventLoop, QSettings
from PySide6.QtWidgets import QApplication
from recovery_journal.services.access import BackupSettings, KeySettings, open_journal
from recovery_journal.ui.clipboard import ClipboardGuard
from recovery_journal.ui.context import UiContext
from recovery_journal.ui.main_window import MainWindow
from recovery_journal.ui.settings import AppSettings
from recovery_journal.ui.tasks import TaskRunner
app = QApplication([])
clock = time.process_time if sys.argv[4:] == ["cpu"] else time.perf_counter
tasks = TaskRunner()
session = open_journal(Path(sys.argv[1]), sys.argv[2], KeySettings(), BackupSettings(daily=False))
settings = AppSettings(QSettings(sys.argv[3], QSettings.Format.IniFormat))
window = MainWindow(UiContext(session, tasks, settings, print, ClipboardGuard()))
window.resize(1180, 760)
window.show()
while tasks.busy:
    app.processEvents()
assert "matplotlib" not in sys.modules
shown = []
def wait():
    # An event loop, not a busy loop: spinning processEvents() holds the GIL and slows the
    # worker thread building the chart (several times over).
    if not shown:
        loop = QEventLoop()
        page.chart_shown.connect(loop.quit)
        loop.exec()
        page.chart_shown.disconnect(loop.quit)
began = clock()
page = window.insights
page.chart_shown.connect(shown.append)  # connected first: runs before the loop's quit
window.show_page(page)
wait()
page.views["mood"].canvas.repaint()
print("OPEN", clock() - began)
seen = {30}  # the page opens on the last 30 days
for days in (90, 365, 0, 30, 90, 365, 0, 30):
    again = days in seen
    seen.add(days)
    shown.clear()
    began = clock()
    page.set_range(days)
    wait()
    page.views["mood"].canvas.repaint()
    print("SWITCH", days, "again" if again else "first", clock() - began)
window.close()
session.lock()
"""


def build_journal(folder: Path, days: int) -> Path:
    from recovery_journal.demo import fill_demo_journal
    from recovery_journal.services.access import BackupSettings, KeySettings, create_journal

    path = folder / "ten-years.rjournal"
    if not path.exists():
        session, _ = create_journal(path, PASSPHRASE, KeySettings(), BackupSettings(daily=False))
        fill_demo_journal(session, days=days, seed=7)
        session.lock()
    return path


def page_timings(
    path: Path, runs: int, cpu: bool = False
) -> tuple[list[float], dict[str, list[float]]]:
    opened: list[float] = []
    switched: dict[str, list[float]] = {}
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            done = subprocess.run(
                [
                    sys.executable,
                    "-c",
                    PAGE_PROBE,
                    str(path),
                    PASSPHRASE,
                    f"{tmp}/s.ini",
                    *(["cpu"] if cpu else []),
                ],
                cwd=ROOT,
                env={**os.environ, "PYTHONPATH": str(ROOT)},
                capture_output=True,
                text=True,
                check=True,
            )
        for line in done.stdout.splitlines():
            words = line.split()
            if words[:1] == ["OPEN"]:
                opened.append(float(words[1]))
            elif words[:1] == ["SWITCH"]:
                switched.setdefault(f"{words[1]} {words[2]}", []).append(float(words[3]))
    return opened, switched


def cli_run(path: Path, *args: str) -> float:
    env = {**os.environ, "RECOVERY_JOURNAL_PASSPHRASE": PASSPHRASE}
    began = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "recovery_journal", "--journal", str(path), *args],
        env=env,
        capture_output=True,
        check=True,
    )
    return time.perf_counter() - began


def ms(values: list[float]) -> str:
    """The median, and the spread (lowest–highest) when there are several runs."""

    def one(value: float) -> str:
        return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"

    spread = f" ({one(min(values))}–{one(max(values))})" if len(values) > 1 else ""
    return one(statistics.median(values)) + spread


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--journal", metavar="DIR", help="keep/reuse the journal in DIR")
    parser.add_argument("--days", type=int, default=3650)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--cpu", action="store_true", help="CPU time instead of wall clock")
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    folder = Path(args.journal or tempfile.mkdtemp())
    folder.mkdir(parents=True, exist_ok=True)
    path = build_journal(folder, args.days)
    from recovery_journal.services.access import BackupSettings, KeySettings, open_journal

    session = open_journal(path, PASSPHRASE, KeySettings(), BackupSettings(daily=False))
    samples: dict[str, list[float]] = {}
    try:
        measure(session, args.runs, samples, time.process_time if args.cpu else time.perf_counter)
    finally:
        session.lock()
    cli_list = [cli_run(path, "list") for _ in range(3)]
    cli_insights = [cli_run(path, "insights", "--json") for _ in range(3)]
    opened, switched = page_timings(path, max(1, args.runs // 3), args.cpu)
    rows = [(label, ms(samples[key]), text) for key, label, _t, text in METRICS if key in samples]
    beyond = statistics.median(cli_insights) - statistics.median(cli_list)
    rows += [
        ("CLI `insights --json`, whole process", ms(cli_insights), "—"),
        ("… beyond unlocking (minus CLI `list`)", f"{beyond * 1000:.0f} ms", "≤ 1 s"),
        ("Open Insights the first time (matplotlib import included)", ms(opened), "≤ 1.5 s"),
        *(
            (
                f"Switch range to {RANGE_NAMES[k.split()[0]]} ({WHEN[k.split()[1]]})",
                ms(v),
                "≤ 300 ms",
            )
            for k, v in sorted(
                switched.items(), key=lambda kv: (kv[0].split()[1], int(kv[0].split()[0]))
            )
        ),
    ]
    table = "\n".join(
        [
            f"Measured {time.strftime('%Y-%m-%d')} with `python bench/insight_timings.py` on the "
            f"{args.days}-day demo journal; medians (lowest–highest of the runs)"
            + (
                "; CPU time of the process (all its threads) except the CLI rows."
                if args.cpu
                else "."
            ),
            "",
            "| metric | median | target |",
            "|---|---:|---|",
            *(f"| {a} | {b} | {c} |" for a, b, c in rows),
        ]
    )
    print(table)
    if args.write:
        text = DOC.read_text(encoding="utf-8")
        block = f"{START}\n{table}\n{END}"
        text = (
            re.sub(re.escape(START) + ".*?" + re.escape(END), lambda _m: block, text, flags=re.S)
            if START in text
            else text.rstrip() + "\n\n## Insights\n\n" + block + "\n"
        )
        DOC.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
