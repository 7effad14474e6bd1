"""The "What works for me" list: strategies ranked by average distress drop, with their n.

Only strategies with at least three uses rated before *and* after are ranked; the others are
listed apart as "not enough uses yet to compare", with how many rated uses they have. A change
is always written in words ("2.5 lower", "1.0 higher — distress went up"), never by colour
alone, and a strategy that tended to make things worse is shown as plainly as one that helped.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from recovery_journal.domain.coping_insights import StrategyEvidence, WhatWorks
from recovery_journal.ui.checkin import muted


def describe_drop(drop: float | None) -> str:
    """An average change in distress, in words."""
    if drop is None:
        return "—"
    if round(drop, 1) == 0:
        return "no change on average"
    if drop > 0:
        return f"↓ {drop:.1f} lower"
    return f"↑ {-drop:.1f} higher — distress went up"


def describe_helpfulness(evidence: StrategyEvidence) -> str:
    if evidence.average_helpfulness is None:
        return "not rated"
    return f"{evidence.average_helpfulness:.1f} of 5"


def _tree(name: str, headers: list[str]) -> QTreeWidget:
    tree = QTreeWidget()
    tree.setAccessibleName(name)
    tree.setRootIsDecorated(False)
    tree.setHeaderLabels(headers)
    tree.setUniformRowHeights(True)
    header = tree.header()
    header.setStretchLastSection(False)
    for column in range(len(headers)):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
    return tree


class WhatWorksView(QWidget):
    """Shows a :class:`WhatWorks` result: the ranking, then the strategies still waiting."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.explanation = muted(QLabel())
        self.explanation.setWordWrap(True)
        self.ranking = _tree(
            self.tr("Strategies ranked by how much distress dropped"),
            [self.tr("Rank"), self.tr("Strategy"), self.tr("Distress, on average"),
             self.tr("Rated uses (n)"), self.tr("Helped")],
        )  # fmt: skip
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.waiting_title = QLabel(self.tr("<b>Not enough uses yet to compare</b>"))
        self.waiting = _tree(
            self.tr("Strategies without enough rated uses yet"),
            [self.tr(""), self.tr("Strategy"), self.tr("Rated uses so far"),
             self.tr("Distress, on average")],
        )  # fmt: skip
        self.waiting.setColumnHidden(0, True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(self.explanation)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.ranking, 3)
        layout.addWidget(self.waiting_title)
        layout.addWidget(self.waiting, 2)

    def show_result(self, result: WhatWorks) -> None:
        self.explanation.setText(
            self.tr(
                "How much your distress dropped on average (before minus after), counting the "
                "times you rated both. A strategy is ranked once it has %s such uses — fewer "
                "say too little to compare. It describes your own notes, nothing more."
            )
            % result.min_uses
        )
        self.ranking.clear()
        for evidence in result.ranked:
            name = evidence.name + (self.tr(" (archived)") if evidence.archived else "")
            item = QTreeWidgetItem(
                [str(evidence.rank), name, self.tr(describe_drop(evidence.average_drop)),
                 str(evidence.n), self.tr(describe_helpfulness(evidence))]
            )  # fmt: skip
            item.setTextAlignment(0, Qt.AlignmentFlag.AlignCenter)
            item.setTextAlignment(3, Qt.AlignmentFlag.AlignCenter)
            self.ranking.addTopLevelItem(item)
        self.waiting.clear()
        for evidence in result.not_enough:
            so_far = self.tr("%1 of %2").replace("%1", str(evidence.n))
            item = QTreeWidgetItem(
                ["", evidence.name, so_far.replace("%2", str(result.min_uses)),
                 self.tr(describe_drop(evidence.average_drop))]
            )  # fmt: skip
            self.waiting.addTopLevelItem(item)
        self.ranking.setVisible(bool(result.ranked))
        self.empty_label.setVisible(not result.ranked)
        self.empty_label.setText(
            self.tr(
                "Nothing ranked yet. When you log a coping use, rate your distress before and "
                "after; once a strategy has %s rated uses it appears here."
            )
            % result.min_uses
        )
        self.waiting_title.setVisible(bool(result.not_enough))
        self.waiting.setVisible(bool(result.not_enough))

    def ranked_names(self) -> list[str]:
        """The strategies in the ranking, in order (what a person reads top to bottom)."""
        return _names(self.ranking)

    def waiting_names(self) -> list[str]:
        return _names(self.waiting)


def _names(tree: QTreeWidget) -> list[str]:
    items = (tree.topLevelItem(i) for i in range(tree.topLevelItemCount()))
    return [item.text(1) for item in items if item is not None]
