"""Unlocking a journal whose re-encryption under new keys was interrupted (``.keys.next``
beside it; see :mod:`~recovery_journal.storage.rekey`): the secret is tried on both key files, the
database answers to exactly one data key, and the key files are then put in order."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from recovery_journal.errors import ErrorKind, UserError
from recovery_journal.paths import keys_path, next_keys_path
from recovery_journal.storage import database, keys
from recovery_journal.storage.atomic import fsync_dir, os_error_to_user_error
from recovery_journal.storage.instance_lock import InstanceLock
from recovery_journal.storage.open_journal import OpenJournal
from recovery_journal.storage.options import BackupSettings
from recovery_journal.storage.unlocking import open_with_keys

_SECRET_KINDS = (ErrorKind.WRONG_PASSPHRASE, ErrorKind.WRONG_RECOVERY_CODE)


def unlock_interrupted(
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
    journal = open_with_keys(
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
