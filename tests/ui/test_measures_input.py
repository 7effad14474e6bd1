"""Own measures in the check-in, used as a person would: slider keys, Yes/No clicks, typing a
number; each change is kept for the day at once; the editor dialog defines and archives them."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from recovery_journal.domain.measures import Measure, MeasureKind
from recovery_journal.ui.context import UiContext
from recovery_journal.ui.measures_editor import MeasuresDialog
from recovery_journal.ui.measures_input import MeasuresInput, NumberInput, YesNoInput
from recovery_journal.ui.pages.today import TodayPage
from recovery_journal.ui.scale_input import ScaleInput
from tests.ui.conftest import wait_tasks

DAY = date(2026, 11, 22)


@pytest.fixture
def ids(ui_ctx: UiContext) -> dict[str, int]:
    add = ui_ctx.session.measures.add
    made = [
        add(Measure("Craving")),
        add(Measure("Took my medication", MeasureKind.YES_NO)),
        add(Measure("Drinks", MeasureKind.NUMBER, "drinks")),
    ]
    return {m.name: m.id for m in made if m.id is not None}


def open_input(qtbot: QtBot, ctx: UiContext) -> MeasuresInput:
    widget = MeasuresInput(ctx, today=lambda: DAY)
    qtbot.addWidget(widget)
    widget.show()
    wait_tasks(qtbot, ctx)
    return widget


def stored(ctx: UiContext) -> dict[int, float]:
    return ctx.session.measures.day(DAY).values


def test_every_measure_gets_its_control_in_the_persons_order(
    qtbot: QtBot, ui_ctx: UiContext, ids: dict[str, int]
) -> None:
    widget = open_input(qtbot, ui_ctx)
    kinds = [type(c) for c in widget.controls.values()]
    assert kinds == [ScaleInput, YesNoInput, NumberInput]
    assert widget.empty_hint.isHidden()
    number = widget.controls[ids["Drinks"]]
    assert number.unit.text() == "drinks"
    assert number.edit.accessibleName() == "Drinks"


def test_changes_are_kept_for_the_day_at_once(
    qtbot: QtBot, ui_ctx: UiContext, ids: dict[str, int]
) -> None:
    widget = open_input(qtbot, ui_ctx)
    craving = widget.controls[ids["Craving"]]
    craving.slider.setFocus()
    for _ in range(3):
        qtbot.keyClick(craving.slider, Qt.Key.Key_Right)
    meds = widget.controls[ids["Took my medication"]]
    qtbot.mouseClick(meds.yes, Qt.MouseButton.LeftButton)
    drinks = widget.controls[ids["Drinks"]]
    drinks.edit.setFocus()
    qtbot.keyClicks(drinks.edit, "2")
    qtbot.keyClick(drinks.edit, Qt.Key.Key_Return)
    expected = {ids["Craving"]: float(craving.value()), ids["Took my medication"]: 1.0}
    expected[ids["Drinks"]] = 2.0
    qtbot.waitUntil(lambda: stored(ui_ctx) == expected, timeout=5000)
    assert widget.status.text() == "Kept for this day."


def test_clearing_takes_the_value_away_again(
    qtbot: QtBot, ui_ctx: UiContext, ids: dict[str, int]
) -> None:
    ui_ctx.session.measures.set_day(DAY, {ids["Took my medication"]: 0, ids["Drinks"]: 3})
    widget = open_input(qtbot, ui_ctx)
    meds = widget.controls[ids["Took my medication"]]
    assert meds.no.isChecked() and not meds.yes.isChecked()
    qtbot.mouseClick(meds.no, Qt.MouseButton.LeftButton)  # the chosen one again: not recorded
    drinks = widget.controls[ids["Drinks"]]
    assert drinks.edit.text() == "3"
    drinks.edit.setFocus()
    drinks.edit.selectAll()
    qtbot.keyClick(drinks.edit, Qt.Key.Key_Backspace)
    qtbot.keyClick(drinks.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: stored(ui_ctx) == {}, timeout=5000)


def test_with_no_measures_it_offers_to_set_some_up(qtbot: QtBot, ui_ctx: UiContext) -> None:
    widget = open_input(qtbot, ui_ctx)
    assert widget.controls == {}
    assert not widget.empty_hint.isHidden()
    assert widget.edit_button.text() == "Set up…"
    qtbot.mouseClick(widget.edit_button, Qt.MouseButton.LeftButton)
    dialog = widget.dialog
    assert isinstance(dialog, MeasuresDialog)
    wait_tasks(qtbot, ui_ctx)
    qtbot.keyClicks(dialog.name, "Went to a meeting")
    dialog.kind.setCurrentIndex(dialog.kind.findData(MeasureKind.YES_NO))
    qtbot.mouseClick(dialog.add, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.list.count() == 1, timeout=5000)
    dialog.reject()
    qtbot.waitUntil(lambda: len(widget.controls) == 1, timeout=5000)
    assert widget.edit_button.text() == "Change…"


def test_a_bad_save_is_reported_kindly_and_the_day_reloaded(
    qtbot: QtBot, ui_ctx: UiContext, ids: dict[str, int], reported: list[BaseException]
) -> None:
    widget = open_input(qtbot, ui_ctx)
    ui_ctx.session.measures.archive(ids["Drinks"])
    widget._pending = {999: 1.0}  # a measure that isn't there (any more)
    widget._save()
    qtbot.waitUntil(lambda: bool(reported), timeout=5000)
    assert widget.status.text() == "Not kept. Please try that again."
    qtbot.waitUntil(lambda: ids["Drinks"] not in widget.controls, timeout=5000)


def test_today_shows_the_measures_under_the_check_in_for_its_day(
    qtbot: QtBot, ui_ctx: UiContext, ids: dict[str, int]
) -> None:
    ui_ctx.session.measures.set_day(DAY, {ids["Craving"]: 7})
    page = TodayPage(ui_ctx, today=lambda: DAY)
    qtbot.addWidget(page)
    page.resize(900, 600)
    page.show()
    wait_tasks(qtbot, ui_ctx)
    assert page.measures.day == DAY
    assert page.measures.controls[ids["Craving"]].value() == 7
    assert page.measures.isVisibleTo(page)


def test_today_picks_up_measures_changed_elsewhere_when_shown_again(
    qtbot: QtBot, ui_ctx: UiContext
) -> None:
    page = TodayPage(ui_ctx, today=lambda: DAY)
    qtbot.addWidget(page)
    page.show()
    wait_tasks(qtbot, ui_ctx)
    assert page.measures.controls == {}
    ui_ctx.session.measures.add(Measure("Went to a meeting", MeasureKind.YES_NO))
    page.activated()
    qtbot.waitUntil(lambda: len(page.measures.controls) == 1, timeout=5000)
