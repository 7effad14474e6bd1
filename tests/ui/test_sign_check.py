"""The daily warning-sign check (issue 13 §4), used like a person: it fits without scrolling for a
few signs; one note per sign; with no signs it offers "add one now" or common ones; after a
"things are breaking down" or crisis sign it offers the person's own people and plan right there."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QCheckBox, QLabel, QListWidgetItem, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from recovery_journal.domain.support import ContactRole, SafetyStep, SupportContact
from recovery_journal.domain.tracking import WarningSign, WarningStage
from recovery_journal.ui.context import UiContext
from recovery_journal.ui.help_now import HelpNowDialog
from recovery_journal.ui.plan_dialogs import SignCheckDialog
from recovery_journal.ui.quick_log import QuickLogBar
from recovery_journal.ui.starter_dialog import VALUE_ROLE
from recovery_journal.ui.trigger_dialogs import WarningSignDialog
from tests.ui.conftest import wait_tasks

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def bar(qtbot: QtBot, ui_ctx: UiContext) -> Iterator[QuickLogBar]:
    window = QWidget()
    qtbot.addWidget(window)
    widget = QuickLogBar(ui_ctx, window)
    window.show()
    yield widget


def _check(qtbot: QtBot, ctx: UiContext, bar: QuickLogBar) -> SignCheckDialog:
    qtbot.mouseClick(bar.check_button, LEFT)
    wait_tasks(qtbot, ctx)
    check = bar.check_dialog
    assert check is not None
    qtbot.waitUntil(check.isVisible, timeout=10_000)
    return check


def _tick(qtbot: QtBot, box: QCheckBox) -> None:
    qtbot.mouseClick(box, LEFT, pos=QPoint(8, box.height() // 2))


def test_a_few_signs_fit_without_scrolling(
    qtbot: QtBot, ui_ctx: UiContext, bar: QuickLogBar
) -> None:
    ui_ctx.session.tracking.warning_signs.add_many(
        [
            WarningSign("Not sleeping", WarningStage.EARLY),
            WarningSign("Isolating", WarningStage.BREAKING_DOWN),
            WarningSign("Skipping meals", WarningStage.EARLY),
        ]
    )
    check = _check(qtbot, ui_ctx, bar)
    for box in check.boxes.values():
        _tick(qtbot, box)  # with every note field showing
    qtbot.wait(1)  # let the layout settle
    bar_ = check.scroll_area.verticalScrollBar()
    assert bar_.maximum() == 0, "the check scrolls with three signs"
    check.reject()


def test_with_no_signs_add_one_now(qtbot: QtBot, ui_ctx: UiContext, bar: QuickLogBar) -> None:
    check = _check(qtbot, ui_ctx, bar)
    assert check.boxes == {} and check.add_button is not None
    qtbot.mouseClick(check.add_button, LEFT)
    editor = bar.sign_dialog
    assert isinstance(editor, WarningSignDialog) and editor.isVisible()
    qtbot.keyClicks(editor.name_edit, "Snapping at people")
    assert editor.save_button.isEnabled(), editor.name_edit.text()
    qtbot.mouseClick(editor.save_button, LEFT)
    qtbot.waitUntil(lambda: bar.check_dialog is not check, timeout=10_000)  # saved, asked again
    again = bar.check_dialog
    assert again is not None and again is not check and again.isVisible()
    assert [b.text() for b in again.boxes.values()] == ["Snapping at people"]


def test_with_no_signs_pick_common_ones(qtbot: QtBot, ui_ctx: UiContext, bar: QuickLogBar) -> None:
    check = _check(qtbot, ui_ctx, bar)
    assert check.starters_button is not None
    qtbot.mouseClick(check.starters_button, LEFT)
    wait_tasks(qtbot, ui_ctx)
    picker = bar.starter_dialog
    assert picker is not None and picker.isVisible()
    assert not picker.add_button.isEnabled()  # nothing ticked for the person
    for item in picker.offered():
        if item.text() in ("Sleeping badly", "Skipping meetings"):
            item.setCheckState(Qt.CheckState.Checked)
    assert picker.add_button.text() == "Add the ones I ticked (2)"
    qtbot.mouseClick(picker.add_button, LEFT)
    qtbot.waitUntil(
        lambda: bar.check_dialog is not check, timeout=10_000
    )  # added, then the check again
    names = sorted(s.name for s in ui_ctx.session.tracking.warning_signs.list())
    assert names == ["Skipping meetings", "Sleeping badly"]
    again = bar.check_dialog
    assert again is not None and again is not check
    assert sorted(b.text() for b in again.boxes.values()) == names


def test_after_a_breaking_down_sign_my_people_and_plan_are_right_there(
    qtbot: QtBot, ui_ctx: UiContext, bar: QuickLogBar
) -> None:
    support = ui_ctx.session.support
    support.contacts.add_many(
        [
            SupportContact("Sam", ContactRole.SPONSOR, "555-0121", SafetyStep.ASK_FOR_HELP),
            SupportContact("Crisis line", ContactRole.CRISIS_LINE, "0800 111"),
        ]
    )
    [sign] = ui_ctx.session.tracking.warning_signs.add_many(
        [WarningSign("Stopping my routine", WarningStage.BREAKING_DOWN)]
    )
    check = _check(qtbot, ui_ctx, bar)
    _tick(qtbot, check.boxes[sign.id or 0])
    with qtbot.waitSignal(bar.signs_checked):
        qtbot.mouseClick(check.save_button, LEFT)
    plan = bar.plan_dialog
    assert plan is not None and plan.people_box is not None
    qtbot.waitUntil(plan.isVisible, timeout=10_000)
    layout = plan.layout()
    assert layout is not None  # tall enough for every wrapped "how to reach" line
    assert plan.height() >= layout.totalHeightForWidth(plan.width())
    shown = " ".join(label.text() for label in plan.people_box.findChildren(QLabel))
    assert "Sam" in shown and "Crisis line" in shown
    copy = next(
        b
        for b in plan.people_box.findChildren(QPushButton)
        if b.accessibleName() == "Copy how to reach Sam"
    )
    qtbot.mouseClick(copy, LEFT)
    assert QGuiApplication.clipboard().text() == "555-0121"
    assert ui_ctx.clipboard.clear_if_ours()
    assert plan.help_button is not None
    qtbot.mouseClick(plan.help_button, LEFT)
    help_dialog = bar.help_dialog
    assert isinstance(help_dialog, HelpNowDialog)
    qtbot.waitUntil(lambda: help_dialog.loaded, timeout=10_000)
    with qtbot.waitSignal(bar.safety_plan_requested):
        qtbot.mouseClick(help_dialog.plan_button, LEFT)


def test_an_early_sign_alone_shows_only_the_plan(
    qtbot: QtBot, ui_ctx: UiContext, bar: QuickLogBar
) -> None:
    [sign] = ui_ctx.session.tracking.warning_signs.add_many(
        [WarningSign("Tired", WarningStage.EARLY)]
    )
    check = _check(qtbot, ui_ctx, bar)
    _tick(qtbot, check.boxes[sign.id or 0])
    with qtbot.waitSignal(bar.signs_checked):
        qtbot.mouseClick(check.save_button, LEFT)
    plan = bar.plan_dialog
    assert plan is not None and plan.people_box is None and plan.help_button is None


def test_the_starter_list_ticks_with_the_keyboard(
    qtbot: QtBot, ui_ctx: UiContext, bar: QuickLogBar
) -> None:
    check = _check(qtbot, ui_ctx, bar)
    assert check.starters_button is not None
    qtbot.mouseClick(check.starters_button, LEFT)
    wait_tasks(qtbot, ui_ctx)
    picker = bar.starter_dialog
    assert picker is not None
    first: QListWidgetItem = picker.offered()[0]
    picker.list.setCurrentItem(first)
    picker.list.itemActivated.emit(first)
    assert first.checkState() == Qt.CheckState.Checked
    assert isinstance(first.data(VALUE_ROLE), WarningSign)
    picker.reject()
    wait_tasks(qtbot, ui_ctx)
    assert ui_ctx.session.tracking.warning_signs.count() == 0  # nothing added silently
