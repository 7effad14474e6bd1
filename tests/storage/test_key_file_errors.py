"""Issue 8 §2: odd key files and half-missing pairs get a specific, kind answer (never a bug),
and the right exit code at the command line."""

from __future__ import annotations

import base64
import contextlib
import json
import shutil
import unicodedata
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recovery_journal.domain.entries import Entry
from recovery_journal.errors import ErrorKind, UserError
from recovery_journal.paths import keys_path
from recovery_journal.services.access import BackupSettings, create_journal, open_journal
from recovery_journal.storage import key_derivation, keys
from recovery_journal.storage.keys import (
    TEST_PARAMS,
    TEST_POLICY,
    envelope_from_json,
    envelope_to_json,
    new_envelope,
    unlock_with_passphrase,
    unlock_with_recovery_code,
)
from tests.cli.test_cli import cli, initialised  # noqa: F401  (fixtures)
from tests.cli.test_cli import env as env
from tests.conftest import FAST, PASSPHRASE

NO_BACKUPS = BackupSettings(daily=False)
ENVELOPE, _KEYS, CODE = new_envelope(PASSPHRASE, TEST_PARAMS, TEST_POLICY)
DOC = json.loads(envelope_to_json(ENVELOPE))


def _kind(call: Any) -> ErrorKind:
    with pytest.raises(UserError) as caught:
        call()
    return caught.value.kind


def _with(change: Any) -> bytes:
    doc = json.loads(json.dumps(DOC))
    change(doc)
    return json.dumps(doc).encode()


def _open_all_ways(raw: bytes) -> None:
    """Parse and try both secrets: only a UserError (or success) may come out."""
    try:
        envelope = envelope_from_json(raw)
    except UserError:
        return
    with contextlib.suppress(UserError):
        unlock_with_passphrase(envelope, PASSPHRASE, TEST_POLICY).wipe()
    with contextlib.suppress(UserError):
        unlock_with_recovery_code(envelope, CODE).wipe()


# ---------------------------------------------------------------- salts, folders, fuzzing


@pytest.mark.parametrize("length", [0, 1, 4, 7, 65])
@pytest.mark.parametrize("slot", [0, 1])
def test_a_slot_salt_of_the_wrong_size_is_a_damaged_key_file(length: int, slot: int) -> None:
    salt = base64.b64encode(bytes(length)).decode()
    raw = _with(lambda d: d["slots"][slot]["kdf"].__setitem__("salt", salt))
    assert _kind(lambda: envelope_from_json(raw)) is ErrorKind.KEY_FILE_DAMAGED


def test_short_salt_at_the_cli_is_key_file_damaged_exit_4(initialised: Path) -> None:  # noqa: F811
    key_file = keys_path(initialised)
    doc = json.loads(key_file.read_text())
    doc["slots"][0]["kdf"]["salt"] = base64.b64encode(b"1234").decode()
    key_file.write_text(json.dumps(doc))
    code, _, err = cli("list")
    assert code == 4 and "key file is damaged" in err and "Restore" in err


def test_a_folder_in_place_of_the_key_file_is_key_file_damaged(initialised: Path) -> None:  # noqa: F811
    key_file = keys_path(initialised)
    key_file.unlink()
    key_file.mkdir()
    code, _, err = cli("list")
    assert code == 4 and "key file is damaged" in err and "went wrong" not in err


@pytest.mark.parametrize("cipher", ["aes-128-gcm", "chacha20-poly1305", None, 1])
def test_the_data_key_cipher_is_read_and_checked(cipher: object) -> None:
    raw = _with(lambda d: d["data_key"].__setitem__("cipher", cipher))
    assert _kind(lambda: envelope_from_json(raw)) is ErrorKind.KEY_FILE_DAMAGED


