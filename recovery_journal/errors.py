"""Errors a person can act on, kept apart from bugs.

Everything the environment or the input can cause (a wrong passphrase, a damaged file, a full
disk, a malformed import) is a :class:`UserError` with a :class:`ErrorKind` and a message that is
safe and kind to show as it is. Messages never contain journal content. Anything else that escapes
is a bug and is reported as one (crash dialog in the app, a short note and exit code 1 in the CLI).
"""

from __future__ import annotations

from enum import Enum


class ErrorKind(Enum):
    """What went wrong, as the UI and the CLI need to tell it apart."""

    WRONG_PASSPHRASE = "wrong_passphrase"
    WRONG_RECOVERY_CODE = "wrong_recovery_code"
    KEY_FILE_MISSING = "key_file_missing"
    KEY_FILE_DAMAGED = "key_file_damaged"
    KEY_POLICY = "key_policy"
    FILES_MISMATCHED = "files_mismatched"
    KEYS_OUTDATED = "keys_outdated"  # a key file from before "change every key"
    JOURNAL_DAMAGED = "journal_damaged"
    NOT_A_JOURNAL = "not_a_journal"
    JOURNAL_MISSING = "journal_missing"
    JOURNAL_EXISTS = "journal_exists"
    ALREADY_OPEN = "already_open"
    DISK_FULL = "disk_full"
    READ_ONLY = "read_only"
    JOURNAL_LOCKED = "journal_locked"
    TOO_NEW = "too_new"
    BACKUP_DAMAGED = "backup_damaged"
    INVALID_INPUT = "invalid_input"
    IMPORT_REFUSED = "import_refused"  # a file to import that can't be (nothing was written)
    NOT_FOUND = "not_found"
    IO = "io"


class UserError(Exception):
    """An error caused by the environment or the input, with a message safe to show."""

    def __init__(self, kind: ErrorKind, message: str, *, hint: str = "") -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} {self.hint}".strip()


class ValidationError(UserError):
    """Input that does not fit (a mood of 12, an empty name); names the field it is about."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(ErrorKind.INVALID_INPUT, message)
        self.field = field


class NotFoundError(UserError):
    """Something asked for by id that is not in the journal (or no longer)."""

    def __init__(self, what: str, ident: int) -> None:
        super().__init__(ErrorKind.NOT_FOUND, f"That {what} (#{ident}) isn't in this journal.")
        self.what = what
        self.ident = ident
