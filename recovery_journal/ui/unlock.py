"""The unlock screen: passphrase, the recovery-code path, and a kind word for every failure.

Unlocking (Argon2id, opening, integrity check) runs off the UI thread with a busy indicator. A
damaged journal offers to restore the latest automatic backup (the damaged files are set aside,
not lost).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recovery_journal.errors import ErrorKind, UserError
from recovery_journal.services.options import (
    BackupSettings,
    KeySettings,
    start_key_derivation,
    validate_recovery_code,
)
from recovery_journal.ui.fitting_stack import FittingStack
from recovery_journal.ui.passphrase_input import PassphraseInput
from recovery_journal.ui.recovery_code import RecoveryCodePanel
from recovery_journal.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from recovery_journal.services.session import JournalSession


def _open(
    path: Path, passphrase: str, keys: KeySettings, backups: BackupSettings
) -> JournalSession:
    """Runs on the worker: Argon2id starts first and runs while the database stack is imported
    (the first unlock after start-up pays for SQLAlchemy's import, ~0.5 s, in parallel)."""
    pending = start_key_derivation(path, passphrase, keys)
    from recovery_journal.services.access import open_journal

    # The whole-file check and the daily backup run after Today shows (AppController.upkeep).
    return open_journal(path, passphrase, keys, backups, pending=pending, upkeep_later=True)


def _restore_latest(path: Path, backups: BackupSettings) -> object:
    """Put this journal's newest automatic backup in place (the current files are set aside)."""
    from recovery_journal.services.access import latest_backup, restore_backup

    bundle = latest_backup(path, backups)
    if bundle is None:
        raise UserError(ErrorKind.NOT_FOUND, "There is no backup of this journal to restore.")
    return restore_backup(bundle, path, replace_existing=True)


def _latest_backup(path: Path, backups: BackupSettings) -> Path | None:
    from recovery_journal.services.access import latest_backup

    return latest_backup(path, backups)


class UnlockDialog(QDialog):
    """Emits ``unlocked`` with the session; ``open_other``/``create_new`` for the File actions."""

    unlocked = Signal(object)
    open_other = Signal()
    create_new = Signal()

    def __init__(
        self,
        path: Path,
        tasks: TaskRunner,
        key_settings: KeySettings = KeySettings(),
        backups: BackupSettings = BackupSettings(),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Recovery Journal"))
        self.setMinimumWidth(480)
        self.path, self._tasks = path, tasks
        self._keys, self._backups = key_settings, backups
        self.session: JournalSession | None = None
        self.pages = FittingStack()
        self.pages.addWidget(self._unlock_page())
        self.pages.addWidget(self._recover_page())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.addWidget(self.pages)
        self.passphrase.focus_field()

    # ------------------------------------------------------------ unlock page

    def _unlock_page(self) -> QWidget:
        page = QWidget()
        title = QLabel(
            self.tr("<h2>Welcome back</h2><p>Enter your passphrase to open your journal.</p>")
        )
        title.setWordWrap(True)
        where = QLabel(f"<small>{self.path.name}</small>")
        where.setToolTip(str(self.path))
        self.passphrase = PassphraseInput(new=False, confirm=False)
        self.passphrase.submitted.connect(self._on_unlock_clicked)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setVisible(False)
        self.busy.setAccessibleName(self.tr("Opening your journal"))
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setAccessibleName(self.tr("Problem"))
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.restore_button = QPushButton(self.tr("Restore my latest backup"))
        self.restore_button.setVisible(False)
        self.restore_button.setAccessibleName(self.tr("Restore my latest backup"))
        self.restore_button.clicked.connect(self._on_restore_clicked)
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.setDefault(True)
        self.unlock_button.setAccessibleName(self.tr("Unlock"))
        self.unlock_button.clicked.connect(self._on_unlock_clicked)
        self.forgot_button = QPushButton(self.tr("Forgot passphrase? Use recovery code"))
        self.forgot_button.setFlat(True)
        self.forgot_button.setAccessibleName(self.tr("Use recovery code"))
        self.forgot_button.clicked.connect(self._on_forgot_clicked)
        other = QPushButton(self.tr("Open another journal…"))
        other.setFlat(True)
        other.clicked.connect(self.open_other)
        new = QPushButton(self.tr("Create new journal…"))
        new.setFlat(True)
        new.clicked.connect(self.create_new)
        buttons = QHBoxLayout()
        buttons.addWidget(self.forgot_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        more = QHBoxLayout()
        more.addWidget(other)
        more.addWidget(new)
        more.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(title)
        layout.addWidget(where)
        layout.addWidget(self.passphrase)
        layout.addWidget(self.busy)
        layout.addWidget(self.error)
        layout.addWidget(self.restore_button, alignment=Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        layout.addLayout(buttons)
        layout.addLayout(more)
        return page

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        for widget in (
            self.unlock_button,
            self.forgot_button,
            self.passphrase,
            self.restore_button,
            self.recover_button,
        ):
            widget.setEnabled(not busy)
        if busy:
            self.error.clear()

    @Slot()
    def _on_unlock_clicked(self) -> None:
        secret = self.passphrase.text()
        if not secret or self.busy.isVisible():
            return
        self._set_busy(True)
        self._tasks.run(
            lambda: _open(self.path, secret, self._keys, self._backups),
            self._on_opened,
            self._on_failed,
        )

    def _on_opened(self, session: JournalSession) -> None:
        self._set_busy(False)
        self.passphrase.clear()
        self.session = session
        self.unlocked.emit(session)
        self.accept()

    def show_problem(self, error: BaseException) -> None:
        """Show a problem found while the journal was open (damage: with the restore offer)."""
        self._on_failed(error)

    def _on_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        self.restore_button.setVisible(False)
        if not isinstance(error, UserError):
            self.error.setText(
                self.tr(
                    "Something unexpected went wrong while opening the journal. Your journal "
                    "was not changed. Please try again."
                )
            )
            return
        self.error.setText(f"{error.message} {error.hint}".strip())
        if error.kind is ErrorKind.WRONG_PASSPHRASE:
            self.passphrase.field.selectAll()
            self.passphrase.focus_field()
        restorable = error.kind in (
            ErrorKind.JOURNAL_DAMAGED,
            ErrorKind.FILES_MISMATCHED,
            ErrorKind.KEY_FILE_DAMAGED,
        )
        if restorable:  # looking for a backup reads files: on the worker, like everything else
            self._tasks.run(
                lambda: _latest_backup(self.path, self._backups),
                lambda bundle: self.restore_button.setVisible(bundle is not None),
            )

    @Slot()
    def _on_restore_clicked(self) -> None:
        self._set_busy(True)
        self._tasks.run(
            lambda: _restore_latest(self.path, self._backups), self._on_restored, self._on_failed
        )

    def _on_restored(self, _info: object) -> None:
        self._set_busy(False)
        self.restore_button.setVisible(False)
        self.error.setText(
            self.tr(
                "Your latest backup is back in place (the damaged file was kept beside it, "
                "renamed). Enter your passphrase to open it."
            )
        )
        self.passphrase.focus_field()

    # ------------------------------------------------------------ recovery page

    def _recover_page(self) -> QWidget:
        page = QWidget()
        intro = QLabel(
            self.tr(
                "<h2>Use your recovery code</h2><p>Type the code you saved when you created your "
                "journal (8 groups of 4; capitals and dashes don't matter), then choose a new "
                "passphrase. You'll get a new recovery code afterwards.</p>"
            )
        )
        intro.setWordWrap(True)
        self.code_field = QLineEdit()
        self.code_field.setPlaceholderText("ABCD-EFGH-…")
        self.code_field.setAccessibleName(self.tr("Recovery code"))
        # Enter submits from any field of this form (the dialog's default button, Unlock, sits
        # on the hidden first page, so QDialog's own Enter handling does nothing here).
        self.code_field.returnPressed.connect(self._on_recover_entered)
        self.new_passphrase = PassphraseInput(
            new=True, confirm=True, label=self.tr("New passphrase")
        )
        self.new_passphrase.validity_changed.connect(self._on_new_validity)
        self.new_passphrase.submitted.connect(self._on_recover_entered)
        self.recover_error = QLabel()
        self.recover_error.setWordWrap(True)
        self.recover_error.setAccessibleName(self.tr("Problem"))
        back = QPushButton(self.tr("Back"))
        back.clicked.connect(lambda: self.pages.setCurrentIndex(0))
        self.recover_button = QPushButton(self.tr("Open with recovery code"))
        self.recover_button.setEnabled(False)
        self.recover_button.setAccessibleName(self.tr("Open with recovery code"))
        self.recover_button.clicked.connect(self._on_recover_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(back)
        buttons.addStretch(1)
        buttons.addWidget(self.recover_button)
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addWidget(QLabel(self.tr("Recovery code")))
        layout.addWidget(self.code_field)
        layout.addWidget(self.new_passphrase)
        layout.addWidget(self.recover_error)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    @Slot()
    def _on_forgot_clicked(self) -> None:
        self.pages.setCurrentIndex(1)
        self.code_field.setFocus()

    @Slot(bool)
    def _on_new_validity(self, valid: bool) -> None:
        self.recover_button.setEnabled(valid)

    @Slot()
    def _on_recover_entered(self) -> None:
        """Enter in the form: the same as the button, when the button could be pressed."""
        if self.recover_button.isEnabled():
            self._on_recover_clicked()
            return
        fields = (self.code_field, self.new_passphrase.field, self.new_passphrase.confirm_field)
        empty = [f for f in fields if f is not None and not f.text()]
        if empty:  # not finished yet: Enter moves on to what is still missing
            empty[0].setFocus()

    @Slot()
    def _on_recover_clicked(self) -> None:
        code, chosen = self.code_field.text(), self.new_passphrase.text()
        try:
            validate_recovery_code(code)
        except UserError as error:
            self.recover_error.setText(error.message)
            return
        self.recover_button.setEnabled(False)
        self.recover_error.setText(self.tr("Opening…"))
        from recovery_journal.services.access import recover_journal

        self._tasks.run(
            lambda: recover_journal(self.path, code, chosen, self._keys, self._backups),
            self._on_recovered,
            self._on_recover_failed,
        )

    def _on_recover_failed(self, error: BaseException) -> None:
        self.recover_button.setEnabled(self.new_passphrase.valid)
        self.recover_error.setText(
            error.message
            if isinstance(error, UserError)
            else self.tr("Something unexpected went wrong. Your journal was not changed.")
        )

    def _on_recovered(self, result: tuple[JournalSession, str]) -> None:
        self.session, new_code = result
        self.code_field.clear()
        self.new_passphrase.clear()
        panel = RecoveryCodePanel(new_code)
        panel.confirmed.connect(self._on_new_code_confirmed)
        self.recovery_panel = panel
        self.pages.addWidget(panel)
        self.pages.setCurrentWidget(panel)
        panel.check_field.setFocus()

    @Slot()
    def _on_new_code_confirmed(self) -> None:
        self.unlocked.emit(self.session)
        self.accept()
