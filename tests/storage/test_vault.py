"""The journal lifecycle: create, unlock, lock, passphrase change, recovery, pragmas."""

from __future__ import annotations

import hashlib
import stat
from datetime import date
from pathlib import Path

import pytest

from recovery_journal.domain.entries import CheckIn, Entry
from recovery_journal.errors import ErrorKind, UserError
from recovery_journal.paths import keys_path
from recovery_journal.services.access import (
    BackupSettings,
    create_journal,
    open_journal,
    recover_journal,
)
from recovery_journal.services.session import JournalSession
from recovery_journal.storage import keys, vault
from tests.conftest import FAST, PASSPHRASE, Reopen

NEW = "a different long passphrase"


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _checkpointed_hash(session: JournalSession) -> str:
    """Fold the WAL into the file so its bytes reflect every commit, then hash it."""
    with session.transaction() as s:
        s.connection().exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    return _sha(session.path)


def test_create_then_unlock_keeps_what_was_written(journal: JournalSession, reopen: Reopen) -> None:
    journal.entries.add(Entry(date(2026, 1, 2), "first words", check_in=CheckIn(mood=6)))
    again = reopen(journal)
    try:
        assert [e.body for e in again.entries.list()] == ["first words"]
    finally:
        again.lock()


def test_journal_files_are_private(journal: JournalSession) -> None:
    """Database and key file are readable by their owner only (0600)."""
    for path in (journal.path, keys_path(journal.path)):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_create_refuses_an_existing_journal(
    journal: JournalSession, backups: BackupSettings
) -> None:
    with pytest.raises(UserError) as caught:
        create_journal(journal.path, PASSPHRASE, FAST, backups)
    assert caught.value.kind is ErrorKind.JOURNAL_EXISTS


def test_opening_a_missing_journal_never_creates_one(tmp_path: Path) -> None:
    with pytest.raises(UserError) as caught:
        open_journal(tmp_path / "nothing.rjournal", PASSPHRASE, FAST)
    assert caught.value.kind is ErrorKind.JOURNAL_MISSING
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_storage_pragmas_are_the_safe_ones(journal: JournalSession) -> None:
    """temp_store=MEMORY, WAL, synchronous=FULL, foreign keys, secure delete, SQLCipher 4."""
    with journal.transaction() as s:
        conn = s.connection()

        def pragma(name: str) -> object:
            return conn.exec_driver_sql(f"PRAGMA {name}").scalar()

        assert pragma("temp_store") == 2
        assert pragma("journal_mode") == "wal"
        assert pragma("synchronous") == 2
        assert pragma("foreign_keys") == 1
        assert pragma("secure_delete") == 1
        assert str(pragma("cipher_version")).startswith("4.")


def test_locking_zeroes_keys_and_refuses_further_use(journal: JournalSession) -> None:
    opened = journal._opened
    data_key = opened.key_material.data_key
    journal.lock()
    assert data_key == bytearray(32)
    assert not opened.instance_lock.held
    with pytest.raises(UserError) as caught:
        journal.entries.list()
    assert caught.value.kind is ErrorKind.JOURNAL_LOCKED


def test_change_passphrase_leaves_the_database_untouched(
    journal: JournalSession, backups: BackupSettings
) -> None:
    journal.entries.add(Entry(date(2026, 1, 2), "kept"))
    before = _checkpointed_hash(journal)
    journal.change_passphrase(PASSPHRASE, NEW, FAST)
    assert _sha(journal.path) == before
    path = journal.path
    journal.lock()
    with pytest.raises(UserError) as caught:
        open_journal(path, PASSPHRASE, FAST, backups)
    assert caught.value.kind is ErrorKind.WRONG_PASSPHRASE
    again = open_journal(path, NEW, FAST, backups)
    assert [e.body for e in again.entries.list()] == ["kept"]
    again.lock()


