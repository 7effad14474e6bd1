"""The Export page's therapist summary, used like a person would: choose, look, save, print."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from recovery_journal.domain.clock import local_today
from recovery_journal.domain.entries import CheckIn, Entry
from recovery_journal.domain.report import ExcerptMode, Preset
from recovery_journal.report import words
from recovery_journal.services import report as report_service
from recovery_journal.ui.context import UiContext
from recovery_journal.ui.pages.export import ExportPage
from tests.report.conftest import pdf_file_pages
from tests.ui.conftest import wait_tasks

SECRET = "for Dr Rivera only"
FLAGGED = "QXFLAGGEDNOTE"
PRIVATE = "QXPRIVATENOTE"


@pytest.fixture
def entries(ui_ctx: UiContext) -> tuple[int, int]:
    today = local_today()
    flagged = ui_ctx.session.entries.add(
        Entry(
            today - timedelta(days=2),
            f"About {FLAGGED}",
            "Bring this",
            check_in=CheckIn(mood=4),
            bring_to_therapy=True,
        )
    )
    private = ui_ctx.session.entries.add(
        Entry(today - timedelta(days=1), f"Just {PRIVATE}", "Mine", check_in=CheckIn(mood=7))
    )
    assert flagged.id is not None and private.id is not None
    return flagged.id, private.id


def make_page(qtbot: QtBot, ui_ctx: UiContext) -> ExportPage:
    page = ExportPage(ui_ctx)
    qtbot.addWidget(page)
    page.resize(1100, 720)
    page.show()
    page.activated()
    settle(qtbot, page)
    return page


def settle(qtbot: QtBot, page: ExportPage) -> None:
    """Wait until the preview shows the current choices."""
    qtbot.waitUntil(lambda: page.shown is not None and not page._settle.isActive(), timeout=20_000)
    wait_tasks(qtbot, page.ctx)


def test_the_preview_is_the_brief_page(qtbot: QtBot, ui_ctx: UiContext, entries: object) -> None:
    page = make_page(qtbot, ui_ctx)
    assert page.pane.page_count == 1
    assert page.shown is not None and page.shown.options.preset is Preset.BRIEF
    assert "not</b> protected by your journal's encryption" in page.privacy_note.text()
    assert page.save_button.isEnabled() and page.print_button.isEnabled()


def test_full_adds_pages_and_sections_switch(
    qtbot: QtBot, ui_ctx: UiContext, entries: object
) -> None:
    page = make_page(qtbot, ui_ctx)
    qtbot.mouseClick(page.form.full, Qt.MouseButton.LeftButton)
    settle(qtbot, page)
    assert 2 <= page.pane.page_count <= 3
    page.form.sections[next(iter(page.form.sections))].setChecked(False)
    assert not page.save_button.isEnabled()  # the preview is out of date until it catches up
    settle(qtbot, page)
    assert page.save_button.isEnabled()


def test_ticked_entries_are_the_only_text_saved(
    qtbot: QtBot,
    ui_ctx: UiContext,
    entries: tuple[int, int],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = make_page(qtbot, ui_ctx)
    qtbot.mouseClick(page.form.full, Qt.MouseButton.LeftButton)
    page.form.excerpts.setCurrentIndex(page.form.excerpts.findData(ExcerptMode.CHOSEN.value))
    settle(qtbot, page)
    assert page.pane.entries.isVisible()
    rows = {
        page.pane.entries.item(r).data(Qt.ItemDataRole.UserRole): page.pane.entries.item(r)
        for r in range(page.pane.entries.count())
    }
    rows[entries[1]].setCheckState(Qt.CheckState.Checked)
    settle(qtbot, page)
    assert page.shown is not None and [x.entry_id for x in page.shown.excerpts] == [entries[1]]
    target = tmp_path / "chosen"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF"))
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    written = tmp_path / "chosen.pdf"
    qtbot.waitUntil(lambda: "Saved to chosen.pdf" in page.status.text(), timeout=20_000)
    text = " ".join(pdf_file_pages(written))
    assert PRIVATE in text and FLAGGED not in text and words.DISCLAIMER in text
    assert len(PdfReader(written).pages) == page.pane.page_count
    assert written.stat().st_mode & 0o777 == 0o600


def test_save_with_a_password_typed_twice(
    qtbot: QtBot,
    ui_ctx: UiContext,
    entries: object,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = make_page(qtbot, ui_ctx)
    qtbot.keyClicks(page.password, SECRET)
    qtbot.keyClicks(page.password_again, SECRET[:-1])
    assert not page.save_button.isEnabled() and "different" in page.status.text()
    qtbot.keyClicks(page.password_again, SECRET[-1])
    assert page.save_button.isEnabled()
    assert "open only with this password" in page.privacy_note.text()
    target = tmp_path / "protected.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF"))
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "opens only with your password" in page.status.text(), timeout=20_000)
    assert PdfReader(target).is_encrypted
    assert words.DISCLAIMER in pdf_file_pages(target, SECRET)[0]
    assert page.password.text() == "" and page.password_again.text() == ""  # never kept
    wait_tasks(qtbot, ui_ctx)
    assert report_service.last_summary_end(ui_ctx.session) == local_today()


def test_characters_without_a_font_are_reported_in_the_preview(
    qtbot: QtBot, ui_ctx: UiContext
) -> None:
    page = make_page(qtbot, ui_ctx)
    page.form.talk_about[0].setText("Zażółć \U000f0041 שלום 今日 🙂")  # (keyClicks: BMP only)
    settle(qtbot, page)
    assert page.pane.fonts_note.isVisible()
    assert "\U000f0041" in page.pane.fonts_note.text()
    assert "ż" not in page.pane.fonts_note.text()


def test_the_main_window_has_the_export_page(qtbot: QtBot, ui_ctx: UiContext) -> None:
    from recovery_journal.ui.main_window import MainWindow

    window = MainWindow(ui_ctx)
    qtbot.addWidget(window)
    titles = [window.nav.item(r).text() for r in range(window.nav.count())]
    window.nav.setCurrentRow(titles.index("Export"))
    assert isinstance(window.stack.currentWidget(), ExportPage)
    wait_tasks(qtbot, ui_ctx)


def test_print_sends_the_previewed_pages_to_the_printer(
    qtbot: QtBot,
    ui_ctx: UiContext,
    entries: object,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    from recovery_journal.ui.pages import export

    target = tmp_path / "printed.pdf"

    class PdfPrinter(QPrinter):  # a "printer" that prints into a file we can read back
        def __init__(self, mode: QPrinter.PrinterMode) -> None:
            super().__init__(mode)
            self.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            self.setOutputFileName(str(target))

    monkeypatch.setattr(export, "QPrinter", PdfPrinter)
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QPrintDialog.DialogCode.Accepted)
    page = make_page(qtbot, ui_ctx)
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    pages = pdf_file_pages(target)
    assert len(pages) == page.pane.page_count == 1
    assert words.DISCLAIMER in pages[0] and "Bring this" in pages[0]
    wait_tasks(qtbot, ui_ctx)
    assert report_service.last_summary_end(ui_ctx.session) == local_today()
