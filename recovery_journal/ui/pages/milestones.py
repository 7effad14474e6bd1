"""The Milestones page: counters, the milestones timeline, goals with small steps, phases.

Everything is loaded in one background task (which also stores newly reached automatic
milestones, so each is celebrated once) and every change runs in the background and then
reloads the page. Wording stays kind: a slip is "noted", never a reset.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from recovery_journal.domain.clock import local_today
from recovery_journal.domain.progress import Phase
from recovery_journal.services.progress import GoalProgress
from recovery_journal.ui.celebration import CelebrationNotice
from recovery_journal.ui.checkin import muted
from recovery_journal.ui.context import UiContext
from recovery_journal.ui.milestone_timeline import MilestoneTimeline
from recovery_journal.ui.pages.milestone_actions import MilestoneActions, PageData, load_page
from recovery_journal.ui.progress_widgets import CounterCard, GoalWidget, nice_date


def _section(title: str, button: QPushButton) -> tuple[QWidget, QVBoxLayout]:
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 8, 0, 0)
    heading = QHBoxLayout()
    label = QLabel(f"<h3>{title}</h3>")
    heading.addWidget(label)
    heading.addStretch(1)
    heading.addWidget(button)
    column.addLayout(heading)
    body = QVBoxLayout()
    body.setSpacing(8)
    column.addLayout(body)
    return box, body


def _clear(layout: QVBoxLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.deleteLater()


class MilestonesPage(MilestoneActions):
    """Counters, milestones, goals and phases — with a gentle celebration for new milestones."""

    nav_title = "Milestones"

    def __init__(
        self,
        ctx: UiContext,
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = local_today,
    ) -> None:
        super().__init__(ctx, parent)
        self._today = today
        self.data: PageData | None = None
        self.dialog: QDialog | None = None
        self.counter_cards: list[CounterCard] = []
        self.goal_widgets: list[GoalWidget] = []
        self._build()
        # Data loads when the page is first shown (activated), not at unlock.

    # ------------------------------------------------------------ building

    def _button(self, text: str, name: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(name)
        button.clicked.connect(slot)
        return button

    def _build(self) -> None:
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(32, 24, 32, 24)
        column.setSpacing(12)
        column.addWidget(QLabel(self.tr("<h2>Milestones</h2>")))
        intro = muted(
            QLabel(self.tr("What you're counting, what you've reached, and where you're heading."))
        )
        intro.setWordWrap(True)  # one unwrapped line made the page wider than 900x600 at 150 %
        column.addWidget(intro)
        self.celebration = CelebrationNotice(self.ctx)
        column.addWidget(self.celebration)
        self.status_label = muted(QLabel())
        self.status_label.setAccessibleName(self.tr("Status"))
        self.status_label.setWordWrap(True)
        self.status_label.hide()
        # Undo for what is easy to do by mistake and hard to see undone: a slip, an archive.
        self.undo_button = self._button(self.tr("&Undo"), self.tr("Undo"), self._undo)
        self.undo_button.hide()
        self._undo_action: Callable[[], None] | None = None
        status_row = QHBoxLayout()
        status_row.addWidget(self.status_label, 1)
        status_row.addWidget(self.undo_button, 0, Qt.AlignmentFlag.AlignTop)
        column.addLayout(status_row)

        self.new_counter_button = self._button(
            self.tr("New counter…"), self.tr("New counter"), self.new_counter
        )
        box, self.counters_box = _section(self.tr("Counters"), self.new_counter_button)
        column.addWidget(box)
        self.add_milestone_button = self._button(
            self.tr("Add a milestone…"), self.tr("Add a milestone"), self.add_milestone
        )
        box, timeline_box = _section(self.tr("Milestones"), self.add_milestone_button)
        self.timeline = MilestoneTimeline()
        self.timeline.edit_requested.connect(self.edit_milestone)
        self.edit_milestone_button = self._button(
            self.tr("Edit milestone…"),
            self.tr("Edit the selected milestone"),
            lambda: self.edit_milestone(),
        )
        self.edit_milestone_button.setEnabled(False)
        self.edit_milestone_button.setToolTip(
            self.tr("Your own milestones can be edited; the ones the journal noticed follow it.")
        )
        self.timeline.own_selected.connect(self.edit_milestone_button.setEnabled)
        timeline_box.addWidget(self.timeline)
        timeline_box.addWidget(self.edit_milestone_button, 0, Qt.AlignmentFlag.AlignRight)
        column.addWidget(box)
        self.add_goal_button = self._button(
            self.tr("Add a goal…"), self.tr("Add a goal"), self.add_goal
        )
        box, self.goals_box = _section(self.tr("Goals"), self.add_goal_button)
        column.addWidget(box)
        self.add_phase_button = self._button(
            self.tr("Add a phase…"), self.tr("Add a recovery phase"), self.add_phase
        )
        box, phases_box = _section(self.tr("Recovery phases"), self.add_phase_button)
        self.phase_list = QListWidget()
        self.phase_list.setAccessibleName(self.tr("Recovery phases"))
        self.phase_list.itemActivated.connect(lambda _item: self.edit_phase())
        self.edit_phase_button = self._button(
            self.tr("Edit phase…"), self.tr("Edit the selected phase"), self.edit_phase
        )
        self.edit_phase_button.setEnabled(False)
        self.phase_list.currentRowChanged.connect(
            lambda row: self.edit_phase_button.setEnabled(row >= 0)
        )
        phases_box.addWidget(self.phase_list)
        phases_box.addWidget(self.edit_phase_button, 0, Qt.AlignmentFlag.AlignRight)
        column.addWidget(box)
        column.addStretch(1)

        scroll = QScrollArea()
        scroll.setWidget(content)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    # ------------------------------------------------------------ loading and showing

    def activated(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        session, today = self.ctx.session, self._today()
        self._run(lambda: load_page(session, today), self._show)

    def _show(self, data: PageData) -> None:
        self.data = data
        _clear(self.counters_box)
        self.counter_cards = [CounterCard(status) for status in data.counters]
        for card in self.counter_cards:
            card.slip_requested.connect(self.record_slip)
            card.edit_requested.connect(self.edit_counter)
            card.archive_requested.connect(self.archive_counter)
            card.pin_toggled.connect(self.set_pinned)
            self.counters_box.addWidget(card)
        if not data.counters:
            self.counters_box.addWidget(
                muted(QLabel(self.tr("No counters yet. “New counter…” starts one.")))
            )
        self.timeline.show_items(data.timeline)
        self._show_goals(data.goals)
        self._show_phases(data.phases)
        self.celebration.show_new(data.new)

    def _show_goals(self, goals: list[GoalProgress]) -> None:
        _clear(self.goals_box)
        self.goal_widgets = [GoalWidget(progress) for progress in goals]
        for widget in self.goal_widgets:
            widget.step_toggled.connect(self.toggle_step)
            widget.edit_requested.connect(self.edit_goal)
            widget.complete_toggled.connect(self.complete_goal)
            self.goals_box.addWidget(widget)
        if not goals:
            self.goals_box.addWidget(
                muted(QLabel(self.tr("No goals yet. Small steps count — “Add a goal…”.")))
            )

    def _show_phases(self, phases: list[Phase]) -> None:
        self.phase_list.clear()
        today = self._today()
        current = max(
            (p for p in phases if p.start_date <= today), key=lambda p: p.start_date, default=None
        )
        for phase in phases:
            text = self.tr("%s — since %s") % (phase.name, nice_date(phase.start_date))
            if phase is current:
                text += self.tr("  (now)")
            self.phase_list.addItem(text)
        if not phases:
            hint = QListWidgetItem(
                self.tr("No phases yet. Recognition, Acceptance, Recovery — or your own words.")
            )
            hint.setFlags(Qt.ItemFlag.NoItemFlags)
            self.phase_list.addItem(hint)
        row = max(self.phase_list.sizeHintForRow(0), self.fontMetrics().height() + 4)
        frame = 2 * self.phase_list.frameWidth() + 8
        self.phase_list.setFixedHeight(max(len(phases), 2) * row + frame)
