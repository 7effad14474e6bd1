"""The form a passphrase is used in (Unicode NFC). Its strength is judged in
:mod:`recovery_journal.services.passphrase` (zxcvbn, which ``domain`` may not import)."""

from __future__ import annotations

import unicodedata


def normalise(passphrase: str) -> str:
    """The form a passphrase is used in: Unicode NFC, so ``café`` typed as ``e`` + combining
    accent (NFD, as some keyboards and macOS file names produce) is the same passphrase."""
    return unicodedata.normalize("NFC", passphrase)
