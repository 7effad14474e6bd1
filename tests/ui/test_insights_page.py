"""The Insights page on a demo journal: charts for a range, another range, hover and click a
day, save a chart; and matplotlib stays unloaded until the page is first opened."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from recovery_journal.demo import fill_demo_journal
from recovery_journal.domain.clock import local_today
from recovery_journal.ui.chart_view import ChartView
from recovery_journal.ui.context import UiContext
from recovery_journal.ui.main_window import MainWindow
from recovery_journal.ui.pages.insights import InsightsPage
from tests.ui.conftest import wait_tasks

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def demo_ctx(ui_ctx: UiContext) -> UiContext:
    fill_demo_journal(ui_ctx.session, days=120, seed=3)
    return ui_ctx


def _page(qtbot: QtBot, ctx: UiContext) -> InsightsPage:
    page = InsightsPage(ctx)
    qtbot.addWidget(page)
    page.resize(900, 600)
    with qtbot.waitSignal(page.chart_shown, timeout=20_000):
        page.show()
        page.activated()
    return page


def test_opens_on_the_mood_chart_changes_range_and_saves(
    qtbot: QtBot,
    demo_ctx: UiContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    reported: list[BaseException],
) -> None:
    page = _page(qtbot, demo_ctx)
    view = page.views["mood"]
    assert view.caption.text().startswith("Your mood averaged")
    assert "over these 30 days" in view.caption.text()
    assert view.canvas.accessibleDescription() == view.caption.text()
    assert view.data.period.days == 30
    with qtbot.waitSignal(page.chart_shown, timeout=20_000):
        page.range_combo.setCurrentIndex(page.range_combo.findData(90))
    assert view.data.period == type(view.data.period)(
        local_today() - timedelta(days=89), local_today()
    )
    assert "over these 90 days" in view.caption.text()
    target = tmp_path / "my mood.svg"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "SVG image (*.svg)")
    )
    with qtbot.waitSignal(page.chart_saved, timeout=20_000):
        qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    assert target.read_bytes().lstrip().startswith(b"<?xml") and b"<svg" in target.read_bytes()
    assert "not encrypted" in page.notice.text()
    assert reported == []


def test_every_tab_builds_and_patterns_show_their_evidence(
    qtbot: QtBot, demo_ctx: UiContext, reported: list[BaseException]
) -> None:
    page = _page(qtbot, demo_ctx)
    page.set_range(0)  # everything
    wait_tasks(qtbot, demo_ctx)
    for index in range(1, len(page.views)):
        with qtbot.waitSignal(page.chart_shown, timeout=20_000):
            page.tabs.setCurrentIndex(index)
        view = page.tabs.currentWidget()
        assert isinstance(view, ChartView)
        assert view.caption.text() and view.canvas is not None
    with qtbot.waitSignal(page.patterns_shown, timeout=30_000):
        page.tabs.setCurrentWidget(page.patterns)
    assert "This week" in page.patterns.week.text()
    assert page.patterns.table.rowCount() > 0
    for row in range(page.patterns.table.rowCount()):
        item = page.patterns.table.item(row, 2)
        assert item is not None
        with_, without = item.text().split(" / ")
        assert int(with_) >= 3 and int(without) >= 3
    assert reported == []


def test_hover_tells_the_value_and_a_click_opens_the_day_in_the_journal(
    qtbot: QtBot, demo_ctx: UiContext
) -> None:
    window = MainWindow(demo_ctx)
    qtbot.addWidget(window)
    window.resize(1100, 720)
    window.show()
    with qtbot.waitSignal(window.insights.chart_shown, timeout=20_000):
        window.show_page(window.insights)
    view = window.insights.views["mood"]
    day = next(d.day for d in reversed(view.data.days))
    from matplotlib import dates as mdates

    x = float(mdates.date2num(day))  # type: ignore[no-untyped-call]
    found = view.point_at(x, 5.0)
    assert found is not None and found[0] == day and "mood" in found[1]
    view.canvas.draw()
    ax = view.figure.axes[0]
    px, py = ax.transData.transform((x, 5.0))
    ratio = view.canvas.device_pixel_ratio
    point = QPoint(int(px / ratio), int(view.canvas.height() - py / ratio))
    qtbot.mouseClick(view.canvas, Qt.MouseButton.LeftButton, pos=point)
    wait_tasks(qtbot, demo_ctx)
    assert window.stack.currentWidget() is window.journal
    assert window.journal.filters.date_range() == (day, day)


PROBE = """
import sys
from pathlib import Path
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from recovery_journal.services.access import BackupSettings, create_journal
from recovery_journal.ui.controller import AppController
from recovery_journal.ui.settings import AppSettings
from tests.conftest import FAST, PASSPHRASE

app = QApplication([])
folder = Path(sys.argv[1])
session, _ = create_journal(folder / "j.rjournal", PASSPHRASE, FAST, BackupSettings(daily=False))
session.lock()
settings = AppSettings(QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat))
ctrl = AppController(settings, folder / "j.rjournal", FAST)
ctrl.start()
ctrl.dialog.passphrase.field.setText(PASSPHRASE)
ctrl.dialog.passphrase.field.returnPressed.emit()
while ctrl.session is None or ctrl.tasks.busy:
    app.processEvents()
