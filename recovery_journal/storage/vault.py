"""The journal's lifecycle: create, unlock, lock, change passphrase, recover.

An :class:`OpenJournal` is an unlocked journal: the single-instance lock, the keys (zeroed on lock),
the keyed SQLCipher connection (and, once the ORM is used, the SQLAlchemy engine over it).
Opening tells apart every way it can fail (DESIGN.md section 3) and never creates a journal by
accident.
"""

from __future__ import annotations

import dataclasses
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlcipher3 import dbapi2

from recovery_journal.domain.clock import utc_now
from recovery_journal.errors import ErrorKind, UserError
from recovery_journal.paths import (
    backups_dir,
    keys_path,
    make_private_dir,
    next_keys_path,
    normalise_journal_path,
)
from recovery_journal.storage import backup, database, keys, migrations, page_check
from recovery_journal.storage.atomic import fsync_dir, os_error_to_user_error
from recovery_journal.storage.instance_lock import InstanceLock
from recovery_journal.storage.keys import KeySettings, PendingKeys
from recovery_journal.storage.options import BackupSettings

if TYPE_CHECKING:
    from sqlalchemy import Engine

__all__ = ["BackupSettings", "KeySettings", "OpenJournal", "PendingKeys"]


@dataclass
class OpenJournal:
    """An unlocked journal. Use it from one thread at a time (``guard``); :meth:`close` locks it."""

    path: Path
    journal_id: str
    connection: database.DBAPIConnection
    key_material: keys.UnlockedKeys
    instance_lock: InstanceLock
    envelope: keys.Envelope
    backups: BackupSettings = field(default_factory=BackupSettings)
    guard: threading.RLock = field(default_factory=threading.RLock)
    migrated_from: int | None = None
    # True when this unlock finished an interrupted change of every key: its new recovery code
    # may never have been shown, so the person is offered a new one.
    finished_key_change: bool = False
    closed: bool = False
    _engine: Engine | None = field(default=None, init=False, repr=False)

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine over :attr:`connection`, made on first use (importing
        SQLAlchemy and the ORM is most of a command-line run that doesn't need them)."""
        with self.guard:
            self._require_open()
            if self._engine is None:
                from recovery_journal.storage.engine import make_engine

                self._engine = make_engine(self.connection)
            return self._engine

    @contextmanager
    def reading(self) -> Iterator[database.DBAPIConnection]:
        """The connection inside one read transaction (a consistent snapshot), for plain-SQL
        reads; whatever happens inside is rolled back at the end. Called inside a unit of work
        already open on this thread, it reads within that one (and leaves it to its owner)."""
        with self.guard:
            self._require_open()
            if self.connection.in_transaction:
                yield self.connection
                return
            self.connection.execute("BEGIN")
            try:
                yield self.connection
            finally:
                if self.connection.in_transaction:  # an error may have ended it already
                    self.connection.execute("ROLLBACK")

    def schema_version(self) -> int:
        with self.guard:
            return migrations.schema_version(self.connection)

    def backup_to(self, destination: Path, reason: str = "manual") -> backup.BackupInfo:
        with self.guard:
            self._require_open()
            return backup.write_bundle(
                self.connection,
                self.key_material.data_key,
                self.envelope,
                migrations.schema_version(self.connection),
                destination,
                reason,
            )

    def auto_backup(self, reason: str = "", *, force: bool = False) -> backup.BackupInfo | None:
        """A rotating backup in the backups folder; at most once a day unless forced."""
        folder = self.backups.folder_for(self.path)
        now = utc_now()
        if not force and not backup.backup_due(folder, now, self.journal_id):
            return None
        name = backup.bundle_name(now, reason, self.journal_id)
        info = self.backup_to(folder / name, reason or "automatic")
        if folder == backups_dir(self.path):  # the app's own folder, maybe made before 0700
            backup.keep_folder_private(folder)
        backup.rotate(folder, self.backups.keep, self.journal_id)
        return info

    def _require_open(self) -> None:
        if self.closed:
            raise UserError(ErrorKind.JOURNAL_LOCKED, "The journal is locked. Unlock it first.")

    def close(self) -> None:
        """Lock: dispose the engine, close the connection, zero the keys, drop the lock."""
        with self.guard:
            if self.closed:
                return
            self.closed = True
            try:
                if self._engine is not None:
                    self._engine.dispose()
                self.connection.close()
            finally:
                self.key_material.wipe()
                self.instance_lock.release()


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
    return _opened(path, conn, key_material, lock, envelope, backups), code


def _create_private_file(path: Path) -> None:
    """Create the empty database file as 0600 first; SQLite gives -wal/-shm the same mode."""
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except OSError as exc:
        raise os_error_to_user_error(exc, "the new journal") from None


def _remove_partial(path: Path) -> None:
    """Undo a failed create: only files this create made (the pair did not exist before)."""
    if keys_path(path).exists():
        return
    for suffix in ("", "-wal", "-shm", "-journal"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)


def _opened(
    path: Path,
    conn: database.DBAPIConnection,
    key_material: keys.UnlockedKeys,
    lock: InstanceLock,
    envelope: keys.Envelope,
    backups: BackupSettings,
) -> OpenJournal:
    return OpenJournal(
        path=path,
        journal_id=envelope.journal_id,
        connection=conn,
        key_material=key_material,
        instance_lock=lock,
        envelope=envelope,
        backups=backups,
    )


# ---------------------------------------------------------------- unlocking


def _check_files(path: Path) -> None:
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


def _open_with_keys(
    path: Path,
    key_material: keys.UnlockedKeys,
    lock: InstanceLock,
    envelope: keys.Envelope,
    backups: BackupSettings,
    *,
    check_every_page: bool = True,
) -> OpenJournal:
    conn = None
    try:
        _check_database_file(path, envelope)
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
        journal = _opened(path, conn, key_material, lock, envelope, backups)
        if version < migrations.CURRENT_VERSION:
            journal.auto_backup(f"before-upgrade-v{version}", force=True)
            migrations.migrate(conn)
            journal.migrated_from = version
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


def _locked(path: Path) -> InstanceLock:
    lock = InstanceLock.for_journal(path)
    lock.acquire()
    return lock


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
        _check_files(path)
        envelope = pending.envelope if pending else keys.read_envelope(keys_path(path))
        lock = _locked(path)
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
            return _unlock_interrupted(
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
    return _open_with_keys(
        path, key_material, lock, envelope, backups, check_every_page=check_every_page
    )


_SECRET_KINDS = (ErrorKind.WRONG_PASSPHRASE, ErrorKind.WRONG_RECOVERY_CODE)


def _unlock_interrupted(
    path: Path,
    lock: InstanceLock,
    current: keys.Envelope,
    unlock_keys: Callable[[keys.Envelope], keys.UnlockedKeys],
    backups: BackupSettings,
    *,
    wrong: ErrorKind = ErrorKind.WRONG_PASSPHRASE,
    check_every_page: bool = True,
) -> OpenJournal:
    """Unlock a journal whose re-encryption was interrupted (``.keys.next`` beside it; see
    ``storage/rekey.py``). The secret may open the old key file, the new one or both (the same
    passphrase chosen again), and the database answers to exactly one of the two data keys. Once
    open, the key files are put in order: the new one takes the old one's place, or is removed
    if the database never changed."""
    pending_file = next_keys_path(path)
    try:
        try:
            candidates = [(current, False), (keys.read_envelope(pending_file), True)]
        except (UserError, OSError):  # unreadable: it can't be used, so only the current one can
            candidates = [(current, False)]
        unlocked = _unlock_each(candidates, unlock_keys)
        chosen = next((u for u in unlocked if _answers_to(path, u[1].data_key)), None)
        for other in unlocked:
            if other is not chosen:
                other[1].wipe()
        if chosen is None:
            if len(unlocked) == 1 and len(candidates) == 2:
                raise _other_secret_needed(tried_new=unlocked[0][2], kind=wrong)
            raise database.damaged_error()
    except BaseException:
        lock.release()
        raise
    envelope, key_material, is_new = chosen
    journal = _open_with_keys(
        path, key_material, lock, envelope, backups, check_every_page=check_every_page
    )
    try:
        if is_new:
            os.replace(pending_file, keys_path(path))
            fsync_dir(path.parent)
            journal.finished_key_change = True
        else:
            pending_file.unlink(missing_ok=True)
        # The rewrite's rollback journal, rolled back by now (or never hot): the journal runs in
        # WAL mode, where SQLite never looks at it again.
        path.with_name(path.name + "-journal").unlink(missing_ok=True)
    except OSError as exc:  # left as they are, later changes would fall out of step
        journal.close()
        raise os_error_to_user_error(exc, "the journal's key file") from None
    return journal


def _answers_to(path: Path, data_key: bytearray) -> bool:
    """Whether the database reads with ``data_key`` (a write-ahead log left beside it must fit
    too: see :func:`database.leftover_wal_fits`)."""
    try:
        return database.leftover_wal_fits(path, data_key) and database.accepts(path, data_key)
    except UserError:
        return False


def _unlock_each(
    candidates: list[tuple[keys.Envelope, bool]],
    unlock_keys: Callable[[keys.Envelope], keys.UnlockedKeys],
) -> list[tuple[keys.Envelope, keys.UnlockedKeys, bool]]:
    """Every envelope the secret opens, with its keys and whether it is the new one; the
    refusal of the first when it opens none."""
    unlocked: list[tuple[keys.Envelope, keys.UnlockedKeys, bool]] = []
    refusal: UserError | None = None
    try:
        for envelope, is_new in candidates:
            try:
                unlocked.append((envelope, unlock_keys(envelope), is_new))
            except UserError as error:
                if error.kind not in _SECRET_KINDS:
                    raise
                refusal = refusal or error
    except BaseException:
        for _envelope, material, _new in unlocked:
            material.wipe()
        raise
    if not unlocked:
        assert refusal is not None
        raise refusal
    return unlocked


def _other_secret_needed(*, tried_new: bool, kind: ErrorKind) -> UserError:
    secret = "recovery code" if kind is ErrorKind.WRONG_RECOVERY_CODE else "passphrase"
    if tried_new:
        return UserError(
            kind,
            "Re-encrypting your journal didn't finish, so nothing changed: it still opens with "
            "your previous passphrase and recovery code.",
            hint=f"Unlock with your previous {secret}, then change it again.",
        )
    return UserError(
        kind,
        "Your journal was re-encrypted with new keys just before it last closed: it now opens "
        "only with your new passphrase and the new recovery code.",
        hint=f"Unlock with the new {secret}.",
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
    _check_files(path)
    envelope = keys.read_envelope(keys_path(path))
    lock = _locked(path)
    if next_keys_path(path).exists():
        journal = _unlock_interrupted(
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
        journal = _open_with_keys(path, key_material, lock, envelope, backups)
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


def last_backup_time(
    journal: Path, backups: BackupSettings = BackupSettings(), journal_id: str | None = None
) -> datetime | None:
    bundles = backup.list_bundles(backups.folder_for(normalise_journal_path(journal)), journal_id)
    return bundles[-1][0].astimezone(UTC) if bundles else None
