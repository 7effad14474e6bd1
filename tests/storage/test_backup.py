"""Backup bundles: round trip, checksums, refusing to overwrite, rotation."""

from __future__ import annotations

import zipfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from recovery_journal.domain.entries import CheckIn, Entry
from recovery_journal.errors import ErrorKind, UserError
from recovery_journal.services.access import (
    BackupSettings,
    create_journal,
    latest_backup,
    open_journal,
    restore_backup,
)
from recovery_journal.services.session import JournalSession
from recovery_journal.storage import backup
from tests.conftest import FAST, PASSPHRASE


def test_backup_then_restore_round_trip(journal: JournalSession, tmp_path: Path) -> None:
    journal.entries.add(Entry(date(2026, 3, 1), "one", tags=("a",)))
    journal.entries.add(Entry(date(2026, 3, 2), "two", check_in=CheckIn(mood=4)))
    bundle = journal.backup_to(tmp_path / "b.rjbackup").path
    journal.entries.add(Entry(date(2026, 3, 3), "after the backup"))
    target = tmp_path / "elsewhere" / "restored.rjournal"
    restore_backup(bundle, target)
    restored = open_journal(target, PASSPHRASE, FAST, BackupSettings(daily=False))
    try:
        assert [e.body for e in restored.entries.list()] == ["two", "one"]
        assert restored.journal_id == journal.journal_id
        assert restored.check().ok
        assert [h.entry.body for h in restored.entries.search("one")] == ["one"]
    finally:
        restored.lock()


def test_bundle_holds_ciphertext_and_a_manifest_only(
    journal: JournalSession, tmp_path: Path
) -> None:
    journal.entries.add(Entry(date(2026, 3, 1), "private words"))
    bundle = journal.backup_to(tmp_path / "b.rjbackup").path
    with zipfile.ZipFile(bundle) as z:
        assert sorted(z.namelist()) == sorted(
            [backup.DB_MEMBER, backup.KEYS_MEMBER, backup.MANIFEST_MEMBER]
        )
        assert not z.read(backup.DB_MEMBER).startswith(b"SQLite format 3")
    assert b"private words" not in bundle.read_bytes()


