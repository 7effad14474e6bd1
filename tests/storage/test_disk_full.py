"""A full disk and a read-only place: specific errors, nothing saved is lost, nothing half-written.

Runs on small real tmpfs mounts (Linux, root); where mounting is not allowed the tests skip and
say why. Every mount is unmounted again in teardown.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest

from recovery_journal.domain.entries import Entry
from recovery_journal.errors import ErrorKind, UserError
from recovery_journal.services.access import BackupSettings, create_journal, open_journal
from recovery_journal.services.session import JournalSession
from tests.conftest import FAST, PASSPHRASE

BODY = "Cravings came and went; I wrote instead of acting on them. " * 60  # ~3.6 kB
Mount = Callable[..., Path]


def _entry(i: int) -> Entry:
    return Entry(local_date=date(2025, 4, 1 + i % 28), title=f"day {i}", body=f"{i} {BODY}")


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(args), capture_output=True, text=True, check=False, timeout=60)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Mount]:
    """Mount small tmpfs file systems under ``tmp_path``; unmounted after the test."""
    if not sys.platform.startswith("linux") or os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a small tmpfs needs Linux, root and mount(8)")
    mounted: list[Path] = []

    def mount(size_kib: int, name: str = "disk", *, read_only: bool = False) -> Path:
        target = tmp_path / name
        target.mkdir()
        options = f"size={size_kib}k,mode=0700" + (",ro" if read_only else "")
        result = _run("mount", "-t", "tmpfs", "-o", options, "tmpfs", str(target))
        if result.returncode != 0:
            pytest.skip(f"cannot mount a tmpfs here: {result.stderr.strip()}")
        mounted.append(target)
        return target

    yield mount
    for target in reversed(mounted):
        if _run("umount", str(target)).returncode != 0:
            _run("umount", "-l", str(target))


def _remount_read_only(target: Path) -> None:
    result = _run("mount", "-o", "remount,ro", str(target))
    assert result.returncode == 0, result.stderr


def _fill_until_full(session: JournalSession) -> tuple[list[int], UserError]:
    saved: list[int] = []
    for i in range(10_000):
        try:
            entry = session.entries.add(_entry(i))
        except UserError as error:
            return saved, error
        assert entry.id is not None
        saved.append(entry.id)
    raise AssertionError("the small disk never filled up")


def _assert_kind_message(error: UserError, kind: ErrorKind, start: str) -> None:
    assert error.kind is kind, error
    assert error.message.startswith(start), error.message
    assert "sqlite" not in str(error).lower()


# ---------------------------------------------------------------- a full disk


def test_writing_until_the_disk_is_full_is_disk_full_and_keeps_what_was_saved(
    small_disk: Mount,
) -> None:
    """The write that doesn't fit fails as DISK_FULL; every earlier entry survives a reopen."""
    disk = small_disk(1536)  # an empty journal of 8 KB pages is ~0.5 MB
    backups = BackupSettings(folder=disk / "backups")
    session, _ = create_journal(disk / "journal.rjournal", PASSPHRASE, FAST, backups)
    try:
        saved, error = _fill_until_full(session)
    finally:
        session.lock()
    _assert_kind_message(error, ErrorKind.DISK_FULL, "The disk is full")
    assert len(saved) >= 5
    # Reopening on the still-full disk works (the automatic backup is skipped, not fatal).
    session = open_journal(disk / "journal.rjournal", PASSPHRASE, FAST, backups)
    try:
        assert [e.id for e in session.entries.list()] == sorted(saved, reverse=True)
        assert session.check().ok
    finally:
        session.lock()
    leftovers = list((disk / "backups").glob("*")) if (disk / "backups").exists() else []
    assert leftovers == [], "a failed automatic backup left files behind"


@pytest.mark.parametrize("size_kib", [96, 256, 448])
def test_creating_a_journal_on_a_disk_without_room_is_disk_full_and_leaves_nothing(
    small_disk: Mount, size_kib: int
) -> None:
    """A new journal that doesn't fit (in its first pages, or halfway through its schema) fails
    as DISK_FULL with the kind message, not SQLite's own, and leaves no journal behind."""
    disk = small_disk(size_kib)
    with pytest.raises(UserError) as caught:
        session, _code = create_journal(
            disk / "journal.rjournal", PASSPHRASE, FAST, BackupSettings(folder=disk / "backups")
        )
        session.lock()
    _assert_kind_message(caught.value, ErrorKind.DISK_FULL, "The disk is full")
    # Only the empty single-instance lock stays (lock files are never removed: another process
    # may be waiting on it); no part of a journal does.
    assert [p.name for p in disk.iterdir()] == ["journal.rjournal.lock"]
    assert (disk / "journal.rjournal.lock").stat().st_size == 0


