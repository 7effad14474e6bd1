"""The Insights page: every chart for a chosen time range, and the honest patterns.

One tab per chart (``CHART_KINDS``) plus "Patterns" (with its outcome chooser: mood or an own
scale or number, kept while the page lives). Only the tab on screen is built; changing
the range or the theme marks the others stale. Data, statistics *and* the figure are made on the
worker thread of the task runner (the figure is a plain ``matplotlib.figure.Figure``, no GUI
involved); only the canvas is created on the UI thread. matplotlib is first imported when this
page first builds a chart, never at unlock.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QHideEvent, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from recovery_journal.domain.clock import local_today
from recovery_journal.domain.insights import CHART_KINDS, MOOD, Period
from recovery_journal.services.insights import InsightsService
from recovery_journal.ui.chart_view import ChartView
from recovery_journal.ui.context import UiContext
from recovery_journal.ui.pages.base import Page
from recovery_journal.ui.patterns_view import PatternsView
from recovery_journal.ui.qt_dates import from_qdate, to_qdate

TITLES = {
    "mood": "Mood",
    "calendar": "Calendar",
    "triggers": "Triggers",
    "warning-signs": "Warning signs",
    "coping": "What helps",
    "milestones": "Milestones",
    "checkins": "Check-ins",
}
CUSTOM = -1
EVERYTHING = 0
PATTERNS = "patterns"  # the patterns' key among the per-tab request tokens


@dataclass(frozen=True, slots=True)
class RangeChoice:
    """Which days: the last ``days`` (ending today), everything, or from–to."""

    days: int
    start: date | None = None
    end: date | None = None

    def period(self, service: InsightsService) -> Period:
        if self.days == CUSTOM and self.start and self.end:
            return Period(min(self.start, self.end), max(self.start, self.end))
        if self.days > 0:
            today = local_today()
            return Period(today - timedelta(days=self.days - 1), today)
        return service.period()


def build_chart_job(
    service: InsightsService, kind: str, choice: RangeChoice, dark: bool, font: float
) -> tuple[Any, Any, str]:
    """Runs on the worker: the series from SQL, then the figure and its sentence."""
    from recovery_journal.charts.registry import build_chart, chart_summary
    from recovery_journal.charts.theme import ChartTheme

    data = service.chart_data(kind, choice.period(service))
    return build_chart(kind, data, ChartTheme(dark, font)), data, chart_summary(kind, data)


class InsightsPage(Page):
    """Charts of mood, triggers, warning signs, coping, milestones and check-ins over time."""

    nav_title = "Insights"
    day_chosen = Signal(object)  # a date: open it in the Journal
    chart_shown = Signal(str)  # kind
    patterns_shown = Signal()
    chart_saved = Signal(object)  # Path

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._tokens: dict[str, int] = {}
        self.range_combo = QComboBox()
        self.range_combo.setAccessibleName(self.tr("Time range"))
        for label, days in (
            (self.tr("Last 30 days"), 30),
            (self.tr("Last 90 days"), 90),
            (self.tr("Last year"), 365),
            (self.tr("Everything"), EVERYTHING),
            (self.tr("Custom…"), CUSTOM),
        ):
            self.range_combo.addItem(label, days)
        today = local_today()
        self.from_edit = self._date_edit(self.tr("From"), today - timedelta(days=29))
        self.to_edit = self._date_edit(self.tr("To"), today)
        self.dates = QWidget()
        dates_row = QHBoxLayout(self.dates)
        dates_row.setContentsMargins(0, 0, 0, 0)
        dates_row.addWidget(QLabel(self.tr("from")))
        dates_row.addWidget(self.from_edit)
        dates_row.addWidget(QLabel(self.tr("to")))
        dates_row.addWidget(self.to_edit)
        self.dates.setVisible(False)
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setAccessibleName(self.tr("Notice"))
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Charts"))
        self.tabs.setUsesScrollButtons(True)
        self.views: dict[str, ChartView] = {}
        for kind in CHART_KINDS:
            view = ChartView(kind, self.tr(TITLES[kind]))
            view.day_clicked.connect(self.day_chosen)
            view.save_requested.connect(lambda path, k=kind: self.save_chart_to(k, path))
            self.views[kind] = view
            self.tabs.addTab(view, self.tr(TITLES[kind]))
        self.patterns = PatternsView()
        self.patterns.outcome_chosen.connect(lambda _o: self._refresh_current())
        self.tabs.addTab(self.patterns, self.tr("Patterns"))
        heading = QHBoxLayout()
        heading.addWidget(QLabel(self.tr("<h2>Insights</h2>")))
        heading.addStretch(1)
        heading.addWidget(self.range_combo)
        heading.addWidget(self.dates)
        column = QVBoxLayout(self)
        column.setContentsMargins(16, 8, 16, 8)
        column.addLayout(heading)
        column.addWidget(self.tabs, 1)
        column.addWidget(self.notice)
        self.range_combo.currentIndexChanged.connect(self._on_range_changed)
        self.from_edit.dateChanged.connect(self._on_range_changed)
        self.to_edit.dateChanged.connect(self._on_range_changed)
        self.tabs.currentChanged.connect(lambda _i: self._refresh_current())

    def _date_edit(self, name: str, day: date) -> QDateEdit:
        edit = QDateEdit(to_qdate(day))
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setAccessibleName(name)
        return edit

    # ------------------------------------------------------------ Page hooks

    def activated(self) -> None:
        self._forget()  # the journal may have changed on another page
        self._refresh_current()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        if not event.spontaneous():  # another page: coming back builds afresh anyway
            for view in self.views.values():
                view.forget()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self._forget()
            if self.isVisible():
                self._refresh_current()

    # ------------------------------------------------------------ behaviour

    def choice(self) -> RangeChoice:
        days = int(self.range_combo.currentData())
        if days == CUSTOM:
            return RangeChoice(
                CUSTOM, from_qdate(self.from_edit.date()), from_qdate(self.to_edit.date())
            )
        return RangeChoice(days)

    def set_range(self, days: int) -> None:
        """Choose a range by its number of days (0: everything, -1: custom)."""
        self.range_combo.setCurrentIndex(self.range_combo.findData(days))

    def _on_range_changed(self) -> None:
        self.dates.setVisible(self.range_combo.currentData() == CUSTOM)
        self._mark_stale()
        self._refresh_current()

    def _forget(self) -> None:
        for view in self.views.values():
            view.forget()
        self._mark_stale()

    def _mark_stale(self) -> None:
        for view in self.views.values():
            view.stale = True
        self.patterns.stale = True

    def _theme(self) -> tuple[bool, float]:
        dark = self.palette().color(QPalette.ColorRole.Window).lightness() < 128
        return dark, float(self.font().pointSizeF())

    def _refresh_current(self) -> None:
        current = self.tabs.currentWidget()
        if isinstance(current, ChartView) and current.stale:
            self.build(current.kind)
        elif isinstance(current, PatternsView) and current.stale:
            self._load_patterns()

    def build(self, kind: str) -> None:
        """Build ``kind`` for the current range in the background, then show it."""
        token = self._tokens.get(kind, 0) + 1
        self._tokens[kind] = token
        service, choice, (dark, font) = self.ctx.session.insights, self.choice(), self._theme()
        key = (choice, dark, font, local_today())  # "the last 30 days" move at midnight
        if self.views[kind].show_kept(key):  # this range was drawn already: nothing changed
            self.chart_shown.emit(kind)
            return
        self.views[kind].stale = False
        self.ctx.tasks.run(
            lambda: build_chart_job(service, kind, choice, dark, font),
            lambda result: self._show(kind, token, key, result),
            self.ctx.report,
        )

    def _show(self, kind: str, token: int, key: Any, result: tuple[Any, Any, str]) -> None:
        if self._tokens.get(kind) != token:
            return  # a newer range was asked for meanwhile
        figure, data, summary = result
        self.views[kind].show_figure(figure, data, summary, key)
        self.chart_shown.emit(kind)

    def _load_patterns(self) -> None:
        service, choice, wanted = self.ctx.session.insights, self.choice(), self.patterns.outcome
        self.patterns.stale = False
        token = self._tokens.get(PATTERNS, 0) + 1
        self._tokens[PATTERNS] = token

        def work() -> tuple[Any, ...]:
            period = choice.period(service)
            outcomes = service.outcomes()
            # The chosen measure by its id (it may have been renamed meanwhile); gone: mood.
            outcome = next((o for o in outcomes if o.measure_id == wanted.measure_id), MOOD)
            return (
                service.reflection(min(period.end, local_today())),
                service.associations(period, outcome),
                outcomes,
                outcome,
            )

        self.ctx.tasks.run(work, lambda result: self._show_patterns(token, result), self.ctx.report)

    def _show_patterns(self, token: int, result: tuple[Any, ...]) -> None:
        if self._tokens.get(PATTERNS) != token:
            return  # another range or outcome was asked for meanwhile
        self.patterns.show_patterns(*result)
        self.patterns_shown.emit()

    def save_chart_to(self, kind: str, path: Path) -> None:
        """Write the chart on screen to ``path`` (PNG or SVG by suffix) in the background. The
        worker draws its own copy from the same data: a figure must not be drawn by two threads
        at once, and the one on screen may repaint meanwhile."""
        data = self.views[kind].data
        if data is None:
            return
        dark, font = self._theme()

        def work() -> Path:
            from recovery_journal.charts.registry import build_chart, save_chart
            from recovery_journal.charts.theme import ChartTheme

            # a file stands alone: with the lists the page shows as text beside the chart
            save_chart(build_chart(kind, data, ChartTheme(dark, font), standalone=True), path)
            return path

        self.ctx.tasks.run(work, self._on_chart_saved, self.ctx.report)

    def _on_chart_saved(self, path: Path) -> None:
        self.notice.setText(
            self.tr(
                "Saved to {path}. This image is not encrypted: keep it somewhere private."
            ).format(path=path)
        )
        self.chart_saved.emit(path)
