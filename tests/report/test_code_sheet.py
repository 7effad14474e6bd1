"""The recovery-code sheet prints through the shared engine: one page, the code whole."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from pytestqt.qtbot import QtBot

from recovery_journal.report.code_sheet import code_sheet_document
from recovery_journal.report.engine import pdf_writer
from recovery_journal.ui.recovery_code import RecoveryCodePanel
from tests.report.conftest import pdf_pages

CODE = "ABCD-EFGH-JKLM-NPQR-STUV-WXYZ-2345-6789"


def test_the_sheet_is_one_page_with_the_whole_code(qtbot: QtBot) -> None:
    document = code_sheet_document(CODE)
    [text] = pdf_pages(document.pdf())
    assert document.page_count == 1
    # (pypdf may put a space inside the wide monospaced groups: compare without spaces)
    assert CODE in "".join(text.split())
    assert "Nobody else can reset it" in text


def test_the_panel_prints_the_sheet(qtbot: QtBot) -> None:
    panel = RecoveryCodePanel(CODE)
    qtbot.addWidget(panel)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = pdf_writer(buffer, "test")
    panel.print_to(writer)
    del writer
    buffer.close()
    [text] = pdf_pages(bytes(data.data()))
    assert CODE in "".join(text.split())