def test_damaged_bundle_is_refused_before_writing(journal: JournalSession, tmp_path: Path) -> None:
    bundle = journal.backup_to(tmp_path / "b.rjbackup").path
    raw = bytearray(bundle.read_bytes())
    raw[len(raw) // 2] ^= 0xFF
    bundle.write_bytes(bytes(raw))
    target = tmp_path / "restored.rjournal"
    with pytest.raises(UserError) as caught:
        restore_backup(bundle, target)
    assert caught.value.kind is ErrorKind.BACKUP_DAMAGED
    assert not target.exists()


def test_not_a_bundle_is_refused(tmp_path: Path) -> None:
    fake = tmp_path / "x.rjbackup"
    fake.write_bytes(b"hello")
    with pytest.raises(UserError) as caught:
        restore_backup(fake, tmp_path / "r.rjournal")
    assert caught.value.kind is ErrorKind.BACKUP_DAMAGED


def test_restore_never_overwrites_a_journal(journal: JournalSession, tmp_path: Path) -> None:
    bundle = journal.backup_to(tmp_path / "b.rjbackup").path
    with pytest.raises(UserError) as caught:
        restore_backup(bundle, journal.path)
    assert caught.value.kind is ErrorKind.JOURNAL_EXISTS


def test_restoring_over_a_damaged_journal_sets_it_aside(
    journal: JournalSession, tmp_path: Path
) -> None:
    journal.entries.add(Entry(date(2026, 3, 1), "saved"))
    bundle = journal.backup_to(tmp_path / "b.rjbackup").path
    path = journal.path
    journal.lock()
    path.write_bytes(b"\x00" * 8192)  # damaged
    restore_backup(bundle, path, replace_existing=True)
    aside = [p for p in path.parent.iterdir() if ".set-aside-" in p.name]
    assert aside, "the damaged journal is kept, renamed"
    session = open_journal(path, PASSPHRASE, FAST, BackupSettings(daily=False))
    assert [e.body for e in session.entries.list()] == ["saved"]
    session.lock()


def test_rotation_keeps_the_newest_bundles(tmp_path: Path) -> None:
    folder = tmp_path / "b"
    folder.mkdir()
    start = datetime(2026, 1, 1, tzinfo=UTC)
    for day in range(6):
        (folder / backup.bundle_name(start + timedelta(days=day))).write_bytes(b"x")
    removed = backup.rotate(folder, keep=3)
    assert len(removed) == 3
    assert [p.name[:10] for _, p in backup.list_bundles(folder)] == [
        "2026-01-04",
        "2026-01-05",
        "2026-01-06",
    ]


def test_backup_is_due_once_per_day(tmp_path: Path) -> None:
    now = datetime(2026, 1, 2, 9, tzinfo=UTC)
    assert backup.backup_due(tmp_path, now)
    (tmp_path / backup.bundle_name(now - timedelta(hours=1))).write_bytes(b"x")
    assert not backup.backup_due(tmp_path, now)
    assert backup.backup_due(tmp_path, now + timedelta(days=1))


def test_latest_backup_finds_the_automatic_one(
    journal: JournalSession, backups: BackupSettings
) -> None:
    journal.auto_backup(force=True)
    found = latest_backup(journal.path, backups)
    assert found is not None and found.suffix == ".rjbackup"


def test_rotation_removes_old_leftovers_of_interrupted_backups(tmp_path: Path) -> None:
    import os

    stale = tmp_path / ".2026-01-01T000000Z.rjbackup.snapshot"
    fresh = tmp_path / ".2026-01-02T000000Z.rjbackup.abc.tmp"
    stale.write_bytes(b"x")
    fresh.write_bytes(b"x")
    os.utime(stale, (0, 0))
    backup.rotate(tmp_path, keep=3)
    assert not stale.exists() and fresh.exists()


def test_restore_moves_a_stray_wal_aside(journal: JournalSession, tmp_path: Path) -> None:
    bundle = journal.backup_to(tmp_path / "b.rjbackup").path
    target = tmp_path / "restored.rjournal"
    stray = target.with_name(target.name + "-wal")
    stray.write_bytes(b"\x00" * 4096)
    restore_backup(bundle, target)
    assert not stray.exists()
    session = open_journal(target, PASSPHRASE, FAST, BackupSettings(daily=False))
    session.lock()


def test_a_backup_key_file_names_its_own_snapshot(journal: JournalSession, tmp_path: Path) -> None:
    """The bundle's key file carries the snapshot's salt, so the restored pair matches."""
    bundle = journal.backup_to(tmp_path / "b.rjbackup").path
    with zipfile.ZipFile(bundle) as z:
        db = z.read(backup.DB_MEMBER)
        keys_doc = __import__("json").loads(z.read(backup.KEYS_MEMBER))
    assert keys_doc["database_salt"] == db[:16].hex()


def test_journals_sharing_a_backups_folder_keep_their_own_backups(tmp_path: Path) -> None:
    """Two journals, one custom folder: each gets its daily backup, rotation and 'latest'."""
    shared = BackupSettings(folder=tmp_path / "shared", keep=2)
    a, _ = create_journal(tmp_path / "a.rjournal", PASSPHRASE, FAST, shared)
    b, _ = create_journal(tmp_path / "b.rjournal", PASSPHRASE, FAST, shared)
    assert a.auto_backup() is not None
    assert b.auto_backup() is not None  # A's backup today doesn't count for B
    for _ in range(3):
        b.backup_now()
    a_bundles = backup.list_bundles(tmp_path / "shared", a.journal_id)
    assert len(a_bundles) == 1  # B's rotation left A's backup alone
    assert len(backup.list_bundles(tmp_path / "shared", b.journal_id)) == 2
    a_path = a.path
    a.lock()
    b.lock()
    assert latest_backup(a_path, shared) == a_bundles[-1][1]


def test_setting_aside_twice_in_one_second_keeps_both(tmp_path: Path) -> None:
    journal = tmp_path / "j.rjournal"
    first, second = b"first damaged copy", b"second damaged copy"
    journal.write_bytes(first)
    one = backup.set_aside(journal)
    journal.write_bytes(second)
    two = backup.set_aside(journal)
    assert one is not None and two is not None and one != two
    assert one.read_bytes() == first and two.read_bytes() == second


def test_restore_never_swaps_files_under_an_open_journal(
    journal: JournalSession, tmp_path: Path
) -> None:
    bundle = journal.backup_to(tmp_path / "b.rjbackup").path
    before = journal.path.read_bytes()
    with pytest.raises(UserError) as caught:
        restore_backup(bundle, journal.path, replace_existing=True)
    assert caught.value.kind is ErrorKind.ALREADY_OPEN
    assert journal.path.read_bytes() == before
    assert not [p for p in journal.path.parent.iterdir() if ".set-aside-" in p.name]


def test_a_journal_damaged_while_open_is_never_backed_up(
    journal: JournalSession, journal_path: Path, tmp_path: Path
) -> None:
    """SQLite's backup API copies a page that fails its HMAC without complaint; the backup checks
    every page first, so a damaged copy never replaces a good one in the rotation."""
    from recovery_journal.storage import vault

    for i in range(20):
        journal.entries.add(Entry(date(2026, 1, 1 + i), f"day {i} " * 200))
    journal.lock()
    data = bytearray(journal_path.read_bytes())
    data[3 * 4096 + 500] ^= 0x01  # as if the disk failed after the journal was unlocked
    journal_path.write_bytes(bytes(data))
    opened = vault.unlock(
        journal_path, PASSPHRASE, FAST, BackupSettings(daily=False), check_every_page=False
    )
    try:
        with pytest.raises(UserError) as refused:
            opened.backup_to(tmp_path / "out" / "copy.rjbackup")
        assert refused.value.kind is ErrorKind.JOURNAL_DAMAGED
    finally:
        opened.close()
    out = tmp_path / "out"
    assert not out.exists() or not list(out.iterdir())
