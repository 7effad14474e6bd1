"""Writing a file the person explicitly asked for (a recovery-code sheet, a PDF): atomic and
0600, and never over a journal's own files or into a backups folder (see output_guard)."""

from __future__ import annotations

from pathlib import Path

from recovery_journal.storage.atomic import write_atomic
from recovery_journal.storage.instance_lock import open_database_identities
from recovery_journal.storage.output_guard import check_output_path


def write_private_file(path: Path, data: bytes, what: str, *, journal: Path | None = None) -> None:
    """Write ``data`` to ``path`` the person chose in a file dialog (which asked before
    replacing an existing file); refused when ``path`` is a journal's file (``journal``: the open
    one; every journal open in this process is also caught through hard links) or lies in a
    backups folder."""
    target = check_output_path(
        path, journals=[journal] if journal else [], identities=open_database_identities()
    )
    write_atomic(target, data, what)
