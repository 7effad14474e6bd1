"""The "Patterns" tab: this week's reflection card, and what seems to go with better days.

Only comparisons with at least three days on each side exist at all (the statistics never
produce others); the ones called out after the Benjamini–Hochberg correction are listed in words
first, every comparison is in the table with its evidence (days with and without, the
difference, the 95 % interval). The words stay careful: "seems to go with", "an association,
not a cause" — never a diagnosis, never a score.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from recovery_journal import words
from recovery_journal.domain.insight_text import reflection_sentence
from recovery_journal.domain.insights import Reflection
from recovery_journal.domain.statistics import Association


def factor_words(found: Association) -> str:
    """How a factor reads in a sentence ("#walk", "a peer meeting", "using “Box breathing”")."""
    return words.factor_words(found.kind, found.factor)


class PatternsView(QWidget):
    """Reflection card + associations; filled by :meth:`show_patterns`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stale = True
        self.week = QLabel(self.tr("Loading…"))
        self.week.setWordWrap(True)
        self.week.setFrameShape(QFrame.Shape.StyledPanel)
        self.week.setMargin(10)
        self.week.setAccessibleName(self.tr("This week"))
        self.found = QLabel()
        self.found.setWordWrap(True)
        self.found.setTextFormat(Qt.TextFormat.RichText)
        self.found.setAccessibleName(self.tr("What seems to go with better days"))
        self.table = QTableWidget(0, 6)
        self.table.setAccessibleName(self.tr("Every comparison with its evidence"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Factor"),
                self.tr("When"),
                self.tr("Days with / without"),
                self.tr("Mood with / without"),
                self.tr("Difference (95 % interval)"),
                self.tr("Called out"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        column = QVBoxLayout(self)
        column.setContentsMargins(4, 8, 4, 4)
        column.addWidget(self.week)
        column.addWidget(self.found)
        column.addWidget(self.table, 1)

    def show_patterns(self, week: Reflection, found: Sequence[Association]) -> None:
        self.week.setText(
            self.tr("<b>This week</b> ({start} – {end})<br>{text}").format(
                start=f"{week.period.start:%d %b}",
                end=f"{week.period.end:%d %b}",
                text=html.escape(reflection_sentence(week)),
            )
        )
        called = [a for a in found if a.called_out]
        if called:
            lines = "".join(
                f"<li>{html.escape(self._sentence(a))}</li>"
                for a in sorted(called, key=lambda a: -abs(a.difference))
            )
            self.found.setText(
                self.tr("<b>What seems to go with your mood</b> (an association, not a cause):<ul>")
                + lines
                + "</ul>"
            )
        elif found:
            self.found.setText(
                self.tr(
                    "Nothing stands out clearly enough yet: no difference below holds up once "
                    "every comparison is taken into account. That's an honest answer, not a "
                    "bad one."
                )
            )
        else:
            self.found.setText(
                self.tr(
                    "Patterns appear when something happened on at least 3 days with a mood, "
                    "and not on at least 3 others. Keep noting your mood and they will come."
                )
            )
        self._fill_table(found)
        self.stale = False

    def _sentence(self, found: Association) -> str:
        direction = self.tr("better") if found.difference > 0 else self.tr("lower")
        when = self.tr("the day after") if found.lag_days else self.tr("on days with")
        return self.tr(
            "{when} {factor} seems to go with {direction} mood: {diff:+.1f} on average "
            "({n_with} days with, {n_without} without; 95 % interval {low:+.1f} to {high:+.1f})."
        ).format(
            when=when[:1].upper() + when[1:],
            factor=factor_words(found),
            direction=direction,
            diff=found.difference,
            n_with=found.n_with,
            n_without=found.n_without,
            low=found.ci_low,
            high=found.ci_high,
        )

    def _fill_table(self, found: Sequence[Association]) -> None:
        self.table.setRowCount(len(found))
        for row, a in enumerate(found):
            cells = (
                factor_words(a),
                self.tr("next day") if a.lag_days else self.tr("same day"),
                f"{a.n_with} / {a.n_without}",
                f"{a.mean_with:.1f} / {a.mean_without:.1f}",
                f"{a.difference:+.1f} ({a.ci_low:+.1f} to {a.ci_high:+.1f})",
                self.tr("● yes") if a.called_out else self.tr("no"),
            )
            for column, value in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(value))
