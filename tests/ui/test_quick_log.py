"""The quick-log bar (placed on Today): "A trigger happened…" and "Warning-sign check…"."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from recovery_journal.domain.clock import local_date_of, local_today
from recovery_journal.domain.entries import Entry
from recovery_journal.domain.tracking import Trigger, TriggerCategory
from recovery_journal.ui.context import UiContext
from recovery_journal.ui.quick_log import QuickLogBar
from recovery_journal.ui.trigger_dialogs import LogTriggerDialog
from tests.ui.conftest import wait_tasks

POPUP = ("does not support raise", "does not support grabbing")  # the completer's popup offscreen


@pytest.fixture
def bar(qtbot: QtBot, ui_ctx: UiContext) -> Iterator[QuickLogBar]:
    window = QWidget()  # a stand-in for the Today page (kept alive while the test runs)
    qtbot.addWidget(window)
    widget = QuickLogBar(ui_ctx, window)
    window.show()
    yield widget


def _open_log(qtbot: QtBot, ui_ctx: UiContext, bar: QuickLogBar) -> LogTriggerDialog:
    qtbot.mouseClick(bar.trigger_button, Qt.MouseButton.LeftButton)
    wait_tasks(qtbot, ui_ctx)
    assert bar.log_dialog is not None and bar.log_dialog.isVisible()
    return bar.log_dialog


def _type_trigger(qtbot: QtBot, dialog: LogTriggerDialog, name: str) -> None:
    line = dialog.trigger_combo.lineEdit()
    assert line is not None
    qtbot.keyClicks(line, name)


def test_buttons_are_named_for_screen_readers(bar: QuickLogBar) -> None:
    assert bar.trigger_button.text() == "A trigger happened…"
    assert bar.check_button.text() == "Warning-sign check…"
    assert bar.trigger_button.accessibleName() and bar.check_button.accessibleName()


@pytest.mark.qt_log_ignore(*POPUP)
def test_naming_a_new_trigger_adds_it_and_logs_it(
    qtbot: QtBot, ui_ctx: UiContext, bar: QuickLogBar
) -> None:
    dialog = _open_log(qtbot, ui_ctx, bar)
    assert not dialog.log_button.isEnabled()  # nothing chosen yet
    assert not dialog.link_check.isChecked()  # no entry today to link to
    _type_trigger(qtbot, dialog, "Sirens")
    assert dialog.log_button.text() == "Add and log it"
    assert dialog.new_category.isVisible()
    dialog.new_category.setFocus()
    qtbot.keyClicks(dialog.new_category, "Sensory")
    with qtbot.waitSignal(bar.trigger_logged):
        qtbot.mouseClick(dialog.log_button, Qt.MouseButton.LeftButton)
    (trigger,) = ui_ctx.session.tracking.triggers.list()
    assert (trigger.name, trigger.category) == ("Sirens", TriggerCategory.SENSORY)
    (event,) = ui_ctx.session.tracking.trigger_events.list()
    assert (event.trigger_id, event.intensity, event.entry_id) == (trigger.id, 5, None)
    plan = bar.plan_dialog
    assert plan is not None and plan.isVisible()
    assert "haven't chosen strategies" in plan.empty_label.text()
    assert plan.toolbox_button is None  # nobody listens, so no dead button


def test_a_trigger_links_to_todays_entry(qtbot: QtBot, ui_ctx: UiContext, bar: QuickLogBar) -> None:
    session = ui_ctx.session
    session.tracking.triggers.add(Trigger("Crowds"))
    entry = session.entries.add(Entry(local_today(), "a long day"))
    dialog = _open_log(qtbot, ui_ctx, bar)
    assert dialog.link_check.isChecked()
    dialog.trigger_combo.setFocus()
    qtbot.keyClick(dialog.trigger_combo, Qt.Key.Key_Down)  # picks the first (only) trigger
    assert dialog.trigger_combo.currentText() == "Crowds"
    with qtbot.waitSignal(bar.trigger_logged) as logged:
        qtbot.mouseClick(dialog.log_button, Qt.MouseButton.LeftButton)
    event = session.tracking.trigger_events.get(logged.args[0])
    assert event.entry_id == entry.id
    assert bar.plan_dialog is not None
    assert bar.plan_dialog.windowTitle() == "Your plan for Crowds"


def test_unticking_the_link_logs_without_it(
    qtbot: QtBot, ui_ctx: UiContext, bar: QuickLogBar
) -> None:
    session = ui_ctx.session
    crowds = session.tracking.triggers.add(Trigger("Crowds"))
    session.entries.add(Entry(local_today(), "a long day"))
    bar.open_trigger_log(preselect=crowds.id)
    wait_tasks(qtbot, ui_ctx)
    dialog = bar.log_dialog
    assert dialog is not None
    dialog.link_check.setFocus()
    qtbot.keyClick(dialog.link_check, Qt.Key.Key_Space)
    with qtbot.waitSignal(bar.trigger_logged) as logged:
        qtbot.mouseClick(dialog.log_button, Qt.MouseButton.LeftButton)
    assert session.tracking.trigger_events.get(logged.args[0]).entry_id is None


def test_the_time_can_be_set_earlier_but_not_in_the_future(
    qtbot: QtBot, ui_ctx: UiContext, bar: QuickLogBar
) -> None:
    crowds = ui_ctx.session.tracking.triggers.add(Trigger("Crowds"))
    bar.open_trigger_log(preselect=crowds.id)
    wait_tasks(qtbot, ui_ctx)
    dialog = bar.log_dialog
    assert dialog is not None
    dialog.when_edit.setDateTime(QDateTime.currentDateTime().addDays(1))
    qtbot.mouseClick(dialog.log_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.error_label.isVisible()
    assert "still to come" in dialog.error_label.text()
    wait_tasks(qtbot, ui_ctx)
    assert ui_ctx.session.tracking.trigger_events.count() == 0

    earlier = QDateTime.currentDateTime().addDays(-2)
    dialog.when_edit.setDateTime(earlier)
    with qtbot.waitSignal(bar.trigger_logged) as logged:
        qtbot.mouseClick(dialog.log_button, Qt.MouseButton.LeftButton)
    event = ui_ctx.session.tracking.trigger_events.get(logged.args[0])
    assert event.local_date == local_today() - timedelta(days=2)
    assert local_date_of(event.occurred_utc) == event.local_date


def test_now_puts_the_time_back_to_now(qtbot: QtBot, ui_ctx: UiContext, bar: QuickLogBar) -> None:
    dialog = _open_log(qtbot, ui_ctx, bar)
    dialog.when_edit.setDateTime(QDateTime.currentDateTime().addDays(-5))
    qtbot.mouseClick(dialog.now_button, Qt.MouseButton.LeftButton)
    assert abs(dialog.when_edit.dateTime().secsTo(QDateTime.currentDateTime())) < 120


def test_the_sign_check_without_signs_says_where_to_add_them(
    qtbot: QtBot, ui_ctx: UiContext, bar: QuickLogBar
) -> None:
    qtbot.mouseClick(bar.check_button, Qt.MouseButton.LeftButton)
    wait_tasks(qtbot, ui_ctx)
    check = bar.check_dialog
    assert check is not None and check.isVisible()
    texts = " ".join(label.text() for label in check.findChildren(QLabel))
    assert "haven't added any warning signs yet" in texts
    assert check.boxes == {}
    assert not check.save_button.isEnabled()
    qtbot.keyClick(check, Qt.Key.Key_Escape)
    assert not check.isVisible()
    assert ui_ctx.session.tracking.observations.count() == 0
