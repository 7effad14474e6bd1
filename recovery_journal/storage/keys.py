"""The key envelope: how a passphrase or a recovery code unlocks the journal's data key.

Hierarchy (KeePassXC / Bitwarden pattern, documented in docs/FILE-FORMAT.md)::

    passphrase    --Argon2id(m, t, p, salt)--> KEK_pass --+
    recovery code --HKDF-SHA256(salt, info)--> KEK_rec  --+--AES-256-GCM--> master key
    master key --AES-256-GCM--> data key  (the SQLCipher raw key x'...')

Every wrap uses a fresh 96-bit nonce, and its associated data binds the format, the journal id and
(for a slot) the slot's KDF parameters, so any edit to the envelope makes unwrapping fail. KDF
parameters are checked against a floor and a ceiling *before* any KDF runs. Secrets live in
``bytearray`` buffers that callers zero with :func:`zero`.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import json
import os
import secrets
import threading
import unicodedata
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from recovery_journal.domain.passphrase import normalise
from recovery_journal.errors import ErrorKind, UserError
from recovery_journal.storage.atomic import write_atomic

FORMAT = "recovery-journal-keys"
FORMAT_VERSION = 1
KEY_BYTES = 32
NONCE_BYTES = 12
SALT_BYTES = 16
RECOVERY_CODE_BYTES = 20  # 160 random bits, 32 base32 characters
HKDF_INFO = b"recovery-journal/recovery-code/v1"
SLOT_PASSPHRASE = "passphrase"
SLOT_RECOVERY = "recovery_code"
# Passphrase slots made since this mark was introduced hold the passphrase's Unicode NFC form.
PASSPHRASE_FORM_NFC = "nfc"
_ENVELOPE_MAX_BYTES = 64 * 1024


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
        raise _damaged()


@dataclass(slots=True)
class UnlockedKeys:
    """Master and data keys in zeroable buffers; call :meth:`wipe` when done."""

    master_key: bytearray
    data_key: bytearray
    journal_id: str
    _wiped: bool = field(default=False)

    def wipe(self) -> None:
        zero(self.master_key)
        zero(self.data_key)
        self._wiped = True


# ---------------------------------------------------------------- associated data and KDFs


def _canonical(value: object) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":")).encode()


def _slot_aad(journal_id: str, kind: str, kdf: dict[str, Any]) -> bytes:
    return _canonical(
        {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "journal_id": journal_id,
            "slot": kind,
            "kdf": kdf,
        }
    )


def _data_key_aad(journal_id: str) -> bytes:
    return _canonical(
        {"format": FORMAT, "version": FORMAT_VERSION, "journal_id": journal_id, "key": "data"}
    )


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object) -> bytes:
    if not isinstance(text, str):
        raise _damaged()
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise _damaged() from None


MIN_SALT_BYTES = 8  # Argon2's minimum; HKDF salts are held to the same
MAX_SALT_BYTES = 64


def _salt(kdf: dict[str, Any]) -> bytes:
    salt = _unb64(kdf.get("salt"))
    if not MIN_SALT_BYTES <= len(salt) <= MAX_SALT_BYTES:
        raise _damaged()
    return salt


def _params_from_kdf(kdf: dict[str, Any]) -> Argon2Params:
    try:
        values = (kdf["memory_kib"], kdf["iterations"], kdf["lanes"])
    except KeyError:
        raise _damaged() from None
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        raise _damaged()
    return Argon2Params(*values)


def _passphrase_kek(passphrase: str, kdf: dict[str, Any], policy: KdfPolicy) -> bytearray:
    if kdf.get("name") != "argon2id":
        raise _damaged()
    params = _params_from_kdf(kdf)
    policy.check(params)
    salt = _salt(kdf)
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
        raise _damaged() from None
    finally:
        zero(secret)
    return kek


def _recovery_kek(code_bytes: bytes | bytearray, kdf: dict[str, Any]) -> bytearray:
    if kdf.get("name") != "hkdf-sha256":
        raise _damaged()
    kek = bytearray(KEY_BYTES)
    HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=_salt(kdf), info=HKDF_INFO).derive_into(
        bytes(code_bytes), kek
    )
    return kek


def _wrap(kek: bytearray, secret: bytearray, aad: bytes) -> tuple[bytes, bytes]:
    nonce = os.urandom(NONCE_BYTES)
    return nonce, AESGCM(bytes(kek)).encrypt(nonce, bytes(secret), aad)


def _unwrap(kek: bytearray, nonce: bytes, wrapped: bytes, aad: bytes) -> bytearray:
    """Decrypt into a zeroable buffer; raises InvalidTag when anything doesn't match."""
    if len(nonce) != NONCE_BYTES or len(wrapped) != KEY_BYTES + 16:
        raise InvalidTag()
    out = bytearray(KEY_BYTES)
    AESGCM(bytes(kek)).decrypt_into(nonce, wrapped, aad, out)
    return out


