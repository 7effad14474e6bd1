"""The key envelope: how a passphrase or a recovery code unlocks the journal's data key.

Hierarchy (KeePassXC / Bitwarden pattern, documented in docs/FILE-FORMAT.md)::

    passphrase    --Argon2id(m, t, p, salt)--> KEK_pass --+
    recovery code --HKDF-SHA256(salt, info)--> KEK_rec  --+--AES-256-GCM--> master key
    master key --AES-256-GCM--> data key  (the SQLCipher raw key x'...')

Every wrap uses a fresh 96-bit nonce, and its associated data binds the format, the journal id and
(for a slot) the slot's KDF parameters, so any edit to the envelope makes unwrapping fail. KDF
parameters are checked against a floor and a ceiling *before* any KDF runs. Secrets live in
``bytearray`` buffers that callers zero with :func:`zero`.

This module makes and opens envelopes (and derives keys ahead on a thread, :class:`PendingKeys`);
the parts live beside it and are re-exported here, the one name callers import:
:mod:`~recovery_journal.storage.key_file` (data types, JSON, reading and writing the file),
:mod:`~recovery_journal.storage.key_derivation` (KDF parameters and policy, Argon2id, HKDF,
AES-GCM wrapping) and :mod:`~recovery_journal.storage.recovery_code` (the code people write down).
"""

from __future__ import annotations

import dataclasses
import os
import threading
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag

from recovery_journal.domain.passphrase import normalise
from recovery_journal.errors import ErrorKind, UserError
from recovery_journal.storage.key_derivation import (
    DEFAULT_PARAMS,
    FLOOR_PARAMS,
    HKDF_INFO,
    KEY_BYTES,
    NONCE_BYTES,
    PRODUCTION_POLICY,
    SALT_BYTES,
    TEST_PARAMS,
    TEST_POLICY,
    Argon2Params,
    KdfPolicy,
    KeySettings,
    data_key_aad,
    passphrase_kek,
    recovery_kek,
    slot_aad,
    sqlcipher_key_spec,
    unwrap,
    wrap,
    zero,
)
from recovery_journal.storage.key_file import (
    DATA_KEY_CIPHER,
    FORMAT,
    FORMAT_VERSION,
    MAX_SALT_BYTES,
    MIN_SALT_BYTES,
    SLOT_PASSPHRASE,
    SLOT_RECOVERY,
    Envelope,
    Slot,
    b64,
    damaged,
    envelope_from_json,
    envelope_to_json,
    is_salt_hex,
    read_envelope,
    write_envelope,
)
from recovery_journal.storage.recovery_code import (
    RECOVERY_CODE_BYTES,
    format_recovery_code,
    parse_recovery_code,
)

__all__ = [
    "DATA_KEY_CIPHER",
    "DEFAULT_PARAMS",
    "FLOOR_PARAMS",
    "FORMAT",
    "FORMAT_VERSION",
    "HKDF_INFO",
    "KEY_BYTES",
    "MAX_SALT_BYTES",
    "MIN_SALT_BYTES",
    "NONCE_BYTES",
    "PASSPHRASE_FORM_NFC",
    "PRODUCTION_POLICY",
    "RECOVERY_CODE_BYTES",
    "SALT_BYTES",
    "SLOT_PASSPHRASE",
    "SLOT_RECOVERY",
    "TEST_PARAMS",
    "TEST_POLICY",
    "Argon2Params",
    "Envelope",
    "KdfPolicy",
    "KeySettings",
    "PendingKeys",
    "Slot",
    "UnlockedKeys",
    "envelope_from_json",
    "envelope_to_json",
    "format_recovery_code",
    "is_salt_hex",
    "new_envelope",
    "parse_recovery_code",
    "read_envelope",
    "sqlcipher_key_spec",
    "unlock_with_passphrase",
    "unlock_with_recovery_code",
    "with_new_passphrase",
    "with_new_recovery_code",
    "write_envelope",
    "zero",
]

# Passphrase slots made since this mark was introduced hold the passphrase's Unicode NFC form.
PASSPHRASE_FORM_NFC = "nfc"


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


# ---------------------------------------------------------------- building envelopes


def _passphrase_slot(
    journal_id: str, master: bytearray, passphrase: str, params: Argon2Params, policy: KdfPolicy
) -> Slot:
    kdf: dict[str, Any] = {
        "name": "argon2id",
        "memory_kib": params.memory_kib,
        "iterations": params.iterations,
        "lanes": params.lanes,
        "salt": b64(os.urandom(SALT_BYTES)),
        "passphrase_form": PASSPHRASE_FORM_NFC,
    }
    kek = passphrase_kek(normalise(passphrase), kdf, policy)
    try:
        nonce, wrapped = wrap(kek, master, slot_aad(journal_id, SLOT_PASSPHRASE, kdf))
    finally:
        zero(kek)
    return Slot(SLOT_PASSPHRASE, kdf, nonce, wrapped)


def _recovery_slot(journal_id: str, master: bytearray) -> tuple[Slot, str]:
    code = bytearray(os.urandom(RECOVERY_CODE_BYTES))
    kdf: dict[str, Any] = {"name": "hkdf-sha256", "salt": b64(os.urandom(SALT_BYTES))}
    kek = recovery_kek(code, kdf)
    try:
        nonce, wrapped = wrap(kek, master, slot_aad(journal_id, SLOT_RECOVERY, kdf))
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
    if not journal_id:
        import uuid  # only a new journal needs one: not on the way to deriving a key

        journal_id = uuid.uuid4().hex
    # os.urandom is what secrets.token_bytes returns; importing secrets (hmac, random…) cost
    # every command ~10 ms before its key derivation could start.
    master = bytearray(os.urandom(KEY_BYTES))
    data = bytearray(os.urandom(KEY_BYTES))
    pass_slot = _passphrase_slot(journal_id, master, passphrase, params, policy)
    rec_slot, code = _recovery_slot(journal_id, master)
    nonce, wrapped = wrap(master, data, data_key_aad(journal_id))
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
        data = unwrap(
            master,
            envelope.data_key_nonce,
            envelope.wrapped_data_key,
            data_key_aad(envelope.journal_id),
        )
    except InvalidTag:
        zero(master)
        raise damaged() from None
    return UnlockedKeys(master, data, envelope.journal_id)


def _unlock_slot(envelope: Envelope, slot: Slot, kek: bytearray, wrong: UserError) -> UnlockedKeys:
    """Unwrap the master key with a slot's KEK (zeroed here), then the data key."""
    try:
        master = unwrap(
            kek,
            slot.nonce,
            slot.wrapped_master_key,
            slot_aad(envelope.journal_id, slot.kind, slot.kdf),
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
            return _unlock_slot(envelope, slot, passphrase_kek(form, slot.kdf, policy), wrong)
        except UserError as error:
            if error is not wrong:
                raise
    return _unlock_slot(envelope, slot, passphrase_kek(forms[-1], slot.kdf, policy), wrong)


def unlock_with_recovery_code(envelope: Envelope, code_text: str) -> UnlockedKeys:
    """Like :func:`unlock_with_passphrase`, with the recovery code."""
    code = bytearray(parse_recovery_code(code_text))
    slot = envelope.slot(SLOT_RECOVERY)
    try:
        kek = recovery_kek(code, slot.kdf)
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
