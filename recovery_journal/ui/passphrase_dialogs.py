"""Changing the passphrase, and asking for a new recovery code (passphrase first)."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from recovery_journal.errors import UserError
from recovery_journal.ui.context import UiContext
from recovery_journal.ui.fitting_stack import FittingStack
from recovery_journal.ui.passphrase_input import PassphraseInput
from recovery_journal.ui.recovery_code import RecoveryCodePanel


class _SecretDialog(QDialog):
    def __init__(self, ctx: UiContext, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setVisible(False)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setAccessibleName(self.tr("Problem"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.rejected.connect(self.reject)
        # The form first; a recovery code, when there is one to show, on a page of its own.
        self.pages = FittingStack()
        self.panel: RecoveryCodePanel | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        layout.addWidget(self.buttons)

    def _show_code(self, code: str, *used: PassphraseInput) -> None:
        """The new recovery code, shown once (with the usual check) before the dialog closes;
        the passphrase fields that led here are emptied."""
        for field in used:
            field.clear()
        self.buttons.setVisible(False)
        self.panel = RecoveryCodePanel(code)
        self.panel.confirmed.connect(self.accept)
        self.pages.addWidget(self.panel)
        self.pages.setCurrentWidget(self.panel)
        self.panel.check_field.setFocus()

    def reject(self) -> None:
        """Esc and the close button wait while the change is being made: closing then would
        hide its outcome (for "change every key", the only showing of the new recovery code)."""
        if not self.busy.isVisible():
            super().reject()

    def _failed(self, error: BaseException) -> None:
        self.busy.setVisible(False)
        self.buttons.setEnabled(True)
        self.error.setText(
            error.message
            if isinstance(error, UserError)
            else self.tr("Something unexpected went wrong. Nothing was changed.")
        )


class ChangePassphraseDialog(_SecretDialog):
    """Current passphrase + new one (twice). Normally only the key file changes; "someone may
    know my old passphrase" re-encrypts everything under new keys and shows a new recovery code."""

    KEEP_KEYS_NOTE = (
        "Your recovery code keeps working. Only the key file changes, so someone who has an "
        "old copy of your files and knows the old passphrase could still read them — if that "
        "may be the case, tick the box."
    )
    NEW_KEYS_NOTE = (
        "Your whole journal is encrypted again under new keys (about a second for every 60 MB) "
        "and you get a new recovery code; old key files, the old passphrase and the old code "
        "stop opening it. Backups made before keep their own keys: delete the ones you don't "
        "control."
    )

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Change passphrase"), parent)
        self.current = PassphraseInput(
            new=False, confirm=False, label=self.tr("Current passphrase")
        )
        self.new = PassphraseInput(new=True, confirm=True, label=self.tr("New passphrase"))
        self.new_keys = QCheckBox(self.tr("Someone may know my old passphrase: change every key"))
        self.new_keys.setAccessibleName(self.tr("Change every key, not only the passphrase"))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Change passphrase"))
        ok.setEnabled(False)
        self.new.validity_changed.connect(ok.setEnabled)
        self.buttons.accepted.connect(self._on_ok)
        self.note = QLabel(self.tr(self.KEEP_KEYS_NOTE))
        self.note.setWordWrap(True)
        self.new_keys.toggled.connect(
            lambda on: self.note.setText(self.tr(self.NEW_KEYS_NOTE if on else self.KEEP_KEYS_NOTE))
        )
        form = QWidget()
        column = QVBoxLayout(form)
        column.setContentsMargins(0, 0, 0, 0)
        for widget in (self.current, self.new, self.new_keys, self.note, self.busy, self.error):
            if widget is self.new_keys:
                column.addSpacing(8)
            column.addWidget(widget)
        self.pages.addWidget(form)

    @Slot()
    def _on_ok(self) -> None:
        old, new = self.current.text(), self.new.text()
        session, settings = self.ctx.session, self.ctx.key_settings
        self.busy.setVisible(True)
        self.buttons.setEnabled(False)
        if self.new_keys.isChecked():
            self.ctx.tasks.run(
                lambda: session.reencrypt(old, new, settings), self._on_code, self._failed
            )
        else:
            self.ctx.tasks.run(
                lambda: session.change_passphrase(old, new, settings),
                lambda _: self.accept(),
                self._failed,
            )

    def _on_code(self, code: str) -> None:
        self._show_code(code, self.current, self.new)  # every key changed


class NewRecoveryCodeDialog(_SecretDialog):
    """Passphrase first; then the new code (the old one stops working)."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("New recovery code"), parent)
        first = QWidget()
        intro = QLabel(
            self.tr(
                "Enter your passphrase to get a new recovery code. Your old code will stop working."
            )
        )
        intro.setWordWrap(True)
        self.passphrase = PassphraseInput(new=False, confirm=False)
        self.passphrase.submitted.connect(self._on_ok)
        column = QVBoxLayout(first)
        for widget in (intro, self.passphrase, self.busy, self.error):
            column.addWidget(widget)
        column.addStretch(1)
        self.pages.addWidget(first)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Continue"))
        self.buttons.accepted.connect(self._on_ok)

    @Slot()
    def _on_ok(self) -> None:
        secret = self.passphrase.text()
        if not secret:
            return
        self.busy.setVisible(True)
        self.buttons.setEnabled(False)
        self.ctx.tasks.run(
            lambda: self.ctx.session.new_recovery_code(secret, self.ctx.key_settings),
            self._on_code,
            self._failed,
        )

    def _on_code(self, code: str) -> None:
        self._show_code(code, self.passphrase)
