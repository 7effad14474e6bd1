"""The clipboard guard takes back only what the app put there."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from recovery_journal.ui.clipboard import ClipboardGuard


def test_text_copied_elsewhere_is_left_alone(qtbot: QtBot) -> None:
    guard = ClipboardGuard()
    assert QGuiApplication.focusWindow() is None  # no window of ours is active
    QGuiApplication.clipboard().setText("someone else's text")
    assert not guard.clear_if_ours()
    assert QGuiApplication.clipboard().text() == "someone else's text"


def test_text_we_copied_is_cleared(qtbot: QtBot) -> None:
    guard = ClipboardGuard()
    guard.copy("555-0101")
    assert guard.clear_if_ours()
    assert QGuiApplication.clipboard().text() == ""