def test_a_bit_flip_anywhere_in_a_key_file_is_never_a_bug() -> None:
    raw = envelope_to_json(ENVELOPE)
    for offset in range(len(raw)):
        for bit in (0x01, 0x10, 0x80):
            flipped = bytearray(raw)
            flipped[offset] ^= bit
            _open_all_ways(bytes(flipped))


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=12,
)
_PATHS = [
    ("version",),
    ("journal_id",),
    ("slots",),
    ("slots", 0),
    ("slots", 0, "type"),
    ("slots", 0, "kdf"),
    ("slots", 0, "kdf", "salt"),
    ("slots", 0, "kdf", "memory_kib"),
    ("slots", 0, "kdf", "lanes"),
    ("slots", 0, "kdf", "iterations"),
    ("slots", 0, "kdf", "name"),
    ("slots", 0, "nonce"),
    ("slots", 1, "kdf"),
    ("slots", 1, "kdf", "salt"),
    ("slots", 1, "wrapped_master_key"),
    ("data_key",),
    ("data_key", "nonce"),
    ("data_key", "wrapped"),
    ("database_salt",),
]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(_PATHS), _JSON)
def test_no_malformed_key_file_reaches_a_traceback(where: tuple[Any, ...], value: Any) -> None:
    """Any value anywhere in an otherwise valid key file: a kind error or a working unlock."""
    doc = json.loads(json.dumps(DOC))
    target = doc
    for step in where[:-1]:
        target = target[step]
    target[where[-1]] = value
    _open_all_ways(json.dumps(doc).encode())


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300) | _JSON.map(lambda v: json.dumps(v).encode()))
def test_arbitrary_bytes_as_a_key_file_are_never_a_bug(raw: bytes) -> None:
    _open_all_ways(raw)


# ---------------------------------------------------------------- version numbers


@pytest.mark.parametrize("version", [0, 3, 5, 9, 17, -1, "1", 1.0, True, None])
def test_a_changed_version_number_is_damage_not_a_newer_app(version: object) -> None:
    """A bit flip turns "1" into 0, 3, 5 or 9: the rest is a complete version-1 key file, so it
    is damaged, not "written by a newer version" (which would send someone for an update)."""
    raw = _with(lambda d: d.__setitem__("version", version))
    assert _kind(lambda: envelope_from_json(raw)) is ErrorKind.KEY_FILE_DAMAGED


def test_a_flipped_version_at_the_cli_is_exit_4(initialised: Path) -> None:  # noqa: F811
    key_file = keys_path(initialised)
    key_file.write_bytes(key_file.read_bytes().replace(b'"version": 1', b'"version": 3'))
    code, _, err = cli("list")
    assert code == 4 and "key file is damaged" in err and "newer" not in err


# ---------------------------------------------------------------- half a pair, old keys


def test_a_missing_journal_file_beside_its_key_file_is_exit_4(initialised: Path) -> None:  # noqa: F811
    initialised.unlink()
    code, _, err = cli("list")
    assert code == 4 and "journal file is missing; only its key file is there" in err
    assert not initialised.exists()


def test_an_old_key_file_with_its_old_passphrase_says_what_it_is(tmp_path: Path) -> None:
    path = tmp_path / "old.rjournal"
    session, _ = create_journal(path, PASSPHRASE, FAST, NO_BACKUPS)
    session.entries.add(Entry(date(2026, 3, 1), "written before the new keys"))
    old_key_file = tmp_path / "kept-copy.keys"
    shutil.copy2(keys_path(path), old_key_file)
    session.reencrypt(PASSPHRASE, "a new passphrase for new keys", FAST)
    session.entries.add(Entry(date(2026, 3, 2), "written after the new keys"))
    session.lock()
    current = keys_path(path).read_bytes()
    shutil.copy2(old_key_file, keys_path(path))  # the old key file put back by hand
    with pytest.raises(UserError) as caught:
        open_journal(path, PASSPHRASE, FAST, NO_BACKUPS)
    error = caught.value
    assert error.kind is ErrorKind.KEYS_OUTDATED
    assert "older version of this journal" in error.message
    assert "damaged" not in error.message and "lose newer entries" in error.hint
    keys_path(path).write_bytes(current)  # nothing was harmed: the current pair still opens
    reopened = open_journal(path, "a new passphrase for new keys", FAST, NO_BACKUPS)
    assert reopened.entries.count() == 2
    reopened.lock()


def test_an_old_key_file_without_backups_to_tell_is_damage_with_a_careful_hint(
    tmp_path: Path,
) -> None:
    """No backup under the new keys to compare with (made elsewhere, then moved): the answer
    stays "damaged", but the hint warns against restoring an older backup over newer entries."""
    path = tmp_path / "nb.rjournal"
    session, _ = create_journal(path, PASSPHRASE, FAST, NO_BACKUPS)
    session.entries.add(Entry(date(2026, 3, 1), "words"))
    old_key_file = keys_path(path).read_bytes()
    session.reencrypt(PASSPHRASE, "a new passphrase for new keys", FAST)
    session.lock()
    shutil.rmtree(path.with_name("nb-backups"))
    keys_path(path).write_bytes(old_key_file)
    with pytest.raises(UserError) as caught:
        open_journal(path, PASSPHRASE, FAST, NO_BACKUPS)
    assert caught.value.kind is ErrorKind.JOURNAL_DAMAGED
    assert "older copy of its key file" in caught.value.hint


