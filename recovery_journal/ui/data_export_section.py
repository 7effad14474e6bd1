"""The Export page's "Export your data": everything as JSON, entries or daily numbers as CSV,
entries as Markdown — open formats that are NOT encrypted, which the section says plainly.

Each button asks where to save (the save dialog asks before replacing a file); the file is made
and written off the UI thread, atomically with 0600 permissions, and never over a journal's own
files or into a backups folder (:func:`recovery_journal.services.files.write_private_file` refuses
those, as for the PDF). Cancel stops it before anything is written; a failure is said kindly.
Formats and columns: docs/EXPORT-FORMAT.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recovery_journal.domain.clock import local_today
from recovery_journal.errors import UserError
from recovery_journal.interop import export_csv, export_markdown
from recovery_journal.services import data_export
from recovery_journal.services.export import dumps, export_document
from recovery_journal.services.files import write_private_file
from recovery_journal.services.session import JournalSession
from recovery_journal.ui.context import UiContext
from recovery_journal.ui.messages import user_message
from recovery_journal.ui.tasks import Cancelled, Progress


@dataclass(frozen=True, slots=True)
class ExportKind:
    """One open export: its button, the save dialog's filter and the suggested file name."""

    key: str
    button: str
    accessible: str
    filter: str
    suffix: str
    stem: str


KINDS = (
    ExportKind(
        "json",
        "Everything (JSON)…",
        "Export everything as JSON",
        "JSON (*.json)",
        ".json",
        "recovery-journal",
    ),
    ExportKind(
        "csv",
        "Entries (CSV)…",
        "Export the entries as CSV",
        "CSV (*.csv)",
        ".csv",
        "recovery-journal-entries",
    ),
    ExportKind(
        "daily-csv",
        "Daily numbers (CSV)…",
        "Export the daily numbers as CSV",
        "CSV (*.csv)",
        ".csv",
        "recovery-journal-daily",
    ),
    ExportKind(
        "markdown",
        "Entries (Markdown)…",
        "Export the entries as Markdown",
        "Markdown (*.md)",
        ".md",
        "recovery-journal-entries",
    ),
)


def with_suffix(path: Path, suffix: str) -> Path:
    """``path`` with ``suffix`` added when it has none of its own (``notes`` → ``notes.csv``)."""
    return path if path.suffix else path.with_name(path.name + suffix)


def write_export(session: JournalSession, key: str, path: Path, progress: Progress) -> int:
    """Make one open export and write it to ``path`` (run off the UI thread); returns how many
    entries (or, for the daily CSV, days) it holds. A cancel request before the write leaves
    nothing written."""
    progress.step(0, 3)
    if key == "json":
        document = export_document(session)
        count = len(document["entries"])
        progress.step(1, 3)
        data = dumps(document).encode("utf-8")
    elif key == "daily-csv":
        days = data_export.daily_rows(session)
        count = len(days)
        progress.step(1, 3)
        data = export_csv.daily_csv(days)
    else:
        entries = data_export.entry_documents(session, live_only=True)
        count = len(entries)
        progress.step(1, 3)
        make = export_csv.entries_csv if key == "csv" else export_markdown.markdown_file
        data = make(entries)
    progress.step(2, 3)  # the last moment Cancel can stop it: nothing is written before this
    write_private_file(path, data, "the export", journal=session.path)
    progress.step(3, 3)
    return count


class DataExportSection(QGroupBox):
    """Four buttons, a plain warning that the files are not encrypted, progress and Cancel."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Export your data"), parent)
        self.ctx = ctx
        self._progress: Progress | None = None
        self.note = QLabel(
            self.tr(
                "Take everything with you in open formats, for a spreadsheet, another app or "
                "safekeeping. <b>These files are NOT encrypted</b>: anyone who gets one can read "
                "it. Save them only somewhere private, and delete them when you no longer need "
                "them."
            )
        )
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.RichText)
        self.note.setAccessibleName(self.tr("These exports are not encrypted"))
        grid = QGridLayout()
        self.buttons: dict[str, QPushButton] = {}
        for index, kind in enumerate(KINDS):
            button = QPushButton(self.tr(kind.button))
            button.setAccessibleName(self.tr(kind.accessible))
            button.clicked.connect(lambda _=False, k=kind: self._on_export_clicked(k))
            grid.addWidget(button, index // 2, index % 2)
            self.buttons[kind.key] = button
        self.progress_bar = QProgressBar()
        self.progress_bar.setAccessibleName(self.tr("Export progress"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel the export"))
        self.cancel_button.clicked.connect(self.cancel)
        running = QHBoxLayout()
        running.addWidget(self.progress_bar, 1)
        running.addWidget(self.cancel_button)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setAccessibleName(self.tr("Export status"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addLayout(grid)
        layout.addLayout(running)
        layout.addWidget(self.status)
        self._show_running(False)

    @property
    def running(self) -> bool:
        return self._progress is not None

    def _show_running(self, running: bool) -> None:
        self.progress_bar.setVisible(running)
        self.cancel_button.setVisible(running)
        self.cancel_button.setEnabled(running)
        for button in self.buttons.values():
            button.setEnabled(not running)

    def _on_export_clicked(self, kind: ExportKind) -> None:
        suggested = f"{kind.stem}-{local_today().isoformat()}{kind.suffix}"
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr(kind.accessible), suggested, self.tr(kind.filter)
        )
        if name:
            self.export_to(kind.key, with_suffix(Path(name), kind.suffix))

    def export_to(self, key: str, path: Path) -> None:
        """Make the ``key`` export and write it to ``path`` in the background."""
        session = self.ctx.session
        self.progress_bar.setRange(0, 0)
        self.status.setText(self.tr("Exporting…"))
        self._show_running(True)
        self._progress = self.ctx.tasks.run_with_progress(
            lambda progress: (path, write_export(session, key, path, progress)),
            self._on_done,
            self._on_failed,
            self._on_step,
        )

    def _on_step(self, done: int, total: int) -> None:
        self.progress_bar.setRange(0, total)
        self.progress_bar.setValue(done)

    @Slot()
    def cancel(self) -> None:
        """Stop the running export before it writes anything."""
        if self._progress is not None:
            self._progress.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("Cancelling…"))

    def _on_done(self, result: tuple[Path, int]) -> None:
        path, _count = result
        self._progress = None
        self._show_running(False)
        self.status.setText(
            self.tr("Saved to {name}. It is not encrypted: keep it somewhere private.").format(
                name=path.name
            )
        )

    def _on_failed(self, error: BaseException) -> None:
        self._progress = None
        self._show_running(False)
        if isinstance(error, Cancelled):
            self.status.setText(self.tr("Cancelled. Nothing was written."))
        elif isinstance(error, UserError):
            self.status.setText(
                self.tr("The export was not saved.")
                + " "
                + user_message(error).replace("\n\n", " ")
            )
        else:
            self.ctx.report(error)
            self.status.setText(self.tr("Something went wrong; the export was not saved."))
