"""The "Patterns" tab: this week's reflection card, and what seems to go with better days.

The outcome is mood unless the person chooses one of their own 0–10 scales or numbers in the
"Outcome" box; the journal doesn't know whether more of a measure is better (less craving, more
money saved), so a measure's patterns are told as "higher" or "lower", never "better". The choice
is kept while the page lives (a measure that disappears falls back to mood).

Only comparisons with at least three days on each side exist at all (the statistics never
produce others); the ones called out after the Benjamini–Hochberg correction are listed in words
first, every comparison is in the table with its evidence (days with and without, the
difference, the 95 % interval). The words stay careful: "seems to go with", "an association,
not a cause" — never a diagnosis, never a score.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from recovery_journal import words
from recovery_journal.domain.insight_text import reflection_sentence
from recovery_journal.domain.insights import MOOD, Outcome, Reflection
from recovery_journal.domain.statistics import Association


def factor_words(found: Association) -> str:
    """How a factor reads in a sentence ("#walk", "a peer meeting", "using “Box breathing”")."""
    return words.factor_words(found.kind, found.factor)


class PatternsView(QWidget):
    """Reflection card + outcome chooser + associations; filled by :meth:`show_patterns`."""

    outcome_chosen = Signal(object)  # the Outcome the person picked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stale = True
        self.outcome = MOOD
        self._outcomes: tuple[Outcome, ...] = (MOOD,)
        self.outcome_combo = QComboBox()
        self.outcome_combo.setAccessibleName(self.tr("Outcome"))
        self.outcome_combo.setAccessibleDescription(
            self.tr("What the patterns compare: your mood, or one of your own scales or numbers")
        )
        self.outcome_combo.addItem(self.tr("Mood"))
        self.outcome_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        outcome_label = QLabel(self.tr("&Outcome:"))
        outcome_label.setBuddy(self.outcome_combo)
        self.outcome_combo.activated.connect(self._on_outcome_combo_activated)
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
        # Many called-out patterns at 900x600 or at a large text size don't fit above the table:
        # the tab scrolls as a whole, and the table keeps room for a few rows of evidence.
        rows = self.table.verticalHeader().defaultSectionSize()
        self.table.setMinimumHeight(rows * 7)
        content = QWidget()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        column = QVBoxLayout(content)
        column.setContentsMargins(4, 8, 4, 4)
        column.addWidget(self.week)
        chooser = QHBoxLayout()
        chooser.addWidget(outcome_label)
        chooser.addWidget(self.outcome_combo)
        chooser.addStretch(1)
        column.addLayout(chooser)
        column.addWidget(self.found)
        column.addWidget(self.table, 1)

    def choose_outcome(self, index: int) -> None:
        """Pick the outcome at ``index`` of the box (0: mood), as the person would."""
        self.outcome_combo.setCurrentIndex(index)
        self._on_outcome_combo_activated(index)

    def _on_outcome_combo_activated(self, index: int) -> None:
        chosen = self._outcomes[index] if 0 <= index < len(self._outcomes) else MOOD
        if chosen != self.outcome:
            self.outcome = chosen
            self.stale = True
            self.found.setText(self.tr("Loading…"))
            self.outcome_chosen.emit(chosen)

    def _set_outcomes(self, outcomes: Sequence[Outcome], shown: Outcome) -> None:
        """Offer ``outcomes`` (mood first) with ``shown`` selected, without emitting a choice."""
        self._outcomes = tuple(outcomes) or (MOOD,)
        self.outcome = shown if shown in self._outcomes else MOOD
        self.outcome_combo.blockSignals(True)
        self.outcome_combo.clear()
        for outcome in self._outcomes:
            self.outcome_combo.addItem(self.tr("Mood") if outcome.is_mood else outcome.name)
        self.outcome_combo.setCurrentIndex(self._outcomes.index(self.outcome))
        self.outcome_combo.blockSignals(False)
        self.outcome_combo.setEnabled(len(self._outcomes) > 1)

    def show_patterns(
        self,
        week: Reflection,
        found: Sequence[Association],
        outcomes: Sequence[Outcome] = (MOOD,),
        outcome: Outcome = MOOD,
    ) -> None:
        """Show the week and the comparisons of ``outcome`` (one of ``outcomes``, offered in
        the box)."""
        self._set_outcomes(outcomes, outcome)
        self.week.setText(
            self.tr("<b>This week</b> ({start} – {end})<br>{text}").format(
                start=f"{week.period.start:%d %b}",
                end=f"{week.period.end:%d %b}",
                text=html.escape(reflection_sentence(week)),
            )
        )
        self.found.setAccessibleName(self._heading())
        called = [a for a in found if a.called_out]
        if called:
            lines = "".join(
                f"<li>{html.escape(self._sentence(a))}</li>"
                for a in sorted(called, key=lambda a: -abs(a.difference))
            )
            self.found.setText(
                self.tr("<b>{heading}</b> (an association, not a cause):<ul>").format(
                    heading=html.escape(self._heading(called=True))
                )
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
        elif self.outcome.is_mood:
            self.found.setText(
                self.tr(
                    "Patterns appear when something happened on at least 3 days with a mood, "
                    "and not on at least 3 others. Keep noting your mood and they will come."
                )
            )
        else:
            self.found.setText(
                self.tr(
                    "Patterns appear when something happened on at least 3 days with a value "
                    "for “{name}”, and not on at least 3 others."
                ).format(name=html.escape(self.outcome.name))
            )
        self._fill_table(found)
        self.stale = False

    def _heading(self, *, called: bool = False) -> str:
        if self.outcome.is_mood:
            if called:
                return self.tr("What seems to go with your mood")
            return self.tr("What seems to go with better days")
        return self.tr("What seems to go with higher or lower “{name}”").format(
            name=self.outcome.name
        )

    def _sentence(self, found: Association) -> str:
        when = self.tr("the day after") if found.lag_days else self.tr("on days with")
        if self.outcome.is_mood:
            direction = self.tr("better") if found.difference > 0 else self.tr("lower")
            text = self.tr(
                "{when} {factor} seems to go with {direction} mood: {diff:+.1f} on average "
                "({n_with} days with, {n_without} without; 95 % interval {low:+.1f} to "
                "{high:+.1f})."
            )
        else:
            direction = self.tr("higher") if found.difference > 0 else self.tr("lower")
            text = self.tr(
                "{when} {factor} seems to go with {direction} “{outcome}”: {diff:+.1f}{unit} "
                "on average ({n_with} days with, {n_without} without; 95 % interval "
                "{low:+.1f} to {high:+.1f})."
            )
        return text.format(
            when=when[:1].upper() + when[1:],
            factor=factor_words(found),
            direction=direction,
            outcome=self.outcome.name,
            unit=f" {self.outcome.unit}" if self.outcome.unit else "",
            diff=found.difference,
            n_with=found.n_with,
            n_without=found.n_without,
            low=found.ci_low,
            high=found.ci_high,
        )

    def _fill_table(self, found: Sequence[Association]) -> None:
        self.table.setHorizontalHeaderItem(
            3,
            QTableWidgetItem(
                self.tr("Mood with / without")
                if self.outcome.is_mood
                else self.tr("“{name}” with / without").format(name=self.outcome.name)
            ),
        )
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
