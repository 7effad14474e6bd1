"""The key envelope: wrapping, unwrapping, tampering, the KDF policy and recovery codes."""

from __future__ import annotations

import base64
import dataclasses
import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recovery_journal.errors import ErrorKind, UserError
from recovery_journal.storage import keys
from recovery_journal.storage.keys import (
    TEST_PARAMS,
    TEST_POLICY,
    Envelope,
    envelope_from_json,
    envelope_to_json,
    format_recovery_code,
    new_envelope,
    parse_recovery_code,
    unlock_with_passphrase,
    unlock_with_recovery_code,
)

PASS = "a long and quiet morning walk"


def _fresh() -> tuple[Envelope, keys.UnlockedKeys, str]:
    return new_envelope(PASS, TEST_PARAMS, TEST_POLICY)


def _edit(envelope: Envelope, change: Any) -> Envelope:
    """Round-trip through JSON, letting ``change`` edit the document like an attacker would."""
    doc = json.loads(envelope_to_json(envelope))
    change(doc)
    return envelope_from_json(json.dumps(doc).encode())


def _flip_b64(value: str) -> str:
    raw = bytearray(base64.b64decode(value))
    raw[0] ^= 0x01
    return base64.b64encode(bytes(raw)).decode()


def _kind(call: Any) -> ErrorKind:
    with pytest.raises(UserError) as caught:
        call()
    return caught.value.kind


def test_passphrase_unwraps_the_same_data_key() -> None:
    """The data key made at creation comes back with the passphrase."""
    envelope, made, _ = _fresh()
    opened = unlock_with_passphrase(
        envelope_from_json(envelope_to_json(envelope)), PASS, TEST_POLICY
    )
    assert opened.data_key == made.data_key and len(opened.data_key) == 32


def test_recovery_code_unwraps_the_same_data_key() -> None:
    """The recovery code shown at creation opens the same data key."""
    envelope, made, code = _fresh()
    assert unlock_with_recovery_code(envelope, code).data_key == made.data_key


def test_salts_nonces_and_keys_are_unique_per_journal() -> None:
    """Two journals with the same passphrase share no salt, nonce, key or id."""
    (a, ka, _), (b, kb, _) = _fresh(), _fresh()
    assert a.journal_id != b.journal_id
    assert ka.data_key != kb.data_key and ka.master_key != kb.master_key
    assert a.slots[0].kdf["salt"] != b.slots[0].kdf["salt"]
    assert a.slots[0].nonce != b.slots[0].nonce
    assert a.data_key_nonce != b.data_key_nonce


def test_wrong_passphrase_is_reported_as_such() -> None:
    """A wrong passphrase fails the AEAD tag → WRONG_PASSPHRASE, with a kind hint."""
    envelope, _, _ = _fresh()
    with pytest.raises(UserError) as caught:
        unlock_with_passphrase(envelope, PASS + "!", TEST_POLICY)
    assert caught.value.kind is ErrorKind.WRONG_PASSPHRASE
    assert "recovery code" in caught.value.hint


@pytest.mark.parametrize(
    ("field", "value"),
    [("memory_kib", 128), ("iterations", 2), ("lanes", 2), ("salt", "flip"), ("name", "flip")],
)
def test_editing_any_slot_kdf_parameter_fails_unlock(field: str, value: object) -> None:
    """Parameters are bound as associated data: any edit makes the right passphrase fail."""
    envelope, _, _ = _fresh()

    def change(doc: dict[str, Any]) -> None:
        kdf = doc["slots"][0]["kdf"]
        kdf[field] = (
            _flip_b64(kdf[field])
            if value == "flip" and field == "salt"
            else ("argon2i" if value == "flip" else value)
        )

    # Refused when read (a salt or KDF name this version can't use) or when unwrapping.
    assert _kind(lambda: unlock_with_passphrase(_edit(envelope, change), PASS, TEST_POLICY)) in {
        ErrorKind.WRONG_PASSPHRASE,
        ErrorKind.KEY_FILE_DAMAGED,
    }


