"""The coping toolbox page, used like a person would: the library, plans, logging, what works."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from recovery_journal.domain.coping import CopingCategory, CopingStrategy
from recovery_journal.domain.tracking import Trigger, WarningStage
from recovery_journal.errors import ValidationError
from recovery_journal.services.library import seed_default_library
from recovery_journal.services.session import JournalSession
from recovery_journal.ui.context import UiContext
from recovery_journal.ui.coping_dialogs import LogUseDialog, StrategyDialog
from recovery_journal.ui.guided import BreathingSession
from recovery_journal.ui.pages.coping import CopingPage
from tests.ui.conftest import wait_tasks

LEFT = Qt.MouseButton.LeftButton


def open_page(qtbot: QtBot, ctx: UiContext) -> CopingPage:
    page = CopingPage(ctx, guided_tick_ms=3_600_000)
    qtbot.addWidget(page)
    page.resize(1100, 720)
    page.show()
    page.activated()  # the main window does this when the page is shown
    wait_tasks(qtbot, ctx)
    return page


def dialog_of(qtbot: QtBot, page: CopingPage, kind: type[QDialog]) -> QDialog:
    qtbot.waitUntil(lambda: isinstance(page.dialog, kind) and page.dialog.isVisible())
    assert page.dialog is not None
    return page.dialog


def select(page: CopingPage, name: str) -> None:
    for row in range(page.strategy_list.count()):
        item = page.strategy_list.item(row)
        if item is not None and item.text().split("\n")[0].lstrip("★ ") == name:
            page.strategy_list.setCurrentRow(row)
            return
    raise AssertionError(f"{name!r} is not listed")


def listed(page: CopingPage) -> list[str]:
    items = (page.strategy_list.item(r) for r in range(page.strategy_list.count()))
    return [item.text().split("\n")[0] for item in items if item is not None]


def stored(ctx: UiContext, name: str) -> CopingStrategy:
    everything = ctx.session.coping.strategies.list(include_archived=True)
    return next(s for s in everything if s.name == name)


def test_add_a_strategy_with_steps_and_a_star(qtbot: QtBot, ui_ctx: UiContext) -> None:
    seed_default_library(ui_ctx.session)
    page = open_page(qtbot, ui_ctx)
    qtbot.mouseClick(page.new_button, LEFT)
    dialog = dialog_of(qtbot, page, StrategyDialog)
    assert isinstance(dialog, StrategyDialog)
    qtbot.keyClicks(dialog.name_edit, "Play guitar")
    dialog.category_combo.setFocus()
    qtbot.keyClicks(dialog.category_combo, "Creative")
    qtbot.keyClicks(dialog.steps_edit, "Headphones on")
    qtbot.keyClick(dialog.steps_edit, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.steps_edit, "Play the three songs I know")
    dialog.favourite_check.setFocus()
    qtbot.keyClick(dialog.favourite_check, Qt.Key.Key_Space)
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)  # Save
    wait_tasks(qtbot, ui_ctx)
    guitar = stored(ui_ctx, "Play guitar")
    assert guitar.category is CopingCategory.CREATIVE
    assert guitar.steps == ("Headphones on", "Play the three songs I know")
    assert guitar.favourite
    assert listed(page).index("★ Play guitar") < listed(page).index("Go for a walk")
    assert page.detail_name.text() == "Play guitar"
    assert page.detail_steps.text() == "1. Headphones on\n2. Play the three songs I know"


def test_edit_favourite_archive_and_restore(qtbot: QtBot, ui_ctx: UiContext) -> None:
    seed_default_library(ui_ctx.session)
    page = open_page(qtbot, ui_ctx)
    select(page, "Go for a walk")
    qtbot.mouseClick(page.edit_button, LEFT)
    dialog = dialog_of(qtbot, page, StrategyDialog)
    assert isinstance(dialog, StrategyDialog)
    dialog.name_edit.selectAll()
    qtbot.keyClicks(dialog.name_edit, "Walk to the park")
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    wait_tasks(qtbot, ui_ctx)
    assert stored(ui_ctx, "Walk to the park").category is CopingCategory.PHYSICAL
    assert page.detail_name.text() == "Walk to the park"

    qtbot.mouseClick(page.star_button, LEFT)
    wait_tasks(qtbot, ui_ctx)
    assert stored(ui_ctx, "Walk to the park").favourite
    assert "★ Walk to the park" in listed(page)
    assert page.star_button.isChecked()

    qtbot.mouseClick(page.archive_button, LEFT)
    wait_tasks(qtbot, ui_ctx)
    assert stored(ui_ctx, "Walk to the park").archived_utc is not None
    assert "★ Walk to the park" not in listed(page)
    qtbot.mouseClick(page.archived_check, LEFT)
    select(page, "Walk to the park")
    assert "archived" in page.detail_meta.text()
    assert page.archive_button.text() == "&Restore"
    qtbot.mouseClick(page.archive_button, LEFT)
    wait_tasks(qtbot, ui_ctx)
    assert stored(ui_ctx, "Walk to the park").archived_utc is None


def test_filter_by_category(qtbot: QtBot, ui_ctx: UiContext) -> None:
    seed_default_library(ui_ctx.session)
    page = open_page(qtbot, ui_ctx)
    page.category_filter.setCurrentIndex(page.category_filter.findText("Relaxation"))
    assert listed(page) == ["★ Box breathing", "Progressive muscle relaxation"]
    assert page.guided_button.isVisible()  # box breathing has a guided mode


def test_build_a_plan_for_a_trigger_and_reorder_it(qtbot: QtBot, ui_ctx: UiContext) -> None:
    seed_default_library(ui_ctx.session)
    payday = ui_ctx.session.tracking.triggers.add(Trigger("Payday"))
    page = open_page(qtbot, ui_ctx)
    page.tabs.setCurrentIndex(1)
    editor = page.plan_editor
    editor.targets.setCurrentRow(3)  # after the three warning-sign stages
    assert editor.sentence.text() == "If “Payday” comes up…"
    for name in ("Call someone from my support list", "Go for a walk", "Urge surfing"):
        editor.add_combo.setCurrentIndex(editor.add_combo.findText(name))
        qtbot.mouseClick(editor.add_button, LEFT)
    assert editor.steps_list.currentRow() == 2
    qtbot.keyClick(editor.steps_list, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    qtbot.mouseClick(editor.up_button, LEFT)
    wait_tasks(qtbot, ui_ctx)
    plan = ui_ctx.session.coping.plan_for(trigger_id=payday.id)
    assert [s.name for _, s in plan] == [
        "Urge surfing",
        "Call someone from my support list",
        "Go for a walk",
    ]
    editor.steps_list.setCurrentRow(2)
    qtbot.mouseClick(editor.remove_button, LEFT)
    wait_tasks(qtbot, ui_ctx)
    plan = ui_ctx.session.coping.plan_for(trigger_id=payday.id)
    assert [s.name for _, s in plan] == ["Urge surfing", "Call someone from my support list"]
    assert editor.targets.item(3).text().endswith("2 steps")


def test_a_plan_for_a_warning_sign_stage(qtbot: QtBot, ui_ctx: UiContext) -> None:
    seed_default_library(ui_ctx.session)
    page = open_page(qtbot, ui_ctx)
    editor = page.plan_editor
    editor.targets.setCurrentRow(0)
    assert editor.sentence.text() == "If I notice early warning signs…"
    editor.add_combo.setCurrentIndex(editor.add_combo.findText("★ Box breathing"))
    qtbot.mouseClick(editor.add_button, LEFT)
    wait_tasks(qtbot, ui_ctx)
    plan = ui_ctx.session.coping.plan_for(stage=WarningStage.EARLY)
    assert [s.name for _, s in plan] == ["Box breathing"]


def test_log_a_coping_use_with_ratings_and_a_trigger(qtbot: QtBot, ui_ctx: UiContext) -> None:
    seed_default_library(ui_ctx.session)
    payday = ui_ctx.session.tracking.triggers.add(Trigger("Payday"))
    event = ui_ctx.session.tracking.log_trigger(payday.id or 0, 7)
    page = open_page(qtbot, ui_ctx)
    select(page, "Urge surfing")
    qtbot.mouseClick(page.use_button, LEFT)
    dialog = dialog_of(qtbot, page, LogUseDialog)
    assert isinstance(dialog, LogUseDialog)
    assert dialog.strategy_combo.currentText() == "Urge surfing"
    assert dialog.before.text() == "Not set"
    dialog.before.slider.setFocus()
    qtbot.keyClick(dialog.before.slider, Qt.Key.Key_End)
    qtbot.keyClick(dialog.before.slider, Qt.Key.Key_Left)
    assert dialog.before.text() == "9 — severe"
    qtbot.keyClick(dialog.after.slider, Qt.Key.Key_Home)
    for _ in range(4):
        qtbot.keyClick(dialog.after.slider, Qt.Key.Key_Right)
    assert dialog.after.text() == "4 — moderate"
    qtbot.keyClick(dialog.helpfulness.slider, Qt.Key.Key_End)
    qtbot.keyClick(dialog.event_combo, Qt.Key.Key_Down)
    assert "Payday (7, strong)" in dialog.event_combo.currentText()
    qtbot.keyClicks(dialog.note_edit, "Rode it out on the sofa")
    with qtbot.waitSignal(page.use_logged, timeout=10_000):
        qtbot.mouseClick(dialog.buttons.buttons()[0], LEFT)  # Save
    wait_tasks(qtbot, ui_ctx)
    (use,) = ui_ctx.session.coping.uses.list()
    assert use.strategy_id == stored(ui_ctx, "Urge surfing").id
    assert (use.distress_before, use.distress_after, use.helpfulness) == (9, 4, 5)
    assert use.trigger_event_id == event.id
    assert use.note == "Rode it out on the sofa"


def test_what_works_ranks_only_from_three_rated_uses(qtbot: QtBot, ui_ctx: UiContext) -> None:
    seed_default_library(ui_ctx.session)
    walk = stored(ui_ctx, "Go for a walk").id or 0
    phone = stored(ui_ctx, "Put on something absorbing").id or 0
    coping = ui_ctx.session.coping
    coping.log_use(walk, distress_before=7, distress_after=3)
    coping.log_use(walk, distress_before=6, distress_after=3)
    for _ in range(3):
        coping.log_use(phone, distress_before=4, distress_after=5)
    page = open_page(qtbot, ui_ctx)
    page.tabs.setCurrentIndex(2)
    view = page.what_works
    assert view.ranked_names() == ["Put on something absorbing"]
    assert view.ranking.topLevelItem(0).text(2) == "↑ 1.0 higher — distress went up"  # type: ignore[union-attr]
    assert view.waiting_names() == ["Go for a walk"]
    assert view.waiting.topLevelItem(0).text(2) == "2 of 3"  # type: ignore[union-attr]

    select(page, "Go for a walk")
    qtbot.mouseClick(page.use_button, LEFT)
    dialog = dialog_of(qtbot, page, LogUseDialog)
    assert isinstance(dialog, LogUseDialog)
    dialog.before.set_value(8)
    dialog.after.set_value(4)
    with qtbot.waitSignal(page.toolbox_loaded, timeout=10_000):
        dialog.accept()
    assert view.ranked_names() == ["Go for a walk", "Put on something absorbing"]
    assert view.ranking.topLevelItem(0).text(0) == "1"  # type: ignore[union-attr]
    assert view.ranking.topLevelItem(0).text(2) == "↓ 3.7 lower"  # type: ignore[union-attr]
    assert view.ranking.topLevelItem(0).text(3) == "3"  # type: ignore[union-attr]
    assert not view.waiting.isVisible()


def test_nothing_ranked_yet_says_so_kindly(qtbot: QtBot, ui_ctx: UiContext) -> None:
    page = open_page(qtbot, ui_ctx)
    page.tabs.setCurrentIndex(2)
    assert page.what_works.empty_label.isVisible()
    assert "3 rated uses" in page.what_works.empty_label.text()


def test_the_breathing_pacer_starts_from_the_header(qtbot: QtBot, ui_ctx: UiContext) -> None:
    page = open_page(qtbot, ui_ctx)  # a journal without the defaults: the strategy comes back
    qtbot.mouseClick(page.breathe_button, LEFT)
    dialog = dialog_of(qtbot, page, BreathingSession)
    assert isinstance(dialog, BreathingSession)
    dialog.begin()
    dialog.end_activity()
    dialog.after.set_value(2)
    with qtbot.waitSignal(page.use_logged, timeout=10_000):
        qtbot.mouseClick(dialog.save_button, LEFT)
    wait_tasks(qtbot, ui_ctx)
    (use,) = ui_ctx.session.coping.uses.list()
    assert use.strategy_id == stored(ui_ctx, "Box breathing").id
    assert use.distress_after == 2


def test_the_detail_counts_uses_in_plain_words(qtbot: QtBot, ui_ctx: UiContext) -> None:
    seed_default_library(ui_ctx.session)
    walk = stored(ui_ctx, "Go for a walk").id or 0
    music = stored(ui_ctx, "Put on something absorbing").id or 0
    coping = ui_ctx.session.coping
    coping.log_use(walk, distress_before=7, distress_after=4)
    for before in (6, 8):
        coping.log_use(music, distress_before=before, distress_after=before)
    coping.log_use(music)
    page = open_page(qtbot, ui_ctx)
    select(page, "Go for a walk")
    assert page.detail_evidence.text() == (
        "Logged once; distress after using it: ↓ 3.0 lower (rated once)."
    )
    select(page, "Put on something absorbing")
    assert page.detail_evidence.text() == (
        "Logged 3 times; distress after using it: no change on average (over 2 rated uses)."
    )
    select(page, "Box breathing")
    assert page.detail_evidence.text() == "Not logged yet."


def test_log_a_coping_use_preselects_the_selected_strategy(qtbot: QtBot, ui_ctx: UiContext) -> None:
    """Issue 13 §4: the header's "Log a coping use" ignored the strategy selected."""
    seed_default_library(ui_ctx.session)
    page = open_page(qtbot, ui_ctx)
    select(page, "Urge surfing")
    qtbot.mouseClick(page.log_button, LEFT)
    dialog = dialog_of(qtbot, page, LogUseDialog)
    assert isinstance(dialog, LogUseDialog)
    assert dialog.strategy_combo.currentText() == "Urge surfing"
    dialog.reject()


