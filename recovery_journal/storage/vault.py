"""The journal's lifecycle: create, unlock, lock, change passphrase, recover.

This is the one name callers use. An unlocked journal is an
:class:`~recovery_journal.storage.open_journal.OpenJournal` (re-exported here, with
:func:`last_backup_time`); opening one tells apart every way it can fail
(:mod:`~recovery_journal.storage.unlocking`, and :mod:`~recovery_journal.storage.interrupted_rekey`
for a change of every key cut short) and never creates a journal by accident.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from sqlcipher3 import dbapi2

from recovery_journal.domain.clock import utc_now
from recovery_journal.errors import ErrorKind, UserError
from recovery_journal.paths import (
    keys_path,
    make_private_dir,
    next_keys_path,
    normalise_journal_path,
)
from recovery_journal.storage import database, keys, migrations
from recovery_journal.storage.atomic import create_private_file, os_error_to_user_error
from recovery_journal.storage.instance_lock import InstanceLock
from recovery_journal.storage.interrupted_rekey import unlock_interrupted
from recovery_journal.storage.keys import KeySettings, PendingKeys
from recovery_journal.storage.open_journal import OpenJournal, last_backup_time, opened
from recovery_journal.storage.options import BackupSettings
from recovery_journal.storage.unlocking import check_files, locked, open_with_keys

__all__ = [
    "BackupSettings",
    "KeySettings",
    "OpenJournal",
    "PendingKeys",
    "change_passphrase",
    "create",
    "last_backup_time",
    "new_recovery_code",
    "unlock",
    "unlock_with_recovery_code",
]


# ---------------------------------------------------------------- creating


def create(
    path: Path,
    passphrase: str,
    settings: KeySettings = KeySettings(),
    backups: BackupSettings = BackupSettings(),
) -> tuple[OpenJournal, str]:
    """Make a new journal pair at ``path``; returns it unlocked plus its recovery code."""
    path = normalise_journal_path(path)
    if path.exists() or keys_path(path).exists():
        raise UserError(
            ErrorKind.JOURNAL_EXISTS,
            "There is already a journal at that place.",
            hint="Open it, or choose another name or folder for a new one.",
        )
    try:
        make_private_dir(path.parent)
    except OSError as exc:
        raise os_error_to_user_error(exc, "the new journal") from None
    lock = InstanceLock.for_journal(path)
    lock.acquire()
    try:
        envelope, key_material, code = keys.new_envelope(
            passphrase, settings.params, settings.policy
        )
    except BaseException:
        lock.release()  # else a retry would say "already open in another window"
        raise
    conn = None
    made_file = False
    try:
        _create_private_file(path)
        made_file = True
        lock.lock_identity()
        conn = database.connect(path, key_material.data_key, create=True)
        migrations.migrate(conn)
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(
            "INSERT INTO meta(key, value) VALUES ('journal_id', ?)", (envelope.journal_id,)
        )
        conn.execute(
            "INSERT INTO meta(key, value) VALUES ('created_utc', ?)", (utc_now().isoformat(),)
        )
        conn.execute("COMMIT")
        salt = str(conn.execute("PRAGMA cipher_salt").fetchone()[0])
        envelope = dataclasses.replace(envelope, database_salt=salt)
        # The key file is written last: a journal without it is incomplete and is removed below.
        keys.write_envelope(keys_path(path), envelope)
    except BaseException as exc:
        if conn is not None:
            conn.close()
        key_material.wipe()
        if made_file:
            _remove_partial(path)
        lock.release()
        if isinstance(exc, dbapi2.Error):
            raise database.error_from_sqlite(exc) or exc from None
        raise
    return opened(path, conn, key_material, lock, envelope, backups), code


def _create_private_file(path: Path) -> None:
    """Create the empty database file as 0600 first; SQLite gives -wal/-shm the same mode."""
    try:
        create_private_file(path)
    except OSError as exc:
        raise os_error_to_user_error(exc, "the new journal") from None


def _remove_partial(path: Path) -> None:
    """Undo a failed create: only files this create made (the pair did not exist before)."""
    if keys_path(path).exists():
        return
    for suffix in ("", "-wal", "-shm", "-journal"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)


# ---------------------------------------------------------------- unlocking


def unlock(
    path: Path,
    passphrase: str,
    settings: KeySettings = KeySettings(),
    backups: BackupSettings = BackupSettings(),
    pending: PendingKeys | None = None,
    *,
    check_every_page: bool = True,
) -> OpenJournal:
    """Open an existing journal with its passphrase (``pending``: its keys already being derived
    from that passphrase, see :class:`~recovery_journal.storage.keys.PendingKeys`).

    ``check_every_page`` verifies every page's HMAC before anything else happens, so damage shows
    up at unlock, before anything new is written (~50 ms for ten years). A read-only look may skip
    it: SQLCipher checks each page it reads anyway, and a look can't spread damage."""
    path = normalise_journal_path(path)
    try:
        check_files(path)
        envelope = pending.envelope if pending else keys.read_envelope(keys_path(path))
        lock = locked(path)
    except BaseException:
        if pending is not None:
            pending.discard()  # keys derived in the background are zeroed, not left to the GC
        raise

    def with_passphrase(chosen: keys.Envelope) -> keys.UnlockedKeys:
        if pending is not None and chosen is envelope:
            return pending.result()
        return keys.unlock_with_passphrase(chosen, passphrase, settings.policy)

    if next_keys_path(path).exists():
        try:
            return unlock_interrupted(
                path, lock, envelope, with_passphrase, backups, check_every_page=check_every_page
            )
        except BaseException:
            if pending is not None:
                pending.discard()  # zeroed even when the keys derived ahead weren't used
            raise
    try:
        key_material = with_passphrase(envelope)
    except BaseException:
        lock.release()
        raise
    return open_with_keys(
        path, key_material, lock, envelope, backups, check_every_page=check_every_page
    )


