"""A chart's table as real text under the chart: the triggers' most frequent (trigger, times,
mean intensity, last seen).

A table of words and numbers reads better as text than as a picture of text: it follows the
app's theme and text size, its cells can be selected and copied (Ctrl+C), and a screen reader
reads it as a table. It is also cheaper: matplotlib 3.11 lays out and draws text a glyph at a
time, and drawing this list in the figure was a third of drawing the chart. A saved chart file
still draws the list in the picture (``build_chart(..., standalone=True)``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from recovery_journal.domain.insight_text import top_trigger_rows

NUMBERS = (1, 2)
"""Columns of numbers: right-aligned, so digits line up."""


class TopTriggersTable(QWidget):
    """ "Most frequent triggers" under the triggers chart: a heading and a read-only table as
    tall as its rows (the chart's tab scrolls, the table never does); hidden without rows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        heading = self.tr("Most frequent triggers")
        self.heading = QLabel(f"<b>{heading}</b>")
        columns = [self.tr("Trigger"), self.tr("Times")]
        columns += [self.tr("Mean intensity"), self.tr("Last seen")]
        self.table = QTableWidget(0, len(columns))
        self.table.setAccessibleName(heading)
        self.table.setHorizontalHeaderLabels(columns)
        scale = QTableWidgetItem(columns[2])
        self.table.setHorizontalHeaderItem(2, scale)
        scale.setToolTip(self.tr("The mean of its intensities, 0 (barely) to 10 (overwhelming)"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)  # a long name is cut short with "…"; its tip has it all
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 8, 0, 0)
        column.addWidget(self.heading)
        column.addWidget(self.table)
        self.setVisible(False)

    def show_data(self, data: Any) -> None:
        """Show the most frequent triggers of ``data`` (a ``TriggerSeries``; None: none)."""
        rows = top_trigger_rows(data) if data is not None else []
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                item = QTableWidgetItem(text)
                if c in NUMBERS:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                else:
                    item.setToolTip(text)
                self.table.setItem(r, c, item)
        self._fit_height()
        self.setVisible(bool(rows))

    def rows(self) -> list[list[str]]:
        """The text of every cell, row by row (what is shown)."""
        table = self.table
        return [
            [item.text() if (item := table.item(r, c)) else "" for c in range(table.columnCount())]
            for r in range(table.rowCount())
        ]

    def _fit_height(self) -> None:
        table = self.table
        table.resizeRowsToContents()
        height = table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth()
        table.setFixedHeight(height + sum(table.rowHeight(r) for r in range(table.rowCount())))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # another text size: rows change height
            self._fit_height()


def table_for(kind: str) -> TopTriggersTable | None:
    """The table shown under ``kind``'s chart, or None for a chart without one."""
    return TopTriggersTable() if kind == "triggers" else None
