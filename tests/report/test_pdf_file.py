"""Writing the summary: the optional AES-256 password, atomic and private, only where chosen."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.errors import FileNotDecryptedError
from pypdf.generic import DictionaryObject
from pytestqt.qtbot import QtBot

from recovery_journal.domain.report import Preset, ReportOptions
from recovery_journal.report import words
from recovery_journal.report.pdf import save_pdf
from recovery_journal.report.summary import summary_document
from recovery_journal.services import report as report_service
from recovery_journal.services.session import JournalSession
from tests.report.conftest import END, pdf_file_pages
from tests.report.test_summary_pdf import JUNE

PASSWORD = "a long shared secret"


@pytest.fixture(scope="module")
def brief_pdf(demo: JournalSession) -> bytes:
    options = ReportOptions(JUNE, Preset.BRIEF)
    return summary_document(report_service.gather(demo, options, END)).pdf()


def test_a_password_protected_summary_needs_its_password(
    qtbot: QtBot, brief_pdf: bytes, tmp_path: Path
) -> None:
    written = save_pdf(tmp_path / "summary", brief_pdf, PASSWORD)
    assert written == tmp_path / "summary.pdf"
    reader = PdfReader(written)
    assert reader.is_encrypted
    with pytest.raises(FileNotDecryptedError):
        reader.pages[0].extract_text()
    assert PdfReader(written).decrypt("not the password") == 0
    [text] = pdf_file_pages(written, PASSWORD)
    assert words.DISCLAIMER in text
    assert words.DISCLAIMER.encode() not in written.read_bytes()


def test_the_encryption_is_aes_256(qtbot: QtBot, brief_pdf: bytes, tmp_path: Path) -> None:
    written = save_pdf(tmp_path / "summary.pdf", brief_pdf, PASSWORD)
    encrypt = PdfReader(written).trailer["/Encrypt"].get_object()
    assert isinstance(encrypt, DictionaryObject)
    assert int(str(encrypt["/V"])) == 5 and int(str(encrypt["/R"])) == 6  # AES-256 (PDF 2.0)
    filters = encrypt["/CF"]
    assert isinstance(filters, DictionaryObject)
    standard = filters["/StdCF"]
    assert isinstance(standard, DictionaryObject)
    assert str(standard["/CFM"]) == "/AESV3"


def test_without_a_password_it_opens_and_is_private(
    qtbot: QtBot, brief_pdf: bytes, tmp_path: Path
) -> None:
    written = save_pdf(tmp_path / "summary.pdf", brief_pdf)
    assert not PdfReader(written).is_encrypted
    assert written.stat().st_mode & 0o777 == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["summary.pdf"]  # no temp file left


def test_nothing_goes_through_the_system_temp_folder(
    qtbot: QtBot, brief_pdf: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    system_temp = tmp_path / "system-temp"
    system_temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(system_temp))
    chosen = tmp_path / "chosen"
    chosen.mkdir()
    save_pdf(chosen / "summary.pdf", brief_pdf, PASSWORD)
    assert list(system_temp.iterdir()) == []
    assert [p.name for p in chosen.iterdir()] == ["summary.pdf"]


def test_a_folder_that_is_gone_is_a_kind_error(
    qtbot: QtBot, brief_pdf: bytes, tmp_path: Path
) -> None:
    from recovery_journal.errors import UserError

    with pytest.raises(UserError) as raised:
        save_pdf(tmp_path / "unplugged" / "summary.pdf", brief_pdf, PASSWORD)
    assert "could not be saved" in raised.value.message
    assert list(tmp_path.iterdir()) == []
