"""Export: "Summary for my therapist" — choose, see exactly what will leave, then save or print.

The options (period, brief or full, sections, excerpts, display name, what to talk about, an
optional password asked twice) are on the left; the preview on the right is the summary's own
pages (:mod:`recovery_journal.ui.report_preview`). Every change re-reads the journal and lays the
pages out again in the background; "Save PDF…" and "Print…" are offered only for the model the
preview shows, so what is written is what was seen. Below the summary, "Export your data" writes
everything in open formats (:mod:`recovery_journal.ui.data_export_section`).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer, Slot
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from recovery_journal.domain.clock import local_today
from recovery_journal.domain.report import (
    ExcerptMode,
    Period,
    ReportOptions,
    SummaryData,
)
from recovery_journal.errors import UserError
from recovery_journal.report.engine import set_page
from recovery_journal.report.pdf import save_pdf, with_pdf_suffix
from recovery_journal.services import report as report_service
from recovery_journal.ui.context import UiContext
from recovery_journal.ui.data_export_section import DataExportSection
from recovery_journal.ui.flow_layout import ReflowSplitter
from recovery_journal.ui.messages import user_message
from recovery_journal.ui.pages.base import Page
from recovery_journal.ui.report_options import SummaryOptionsForm
from recovery_journal.ui.report_preview import PreviewPane
from recovery_journal.ui.tasks import Progress

if TYPE_CHECKING:
    from recovery_journal.report.preview import Preview

# The summary's layout and figures (and with them matplotlib) are imported when the page first
# builds a preview, not when the main window is made: unlocking stays as quick as before.

PREVIEW_WIDTH = 1000
SETTLE_MS = 350


class ExportPage(Page):
    """The therapist summary: options, a live preview, Save PDF… and Print…."""

    nav_title = "Export"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.preview: Preview | None = None
        self._asked: ReportOptions | None = None
        self._refs_period: Period | None = None
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._refresh)
        self.pane = PreviewPane()
        self.pane.chosen_changed.connect(self._on_pane_chosen_changed)
        options = QWidget()
        column = QVBoxLayout(options)
        column.setContentsMargins(24, 16, 12, 16)
        column.addWidget(QLabel(self.tr("<h2>Summary for my therapist</h2>")))
        intro = QLabel(
            self.tr(
                "A short PDF to share, made only of what you choose here. Nothing is written "
                "until you save it."
            )
        )
        intro.setWordWrap(True)
        column.addWidget(intro)
        self.form = SummaryOptionsForm()
        self.form.changed.connect(self._on_changed)
        column.addWidget(self.form)
        column.addWidget(self._save_group())
        self.data_export = DataExportSection(ctx)
        column.addWidget(self.data_export)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(options)
        scroll.setMinimumWidth(280)
        splitter = ReflowSplitter()  # options above the preview when narrow
        splitter.addWidget(scroll)
        splitter.addWidget(self.pane)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 8, 8)
        layout.addWidget(splitter)
        self._sync_enabled()

    # ------------------------------------------------------------ password, save, print

    def _save_group(self) -> QGroupBox:
        box = QGroupBox(self.tr("Save or print"))
        form = QFormLayout(box)
        self.password, self.password_again = QLineEdit(), QLineEdit()
        for field, name in ((self.password, "Password"), (self.password_again, "Password again")):
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.setPlaceholderText(self.tr("Optional"))
            field.setAccessibleName(self.tr("PDF {what}").format(what=self.tr(name).lower()))
            field.textChanged.connect(self._sync_enabled)
            form.addRow(self.tr(name), field)
        self.privacy_note = QLabel()
        self.privacy_note.setWordWrap(True)
        form.addRow(self.privacy_note)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Save PDF…"))
        self.save_button.setAccessibleName(self.tr("Save the summary as a PDF"))
        self.save_button.clicked.connect(self._on_save_clicked)
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setAccessibleName(self.tr("Print the summary"))
        self.print_button.clicked.connect(self._on_print_clicked)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        form.addRow(buttons)
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Saving progress"))
        self.progress.hide()
        form.addRow(self.progress)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Summary status"))
        form.addRow(self.status)
        return box

    # ------------------------------------------------------------ the options

    def password_choice(self) -> tuple[str | None, str | None]:
        """(the password or None, a problem to show or None)."""
        first, again = self.password.text(), self.password_again.text()
        if not first and not again:
            return None, None
        if first != again:
            return None, self.tr("The two passwords are different.")
        return first, None

    # ------------------------------------------------------------ live preview

    def activated(self) -> None:
        session = self.ctx.session
        self.ctx.tasks.run(
            lambda: report_service.last_summary_end(session), self._show_last_end, self.ctx.report
        )

    def _show_last_end(self, last: date | None) -> None:
        self.form.last_end = last
        self.form.sync()
        self._on_changed()

    @Slot()
    def _on_changed(self) -> None:
        self._sync_enabled()
        self._settle.start()

    @Slot()
    def _on_pane_chosen_changed(self) -> None:
        self.form.chosen = self.pane.chosen()
        self._on_changed()

    def _refresh(self) -> None:
        try:
            options = self.form.options()
        except ValueError:
            return
        self._asked = options
        session, width = self.ctx.session, PREVIEW_WIDTH
        need_refs = options.excerpts is ExcerptMode.CHOSEN and self._refs_period != options.period

        def build() -> tuple[Preview, Any]:
            from recovery_journal.report.preview import render_preview

            refs = report_service.entries_to_choose(session, options.period) if need_refs else None
            data = report_service.gather(session, options, local_today())
            return render_preview(data, width), refs

        self.ctx.tasks.run(build, self._show_preview, self.ctx.report)

    def _show_preview(self, result: tuple[Preview, Any]) -> None:
        preview, refs = result
        if preview.data.options != self._asked:
            return  # an older answer: a newer one is on its way
        self.preview = preview
        if refs is not None:
            self._refs_period = preview.data.period
            self.pane.set_entries(refs, self.form.chosen)
        self.pane.set_pages(preview.pages, preview.missing)
        self._sync_enabled()

    def _sync_enabled(self) -> None:
        self.pane.show_choosing(self.form.choosing)
        password, problem = self.password_choice()
        self.privacy_note.setText(
            self.tr("The PDF will open only with this password. Keep it private all the same.")
            if password
            else self.tr(
                "Without a password, the PDF is <b>not</b> protected by your journal's "
                "encryption: anyone who gets the file can read it. Keep it private."
            )
        )
        ready = self.preview is not None and self._fresh() and problem is None
        self.save_button.setEnabled(ready and not self.progress.isVisible())
        self.print_button.setEnabled(ready)
        mismatch = self.tr("The two passwords are different.")
        if problem:
            self.status.setText(problem)
        elif self.status.text() == mismatch:
            self.status.clear()

    def _fresh(self) -> bool:
        try:
            return self.preview is not None and self.preview.data.options == self.form.options()
        except ValueError:
            return False

    @property
    def shown(self) -> SummaryData | None:
        """The model the preview shows, when it matches the options (else None)."""
        return self.preview.data if self.preview is not None and self._fresh() else None

    # ------------------------------------------------------------ save and print

    @Slot()
    def _on_save_clicked(self) -> None:
        data = self.shown
        password, problem = self.password_choice()
        if data is None or problem is not None:
            return
        suggested = f"summary-for-my-therapist-{data.period.end.isoformat()}.pdf"
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the summary"), suggested, self.tr("PDF (*.pdf)")
        )
        if name:
            self.save_to(with_pdf_suffix(Path(name)), data, password)

    def save_to(self, path: Path, data: SummaryData, password: str | None) -> None:
        """Lay out ``data`` (the previewed model) and write it, off the UI thread."""
        session = self.ctx.session

        def work(progress: Progress) -> tuple[Path, bool]:
            from recovery_journal.report.summary import summary_document

            document = summary_document(data)
            progress.step(1, document.page_count + 2)
            pdf = document.pdf(lambda done, total: progress.step(1 + done, total + 2))
            written = save_pdf(path, pdf, password, "the summary")
            report_service.remember_summary(session, data.period)
            return written, bool(password)

        self.progress.setRange(0, 0)
        self.progress.show()
        self.status.setText(self.tr("Saving…"))
        self._sync_enabled()
        self.ctx.tasks.run_with_progress(work, self._on_saved, self._on_save_failed, self._step)

    def _step(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _on_saved(self, result: tuple[Path, bool]) -> None:
        written, protected = result
        self.progress.hide()
        self.password.clear()  # never kept
        self.password_again.clear()
        self.status.setText(
            self.tr("Saved to {name}. It opens only with your password.").format(name=written.name)
            if protected
            else self.tr("Saved to {name}. Keep it private: it is not encrypted.").format(
                name=written.name
            )
        )
        self.activated()  # "since the last summary" moves on

    def _on_save_failed(self, error: BaseException) -> None:
        self.progress.hide()
        self._sync_enabled()
        if isinstance(error, UserError):
            self.status.setText(user_message(error))
        else:
            self.ctx.report(error)

    @Slot()
    def _on_print_clicked(self) -> None:
        data = self.shown
        if data is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        set_page(printer)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print the summary"))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            from recovery_journal.report.summary import summary_document

            summary_document(data).print_to(printer)
            self.status.setText(self.tr("Sent to the printer."))
            session = self.ctx.session
            self.ctx.tasks.run(
                lambda: report_service.remember_summary(session, data.period),
                lambda _: self.activated(),
                self.ctx.report,
            )