def test_journal_keeps_working_once_space_is_freed(small_disk: Mount) -> None:
    """After DISK_FULL the same unlocked journal saves again as soon as there is room."""
    disk = small_disk(1536)  # an empty journal of 8 KB pages is ~0.5 MB
    ballast = disk / "ballast"
    ballast.write_bytes(bytes(256 * 1024))
    session, _ = create_journal(
        disk / "journal.rjournal", PASSPHRASE, FAST, BackupSettings(folder=disk / "backups")
    )
    try:
        saved, error = _fill_until_full(session)
        assert error.kind is ErrorKind.DISK_FULL
        ballast.unlink()
        after = session.entries.add(_entry(99_999))
        assert session.entries.count() == len(saved) + 1
        assert session.entries.get(after.id or 0).title == "day 99999"
        assert session.check().ok
    finally:
        session.lock()


def test_backup_to_a_full_disk_is_disk_full_and_leaves_no_partial_bundle(
    journal: JournalSession, small_disk: Mount
) -> None:
    """A backup that doesn't fit fails as DISK_FULL and leaves no file behind, bundle or temp."""
    journal.entries.add_many([_entry(i) for i in range(60)])
    disk = small_disk(128)
    (disk / "ballast").write_bytes(bytes(64 * 1024))
    before = sorted(p.name for p in disk.iterdir())
    with pytest.raises(UserError) as caught:
        journal.backup_to(disk / "journal.rjbackup")
    _assert_kind_message(caught.value, ErrorKind.DISK_FULL, "The disk is full")
    assert sorted(p.name for p in disk.iterdir()) == before
    assert journal.entries.count() == 60  # the journal itself carries on
    journal.entries.add(_entry(60))


def test_unlocking_with_a_full_backup_disk_opens_and_leaves_no_partial_bundle(
    journal: JournalSession, journal_path: Path, small_disk: Mount
) -> None:
    """The automatic backup at unlock failing for lack of space doesn't block unlocking."""
    journal.entries.add_many([_entry(i) for i in range(60)])
    journal.lock()
    disk = small_disk(64)
    backups = BackupSettings(folder=disk / "backups")
    session = open_journal(journal_path, PASSPHRASE, FAST, backups)
    try:
        assert session.entries.count() == 60
    finally:
        session.lock()
    assert list((disk / "backups").iterdir()) == []


# ---------------------------------------------------------------- a read-only place


@pytest.mark.parametrize("where", ["in-the-mount", "in-a-new-subfolder"])
def test_creating_a_journal_in_a_read_only_place_is_read_only(
    small_disk: Mount, where: str
) -> None:
    """Creating a journal on a read-only disk fails as READ_ONLY and leaves nothing there."""
    disk = small_disk(256, read_only=True)
    path = disk / "journal.rjournal" if where == "in-the-mount" else disk / "sub" / "j.rjournal"
    with pytest.raises(UserError) as caught:
        session, _code = create_journal(
            path, PASSPHRASE, FAST, BackupSettings(folder=disk / "backups")
        )
        session.lock()
    _assert_kind_message(caught.value, ErrorKind.READ_ONLY, "This location can't be written to")
    assert list(disk.iterdir()) == []


def test_opening_a_journal_on_a_read_only_disk_is_read_only(small_disk: Mount) -> None:
    """A journal on a disk that became read-only is refused as READ_ONLY, its files unchanged."""
    disk = small_disk(1024)
    backups = BackupSettings(folder=disk / "backups")
    session, _ = create_journal(disk / "journal.rjournal", PASSPHRASE, FAST, backups)
    session.entries.add(_entry(1))
    session.lock()
    before = {p.name: p.read_bytes() for p in disk.iterdir() if p.is_file()}
    _remount_read_only(disk)
    with pytest.raises(UserError) as caught:
        open_journal(disk / "journal.rjournal", PASSPHRASE, FAST, backups).lock()
    _assert_kind_message(caught.value, ErrorKind.READ_ONLY, "This location can't be written to")
    assert {p.name: p.read_bytes() for p in disk.iterdir() if p.is_file()} == before


def test_backup_to_a_read_only_place_is_read_only(
    journal: JournalSession, small_disk: Mount
) -> None:
    """A backup to a read-only disk (existing or new folder) fails as READ_ONLY, not as a bug."""
    journal.entries.add(_entry(1))
    disk = small_disk(256, read_only=True)
    for destination in (disk / "journal.rjbackup", disk / "new-folder" / "journal.rjbackup"):
        with pytest.raises(UserError) as caught:
            journal.backup_to(destination)
        _assert_kind_message(caught.value, ErrorKind.READ_ONLY, "This location can't be written to")
    assert list(disk.iterdir()) == []
