"""The safety plan as one printable page: simple HTML, laid out by Qt, shrunk until it fits.

:func:`safety_plan_html` is pure (testable without a printer) and escapes every piece of the
person's text. :func:`fitted_document` lays that HTML out for a printer or PDF writer at the
largest comfortable text size that still fits on a single page; :func:`safety_plan_pdf` renders it
to PDF bytes so the caller can write them atomically (0600) off the UI thread.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from datetime import date

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QSizeF
from PySide6.QtGui import (
    QFont,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextDocument,
)

from recovery_journal.domain.support import SafetyPlanItem, SafetyStep, SupportContact
from recovery_journal.ui import words

CONTACT_STEPS = (SafetyStep.DISTRACTION, SafetyStep.ASK_FOR_HELP, SafetyStep.PROFESSIONALS)
EMERGENCY = "If you are in immediate danger, call your local emergency number now."
FONT_SIZES = (11.0, 10.0, 9.0, 8.0, 7.0, 6.0)
MARGIN_MM = 14.0
MAX_ZOOM_STEPS = 12


def _text(value: str) -> str:
    return html.escape(value).replace("\n", "<br>")


def contacts_by_step(
    contacts: Sequence[SupportContact],
) -> dict[SafetyStep, list[SupportContact]]:
    """Active contacts grouped under the safety-plan step they were given (others left out)."""
    grouped: dict[SafetyStep, list[SupportContact]] = {step: [] for step in SafetyStep}
    for contact in contacts:
        if contact.safety_step is not None and contact.archived_utc is None:
            grouped[contact.safety_step].append(contact)
    return grouped


def safety_plan_html(
    plan: Mapping[SafetyStep, Sequence[SafetyPlanItem]],
    contacts: Sequence[SupportContact],
    *,
    printed_on: date | None = None,
) -> str:
    """The whole plan as simple HTML for QTextDocument: seven numbered steps, lines, contacts."""
    grouped = contacts_by_step(contacts)
    parts = ["<h2>My safety plan</h2>"]
    if printed_on is not None:
        parts.append(f"<p><small>Printed {printed_on.isoformat()}</small></p>")
    for number, step in enumerate(SafetyStep, start=1):
        parts.append(f"<h4>{number}. {html.escape(words.label(step))}</h4>")
        lines = [f"<li>{_text(item.text)}</li>" for item in plan.get(step, ())]
        for contact in grouped[step]:
            reach = f" — {_text(contact.reach)}" if contact.reach else ""
            lines.append(f"<li><b>{_text(contact.name)}</b>{reach}</li>")
        if lines:
            parts.append("<ul>" + "".join(lines) + "</ul>")
        else:
            parts.append("<p>_______________________________________________</p>")
    parts.append(f"<p><b>{html.escape(EMERGENCY)}</b></p>")
    return "\n".join(parts)


def set_page(device: QPagedPaintDevice) -> None:
    """A4 portrait with quiet margins (printers may override the size with their own)."""
    device.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )


def _document(source: str, device: QPagedPaintDevice, size: float, page: QSizeF) -> QTextDocument:
    document = QTextDocument()
    document.documentLayout().setPaintDevice(device)
    font = QFont()
    font.setPointSizeF(size)
    document.setDefaultFont(font)
    document.setHtml(source)
    document.setPageSize(page)
    return document


def fitted_document(source: str, device: QPagedPaintDevice) -> QTextDocument:
    """``source`` laid out for ``device`` at the largest text size that fits on one page.

    A very long plan that does not fit even at the smallest size is laid out on a larger virtual
    page of the same shape, which printing then scales down evenly onto the one real page.
    """
    page = QSizeF(device.pageLayout().paintRectPixels(device.logicalDpiX()).size())
    for size in FONT_SIZES:
        document = _document(source, device, size, page)
        if document.pageCount() <= 1:
            return document
    for _ in range(MAX_ZOOM_STEPS):
        page *= 1.25
        document = _document(source, device, FONT_SIZES[-1], page)
        if document.pageCount() <= 1:
            break
    return document


def print_plan(source: str, device: QPagedPaintDevice) -> None:
    """Print ``source`` on one page of ``device`` (a QPrinter or QPdfWriter)."""
    fitted_document(source, device).print_(device)


def safety_plan_pdf(source: str) -> bytes:
    """``source`` rendered to a one-page PDF, as bytes."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle("My safety plan")
    writer.setCreator("Recovery Journal")
    set_page(writer)
    print_plan(source, writer)
    del writer  # finishes the PDF into the buffer
    buffer.close()
    return bytes(data.data())
