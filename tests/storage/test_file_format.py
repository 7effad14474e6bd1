"""docs/FILE-FORMAT.md is true: its recovery recipe opens a real journal with standard tools."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

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
