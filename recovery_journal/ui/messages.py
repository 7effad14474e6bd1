"""Showing errors kindly: a UserError gets its own words; a bug gets a calm crash dialog.

The crash dialog says what happened without blame, that saved writing is safe, and offers the
technical details (exception type and code location only — our messages never contain journal text)
to copy for a bug report. Nothing is sent anywhere.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

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


class DamageNotice(QMessageBox):
    """Damage found while the journal is open (by the check after unlocking): the same words an
    unlock used to give, in a box that doesn't block the window, with what to do — lock and
    restore the latest backup (the damaged file is kept beside it), or carry on for now."""

    restore_wanted = Signal()

    def __init__(self, parent: QWidget, error: UserError) -> None:
        super().__init__(parent)
        self.setObjectName("damageNotice")
        self.setIcon(QMessageBox.Icon.Information)
        self.setWindowTitle(self.tr(TITLES[ErrorKind.JOURNAL_DAMAGED]))
        self.setText(error.message)
        self.setInformativeText(
            self.tr(
                "{0} “Lock and restore…” locks the journal and offers your latest backup; the "
                "damaged file is kept beside the restored one, renamed. Until then, what you can "
                "read stays readable."
            ).format(error.hint)
        )
        self.restore_button = self.addButton(
            self.tr("Lock and restore…"), QMessageBox.ButtonRole.AcceptRole
        )
        self.restore_button.setAccessibleName(self.tr("Lock the journal and restore a backup"))
        later = self.addButton(self.tr("Not now"), QMessageBox.ButtonRole.RejectRole)
        later.setAccessibleName(self.tr("Not now"))
        self.setAccessibleName(self.windowTitle())
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.buttonClicked.connect(self._on_button_clicked)

    def _on_button_clicked(self, button: QAbstractButton) -> None:
        if button is self.restore_button:
            self.restore_wanted.emit()
