"""The commands that write or read files beside the journal: ``export``, ``backup``, ``restore``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TextIO

from recovery_journal.cli.common import EXIT_OK
from recovery_journal.cli.opening import journal_path, open_for_writing, safe_output


def cmd_export(args: argparse.Namespace, out: TextIO) -> int:
    target = safe_output(args)
    session = open_for_writing(args)
    try:
        if args.format == "json":
            from recovery_journal.services.export import export_json

            counts = export_json(session, target)
            what = f"{counts['entries']} entries and everything else"
        else:
            what = _export_data(session, args.format, target)
    finally:
        session.lock()
    print(f"Exported {what} to {target}.", file=out)
    print("This file is NOT encrypted: keep it somewhere private.", file=out)
    return EXIT_OK


def _export_data(session: Any, format_: str, target: Path) -> str:
    """The CSV and Markdown exports (issue 12): data from the services, text from the pure
    exporters, written atomically 0600 through the output checks. Markdown to a ``.md`` file
    is one document; to any other path, a folder with one file per year."""
    from recovery_journal.interop import export_csv, export_markdown
    from recovery_journal.services import data_export
    from recovery_journal.services.files import write_private_file

    if format_ == "daily-csv":
        days = data_export.daily_rows(session)
        write_private_file(target, export_csv.daily_csv(days), "the export", journal=session.path)
        return f"{len(days)} days"
    entries = data_export.entry_documents(session, live_only=True)
    if format_ == "csv":
        data = export_csv.entries_csv(entries)
        write_private_file(target, data, "the export", journal=session.path)
    elif target.suffix.lower() == ".md":
        data = export_markdown.markdown_file(entries)
        write_private_file(target, data, "the export", journal=session.path)
    else:
        target.mkdir(mode=0o700, parents=True, exist_ok=True)
        for name, data in export_markdown.markdown_years(entries).items():
            write_private_file(target / name, data, "the export", journal=session.path)
    return f"{len(entries)} entries"


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
