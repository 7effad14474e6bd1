"""The key file (``NAME.rjournal.keys``): the envelope's data types and its JSON, read and written.

Parsing is strict: anything malformed is a damaged key file (``KEY_FILE_DAMAGED``), and a newer
format is told apart from a damaged version number. The cryptography that fills and opens an
envelope lives in :mod:`~recovery_journal.storage.key_derivation` and
:mod:`~recovery_journal.storage.keys`; the format is documented in docs/FILE-FORMAT.md.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from recovery_journal.errors import ErrorKind, UserError
from recovery_journal.storage.atomic import write_atomic

FORMAT = "recovery-journal-keys"
FORMAT_VERSION = 1
SLOT_PASSPHRASE = "passphrase"
SLOT_RECOVERY = "recovery_code"
DATA_KEY_CIPHER = "aes-256-gcm"
MIN_SALT_BYTES = 8  # Argon2's minimum; HKDF salts are held to the same
MAX_SALT_BYTES = 64
_ENVELOPE_MAX_BYTES = 64 * 1024
_SLOT_KDFS = {SLOT_PASSPHRASE: "argon2id", SLOT_RECOVERY: "hkdf-sha256"}


def damaged() -> UserError:
    """The error for a key file that can't be used as it is."""
    return UserError(
        ErrorKind.KEY_FILE_DAMAGED,
        "This journal's key file is damaged, so the journal can't be unlocked with it.",
        hint="Restore the journal from a backup (a backup holds its own copy of the key file).",
    )


@dataclass(frozen=True, slots=True)
class Slot:
    """One way to unlock: KDF description (JSON-ready) plus the wrapped master key."""

    kind: str
    kdf: dict[str, Any]
    nonce: bytes
    wrapped_master_key: bytes


@dataclass(frozen=True, slots=True)
class Envelope:
    """The parsed ``.keys`` file."""

    journal_id: str
    slots: tuple[Slot, ...]
    data_key_nonce: bytes
    wrapped_data_key: bytes
    version: int = FORMAT_VERSION
    # The database file's SQLCipher salt (its first 16 bytes), hex. Not secret and not bound as
    # associated data: it only lets the app tell "these files don't belong together" apart from
    # "the database is damaged" (a wrong key and a damaged page 1 look the same to SQLCipher).
    database_salt: str | None = None

    def slot(self, kind: str) -> Slot:
        for slot in self.slots:
            if slot.kind == kind:
                return slot
        raise damaged()


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: object) -> bytes:
    """Strict base64 of a key file field; anything else is damage."""
    if not isinstance(text, str):
        raise damaged()
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise damaged() from None


def salt_of(kdf: dict[str, Any]) -> bytes:
    """A slot's KDF salt, of a usable length."""
    salt = unb64(kdf.get("salt"))
    if not MIN_SALT_BYTES <= len(salt) <= MAX_SALT_BYTES:
        raise damaged()
    return salt


def is_salt_hex(value: object) -> bool:
    return (
        isinstance(value, str) and len(value) == 32 and all(c in "0123456789abcdef" for c in value)
    )


def envelope_to_json(envelope: Envelope) -> bytes:
    doc: dict[str, Any] = {
        "format": FORMAT,
        "version": envelope.version,
        "journal_id": envelope.journal_id,
        "slots": [
            {
                "type": s.kind,
                "kdf": s.kdf,
                "nonce": b64(s.nonce),
                "wrapped_master_key": b64(s.wrapped_master_key),
            }
            for s in envelope.slots
        ],
        "data_key": {
            "cipher": DATA_KEY_CIPHER,
            "nonce": b64(envelope.data_key_nonce),
            "wrapped": b64(envelope.wrapped_data_key),
        },
    }
    if envelope.database_salt is not None:
        doc["database_salt"] = envelope.database_salt
    return json.dumps(doc, indent=2).encode() + b"\n"


def _parse_slot(item: object) -> Slot:
    if not isinstance(item, dict):
        raise damaged()
    kind, kdf = item.get("type"), item.get("kdf")
    if not isinstance(kind, str) or not isinstance(kdf, dict):
        raise damaged()
    if kind in _SLOT_KDFS:
        # A slot this version knows must name its KDF and carry a usable salt; what else its
        # KDF needs is checked (against the policy) when it is used.
        if kdf.get("name") != _SLOT_KDFS[kind]:
            raise damaged()
        salt_of(kdf)
    return Slot(kind, dict(kdf), unb64(item.get("nonce")), unb64(item.get("wrapped_master_key")))


def _parse_v1(doc: dict[str, Any]) -> Envelope:
    """The version-1 body of a key file; any deviation is a damaged key file."""
    journal_id, slots, data_key = doc.get("journal_id"), doc.get("slots"), doc.get("data_key")
    if not isinstance(journal_id, str) or not journal_id or not isinstance(slots, list):
        raise damaged()
    if not isinstance(data_key, dict) or data_key.get("cipher") != DATA_KEY_CIPHER:
        # Read and checked: AES-256-GCM is the only cipher this format has, so a changed
        # ``cipher`` is damage (it is not in the associated data; it has only one valid value).
        raise damaged()
    envelope = Envelope(
        journal_id,
        tuple(_parse_slot(item) for item in slots),
        unb64(data_key.get("nonce")),
        unb64(data_key.get("wrapped")),
    )
    salt = doc.get("database_salt")
    if salt is not None:
        if not is_salt_hex(salt):
            raise damaged()
        envelope = dataclasses.replace(envelope, database_salt=salt)
    return envelope


def envelope_from_json(raw: bytes) -> Envelope:
    """Parse a key file. Anything malformed is KEY_FILE_DAMAGED; TOO_NEW only for a file that
    says a newer version *and* isn't a version-1 file with a changed number (a flipped bit in
    ``version`` must not send someone looking for an update that doesn't exist)."""
    try:
        doc = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):  # ValueError: also huge numbers
        raise damaged() from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise damaged()
    version = doc.get("version")
    if version == FORMAT_VERSION and type(version) is int:
        return _parse_v1(doc)
    if type(version) is not int or version < FORMAT_VERSION:
        raise damaged()
    try:
        _parse_v1(doc)
    except UserError:  # not laid out as version 1: a real newer format
        raise UserError(
            ErrorKind.TOO_NEW,
            "This journal's key file was written by a newer version of Recovery Journal.",
            hint="Update the app to open it.",
        ) from None
    raise damaged()  # a complete version-1 file with another number: the number was damaged


def read_envelope(path: Path) -> Envelope:
    try:
        with path.open("rb") as handle:
            raw = handle.read(_ENVELOPE_MAX_BYTES + 1)
    except FileNotFoundError:
        raise UserError(
            ErrorKind.KEY_FILE_MISSING,
            f"The key file for this journal is missing (it should be next to it, named "
            f"“{path.name}”).",
            hint="Copy it back from where you moved the journal, or restore from a backup.",
        ) from None
    except (IsADirectoryError, NotADirectoryError):
        raise damaged() from None  # a folder where the key file should be
    except OSError as exc:
        if os.path.isdir(path):  # Windows says "permission denied" for a folder
            raise damaged() from None
        raise UserError(
            ErrorKind.IO,
            f"The key file for this journal can't be read ({exc.strerror}).",
            hint="Check the drive and the file's permissions, then try again.",
        ) from None
    if len(raw) > _ENVELOPE_MAX_BYTES:
        raise damaged()
    return envelope_from_json(raw)


def write_envelope(path: Path, envelope: Envelope) -> None:
    write_atomic(path, envelope_to_json(envelope), "the key file")
