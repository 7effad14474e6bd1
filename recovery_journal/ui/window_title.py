"""The title the app's windows show in the taskbar and window switcher.

Normally "Recovery Journal". With the neutral-title setting on, every window is titled "Journal"
(no app name, no file name), so a glance at the taskbar says nothing about recovery; quick-hide
always leaves the neutral title behind, whatever the setting.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from recovery_journal import APP_NAME


def neutral_title() -> str:
    return QCoreApplication.translate("WindowTitle", "Journal")


def window_title(neutral: bool) -> str:
    """The title for the app's top-level windows."""
    return neutral_title() if neutral else QCoreApplication.translate("WindowTitle", APP_NAME)


def set_titles(title: str, *windows: QWidget | None) -> None:
    for window in windows:
        if window is not None:
            window.setWindowTitle(title)
