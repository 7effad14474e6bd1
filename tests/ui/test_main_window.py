"""The main window shell: every page reachable, F1 help, plans start the toolbox."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

from recovery_journal.domain.coping import CopingCategory, CopingStrategy
from recovery_journal.ui.context import UiContext
from recovery_journal.ui.help_now import HelpNowDialog
from recovery_journal.ui.main_window import MainWindow
from tests.ui.conftest import wait_tasks


def _window(qtbot: QtBot, ui_ctx: UiContext) -> MainWindow:
    window = MainWindow(ui_ctx)
    qtbot.addWidget(window)
    window.show()
    wait_tasks(qtbot, ui_ctx)
    return window


def test_every_section_is_in_the_navigation(
    qtbot: QtBot, ui_ctx: UiContext, reported: list[BaseException]
) -> None:
    window = _window(qtbot, ui_ctx)
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles[:7] == [
        "Today",
        "Journal",
        "Triggers & signs",
        "Coping toolbox",
        "Safety plan",
        "Support & meetings",
        "Milestones",
    ]
    assert titles[-1] == "Settings"
    for row in range(window.nav.count()):
        window.nav.setCurrentRow(row)
        wait_tasks(qtbot, ui_ctx)
        assert window.stack.currentWidget() is window.page_at(row)
    assert reported == []  # every page loaded without an error


def test_ctrl_number_goes_to_a_section(qtbot: QtBot, ui_ctx: UiContext) -> None:
    window = _window(qtbot, ui_ctx)
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.safety


def test_f1_opens_i_need_help_now(qtbot: QtBot, ui_ctx: UiContext) -> None:
    window = _window(qtbot, ui_ctx)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: isinstance(getattr(window, "help_dialog", None), HelpNowDialog))
    assert window.help_dialog.isVisible()
    window.help_dialog.close()


def test_starting_a_planned_strategy_opens_the_toolbox(qtbot: QtBot, ui_ctx: UiContext) -> None:
    strategy = ui_ctx.session.coping.strategies.add(
        CopingStrategy("Call Sam", CopingCategory.SOCIAL, steps=("Ring", "Talk"))
    )
    window = _window(qtbot, ui_ctx)
    window.triggers.strategy_started.emit(strategy.id)
    qtbot.waitUntil(lambda: window.coping.dialog is not None, timeout=5_000)
    assert window.stack.currentWidget() is window.coping
    assert window.coping.dialog is not None
    window.coping.dialog.close()


def test_pressing_f1_records_no_milestone_silently(qtbot: QtBot, ui_ctx: UiContext) -> None:
    """Issue 13 §4: one F1 press (perhaps by mistake) is not "the first time I turned to my
    safety plan"; the person adds that milestone themselves if it means something to them."""
    window = _window(qtbot, ui_ctx)
    window.help_action.trigger()
    wait_tasks(qtbot, ui_ctx)
    window.help_dialog.close()
    window.help_action.trigger()
    wait_tasks(qtbot, ui_ctx)
    window.help_dialog.close()
    assert ui_ctx.session.progress.milestones.list() == []


def test_the_go_menu_shows_ampersands_and_settings_has_ctrl_comma(
    qtbot: QtBot, ui_ctx: UiContext
) -> None:
    """Issue 13 §2: "Triggers & signs" showed as "Triggers _signs"; Settings had no shortcut."""
    window = _window(qtbot, ui_ctx)
    texts = [a.text() for a in window.go_menu.actions()]
    assert "Triggers && signs" in texts  # shown as "Triggers & signs"
    assert "Support && meetings" in texts
    assert all(QKeySequence.mnemonic(t).isEmpty() for t in texts)
    qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.settings_page
