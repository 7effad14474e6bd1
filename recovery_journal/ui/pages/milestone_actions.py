"""Every change the Milestones page makes: counters and slips, milestones, goals, phases.

Split from :mod:`recovery_journal.ui.pages.milestones` (which builds and shows the page). Each
action opens its dialog, runs the change in the background, says what happened (with Undo where
it makes sense) and reloads the page.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtWidgets import QDialog, QLabel, QListWidget, QPushButton

from recovery_journal.domain.milestones import AutoMilestone
from recovery_journal.domain.progress import Counter, Phase
from recovery_journal.services.progress import CounterStatus, GoalProgress, NotedSlip, TimelineItem
from recovery_journal.services.session import JournalSession
from recovery_journal.ui.milestone_timeline import MilestoneTimeline
from recovery_journal.ui.pages.base import Page
from recovery_journal.ui.progress_dialogs import (
    CounterDialog,
    GoalDialog,
    MilestoneDialog,
    PhaseDialog,
    SlipDialog,
)


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


class MilestoneActions(Page):
    """The page's actions; :class:`~recovery_journal.ui.pages.milestones.MilestonesPage` builds
    the widgets named below and provides ``refresh``."""

    data: PageData | None
    dialog: QDialog | None
    status_label: QLabel
    undo_button: QPushButton
    phase_list: QListWidget
    timeline: MilestoneTimeline
    _today: Callable[[], date]
    _undo_action: Callable[[], None] | None

    def refresh(self) -> None:
        raise NotImplementedError

    def _run(self, fn: Callable[[], Any], then: Callable[[Any], None] | None = None) -> None:
        self.ctx.tasks.run(fn, then, self.ctx.report)

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
            title, start, convention, pinned = dialog.values()
            session = self.ctx.session
            self._run(
                lambda: session.progress.add_counter(title, start, convention, pinned=pinned),
                self._after(self.tr("Counter started.")),
            )

        self._open(dialog, save)

    def edit_counter(self, counter_id: int) -> None:
        counter = self._status(counter_id).counter
        dialog = CounterDialog(self._today(), counter, self)

        def save() -> None:
            title, start, convention, pinned = dialog.values()
            changed = dataclasses.replace(
                counter, title=title, start_date=start, convention=convention, pinned=pinned
            )
            session, today = self.ctx.session, self._today()
            self._run(
                lambda: session.progress.update_counter(changed, today),
                self._after(self.tr("Counter saved.")),
            )

        self._open(dialog, save)

    def set_pinned(self, counter_id: int, pinned: bool) -> None:
        """Show a counter on Today or not (the card's own checkbox already shows the choice, so
        the page is not rebuilt: focus stays on the checkbox for the next key)."""
        counter = self._status(counter_id).counter
        session = self.ctx.session
        if pinned:
            message = self.tr("“%s” shows on Today.") % counter.title
        else:
            message = self.tr("“%s” is kept here only, not on Today. Nothing is reset.")
            message %= counter.title

        def done(saved: Counter) -> None:
            assert self.data is not None
            self.data.counters[:] = [
                dataclasses.replace(s, counter=saved) if s.counter.id == counter_id else s
                for s in self.data.counters
            ]
            self.status_label.setText(message)
            self.status_label.show()
            self._undo_action = None
            self.undo_button.hide()

        def failed(exc: BaseException) -> None:
            self.ctx.report(exc)
            self.refresh()  # the card shows what is stored again

        self.ctx.tasks.run(lambda: session.progress.set_pinned(counter_id, pinned), done, failed)

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