def unlock_with_recovery_code(
    path: Path,
    code: str,
    new_passphrase: str,
    settings: KeySettings = KeySettings(),
    backups: BackupSettings = BackupSettings(),
) -> tuple[OpenJournal, str]:
    """Open with the recovery code; sets ``new_passphrase`` and replaces the code (returned)."""
    path = normalise_journal_path(path)
    check_files(path)
    envelope = keys.read_envelope(keys_path(path))
    lock = locked(path)
    if next_keys_path(path).exists():
        journal = unlock_interrupted(
            path,
            lock,
            envelope,
            lambda chosen: keys.unlock_with_recovery_code(chosen, code),
            backups,
            wrong=ErrorKind.WRONG_RECOVERY_CODE,
        )
        envelope = journal.envelope
        key_material = journal.key_material
    else:
        try:
            key_material = keys.unlock_with_recovery_code(envelope, code)
        except BaseException:
            lock.release()
            raise
        journal = open_with_keys(path, key_material, lock, envelope, backups)
    try:
        updated = keys.with_new_passphrase(
            envelope, key_material, new_passphrase, settings.params, settings.policy
        )
        updated, new_code = keys.with_new_recovery_code(updated, key_material)
        keys.write_envelope(keys_path(path), updated)
    except BaseException:
        journal.close()
        raise
    journal.envelope = updated
    return journal, new_code


def change_passphrase(
    journal: OpenJournal, old: str, new: str, settings: KeySettings = KeySettings()
) -> None:
    """Re-wrap the master key under ``new`` after checking ``old``; the database is untouched."""
    with journal.guard:
        journal._require_open()
        check = keys.unlock_with_passphrase(journal.envelope, old, settings.policy)
        check.wipe()
        updated = keys.with_new_passphrase(
            journal.envelope, journal.key_material, new, settings.params, settings.policy
        )
        keys.write_envelope(keys_path(journal.path), updated)
        journal.envelope = updated


def new_recovery_code(
    journal: OpenJournal, passphrase: str, settings: KeySettings = KeySettings()
) -> str:
    """Replace the recovery code (the old one stops working) after checking the passphrase."""
    with journal.guard:
        journal._require_open()
        keys.unlock_with_passphrase(journal.envelope, passphrase, settings.policy).wipe()
        updated, code = keys.with_new_recovery_code(journal.envelope, journal.key_material)
        keys.write_envelope(keys_path(journal.path), updated)
        journal.envelope = updated
        return code