# ---------------------------------------------------------------- recovery codes


def format_recovery_code(code_bytes: bytes | bytearray) -> str:
    """Grouped base32 for people: ``ABCD-EFGH-…`` (8 groups of 4)."""
    text = base64.b32encode(bytes(code_bytes)).decode("ascii").rstrip("=")
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


def parse_recovery_code(text: str) -> bytes:
    """Accept any case, dashes and spaces, and the usual look-alikes (0→O, 1→I, 8→B)."""
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum())
    cleaned = cleaned.translate(str.maketrans("018", "OIB"))
    expected = len(format_recovery_code(bytes(RECOVERY_CODE_BYTES)).replace("-", ""))
    try:
        if len(cleaned) != expected:
            raise ValueError
        return base64.b32decode(cleaned + "=" * (-len(cleaned) % 8))
    except (binascii.Error, ValueError):
        raise UserError(
            ErrorKind.WRONG_RECOVERY_CODE,
            "That doesn't look like a recovery code. It has 8 groups of 4 letters and digits, "
            "like ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567.",
        ) from None


# ---------------------------------------------------------------- building envelopes


def _passphrase_slot(
    journal_id: str, master: bytearray, passphrase: str, params: Argon2Params, policy: KdfPolicy
) -> Slot:
    kdf: dict[str, Any] = {
        "name": "argon2id",
        "memory_kib": params.memory_kib,
        "iterations": params.iterations,
        "lanes": params.lanes,
        "salt": _b64(os.urandom(SALT_BYTES)),
        "passphrase_form": PASSPHRASE_FORM_NFC,
    }
    kek = _passphrase_kek(normalise(passphrase), kdf, policy)
    try:
        nonce, wrapped = _wrap(kek, master, _slot_aad(journal_id, SLOT_PASSPHRASE, kdf))
    finally:
        zero(kek)
    return Slot(SLOT_PASSPHRASE, kdf, nonce, wrapped)


def _recovery_slot(journal_id: str, master: bytearray) -> tuple[Slot, str]:
    code = bytearray(secrets.token_bytes(RECOVERY_CODE_BYTES))
    kdf: dict[str, Any] = {"name": "hkdf-sha256", "salt": _b64(os.urandom(SALT_BYTES))}
    kek = _recovery_kek(code, kdf)
    try:
        nonce, wrapped = _wrap(kek, master, _slot_aad(journal_id, SLOT_RECOVERY, kdf))
        shown = format_recovery_code(code)
    finally:
        zero(kek)
        zero(code)
    return Slot(SLOT_RECOVERY, kdf, nonce, wrapped), shown


def new_envelope(
    passphrase: str,
    params: Argon2Params = DEFAULT_PARAMS,
    policy: KdfPolicy = PRODUCTION_POLICY,
    *,
    journal_id: str | None = None,
) -> tuple[Envelope, UnlockedKeys, str]:
    """Fresh master key, data key, passphrase slot and recovery slot; a fresh journal id unless
    one is given (re-encrypting an existing journal keeps its id)."""
    journal_id = journal_id or uuid.uuid4().hex
    master = bytearray(secrets.token_bytes(KEY_BYTES))
    data = bytearray(secrets.token_bytes(KEY_BYTES))
    pass_slot = _passphrase_slot(journal_id, master, passphrase, params, policy)
    rec_slot, code = _recovery_slot(journal_id, master)
    nonce, wrapped = _wrap(master, data, _data_key_aad(journal_id))
    envelope = Envelope(journal_id, (pass_slot, rec_slot), nonce, wrapped)
    return envelope, UnlockedKeys(master, data, journal_id), code


def with_new_passphrase(
    envelope: Envelope,
    keys: UnlockedKeys,
    passphrase: str,
    params: Argon2Params = DEFAULT_PARAMS,
    policy: KdfPolicy = PRODUCTION_POLICY,
) -> Envelope:
    """The same envelope with the passphrase slot re-wrapped (data key untouched)."""
    slot = _passphrase_slot(envelope.journal_id, keys.master_key, passphrase, params, policy)
    others = tuple(s for s in envelope.slots if s.kind != SLOT_PASSPHRASE)
    return dataclasses.replace(envelope, slots=(slot, *others))


