"""One chart on screen: its caption (the summary sentence), the figure, hover tips, click-a-day,
"Save chart as…", and under the figure the chart's table as text where it has one
(:mod:`recovery_journal.ui.chart_table`).

matplotlib is imported here only inside methods, the first time a figure arrives: importing this
module (which the main window does at unlock) costs nothing.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from recovery_journal.ui.chart_table import table_for

PNG_FILTER = "PNG image (*.png)"
KEEP = 4
"""Ranges whose drawn canvases a view keeps (each holds its figure and its pixels, 2–4 MB); the
Insights page drops them all when it is left."""
SVG_FILTER = "SVG image (*.svg)"


class ChartView(QWidget):
    """A tab of the Insights page. ``day_clicked`` carries the day under a click."""

    day_clicked = Signal(object)
    save_requested = Signal(object)  # Path

    def __init__(self, kind: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.title = title
        self.data: Any = None
        self.figure: Any = None
        self.canvas: Any = None
        self.stale = True
        # Canvases of ranges shown before, newest last: switching back to one shows the
        # picture already drawn (no data, no figure, no drawing) — until forget().
        self._kept: dict[Any, tuple[Any, Any, Any, str]] = {}
        self._key: Any = None
        self.caption = QLabel(self.tr("Loading…"))
        self.caption.setWordWrap(True)
        self.caption.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.caption.setAccessibleName(self.tr("{title}: summary").format(title=title))
        self.save_button = QPushButton(self.tr("Save chart as…"))
        self.save_button.setAccessibleName(self.tr("Save the {title} chart").format(title=title))
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.area = QScrollArea()
        self.area.setWidgetResizable(True)
        self.area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.area.setAccessibleName(title)
        # What scrolls: the figure's canvas, then the chart's table (if it has one).
        self.sheet = QWidget()
        self._sheet_column = QVBoxLayout(self.sheet)
        self._sheet_column.setContentsMargins(0, 0, 0, 0)
        self.table = table_for(kind)
        if self.table is not None:
            self._sheet_column.addWidget(self.table)
        self.area.setWidget(self.sheet)
        top = QHBoxLayout()
        top.addWidget(self.caption, 1)
        top.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignTop)
        column = QVBoxLayout(self)
        column.setContentsMargins(4, 8, 4, 4)
        column.addLayout(top)
        column.addWidget(self.area, 1)

    def show_figure(self, figure: Any, data: Any, summary: str, key: Any = None) -> None:
        """Put a figure built elsewhere (on a worker thread) on screen; with a ``key`` (the
        range and look it was built for) its canvas is kept for :meth:`show_kept`."""
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

        canvas = FigureCanvasQTAgg(figure)  # type: ignore[no-untyped-call]
        canvas.setAccessibleName(self.title)
        canvas.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        canvas.setMinimumHeight(max(int(figure.get_figheight() * 90), 240))
        canvas.setMinimumWidth(420)
        canvas.mpl_connect("motion_notify_event", self._on_canvas_motion)
        canvas.mpl_connect("button_press_event", self._on_canvas_press)
        if key is not None:
            self._kept.pop(key, None)
            self._kept[key] = (canvas, figure, data, summary)
            while len(self._kept) > KEEP:
                old = self._kept.pop(next(iter(self._kept)))[0]
                if old is not self.canvas:
                    old.deleteLater()
        self._put(canvas, figure, data, summary, key)

    def show_kept(self, key: Any) -> bool:
        """Show the canvas kept for ``key`` again, as drawn; False when there is none."""
        found = self._kept.pop(key, None)
        if found is None:
            return False
        self._kept[key] = found  # the newest again
        self._put(*found, key)
        return True

    @property
    def kept(self) -> int:
        """How many drawn ranges are kept."""
        return len(self._kept)

    def forget(self) -> None:
        """Drop the kept canvases (the journal or the look may have changed)."""
        for canvas, *_rest in self._kept.values():
            if canvas is not self.canvas:
                canvas.deleteLater()
        self._kept.clear()

    def _put(self, canvas: Any, figure: Any, data: Any, summary: str, key: Any) -> None:
        previous = self.canvas
        if previous is not canvas:
            if previous is not None:
                self._sheet_column.removeWidget(previous)
                if any(previous is kept[0] for kept in self._kept.values()):
                    previous.hide()
                else:
                    previous.deleteLater()
            canvas.setParent(self.sheet)
            self._sheet_column.insertWidget(0, canvas, 1)
        self.canvas, self.figure, self.data, self._key = canvas, figure, data, key
        canvas.setAccessibleDescription(summary)
        canvas.show()
        if self.table is not None:
            self.table.show_data(data)
        self.caption.setText(summary)
        self.save_button.setEnabled(True)
        self.stale = False

    def point_at(self, x: float | None, y: float | None) -> tuple[date, str] | None:
        from recovery_journal.charts.hover import point_at

        return None if self.data is None else point_at(self.kind, self.data, x, y)

    def _on_canvas_motion(self, event: Any) -> None:
        found = self.point_at(event.xdata, event.ydata) if event.inaxes else None
        if found is None:
            QToolTip.hideText()
            return
        QToolTip.showText(QCursor.pos(), found[1], self.canvas)

    def _on_canvas_press(self, event: Any) -> None:
        found = self.point_at(event.xdata, event.ydata) if event.inaxes else None
        if found is not None and self.kind in ("mood", "calendar", "checkins", "milestones"):
            self.day_clicked.emit(found[0])

    def _on_save_button_clicked(self) -> None:
        chosen, picked = QFileDialog.getSaveFileName(
            self,
            self.tr("Save chart as"),
            f"{self.kind}.png",
            f"{self.tr(PNG_FILTER)};;{self.tr(SVG_FILTER)}",
        )
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() not in (".png", ".svg"):
            path = path.with_suffix(".svg" if picked == self.tr(SVG_FILTER) else ".png")
        self.save_requested.emit(path)
