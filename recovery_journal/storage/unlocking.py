"""Opening an existing journal once its keys are unwrapped, telling apart every way it can fail
(DESIGN.md section 3): missing or half-missing files, an ordinary database, files that don't
belong together, a write-ahead log that isn't this journal's, damage, and a key file older than
the journal's keys. Runs the migrations (after a backup) of a journal made by an older version,
and gives a journal with 4 KB pages 8 KB ones (:mod:`~recovery_journal.storage.large_pages`).
"""

from __future__ import annotations

from pathlib import Path

from sqlcipher3 import dbapi2

from recovery_journal.errors import ErrorKind, UserError
from recovery_journal.paths import keys_path
from recovery_journal.storage import backup, database, keys, large_pages, migrations, page_check
from recovery_journal.storage.instance_lock import InstanceLock
from recovery_journal.storage.open_journal import OpenJournal, opened
from recovery_journal.storage.options import BackupSettings


def check_files(path: Path) -> None:
    """Both files of the pair are there, and the journal is a file (before any key work)."""
    has_db, has_keys = path.exists(), keys_path(path).exists()
    if not has_db and not has_keys:
        raise UserError(
            ErrorKind.JOURNAL_MISSING,
            "There is no journal at that place.",
            hint="Create a new journal, or open the one you have from where it is.",
        )
    if not has_db:  # half a journal: as serious as a missing key file (exit 4, restore offer)
        raise UserError(
            ErrorKind.JOURNAL_DAMAGED,
            "The journal file is missing; only its key file is there.",
            hint="Move the journal file back beside its key file, or restore from a backup.",
        )
    if path.is_dir():
        raise UserError(ErrorKind.NOT_A_JOURNAL, "That is a folder, not a journal file.")


def _mismatched() -> UserError:
    return UserError(
        ErrorKind.FILES_MISMATCHED,
        "This journal file and this key file don't belong together: they come from different "
        "journals, or the journal file was replaced. Nothing was changed.",
        hint="Put each journal beside its own key file (same name + “.keys”), or restore your "
        "latest backup.",
    )


def _superseded(envelope: keys.Envelope, folder: Path) -> bool:
    """Whether this journal's newest backup holds a different data key than ``envelope`` (a
    passphrase change or a new recovery code keeps the wrapped data key as it is)."""
    newest = backup.newest_envelope(folder, envelope.journal_id)
    return newest is not None and (newest.data_key_nonce, newest.wrapped_data_key) != (
        envelope.data_key_nonce,
        envelope.wrapped_data_key,
    )


def _damaged_or_older_keys() -> UserError:
    """No page fits the key and no backup tells why: damage, or an old key file put back."""
    return UserError(
        ErrorKind.JOURNAL_DAMAGED,
        database.damaged_error().message,
        hint="If you put an older copy of its key file beside it (from before “change every "
        "key”), put the current key file back instead: restoring an older backup would lose "
        "newer entries. Otherwise you can restore it from your latest backup.",
    )


def _older_keys() -> UserError:
    return UserError(
        ErrorKind.KEYS_OUTDATED,
        "These keys belong to an older version of this journal: it was encrypted again under new "
        "keys (“change every key”) after this key file was made, so they no longer open it. "
        "The journal itself is fine, and nothing was changed.",
        hint="Put back the journal's current key file and unlock with your current passphrase "
        "or recovery code. Don't restore an older backup over it: that would lose newer entries.",
    )


def _check_database_file(path: Path, envelope: keys.Envelope) -> None:
    with path.open("rb") as handle:
        head = handle.read(len(database.SQLITE_HEADER))
    if not head:
        raise database.damaged_error()
    if head == database.SQLITE_HEADER:
        raise UserError(
            ErrorKind.NOT_A_JOURNAL,
            "That file is an ordinary (unencrypted) database, not a Recovery Journal.",
            hint="Open a .rjournal file made by Recovery Journal.",
        )
    if envelope.database_salt is not None and head.hex() != envelope.database_salt:
        # A different database (salt) — or page 1 damaged right in its first 16 bytes; the
        # former is far likelier, and both leave the files untouched.
        raise _mismatched()


def _read_journal_id(conn: database.DBAPIConnection) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key = 'journal_id'").fetchone()
    return None if row is None else str(row[0])


def open_with_keys(
    path: Path,
    key_material: keys.UnlockedKeys,
    lock: InstanceLock,
    envelope: keys.Envelope,
    backups: BackupSettings,
    *,
    check_every_page: bool = True,
) -> OpenJournal:
    """The journal opened with keys already unwrapped (and migrated if it is older); on any
    failure the keys are zeroed, the lock released and the most precise error raised."""
    conn = None
    try:
        _check_database_file(path, envelope)
        large_pages.remove_leftovers(path)  # a copy an interrupted conversion left behind
        if not database.leftover_wal_fits(path, key_material.data_key):
            raise UserError(
                ErrorKind.FILES_MISMATCHED,
                f"The file “{path.name}-wal” beside this journal doesn't belong to it, so the "
                "journal wasn't opened. Nothing was changed.",
                hint="If you copied journal files by hand, put back the matching files (or move "
                "that one away); otherwise restore from your latest backup.",
            )
        conn = database.connect(path, key_material.data_key)
        version = migrations.schema_version(conn)
        migrations.check_supported(version)
        if version == 0 or _read_journal_id(conn) != envelope.journal_id:
            raise _mismatched()
        if check_every_page and conn.execute("PRAGMA cipher_integrity_check").fetchall():
            raise database.damaged_error()
        journal = opened(path, conn, key_material, lock, envelope, backups)
        applied: list[int] = []
        if version < migrations.CURRENT_VERSION:
            journal.auto_backup(f"before-upgrade-v{version}", force=True)
            # The compaction a step asks for waits: a journal with 4 KB pages is copied whole
            # right after (large_pages), which compacts it too — one pass, not two.
            applied = migrations.migrate(conn, compact_after=False)
            journal.migrated_from = version
        try:
            converted = large_pages.backup_then_convert(journal)  # 4 KB pages → 8 KB, once
        finally:
            conn = journal.connection  # a new one after a conversion
        if not converted:
            migrations.compact_if_asked(conn, applied)
        return journal
    except BaseException as exc:
        if conn is not None:
            conn.close()
        error = exc
        if isinstance(exc, dbapi2.Error):
            error = database.error_from_sqlite(exc, opening=True) or database.damaged_error()
        if (
            isinstance(error, UserError)
            and error.kind is ErrorKind.JOURNAL_DAMAGED
            and page_check.key_fits_no_page(path, key_material.data_key)
        ):
            # Not one page fits this key: noise, or a key file from before "change every key".
            # The newest backup of this journal tells them apart: after the change it holds
            # other keys (a backup is taken right after every change of keys).
            superseded = _superseded(envelope, backups.folder_for(path))
            error = _older_keys() if superseded else _damaged_or_older_keys()
        key_material.wipe()
        lock.release()
        if error is exc:
            raise
        raise error from None


def locked(path: Path) -> InstanceLock:
    """The journal's single-instance lock, held ("already open in another window" otherwise)."""
    lock = InstanceLock.for_journal(path)
    lock.acquire()
    return lock