def with_new_recovery_code(envelope: Envelope, keys: UnlockedKeys) -> tuple[Envelope, str]:
    """The same envelope with a new recovery code; the old code stops working."""
    slot, code = _recovery_slot(envelope.journal_id, keys.master_key)
    others = tuple(s for s in envelope.slots if s.kind != SLOT_RECOVERY)
    return dataclasses.replace(envelope, slots=(*others, slot)), code


# ---------------------------------------------------------------- unlocking


def _open_data_key(envelope: Envelope, master: bytearray) -> UnlockedKeys:
    try:
        data = _unwrap(
            master,
            envelope.data_key_nonce,
            envelope.wrapped_data_key,
            _data_key_aad(envelope.journal_id),
        )
    except InvalidTag:
        zero(master)
        raise _damaged() from None
    return UnlockedKeys(master, data, envelope.journal_id)


def _unlock_slot(envelope: Envelope, slot: Slot, kek: bytearray, wrong: UserError) -> UnlockedKeys:
    """Unwrap the master key with a slot's KEK (zeroed here), then the data key."""
    try:
        master = _unwrap(
            kek,
            slot.nonce,
            slot.wrapped_master_key,
            _slot_aad(envelope.journal_id, slot.kind, slot.kdf),
        )
    except InvalidTag:
        raise wrong from None
    finally:
        zero(kek)
    return _open_data_key(envelope, master)


def _passphrase_forms(passphrase: str, kdf: dict[str, Any]) -> list[str]:
    """The byte forms to try: a slot marked ``passphrase_form: nfc`` was made from the NFC form,
    so only that is tried; an older, unmarked slot holds whatever form was typed then (the same
    text typed on another keyboard may come as NFD), so the text as given, then NFC, then NFD."""
    if kdf.get("passphrase_form") == PASSPHRASE_FORM_NFC:
        return [normalise(passphrase)]
    forms = [passphrase, normalise(passphrase), unicodedata.normalize("NFD", passphrase)]
    return list(dict.fromkeys(forms))


def unlock_with_passphrase(
    envelope: Envelope, passphrase: str, policy: KdfPolicy = PRODUCTION_POLICY
) -> UnlockedKeys:
    """Derive, unwrap, verify. Wrong passphrase or any edit to the slot → WRONG_PASSPHRASE."""
    slot = envelope.slot(SLOT_PASSPHRASE)
    wrong = UserError(
        ErrorKind.WRONG_PASSPHRASE,
        "That passphrase doesn't open this journal.",
        hint="Check Caps Lock and your keyboard layout, or use your recovery code.",
    )
    forms = _passphrase_forms(passphrase, slot.kdf)
    for form in forms[:-1]:
        try:
            return _unlock_slot(envelope, slot, _passphrase_kek(form, slot.kdf, policy), wrong)
        except UserError as error:
            if error is not wrong:
                raise
    return _unlock_slot(envelope, slot, _passphrase_kek(forms[-1], slot.kdf, policy), wrong)


def unlock_with_recovery_code(envelope: Envelope, code_text: str) -> UnlockedKeys:
    """Like :func:`unlock_with_passphrase`, with the recovery code."""
    code = bytearray(parse_recovery_code(code_text))
    slot = envelope.slot(SLOT_RECOVERY)
    try:
        kek = _recovery_kek(code, slot.kdf)
    finally:
        zero(code)
    wrong = UserError(
        ErrorKind.WRONG_RECOVERY_CODE,
        "That recovery code doesn't open this journal.",
        hint="Check each group against the code you saved. Each new code replaces the old one.",
    )
    return _unlock_slot(envelope, slot, kek, wrong)


class PendingKeys:
    """Keys being derived on a worker thread (Argon2id releases the GIL), so a command-line run
    can import the database stack meanwhile. :meth:`result` waits and re-raises any error."""

    def __init__(self, key_file: Path, passphrase: str, policy: KdfPolicy) -> None:
        self.envelope = read_envelope(key_file)
        self._outcome: UnlockedKeys | BaseException | None = None
        self._thread = threading.Thread(
            target=self._derive, args=(passphrase, policy), name="key-derivation", daemon=True
        )
        self._thread.start()

    def _derive(self, passphrase: str, policy: KdfPolicy) -> None:
        try:
            self._outcome = unlock_with_passphrase(self.envelope, passphrase, policy)
        except BaseException as error:
            self._outcome = error

    def result(self) -> UnlockedKeys:
        self._thread.join()
        if isinstance(self._outcome, BaseException):
            raise self._outcome
        assert self._outcome is not None
        return self._outcome

    def discard(self) -> None:
        """Not needed after all (unlocking failed first): wait, then zero any derived keys."""
        self._thread.join()
        if isinstance(self._outcome, UnlockedKeys):
            self._outcome.wipe()


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


