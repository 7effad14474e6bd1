"""Guided mode, driven by keyboard: the breathing pacer and the 5-4-3-2-1 walkthrough."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from recovery_journal.domain.coping import CopingCategory, CopingStrategy
from recovery_journal.ui.context import UiContext
from recovery_journal.ui.guided import BreathingSession, GroundingSession
from tests.ui.conftest import wait_tasks

SLOW_CLOCK = 3_600_000  # the pacer's own clock never fires during a test: we advance it


def add_strategy(ctx: UiContext, name: str) -> int:
    strategy = ctx.session.coping.strategies.add(CopingStrategy(name, CopingCategory.RELAXATION))
    assert strategy.id is not None
    return strategy.id


def press(
    qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None
    qtbot.keyClick(widget, key, modifier)


def breathing(qtbot: QtBot, ctx: UiContext, rounds: int = 2) -> BreathingSession:
    dialog = BreathingSession(
        ctx, add_strategy(ctx, "Box breathing"), rounds=rounds, tick_ms=SLOW_CLOCK
    )
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.before.slider)
    return dialog


def test_the_pacer_runs_through_its_phases_and_logs_the_after_rating(
    qtbot: QtBot, ui_ctx: UiContext
) -> None:
    dialog = breathing(qtbot, ui_ctx)
    press(qtbot, Qt.Key.Key_End)  # distress before: 10 …
    press(qtbot, Qt.Key.Key_Left)  # … no, 9
    assert dialog.before.value() == 9
    press(qtbot, Qt.Key.Key_Return)  # Start
    pacer = dialog.pacer
    assert dialog.phase_label.text() == "Breathe in… 4"
    assert dialog.round_label.text() == "Round 1 of 2"
    assert pacer.animation.endValue() == 1.0  # the square grows while breathing in
    seen = [dialog.phase_label.text()]
    for _ in range(2 * 16):
        pacer.advance()
        seen.append(dialog.phase_label.text())
    assert seen[:9] == [
        "Breathe in… 4", "Breathe in… 3", "Breathe in… 2", "Breathe in… 1",
        "Hold… 4", "Hold… 3", "Hold… 2", "Hold… 1", "Breathe out… 4",
    ]  # fmt: skip
    assert "Round 2 of 2" in dialog.round_label.text()
    assert pacer.done
    assert seen[-1].startswith("Well done")
    assert QApplication.focusWidget() is dialog.end_button
    press(qtbot, Qt.Key.Key_Return)  # on to "How is it now?"
    assert dialog.stack.currentIndex() == dialog.AFTER
    # Issue 13 §4: the after-rating screen shows the rating from before.
    assert dialog.before_note.isVisible()
    assert dialog.before_note.text() == "Before, your distress was 9 — severe."
    assert QApplication.focusWidget() is dialog.after.slider
    press(qtbot, Qt.Key.Key_Home)
    for _ in range(4):
        press(qtbot, Qt.Key.Key_Right)
    dialog.helpfulness.slider.setFocus()
    press(qtbot, Qt.Key.Key_End)
    with qtbot.waitSignal(dialog.finished_use, timeout=10_000) as logged:
        press(qtbot, Qt.Key.Key_Return)
    (use,) = ui_ctx.session.coping.uses.list()
    assert logged.args == [use.id]
    assert (use.distress_before, use.distress_after, use.helpfulness) == (9, 4, 5)
    assert use.distress_drop == 5
    assert use.note == "Box breathing, 2 rounds."
    wait_tasks(qtbot, ui_ctx)


def test_space_pauses_and_resumes_the_pacer(qtbot: QtBot, ui_ctx: UiContext) -> None:
    dialog = breathing(qtbot, ui_ctx)
    dialog.rounds_spin.setValue(1)
    press(qtbot, Qt.Key.Key_Return)
    dialog.pacer.advance()
    assert QApplication.focusWidget() is dialog.pacer
    press(qtbot, Qt.Key.Key_Space)
    assert dialog.phase_label.text() == "Paused — press Space to go on"
    assert dialog.pause_button.text() == "&Resume"
    dialog.pacer.advance()  # time does not move while paused
    press(qtbot, Qt.Key.Key_Space)
    assert dialog.phase_label.text() == "Breathe in… 3"
    assert dialog.round_label.text() == "Round 1 of 1"


def test_escape_ends_early_and_still_asks_how_it_is_now(qtbot: QtBot, ui_ctx: UiContext) -> None:
    dialog = breathing(qtbot, ui_ctx)
    press(qtbot, Qt.Key.Key_Return)
    for _ in range(5):
        dialog.pacer.advance()
    press(qtbot, Qt.Key.Key_Escape)
    assert dialog.isVisible()
    assert dialog.stack.currentIndex() == dialog.AFTER
    assert not dialog.pacer.clock.isActive()
    assert dialog.note_edit.toPlainText() == "Box breathing, ended during the first round."
    assert "didn't rate your distress before" in dialog.before_note.text()
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    wait_tasks(qtbot, ui_ctx)
    assert ui_ctx.session.coping.uses.count() == 0


def test_the_pacer_clock_runs_by_itself(qtbot: QtBot, ui_ctx: UiContext) -> None:
    strategy_id = add_strategy(ui_ctx, "Box breathing")
    dialog = BreathingSession(ui_ctx, strategy_id, rounds=1, tick_ms=1)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.begin()
    with qtbot.waitSignal(dialog.pacer.finished, timeout=5_000):
        pass
    assert dialog.pacer.done


def test_the_grounding_walkthrough_by_keyboard(qtbot: QtBot, ui_ctx: UiContext) -> None:
    strategy_id = add_strategy(ui_ctx, "5-4-3-2-1 grounding")
    dialog = GroundingSession(ui_ctx, strategy_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.before.slider)
    press(qtbot, Qt.Key.Key_Return)  # no before-rating: that's fine
    assert dialog.step_title.text() == "5 things you can see"
    assert dialog.progress_label.text() == "Step 1 of 5"
    answers = ["lamp, window, mug, cat, plant", "", "rain, fridge, my breath", "tea", "mint"]
    qtbot.keyClicks(dialog.answers[0], answers[0])
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.step_title.text() == "4 things you can touch"
    press(qtbot, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)  # Back (an animated click)
    qtbot.waitUntil(lambda: dialog.step_title.text() == "5 things you can see")
    assert QApplication.focusWidget() is dialog.answers[0]
    assert dialog.answers[0].text() == answers[0]
    press(qtbot, Qt.Key.Key_Return)
    for step, text in enumerate(answers[1:], start=1):
        assert QApplication.focusWidget() is dialog.answers[step]
        qtbot.keyClicks(dialog.answers[step], text)
        if step == 4:
            assert dialog.next_button.text() == "&Finish"
        press(qtbot, Qt.Key.Key_Return)
    assert dialog.stack.currentIndex() == dialog.AFTER
    assert dialog.note_edit.toPlainText().splitlines() == [
        "5 things you can see: lamp, window, mug, cat, plant",
        "3 things you can hear: rain, fridge, my breath",
        "2 things you can smell: tea",
        "1 thing you can taste: mint",
    ]
    press(qtbot, Qt.Key.Key_Home)  # distress after: 0
    with qtbot.waitSignal(dialog.finished_use, timeout=10_000):
        press(qtbot, Qt.Key.Key_Return)
    (use,) = ui_ctx.session.coping.uses.list()
    assert (use.strategy_id, use.distress_before, use.distress_after) == (strategy_id, None, 0)
    assert "mint" in use.note
    wait_tasks(qtbot, ui_ctx)


def test_with_reduced_motion_the_square_changes_once_per_phase(
    qtbot: QtBot, ui_ctx: UiContext
) -> None:
    from recovery_journal.ui.settings import REDUCE_MOTION

    ui_ctx.settings.set(REDUCE_MOTION, True)
    dialog = breathing(qtbot, ui_ctx, rounds=1)
    press(qtbot, Qt.Key.Key_Return)  # Start
    pacer = dialog.pacer
    levels = [pacer.level]
    for _ in range(15):
        pacer.advance()
        levels.append(pacer.level)
        assert pacer.animation.state() != pacer.animation.State.Running
    assert levels == [1.0] * 8 + [0.0] * 8  # full while in and holding, small while out and holding
    assert dialog.phase_label.text() == "Hold… 1"
