"""Key derivation and key wrapping: Argon2id and HKDF turn a secret into a key-encryption key,
AES-256-GCM wraps one key under another with associated data that binds the envelope.

KDF parameters are checked against a floor and a ceiling (:class:`KdfPolicy`) *before* any KDF
runs. Secrets live in ``bytearray`` buffers that callers zero with :func:`zero`.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from recovery_journal.errors import ErrorKind, UserError
from recovery_journal.storage.key_file import FORMAT, FORMAT_VERSION, damaged, salt_of

KEY_BYTES = 32
NONCE_BYTES = 12
SALT_BYTES = 16
HKDF_INFO = b"recovery-journal/recovery-code/v1"


@dataclass(frozen=True, slots=True)
class Argon2Params:
    """Argon2id cost parameters: memory in KiB, passes, lanes."""

    memory_kib: int
    iterations: int
    lanes: int


DEFAULT_PARAMS = Argon2Params(memory_kib=256 * 1024, iterations=3, lanes=4)
FLOOR_PARAMS = Argon2Params(memory_kib=64 * 1024, iterations=3, lanes=4)


@dataclass(frozen=True, slots=True)
class KdfPolicy:
    """Bounds an envelope's Argon2id parameters must lie within before the KDF may run."""

    min_memory_kib: int
    min_iterations: int
    max_memory_kib: int = 4 * 1024 * 1024
    max_iterations: int = 64
    max_lanes: int = 64

    def check(self, params: Argon2Params) -> None:
        weak = params.memory_kib < self.min_memory_kib or params.iterations < self.min_iterations
        huge = (
            params.memory_kib > self.max_memory_kib
            or params.iterations > self.max_iterations
            or not 1 <= params.lanes <= self.max_lanes
            or params.memory_kib < 8 * params.lanes
        )
        if weak or huge:
            raise UserError(
                ErrorKind.KEY_POLICY,
                "This journal's key file asks for key-derivation settings outside the safe range "
                f"({'too weak' if weak else 'too costly'}), so it was not used.",
                hint="The key file may have been changed. Restore it from a backup.",
            )


PRODUCTION_POLICY = KdfPolicy(
    min_memory_kib=FLOOR_PARAMS.memory_kib, min_iterations=FLOOR_PARAMS.iterations
)
# Test-only: a fast KDF for the test suite (docs/SECURITY.md). Never used by the app or the CLI.
TEST_PARAMS = Argon2Params(memory_kib=64, iterations=1, lanes=1)
TEST_POLICY = KdfPolicy(min_memory_kib=8, min_iterations=1)


@dataclass(frozen=True, slots=True)
class KeySettings:
    """Which KDF cost new passphrases get and which envelopes may be opened."""

    params: Argon2Params = DEFAULT_PARAMS
    policy: KdfPolicy = PRODUCTION_POLICY


def zero(buffer: bytearray | memoryview) -> None:
    """Overwrite a secret buffer in place."""
    buffer[:] = bytes(len(buffer))


# ---------------------------------------------------------------- associated data


def _canonical(value: object) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":")).encode()


def slot_aad(journal_id: str, kind: str, kdf: dict[str, Any]) -> bytes:
    """What a slot's wrap binds: the format, the journal and the slot's KDF parameters."""
    return _canonical(
        {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "journal_id": journal_id,
            "slot": kind,
            "kdf": kdf,
        }
    )


def data_key_aad(journal_id: str) -> bytes:
    """What the data key's wrap binds: the format and the journal."""
    return _canonical(
        {"format": FORMAT, "version": FORMAT_VERSION, "journal_id": journal_id, "key": "data"}
    )


# ---------------------------------------------------------------- KDFs


def _params_from_kdf(kdf: dict[str, Any]) -> Argon2Params:
    try:
        values = (kdf["memory_kib"], kdf["iterations"], kdf["lanes"])
    except KeyError:
        raise damaged() from None
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        raise damaged()
    return Argon2Params(*values)


def passphrase_kek(passphrase: str, kdf: dict[str, Any], policy: KdfPolicy) -> bytearray:
    """Argon2id of ``passphrase`` (this exact text) with a slot's parameters, once the policy
    allows them."""
    if kdf.get("name") != "argon2id":
        raise damaged()
    params = _params_from_kdf(kdf)
    policy.check(params)
    salt = salt_of(kdf)
    kek = bytearray(KEY_BYTES)
    secret = bytearray(passphrase.encode("utf-8", "surrogatepass"))
    try:
        Argon2id(
            salt=salt,
            length=KEY_BYTES,
            iterations=params.iterations,
            lanes=params.lanes,
            memory_cost=params.memory_kib,
        ).derive_into(bytes(secret), kek)
    except ValueError:  # parameters the policy let through but Argon2 refuses
        raise damaged() from None
    finally:
        zero(secret)
    return kek


def recovery_kek(code_bytes: bytes | bytearray, kdf: dict[str, Any]) -> bytearray:
    """HKDF-SHA256 of the recovery code's bytes with a slot's salt."""
    if kdf.get("name") != "hkdf-sha256":
        raise damaged()
    kek = bytearray(KEY_BYTES)
    HKDF(
        algorithm=hashes.SHA256(), length=KEY_BYTES, salt=salt_of(kdf), info=HKDF_INFO
    ).derive_into(bytes(code_bytes), kek)
    return kek


# ---------------------------------------------------------------- wrapping


def wrap(kek: bytearray, secret: bytearray, aad: bytes) -> tuple[bytes, bytes]:
    """AES-256-GCM under a fresh 96-bit nonce: (nonce, ciphertext with tag)."""
    nonce = os.urandom(NONCE_BYTES)
    return nonce, AESGCM(bytes(kek)).encrypt(nonce, bytes(secret), aad)


def unwrap(kek: bytearray, nonce: bytes, wrapped: bytes, aad: bytes) -> bytearray:
    """Decrypt into a zeroable buffer; raises InvalidTag when anything doesn't match."""
    if len(nonce) != NONCE_BYTES or len(wrapped) != KEY_BYTES + 16:
        raise InvalidTag()
    out = bytearray(KEY_BYTES)
    AESGCM(bytes(kek)).decrypt_into(nonce, wrapped, aad, out)
    return out


_HEX_DIGITS = b"0123456789abcdef"


def sqlcipher_key_spec(data_key: bytearray) -> bytearray:
    """The raw-key text ``x'<64 hex>'`` SQLCipher expects, in a buffer the caller must zero
    (written digit by digit: ``data_key.hex()`` would leave the key in an immutable string)."""
    spec = bytearray(3 + 2 * len(data_key))
    spec[0:2], spec[-1] = b"x'", ord("'")
    for i, byte in enumerate(data_key):
        spec[2 + 2 * i] = _HEX_DIGITS[byte >> 4]
        spec[3 + 2 * i] = _HEX_DIGITS[byte & 0x0F]
    return spec
