"""The Milestones page: counters, the milestones timeline, goals with small steps, phases.

Everything is loaded in one background task (which also stores newly reached automatic
milestones, so each is celebrated once) and every change runs in the background and then
reloads the page. Wording stays kind: a slip is "noted", never a reset.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

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
from recovery_journal.domain.milestones import AutoMilestone
from recovery_journal.domain.progress import Phase
from recovery_journal.services.progress import CounterStatus, GoalProgress, NotedSlip, TimelineItem
from recovery_journal.services.session import JournalSession
from recovery_journal.ui.celebration import CelebrationNotice
from recovery_journal.ui.checkin import muted
from recovery_journal.ui.context import UiContext
from recovery_journal.ui.milestone_timeline import MilestoneTimeline
from recovery_journal.ui.pages.base import Page
from recovery_journal.ui.progress_dialogs import (
    CounterDialog,
    GoalDialog,
    MilestoneDialog,
    PhaseDialog,
    SlipDialog,
)
from recovery_journal.ui.progress_widgets import CounterCard, GoalWidget, nice_date


@dataclass(frozen=True, slots=True)
class PageData:
    """Everything the page shows, loaded in one background task."""

    counters: list[CounterStatus]
    timeline: list[TimelineItem]
    goals: list[GoalProgress]
    phases: list[Phase]
    new: list[AutoMilestone]


def load_page(session: JournalSession, today: date) -> PageData:
    new = session.progress.new_celebrations(today)
    return PageData(
        session.progress.all_counter_statuses(today),
        session.progress.reached_milestones(today),
        session.progress.goals_with_steps(),
        session.progress.phases.list(),
        new,
    )


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


class MilestonesPage(Page):
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

    def _run(self, fn: Callable[[], Any], then: Callable[[Any], None] | None = None) -> None:
        self.ctx.tasks.run(fn, then, self.ctx.report)

    def refresh(self) -> None:
        session, today = self.ctx.session, self._today()
        self._run(lambda: load_page(session, today), self._show)

    def _after(
        self, message: str, undo: Callable[[Any], Callable[[], None]] | None = None
    ) -> Callable[[Any], None]:
        """What to do when a change is saved: say so (offering ``undo(result)`` if given),
        then reload the page."""

        def done(result: object) -> None:
            self.status_label.setText(message)
            self.status_label.setVisible(bool(message))
            self._undo_action = undo(result) if undo is not None else None
            self.undo_button.setVisible(self._undo_action is not None)
            self.refresh()

        return done

    def _undo(self) -> None:
        action, self._undo_action = self._undo_action, None
        self.undo_button.hide()
        if action is not None:
            action()

    def _show(self, data: PageData) -> None:
        self.data = data
        _clear(self.counters_box)
        self.counter_cards = [CounterCard(status) for status in data.counters]
        for card in self.counter_cards:
            card.slip_requested.connect(self.record_slip)
            card.edit_requested.connect(self.edit_counter)
            card.archive_requested.connect(self.archive_counter)
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

    # ------------------------------------------------------------ counters

    def _status(self, counter_id: int) -> CounterStatus:
        assert self.data is not None
        return next(s for s in self.data.counters if s.counter.id == counter_id)

    def _open(self, dialog: QDialog, on_accept: Callable[[], None]) -> None:
        self.dialog = dialog
        dialog.accepted.connect(on_accept)
        dialog.open()

    def new_counter(self) -> None:
        dialog = CounterDialog(self._today(), None, self)

        def save() -> None:
            title, start, convention = dialog.values()
            session = self.ctx.session
            self._run(
                lambda: session.progress.add_counter(title, start, convention),
                self._after(self.tr("Counter started.")),
            )

        self._open(dialog, save)

    def edit_counter(self, counter_id: int) -> None:
        counter = self._status(counter_id).counter
        dialog = CounterDialog(self._today(), counter, self)

        def save() -> None:
            title, start, convention = dialog.values()
            changed = dataclasses.replace(
                counter, title=title, start_date=start, convention=convention
            )
            session, today = self.ctx.session, self._today()
            self._run(
                lambda: session.progress.update_counter(changed, today),
                self._after(self.tr("Counter saved.")),
            )

        self._open(dialog, save)

    def record_slip(self, counter_id: int) -> None:
        dialog = SlipDialog(self._status(counter_id).counter, self._today(), self)

        def save() -> None:
            day, context, next_time = dialog.values()
            session, today = self.ctx.session, self._today()
            self._run(
                lambda: session.progress.record_slip(
                    counter_id, day, context, next_time, today=today
                ),
                self._after(
                    self.tr("Noted. Your start date, longest stretch and all your days are kept."),
                    undo=self._take_back_slip,
                ),
            )

        self._open(dialog, save)

    def _take_back_slip(self, noted: NotedSlip) -> Callable[[], None]:
        def take_back() -> None:
            session, today = self.ctx.session, self._today()
            self._run(
                lambda: session.progress.undo_slip(noted, today=today),
                self._after(self.tr("Taken back. The slip is gone and your count is as it was.")),
            )

        return take_back

    def archive_counter(self, counter_id: int) -> None:
        counters = self.ctx.session.progress.counters
        self._run(
            lambda: counters.archive(counter_id),
            self._after(
                self.tr("Counter archived. Its history stays in your journal."),
                undo=lambda _archived: self._bring_back_counter(counter_id),
            ),
        )

    def _bring_back_counter(self, counter_id: int) -> Callable[[], None]:
        counters = self.ctx.session.progress.counters
        return lambda: self._run(
            lambda: counters.unarchive(counter_id), self._after(self.tr("The counter is back."))
        )

    # ------------------------------------------------------------ milestones

    def edit_milestone(self, item: TimelineItem | None = None) -> None:
        """Edit one of the person's own milestones (``item``, or the one selected)."""
        item = item or self.timeline.selected_own()
        if item is None or item.milestone_id is None:
            return
        milestone_id = item.milestone_id
        existing = (item.local_date, item.title, item.kind, item.notes)
        dialog = MilestoneDialog(self._today(), self, existing=existing)

        def save() -> None:
            day, title, kind, notes = dialog.values()
            session = self.ctx.session
            self._run(
                lambda: session.progress.edit_own_milestone(milestone_id, day, title, kind, notes),
                self._after(self.tr("Milestone saved.")),
            )

        self._open(dialog, save)

    def add_milestone(self) -> None:
        dialog = MilestoneDialog(self._today(), self)

        def save() -> None:
            day, title, kind, notes = dialog.values()
            session = self.ctx.session
            self._run(
                lambda: session.progress.add_own_milestone(day, title, kind, notes),
                self._after(self.tr("Milestone added.")),
            )

        self._open(dialog, save)

    # ------------------------------------------------------------ goals

    def _goal(self, goal_id: int) -> GoalProgress:
        assert self.data is not None
        return next(g for g in self.data.goals if g.goal.id == goal_id)

    def add_goal(self) -> None:
        self._goal_dialog(None)

    def edit_goal(self, goal_id: int) -> None:
        self._goal_dialog(self._goal(goal_id))

    def _goal_dialog(self, progress: GoalProgress | None) -> None:
        steps = [(s.id, s.text) for s in progress.steps] if progress else []
        dialog = GoalDialog(progress.goal if progress else None, steps, self)

        def save() -> None:
            goal, wanted = dialog.values()
            session = self.ctx.session
            self._run(
                lambda: session.progress.save_goal(goal, wanted),
                self._after(self.tr("Goal saved.")),
            )

        self._open(dialog, save)

    def toggle_step(self, step_id: int, done: bool) -> None:
        session = self.ctx.session
        self._run(lambda: session.progress.set_step_done(step_id, done), self._after(""))

    def complete_goal(self, goal_id: int, complete: bool) -> None:
        session, today = self.ctx.session, self._today()
        message = self.tr("Goal complete — well done.") if complete else self.tr("Goal reopened.")
        self._run(
            lambda: session.progress.set_goal_complete(goal_id, complete, today),
            self._after(message),
        )

    # ------------------------------------------------------------ phases

    def add_phase(self) -> None:
        self._phase_dialog(None)

    def edit_phase(self) -> None:
        row = self.phase_list.currentRow()
        if self.data is not None and 0 <= row < len(self.data.phases):
            self._phase_dialog(self.data.phases[row])

    def _phase_dialog(self, phase: Phase | None) -> None:
        dialog = PhaseDialog(self._today(), phase, self)

        def save() -> None:
            changed = dialog.values()
            phases = self.ctx.session.progress.phases
            action = phases.update if changed.id is not None else phases.add
            self._run(lambda: action(changed), self._after(self.tr("Phase saved.")))

        self._open(dialog, save)
