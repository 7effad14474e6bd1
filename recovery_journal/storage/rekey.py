"""Re-encrypting a journal under new keys ("someone may know my old passphrase"), crash-safely.

Changing the passphrase only re-wraps the master key: an old copy of the key file and the old
passphrase still unwrap the data key that encrypts the *current* journal. Re-encrypting replaces
every secret instead: a new data key (every page of the database rewritten with SQLCipher's
rekey), a new master key, a new passphrase slot and a new recovery code. Two files change, in
this order:

1. the new key file is written beside the old one, as ``NAME.rjournal.keys.next``;
2. the database is rewritten under the new data key (:func:`database.rekey`: all or nothing);
3. the new key file takes the old one's place (an atomic rename).

Killed anywhere, nothing is lost: while ``.keys.next`` exists, unlocking tries the secret on both
key files and opens the database with whichever data key it answers to — exactly one — then
finishes step 3, or removes ``.keys.next`` if step 2 never happened
(``interrupted_rekey.unlock_interrupted``). Backups made earlier keep their own keys: they still
open with the passphrase they were made with.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os

from recovery_journal.errors import UserError
from recovery_journal.paths import keys_path, next_keys_path
from recovery_journal.storage import database, keys
from recovery_journal.storage.atomic import fsync_dir, os_error_to_user_error
from recovery_journal.storage.vault import KeySettings, OpenJournal


def reencrypt(
    journal: OpenJournal, old: str, new: str, settings: KeySettings = KeySettings()
) -> str:
    """Check ``old``, then put the journal under new keys with ``new`` as its passphrase;
    returns the new recovery code (the old code, passphrase and key files stop opening it)."""
    with journal.guard:
        journal._require_open()
        journal.wait_for_side_work()  # a background check or backup reads the file: let it end
        keys.unlock_with_passphrase(journal.envelope, old, settings.policy).wipe()
        envelope, fresh, code = keys.new_envelope(
            new, settings.params, settings.policy, journal_id=journal.journal_id
        )
        # SQLCipher's rekey keeps the file's salt, so the pair still recognise each other.
        envelope = dataclasses.replace(envelope, database_salt=journal.envelope.database_salt)
        pending = next_keys_path(journal.path)
        try:
            keys.write_envelope(pending, envelope)
        except BaseException:
            fresh.wipe()
            with contextlib.suppress(OSError):
                pending.unlink(missing_ok=True)
            raise
        try:
            database.rekey(journal.connection, fresh.data_key)
        except BaseException:
            _settle_after_failed_rewrite(journal, fresh, envelope)
            raise
        _adopt(journal, fresh, envelope)
        # A backup under the new keys: earlier ones open only with the old passphrase, and its
        # key file lets an old key file put back by hand be recognised as such (vault). The
        # change itself is done: a failed backup (disk full) must not hide the new code.
        with contextlib.suppress(UserError):
            journal.auto_backup("new-keys", force=True)
        return code


def _settle_after_failed_rewrite(
    journal: OpenJournal, fresh: keys.UnlockedKeys, envelope: keys.Envelope
) -> None:
    """The rewrite raised (a full disk, an interruption): the connection can't be trusted any
    more, so it is replaced, and the file itself says which key it answers to. Neither: both key
    files stay, the journal is locked, and the next unlock sorts it out or reports damage."""
    pending = next_keys_path(journal.path)
    journal.drop_engine()
    with contextlib.suppress(Exception):
        journal.connection.close()
    with contextlib.suppress(Exception):  # whatever goes wrong here, the journal is locked
        for material in (journal.key_material, fresh):
            # A new connection rolls a half-done rewrite back; the key it reads with is the one.
            with contextlib.suppress(UserError):
                journal.connection = database.connect(journal.path, material.data_key)
                if material is fresh:
                    _adopt(journal, fresh, envelope)
                else:
                    fresh.wipe()
                    with contextlib.suppress(OSError):
                        pending.unlink(missing_ok=True)
                return
    fresh.wipe()
    journal.close()


def _adopt(journal: OpenJournal, fresh: keys.UnlockedKeys, envelope: keys.Envelope) -> None:
    """The database answers only to the new data key now: use the new keys, and put the new key
    file in the old one's place. If that rename fails the journal is locked (the next unlock
    finishes it): going on would leave the two key files out of step with later changes."""
    journal.key_material.wipe()
    journal.key_material, journal.envelope = fresh, envelope
    try:
        os.replace(next_keys_path(journal.path), keys_path(journal.path))
        fsync_dir(journal.path.parent)
    except OSError as exc:
        journal.close()
        raise UserError(
            os_error_to_user_error(exc, "the new key file").kind,
            "Your journal is now encrypted under the new keys, but the new key file couldn't "
            "take the old one's place, so the journal was locked.",
            hint="Unlock it with your new passphrase: that finishes the change.",
        ) from None
