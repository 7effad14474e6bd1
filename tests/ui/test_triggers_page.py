"""The Triggers & signs page, used like a person: add, edit, archive and restore; log and see the
plan; the warning-sign check."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox, QMessageBox, QTreeWidgetItem
from pytestqt.qtbot import QtBot

from recovery_journal.domain.coping import CopingCategory, CopingPlanItem, CopingStrategy
from recovery_journal.domain.tracking import Trigger, TriggerCategory, WarningSign, WarningStage
from recovery_journal.ui.context import UiContext
from recovery_journal.ui.library_tree import LibraryTree
from recovery_journal.ui.pages.triggers import TriggersPage
from recovery_journal.ui.quick_log import StrategyDialog
from recovery_journal.ui.trigger_dialogs import TriggerDialog, WarningSignDialog
from tests.ui.conftest import wait_tasks


@pytest.fixture
def page(qtbot: QtBot, ui_ctx: UiContext) -> TriggersPage:
    widget = TriggersPage(ui_ctx)
    qtbot.addWidget(widget)
    widget.resize(1100, 720)
    widget.show()
    widget.activated()
    wait_tasks(qtbot, ui_ctx)
    return widget


def _rows(tree: LibraryTree) -> list[str]:
    return [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]  # type: ignore[union-attr]


def _select(qtbot: QtBot, tree: LibraryTree, text: str) -> QTreeWidgetItem:
    found = tree.findItems(text, Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive)
    assert found, text
    rect = tree.visualItemRect(found[0])
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert tree.currentItem() is found[0]
    return found[0]


def _tick(qtbot: QtBot, box: QCheckBox) -> None:
    """Click the box itself (a check box ignores clicks beyond its text)."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def _answer_yes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    asked: list[str] = []

    def answer(_parent: object, title: str, text: str, *_: object) -> QMessageBox.StandardButton:
        asked.append(f"{title}\n{text}")
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    return asked


def test_add_a_trigger(qtbot: QtBot, page: TriggersPage, ui_ctx: UiContext) -> None:
    qtbot.mouseClick(page.trigger_panel.add_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, TriggerDialog)
    assert not dialog.save_button.isEnabled()  # a name first
    qtbot.keyClicks(dialog.name_edit, "Crowded buses")
    dialog.choice.setFocus()
    qtbot.keyClicks(dialog.choice, "Places")
    qtbot.keyClicks(dialog.notes_edit, "Rush hour especially")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_tasks(qtbot, ui_ctx)
    saved = ui_ctx.session.tracking.triggers.list()
    assert [(t.name, t.category, t.notes) for t in saved] == [
        ("Crowded buses", TriggerCategory.PLACES, "Rush hour especially")
    ]
    row = page.triggers.topLevelItem(0)
    assert row is not None
    assert (row.text(0), row.text(1), row.text(2), row.text(3)) == (
        "Crowded buses",
        "Places",
        "—",
        "not yet",
    )
    assert page.triggers.currentItem() is row  # the new one is selected


def test_enter_edits_the_selected_trigger(
    qtbot: QtBot, ui_ctx: UiContext, page: TriggersPage
) -> None:
    ui_ctx.session.tracking.triggers.add(Trigger("Bils", TriggerCategory.SITUATIONS))
    page.refresh()
    wait_tasks(qtbot, ui_ctx)
    _select(qtbot, page.triggers, "Bils")
    qtbot.keyClick(page.triggers, Qt.Key.Key_Return)
    dialog = page.dialog
    assert isinstance(dialog, TriggerDialog)
    assert dialog.name_edit.text() == "Bils"
    dialog.name_edit.selectAll()
    qtbot.keyClicks(dialog.name_edit, "Bills and letters")
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)  # Save is the default button
    wait_tasks(qtbot, ui_ctx)
    (edited,) = ui_ctx.session.tracking.triggers.list()
    assert edited.name == "Bills and letters"
    assert edited.category is TriggerCategory.SITUATIONS
    assert _rows(page.triggers) == ["Bills and letters"]


