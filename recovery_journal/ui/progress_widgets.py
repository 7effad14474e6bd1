"""The pieces of the Milestones page: a counter card and a goal with its steps.

A counter card shows every number at once — the current stretch in big friendly digits, the
longest, all days free, the last 90 days and the next milestone — so a slip never looks like a
reset. Numbers are always words too ("12 days"), never only a colour or a bar.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recovery_journal.domain.progress import GoalStep
from recovery_journal.services.progress import CounterStatus, GoalProgress
from recovery_journal.ui.checkin import muted
from recovery_journal.ui.flow_layout import FlowLayout

CARD_STYLE = (
    "#{name} {{ background: palette(alternate-base); border: 1px solid palette(mid);"
    " border-radius: 8px; }}"
)


def nice_date(day: date) -> str:
    return f"{day.day} {day.strftime('%b %Y')}"


def days_text(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n:,} days"


def _card(frame: QFrame, name: str) -> None:
    frame.setObjectName(name)
    frame.setStyleSheet(CARD_STYLE.format(name=name))


def _button(text: str, name: str) -> QPushButton:
    button = QPushButton(text)
    button.setAccessibleName(name)
    return button


def _bold(label: QLabel, scale: float = 1.0) -> QLabel:
    font = label.font()
    font.setBold(True)
    if scale != 1.0:
        font.setPointSizeF(font.pointSizeF() * scale)
    label.setFont(font)
    return label


class CounterCard(QFrame):
    """One counter: its numbers, 'Record a slip…', 'Edit…', 'Archive' and 'Show on Today'."""

    slip_requested = Signal(int)
    edit_requested = Signal(int)
    archive_requested = Signal(int)
    pin_toggled = Signal(int, bool)

    def __init__(self, status: CounterStatus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        _card(self, "counterCard")
        self.status = status
        counter, stats = status.counter, status.stats
        ident = counter.id or 0
        self.setAccessibleName(counter.title)
        title = _bold(QLabel(counter.title), 1.2)
        title.setTextFormat(Qt.TextFormat.PlainText)
        self.since_label = muted(QLabel(self._since()))
        self.big_number = _bold(QLabel(f"{stats.current:,}"), 3.0)
        self.big_number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        caption = self.tr("day so far") if stats.current == 1 else self.tr("days so far")
        self.big_caption = QLabel(caption if stats.started else self.tr("starts soon"))
        self.big_number.setAccessibleName(self.tr("Current stretch: %s") % days_text(stats.current))
        self.big_caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.summary = QLabel(self._summary())
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Numbers for %s") % counter.title)
        self.slip_button = _button(self.tr("Record a slip…"), self.tr("Record a slip"))
        self.edit_button = _button(self.tr("Edit…"), self.tr("Edit counter"))
        self.archive_button = _button(self.tr("Archive"), self.tr("Archive counter"))
        self.slip_button.clicked.connect(lambda: self.slip_requested.emit(ident))
        self.edit_button.clicked.connect(lambda: self.edit_requested.emit(ident))
        self.archive_button.clicked.connect(lambda: self.archive_requested.emit(ident))
        self.slip_button.setEnabled(stats.started)
        self.on_today = QCheckBox(self.tr("Show on Today"))
        self.on_today.setAccessibleName(self.tr("Show %s on Today") % counter.title)
        self.on_today.setToolTip(
            self.tr("Its days so far appear on the Today page. Unticking resets nothing.")
        )
        self.on_today.setChecked(counter.pinned)
        self.on_today.toggled.connect(lambda on: self.pin_toggled.emit(ident, on))

        big = QVBoxLayout()
        big.setSpacing(0)
        big.addWidget(self.big_number)
        big.addWidget(self.big_caption)
        big_box = QWidget()
        big_box.setLayout(big)
        big_box.setMinimumWidth(130)
        text = QVBoxLayout()
        # Rows wrap when narrow (900x600 at 150 % text) instead of widening the page.
        heading = FlowLayout()
        heading.add(title, self.since_label)
        text.addLayout(heading)
        text.addWidget(self.summary)
        buttons = FlowLayout()
        buttons.add(self.slip_button, self.edit_button, self.archive_button, self.on_today)
        text.addLayout(buttons)
        row = QHBoxLayout(self)
        row.setContentsMargins(16, 12, 16, 12)
        row.addWidget(big_box)
        row.addLayout(text, 1)

    def _since(self) -> str:
        """ "since <start>", or after a slip "this stretch since <the day after it>", so the
        date always belongs to the big number beside it."""
        stats, start = self.status.stats, self.status.counter.start_date
        if stats.started and stats.streak_start != start:
            self.setToolTip(self.tr("Counting since %s") % nice_date(start))
            if stats.streak_start > stats.today:  # a slip today: the next stretch is ahead
                return self.tr("a new stretch begins %s") % nice_date(stats.streak_start)
            return self.tr("this stretch since %s") % nice_date(stats.streak_start)
        return self.tr("since %s") % nice_date(start)

    def _summary(self) -> str:
        stats = self.status.stats
        if not stats.started:
            return self.tr("Counting begins on %s.") % nice_date(self.status.counter.start_date)
        lines = [
            self.tr("Longest stretch: %s") % days_text(stats.longest),
            self.tr("All days free: %s") % days_text(stats.total_free),
        ]
        if stats.percent_free is not None:
            span = (
                self.tr("the last 90 days")
                if stats.window_days == 90
                else self.tr("the %s since the start") % days_text(stats.window_days)
            )
            lines.append(
                self.tr("%s of %s (%d%%)")
                % (days_text(stats.window_free), span, round(stats.percent_free))
            )
        lines.append(
            self.tr("Next: %s in %s") % (stats.next_mark.title, days_text(stats.days_to_next))
        )
        return "  ·  ".join(lines[:2]) + "\n" + "  ·  ".join(lines[2:])


class GoalWidget(QFrame):
    """A goal: its steps as checkboxes, progress in words and a bar, edit and complete."""

    step_toggled = Signal(int, bool)
    edit_requested = Signal(int)
    complete_toggled = Signal(int, bool)

    def __init__(self, progress: GoalProgress, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        _card(self, "goalCard")
        self.progress = progress
        goal = progress.goal
        ident = goal.id or 0
        done = goal.completed_utc is not None
        self.setAccessibleName(goal.title)
        title = _bold(QLabel(goal.title))
        title.setTextFormat(Qt.TextFormat.PlainText)
        self.progress_label = muted(QLabel(self._progress_text()))
        self.progress_label.setAccessibleName(self.tr("Progress of %s") % goal.title)
        bar = QProgressBar()
        bar.setRange(0, max(progress.total, 1))
        bar.setValue(progress.done)
        bar.setTextVisible(False)
        bar.setFixedHeight(8)
        bar.setAccessibleName(self.tr("Progress of %s") % goal.title)
        bar.setVisible(progress.total > 0)
        self.step_checks: list[QCheckBox] = [self._step_check(step) for step in progress.steps]
        self.edit_button = _button(self.tr("Edit…"), self.tr("Edit goal %s") % goal.title)
        complete = self.tr("Open again") if done else self.tr("Mark goal complete")
        self.complete_button = _button(complete, complete)
        self.edit_button.clicked.connect(lambda: self.edit_requested.emit(ident))
        self.complete_button.clicked.connect(lambda: self.complete_toggled.emit(ident, not done))

        heading = FlowLayout()
        heading.add(title, self.progress_label)
        column = QVBoxLayout(self)
        column.setContentsMargins(16, 10, 16, 10)
        column.addLayout(heading)
        column.addWidget(bar)
        steps = FlowLayout(spacing=16)  # side by side when there is room, else one per line
        steps.add(*self.step_checks)
        column.addLayout(steps)
        buttons = FlowLayout(align_right=True)
        buttons.add(self.edit_button, self.complete_button)
        column.addLayout(buttons)

    def _progress_text(self) -> str:
        goal, p = self.progress.goal, self.progress
        if goal.completed_utc is not None:
            return self.tr("Complete ✓")
        text = self.tr("%d of %d steps") % (p.done, p.total) if p.total else self.tr("No steps yet")
        if goal.target_date is not None:
            text += "  ·  " + self.tr("aiming for %s") % nice_date(goal.target_date)
        return text

    def _step_check(self, step: GoalStep) -> QCheckBox:
        check = QCheckBox(step.text)
        check.setAccessibleName(step.text)
        check.setChecked(step.done_utc is not None)
        ident = step.id or 0
        check.toggled.connect(lambda on: self.step_toggled.emit(ident, on))
        return check
