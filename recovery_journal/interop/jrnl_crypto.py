"""Decrypting jrnl's encrypted journals, written from the format (jrnl docs/encryption.md).

Three generations exist; all derive a key from the journal's password:

* ``JRNLv3`` (jrnl 4.6+): ``b"JRNLv3"``, a big-endian uint16 header length, a header (base64 of
  JSON, or raw JSON in early files) holding ``salt`` (base64url, 16 bytes), then a Fernet token.
  Key: PBKDF2-HMAC-SHA256(password, salt, 100 000 iterations, 32 bytes), base64url-encoded.
* v2 ("classic", jrnl 2-4.5): the whole file is one Fernet token (starts ``gAAAAA``); the same
  PBKDF2 with jrnl's fixed salt.
* v1 (jrnl 1.x): 16-byte IV then AES-256-CBC with key SHA-256(password), PKCS#7 or space padding.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import struct

from cryptography.exceptions import InvalidKey
from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes, padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

from recovery_journal.errors import ErrorKind
from recovery_journal.interop.records import ImportRefused

V3_MAGIC = b"JRNLv3"
V2_PREFIX = b"gAAAAA"
V2_SALT = b"\xf2\xd5q\x0e\xc1\x8d.\xde\xdc\x8e6t\x89\x04\xce\xf8"  # jrnl's published fixed salt
ITERATIONS = 100_000


def encryption_version(data: bytes) -> str | None:
    """``"v3"``, ``"v2"`` or ``"v1"`` for an encrypted jrnl journal, None for anything else."""
    if data.startswith(V3_MAGIC):
        return "v3"
    if data.startswith(V2_PREFIX) and data.rstrip().isascii():
        return "v2"
    if len(data) >= 32 and len(data) % 16 == 0 and not _is_text(data):
        return "v1"
    return None


def _is_text(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def fernet_key(password: str, salt: bytes) -> bytes:
    """The Fernet key jrnl derives from a password and salt."""
    kdf = PBKDF2HMAC(algorithm=hashes.SHA256(), length=32, salt=salt, iterations=ITERATIONS)
    return base64.urlsafe_b64encode(kdf.derive(password.encode("utf-8")))


def _wrong_password() -> ImportRefused:
    return ImportRefused(
        "wrong_password",
        "the password does not open this jrnl journal.",
        hint="Use the password you use with jrnl.",
        kind=ErrorKind.WRONG_PASSPHRASE,
    )


def _damaged() -> ImportRefused:
    return ImportRefused("bad_encrypted_journal", "this encrypted jrnl journal is damaged.")


def _v3_parts(data: bytes) -> tuple[bytes, bytes]:
    """(salt, Fernet token) of a JRNLv3 file."""
    try:
        (length,) = struct.unpack_from(">H", data, len(V3_MAGIC))
    except struct.error:
        raise _damaged() from None
    start = len(V3_MAGIC) + 2
    field = data[start : start + length]
    if len(field) != length:
        raise _damaged()
    try:
        try:
            header = json.loads(base64.b64decode(field, validate=True))
        except binascii.Error:
            header = json.loads(field)  # early v3 files stored the JSON itself
        salt = base64.urlsafe_b64decode(header["salt"])
    except (ValueError, KeyError, TypeError, binascii.Error, RecursionError):
        raise _damaged() from None
    if len(salt) < 8:
        raise _damaged()
    return salt, data[start + length :].strip()


def _fernet(key: bytes, token: bytes) -> bytes:
    try:
        return Fernet(key).decrypt(token)
    except (InvalidToken, InvalidKey, ValueError, TypeError):
        raise _wrong_password() from None


def _v1(data: bytes, password: str) -> bytes:
    key = hashlib.sha256(password.encode("utf-8")).digest()
    decryptor = Cipher(algorithms.AES(key), modes.CBC(data[:16])).decryptor()
    padded = decryptor.update(data[16:]) + decryptor.finalize()
    if padded.endswith(b" "):  # the oldest jrnl padded with spaces
        return padded.rstrip(b" ")
    unpadder = padding.PKCS7(128).unpadder()
    try:
        return unpadder.update(padded) + unpadder.finalize()
    except ValueError:
        raise _wrong_password() from None


def decrypt(data: bytes, password: str | None) -> tuple[bytes, str]:
    """The plain journal bytes and the version, or a refusal (no or wrong password)."""
    version = encryption_version(data)
    if version is None:
        raise ImportRefused("not_encrypted", "this is not an encrypted jrnl journal.")
    if not password:
        raise ImportRefused(
            "password_required",
            "this jrnl journal is encrypted.",
            hint="Enter the password you use with jrnl.",
            kind=ErrorKind.WRONG_PASSPHRASE,
        )
    if version == "v3":
        salt, token = _v3_parts(data)
        plain = _fernet(fernet_key(password, salt), token)
    elif version == "v2":
        plain = _fernet(fernet_key(password, V2_SALT), data.strip())
    else:
        plain = _v1(data, password)
        if not _is_text(plain):  # a wrong key can unpad by chance; the text then is garbage
            raise _wrong_password()
    return plain, version