@pytest.mark.parametrize("member", ["nonce", "wrapped_master_key"])
def test_editing_the_passphrase_slot_fails_as_wrong_passphrase(member: str) -> None:
    """A flipped bit in the slot's nonce or wrapped key reads as 'wrong passphrase'."""
    envelope, _, _ = _fresh()
    tampered = _edit(
        envelope, lambda d: d["slots"][0].__setitem__(member, _flip_b64(d["slots"][0][member]))
    )
    assert (
        _kind(lambda: unlock_with_passphrase(tampered, PASS, TEST_POLICY))
        is ErrorKind.WRONG_PASSPHRASE
    )


@pytest.mark.parametrize("member", ["nonce", "wrapped"])
def test_editing_the_wrapped_data_key_is_reported_as_a_damaged_key_file(member: str) -> None:
    """Passphrase right, data-key wrap edited → the key file is damaged (not 'wrong passphrase')."""
    envelope, _, _ = _fresh()
    tampered = _edit(
        envelope, lambda d: d["data_key"].__setitem__(member, _flip_b64(d["data_key"][member]))
    )
    assert (
        _kind(lambda: unlock_with_passphrase(tampered, PASS, TEST_POLICY))
        is ErrorKind.KEY_FILE_DAMAGED
    )


def test_swapping_the_journal_id_fails_unlock() -> None:
    """The journal id is bound too: an envelope relabelled for another journal won't open."""
    envelope, _, _ = _fresh()
    other, _, _ = _fresh()
    tampered = _edit(envelope, lambda d: d.__setitem__("journal_id", other.journal_id))
    assert (
        _kind(lambda: unlock_with_passphrase(tampered, PASS, TEST_POLICY))
        is ErrorKind.WRONG_PASSPHRASE
    )


def test_parameters_below_the_floor_are_refused_before_any_kdf_runs() -> None:
    """An envelope asking for a weak KDF is refused under the production policy."""
    envelope, _, _ = _fresh()  # made with the test-only parameters
    with pytest.raises(UserError) as caught:
        unlock_with_passphrase(envelope, PASS, keys.PRODUCTION_POLICY)
    assert caught.value.kind is ErrorKind.KEY_POLICY
    assert "too weak" in caught.value.message


def test_parameters_above_the_ceiling_are_refused_before_any_kdf_runs() -> None:
    """An absurd memory cost (2 TiB) is refused at once instead of exhausting the machine."""
    envelope, _, _ = _fresh()
    tampered = _edit(envelope, lambda d: d["slots"][0]["kdf"].__setitem__("memory_kib", 2**31))
    assert (
        _kind(lambda: unlock_with_passphrase(tampered, PASS, keys.PRODUCTION_POLICY))
        is ErrorKind.KEY_POLICY
    )


def test_creating_with_weak_parameters_is_refused_by_the_production_policy() -> None:
    """The floor also applies when a journal is made."""
    with pytest.raises(UserError) as caught:
        new_envelope(PASS, TEST_PARAMS, keys.PRODUCTION_POLICY)
    assert caught.value.kind is ErrorKind.KEY_POLICY


@pytest.mark.slow
def test_real_default_parameters_round_trip() -> None:
    """Once with the shipped Argon2id cost (m = 256 MiB, t = 3, p = 4)."""
    envelope, made, _ = new_envelope(PASS)
    assert envelope.slots[0].kdf["memory_kib"] == 256 * 1024
    assert unlock_with_passphrase(envelope, PASS).data_key == made.data_key


def test_new_passphrase_rewraps_only_the_slot() -> None:
    """Changing the passphrase keeps the data key and its wrapping; the old passphrase fails."""
    envelope, made, code = _fresh()
    updated = keys.with_new_passphrase(
        envelope, made, "another long phrase", TEST_PARAMS, TEST_POLICY
    )
    assert (updated.data_key_nonce, updated.wrapped_data_key) == (
        envelope.data_key_nonce,
        envelope.wrapped_data_key,
    )
    assert (
        unlock_with_passphrase(updated, "another long phrase", TEST_POLICY).data_key
        == made.data_key
    )
    assert (
        _kind(lambda: unlock_with_passphrase(updated, PASS, TEST_POLICY))
        is ErrorKind.WRONG_PASSPHRASE
    )
    assert unlock_with_recovery_code(updated, code).data_key == made.data_key