def test_delete_archives_gently_and_show_archived_restores(
    qtbot: QtBot, ui_ctx: UiContext, page: TriggersPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    tracking = ui_ctx.session.tracking
    crowds = tracking.triggers.add(Trigger("Crowds"))
    tracking.triggers.add(Trigger("Anniversary", TriggerCategory.DATES))
    assert crowds.id is not None
    tracking.log_trigger(crowds.id, 6, context="the market")
    page.refresh()
    wait_tasks(qtbot, ui_ctx)
    asked = _answer_yes(monkeypatch)
    _select(qtbot, page.triggers, "Crowds")
    qtbot.keyClick(page.triggers, Qt.Key.Key_Delete)
    wait_tasks(qtbot, ui_ctx)
    assert "kept" in asked[0] and "Crowds" in asked[0]
    assert _rows(page.triggers) == ["Anniversary"]
    assert tracking.trigger_events.count() == 1  # history kept
    assert tracking.triggers.get(crowds.id).archived_utc is not None

    qtbot.mouseClick(page.show_archived, Qt.MouseButton.LeftButton)
    assert _rows(page.triggers) == ["Anniversary", "Crowds (archived)"]
    _select(qtbot, page.triggers, "Crowds (archived)")
    assert page.trigger_panel.archive_button.text() == "Restore"
    qtbot.mouseClick(page.trigger_panel.archive_button, Qt.MouseButton.LeftButton)
    wait_tasks(qtbot, ui_ctx)
    assert len(asked) == 1  # restoring needs no confirmation
    assert tracking.triggers.get(crowds.id).archived_utc is None
    assert _rows(page.triggers) == ["Anniversary", "Crowds"]
    assert page.trigger_panel.archive_button.text() == "Archive"


def test_cancelling_the_archive_question_keeps_the_trigger(
    qtbot: QtBot, ui_ctx: UiContext, page: TriggersPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    ui_ctx.session.tracking.triggers.add(Trigger("Crowds"))
    page.refresh()
    wait_tasks(qtbot, ui_ctx)
    monkeypatch.setattr(QMessageBox, "question", lambda *_: QMessageBox.StandardButton.Cancel)
    _select(qtbot, page.triggers, "Crowds")
    qtbot.mouseClick(page.trigger_panel.archive_button, Qt.MouseButton.LeftButton)
    wait_tasks(qtbot, ui_ctx)
    assert ui_ctx.session.tracking.triggers.list()[0].archived_utc is None


def test_warning_signs_are_grouped_by_stage_and_can_be_added(
    qtbot: QtBot, ui_ctx: UiContext, page: TriggersPage
) -> None:
    ui_ctx.session.tracking.warning_signs.add(WarningSign("Not sleeping", WarningStage.EARLY))
    page.refresh()
    wait_tasks(qtbot, ui_ctx)
    qtbot.mouseClick(page.sign_panel.add_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, WarningSignDialog)
    qtbot.keyClicks(dialog.name_edit, "Not answering the phone")
    dialog.choice.setFocus()
    qtbot.keyClick(dialog.choice, Qt.Key.Key_Down)
    assert "harder to manage" in dialog.explanation.text()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_tasks(qtbot, ui_ctx)
    groups = [page.signs.topLevelItem(i) for i in range(3)]
    assert [g.text(0) for g in groups if g] == [
        "Early signs",
        "Things are breaking down",
        "Crisis",
    ]
    early, breaking, crisis = (g for g in groups if g is not None)
    assert early.child(0).text(0) == "Not sleeping"  # type: ignore[union-attr]
    assert breaking.child(0).text(0) == "Not answering the phone"  # type: ignore[union-attr]
    assert crisis.child(0).text(0) == "(none yet)"  # type: ignore[union-attr]
    # A stage heading is not something to edit.
    assert page.sign_panel.edit_button.isEnabled()  # the new sign is selected
    page.signs.setCurrentItem(early)
    qtbot.keyClick(page.signs, Qt.Key.Key_Return)
    assert page.dialog is dialog


@pytest.fixture
def planned(ui_ctx: UiContext) -> int:
    """A trigger "Crowds" with a plan: 1. Box breathing, 2. Call Sam."""
    session = ui_ctx.session
    crowds = session.tracking.triggers.add(Trigger("Crowds", TriggerCategory.PLACES))
    breathe, call = session.coping.strategies.add_many(
        [
            CopingStrategy(
                "Box breathing",
                CopingCategory.RELAXATION,
                ("Breathe in for four", "Hold for four", "Out for four"),
            ),
            CopingStrategy("Call Sam", CopingCategory.SOCIAL),
        ]
    )
    assert crowds.id and breathe.id and call.id
    session.coping.plan_items.add_many(
        [
            CopingPlanItem(call.id, position=1, trigger_id=crowds.id),
            CopingPlanItem(breathe.id, position=0, trigger_id=crowds.id),
        ]
    )
    return crowds.id


POPUP = ("does not support raise", "does not support grabbing")  # the completer's popup offscreen


@pytest.mark.qt_log_ignore(*POPUP)
def test_log_a_trigger_and_see_the_plan_then_start_one(
    qtbot: QtBot, ui_ctx: UiContext, planned: int, page: TriggersPage
) -> None:
    bar = page.quick_log
    qtbot.mouseClick(bar.trigger_button, Qt.MouseButton.LeftButton)
    wait_tasks(qtbot, ui_ctx)
    dialog = bar.log_dialog
    assert dialog is not None and dialog.isVisible()
    line = dialog.trigger_combo.lineEdit()
    assert line is not None
    qtbot.keyClicks(line, "crowds")
    assert dialog.log_button.text() == "Log it"  # an existing trigger, found ignoring case
    dialog.intensity.slider.setFocus()
    qtbot.keyClick(dialog.intensity.slider, Qt.Key.Key_End)
    qtbot.keyClicks(dialog.context_edit, "packed train")
    with qtbot.waitSignal(bar.trigger_logged) as logged:
        qtbot.mouseClick(dialog.log_button, Qt.MouseButton.LeftButton)
    (event,) = ui_ctx.session.tracking.trigger_events.list()
    assert logged.args == [event.id]
    assert (event.trigger_id, event.intensity, event.context) == (planned, 10, "packed train")

    plan = bar.plan_dialog
    assert plan is not None and plan.isVisible()
    assert plan.windowTitle() == "Your plan for Crowds"
    labels = [label.text() for label in plan.findChildren(type(dialog.error_label))]
    assert "1. Box breathing" in labels and "2. Call Sam" in labels
    assert plan.toolbox_button is None  # nobody listens for the toolbox yet
    breathe_id = next(s.id for s in ui_ctx.session.coping.strategies.list() if s.name[0] == "B")
    assert breathe_id is not None
    qtbot.mouseClick(plan.start_buttons[breathe_id], Qt.MouseButton.LeftButton)
    wait_tasks(qtbot, ui_ctx)

    guide = bar.strategy_dialog
    assert isinstance(guide, StrategyDialog) and guide.isVisible()
    assert "1. Breathe in for four" in guide.steps_label.text()
    for scale, key in ((guide.before, Qt.Key.Key_End), (guide.after, Qt.Key.Key_Home)):
        scale.slider.setFocus()
        qtbot.keyClick(scale.slider, key)
    guide.helped.slider.setFocus()
    qtbot.keyClick(guide.helped.slider, Qt.Key.Key_End)
    with qtbot.waitSignal(bar.use_logged):
        qtbot.mouseClick(guide.log_button, Qt.MouseButton.LeftButton)
    (use,) = ui_ctx.session.coping.uses.list()
    assert (use.strategy_id, use.trigger_event_id) == (breathe_id, event.id)
    assert (use.distress_before, use.distress_after, use.helpfulness) == (10, 0, 5)
    # The page shows the new event in its lists.
    wait_tasks(qtbot, ui_ctx)
    row = page.triggers.topLevelItem(0)
    assert row is not None and (row.text(2), row.toolTip(3)) == ("1", "Today")
    recent = page.recent.topLevelItem(0)
    assert recent is not None
    assert (recent.text(1), recent.text(2), recent.text(3)) == (
        "Trigger: Crowds",
        "10 — overwhelming",
        "packed train",
    )


def test_start_is_handed_to_a_listener_when_there_is_one(
    qtbot: QtBot, ui_ctx: UiContext, planned: int, page: TriggersPage
) -> None:
    started: list[int] = []
    page.strategy_started.connect(started.append)
    wanted_toolbox: list[bool] = []
    page.toolbox_requested.connect(lambda: wanted_toolbox.append(True))
    page.quick_log.open_trigger_log(preselect=planned)
    wait_tasks(qtbot, ui_ctx)
    dialog = page.quick_log.log_dialog
    assert dialog is not None and dialog.trigger_combo.currentText() == "Crowds"
    with qtbot.waitSignal(page.quick_log.trigger_logged):
        qtbot.mouseClick(dialog.log_button, Qt.MouseButton.LeftButton)
    plan = page.quick_log.plan_dialog
    assert plan is not None and plan.toolbox_button is not None
    first = next(iter(plan.start_buttons))
    qtbot.mouseClick(plan.start_buttons[first], Qt.MouseButton.LeftButton)
    assert started == [first]
    assert page.quick_log.strategy_dialog is None


@pytest.mark.qt_log_ignore(*POPUP)
def test_without_a_plan_the_person_is_pointed_to_the_toolbox(
    qtbot: QtBot, ui_ctx: UiContext, page: TriggersPage
) -> None:
    asked: list[bool] = []
    page.toolbox_requested.connect(lambda: asked.append(True))
    ui_ctx.session.tracking.triggers.add(Trigger("Loud music"))
    page.quick_log.open_trigger_log()
    wait_tasks(qtbot, ui_ctx)
    dialog = page.quick_log.log_dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.trigger_combo.lineEdit(), "Loud music")
    with qtbot.waitSignal(page.quick_log.trigger_logged):
        qtbot.mouseClick(dialog.log_button, Qt.MouseButton.LeftButton)
    plan = page.quick_log.plan_dialog
    assert plan is not None
    assert "haven't chosen strategies" in plan.empty_label.text()
    assert plan.toolbox_button is not None
    qtbot.mouseClick(plan.toolbox_button, Qt.MouseButton.LeftButton)
    assert asked == [True]


def test_the_warning_sign_check_records_observations(
    qtbot: QtBot, ui_ctx: UiContext, page: TriggersPage
) -> None:
    signs = ui_ctx.session.tracking.warning_signs
    sleep, isolate, _ = signs.add_many(
        [
            WarningSign("Not sleeping", WarningStage.EARLY),
            WarningSign("Isolating", WarningStage.BREAKING_DOWN),
            WarningSign("Skipping meals", WarningStage.EARLY),
        ]
    )
    bar = page.quick_log
    qtbot.mouseClick(bar.check_button, Qt.MouseButton.LeftButton)
    wait_tasks(qtbot, ui_ctx)
    check = bar.check_dialog
    assert check is not None and check.isVisible()
    assert not check.save_button.isEnabled()
    assert sleep.id and isolate.id
    assert not check.note_edits[sleep.id].isVisible()  # a note field once ticked
    _tick(qtbot, check.boxes[sleep.id])
    assert check.note_edits[sleep.id].isVisible()
    qtbot.keyClicks(check.note_edits[sleep.id], "up at 4 again")
    check.boxes[isolate.id].setFocus()
    qtbot.keyClick(check.boxes[isolate.id], Qt.Key.Key_Space)
    qtbot.keyClicks(check.note_edits[isolate.id], "cancelled on Jo")
    with qtbot.waitSignal(bar.signs_checked) as checked:
        qtbot.mouseClick(check.save_button, Qt.MouseButton.LeftButton)
    assert checked.args == [2]
    observed = ui_ctx.session.tracking.observations.list()
    # Issue 13 §4: one note per sign, not one note copied onto every ticked sign.
    assert {(o.sign_id, o.notes) for o in observed} == {
        (sleep.id, "up at 4 again"),
        (isolate.id, "cancelled on Jo"),
    }
    plan = bar.plan_dialog
    assert plan is not None and plan.windowTitle() == "Your plan for these signs"
    wait_tasks(qtbot, ui_ctx)
    texts = [page.recent.topLevelItem(i).text(1) for i in range(2)]  # type: ignore[union-attr]
    assert sorted(texts) == ["Warning sign: Isolating", "Warning sign: Not sleeping"]
    # Checking again the same day shows what was noted, and doesn't count it twice.
    plan.close()
    qtbot.mouseClick(bar.check_button, Qt.MouseButton.LeftButton)
    wait_tasks(qtbot, ui_ctx)
    again = bar.check_dialog
    assert again is not None and again is not check
    assert not again.boxes[sleep.id].isEnabled() and again.boxes[sleep.id].isChecked()
    assert "noted today" in again.boxes[sleep.id].text()
    assert again.chosen_ids() == []
