"""8 KB SQLCipher pages: new journals have them, every connection finds a file's page size from
the file itself, and a journal with 4 KB pages is converted once at unlock — backed up first,
with everything as it was, crash-safely, with its key file still true."""

from __future__ import annotations

import os
import secrets
import shutil
import signal
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlcipher3 import dbapi2

from recovery_journal.domain.entries import Entry
from recovery_journal.errors import ErrorKind, UserError
from recovery_journal.paths import keys_path
from recovery_journal.services.access import (
    BackupSettings,
    create_journal,
    open_journal,
    recover_journal,
    restore_backup,
)
from recovery_journal.services.session import JournalSession
from recovery_journal.storage import backup, database, keys, large_pages, page_check
from tests.conftest import FAST, PASSPHRASE
from tests.storage.old_pages import data_key_of, make_old_pages
from tests.storage.pages_crasher import WAL_ENTRY

PROJECT_ROOT = Path(__file__).resolve().parents[2]
CRASHER = Path(__file__).with_name("pages_crasher.py")
needs_kill = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs SIGKILL (POSIX)")
WORDS = ("sleep", "craving", "walk", "sponsor", "lighthouse")


def _fill(session: JournalSession, count: int = 60) -> None:
    session.entries.add_many(
        [
            Entry(
                date(2025, 1 + i % 12, 1 + i % 28),
                f"{WORDS[i % 5]} day {i} " + "a quiet evening, tea and a long walk " * 30,
                title=f"day {i}",
                tags=(f"tag{i % 4}", "every"),
            )
            for i in range(count)
        ]
    )


def _everything(session: JournalSession) -> tuple[object, ...]:
    entries = session.entries.list(limit=10_000)
    hits = {word: [h.entry.id for h in session.entries.search(word)] for word in WORDS}
    return entries, session.entries.tags(), hits, session.entries.count()


def _conn_page_size(session: JournalSession) -> int:
    with session.reading() as conn:
        return int(conn.execute("PRAGMA page_size").fetchone()[0])


@pytest.fixture
def old_journal(
    journal_path: Path, backups: BackupSettings
) -> tuple[Path, str, tuple[object, ...]]:
    """A locked journal with 4 KB pages at the current schema, its recovery code and contents."""
    session, code = create_journal(journal_path, PASSPHRASE, FAST, backups)
    _fill(session)
    contents = _everything(session)
    session.lock()
    make_old_pages(journal_path)
    return journal_path, code, contents


def test_a_new_journal_has_8_kb_pages(journal: JournalSession) -> None:
    assert _conn_page_size(journal) == 8192  # SQLCipher's own word
    with journal.reading() as conn:
        assert database.page_size(conn) == 8192
    key = journal._opened.key_material.data_key
    assert page_check.page_size_of(journal.path, key) == 8192  # the probe's
    assert journal.path.stat().st_size % 8192 == 0


def test_a_4_kb_journal_is_converted_once_at_unlock_with_everything_as_it_was(
    old_journal: tuple[Path, str, tuple[object, ...]], backups: BackupSettings
) -> None:
    path, code, contents = old_journal
    key_file = keys_path(path).read_bytes()
    salt = path.read_bytes()[:16]
    session = open_journal(path, PASSPHRASE, FAST, backups)
    try:
        assert _conn_page_size(session) == 8192
        assert _everything(session) == contents
        assert session.check().ok
        session.entries.add(Entry(date(2026, 2, 2), "written after the conversion"))
    finally:
        session.lock()
    assert page_check.page_size_of(path, data_key_of(path)) == 8192
    assert path.read_bytes()[:16] == salt and keys_path(path).read_bytes() == key_file
    assert keys.read_envelope(keys_path(path)).database_salt == salt.hex()
    assert not large_pages.temp_path(path).exists()
    assert not [p for p in path.parent.iterdir() if ".pages.tmp" in p.name]
    # The backup taken first holds the journal as it was: 4 KB pages.
    bundles = backup.list_bundles(backups.folder_for(path))
    assert [b.name.endswith(f"-{large_pages.BACKUP_REASON}.rjbackup") for _, b in bundles] == [True]
    # Opens with the passphrase again (no second conversion, no second backup) and the code.
    again = open_journal(path, PASSPHRASE, FAST, backups)
    assert again.entries.count() == contents[3] + 1  # type: ignore[operator]
    again.lock()
    assert len(backup.list_bundles(backups.folder_for(path))) == 1
    recovered, _ = recover_journal(path, code, "a new passphrase for a new day", FAST, backups)
    assert recovered.entries.count() == contents[3] + 1  # type: ignore[operator]
    recovered.lock()


