"""The Settings page: preferences stored at once, back up now, passphrase and recovery code."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from recovery_journal.errors import ErrorKind, UserError
from recovery_journal.services.access import open_journal, recover_journal
from recovery_journal.ui import settings as S
from recovery_journal.ui.context import UiContext
from recovery_journal.ui.pages.settings import SettingsPage
from recovery_journal.ui.passphrase_dialogs import ChangePassphraseDialog, NewRecoveryCodeDialog
from tests.conftest import FAST, PASSPHRASE
from tests.ui.conftest import wait_tasks

NEW = "the kettle sings at seven"


def _page(qtbot: QtBot, ui_ctx: UiContext) -> SettingsPage:
    ui_ctx.key_settings = FAST
    page = SettingsPage(ui_ctx)
    qtbot.addWidget(page)
    page.show()
    return page


def test_preferences_are_stored_at_once(qtbot: QtBot, ui_ctx: UiContext) -> None:
    page = _page(qtbot, ui_ctx)
    with qtbot.waitSignal(page.settings_changed):
        page.auto_lock.setValue(15)
    assert ui_ctx.settings.get(S.AUTO_LOCK_MINUTES) == 15
    page.lock_on_minimise.click()
    assert ui_ctx.settings.get(S.LOCK_ON_MINIMISE) is True
    page.theme.setCurrentIndex(page.theme.findData("dark"))
    assert ui_ctx.settings.get(S.THEME) == "dark"
    page.text_size.setCurrentIndex(page.text_size.findData(150))
    assert ui_ctx.settings.get(S.TEXT_SCALE) == 150
    page.reduce_motion.click()
    assert ui_ctx.settings.get(S.REDUCE_MOTION) is True
    assert page.auto_lock.specialValueText() == "Never"


def test_back_up_now_writes_a_bundle_and_shows_the_time(
    qtbot: QtBot, ui_ctx: UiContext, tmp_path: Path
) -> None:
    page = _page(qtbot, ui_ctx)
    page.set_backups_folder(str(tmp_path / "elsewhere"))
    qtbot.mouseClick(page.backup_now, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.backup_status.text().startswith("Last backup"), timeout=10_000)
    assert len(list((tmp_path / "elsewhere").glob("*.rjbackup"))) == 1


def test_change_passphrase_dialog(qtbot: QtBot, ui_ctx: UiContext) -> None:
    ui_ctx.key_settings = FAST
    dialog = ChangePassphraseDialog(ui_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.keyClicks(dialog.current.field, PASSPHRASE)
    qtbot.keyClicks(dialog.new.field, NEW)
    assert not ok.isEnabled()
    assert dialog.new.confirm_field is not None
    qtbot.keyClicks(dialog.new.confirm_field, NEW)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    path = ui_ctx.session.path
    ui_ctx.session.lock()
    open_journal(path, NEW, FAST).lock()


def test_change_passphrase_with_a_wrong_current_one(qtbot: QtBot, ui_ctx: UiContext) -> None:
    ui_ctx.key_settings = FAST
    dialog = ChangePassphraseDialog(ui_ctx)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.current.field, "not it")
    qtbot.keyClicks(dialog.new.field, NEW)
    assert dialog.new.confirm_field is not None
    qtbot.keyClicks(dialog.new.confirm_field, NEW)
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(lambda: bool(dialog.error.text()), timeout=10_000)
    assert "doesn't open" in dialog.error.text()


def _refused(path: Path, *, passphrase: str = "", code: str = "") -> ErrorKind:
    """How opening ``path`` with an old secret fails (it must)."""
    try:
        if code:
            recover_journal(path, code, "a passphrase set by whoever", FAST)[0].lock()
        else:
            open_journal(path, passphrase, FAST).lock()
    except UserError as error:
        return error.kind
    raise AssertionError("an old secret still opens the journal")


def test_new_recovery_code_needs_the_passphrase_and_retires_the_old(
    qtbot: QtBot, ui_ctx: UiContext, first_code: str
) -> None:
    ui_ctx.key_settings = FAST
    dialog = NewRecoveryCodeDialog(ui_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.keyClicks(dialog.passphrase.field, "not the passphrase")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dialog.error.text()), timeout=10_000)
    assert "doesn't open" in dialog.error.text() and dialog.panel is None  # no code without it
    dialog.passphrase.field.clear()
    qtbot.keyClicks(dialog.passphrase.field, PASSPHRASE)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.panel is not None, timeout=10_000)
    assert dialog.panel is not None
    code = dialog.panel.code
    assert code != first_code
    wait_tasks(qtbot, ui_ctx)
    path = ui_ctx.session.path
    ui_ctx.session.lock()
    assert _refused(path, code=first_code) is ErrorKind.WRONG_RECOVERY_CODE  # the old one retired
    recover_journal(path, code, NEW, FAST)[0].lock()


def test_change_every_key_when_someone_may_know_the_old_passphrase(
    qtbot: QtBot, ui_ctx: UiContext, first_code: str
) -> None:
    from recovery_journal.paths import keys_path

    ui_ctx.key_settings = FAST
    path = ui_ctx.session.path
    old_key_file = keys_path(path).read_bytes()
    dialog = ChangePassphraseDialog(ui_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "tick the box" in dialog.note.text()
    qtbot.keyClicks(dialog.current.field, PASSPHRASE)
    qtbot.keyClicks(dialog.new.field, NEW)
    assert dialog.new.confirm_field is not None
    qtbot.keyClicks(dialog.new.confirm_field, NEW)
    dialog.new_keys.setFocus()
    qtbot.keyClick(dialog.new_keys, Qt.Key.Key_Space)
    assert "new recovery code" in dialog.note.text()
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(lambda: dialog.panel is not None, timeout=10_000)
    assert dialog.panel is not None and not dialog.isHidden()
    assert dialog.current.text() == "" and dialog.new.text() == ""
    code = dialog.panel.code
    group = code.split("-")[dialog.panel.asked_group]
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClicks(dialog.panel.check_field, group)
        qtbot.mouseClick(dialog.panel.done_button, Qt.MouseButton.LeftButton)
    ui_ctx.session.lock()
    assert keys_path(path).read_bytes() != old_key_file
    assert _refused(path, passphrase=PASSPHRASE) is ErrorKind.WRONG_PASSPHRASE
    assert _refused(path, code=first_code) is ErrorKind.WRONG_RECOVERY_CODE
    open_journal(path, NEW, FAST).lock()
    open_journal(path, NEW, FAST).lock()
    recover_journal(path, code, "another new passphrase, long enough", FAST)[0].lock()


def test_the_gentle_note_rules_are_explained_here(qtbot: QtBot, ui_ctx: UiContext) -> None:
    """Issue 13 §4: moved from "I need help now" (noise in a crisis) to Settings."""
    page = _page(qtbot, ui_ctx)
    assert page.escalation_rules.isVisible()
    assert "Nothing is ever sent anywhere" in page.escalation_rules.text()
    assert "Mood of 2 or lower" in page.escalation_rules.text()
