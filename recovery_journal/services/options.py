"""What the UI needs before a journal is open, without importing the database stack.

Settings types, "is there a journal here?", checking a typed recovery code, and starting the key
derivation early (:mod:`.prederive`). Importing this costs milliseconds, so the unlock screen can
appear at once while SQLAlchemy loads in the background.
"""

from __future__ import annotations

from pathlib import Path

from recovery_journal.paths import keys_path, normalise_journal_path
from recovery_journal.services.prederive import start_key_derivation
from recovery_journal.storage.keys import KeySettings, PendingKeys, parse_recovery_code
from recovery_journal.storage.options import BackupSettings

__all__ = [
    "BackupSettings",
    "KeySettings",
    "PendingKeys",
    "journal_exists",
    "start_key_derivation",
    "validate_recovery_code",
]


def journal_exists(path: Path) -> bool:
    """Whether either file of a journal pair is at ``path`` (then it is opened, never created)."""
    journal = normalise_journal_path(path)
    return journal.exists() or keys_path(journal).exists()


def validate_recovery_code(text: str) -> None:
    """Raise a kind UserError if ``text`` can't be a recovery code (before any slow work)."""
    parse_recovery_code(text)
