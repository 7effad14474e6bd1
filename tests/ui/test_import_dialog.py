"""File ▸ Import…, used the way a person would: choose a real file, look at the preview, map the
mood words, type a jrnl password, import (or cancel), read the summary (issue 12 §3)."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from recovery_journal.domain.entries import CheckIn, Entry
from recovery_journal.services.access import BackupSettings, create_journal
from recovery_journal.services.export import export_json
from recovery_journal.services.session import JournalSession
from recovery_journal.ui.clipboard import ClipboardGuard
from recovery_journal.ui.context import UiContext
from recovery_journal.ui.import_dialog import ImportDialog
from recovery_journal.ui.import_preview import ImportPreview
from recovery_journal.ui.main_window import MainWindow
from tests.conftest import FAST, PASSPHRASE
from tests.interop.builders import (
    day_entry,
    daylio_backup,
    daylio_document,
    dayone_entry,
    dayone_export,
)
from tests.interop.jrnl_builders import jrnl_v3
from tests.ui.conftest import wait_tasks

SECRET = "QZXBODYTEXT91"  # note text that must never show in the dialog
HEADER = "full_date,date,weekday,time,mood,activities,note_title,note"
ROWS = [
    f'2024-03-03,March 3,Sunday,9:15 pm,rad,"walk | friends","Long walk","{SECRET} one"',
    f'2024-03-02,March 2,Saturday,20:39,Tired,"","","{SECRET} two"',
    f'2024-03-01,March 1,Friday,8:00 am,awful,"","Hard day","{SECRET} three"',
]


PHOTOS = [{"identifier": f"{n:032X}", "md5": "abc", "type": "jpeg"} for n in range(2)]


def daylio_csv(rows: list[str] = ROWS) -> bytes:
    return ("\ufeff" + "\r\n".join([HEADER, *rows]) + "\r\n").encode("utf-8")


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def choose(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    """The OS file dialog answers with ``path`` (the only fake: the operating system's)."""
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))


