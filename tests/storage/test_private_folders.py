"""Folders the app makes are 0700 and the settings file 0600, whatever the umask (issue 8 §3):
other users must not list journal or backup names and dates, nor read the journal's path."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from recovery_journal.domain.entries import Entry
from recovery_journal.paths import backups_dir
from recovery_journal.services.access import BackupSettings, create_journal, restore_backup
from tests.conftest import FAST, PASSPHRASE

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")


@pytest.fixture(autouse=True)
def usual_umask() -> Iterator[None]:
    old = os.umask(0o022)  # the common default, under which folders came out 0755
    yield
    os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_journal_gets_private_folders(tmp_path: Path) -> None:
    path = tmp_path / "made" / "for" / "me" / "j.rjournal"
    session, _ = create_journal(path, PASSPHRASE, FAST, BackupSettings())
    session.entries.add(Entry(date(2026, 1, 2), "words"))
    session.auto_backup(force=True)
    session.lock()
    for folder in (tmp_path / "made", tmp_path / "made" / "for", path.parent, backups_dir(path)):
        assert _mode(folder) == 0o700, folder


def test_existing_folders_are_left_alone(tmp_path: Path) -> None:
    os.chmod(tmp_path, 0o755)
    session, _ = create_journal(tmp_path / "j.rjournal", PASSPHRASE, FAST, BackupSettings())
    session.lock()
    assert _mode(tmp_path) == 0o755


def test_an_old_open_backups_folder_is_narrowed(tmp_path: Path) -> None:
    path = tmp_path / "j.rjournal"
    backups_dir(path).mkdir(mode=0o755)
    session, _ = create_journal(path, PASSPHRASE, FAST, BackupSettings())
    session.auto_backup(force=True)
    session.lock()
    assert _mode(backups_dir(path)) == 0o700


def test_backup_and_restore_make_private_folders(tmp_path: Path) -> None:
    session, _ = create_journal(tmp_path / "j.rjournal", PASSPHRASE, FAST, BackupSettings())
    bundle = session.backup_to(tmp_path / "new-folder" / "b.rjbackup").path
    session.lock()
    assert _mode(bundle.parent) == 0o700 and _mode(bundle) == 0o600
    restore_backup(bundle, tmp_path / "restored" / "r.rjournal")
    assert _mode(tmp_path / "restored") == 0o700
