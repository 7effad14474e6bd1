"""Writing a file the person explicitly asked for (a recovery-code sheet): atomic and 0600."""

from __future__ import annotations

from pathlib import Path

from recovery_journal.storage.atomic import write_atomic


def write_private_file(path: Path, data: bytes, what: str) -> None:
    write_atomic(path, data, what)
