"""'I need help now' and the gentle notice, used like a person would."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from recovery_journal.domain.entries import CheckIn, Entry
from recovery_journal.domain.support import (
    ContactRole,
    SafetyPlanItem,
    SafetyStep,
    SupportContact,
)
from recovery_journal.domain.tracking import WarningSign, WarningStage
from recovery_journal.services.session import JournalSession
from recovery_journal.ui.context import UiContext
from recovery_journal.ui.help_now import ESCALATION_PROMPTS, EscalationBanner, HelpNowDialog
from tests.ui.conftest import wait_tasks

TODAY = date(2024, 11, 17)
LEFT = Qt.MouseButton.LeftButton


def texts(widget: HelpNowDialog) -> str:
    return "\n".join(label.text() for label in widget.body.findChildren(QLabel))


def hard_week(journal: JournalSession) -> None:
    for n in (0, 2, 4):
        journal.entries.add(Entry(TODAY - timedelta(days=n), "", check_in=CheckIn(mood=1)))


def open_dialog(qtbot: QtBot, ui_ctx: UiContext) -> HelpNowDialog:
    dialog = HelpNowDialog(ui_ctx, today=lambda: TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.loaded)
    return dialog


def test_help_now_lists_my_crisis_lines_and_plan_with_copy(qtbot: QtBot, ui_ctx: UiContext) -> None:
    support = ui_ctx.session.support
    support.contacts.add_many(
        [
            SupportContact("Dr Patel", ContactRole.THERAPIST, "555-0172"),
            SupportContact("My local crisis line", ContactRole.CRISIS_LINE, "0800 111 222"),
            SupportContact("Sam", ContactRole.SPONSOR, "555-0121", SafetyStep.ASK_FOR_HELP),
            SupportContact("Priya", ContactRole.FRIEND, "555-0147", SafetyStep.DISTRACTION),
        ]
    )
    support.safety_items.add(SafetyPlanItem(SafetyStep.REASONS_FOR_LIVING, "Bruno the dog"))
    dialog = open_dialog(qtbot, ui_ctx)
    shown = texts(dialog)
    assert shown.index("My local crisis line") < shown.index("Dr Patel")  # crisis lines first
    assert "0800 111 222" in shown and "Sam" in shown and "Bruno the dog" in shown
    assert "Priya" not in shown
    assert "emergency number" in dialog.emergency.text()
    assert "We noticed" not in shown
    copy = next(
        b
        for b in dialog.body.findChildren(QPushButton)
        if b.accessibleName() == "Copy how to reach My local crisis line"
    )
    qtbot.mouseClick(copy, LEFT)
    assert QGuiApplication.clipboard().text() == "0800 111 222"
    with qtbot.waitSignal(dialog.safety_plan_requested):
        qtbot.mouseClick(dialog.plan_button, LEFT)


def test_help_now_without_lines_explains_how_to_find_them(qtbot: QtBot, ui_ctx: UiContext) -> None:
    dialog = open_dialog(qtbot, ui_ctx)
    assert "findahelpline.com" in texts(dialog)


def test_help_now_says_calmly_why_when_rules_matched(qtbot: QtBot, ui_ctx: UiContext) -> None:
    hard_week(ui_ctx.session)
    dialog = open_dialog(qtbot, ui_ctx)
    shown = texts(dialog)
    assert "We noticed" in shown
    assert "Mood of 2 or lower" in shown and "13, 15, 17 Nov" in shown
    ui_ctx.settings.set(ESCALATION_PROMPTS, False)
    quiet = open_dialog(qtbot, ui_ctx)
    assert "We noticed" not in texts(quiet)


def make_banner(qtbot: QtBot, ui_ctx: UiContext, today: date = TODAY) -> EscalationBanner:
    banner = EscalationBanner(ui_ctx, today=lambda: today)
    qtbot.addWidget(banner)
    return banner


def test_banner_shows_on_a_hard_week_and_opens_help(qtbot: QtBot, ui_ctx: UiContext) -> None:
    banner = make_banner(qtbot, ui_ctx)
    banner.check()
    wait_tasks(qtbot, ui_ctx)
    assert banner.isHidden()  # nothing recorded: nothing to say
    hard_week(ui_ctx.session)
    banner.check()
    qtbot.waitUntil(lambda: not banner.isHidden())
    assert "last days have been hard" in banner.message.text()
    qtbot.mouseClick(banner.why_button, LEFT)
    assert "Mood of 2 or lower" in banner.details.text()
    with qtbot.waitSignal(banner.help_requested):
        qtbot.mouseClick(banner.open_button, LEFT)


def test_not_now_hides_until_something_new(qtbot: QtBot, ui_ctx: UiContext) -> None:
    hard_week(ui_ctx.session)
    banner = make_banner(qtbot, ui_ctx)
    banner.check()
    qtbot.waitUntil(lambda: not banner.isHidden())
    qtbot.mouseClick(banner.later_button, LEFT)
    assert banner.isHidden()
    banner.check()
    wait_tasks(qtbot, ui_ctx)
    assert banner.isHidden()
    sign = ui_ctx.session.tracking.warning_signs.add(
        WarningSign("Crisis sign", WarningStage.CRISIS)
    )
    assert sign.id is not None
    ui_ctx.session.tracking.observe_sign(sign.id, when=datetime(2024, 11, 16, 12, tzinfo=UTC))
    banner.check()
    qtbot.waitUntil(lambda: not banner.isHidden())


def test_banner_respects_the_off_switch(qtbot: QtBot, ui_ctx: UiContext) -> None:
    hard_week(ui_ctx.session)
    banner = make_banner(qtbot, ui_ctx)
    banner.check()
    qtbot.waitUntil(lambda: not banner.isHidden())
    qtbot.mouseClick(banner.off_button, LEFT)
    assert banner.isHidden()
    assert ui_ctx.settings.get(ESCALATION_PROMPTS) is False
    banner.check()
    wait_tasks(qtbot, ui_ctx)
    assert banner.isHidden()
    later = make_banner(qtbot, ui_ctx)  # e.g. after the next unlock
    later.check()
    wait_tasks(qtbot, ui_ctx)
    assert later.isHidden()


def test_help_now_starts_with_breathe_and_ground_then_my_people(
    qtbot: QtBot, ui_ctx: UiContext
) -> None:
    """Issue 13 §4: something to do first, then the person's own people; no rule list."""
    ui_ctx.session.support.contacts.add(
        SupportContact("Sam", ContactRole.SPONSOR, "555-0121", SafetyStep.ASK_FOR_HELP)
    )
    hard_week(ui_ctx.session)
    dialog = open_dialog(qtbot, ui_ctx)
    first = dialog.body_layout.itemAt(0)
    assert first is not None
    assert first.widget() is dialog.breathe_button.parentWidget()
    assert dialog.ground_button.parentWidget() is first.widget()
    shown = texts(dialog)
    assert shown.index("Professionals and crisis lines") < shown.index("Sam")
    assert shown.index("Sam") < shown.index("We noticed")  # the why comes last
    assert "When this app shows a note" not in shown and "Nothing is ever sent" not in shown
    assert dialog.breathe_button.hasFocus()
    qtbot.mouseClick(dialog.breathe_button, LEFT)
    qtbot.waitUntil(lambda: dialog.guided is not None and dialog.guided.isVisible(), timeout=10_000)
    assert dialog.guided.windowTitle() == "Box breathing"  # type: ignore[union-attr]
    dialog.guided.reject()  # type: ignore[union-attr]
    qtbot.mouseClick(dialog.ground_button, LEFT)
    qtbot.waitUntil(lambda: dialog.guided is not None and dialog.guided.isVisible(), timeout=10_000)
    assert "grounding" in dialog.guided.windowTitle()  # type: ignore[union-attr]
    dialog.guided.reject()  # type: ignore[union-attr]
    wait_tasks(qtbot, ui_ctx)


def test_a_plan_line_about_someone_listed_above_is_not_repeated(
    qtbot: QtBot, ui_ctx: UiContext
) -> None:
    support = ui_ctx.session.support
    support.contacts.add(
        SupportContact("Sam", ContactRole.SPONSOR, "555-0121", SafetyStep.ASK_FOR_HELP)
    )
    support.safety_items.add_many(
        [
            SafetyPlanItem(SafetyStep.ASK_FOR_HELP, "Sam, my sponsor — 555 0121"),
            SafetyPlanItem(SafetyStep.ASK_FOR_HELP, "My sister Ana"),
        ]
    )
    dialog = open_dialog(qtbot, ui_ctx)
    shown = texts(dialog)
    assert shown.count("Sam") == 1 and "My sister Ana" in shown