print("AFTER-UNLOCK", "matplotlib" in sys.modules)
page = ctrl.window.insights
shown = []
page.chart_shown.connect(shown.append)
ctrl.window.show_page(page)
while not shown:
    app.processEvents()
print("AFTER-INSIGHTS", "matplotlib" in sys.modules)
ctrl.lock()
while ctrl.session is not None:
    app.processEvents()
"""


def test_matplotlib_is_imported_only_when_insights_opens(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(tmp_path)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "AFTER-UNLOCK False" in done.stdout, done.stdout + done.stderr
    assert "AFTER-INSIGHTS True" in done.stdout, done.stdout + done.stderr


def test_day_arithmetic_of_ranges(qtbot: QtBot, demo_ctx: UiContext) -> None:
    page = _page(qtbot, demo_ctx)
    page.set_range(-1)
    page.from_edit.setDate(page.from_edit.date().addDays(-5))
    choice = page.choice()
    assert choice.start is not None and choice.end is not None
    assert (choice.end - choice.start) == timedelta(days=34)
    wait_tasks(qtbot, demo_ctx)
    assert isinstance(choice.start, date)


def test_charts_follow_the_theme(qtbot: QtBot, demo_ctx: UiContext) -> None:
    """A dark palette and a bigger font (what Settings › Appearance applies) redraw the chart."""
    from PySide6.QtGui import QColor, QFont, QPalette

    from recovery_journal.charts.theme import ChartTheme

    page = _page(qtbot, demo_ctx)
    assert page.views["mood"].figure.get_facecolor()[:3] == (1.0, 1.0, 1.0)
    palette = page.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor("#2a2e35"))
    font = QFont(page.font())
    font.setPointSize(14)
    with qtbot.waitSignal(page.chart_shown, timeout=20_000):
        page.setPalette(palette)
        page.setFont(font)
    figure = page.views["mood"].figure
    dark = ChartTheme(dark=True).background.lstrip("#")
    assert figure.get_facecolor()[:3] == tuple(int(dark[i : i + 2], 16) / 255 for i in (0, 2, 4))
    assert figure.axes[0].get_yticklabels()[0].get_fontsize() == ChartTheme(True, 14).small * 0.9
    wait_tasks(qtbot, demo_ctx)


def test_switching_back_to_a_range_shows_its_chart_as_drawn(
    qtbot: QtBot, demo_ctx: UiContext
) -> None:
    """A range shown before comes back without being built again; coming back to the page
    (the journal may have changed elsewhere) builds afresh."""
    page = _page(qtbot, demo_ctx)
    view = page.views["mood"]
    first = view.canvas
    with qtbot.waitSignal(page.chart_shown, timeout=20_000):
        page.set_range(90)
    assert view.canvas is not first and view.data.period.days == 90
    with qtbot.waitSignal(page.chart_shown, timeout=1_000):
        page.set_range(30)
    assert not demo_ctx.tasks.busy  # nothing was built
    assert view.canvas is first and view.canvas.isVisible()
    assert view.data.period.days == 30 and "over these 30 days" in view.caption.text()
    assert view.canvas.accessibleDescription() == view.caption.text()
    assert view.kept == 2
    page.hide()  # another page: the kept pictures are let go
    assert view.kept == 0
    with qtbot.waitSignal(page.chart_shown, timeout=20_000):
        page.show()
        page.activated()
    assert view.canvas is not first and view.data.period.days == 30
    wait_tasks(qtbot, demo_ctx)


def _factors(page: InsightsPage) -> list[str]:
    table = page.patterns.table
    return [table.item(row, 0).text() for row in range(table.rowCount())]  # type: ignore[union-attr]


def test_choosing_a_measure_as_the_outcome_by_keyboard_and_keeping_it(
    qtbot: QtBot, demo_ctx: UiContext, reported: list[BaseException]
) -> None:
    page = _page(qtbot, demo_ctx)
    patterns = page.patterns
    with qtbot.waitSignal(page.patterns_shown, timeout=30_000):
        page.tabs.setCurrentWidget(patterns)
    combo = patterns.outcome_combo
    assert combo.accessibleName() == "Outcome" and combo.isEnabled()
    # Mood, then the demo's scale and number; its yes/no (medication) is no outcome.
    assert [combo.itemText(i) for i in range(combo.count())] == ["Mood", "Craving", "Cigarettes"]
    header = patterns.table.horizontalHeaderItem(3)
    assert header is not None and header.text() == "Mood with / without"
    assert "“Craving” at 6 or more" in _factors(page)
    combo.setFocus()
    with qtbot.waitSignal(page.patterns_shown, timeout=30_000):
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert patterns.outcome.name == "Craving" and combo.currentText() == "Craving"
    header = patterns.table.horizontalHeaderItem(3)
    assert header is not None and header.text() == "“Craving” with / without"
    assert patterns.table.rowCount() > 0
    assert "“Craving” at 6 or more" not in _factors(page)  # never its own factor
    assert "“Took my medication”: yes" in _factors(page)
    assert patterns.found.accessibleName() == "What seems to go with higher or lower “Craving”"
    assert "better" not in patterns.found.text()
    # Kept while the page lives: another range, another tab and back, another page and back.
    with qtbot.waitSignal(page.patterns_shown, timeout=30_000):
        page.set_range(90)
    assert combo.currentText() == "Craving"
    assert "“Craving” at 6 or more" not in _factors(page)
    with qtbot.waitSignal(page.chart_shown, timeout=20_000):
        page.tabs.setCurrentIndex(0)
    page.hide()
    with qtbot.waitSignal(page.patterns_shown, timeout=30_000):
        page.show()
        page.tabs.setCurrentWidget(patterns)
        page.activated()
    assert patterns.outcome.name == "Craving" and combo.currentText() == "Craving"
    with qtbot.waitSignal(page.patterns_shown, timeout=30_000):
        qtbot.keyClick(combo, Qt.Key.Key_Up)
    assert patterns.outcome.is_mood
    header = patterns.table.horizontalHeaderItem(3)
    assert header is not None and header.text() == "Mood with / without"
    wait_tasks(qtbot, demo_ctx)
    assert reported == []


def test_a_measure_outcome_reads_higher_or_lower_in_its_unit(qtbot: QtBot) -> None:
    from recovery_journal.domain.insights import Outcome, Period, Reflection
    from recovery_journal.domain.measures import MeasureKind
    from recovery_journal.domain.statistics import Association
    from recovery_journal.ui.patterns_view import PatternsView

    view = PatternsView()
    qtbot.addWidget(view)
    drinks = Outcome("Drinks", 4, MeasureKind.NUMBER, "drinks")
    week = Reflection(Period(date(2026, 3, 2), date(2026, 3, 8)), 0, 0, None, None, 0, (), (), ())
    fewer = Association("walk", "tag", 0, 5, 9, 1.0, 2.5, -1.5, -2.5, -0.5, 0.001, True, "Drinks")
    view.show_patterns(week, [fewer], (Outcome(), drinks), drinks)
    text = view.found.text()
    assert "What seems to go with higher or lower “Drinks”" in text
    assert "On days with #walk seems to go with lower “Drinks”: -1.5 drinks on average" in text
    assert "(5 days with, 9 without; 95 % interval -2.5 to -0.5)" in text
    assert view.outcome_combo.currentText() == "Drinks"
    view.show_patterns(week, [], (Outcome(), drinks), drinks)
    assert "at least 3 days with a value for “Drinks”" in view.found.text()


def test_the_most_frequent_triggers_are_a_table_under_the_chart_and_a_saved_file_draws_them(
    qtbot: QtBot,
    demo_ctx: UiContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    reported: list[BaseException],
) -> None:
    """The list is real text on the page (selectable, read as a table), every number of it;
    switching range refills it with that range's list; a saved file stands alone."""
    from recovery_journal.domain.insight_text import top_trigger_rows

    page = _page(qtbot, demo_ctx)
    view = page.views["triggers"]
    assert view.table is not None and page.views["mood"].table is None
    with qtbot.waitSignal(page.chart_shown, timeout=20_000):
        page.tabs.setCurrentWidget(view)
    shown = [tuple(row) for row in view.table.rows()]
    assert shown and shown == top_trigger_rows(view.data)
    assert view.table.isVisible() and view.table.table.accessibleName() == "Most frequent triggers"
    times = view.table.table.horizontalHeaderItem(1)
    assert times is not None and times.text() == "Times"
    table = view.table
    qtbot.waitUntil(lambda: table.y() >= view.canvas.y() + view.canvas.height())  # under it
    assert not [p for ax in view.figure.axes for p in ax.patches if p.get_gid() == "top"]
    cells = table.table  # tall enough for every row: it never scrolls on its own
    assert cells.viewport().height() >= sum(cells.rowHeight(r) for r in range(cells.rowCount()))
    cells.setFocus()
    cells.setCurrentCell(0, 0)
    qtbot.keyClick(cells, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == shown[0][0]  # real text: it copies
    with qtbot.waitSignal(page.chart_shown, timeout=20_000):
        page.set_range(0)
    assert view.data.period.days > 30
    assert [tuple(row) for row in table.rows()] == top_trigger_rows(view.data)
    with qtbot.waitSignal(page.chart_shown, timeout=1_000):
        page.set_range(30)  # kept: the table follows the picture shown
    assert [tuple(row) for row in table.rows()] == shown
    target = tmp_path / "triggers.svg"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "SVG image (*.svg)")
    )
    with qtbot.waitSignal(page.chart_saved, timeout=20_000):
        qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    assert b'id="top"' in target.read_bytes()  # the file draws the list beside the chart
    assert reported == []