def click(qtbot: QtBot, widget: QWidget) -> None:
    assert widget.isVisible() and widget.isEnabled()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def make_dialog(qtbot: QtBot, ui_ctx: UiContext) -> ImportDialog:
    dialog = ImportDialog(ui_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def open_file(
    qtbot: QtBot, dialog: ImportDialog, monkeypatch: pytest.MonkeyPatch, path: Path
) -> None:
    choose(monkeypatch, path)
    on_preview = dialog.steps.currentWidget() is dialog.preview_page
    click(qtbot, dialog.another_button if on_preview else dialog.choose_button)
    wait_tasks(qtbot, dialog.ctx)


def do_import(qtbot: QtBot, dialog: ImportDialog) -> None:
    assert dialog.steps.currentWidget() is dialog.preview_page
    click(qtbot, dialog.import_button)
    qtbot.waitUntil(lambda: dialog.steps.currentWidget() is dialog.done_page, timeout=20_000)
    wait_tasks(qtbot, dialog.ctx)


def preview_of(dialog: ImportDialog) -> ImportPreview:
    assert dialog.preview is not None and dialog.steps.currentWidget() is dialog.preview_page
    return dialog.preview


def entries(session: JournalSession) -> list[Entry]:
    return sorted(session.entries.list(), key=lambda e: (e.local_date, e.local_time or ""))


def shown_text(dialog: ImportDialog) -> str:
    labels = [dialog.refusal, dialog.result_label, dialog.password_message]
    if dialog.preview is not None:
        p = dialog.preview
        labels += [p.format_label, p.counts_label, p.samples_label, p.left_out_label]
    return "\n".join(label.text() for label in labels)


def test_a_daylio_csv_shows_format_preview_and_mood_words_then_imports(
    qtbot: QtBot, ui_ctx: UiContext, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    dialog = make_dialog(qtbot, ui_ctx)
    open_file(qtbot, dialog, monkeypatch, write(tmp_path, "export.csv", daylio_csv()))
    preview = dialog.preview
    assert preview is not None and preview.mood_form is not None
    assert "a Daylio CSV export" in preview.format_label.text()
    assert "3 entries, from 1 Mar 2024 to 3 Mar 2024" in preview.counts_label.text()
    assert "1 Mar 2024 08:00 — Hard day" in preview.samples_label.text()
    assert "2 Mar 2024 20:39 — Tired" in preview.samples_label.text()  # no title: its mood word
    assert SECRET not in shown_text(dialog)  # titles only, never the notes
    combos = preview.mood_form.combos
    assert [combos[w].currentData() for w in ("rad", "Tired", "awful")] == [9, None, 1]
    assert combos["Tired"].accessibleName() == "Mood for “Tired”"
    combos["Tired"].setCurrentIndex(combos["Tired"].findData(4))  # the person's own meaning
    combos["awful"].setCurrentIndex(0)  # "Leave empty"
    do_import(qtbot, dialog)
    assert "Imported 3 entries from a Daylio CSV export." in dialog.result_label.text()
    assert "A backup of your journal was made first." in dialog.result_label.text()
    assert "“awful”" in dialog.result_label.text()  # kept without a number, and said so
    got = entries(ui_ctx.session)
    assert [(e.check_in.mood, e.source and e.source.mood_label) for e in got] == [
        (None, "awful"),
        (4, "Tired"),
        (9, "rad"),
    ]
    assert got[2].title == "Long walk" and set(got[2].tags) == {"friends", "walk"}


def test_importing_the_same_file_again_adds_nothing(
    qtbot: QtBot, ui_ctx: UiContext, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = write(tmp_path, "export.csv", daylio_csv())
    first = make_dialog(qtbot, ui_ctx)
    open_file(qtbot, first, monkeypatch, path)
    do_import(qtbot, first)
    again = make_dialog(qtbot, ui_ctx)
    open_file(qtbot, again, monkeypatch, path)
    assert "All of them are already in your journal" in preview_of(again).counts_label.text()
    assert not again.import_button.isEnabled()
    grown = write(
        tmp_path, "grown.csv", daylio_csv(['2024-03-04,March 4,Monday,10:00,meh,"","",""', *ROWS])
    )
    open_file(qtbot, again, monkeypatch, grown)
    assert "3 of them are already in your journal" in preview_of(again).counts_label.text()
    do_import(qtbot, again)
    assert "Imported 1 entry from a Daylio CSV export." in again.result_label.text()
    assert "3 were already in your journal and were skipped." in again.result_label.text()
    assert len(ui_ctx.session.entries.list()) == 4


def test_a_refused_file_says_why_kindly_and_writes_nothing(
    qtbot: QtBot, ui_ctx: UiContext, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    bad = daylio_csv([*ROWS, f'2024-02-29,Feb 29,Thursday,25:99,meh,"","","{SECRET}"'])
    dialog = make_dialog(qtbot, ui_ctx)
    open_file(qtbot, dialog, monkeypatch, write(tmp_path, "bad.csv", bad))
    assert dialog.steps.currentWidget() is dialog.choose_page
    text = dialog.refusal.text()
    assert "This file can't be imported." in text and "Row 5" in text
    assert "Nothing was imported; your journal is as it was." in text
    assert SECRET not in text and "Traceback" not in text
    assert dialog.choose_button.text() == "Choose another file…"
    open_file(qtbot, dialog, monkeypatch, write(tmp_path, "notes.txt", b"just some words\n"))
    assert "not an export this app can import" in dialog.refusal.text()
    assert "Import a Daylio CSV or backup" in dialog.refusal.text()  # the importer's hint
    assert ui_ctx.session.entries.list() == []


def test_an_encrypted_jrnl_journal_asks_for_its_password_and_refuses_a_wrong_one(
    qtbot: QtBot, ui_ctx: UiContext, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    plain = f"[2023-05-01 07:30] Morning pages *\n{SECRET} @sleep\n\n[2023-05-02 21:00] Evening.\n"
    dialog = make_dialog(qtbot, ui_ctx)
    open_file(qtbot, dialog, monkeypatch, write(tmp_path, "journal.txt", jrnl_v3(plain, "pw!")))
    assert dialog.steps.currentWidget() is dialog.password_page
    qtbot.keyClicks(dialog.password_field, "not it")
    qtbot.keyClick(dialog.password_field, Qt.Key.Key_Return)
    wait_tasks(qtbot, ui_ctx)
    assert dialog.steps.currentWidget() is dialog.password_page
    assert "That password does not open this jrnl journal" in dialog.password_message.text()
    assert dialog.password_field.text() == ""
    qtbot.keyClicks(dialog.password_field, "pw!")
    click(qtbot, dialog.open_button)
    wait_tasks(qtbot, ui_ctx)
    assert dialog.preview is not None and "a jrnl journal" in preview_of(dialog).format_label.text()
    assert preview_of(dialog).mood_form is None  # jrnl has no mood words
    assert dialog.password_field.text() == ""  # never kept
    do_import(qtbot, dialog)
    first = entries(ui_ctx.session)[0]
    assert (first.title, first.starred, first.tags) == ("Morning pages", True, ("sleep",))


def test_photos_and_places_left_out_are_shown_before_and_after(
    qtbot: QtBot, ui_ctx: UiContext, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    data = dayone_export(
        (
            "Journal",
            [dayone_entry("A1", text="# Trip\nWe walked", photos=PHOTOS, location={"x": 1})],
        ),
    )
    dialog = make_dialog(qtbot, ui_ctx)
    open_file(qtbot, dialog, monkeypatch, write(tmp_path, "dayone.zip", data))
    left_out = preview_of(dialog).left_out_label.text()
    assert "Left out: 2 — photos, audio, video and PDFs are not imported." in left_out
    assert "places are not imported" in left_out
    do_import(qtbot, dialog)
    assert "photos, audio, video and PDFs are not imported" in dialog.result_label.text()
    assert entries(ui_ctx.session)[0].title == "Trip"


def test_a_daylio_backup_needs_no_mood_words(
    qtbot: QtBot, ui_ctx: UiContext, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    data = daylio_backup(daylio_document([day_entry(1, mood=2), day_entry(2, mood=5)]))
    dialog = make_dialog(qtbot, ui_ctx)
    open_file(qtbot, dialog, monkeypatch, write(tmp_path, "backup.daylio", data))
    assert preview_of(dialog).mood_form is None
    do_import(qtbot, dialog)
    assert sorted(e.check_in.mood or 0 for e in ui_ctx.session.entries.list()) == [1, 7]


def test_cancel_leaves_the_journal_unchanged(
    qtbot: QtBot, ui_ctx: UiContext, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    dialog = make_dialog(qtbot, ui_ctx)
    open_file(qtbot, dialog, monkeypatch, write(tmp_path, "export.csv", daylio_csv()))
    hold = threading.Event()
    ui_ctx.tasks.run(lambda: hold.wait(10))  # the worker is busy: the import waits its turn
    click(qtbot, dialog.import_button)
    assert dialog.steps.currentWidget() is dialog.running_page
    assert not dialog.close_button.isVisible()  # only Cancel while it runs
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # Esc asks to cancel, it does not just vanish
    assert dialog.isVisible() and not dialog.cancel_button.isEnabled()
    hold.set()
    qtbot.waitUntil(lambda: dialog.steps.currentWidget() is dialog.done_page, timeout=20_000)
    assert "The import was cancelled." in dialog.result_label.text()
    assert "your journal is as it was" in dialog.result_label.text()
    assert ui_ctx.session.entries.list() == []


def test_a_recovery_journal_export_fills_a_new_journal_and_is_refused_by_one_with_writing(
    qtbot: QtBot,
    ui_ctx: UiContext,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    backups: BackupSettings,
) -> None:
    ui_ctx.session.entries.add(Entry(date(2024, 1, 2), SECRET, "Kept", check_in=CheckIn(mood=6)))
    export = tmp_path / "mine.json"
    export_json(ui_ctx.session, export)
    dialog = make_dialog(qtbot, ui_ctx)
    open_file(qtbot, dialog, monkeypatch, export)
    assert "this one already holds writing" in dialog.refusal.text()
    assert "Create a new journal and import the export there." in dialog.refusal.text()
    fresh, _code = create_journal(tmp_path / "new.rjournal", PASSPHRASE, FAST, backups)
    try:
        new_ctx = UiContext(fresh, ui_ctx.tasks, ui_ctx.settings, ui_ctx.report, ClipboardGuard())
        dialog = make_dialog(qtbot, new_ctx)
        open_file(qtbot, dialog, monkeypatch, export)
        assert "a Recovery Journal JSON export" in preview_of(dialog).format_label.text()
        assert "1 entry, from 2 Jan 2024 to 2 Jan 2024" in preview_of(dialog).counts_label.text()
        do_import(qtbot, dialog)
        [entry] = fresh.entries.list()
        assert (entry.title, entry.check_in.mood) == ("Kept", 6)
    finally:
        fresh.lock()


def test_file_import_in_the_menu_and_the_journal_shows_the_new_entries(
    qtbot: QtBot, ui_ctx: UiContext, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    window = MainWindow(ui_ctx)
    qtbot.addWidget(window)
    window.show()
    window.show_page(window.journal)
    wait_tasks(qtbot, ui_ctx)
    assert window.journal.model.rowCount() == 0
    choose(monkeypatch, write(tmp_path, "export.csv", daylio_csv()))
    qtbot.keyClick(
        window,
        Qt.Key.Key_I,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dialog: Any = window.import_dialog
    assert dialog.isVisible() and window.import_action.text() == "Import…"
    click(qtbot, dialog.choose_button)
    wait_tasks(qtbot, ui_ctx)
    do_import(qtbot, dialog)
    click(qtbot, dialog.show_button)
    wait_tasks(qtbot, ui_ctx)
    qtbot.waitUntil(lambda: window.journal.model.rowCount() == 3)
    assert window.stack.currentWidget() is window.journal
