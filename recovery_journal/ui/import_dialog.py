"""File ▸ Import…: bring in another journaling app's history, step by step.

Choose a file → it is read whole in the background and the detected format and a preview are shown
(or a kind refusal with the importer's own hint; nothing is written) → for an encrypted jrnl
journal, its jrnl password first → for a Daylio CSV, what each mood word means → Import: written
in the background in one transaction after a backup, with a progress bar and Cancel (which leaves
the journal exactly as it was) → a summary. The work itself: :mod:`recovery_journal.ui.import_work`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from recovery_journal.errors import ErrorKind, UserError
from recovery_journal.services.importing import ImportCancelled, ImportSummary
from recovery_journal.ui.context import UiContext
from recovery_journal.ui.import_preview import ImportPreview
from recovery_journal.ui.import_work import PasswordNeeded, Prepared, prepare, run_import
from recovery_journal.ui.messages import user_message
from recovery_journal.ui.tasks import Cancelled, Progress

UNCHANGED = "Nothing was imported; your journal is as it was."


def _label(text: str = "", name: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)  # mood words from the file stay text
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if name:
        label.setAccessibleName(name)
    return label


def _button(text: str, name: str) -> QPushButton:
    button = QPushButton(text)
    button.setAccessibleName(name)
    return button


def _page(*widgets: QWidget) -> QWidget:
    page = QWidget()
    column = QVBoxLayout(page)
    column.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        column.addWidget(widget)
    column.addStretch(1)
    return page


class ImportDialog(QDialog):
    """The import, one step at a time. ``imported`` carries the summary after a real import."""

    imported = Signal(object)
    journal_requested = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.prepared: Prepared | None = None
        self.preview: ImportPreview | None = None
        self.summary: ImportSummary | None = None
        self._path: Path | None = None
        self._progress: Progress | None = None
        self.setWindowTitle(self.tr("Import"))
        self.setAccessibleName(self.tr("Import from another app"))
        self.resize(600, 480)
        self.steps = QStackedWidget()
        self.choose_page = self._build_choose()
        self.reading_page = self._build_reading()
        self.password_page = self._build_password()
        self.preview_page = self._build_preview()
        self.running_page = self._build_running()
        self.done_page = self._build_done()
        for page in (
            self.choose_page,
            self.reading_page,
            self.password_page,
            self.preview_page,
            self.running_page,
            self.done_page,
        ):
            self.steps.addWidget(page)
        self.close_button = _button(self.tr("Close"), self.tr("Close the import window"))
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        # One row of buttons; each step shows its own (Enter presses the step's main one).
        self._step_buttons: dict[QWidget, tuple[QPushButton, ...]] = {
            self.choose_page: (self.choose_button,),
            self.reading_page: (),
            self.password_page: (self.open_button,),
            self.preview_page: (self.another_button, self.import_button),
            self.running_page: (self.cancel_button,),
            self.done_page: (self.show_button,),
        }
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (
            self.another_button,
            self.choose_button,
            self.open_button,
            self.import_button,
            self.show_button,
            self.cancel_button,
        ):
            buttons.addWidget(button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.steps, 1)
        layout.addLayout(buttons)
        self._go(self.choose_page)

    # ------------------------------------------------------------ the steps

    def _build_choose(self) -> QWidget:
        intro = _label(
            self.tr(
                "<b>Bring your history with you.</b><br>Choose a file from Daylio (CSV export "
                "or .daylio backup), jrnl (the journal file, encrypted or not, or its JSON "
                "export), Day One (JSON export) or a Recovery Journal export. You will see what "
                "it holds before anything is added, and a backup is made first."
            )
        )
        intro.setTextFormat(Qt.TextFormat.RichText)
        self.refusal = _label(name=self.tr("Why the file can't be imported"))
        self.refusal.hide()
        self.choose_button = _button(self.tr("Choose a file…"), self.tr("Choose a file to import"))
        self.choose_button.clicked.connect(self._on_choose_button_clicked)
        return _page(intro, self.refusal)

    def _build_reading(self) -> QWidget:
        self.reading_label = _label(self.tr("Reading the file…"))
        busy = QProgressBar()
        busy.setRange(0, 0)
        busy.setAccessibleName(self.tr("Reading the file"))
        return _page(self.reading_label, busy)

    def _build_password(self) -> QWidget:
        ask = _label(
            self.tr(
                "This jrnl journal is encrypted. Enter the password you use with jrnl to open "
                "it. The password is used only now and never kept."
            )
        )
        self.password_field = QLineEdit()
        self.password_field.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_field.setAccessibleName(self.tr("jrnl password"))
        self.password_message = _label(name=self.tr("Password message"))
        self.password_message.hide()
        self.open_button = _button(self.tr("Open"), self.tr("Open the jrnl journal"))
        self.open_button.clicked.connect(self._on_open_button_clicked)
        return _page(ask, self.password_field, self.password_message)

    def _build_preview(self) -> QWidget:
        self.preview_area = QScrollArea()
        self.preview_area.setWidgetResizable(True)
        self.preview_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.another_button = _button(
            self.tr("Choose another file…"), self.tr("Choose another file to import")
        )
        self.another_button.clicked.connect(self._on_choose_button_clicked)
        self.import_button = _button(self.tr("Import"), self.tr("Import these entries"))
        self.import_button.clicked.connect(self._on_import_button_clicked)
        return self.preview_area

    def _build_running(self) -> QWidget:
        self.running_label = _label(
            self.tr(
                "Importing… Your journal stays exactly as it was until everything is in; "
                "Cancel stops it with nothing added."
            )
        )
        self.progress_bar = QProgressBar()
        self.progress_bar.setAccessibleName(self.tr("Import progress"))
        self.cancel_button = _button(self.tr("Cancel"), self.tr("Cancel the import"))
        self.cancel_button.clicked.connect(self.cancel_import)
        return _page(self.running_label, self.progress_bar)

    def _build_done(self) -> QWidget:
        self.result_label = _label(name=self.tr("Import summary"))
        self.show_button = _button(self.tr("Show in Journal"), self.tr("Show in the Journal"))
        self.show_button.clicked.connect(self._on_show_button_clicked)
        return _page(self.result_label)

    def _go(self, page: QWidget) -> None:
        """Show one step and its buttons; Enter presses its last one (Open, Import…), never
        Close, which is hidden while an import runs (Cancel or Esc stop it instead)."""
        self.steps.setCurrentWidget(page)
        mine = self._step_buttons[page]
        for row in self._step_buttons.values():
            for button in row:
                button.setVisible(button in mine)
                button.setDefault(False)
        if mine:
            mine[-1].setDefault(mine[-1] is not self.cancel_button)
        self.close_button.setVisible(page is not self.running_page)

    @property
    def running(self) -> bool:
        return self._progress is not None

    # ------------------------------------------------------------ choose and read

    @Slot()
    def _on_choose_button_clicked(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a file to import"), "", self.tr("All files (*)")
        )
        if name:
            self.read_file(Path(name))

    def read_file(self, path: Path, password: str | None = None) -> None:
        """Read ``path`` in the background and show its preview (or why it can't be)."""
        self._path, session = path, self.ctx.session
        self.reading_label.setText(self.tr("Reading {name}…").format(name=path.name))
        self._go(self.reading_page)
        self.ctx.tasks.run(
            lambda: prepare(session, path, password), self._on_prepared, self._on_prepare_failed
        )

    def _on_prepared(self, prepared: Prepared) -> None:
        self.password_field.clear()
        self.prepared = prepared
        self.preview = ImportPreview(prepared)
        self.preview_area.setWidget(self.preview)
        self.import_button.setEnabled(not self.preview.nothing_new)
        self._go(self.preview_page)

    def _on_prepare_failed(self, error: BaseException) -> None:
        if isinstance(error, PasswordNeeded):
            self.password_message.hide()
            self._go(self.password_page)
            self.password_field.setFocus()
        elif isinstance(error, UserError) and error.kind is ErrorKind.WRONG_PASSPHRASE:
            self.password_field.clear()
            self.password_message.setText(
                self.tr("That password does not open this jrnl journal. Please try again.")
            )
            self.password_message.show()
            self._go(self.password_page)
            self.password_field.setFocus()
        else:
            self.refuse(error)

    def refuse(self, error: BaseException) -> None:
        """Back to the first step, saying kindly why the file can't be imported."""
        self.password_field.clear()
        if isinstance(error, UserError):
            why = user_message(error)
        else:
            self.ctx.report(error)
            why = self.tr("Something went wrong while reading it.")
        self.refusal.setText(
            self.tr("This file can't be imported.") + f"\n\n{why}\n\n" + self.tr(UNCHANGED)
        )
        self.refusal.show()
        self.choose_button.setText(self.tr("Choose another file…"))
        self._go(self.choose_page)

    @Slot()
    def _on_open_button_clicked(self) -> None:
        password = self.password_field.text()
        if self._path is not None and password:
            self.read_file(self._path, password)

    # ------------------------------------------------------------ import

    @Slot()
    def _on_import_button_clicked(self) -> None:
        prepared, preview = self.prepared, self.preview
        if prepared is None or preview is None or preview.nothing_new:
            return
        session, mood_map = self.ctx.session, preview.mood_map()
        self.progress_bar.setRange(0, 0)
        self.cancel_button.setEnabled(True)
        self._go(self.running_page)
        self._progress = self.ctx.tasks.run_with_progress(
            lambda progress: run_import(session, prepared, mood_map, progress),
            self._on_imported,
            self._on_import_failed,
            self._on_step,
        )

    def _on_step(self, done: int, total: int) -> None:
        self.progress_bar.setRange(0, total)
        self.progress_bar.setValue(done)

    @Slot()
    def cancel_import(self) -> None:
        """Ask the running import to stop; it rolls back, and the dialog says so."""
        if self._progress is not None:
            self._progress.cancel()
            self.cancel_button.setEnabled(False)
            self.running_label.setText(self.tr("Cancelling…"))

    def _on_imported(self, summary: ImportSummary) -> None:
        self._progress = None
        self.summary = summary
        self.result_label.setText(self._summary_text(summary))
        self._go(self.done_page)
        self.show_button.setVisible(summary.added > 0)
        self.imported.emit(summary)

    def _on_import_failed(self, error: BaseException) -> None:
        self._progress = None
        if isinstance(error, ImportCancelled | Cancelled):
            text = self.tr("The import was cancelled.")
        elif isinstance(error, UserError):
            text = self.tr("The import could not finish.") + "\n\n" + user_message(error)
        else:
            self.ctx.report(error)
            text = self.tr("Something went wrong during the import.")
        self.result_label.setText(f"{text}\n\n{self.tr(UNCHANGED)}")
        self._go(self.done_page)
        self.show_button.hide()

    def _summary_text(self, summary: ImportSummary) -> str:
        name = self.prepared.format_name if self.prepared else summary.format
        added = summary.added
        lines = [
            self.tr("Imported 1 entry from {format}.").format(format=name)
            if added == 1
            else self.tr("Imported {n} entries from {format}.").format(n=added, format=name)
        ]
        others = sum(v for k, v in summary.records.items() if k != "entries")
        if others:
            lines.append(self.tr("With them, {n} other records.").format(n=others))
        if summary.already_there:
            lines.append(
                self.tr("{n} were already in your journal and were skipped.").format(
                    n=summary.already_there
                )
            )
        lines += [
            self.tr("Left out: {count} — {reason}.").format(count=c.count, reason=c.reason)
            for c in summary.skipped
        ]
        if summary.unmapped_mood_words:
            words = ", ".join(f"“{w}”" for w in summary.unmapped_mood_words)
            lines.append(self.tr("Mood words kept without a number: {words}.").format(words=words))
        if summary.backup is not None:
            lines.append(self.tr("A backup of your journal was made first."))
        return "\n".join(lines)

    @Slot()
    def _on_show_button_clicked(self) -> None:
        self.journal_requested.emit()
        self.accept()

    def reject(self) -> None:
        """Esc or Close: during an import, a cancel request (the dialog stays to say so)."""
        if self.running:
            self.cancel_import()
            return
        super().reject()
