"""The whole-file check and the daily backup off the unlock's critical path (issue 14 items 4, 5):
an unlock with ``upkeep_later`` opens a journal without reading every page and without a backup;
the upkeep afterwards backs up (checking every page first) or checks alone, reports damage in the
same words an unlock used, and a lock while it runs waits for it and leaves no half file."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

import pytest

from recovery_journal.domain.entries import Entry
from recovery_journal.errors import ErrorKind, UserError
from recovery_journal.services.access import BackupSettings, open_journal
from recovery_journal.services.session import JournalSession
from recovery_journal.storage import backup, database, vault
from tests.conftest import FAST, PASSPHRASE


def _filled(journal: JournalSession, days: int = 30) -> None:
    """Entries whose texts need pages of their own (read only when the text is shown)."""
    journal.entries.add_many([Entry(date(2020, 1, 1 + i), f"day {i} " * 1500) for i in range(days)])


def _damage_a_middle_page(path: Path) -> None:
    data = bytearray(path.read_bytes())
    middle = (len(data) // 4096) // 2
    data[middle * 4096 + 700] ^= 0x01  # as if the disk failed while the journal was locked
    path.write_bytes(bytes(data))


def _bundles(folder: Path) -> list[Path]:
    return sorted(folder.iterdir()) if folder.exists() else []


def test_unlock_for_later_upkeep_opens_a_damaged_file_and_the_upkeep_reports_it(
    journal: JournalSession, journal_path: Path, backups: BackupSettings
) -> None:
    _filled(journal)
    journal.lock()
    _damage_a_middle_page(journal_path)
    with pytest.raises(UserError) as at_unlock:  # the old way: every page before anything
        open_journal(journal_path, PASSPHRASE, FAST, backups)
    session = open_journal(journal_path, PASSPHRASE, FAST, backups, upkeep_later=True)
    try:
        assert session.entries.latest(1)  # open at once: nothing waited for every page
        assert not _bundles(backups.folder_for(journal_path))  # nor for the backup
        with pytest.raises(UserError) as later:
            session.upkeep()
    finally:
        session.lock()
    assert later.value.kind is ErrorKind.JOURNAL_DAMAGED
    assert later.value.message == at_unlock.value.message == database.damaged_error().message
    assert not _bundles(backups.folder_for(journal_path))  # a damaged copy is never kept


def test_the_upkeep_takes_the_daily_backup_after_the_unlock(
    journal: JournalSession, journal_path: Path, backups: BackupSettings
) -> None:
    _filled(journal, 3)
    journal.lock()
    session = open_journal(journal_path, PASSPHRASE, FAST, backups, upkeep_later=True)
    try:
        folder = backups.folder_for(journal_path)
        assert not _bundles(folder)
        session.upkeep()
        assert len(_bundles(folder)) == 1
        backup.verify_bundle(_bundles(folder)[0])
        session.upkeep()  # checks every page again, but one backup a day is enough
        assert len(_bundles(folder)) == 1
    finally:
        session.lock()


def test_a_backup_only_when_the_journal_changed_since_the_newest(
    journal: JournalSession, journal_path: Path, backups: BackupSettings
) -> None:
    folder = backups.folder_for(journal_path)
    journal.upkeep(verify=False, if_changed=True)
    (first,) = _bundles(folder)
    yesterday = first.with_name(first.name.replace(first.name[:4], "2001", 1))
    first.rename(yesterday)  # as if it had been taken on an earlier day: one is due today
    journal.upkeep(verify=False, if_changed=True)
    assert _bundles(folder) == [yesterday]  # nothing changed since: nothing to keep
    journal.entries.add(Entry(date(2026, 1, 2), "something new"))
    journal.upkeep(verify=False, if_changed=True)
    assert len(_bundles(folder)) == 2


def test_locking_waits_for_work_on_the_side_connection(
    journal: JournalSession, journal_path: Path, backups: BackupSettings
) -> None:
    journal.lock()
    opened = vault.unlock(journal_path, PASSPHRASE, FAST, backups, check_every_page=False)
    closer = threading.Thread(target=opened.close)
    with opened.side_connection() as side:
        closer.start()
        assert opened._closing.wait(10)  # the lock has begun …
        assert side.execute("SELECT count(*) FROM meta").fetchone()[0] >= 1
        assert not opened.closed  # … and waits: the key is still in use here
    closer.join()
    assert opened.closed
    with pytest.raises(UserError):
        opened.verify_pages()


def test_a_backup_stopped_by_locking_leaves_no_file(
    journal: JournalSession, journal_path: Path, tmp_path: Path, backups: BackupSettings
) -> None:
    _filled(journal, 10)
    journal.lock()
    opened = vault.unlock(journal_path, PASSPHRASE, FAST, backups, check_every_page=False)
    out = tmp_path / "out"
    try:
        with opened.side_connection() as side, pytest.raises(backup.BackupStopped):
            backup.write_bundle(
                side, opened.key_material.data_key, opened.envelope, 1,
                out / "stopped.rjbackup", stop=lambda: True,
            )  # fmt: skip
    finally:
        opened.close()
    assert not list(out.iterdir())  # neither the bundle nor its temporary files


def test_upkeep_after_locking_ends_quietly(
    journal: JournalSession, journal_path: Path, backups: BackupSettings
) -> None:
    journal.lock()
    journal.upkeep()  # queued just before the lock: nothing to do, nothing to tell
    assert not _bundles(backups.folder_for(journal_path))
