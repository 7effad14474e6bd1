"""Start deriving a journal's keys before the database stack is even imported.

A command-line run spends ~0.8 s in Argon2id; whatever else it has to import (the light reading
path for ``list``/``search``/``show``, SQLAlchemy and the ORM for commands that change the journal)
is imported meanwhile: the KDF releases the GIL. This module imports only the light key-envelope
code.
"""

from __future__ import annotations

from pathlib import Path

from recovery_journal.errors import UserError
from recovery_journal.paths import keys_path, normalise_journal_path
from recovery_journal.storage.keys import KeySettings, PendingKeys


def start_key_derivation(path: Path, passphrase: str, settings: KeySettings) -> PendingKeys | None:
    """Begin unlocking ``path``'s keys in the background; None if that can't start (a missing or
    damaged file: opening normally then reports it in the usual words and order)."""
    journal = normalise_journal_path(path)
    if not journal.exists():
        return None
    try:
        return PendingKeys(keys_path(journal), passphrase, settings.policy)
    except UserError:
        return None