def test_damage_to_page_one_is_still_damage(tmp_path: Path) -> None:
    """The old-keys answer needs every page to refuse the key; one bad page is damage."""
    path = tmp_path / "d.rjournal"
    session, _ = create_journal(path, PASSPHRASE, FAST, NO_BACKUPS)
    session.entries.add(Entry(date(2026, 3, 1), "some words"))
    session.lock()
    data = bytearray(path.read_bytes())
    data[200] ^= 0x04
    path.write_bytes(bytes(data))
    with pytest.raises(UserError) as caught:
        open_journal(path, PASSPHRASE, FAST, NO_BACKUPS)
    assert caught.value.kind is ErrorKind.JOURNAL_DAMAGED


def test_an_old_key_file_at_the_cli_is_exit_4(
    initialised: Path,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    old = keys_path(initialised).read_bytes()
    monkeypatch.setenv("RECOVERY_JOURNAL_NEW_PASSPHRASE", "another morning by the sea")
    assert cli("passwd", "--new-keys")[0] == 0
    keys_path(initialised).write_bytes(old)
    code, _, err = cli("list")
    assert code == 4 and "older version of this journal" in err


# ---------------------------------------------------------------- Unicode forms


NFC = "café au lait mornings by the river"
NFD = unicodedata.normalize("NFD", NFC)


@pytest.mark.parametrize(("chosen", "typed"), [(NFC, NFD), (NFD, NFC), (NFC, NFC)])
def test_new_slots_open_with_either_unicode_form(chosen: str, typed: str) -> None:
    envelope, made, _ = new_envelope(chosen, TEST_PARAMS, TEST_POLICY)
    assert envelope.slot(keys.SLOT_PASSPHRASE).kdf["passphrase_form"] == "nfc"
    opened = unlock_with_passphrase(envelope, typed, TEST_POLICY)
    assert opened.data_key == made.data_key


def _legacy_envelope(passphrase_bytes_form: str) -> tuple[keys.Envelope, bytearray]:
    """A passphrase slot as made before normalisation: the text's bytes as typed, no mark."""
    envelope, made, _ = new_envelope("placeholder words here", TEST_PARAMS, TEST_POLICY)
    kdf = {k: v for k, v in envelope.slots[0].kdf.items() if k != "passphrase_form"}
    kek = key_derivation.passphrase_kek(passphrase_bytes_form, kdf, TEST_POLICY)
    nonce, wrapped = key_derivation.wrap(
        kek,
        made.master_key,
        key_derivation.slot_aad(envelope.journal_id, keys.SLOT_PASSPHRASE, kdf),
    )
    legacy = keys.Slot(keys.SLOT_PASSPHRASE, kdf, nonce, wrapped)
    return keys.Envelope(
        envelope.journal_id,
        (legacy, envelope.slots[1]),
        envelope.data_key_nonce,
        envelope.wrapped_data_key,
    ), made.data_key


@pytest.mark.parametrize(("stored", "typed"), [(NFC, NFD), (NFD, NFC), (NFD, NFD)])
def test_existing_slots_accept_both_unicode_forms(stored: str, typed: str) -> None:
    envelope, data_key = _legacy_envelope(stored)
    envelope = envelope_from_json(envelope_to_json(envelope))
    assert unlock_with_passphrase(envelope, typed, TEST_POLICY).data_key == data_key
    assert _kind(lambda: unlock_with_passphrase(envelope, "café", TEST_POLICY)) is (
        ErrorKind.WRONG_PASSPHRASE
    )


def test_a_journal_set_in_nfc_opens_when_typed_in_nfd(tmp_path: Path) -> None:
    session, _ = create_journal(tmp_path / "u.rjournal", NFC, FAST, NO_BACKUPS)
    session.lock()
    open_journal(tmp_path / "u.rjournal", NFD, FAST, NO_BACKUPS).lock()