def test_an_old_backup_with_4_kb_pages_restores_and_is_converted(
    old_journal: tuple[Path, str, tuple[object, ...]], backups: BackupSettings, tmp_path: Path
) -> None:
    path, _code, contents = old_journal
    open_journal(path, PASSPHRASE, FAST, backups).lock()  # converted, after a 4 KB backup
    ((_, old_bundle),) = backup.list_bundles(backups.folder_for(path))
    target = tmp_path / "restored" / "old.rjournal"
    restore_backup(old_bundle, target)
    assert page_check.page_size_of(target, data_key_of(target)) == 4096
    restored_backups = BackupSettings(folder=tmp_path / "restored-backups")
    session = open_journal(target, PASSPHRASE, FAST, restored_backups)
    try:
        assert _conn_page_size(session) == 8192
        assert _everything(session) == contents
    finally:
        session.lock()


def test_a_backup_of_an_8_kb_journal_is_8_kb_and_restores(
    journal: JournalSession, tmp_path: Path
) -> None:
    _fill(journal, 20)
    contents = _everything(journal)
    info = journal.backup_to(tmp_path / "out" / "copy.rjbackup")
    target = tmp_path / "restored" / "copy.rjournal"
    restore_backup(info.path, target)
    assert page_check.page_size_of(target, data_key_of(target)) == 8192
    session = open_journal(target, PASSPHRASE, FAST, BackupSettings(daily=False))
    try:
        assert _conn_page_size(session) == 8192 and _everything(session) == contents
        assert not session.migrated_from
    finally:
        session.lock()


def test_a_leftover_copy_of_an_interrupted_conversion_is_removed(
    old_journal: tuple[Path, str, tuple[object, ...]], backups: BackupSettings
) -> None:
    path, _code, contents = old_journal
    stray = large_pages.temp_path(path)
    stray.write_bytes(b"half a copy")
    stray.with_name(stray.name + "-journal").write_bytes(b"its rollback journal")
    session = open_journal(path, PASSPHRASE, FAST, backups)
    try:
        assert _everything(session) == contents and _conn_page_size(session) == 8192
    finally:
        session.lock()
    assert not [p for p in path.parent.iterdir() if ".pages.tmp" in p.name]