def test_a_coping_use_can_be_backdated(qtbot: QtBot, ui_ctx: UiContext) -> None:
    """Issue 13 §4: "I called my sponsor last night" — not only now."""
    seed_default_library(ui_ctx.session)
    page = open_page(qtbot, ui_ctx)
    select(page, "Go for a walk")
    qtbot.mouseClick(page.log_button, LEFT)
    dialog = dialog_of(qtbot, page, LogUseDialog)
    assert isinstance(dialog, LogUseDialog)
    last_night = QDateTime(QDate.currentDate().addDays(-1), QTime(22, 30))
    dialog.when_edit.setDateTime(last_night)
    with qtbot.waitSignal(page.use_logged, timeout=10_000):
        qtbot.mouseClick(dialog.buttons.buttons()[0], LEFT)  # Save
    wait_tasks(qtbot, ui_ctx)
    (use,) = ui_ctx.session.coping.uses.list()
    assert use.local_date == date.today() - timedelta(days=1)
    assert use.used_utc.astimezone().time() == time(22, 30)


def test_a_coping_use_in_the_future_is_refused(journal: JournalSession) -> None:
    walk = journal.coping.strategies.add(CopingStrategy("Walk", CopingCategory.PHYSICAL))
    with pytest.raises(ValidationError):
        journal.coping.log_use(walk.id or 0, when=datetime.now(UTC) + timedelta(hours=2))
    assert journal.coping.uses.list() == []
