"""Starter lists on the Triggers & signs page (issue 13 §4): suggested while a list is empty,
offered with "Common ones…", picked with a tick, never added silently, names already there
skipped."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from recovery_journal.domain.tracking import Trigger, TriggerCategory, WarningSign, WarningStage
from recovery_journal.ui.context import UiContext
from recovery_journal.ui.pages.triggers import TriggersPage
from recovery_journal.ui.starter_dialog import StarterDialog
from tests.ui.conftest import wait_tasks

LEFT = Qt.MouseButton.LeftButton


def _page(qtbot: QtBot, ctx: UiContext) -> TriggersPage:
    page = TriggersPage(ctx)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    page.activated()
    wait_tasks(qtbot, ctx)
    return page


def _picker(qtbot: QtBot, ctx: UiContext, page: TriggersPage, button: QPushButton) -> StarterDialog:
    qtbot.mouseClick(button, LEFT)
    wait_tasks(qtbot, ctx)
    picker = page.starters
    assert isinstance(picker, StarterDialog) and picker.isVisible()
    return picker


def test_empty_lists_suggest_the_common_ones(qtbot: QtBot, ui_ctx: UiContext) -> None:
    page = _page(qtbot, ui_ctx)
    assert page.trigger_panel.empty_hint.isVisible()
    assert "hungry, angry, lonely, tired" in page.trigger_panel.empty_hint.text()
    assert page.sign_panel.empty_hint.isVisible()
    assert page.trigger_panel.starters_button.text() == "Common ones…"
    ui_ctx.session.tracking.triggers.add(Trigger("Payday"))
    page.refresh()
    wait_tasks(qtbot, ui_ctx)
    assert not page.trigger_panel.empty_hint.isVisible()
    assert page.trigger_panel.starters_button.isVisible()  # still offered by its button


def test_pick_common_triggers_with_a_tick(qtbot: QtBot, ui_ctx: UiContext) -> None:
    ui_ctx.session.tracking.triggers.add(Trigger("PAYDAY", TriggerCategory.OTHER))
    page = _page(qtbot, ui_ctx)
    picker = _picker(qtbot, ui_ctx, page, page.trigger_panel.starters_button)
    offered = [item.text() for item in picker.offered()]
    assert "Hungry" in offered and "Seeing alcohol" in offered
    assert "Payday" not in offered  # already in the list (any case)
    assert all(item.checkState() == Qt.CheckState.Unchecked for item in picker.offered())
    for item in picker.offered():
        if item.text() in ("Lonely", "Tired"):
            item.setCheckState(Qt.CheckState.Checked)
    qtbot.mouseClick(picker.add_button, LEFT)
    qtbot.waitUntil(
        lambda: page.triggers.topLevelItemCount() == 3, timeout=10_000
    )  # added, then reloaded
    stored = {(t.name, t.category) for t in ui_ctx.session.tracking.triggers.list()}
    assert stored == {
        ("PAYDAY", TriggerCategory.OTHER),
        ("Lonely", TriggerCategory.HALT),
        ("Tired", TriggerCategory.HALT),
    }
    rows = [page.triggers.topLevelItem(i).text(0) for i in range(page.triggers.topLevelItemCount())]  # type: ignore[union-attr]
    assert sorted(rows) == ["Lonely", "PAYDAY", "Tired"]


def test_cancel_adds_nothing(qtbot: QtBot, ui_ctx: UiContext) -> None:
    page = _page(qtbot, ui_ctx)
    picker = _picker(qtbot, ui_ctx, page, page.sign_panel.starters_button)
    picker.offered()[0].setCheckState(Qt.CheckState.Checked)
    picker.reject()
    wait_tasks(qtbot, ui_ctx)
    assert ui_ctx.session.tracking.warning_signs.count() == 0


def test_when_every_common_sign_is_there_it_says_so(qtbot: QtBot, ui_ctx: UiContext) -> None:
    from recovery_journal.services.starters import starter_lists

    ui_ctx.session.tracking.warning_signs.add_many(
        [WarningSign(s.name, WarningStage.EARLY) for s in starter_lists().signs]
    )
    page = _page(qtbot, ui_ctx)
    picker = _picker(qtbot, ui_ctx, page, page.sign_panel.starters_button)
    assert picker.offered() == []
    assert not picker.add_button.isEnabled()
    picker.reject()