def test_change_passphrase_needs_the_current_one(journal: JournalSession) -> None:
    with pytest.raises(UserError) as caught:
        journal.change_passphrase("not it", NEW, FAST)
    assert caught.value.kind is ErrorKind.WRONG_PASSPHRASE


def test_recovery_code_sets_a_new_passphrase_and_replaces_the_code(
    journal_path: Path, backups: BackupSettings
) -> None:
    session, code = create_journal(journal_path, PASSPHRASE, FAST, backups)
    session.entries.add(Entry(date(2026, 1, 2), "still here"))
    session.lock()
    recovered, new_code = recover_journal(journal_path, code, NEW, FAST, backups)
    assert [e.body for e in recovered.entries.list()] == ["still here"]
    recovered.lock()
    assert new_code != code
    with pytest.raises(UserError) as caught:
        recover_journal(journal_path, code, "whatever long enough", FAST, backups)
    assert caught.value.kind is ErrorKind.WRONG_RECOVERY_CODE
    with pytest.raises(UserError) as caught:
        open_journal(journal_path, PASSPHRASE, FAST, backups)
    assert caught.value.kind is ErrorKind.WRONG_PASSPHRASE
    open_journal(journal_path, NEW, FAST, backups).lock()
    recover_journal(journal_path, new_code, PASSPHRASE, FAST, backups)[0].lock()


def test_showing_a_new_recovery_code_retires_the_old_one(
    journal_path: Path, backups: BackupSettings
) -> None:
    session, old = create_journal(journal_path, PASSPHRASE, FAST, backups)
    new = session.new_recovery_code(PASSPHRASE, FAST)
    session.lock()
    with pytest.raises(UserError):
        recover_journal(journal_path, old, NEW, FAST, backups)
    recover_journal(journal_path, new, NEW, FAST, backups)[0].lock()


def test_second_open_in_another_instance_is_refused(
    journal: JournalSession, backups: BackupSettings
) -> None:
    with pytest.raises(UserError) as caught:
        open_journal(journal.path, PASSPHRASE, FAST, backups)
    assert caught.value.kind is ErrorKind.ALREADY_OPEN


def test_lock_releases_the_instance_lock(journal: JournalSession, backups: BackupSettings) -> None:
    path = journal.path
    journal.lock()
    open_journal(path, PASSPHRASE, FAST, backups).lock()


def test_unlock_takes_one_automatic_backup_a_day(
    journal: JournalSession, reopen: Reopen, backups: BackupSettings
) -> None:
    again = reopen(journal)
    again = reopen(again)
    assert backups.folder is not None
    assert len(list(backups.folder.glob("*.rjbackup"))) == 1
    assert again.last_backup_time() is not None
    again.lock()


def test_keys_derived_ahead_are_zeroed_when_unlocking_fails(
    journal: JournalSession, backups: BackupSettings
) -> None:
    """'Already open' after the KDF started in the background: the derived keys are wiped."""
    from recovery_journal.storage.keys import PendingKeys

    pending = PendingKeys(keys_path(journal.path), PASSPHRASE, FAST.policy)
    with pytest.raises(UserError) as caught:
        vault.unlock(journal.path, PASSPHRASE, FAST, backups, pending)
    assert caught.value.kind is ErrorKind.ALREADY_OPEN
    derived = pending.result()
    assert derived.data_key == bytearray(32) and derived.master_key == bytearray(32)


def test_a_failed_create_leaves_no_lock_behind(tmp_path: Path) -> None:
    """Key derivation refused (here: parameters under the production floor) must not leave the
    lock held: the retry would say "already open in another window"."""
    path = tmp_path / "retry.rjournal"
    weak = vault.KeySettings(params=keys.TEST_PARAMS)  # production policy refuses it
    with pytest.raises(UserError) as refused:
        vault.create(path, PASSPHRASE, weak)
    assert refused.value.kind is ErrorKind.KEY_POLICY
    journal, _code = vault.create(path, PASSPHRASE, FAST)
    journal.close()
