"""The command line's ``report``: the therapist summary written to a PDF, without a window.

Imported only by that command (Qt stays out of every other command): it starts Qt's offscreen
platform, gathers the model through the journal's session, lays it out with the same engine as the
app's preview and writes it with :func:`~recovery_journal.report.pdf.save_pdf`.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from recovery_journal.domain.report import ReportOptions
from recovery_journal.services import report as report_service

if TYPE_CHECKING:
    from recovery_journal.services.session import JournalSession


def _qt_app() -> object:
    """A GUI application for fonts and painting, on the offscreen platform (no display)."""
    from PySide6.QtGui import QGuiApplication

    existing = QGuiApplication.instance()
    if existing is not None:
        return existing
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    return QGuiApplication(["recovery-journal"])


def write_summary(
    session: JournalSession,
    options: ReportOptions,
    output: Path,
    password: str | None,
    today: date,
) -> tuple[Path, int]:
    """Write the summary; returns the path written and its number of pages."""
    app = _qt_app()
    from recovery_journal.report.pdf import save_pdf
    from recovery_journal.report.summary import summary_document

    data = report_service.gather(session, options, today)
    document = summary_document(data)
    written = save_pdf(output, document.pdf(), password, "the summary")
    report_service.remember_summary(session, options.period)
    del app
    return written, document.page_count
