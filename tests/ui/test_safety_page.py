"""The safety plan page, used like a person would: write, edit, reorder, remove, print."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from recovery_journal.domain.support import ContactRole, SafetyStep, SupportContact
from recovery_journal.ui.context import UiContext
from recovery_journal.ui.pages.safety import SafetyPlanPage
from tests.ui.conftest import wait_tasks


def make_page(qtbot: QtBot, ui_ctx: UiContext) -> SafetyPlanPage:
    page = SafetyPlanPage(ui_ctx)
    qtbot.addWidget(page)
    page.resize(1100, 720)
    page.show()
    page.activated()  # the main window does this when the page is shown
    qtbot.waitUntil(lambda: page.loaded)
    return page


def add_line(qtbot: QtBot, page: SafetyPlanPage, step: SafetyStep, text: str) -> None:
    editor = page.editors[step]
    before = editor.lines.count()
    qtbot.keyClicks(editor.new_line, text)
    qtbot.keyClick(editor.new_line, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: editor.lines.count() == before + 1)


def texts(page: SafetyPlanPage, step: SafetyStep) -> list[str]:
    lines = page.editors[step].lines
    return [lines.item(i).text() for i in range(lines.count())]


def stored(ui_ctx: UiContext, step: SafetyStep) -> list[str]:
    return [item.text for item in ui_ctx.session.support.safety_plan()[step]]


def test_an_empty_plan_explains_itself_and_how_to_find_crisis_lines(
    qtbot: QtBot, ui_ctx: UiContext
) -> None:
    page = make_page(qtbot, ui_ctx)
    assert page.first_run.isVisible()
    words = page.first_run.text()
    assert "findahelpline.com" in words and "check that what you find is current" in words
    assert "call your local emergency number now" in page.emergency.text()
    add_line(qtbot, page, SafetyStep.REASONS_FOR_LIVING, "My dog Bruno")
    assert not page.first_run.isVisible()


def test_add_edit_reorder_and_remove_lines(qtbot: QtBot, ui_ctx: UiContext) -> None:
    page = make_page(qtbot, ui_ctx)
    step = SafetyStep.INTERNAL_COPING
    for text in ("Box breathing", "Cold water on my face", "A walk to the river"):
        add_line(qtbot, page, step, text)
    assert stored(ui_ctx, step) == ["Box breathing", "Cold water on my face", "A walk to the river"]

    editor = page.editors[step]
    editor.lines.setFocus()
    editor.lines.setCurrentRow(1)
    qtbot.keyClick(editor.lines, Qt.Key.Key_F2)
    field = editor.lines.findChild(QLineEdit)
    assert field is not None
    field.selectAll()
    qtbot.keyClicks(field, "Cold water, then box breathing")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Cold water, then box breathing" in stored(ui_ctx, step))
    wait_tasks(qtbot, ui_ctx)

    editor.lines.setCurrentRow(2)
    qtbot.mouseClick(editor.up_button, Qt.MouseButton.LeftButton)
    wait_tasks(qtbot, ui_ctx)
    expected = ["Box breathing", "A walk to the river", "Cold water, then box breathing"]
    assert stored(ui_ctx, step) == expected
    assert texts(page, step) == expected
    assert editor.lines.currentItem().text() == "A walk to the river"  # still selected

    editor.lines.setCurrentRow(0)
    qtbot.mouseClick(editor.down_button, Qt.MouseButton.LeftButton)
    wait_tasks(qtbot, ui_ctx)
    assert stored(ui_ctx, step)[:2] == ["A walk to the river", "Box breathing"]

    editor.lines.setCurrentRow(1)
    qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: editor.lines.count() == 2)
    assert stored(ui_ctx, step) == ["A walk to the river", "Cold water, then box breathing"]
    positions = [i.position for i in ui_ctx.session.support.safety_plan()[step]]
    assert positions == sorted(positions)


def test_keyboard_moves_and_removes_lines(qtbot: QtBot, ui_ctx: UiContext) -> None:
    page = make_page(qtbot, ui_ctx)
    step = SafetyStep.WARNING_SIGNS
    add_line(qtbot, page, step, "Skipping meals")
    add_line(qtbot, page, step, "Not sleeping")
    editor = page.editors[step]
    editor.lines.setFocus()
    editor.lines.setCurrentRow(1)
    qtbot.keyClick(editor.lines, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    wait_tasks(qtbot, ui_ctx)
    assert stored(ui_ctx, step) == ["Not sleeping", "Skipping meals"]
    qtbot.keyClick(editor.lines, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: editor.lines.count() == 1)
    assert stored(ui_ctx, step) == ["Skipping meals"]


def test_contacts_show_under_their_step_and_can_be_copied(qtbot: QtBot, ui_ctx: UiContext) -> None:
    ui_ctx.session.support.contacts.add(
        SupportContact("Sam", ContactRole.SPONSOR, "555-0121", SafetyStep.ASK_FOR_HELP)
    )
    page = make_page(qtbot, ui_ctx)
    box = page.editors[SafetyStep.ASK_FOR_HELP].contacts_box
    copy = next(b for b in box.findChildren(type(page.pdf_button)) if b.text() == "Copy")
    qtbot.mouseClick(copy, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "555-0121"
    assert ui_ctx.clipboard.clear_if_ours()
    assert not page.editors[SafetyStep.PROFESSIONALS].contacts_box.findChildren(
        type(page.pdf_button)
    )


def test_a_person_who_is_both_a_line_and_a_contact_is_listed_once(
    qtbot: QtBot, ui_ctx: UiContext
) -> None:
    """Issue 13 §4: typed "Call Sam (sponsor)" and the contact Sam under the same step."""
    support = ui_ctx.session.support
    support.contacts.add(
        SupportContact("Sam", ContactRole.SPONSOR, "555-0121", SafetyStep.ASK_FOR_HELP)
    )
    support.contacts.add(
        SupportContact("Ria", ContactRole.FRIEND, "555-0144", SafetyStep.ASK_FOR_HELP)
    )
    page = make_page(qtbot, ui_ctx)
    add_line(qtbot, page, SafetyStep.ASK_FOR_HELP, "Call sam (sponsor), evenings")
    box = page.editors[SafetyStep.ASK_FOR_HELP].contacts_box

    def shown() -> str:
        return " ".join(label.text() for label in box.findChildren(QLabel))

    qtbot.waitUntil(lambda: "Sam" not in shown(), timeout=10_000)  # the old rows are deleted later
    assert "Ria" in shown()
    printed = page.html()
    assert printed.count("Sam") + printed.count("sam") == 1
    assert "Ria" in printed


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_save_as_pdf_gives_one_page_with_the_plan(
    qtbot: QtBot, ui_ctx: UiContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = make_page(qtbot, ui_ctx)
    add_line(qtbot, page, SafetyStep.REASONS_FOR_LIVING, "Maya's laugh & <the> sea")
    for n in range(12):
        add_line(qtbot, page, SafetyStep.INTERNAL_COPING, f"Something that helps, number {n}")
    target = tmp_path / "my plan"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF (*.pdf)")
    )
    qtbot.mouseClick(page.pdf_button, Qt.MouseButton.LeftButton)
    pdf = tmp_path / "my plan.pdf"
    qtbot.waitUntil(pdf.exists)
    wait_tasks(qtbot, ui_ctx)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "Maya's laugh & <the> sea" in text
    assert "Something that helps, number 11" in text
    assert "call your local emergency number now" in text
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert re.search(r"^Pages:\s+1$", info, re.M)
    assert pdf.stat().st_mode & 0o077 == 0
