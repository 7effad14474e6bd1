"""docs/FILE-FORMAT.md is true: its recovery recipe opens a real journal with standard tools."""

from __future__ import annotations

import json
import re
import unicodedata
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlcipher3 import dbapi2

from recovery_journal.domain.entries import Entry
from recovery_journal.paths import keys_path
from recovery_journal.services.access import BackupSettings, create_journal
from tests.conftest import FAST, PASSPHRASE

DOC = Path(__file__).resolve().parents[2] / "docs" / "FILE-FORMAT.md"


def _recipe() -> Any:
    block = re.search(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    assert block, "the recovery recipe is missing from docs/FILE-FORMAT.md"
    namespace: dict[str, Any] = {}
    exec(compile(block.group(1), str(DOC), "exec"), namespace)  # our own documentation
    return namespace["recover_data_key"]


def _read_with_raw_key(path: Path, data_key: bytes) -> list[tuple[str, str]]:
    conn = dbapi2.connect(f"file:{path}?mode=ro", uri=True)
    try:
        conn.execute(f"PRAGMA key = \"x'{data_key.hex()}'\"")
        conn.execute("PRAGMA cipher_page_size = 8192")  # as the recipe says
        rows: list[tuple[str, str]] = conn.execute(
            "SELECT local_date, body FROM entries"
        ).fetchall()
        return rows
    finally:
        conn.close()


def test_documented_recipe_recovers_the_key_with_passphrase_and_code(tmp_path: Path) -> None:
    session, code = create_journal(
        tmp_path / "doc.rjournal", PASSPHRASE, FAST, BackupSettings(daily=False)
    )
    session.entries.add(Entry(date(2026, 4, 1), "recoverable by hand"))
    path = session.path
    session.lock()
    recover = _recipe()
    envelope_text = keys_path(path).read_text()
    by_passphrase = recover(envelope_text, passphrase=PASSPHRASE)
    by_code = recover(envelope_text, recovery_code=code.lower())
    assert by_passphrase == by_code and len(by_passphrase) == 32
    assert _read_with_raw_key(path, by_passphrase) == [("2026-04-01", "recoverable by hand")]


def test_the_recipe_takes_look_alikes_and_either_unicode_form(tmp_path: Path) -> None:
    """The recipe reads 0/1/8 as O/I/B (as the app does) and normalises the passphrase to NFC
    for slots marked ``passphrase_form: nfc``; and it checks ``data_key.cipher``."""
    chosen = "café au lait mornings by the river"
    for attempt in range(50):  # a code with at least one O, I or B (almost always the first)
        session, code = create_journal(
            tmp_path / f"nfc{attempt}.rjournal", chosen, FAST, BackupSettings(daily=False)
        )
        if set(code) & set("OIB"):
            break
        session.lock()
    session.entries.add(Entry(date(2026, 4, 2), "typed another way"))
    path = session.path
    session.lock()
    recover = _recipe()
    text = keys_path(path).read_text()
    assert json.loads(text)["slots"][0]["kdf"]["passphrase_form"] == "nfc"
    typed = unicodedata.normalize("NFD", chosen)
    look_alikes = code.replace("O", "0").replace("I", "1").replace("B", "8")
    assert look_alikes != code
    by_passphrase = recover(text, passphrase=typed)
    assert recover(text, recovery_code=look_alikes) == by_passphrase
    assert _read_with_raw_key(path, by_passphrase) == [("2026-04-02", "typed another way")]
    doc = json.loads(text)
    doc["data_key"]["cipher"] = "aes-128-gcm"
    with pytest.raises(AssertionError):
        recover(json.dumps(doc), passphrase=chosen)


def test_the_schema_table_lists_every_version() -> None:
    from recovery_journal.storage.migrations import MIGRATIONS

    rows = re.findall(r"^\| (\d+) \|", DOC.read_text(encoding="utf-8"), re.M)
    assert [int(r) for r in rows] == [step.version for step in MIGRATIONS]