def _crash(path: Path, point: str) -> str:
    child = subprocess.run(
        [sys.executable, str(CRASHER), str(path), PASSPHRASE, point],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert child.returncode == -signal.SIGKILL, child.stderr
    return child.stdout


@needs_kill
@pytest.mark.parametrize("point", ["before-replace", "after-replace"])
def test_killed_during_the_conversion_the_journal_opens_with_all_its_data(
    old_journal: tuple[Path, str, tuple[object, ...]], backups: BackupSettings, point: str
) -> None:
    path, _code, contents = old_journal
    _crash(path, point)
    key = data_key_of(path)
    expected = 4096 if point == "before-replace" else 8192
    assert page_check.page_size_of(path, key) == expected
    assert large_pages.temp_path(path).exists() is (point == "before-replace")
    session = open_journal(path, PASSPHRASE, FAST, backups)
    try:
        assert _conn_page_size(session) == 8192
        assert _everything(session) == contents and session.check().ok
    finally:
        session.lock()
    assert not large_pages.temp_path(path).exists()


@needs_kill
def test_a_leftover_wal_of_a_4_kb_journal_is_kept_across_the_conversion(
    old_journal: tuple[Path, str, tuple[object, ...]], backups: BackupSettings
) -> None:
    path, _code, contents = old_journal
    assert "saved" in _crash(path, "wal")
    wal = path.with_name(path.name + "-wal")
    assert wal.exists() and wal.stat().st_size > 0  # the entry lives only there
    assert page_check.page_size_of(path, data_key_of(path)) == 4096
    session = open_journal(path, PASSPHRASE, FAST, backups)
    try:
        assert _conn_page_size(session) == 8192
        assert [h.entry.body for h in session.entries.search("killed")] == [WAL_ENTRY]
        assert session.entries.count() == contents[3] + 1  # type: ignore[operator]
        assert "kept" in session.entries.tags() and session.check().ok
    finally:
        session.lock()


def _made_and_locked(journal_path: Path, backups: BackupSettings, entries: int, old: bool) -> None:
    """A new journal with ``entries`` entries, locked; with ``old``, given 4 KB pages."""
    session, _ = create_journal(journal_path, PASSPHRASE, FAST, backups)
    _fill(session, entries)
    session.lock()
    if old:
        make_old_pages(journal_path)


@pytest.mark.parametrize("old", [False, True])
def test_a_damaged_page_1_is_still_called_damage(
    journal_path: Path, backups: BackupSettings, old: bool
) -> None:
    _made_and_locked(journal_path, backups, 10, old)
    data = bytearray(journal_path.read_bytes())
    data[100] ^= 0x01  # inside page 1, past the salt
    journal_path.write_bytes(bytes(data))
    with pytest.raises(UserError) as refused:
        open_journal(journal_path, PASSPHRASE, FAST, backups)
    assert refused.value.kind is ErrorKind.JOURNAL_DAMAGED
    assert refused.value.message == database.damaged_error().message


@pytest.mark.parametrize("old", [False, True])
def test_older_keys_are_told_from_damage_at_either_page_size(
    journal_path: Path, backups: BackupSettings, old: bool
) -> None:
    _made_and_locked(journal_path, backups, 30, old)
    key, other = data_key_of(journal_path), bytearray(secrets.token_bytes(32))
    size = 4096 if old else 8192
    assert page_check.page_size_of(journal_path, key) == size
    assert page_check.page_size_of(journal_path, other) == page_check.PAGE_SIZE  # as before
    assert not page_check.key_fits_no_page(journal_path, key)
    assert page_check.key_fits_no_page(journal_path, other)  # a key that never opened it
    data = bytearray(journal_path.read_bytes())
    data[100] ^= 0x01  # page 1 damaged: the other pages still fit the right key
    journal_path.write_bytes(bytes(data))
    assert page_check.page_size_of(journal_path, key) == page_check.PAGE_SIZE
    assert not page_check.key_fits_no_page(journal_path, key)


def _pages_backups(folder: Path) -> list[Path]:
    return sorted(folder.glob(f"*-{large_pages.BACKUP_REASON}.rjbackup"))


def test_a_conversion_that_cannot_be_written_leaves_the_journal_usable(
    old_journal: tuple[Path, str, tuple[object, ...]],
    backups: BackupSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A copy that fails for a reason of the environment (here: the disk fills while it is
    written, after the journal left WAL mode) leaves the 4 KB journal open, whole, in WAL mode
    and without a partial copy; the next unlock converts it, backed up once that day."""
    path, _code, contents = old_journal
    real_export = large_pages.export_copy

    def fills_the_disk(conn: Any, data_key: bytearray, target: Path, page_size: int) -> None:
        target.write_bytes(b"\0" * 8192)  # a partial copy
        raise dbapi2.OperationalError("database or disk is full")

    monkeypatch.setattr(large_pages, "export_copy", fills_the_disk)
    session = open_journal(path, PASSPHRASE, FAST, backups)
    try:
        assert _conn_page_size(session) == 4096 and _everything(session) == contents
        with session.reading() as conn:
            assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        session.lock()
    assert not large_pages.temp_path(path).exists()
    assert len(_pages_backups(backups.folder_for(path))) == 1
    monkeypatch.setattr(large_pages, "export_copy", real_export)
    session = open_journal(path, PASSPHRASE, FAST, backups)
    try:
        assert _conn_page_size(session) == 8192 and _everything(session) == contents
    finally:
        session.lock()
    assert len(_pages_backups(backups.folder_for(path))) == 1  # not one more the same day


def test_without_room_for_the_copy_nothing_is_tried(
    old_journal: tuple[Path, str, tuple[object, ...]],
    backups: BackupSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A folder without room for a second copy of the journal: no backup, no copy; the journal
    opens as it is, with 4 KB pages."""
    path, _code, contents = old_journal
    full = shutil.disk_usage(path.parent)._replace(free=path.stat().st_size)
    monkeypatch.setattr(large_pages, "disk_usage", lambda _folder: full)
    session = open_journal(path, PASSPHRASE, FAST, backups)
    try:
        assert _conn_page_size(session) == 4096 and _everything(session) == contents
    finally:
        session.lock()
    assert _pages_backups(backups.folder_for(path)) == []


@pytest.mark.skipif(os.name == "nt", reason="links as on POSIX")
@pytest.mark.parametrize("kind", ["symbolic", "hard"])
def test_a_journal_opened_through_a_link_stays_one_journal(
    old_journal: tuple[Path, str, tuple[object, ...]],
    backups: BackupSettings,
    tmp_path: Path,
    kind: str,
) -> None:
    """Through a symbolic link the real file is converted (the link still points at it); a
    file with other names (hard links) is not converted at all: the copy would take one name's
    place and leave the other on the old file — two journals from then on."""
    path, _code, contents = old_journal
    alias = tmp_path / "elsewhere" / path.name
    alias.parent.mkdir()
    if kind == "symbolic":
        alias.symlink_to(path)
    else:
        os.link(path, alias)
    keys_path(alias).write_bytes(keys_path(path).read_bytes())
    session = open_journal(alias, PASSPHRASE, FAST, backups)
    try:
        assert _everything(session) == contents
        expected = 8192 if kind == "symbolic" else 4096
        assert _conn_page_size(session) == expected
    finally:
        session.lock()
    if kind == "symbolic":
        assert alias.is_symlink() and alias.resolve() == path.resolve()
    else:
        assert os.path.samefile(alias, path)
    assert page_check.page_size_of(path, data_key_of(path)) == expected


def test_changing_every_key_keeps_8_kb_pages(journal: JournalSession) -> None:
    _fill(journal, 10)
    new = "another sentence entirely, for the new keys"
    journal.reencrypt(PASSPHRASE, new, FAST)
    path = journal.path
    journal.lock()
    assert page_check.page_size_of(path, data_key_of(path, new)) == 8192
    session = open_journal(path, new, FAST, BackupSettings(daily=False))
    assert session.entries.count() == 10 and _conn_page_size(session) == 8192
    session.lock()


def test_a_hot_rollback_journal_tells_the_page_size_when_page_1_fits_no_size(
    journal: JournalSession,
) -> None:
    """Killed while "change every key" rewrote the file, page 1 may be under the other key until
    SQLite rolls the rollback journal back; that journal's (plain) header records the size."""
    path = journal.path
    key = bytearray(journal._opened.key_material.data_key)
    journal.lock()
    other = bytearray(secrets.token_bytes(32))
    assert page_check.page_size_of(path, other) == page_check.PAGE_SIZE
    header = bytes.fromhex("d9d505f920a163d7") + bytes(16) + (8192).to_bytes(4, "big")
    hot = path.with_name(path.name + "-journal")
    hot.write_bytes(header + bytes(100))
    assert page_check.page_size_of(path, other) == 8192
    assert page_check.page_size_of(path, key) == 8192
    hot.write_bytes(b"not a journal header at all, just noise" * 3)
    assert page_check.page_size_of(path, other) == page_check.PAGE_SIZE
    hot.unlink()
