"""Guided mode: a box-breathing pacer and a 5-4-3-2-1 grounding walkthrough inside the app.

Both are a :class:`GuidedSession` dialog in three steps: an optional "distress right now" rating,
the exercise itself, then "how is it now?" (distress after, how much it helped, a note) which logs
a coping use and emits :attr:`GuidedSession.finished_use` with its id. Everything works from the
keyboard: Enter goes on, Esc ends the exercise early (and still asks the after-rating), Space
pauses and resumes the breathing. The pacer's meaning is always in words ("Breathe in… 3"), the
growing and shrinking square only accompanies them. Its clock is a QTimer whose interval can be
chosen, and :meth:`BreathingPacer.advance` moves it on by one count, so tests never wait.

A little over 400 lines: the session dialog and its three steps read as one flow (the pacer is
:mod:`~recovery_journal.ui.breathing_pacer`).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from recovery_journal.domain.coping import CopingUse
from recovery_journal.domain.scales import DISTRESS, HELPFULNESS
from recovery_journal.ui.breathing_pacer import BreathingPacer
from recovery_journal.ui.checkin import ScaleInput, muted
from recovery_journal.ui.context import UiContext
from recovery_journal.ui.settings import REDUCE_MOTION

GROUNDING_STEPS = (
    ("5 things you can see", "Look around slowly. Name them to yourself, or type them."),
    ("4 things you can touch", "Your feet on the floor, the chair, your clothes, the air…"),
    ("3 things you can hear", "Near and far: a clock, traffic, your own breath…"),
    ("2 things you can smell", "Anything at all, or two smells you like."),
    ("1 thing you can taste", "Or one thing you like the taste of."),
)


def _title(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.4)
    font.setBold(True)
    label.setFont(font)
    return label


def _button(text: str) -> QPushButton:
    button = QPushButton(text)
    button.setAccessibleName(text.replace("&", ""))
    button.setAutoDefault(False)  # Enter is handled by the dialog: the page's main action
    return button


class GuidedSession(QDialog):
    """Before-rating, the exercise (a subclass's page), then the after-rating that logs a use."""

    finished_use = Signal(int)
    """The id of the coping use logged at the end."""

    BEFORE, ACTIVITY, AFTER = range(3)
    title = "Guided exercise"
    intro = ""

    def __init__(
        self,
        ctx: UiContext,
        strategy_id: int,
        *,
        trigger_event_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.strategy_id, self.trigger_event_id = ctx, strategy_id, trigger_event_id
        self.saved_use: CopingUse | None = None
        self.setWindowTitle(self.tr(self.title))
        self.resize(560, 560)
        self.stack = QStackedWidget()
        self.before = ScaleInput(DISTRESS, self.tr("&Distress right now"), show_end_anchors=True)
        self.after = ScaleInput(DISTRESS, self.tr("&Distress now"), show_end_anchors=True)
        self.helpfulness = ScaleInput(HELPFULNESS, self.tr("How much it &helped"))
        self.note_edit = QPlainTextEdit()
        self.note_edit.setAccessibleName(self.tr("Note"))
        self.note_edit.setTabChangesFocus(True)
        self.start_button = _button(self.tr("&Start"))
        self.start_button.clicked.connect(self.begin)
        self.save_button = _button(self.tr("&Save and finish"))
        self.save_button.clicked.connect(self.save)
        self.close_button = _button(self.tr("Close without saving"))
        self.close_button.clicked.connect(self.reject)
        self.stack.addWidget(self._before_page())
        self.stack.addWidget(self.activity_page())
        self.stack.addWidget(self._after_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)
        self.before.slider.setFocus()

    def _before_page(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.addWidget(_title(self.tr(self.title)))
        intro = QLabel(self.tr(self.intro))
        intro.setWordWrap(True)
        column.addWidget(intro)
        column.addSpacing(12)
        column.addWidget(muted(QLabel(self.tr("If you like, rate how you feel first (optional)."))))
        column.addWidget(self.before)
        self.add_options(column)
        column.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.start_button)
        column.addLayout(row)
        return page

    def _after_page(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.addWidget(_title(self.tr("How is it now?")))
        column.addWidget(muted(QLabel(self.tr("Both ratings are optional."))))
        # What the person rated before, so "now" has something to be compared with.
        self.before_note = QLabel()
        self.before_note.setWordWrap(True)
        self.before_note.setAccessibleName(self.tr("Your rating before"))
        column.addWidget(self.before_note)
        column.addWidget(self.after)
        column.addWidget(self.helpfulness)
        note_label = QLabel(self.tr("&Note"))
        note_label.setBuddy(self.note_edit)
        column.addWidget(note_label)
        column.addWidget(self.note_edit, 1)
        row = QHBoxLayout()
        row.addWidget(self.close_button)
        row.addStretch(1)
        row.addWidget(self.save_button)
        column.addLayout(row)
        return page

    # -- hooks for the exercises
    def activity_page(self) -> QWidget:
        raise NotImplementedError

    def add_options(self, column: QVBoxLayout) -> None:
        """Extra choices on the first page (e.g. how many rounds)."""

    def start_activity(self) -> None:
        raise NotImplementedError

    def stop_activity(self) -> None:
        """The exercise ends (finished or ended early)."""

    def summary(self) -> str:
        """Text to suggest as the note."""
        return ""

    def activity_enter(self) -> None:
        """Enter pressed during the exercise."""

    # -- flow
    @Slot()
    def begin(self) -> None:
        self.stack.setCurrentIndex(self.ACTIVITY)
        self.start_activity()

    @Slot()
    def end_activity(self) -> None:
        if self.stack.currentIndex() != self.ACTIVITY:
            return
        self.stop_activity()
        if not self.note_edit.toPlainText().strip():
            self.note_edit.setPlainText(self.summary())
        before = self.before.value()
        if before is None:
            self.before_note.setText(self.tr("You didn't rate your distress before — that's fine."))
        else:
            self.before_note.setText(
                self.tr("Before, your distress was %d — %s.") % (before, DISTRESS.label(before))
            )
        self.stack.setCurrentIndex(self.AFTER)
        self.after.slider.setFocus()

    @Slot()
    def save(self) -> None:
        self.save_button.setEnabled(False)
        coping, strategy_id, event_id = (
            self.ctx.session.coping,
            self.strategy_id,
            self.trigger_event_id,
        )
        before, after = self.before.value(), self.after.value()
        helped, note = self.helpfulness.value(), self.note_edit.toPlainText().strip()
        self.ctx.tasks.run(
            lambda: coping.log_use(
                strategy_id,
                distress_before=before,
                distress_after=after,
                helpfulness=helped,
                trigger_event_id=event_id,
                note=note,
            ),
            self._on_saved,
            self._on_save_failed,
        )

    def _on_saved(self, use: object) -> None:
        assert isinstance(use, CopingUse) and use.id is not None
        self.saved_use = use
        self.finished_use.emit(use.id)
        self.accept()

    def _on_save_failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.ctx.report(error)

    def done(self, result: int) -> None:
        self.stop_activity()
        super().done(result)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, page = event.key(), self.stack.currentIndex()
        if key == Qt.Key.Key_Escape and page == self.ACTIVITY:
            self.end_activity()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            focused = self.focusWidget()
            if isinstance(focused, QPushButton):
                focused.click()
            elif page == self.BEFORE:
                self.begin()
            elif page == self.ACTIVITY:
                self.activity_enter()
            elif self.save_button.isEnabled():
                self.save()
        else:
            super().keyPressEvent(event)


class BreathingSession(GuidedSession):
    """Box breathing, 4-4-4-4, for a chosen number of rounds."""

    title = "Box breathing"
    intro = (
        "Breathe in for 4, hold for 4, breathe out for 4, hold for 4 — at a pace that feels "
        "comfortable. Space pauses and resumes; Esc ends whenever you like."
    )

    def __init__(
        self,
        ctx: UiContext,
        strategy_id: int,
        *,
        rounds: int = 4,
        tick_ms: int = 1000,
        trigger_event_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        self.pacer = BreathingPacer(
            rounds, tick_ms=tick_ms, animate=not ctx.settings.get(REDUCE_MOTION)
        )
        self.rounds_spin = QSpinBox()
        self.rounds_spin.setRange(1, 20)
        self.rounds_spin.setValue(rounds)
        self.rounds_spin.setAccessibleName(self.tr("Rounds"))
        super().__init__(ctx, strategy_id, trigger_event_id=trigger_event_id, parent=parent)
        self.pacer.changed.connect(self._on_pacer_changed)
        self.pacer.finished.connect(self._on_pacer_finished)

    def add_options(self, column: QVBoxLayout) -> None:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        label = QLabel(self.tr("&Rounds"))
        label.setBuddy(self.rounds_spin)
        form.addRow(label, self.rounds_spin)
        column.addLayout(form)

    def activity_page(self) -> QWidget:
        page = QWidget()
        self.phase_label = _title("")
        self.phase_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.phase_label.setAccessibleName(self.tr("What to do now"))
        self.round_label = muted(QLabel())
        self.round_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pause_button = _button(self.tr("&Pause"))
        self.pause_button.clicked.connect(self.pacer.toggle_pause)
        self.end_button = _button(self.tr("&End"))
        self.end_button.clicked.connect(self.end_activity)
        column = QVBoxLayout(page)
        column.addWidget(self.phase_label)
        column.addWidget(self.round_label)
        column.addWidget(self.pacer, 1)
        column.addWidget(muted(QLabel(self.tr("Space: pause or resume · Esc: end"))))
        row = QHBoxLayout()
        row.addWidget(self.pause_button)
        row.addStretch(1)
        row.addWidget(self.end_button)
        column.addLayout(row)
        return page

    def start_activity(self) -> None:
        self.pacer.rounds = self.rounds_spin.value()
        self.pacer.start()
        self.pacer.setFocus()

    def stop_activity(self) -> None:
        self.pacer.stop()

    def activity_enter(self) -> None:
        if self.pacer.done:
            self.end_activity()

    def summary(self) -> str:
        done = self.pacer.round if self.pacer.done else self.pacer.round - 1
        if done <= 0:
            return self.tr("Box breathing, ended during the first round.")
        if done == 1:
            return self.tr("Box breathing, 1 round.")
        return self.tr("Box breathing, %s rounds.") % done

    @Slot()
    def _on_pacer_changed(self) -> None:
        self.phase_label.setText(self.pacer.text())
        self.round_label.setText(self.pacer.round_text())
        self.pause_button.setText(self.tr("&Resume") if self.pacer.paused else self.tr("&Pause"))
        self.end_button.setText(self.tr("&Next") if self.pacer.done else self.tr("&End"))

    @Slot()
    def _on_pacer_finished(self) -> None:
        self.pause_button.setEnabled(False)
        self.end_button.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and self.stack.currentIndex() == self.ACTIVITY:
            self.pacer.toggle_pause()
        else:
            super().keyPressEvent(event)


class GroundingSession(GuidedSession):
    """5-4-3-2-1: five steps through the senses, each with a place to type (optional)."""

    title = "5-4-3-2-1 grounding"
    intro = (
        "Five short steps through your senses, to come back to where you are. Typing is "
        "optional — noticing is enough. Enter goes on, Alt+B goes back, Esc ends."
    )

    def activity_page(self) -> QWidget:
        page = QWidget()
        self.step = 0
        self.step_title = _title("")
        self.step_hint = QLabel()
        self.step_hint.setWordWrap(True)
        self.progress_label = muted(QLabel())
        self.answers = [QLineEdit() for _ in GROUNDING_STEPS]
        self.answer_stack = QStackedWidget()
        for edit, (title, _) in zip(self.answers, GROUNDING_STEPS, strict=True):
            edit.setAccessibleName(self.tr(title))
            edit.setPlaceholderText(self.tr("Type them here if you like"))
            self.answer_stack.addWidget(edit)
        self.answer_stack.setMaximumHeight(self.answers[0].sizeHint().height())
        self.back_button = _button(self.tr("&Back"))
        self.back_button.clicked.connect(self.back)
        self.next_button = _button(self.tr("&Next"))
        self.next_button.clicked.connect(self.next)
        column = QVBoxLayout(page)
        column.addWidget(self.progress_label)
        column.addWidget(self.step_title)
        column.addWidget(self.step_hint)
        column.addWidget(self.answer_stack)
        column.addStretch(1)
        column.addWidget(muted(QLabel(self.tr("Enter: next · Alt+B: back · Esc: end"))))
        row = QHBoxLayout()
        row.addWidget(self.back_button)
        row.addStretch(1)
        row.addWidget(self.next_button)
        column.addLayout(row)
        return page

    def start_activity(self) -> None:
        self._show_step(0)

    def activity_enter(self) -> None:
        self.next()

    def _show_step(self, step: int) -> None:
        self.step = step
        title, hint = GROUNDING_STEPS[step]
        self.step_title.setText(self.tr(title))
        self.step_hint.setText(self.tr(hint))
        self.progress_label.setText(
            self.tr("Step %1 of %2")
            .replace("%1", str(step + 1))
            .replace("%2", str(len(GROUNDING_STEPS)))
        )
        self.answer_stack.setCurrentIndex(step)
        self.back_button.setEnabled(step > 0)
        last = step == len(GROUNDING_STEPS) - 1
        self.next_button.setText(self.tr("&Finish") if last else self.tr("&Next"))
        self.answers[step].setFocus()

    @Slot()
    def next(self) -> None:
        if self.step < len(GROUNDING_STEPS) - 1:
            self._show_step(self.step + 1)
        else:
            self.end_activity()

    @Slot()
    def back(self) -> None:
        if self.step > 0:
            self._show_step(self.step - 1)

    def summary(self) -> str:
        lines = [
            f"{self.tr(title)}: {edit.text().strip()}"
            for edit, (title, _) in zip(self.answers, GROUNDING_STEPS, strict=True)
            if edit.text().strip()
        ]
        return "\n".join(lines)
