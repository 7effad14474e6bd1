"""First run: a short welcome, choosing a passphrase, and keeping the recovery code.

Three calm steps in one window. The journal is created off the UI thread (Argon2id takes a moment)
with a busy indicator; the person must confirm they kept the recovery code before going on.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recovery_journal.errors import UserError
from recovery_journal.services.options import BackupSettings, KeySettings
from recovery_journal.ui.fitting_stack import FittingStack
from recovery_journal.ui.passphrase_input import PassphraseInput
from recovery_journal.ui.recovery_code import RecoveryCodePanel
from recovery_journal.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from recovery_journal.services.session import JournalSession

WELCOME = (
    "<h1>Welcome</h1>"
    "<p>This is your private journal. A place to check in, write, and keep track of what helps."
    "</p>"
    "<p><b>What stays private, and how:</b></p><ul>"
    "<li>Everything is <b>encrypted on this computer</b>, in one file only you can open.</li>"
    "<li>There is <b>no account and no internet</b>: nothing is ever sent anywhere.</li>"
    "<li>Your passphrase is the key. <b>Nobody can reset it</b> — not us, not anyone. You'll get a "
    "recovery code in case you forget it.</li></ul>"
    "<p>This app is a companion, not a clinician. If you are in danger right now, please call "
    "your local emergency number or a crisis line.</p>"
)


class FirstRunDialog(QDialog):
    """Welcome → passphrase → recovery code. Emits ``created`` with the unlocked session."""

    created = Signal(object)

    def __init__(
        self,
        path: Path,
        tasks: TaskRunner,
        key_settings: KeySettings = KeySettings(),
        backups: BackupSettings = BackupSettings(),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Recovery Journal — welcome"))
        self.setMinimumSize(560, 520)
        self.path, self._tasks = path, tasks
        self._keys, self._backups = key_settings, backups
        self.session: JournalSession | None = None
        self.pages = FittingStack()
        self.pages.addWidget(self._welcome_page())
        self.pages.addWidget(self._passphrase_page())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.addWidget(self.pages)
        self.recovery_panel: RecoveryCodePanel | None = None

    # ------------------------------------------------------------ pages

    def _welcome_page(self) -> QWidget:
        page = QWidget()
        text = QLabel(self.tr(WELCOME))
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.RichText)
        self.welcome_label = text
        where = QLabel(
            self.tr("Your journal will be kept at:<br><small>{path}</small>").format(
                path=str(self.path)
            )
        )
        where.setWordWrap(True)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.start_button = QPushButton(self.tr("Set up my journal"))
        self.start_button.setDefault(True)
        self.start_button.setAccessibleName(self.tr("Set up my journal"))
        self.start_button.clicked.connect(self._on_start_clicked)
        layout = QVBoxLayout(page)
        layout.addWidget(text)
        layout.addStretch(1)
        layout.addWidget(where)
        layout.addWidget(self.start_button, alignment=Qt.AlignmentFlag.AlignRight)
        return page

    def _passphrase_page(self) -> QWidget:
        page = QWidget()
        intro = QLabel(
            self.tr(
                "<h2>Choose a passphrase</h2><p>A few ordinary words that mean something only "
                "to you work well — longer is stronger. You'll type it each time you open your "
                "journal.</p>"
            )
        )
        intro.setWordWrap(True)
        self.passphrase = PassphraseInput(new=True, confirm=True)
        self.passphrase.validity_changed.connect(self._on_validity_changed)
        self.passphrase.submitted.connect(self._on_create_clicked)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setVisible(False)
        self.busy.setAccessibleName(self.tr("Creating your journal"))
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setAccessibleName(self.tr("Problem"))
        self.back_button = QPushButton(self.tr("Back"))
        self.back_button.clicked.connect(lambda: self.pages.setCurrentIndex(0))
        self.create_button = QPushButton(self.tr("Create my journal"))
        self.create_button.setEnabled(False)
        self.create_button.setAccessibleName(self.tr("Create my journal"))
        self.create_button.clicked.connect(self._on_create_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.create_button)
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addWidget(self.passphrase)
        layout.addWidget(self.busy)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    # ------------------------------------------------------------ flow

    @Slot()
    def _on_start_clicked(self) -> None:
        self.pages.setCurrentIndex(1)
        self.passphrase.focus_field()

    @Slot(bool)
    def _on_validity_changed(self, valid: bool) -> None:
        self.create_button.setEnabled(valid)

    @Slot()
    def _on_create_clicked(self) -> None:
        if not self.passphrase.valid or self.busy.isVisible():
            return
        chosen = self.passphrase.text()
        self._set_busy(True)
        self._tasks.run(
            lambda: self._create(chosen),
            self._on_created,
            self._on_failed,
        )

    def _create(self, passphrase: str) -> tuple[JournalSession, str]:
        """Make the journal and give it the default coping toolbox (editable, never forced).
        Runs on the worker, which also pays for importing the database stack."""
        from recovery_journal.services.access import create_journal
        from recovery_journal.services.library import seed_default_library

        session, code = create_journal(self.path, passphrase, self._keys, self._backups)
        seed_default_library(session)
        return session, code

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.create_button.setEnabled(not busy and self.passphrase.valid)
        self.back_button.setEnabled(not busy)
        self.passphrase.setEnabled(not busy)
        self.error.clear()

    def _on_created(self, result: tuple[JournalSession, str]) -> None:
        self.session, code = result
        self.passphrase.clear()
        self.recovery_panel = RecoveryCodePanel(code)
        self.recovery_panel.confirmed.connect(self._on_code_confirmed)
        self.pages.addWidget(self.recovery_panel)
        self.pages.setCurrentWidget(self.recovery_panel)
        self.recovery_panel.check_field.setFocus()

    def _on_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        self.error.setText(
            error.message
            if isinstance(error, UserError)
            else self.tr(
                "Something went wrong while creating the journal. Nothing was kept; please try "
                "again."
            )
        )

    @Slot()
    def _on_code_confirmed(self) -> None:
        self.created.emit(self.session)
        self.accept()

    def reject(self) -> None:
        """Closing before the code is confirmed still keeps the (created) journal open."""
        if self.session is not None:
            self.created.emit(self.session)
            self.accept()
            return
        super().reject()
