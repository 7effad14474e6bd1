"""The summary's preview: its pages painted into images by the very layout that writes the PDF.

Built off the UI thread (a laid-out document is made, painted page by page into plain images and
dropped there); the images travel to the UI thread. The same model given to
:func:`~recovery_journal.report.summary.summary_document` lays out the same pages, so the saved
PDF is what the preview showed.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QImage

from recovery_journal.domain.report import SummaryData
from recovery_journal.report.glyphs import missing_characters
from recovery_journal.report.summary import summary_document


@dataclass(frozen=True)
class Preview:
    """The pages as images, and the characters no installed font can draw."""

    data: SummaryData
    pages: tuple[QImage, ...]
    missing: tuple[str, ...]


def _texts(data: SummaryData) -> list[str]:
    texts = [data.options.display_name, *data.options.talk_about]
    texts += [ref.title for ref in data.flagged]
    texts += [t for x in data.excerpts for t in (x.title, x.body)]
    return texts


def render_preview(data: SummaryData, width: int) -> Preview:
    document = summary_document(data)
    pages = tuple(document.image(i, width) for i in range(document.page_count))
    return Preview(data, pages, tuple(missing_characters(_texts(data))))
