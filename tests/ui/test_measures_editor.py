""" "My measures": add, rename, reorder, archive and bring back, by clicks and typing; the kind
of a stored measure stays; Settings opens it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from recovery_journal.domain.measures import Measure, MeasureKind
from recovery_journal.ui.context import UiContext
from recovery_journal.ui.measures_editor import MeasuresDialog, describe
from recovery_journal.ui.pages.settings import SettingsPage
from recovery_journal.ui.reminder_settings import MeasuresSettingsBox
from tests.ui.conftest import wait_tasks


@pytest.fixture
def dialog(qtbot: QtBot, ui_ctx: UiContext) -> MeasuresDialog:
    made = MeasuresDialog(ui_ctx)
    qtbot.addWidget(made)
    made.show()
    wait_tasks(qtbot, ui_ctx)
    return made


def names(ctx: UiContext, *, archived: bool = False) -> list[str]:
    return [m.name for m in ctx.session.measures.list(include_archived=archived)]


def click(qtbot: QtBot, ctx: UiContext, button: object) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    wait_tasks(qtbot, ctx)


def add(qtbot: QtBot, ctx: UiContext, dialog: MeasuresDialog, name: str, kind: MeasureKind,
        unit: str = "") -> None:  # fmt: skip
    dialog.list.setCurrentRow(-1)
    dialog.name.clear()
    qtbot.keyClicks(dialog.name, name)
    dialog.kind.setCurrentIndex(dialog.kind.findData(kind))
    if unit:
        dialog.unit.insert(unit)  # (QTest types ASCII only)
    click(qtbot, ctx, dialog.add)


def test_adding_each_kind(qtbot: QtBot, ui_ctx: UiContext, dialog: MeasuresDialog) -> None:
    assert not dialog.add.isEnabled()  # nothing typed yet
    add(qtbot, ui_ctx, dialog, "Craving", MeasureKind.SCALE)
    add(qtbot, ui_ctx, dialog, "Took my medication", MeasureKind.YES_NO)
    assert not dialog.unit.isEnabled()
    add(qtbot, ui_ctx, dialog, "Money spent", MeasureKind.NUMBER, "€")
    stored = ui_ctx.session.measures.list()
    assert [(m.name, m.kind, m.unit) for m in stored] == [
        ("Craving", MeasureKind.SCALE, ""),
        ("Took my medication", MeasureKind.YES_NO, ""),
        ("Money spent", MeasureKind.NUMBER, "€"),
    ]
    qtbot.waitUntil(lambda: dialog.list.count() == 3)
    assert dialog.list.item(2).text() == "Money spent — A number (with a unit): €"
    assert dialog.message.text() == "Added. It's in Today's check-in now."


def test_rename_keeps_the_kind_and_reorder_moves_it(
    qtbot: QtBot, ui_ctx: UiContext, dialog: MeasuresDialog
) -> None:
    for name in ("Craving", "Meeting"):
        ui_ctx.session.measures.add(Measure(name))
    dialog.reload()
    wait_tasks(qtbot, ui_ctx)
    dialog.list.setCurrentRow(1)
    assert dialog.name.text() == "Meeting" and not dialog.kind.isEnabled()
    assert dialog.up.isEnabled() and not dialog.down.isEnabled()
    dialog.name.selectAll()
    qtbot.keyClicks(dialog.name, "Urge to use")
    click(qtbot, ui_ctx, dialog.save)
    assert names(ui_ctx) == ["Craving", "Urge to use"]
    wait_tasks(qtbot, ui_ctx)
    assert dialog.list.currentRow() == 1
    click(qtbot, ui_ctx, dialog.up)
    assert names(ui_ctx) == ["Urge to use", "Craving"]
    wait_tasks(qtbot, ui_ctx)
    assert dialog.list.currentRow() == 0
    click(qtbot, ui_ctx, dialog.down)
    assert names(ui_ctx) == ["Craving", "Urge to use"]


def test_archive_and_bring_back(qtbot: QtBot, ui_ctx: UiContext, dialog: MeasuresDialog) -> None:
    for name in ("Craving", "Drinks"):
        ui_ctx.session.measures.add(Measure(name))
    dialog.reload()
    wait_tasks(qtbot, ui_ctx)
    dialog.list.setCurrentRow(0)
    assert dialog.archive.text() == "Archive"
    click(qtbot, ui_ctx, dialog.archive)
    assert names(ui_ctx) == ["Drinks"]
    assert names(ui_ctx, archived=True) == ["Craving", "Drinks"]
    wait_tasks(qtbot, ui_ctx)
    # Archived ones go last, say so, and can come back.
    assert dialog.list.item(1).text().endswith("· archived")
    assert dialog.list.currentRow() == 1 and dialog.archive.text() == "Bring back"
    assert not dialog.up.isEnabled()
    click(qtbot, ui_ctx, dialog.archive)
    assert sorted(names(ui_ctx)) == ["Craving", "Drinks"]


def test_describe_names_the_kind_and_unit() -> None:
    assert describe(Measure("Craving")) == "Craving — A scale from 0 to 10"
    assert describe(Measure("Took it", MeasureKind.YES_NO)) == "Took it — Yes or no"


def test_settings_opens_my_measures(qtbot: QtBot, ui_ctx: UiContext) -> None:
    page = SettingsPage(ui_ctx)
    qtbot.addWidget(page)
    page.show()
    box = page.findChild(MeasuresSettingsBox)
    assert box is not None
    box.open_button.click()
    assert isinstance(box.dialog, MeasuresDialog) and box.dialog.isVisible()
    wait_tasks(qtbot, ui_ctx)
    box.dialog.reject()
