"""Showing errors kindly: a UserError gets its own words; a bug gets a calm crash dialog.

The crash dialog says what happened without blame, that saved writing is safe, and offers the
technical details (exception type and code location only — our messages never contain journal text)
to copy for a bug report. Nothing is sent anywhere.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from recovery_journal.errors import ErrorKind, UserError

TITLES = {
    ErrorKind.WRONG_PASSPHRASE: "Passphrase not accepted",
    ErrorKind.DISK_FULL: "The disk is full",
    ErrorKind.JOURNAL_DAMAGED: "The journal needs attention",
    ErrorKind.INVALID_INPUT: "Please check this",
}


def user_message(error: UserError) -> str:
    return f"{error.message}\n\n{error.hint}".strip()


def bug_details(error: BaseException) -> str:
    text = getattr(error, "__traceback_text__", "")
    return f"{type(error).__name__}\n\n{text}".strip()


def show_error(parent: QWidget | None, error: BaseException) -> QMessageBox:
    """Show ``error`` (non-blocking) and return the box (tests look at its text)."""
    box = QMessageBox(parent)
    box.setObjectName("errorBox")
    if isinstance(error, UserError):
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(TITLES.get(error.kind, "Recovery Journal"))
        box.setText(user_message(error))
    else:
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("Something went wrong")
        box.setText(
            "Something went wrong inside Recovery Journal. This is our mistake, not yours.\n\n"
            "Everything you saved before is safe. You can keep going, or restart the app."
        )
        box.setDetailedText(bug_details(error))
    box.setAccessibleName(box.windowTitle())
    box.open()
    return box