def test_new_recovery_code_retires_the_old_one() -> None:
    envelope, made, old_code = _fresh()
    updated, new_code = keys.with_new_recovery_code(envelope, made)
    assert new_code != old_code
    assert unlock_with_recovery_code(updated, new_code).data_key == made.data_key
    assert (
        _kind(lambda: unlock_with_recovery_code(updated, old_code)) is ErrorKind.WRONG_RECOVERY_CODE
    )


def test_wipe_zeroes_key_buffers() -> None:
    _, made, _ = _fresh()
    master, data = made.master_key, made.data_key
    made.wipe()
    assert master == bytearray(32) and data == bytearray(32)


def test_recovery_code_has_at_least_128_random_bits_in_groups() -> None:
    _, _, code = _fresh()
    groups = code.split("-")
    assert len(groups) == 8 and all(len(g) == 4 for g in groups)
    assert len(parse_recovery_code(code)) * 8 >= 128


def test_recovery_code_is_accepted_whatever_the_case_dashes_or_spaces() -> None:
    envelope, made, code = _fresh()
    sloppy = " " + code.lower().replace("-", " ") + "\n"
    assert unlock_with_recovery_code(envelope, sloppy).data_key == made.data_key
    assert unlock_with_recovery_code(envelope, code.replace("-", "")).data_key == made.data_key


@given(st.binary(min_size=keys.RECOVERY_CODE_BYTES, max_size=keys.RECOVERY_CODE_BYTES))
def test_recovery_code_formatting_round_trips(raw: bytes) -> None:
    text = format_recovery_code(raw)
    assert parse_recovery_code(text) == raw
    assert parse_recovery_code(text.lower().replace("-", "")) == raw


@given(st.text(max_size=60))
def test_anything_typed_as_a_recovery_code_gives_a_kind_error_or_a_code(text: str) -> None:
    try:
        assert len(parse_recovery_code(text)) == keys.RECOVERY_CODE_BYTES
    except UserError as error:
        assert error.kind is ErrorKind.WRONG_RECOVERY_CODE


@pytest.mark.parametrize(
    "raw",
    [
        b"",
        b"{",
        b"null",
        b"[]",
        b'{"format": "something else"}',
        "é".encode("latin-1"),
        b'{"format": "recovery-journal-keys", "version": 1}',
    ],
)
def test_garbage_key_files_are_reported_as_damaged(raw: bytes) -> None:
    assert _kind(lambda: envelope_from_json(raw)) is ErrorKind.KEY_FILE_DAMAGED


def test_a_key_file_from_a_newer_format_says_so() -> None:
    """A newer format is laid out differently (here: its slots renamed); only then TOO_NEW."""
    envelope, _, _ = _fresh()
    doc = json.loads(envelope_to_json(envelope))
    doc["version"] = 2
    doc["keyslots"] = doc.pop("slots")
    assert _kind(lambda: envelope_from_json(json.dumps(doc).encode())) is ErrorKind.TOO_NEW


def test_key_file_holds_no_secret_in_the_clear() -> None:
    """The JSON has salts, nonces and ciphertexts only — never the keys or the passphrase."""
    envelope, made, code = _fresh()
    text = envelope_to_json(envelope)
    for secret in (bytes(made.data_key), bytes(made.master_key)):
        assert secret not in text and base64.b64encode(secret) not in text
        assert secret.hex().encode() not in text
    assert PASS.encode() not in text and code.encode() not in text
    assert dataclasses.replace(envelope) == envelope


def test_database_salt_survives_rewrapping_and_json() -> None:
    envelope, made, _ = _fresh()
    salted = dataclasses.replace(envelope, database_salt="ab" * 16)
    again = envelope_from_json(envelope_to_json(salted))
    assert again.database_salt == "ab" * 16
    assert (
        keys.with_new_passphrase(again, made, "x y z w", TEST_PARAMS, TEST_POLICY).database_salt
        == "ab" * 16
    )
    assert keys.with_new_recovery_code(again, made)[0].database_salt == "ab" * 16


def test_a_malformed_database_salt_is_a_damaged_key_file() -> None:
    envelope, _, _ = _fresh()
    doc = json.loads(envelope_to_json(envelope))
    doc["database_salt"] = "not hex"
    assert _kind(lambda: envelope_from_json(json.dumps(doc).encode())) is ErrorKind.KEY_FILE_DAMAGED
