"""Getting into a journal: create, unlock, recover, restore. Returns :class:`JournalSession`.

The UI and the CLI use only these (never ``storage`` directly). Unlocking also takes the automatic
daily backup; a migration's backup is taken by the vault before it changes anything.
"""

from __future__ import annotations

from pathlib import Path

from recovery_journal.errors import UserError
from recovery_journal.paths import default_journal_path, keys_path, normalise_journal_path
from recovery_journal.services.options import journal_exists, validate_recovery_code
from recovery_journal.services.reader import unlock_for_use
from recovery_journal.services.session import JournalSession
from recovery_journal.storage import backup, vault
from recovery_journal.storage.backup import BackupInfo
from recovery_journal.storage.keys import read_envelope
from recovery_journal.storage.options import BackupSettings
from recovery_journal.storage.vault import KeySettings, PendingKeys

__all__ = [
    "BackupInfo",
    "BackupSettings",
    "KeySettings",
    "PendingKeys",
    "create_journal",
    "default_journal_path",
    "journal_exists",
    "latest_backup",
    "open_journal",
    "recover_journal",
    "restore_backup",
    "validate_recovery_code",
]


def create_journal(
    path: Path,
    passphrase: str,
    settings: KeySettings = KeySettings(),
    backups: BackupSettings = BackupSettings(),
) -> tuple[JournalSession, str]:
    """A new, empty journal (unlocked) and its recovery code, to be shown once."""
    opened, code = vault.create(path, passphrase, settings, backups)
    return JournalSession(opened), code


def open_journal(
    path: Path,
    passphrase: str,
    settings: KeySettings = KeySettings(),
    backups: BackupSettings = BackupSettings(),
    pending: PendingKeys | None = None,
    *,
    upkeep_later: bool = False,
) -> JournalSession:
    """Unlock ``path``. With ``upkeep_later`` the whole-file check and the daily backup wait
    for :meth:`JournalSession.upkeep` (the app runs it in the background, the command line
    after its output)."""
    return JournalSession(
        unlock_for_use(path, passphrase, settings, backups, pending, upkeep_later=upkeep_later)
    )


def recover_journal(
    path: Path,
    recovery_code: str,
    new_passphrase: str,
    settings: KeySettings = KeySettings(),
    backups: BackupSettings = BackupSettings(),
) -> tuple[JournalSession, str]:
    """Open with the recovery code, set a new passphrase; returns the session and a new code."""
    opened, code = vault.unlock_with_recovery_code(
        path, recovery_code, new_passphrase, settings, backups
    )
    return JournalSession(opened), code


def restore_backup(bundle: Path, target: Path, *, replace_existing: bool = False) -> BackupInfo:
    """Restore a ``.rjbackup`` to ``target`` (a damaged journal there is set aside, not lost)."""
    return backup.restore_bundle(
        bundle, normalise_journal_path(target), replace_existing=replace_existing
    )


def latest_backup(path: Path, backups: BackupSettings = BackupSettings()) -> Path | None:
    """The newest automatic backup of *this* journal (by the id in its key file), if any — for
    "restore my latest backup". Without a readable key file: the newest in its backups folder
    if they all belong to one journal, else None (no safe answer)."""
    journal = normalise_journal_path(path)
    folder = backups.folder_for(journal)
    try:
        journal_id = read_envelope(keys_path(journal)).journal_id
    except UserError:
        # The key file is damaged or gone: the backups folder still answers when every bundle
        # in it belongs to one journal (the usual folder beside the journal).
        bundles = backup.list_bundles(folder)
        owners = {backup.bundle_owner(p) for _, p in bundles}
        return bundles[-1][1] if len(owners) == 1 and None not in owners else None
    bundles = backup.list_bundles(folder, journal_id)
    return bundles[-1][1] if bundles else None
