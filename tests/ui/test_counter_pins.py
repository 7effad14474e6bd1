"""Counters chosen for Today (issue 13 §1), used as a person would: a "Show on Today" box on
each counter's card and in its dialog, keyboard only; Today follows without a restart and, with
none chosen, shows no counter line at all."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from recovery_journal.domain.clock import local_today
from recovery_journal.ui.context import UiContext
from recovery_journal.ui.main_window import MainWindow
from recovery_journal.ui.progress_dialogs import CounterDialog
from recovery_journal.ui.progress_widgets import CounterCard
from tests.ui.conftest import wait_tasks
from tests.ui.test_milestones_page import accept, ago, open_page, type_into_combo

CTRL = Qt.KeyboardModifier.ControlModifier


def _card(cards: list[CounterCard], title: str) -> CounterCard:
    return next(c for c in cards if c.status.counter.title == title)


def _press_space_on(qtbot: QtBot, widget: QWidget) -> None:
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_Space)


def _stored(ctx: UiContext) -> dict[str, bool]:
    return {c.title: c.pinned for c in ctx.session.progress.counters.list()}


def test_a_pin_on_a_card_changes_today_without_a_restart(
    qtbot: QtBot, ui_ctx: UiContext, reported: list[BaseException]
) -> None:
    today = local_today()
    ui_ctx.session.progress.add_counter("Sober since", today - timedelta(days=40))
    ui_ctx.session.progress.add_counter("Smoke-free since", today - timedelta(days=9))
    window = MainWindow(ui_ctx)
    qtbot.addWidget(window)
    window.show()
    wait_tasks(qtbot, ui_ctx)
    counters = window.today.so_far.counters
    qtbot.waitUntil(counters.isVisible)
    assert counters.text() == "Sober since — 41 days so far\nSmoke-free since — 10 days so far"

    qtbot.keyClick(window, Qt.Key.Key_7, CTRL)
    assert window.stack.currentWidget() is window.milestones
    wait_tasks(qtbot, ui_ctx)
    smoke = _card(window.milestones.counter_cards, "Smoke-free since")
    assert smoke.on_today.isChecked()
    assert smoke.on_today.accessibleName() == "Show Smoke-free since on Today"
    _press_space_on(qtbot, smoke.on_today)
    wait_tasks(qtbot, ui_ctx)
    assert _stored(ui_ctx) == {"Sober since": True, "Smoke-free since": False}
    assert (
        "kept here only, not on Today. Nothing is reset." in window.milestones.status_label.text()
    )
    assert smoke.on_today.hasFocus()  # the page was not rebuilt under the keyboard
    assert smoke.big_number.text() == "10"

    qtbot.keyClick(window, Qt.Key.Key_1, CTRL)
    wait_tasks(qtbot, ui_ctx)
    qtbot.waitUntil(lambda: counters.text() == "Sober since — 41 days so far")

    qtbot.keyClick(window, Qt.Key.Key_7, CTRL)
    wait_tasks(qtbot, ui_ctx)
    sober = _card(window.milestones.counter_cards, "Sober since")
    _press_space_on(qtbot, sober.on_today)
    wait_tasks(qtbot, ui_ctx)
    assert _stored(ui_ctx) == {"Sober since": False, "Smoke-free since": False}
    qtbot.keyClick(window, Qt.Key.Key_1, CTRL)
    wait_tasks(qtbot, ui_ctx)
    qtbot.waitUntil(lambda: not counters.isVisible())  # none chosen: no line, no nudge
    assert len(window.milestones.counter_cards) == 2  # both still counted on Milestones
    assert reported == []


def test_show_on_today_in_the_new_and_the_edit_dialog(qtbot: QtBot, ui_ctx: UiContext) -> None:
    page = open_page(qtbot, ui_ctx)
    qtbot.mouseClick(page.new_counter_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, CounterDialog)
    assert dialog.on_today.isChecked()  # a new counter shows on Today unless unticked
    assert dialog.on_today.accessibleName() == "Show on Today"
    type_into_combo(qtbot, dialog.title_combo, "Gambling-free since")
    dialog.start_edit.setDate(dialog.start_edit.date().addDays(-4))
    _press_space_on(qtbot, dialog.on_today)
    assert not dialog.on_today.isChecked()
    accept(qtbot, ui_ctx, dialog)
    assert _stored(ui_ctx) == {"Gambling-free since": False}
    [card] = page.counter_cards
    assert not card.on_today.isChecked()
    assert card.big_number.text() == "5"

    qtbot.mouseClick(card.edit_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, CounterDialog)
    assert not dialog.on_today.isChecked()
    _press_space_on(qtbot, dialog.on_today)
    accept(qtbot, ui_ctx, dialog)
    assert _stored(ui_ctx) == {"Gambling-free since": True}
    [card] = page.counter_cards
    assert card.on_today.isChecked()
    assert card.status.counter.start_date == ago(4)


def test_a_pin_that_cannot_be_saved_is_reported_and_the_page_shows_what_is_stored(
    qtbot: QtBot, ui_ctx: UiContext, reported: list[BaseException]
) -> None:
    kept = ui_ctx.session.progress.add_counter("Kept", ago(3))
    gone = ui_ctx.session.progress.add_counter("Removed meanwhile", ago(3))
    assert kept.id is not None and gone.id is not None
    page = open_page(qtbot, ui_ctx)
    progress = ui_ctx.session.progress  # gone behind the page: what it shows is out of date
    for mark in progress.milestones.list():
        if mark.counter_id == gone.id and mark.id is not None:
            progress.milestones.remove(mark.id)
    progress.counters.remove(gone.id)
    _press_space_on(qtbot, _card(page.counter_cards, "Removed meanwhile").on_today)
    wait_tasks(qtbot, ui_ctx)
    wait_tasks(qtbot, ui_ctx)  # the report, then the reload
    assert len(reported) == 1
    assert [c.status.counter.title for c in page.counter_cards] == ["Kept"]
    assert _stored(ui_ctx) == {"Kept": True}
