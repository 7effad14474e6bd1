"""The Export page's "Export your data", used like a person would: click, choose where, read the
file back as a spreadsheet or another tool would (issue 12 §3)."""

from __future__ import annotations

import csv
import io
import json
import os
import threading
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from recovery_journal.domain.entries import CheckIn, Entry
from recovery_journal.ui.context import UiContext
from recovery_journal.ui.data_export_section import DataExportSection
from recovery_journal.ui.pages.export import ExportPage
from tests.ui.conftest import wait_tasks

WORDS = "QXEXPORTEDWORDS"


@pytest.fixture
def section(qtbot: QtBot, ui_ctx: UiContext) -> DataExportSection:
    ui_ctx.session.entries.add(
        Entry(date(2025, 6, 1), f"A day of {WORDS}", "Sunday", check_in=CheckIn(mood=6))
    )
    ui_ctx.session.entries.add(Entry(date(2025, 6, 2), "Another", check_in=CheckIn(mood=8)))
    widget = DataExportSection(ui_ctx)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def save_as(
    qtbot: QtBot, section: DataExportSection, monkeypatch: pytest.MonkeyPatch, key: str, path: Path
) -> None:
    """Click the export's button; the OS save dialog (the one fake) answers with ``path``."""
    asked: list[str] = []

    def dialog(_parent: object, _title: str, suggested: str, _filter: str) -> tuple[str, str]:
        asked.append(suggested)
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    qtbot.mouseClick(section.buttons[key], Qt.MouseButton.LeftButton)
    wait_tasks(qtbot, section.ctx)
    assert asked and asked[0].startswith("recovery-journal")


def test_the_section_says_the_files_are_not_encrypted(section: DataExportSection) -> None:
    assert "NOT encrypted" in section.note.text()
    assert not section.progress_bar.isVisible() and not section.cancel_button.isVisible()
    assert all(b.accessibleName() for b in section.buttons.values())


def test_json_csv_and_markdown_are_written_privately_and_read_back(
    qtbot: QtBot, section: DataExportSection, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    save_as(qtbot, section, monkeypatch, "json", tmp_path / "all")  # suffix added
    document = json.loads((tmp_path / "all.json").read_text("utf-8"))
    assert document["format"] == "recovery-journal-export" and len(document["entries"]) == 2
    assert "all.json" in section.status.text() and "not encrypted" in section.status.text()
    save_as(qtbot, section, monkeypatch, "csv", tmp_path / "entries.csv")
    text = (tmp_path / "entries.csv").read_text("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["title"] for r in rows] == ["Sunday", ""] and WORDS in rows[0]["body"]
    save_as(qtbot, section, monkeypatch, "daily-csv", tmp_path / "days.csv")
    days = list(csv.DictReader(io.StringIO((tmp_path / "days.csv").read_text("utf-8-sig"))))
    assert [(d["date"], d["mood_mean"]) for d in days] == [
        ("2025-06-01", "6.0"),
        ("2025-06-02", "8.0"),
    ]
    save_as(qtbot, section, monkeypatch, "markdown", tmp_path / "entries.md")
    assert WORDS in (tmp_path / "entries.md").read_text("utf-8")
    for name in ("all.json", "entries.csv", "days.csv", "entries.md"):
        assert (tmp_path / name).stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize("suffix", ["", ".keys"])
def test_the_journals_own_files_are_refused_kindly(
    qtbot: QtBot,
    section: DataExportSection,
    monkeypatch: pytest.MonkeyPatch,
    suffix: str,
) -> None:
    journal = section.ctx.session.path
    target = journal.with_name(journal.name + suffix)
    before = target.read_bytes()
    save_as(qtbot, section, monkeypatch, "csv", target)
    assert "journal's own file" in section.status.text() or "key file" in section.status.text()
    assert "The export was not saved." in section.status.text()
    assert target.read_bytes() == before
    assert all(b.isEnabled() for b in section.buttons.values())


def test_a_hard_link_to_the_journal_is_refused(
    qtbot: QtBot, section: DataExportSection, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    journal = section.ctx.session.path
    (tmp_path / "elsewhere").mkdir()
    alias = tmp_path / "elsewhere" / "export.json"
    os.link(journal, alias)
    before = journal.read_bytes()
    save_as(qtbot, section, monkeypatch, "json", alias)
    assert "journal's own file" in section.status.text()
    assert journal.read_bytes() == before


def test_cancel_writes_nothing(
    qtbot: QtBot, section: DataExportSection, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    hold = threading.Event()
    section.ctx.tasks.run(lambda: hold.wait(10))  # the worker is busy: the export waits
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a: (str(tmp_path / "later.json"), "")
    )
    qtbot.mouseClick(section.buttons["json"], Qt.MouseButton.LeftButton)
    assert section.cancel_button.isVisible() and not section.buttons["csv"].isEnabled()
    qtbot.mouseClick(section.cancel_button, Qt.MouseButton.LeftButton)
    hold.set()
    wait_tasks(qtbot, section.ctx)
    assert section.status.text() == "Cancelled. Nothing was written."
    assert not (tmp_path / "later.json").exists()
    assert list(tmp_path.glob("*.json")) == [] and section.buttons["csv"].isEnabled()


def test_a_folder_that_cannot_be_written_is_said_kindly(
    qtbot: QtBot, section: DataExportSection, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    save_as(qtbot, section, monkeypatch, "markdown", tmp_path / "missing" / "entries.md")
    assert section.status.text().startswith("The export was not saved.")
    assert "Traceback" not in section.status.text() and section.ctx.report is not None


def test_the_export_page_has_the_section(qtbot: QtBot, ui_ctx: UiContext) -> None:
    page = ExportPage(ui_ctx)
    qtbot.addWidget(page)
    assert isinstance(page.data_export, DataExportSection)
    wait_tasks(qtbot, ui_ctx)
