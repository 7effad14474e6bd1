"""The support page, used like a person would: contacts, copying, meetings, the toolbox."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from recovery_journal.domain.coping import CopingCategory, StrategySource
from recovery_journal.domain.support import ContactRole, PeerMeeting, SafetyStep
from recovery_journal.ui.context import UiContext
from recovery_journal.ui.pages.safety import SafetyPlanPage
from recovery_journal.ui.pages.support import SupportPage
from recovery_journal.ui.support_dialogs import AddToToolboxDialog, ContactDialog, MeetingDialog
from tests.ui.conftest import wait_tasks

LEFT = Qt.MouseButton.LeftButton


def make_page(qtbot: QtBot, ui_ctx: UiContext) -> SupportPage:
    page = SupportPage(ui_ctx)
    qtbot.addWidget(page)
    page.resize(1100, 720)
    page.show()
    page.activated()  # the main window does this when the page is shown
    qtbot.waitUntil(lambda: page.loaded)
    return page


def add_contact(qtbot: QtBot, page: SupportPage, name: str, reach: str, role: str) -> None:
    qtbot.mouseClick(page.add_contact_button, LEFT)
    dialog = page.dialog
    assert isinstance(dialog, ContactDialog)
    assert not dialog.ok.isEnabled()  # a name is needed first
    qtbot.keyClicks(dialog.name, name)
    dialog.role.setCurrentIndex(dialog.role.findText(role))
    qtbot.keyClicks(dialog.reach, reach)
    qtbot.mouseClick(dialog.ok, LEFT)
    qtbot.waitUntil(lambda: any(c.name == name for c in page.contacts))
    wait_tasks(qtbot, page.ctx)


def test_add_a_crisis_line_see_it_on_the_safety_plan_and_copy_it(
    qtbot: QtBot, ui_ctx: UiContext
) -> None:
    page = make_page(qtbot, ui_ctx)
    add_contact(qtbot, page, "Local crisis line", "0800 000 000", "Crisis line")
    [contact] = ui_ctx.session.support.contacts.list()
    assert contact.role is ContactRole.CRISIS_LINE
    assert contact.safety_step is SafetyStep.PROFESSIONALS  # the role's sensible default
    assert page.current_contact() == contact
    qtbot.mouseClick(page.copy_button, LEFT)
    assert QGuiApplication.clipboard().text() == "0800 000 000"
    assert "Local crisis line" in page.status.text()

    plan = SafetyPlanPage(ui_ctx)
    qtbot.addWidget(plan)
    plan.activated()
    qtbot.waitUntil(lambda: plan.loaded)
    box = plan.editors[SafetyStep.PROFESSIONALS].contacts_box
    assert any("0800 000 000" in label.text() for label in box.findChildren(type(page.status)))


def test_edit_a_contact_to_another_step_and_archive_it(qtbot: QtBot, ui_ctx: UiContext) -> None:
    page = make_page(qtbot, ui_ctx)
    add_contact(qtbot, page, "Priya", "555-0147", "Friend")
    qtbot.mouseClick(page.edit_contact_button, LEFT)
    dialog = page.dialog
    assert isinstance(dialog, ContactDialog)
    dialog.step.setCurrentIndex(dialog.step.findData(SafetyStep.DISTRACTION))
    qtbot.keyClicks(dialog.notes, "Allotment on Saturdays")
    qtbot.mouseClick(dialog.ok, LEFT)
    wait_tasks(qtbot, ui_ctx)
    [priya] = ui_ctx.session.support.contacts.list()
    assert priya.safety_step is SafetyStep.DISTRACTION
    assert priya.notes == "Allotment on Saturdays"

    qtbot.mouseClick(page.archive_button, LEFT)
    qtbot.waitUntil(lambda: page.contact_list.count() == 0)
    assert ui_ctx.session.support.contacts.list() == []
    page.show_archived.setChecked(True)
    qtbot.waitUntil(lambda: page.contact_list.count() == 1)
    page.contact_list.setCurrentRow(0)
    assert page.archive_button.text() == "Restore"
    qtbot.mouseClick(page.archive_button, LEFT)
    wait_tasks(qtbot, ui_ctx)
    assert [c.name for c in ui_ctx.session.support.contacts.list()] == ["Priya"]


def test_log_a_meeting_and_add_a_learned_strategy_to_the_toolbox_once(
    qtbot: QtBot, ui_ctx: UiContext
) -> None:
    page = make_page(qtbot, ui_ctx)
    qtbot.mouseClick(page.add_meeting_button, LEFT)
    dialog = page.dialog
    assert isinstance(dialog, MeetingDialog)
    qtbot.keyClicks(dialog.group, "Tuesday evening group")
    qtbot.keyClicks(dialog.resonated, "Nobody has to do this alone.")
    qtbot.keyClicks(dialog.learned, "Play the tape forward")
    qtbot.keyClick(dialog.learned, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.learned, "HALT check")
    qtbot.mouseClick(dialog.ok, LEFT)
    qtbot.waitUntil(lambda: page.meeting_list.count() == 1)
    wait_tasks(qtbot, ui_ctx)
    [meeting] = ui_ctx.session.support.meetings.list()
    assert meeting.strategies_learned == ("Play the tape forward", "HALT check")
    assert page.current_meeting() == meeting  # the new meeting is shown with its strategies

    before = ui_ctx.session.coping.strategies.count()
    button = page.learned_buttons["Play the tape forward"]
    qtbot.mouseClick(button, LEFT)
    confirm = page.dialog
    assert isinstance(confirm, AddToToolboxDialog)
    assert confirm.category.currentData() is CopingCategory.SOCIAL
    qtbot.mouseClick(confirm.ok, LEFT)
    qtbot.waitUntil(lambda: "Added" in page.status.text())
    added = [
        s for s in ui_ctx.session.coping.strategies.list() if s.name == "Play the tape forward"
    ]
    assert len(added) == 1
    assert added[0].source is StrategySource.PEER_MEETING
    assert ui_ctx.session.coping.strategies.count() == before + 1
    assert not page.learned_buttons["Play the tape forward"].isEnabled()
    assert page.learned_buttons["HALT check"].isEnabled()

    # Even asked again (e.g. a second quick click before the page reloaded): no duplicate.
    page._add_to_toolbox(confirm.strategy())
    qtbot.waitUntil(lambda: "already" in page.status.text())
    assert ui_ctx.session.coping.strategies.count() == before + 1


def test_edit_a_meeting(qtbot: QtBot, ui_ctx: UiContext) -> None:
    ui_ctx.session.support.meetings.add(PeerMeeting("Saturday group", date(2024, 11, 9)))
    page = make_page(qtbot, ui_ctx)
    page.meeting_list.setCurrentRow(0)
    qtbot.mouseClick(page.edit_meeting_button, LEFT)
    dialog = page.dialog
    assert isinstance(dialog, MeetingDialog)
    qtbot.keyClicks(dialog.learned, "Urge surfing")
    qtbot.mouseClick(dialog.ok, LEFT)
    wait_tasks(qtbot, ui_ctx)
    [meeting] = ui_ctx.session.support.meetings.list()
    assert meeting.strategies_learned == ("Urge surfing",)
    assert meeting.local_date == date(2024, 11, 9)
    assert "Urge surfing" in page.learned_buttons