# ---------------------------------------------------------------- the file


def _damaged() -> UserError:
    return UserError(
        ErrorKind.KEY_FILE_DAMAGED,
        "This journal's key file is damaged, so the journal can't be unlocked with it.",
        hint="Restore the journal from a backup (a backup holds its own copy of the key file).",
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
                "nonce": _b64(s.nonce),
                "wrapped_master_key": _b64(s.wrapped_master_key),
            }
            for s in envelope.slots
        ],
        "data_key": {
            "cipher": "aes-256-gcm",
            "nonce": _b64(envelope.data_key_nonce),
            "wrapped": _b64(envelope.wrapped_data_key),
        },
    }
    if envelope.database_salt is not None:
        doc["database_salt"] = envelope.database_salt
    return json.dumps(doc, indent=2).encode() + b"\n"


DATA_KEY_CIPHER = "aes-256-gcm"
_SLOT_KDFS = {SLOT_PASSPHRASE: "argon2id", SLOT_RECOVERY: "hkdf-sha256"}


def _parse_slot(item: object) -> Slot:
    if not isinstance(item, dict):
        raise _damaged()
    kind, kdf = item.get("type"), item.get("kdf")
    if not isinstance(kind, str) or not isinstance(kdf, dict):
        raise _damaged()
    if kind in _SLOT_KDFS:
        # A slot this version knows must name its KDF and carry a usable salt; what else its
        # KDF needs is checked (against the policy) when it is used.
        if kdf.get("name") != _SLOT_KDFS[kind]:
            raise _damaged()
        _salt(kdf)
    return Slot(kind, dict(kdf), _unb64(item.get("nonce")), _unb64(item.get("wrapped_master_key")))


def _parse_v1(doc: dict[str, Any]) -> Envelope:
    """The version-1 body of a key file; any deviation is a damaged key file."""
    journal_id, slots, data_key = doc.get("journal_id"), doc.get("slots"), doc.get("data_key")
    if not isinstance(journal_id, str) or not journal_id or not isinstance(slots, list):
        raise _damaged()
    if not isinstance(data_key, dict) or data_key.get("cipher") != DATA_KEY_CIPHER:
        # Read and checked: AES-256-GCM is the only cipher this format has, so a changed
        # ``cipher`` is damage (it is not in the associated data; it has only one valid value).
        raise _damaged()
    envelope = Envelope(
        journal_id,
        tuple(_parse_slot(item) for item in slots),
        _unb64(data_key.get("nonce")),
        _unb64(data_key.get("wrapped")),
    )
    salt = doc.get("database_salt")
    if salt is not None:
        if not is_salt_hex(salt):
            raise _damaged()
        envelope = dataclasses.replace(envelope, database_salt=salt)
    return envelope


def envelope_from_json(raw: bytes) -> Envelope:
    """Parse a key file. Anything malformed is KEY_FILE_DAMAGED; TOO_NEW only for a file that
    says a newer version *and* isn't a version-1 file with a changed number (a flipped bit in
    ``version`` must not send someone looking for an update that doesn't exist)."""
    try:
        doc = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):  # ValueError: also huge numbers
        raise _damaged() from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise _damaged()
    version = doc.get("version")
    if version == FORMAT_VERSION and type(version) is int:
        return _parse_v1(doc)
    if type(version) is not int or version < FORMAT_VERSION:
        raise _damaged()
    try:
        _parse_v1(doc)
    except UserError:  # not laid out as version 1: a real newer format
        raise UserError(
            ErrorKind.TOO_NEW,
            "This journal's key file was written by a newer version of Recovery Journal.",
            hint="Update the app to open it.",
        ) from None
    raise _damaged()  # a complete version-1 file with another number: the number was damaged


def is_salt_hex(value: object) -> bool:
    return (
        isinstance(value, str) and len(value) == 32 and all(c in "0123456789abcdef" for c in value)
    )


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
        raise _damaged() from None  # a folder where the key file should be
    except OSError as exc:
        if os.path.isdir(path):  # Windows says "permission denied" for a folder
            raise _damaged() from None
        raise UserError(
            ErrorKind.IO,
            f"The key file for this journal can't be read ({exc.strerror}).",
            hint="Check the drive and the file's permissions, then try again.",
        ) from None
    if len(raw) > _ENVELOPE_MAX_BYTES:
        raise _damaged()
    return envelope_from_json(raw)


def write_envelope(path: Path, envelope: Envelope) -> None:
    write_atomic(path, envelope_to_json(envelope), "the key file")
