"""The commands that write or read files beside the journal: ``export``, ``backup``, ``restore``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from recovery_journal.cli.common import EXIT_OK
from recovery_journal.cli.opening import journal_path, open_for_writing, safe_output


def cmd_export(args: argparse.Namespace, out: TextIO) -> int:
    from recovery_journal.services.export import export_json

    target = safe_output(args)
    session = open_for_writing(args)
    try:
        counts = export_json(session, target)
    finally:
        session.lock()
    print(f"Exported {counts['entries']} entries and everything else to {target}.", file=out)
    print("This file is NOT encrypted: keep it somewhere private.", file=out)
    return EXIT_OK


def cmd_backup(args: argparse.Namespace, out: TextIO) -> int:
    target = safe_output(args)
    session = open_for_writing(args)
    try:
        info = session.backup_to(target)
    finally:
        session.lock()
    print(f"Backup written to {info.path} (encrypted; your passphrase opens it).", file=out)
    return EXIT_OK


def cmd_restore(args: argparse.Namespace, out: TextIO) -> int:
    from recovery_journal.services.access import restore_backup

    target = journal_path(args)
    info = restore_backup(Path(args.bundle), target)
    print(f"Restored the backup from {info.created_utc:%Y-%m-%d %H:%M} UTC to {target}.", file=out)
    return EXIT_OK
