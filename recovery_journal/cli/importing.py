"""``import``: another app's journal (Daylio, jrnl, Day One) or a Recovery Journal export.

Phase 1 reads the whole file with the pure importers (:mod:`recovery_journal.interop`); phase 2
writes everything in one transaction after a backup (:mod:`recovery_journal.services.importing`,
:mod:`recovery_journal.services.restoring`). A refused file exits with 5 and nothing is written.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any, TextIO

from recovery_journal.cli.common import EXIT_OK, UsageError
from recovery_journal.cli.opening import open_for_writing
from recovery_journal.cli.secrets import ENV_IMPORT_PASSWORD, secret
from recovery_journal.errors import ErrorKind, UserError

IMPORT_FORMATS = ("auto", "daylio-csv", "daylio-backup", "jrnl", "jrnl-json", "dayone", "json")


def mood_pair(text: str) -> tuple[str, int]:
    """``WORD=N`` for ``--mood-map`` (the word may hold spaces or ``=``; N is 0-10)."""
    word, sep, number = text.rpartition("=")
    if not sep or not word.strip() or not number.strip().isdigit() or int(number) > 10:
        raise argparse.ArgumentTypeError("use WORD=N with N a whole number from 0 to 10")
    return word, int(number)


def _read_import(args: argparse.Namespace, data: bytes, mood_map: dict[str, int]) -> Any:
    """Phase 1: the importer's result (asking for a jrnl password when the file needs one)."""
    from recovery_journal import interop

    password = None
    if interop.needs_password(data):
        password = secret(ENV_IMPORT_PASSWORD, "The jrnl journal's password: ")
    try:
        return interop.read(data, args.format, mood_map=mood_map, password=password)
    except interop.ImportRefused as refused:
        if refused.code != "password_required" or password is not None:
            raise
    password = secret(ENV_IMPORT_PASSWORD, "The jrnl journal's password: ")
    return interop.read(data, args.format, mood_map=mood_map, password=password)


def _import_into(args: argparse.Namespace, data: bytes) -> Any:
    from recovery_journal import interop
    from recovery_journal.interop.guard import load_json

    mood_map = dict(args.mood_map or [])
    kind = interop.detect(data) if args.format == "auto" else args.format
    if kind == "json":
        document = load_json(data)
        from recovery_journal.services.restoring import import_export, parse_export

        parse_export(document)  # refuse a bad file before asking for the passphrase
        session = open_for_writing(args)
        try:
            return import_export(session, document, dry_run=args.dry_run)
        finally:
            session.lock()
    result = _read_import(args, data, mood_map)
    from recovery_journal.services.importing import import_entries

    session = open_for_writing(args)
    try:
        return import_entries(session, result, mood_map=mood_map, dry_run=args.dry_run)
    finally:
        session.lock()


def _import_report(summary: Any) -> dict[str, Any]:
    from recovery_journal.interop import FORMATS
    from recovery_journal.services.jsonable import jsonable

    report: dict[str, Any] = jsonable(summary)
    report["backup"] = str(summary.backup) if summary.backup else None
    report["records"] = dict(summary.records)
    report["format_name"] = FORMATS.get(summary.format, summary.format)
    return report


def _print_import(report: dict[str, Any], out: TextIO) -> None:
    verb = "Would import" if report["dry_run"] else "Imported"
    span = f" ({report['first_day']} to {report['last_day']})" if report["first_day"] else ""
    print(f"{verb} {report['added']} entries from {report['format_name']}{span}.", file=out)
    if report["already_there"]:
        print(f"{report['already_there']} were already in the journal.", file=out)
    others = {k: v for k, v in report["records"].items() if k != "entries" and v}
    if others:
        with_ = ", ".join(f"{v} {k.replace('_', ' ')}" for k, v in others.items())
        print(f"With: {with_}.", file=out)
    for item in report["skipped"]:
        print(f"Left out: {item['count']} {item['reason']}.", file=out)
    for item in report["notes"]:
        print(f"Note: {item['count']} {item['reason']}.", file=out)
    if report["unmapped_mood_words"]:
        words = ", ".join(f"“{w}”" for w in report["unmapped_mood_words"])
        print(f"Mood words kept without a number (map with --mood-map WORD=N): {words}", file=out)
    if report["backup"]:
        print(f"A backup was made first: {report['backup']}", file=out)


def cmd_import(args: argparse.Namespace, out: TextIO) -> int:
    """Import another app's file, or a Recovery Journal export; refused files exit with 5."""
    from recovery_journal.interop import ImportRefused
    from recovery_journal.services.importing import ImportNotPossible

    try:
        data = Path(args.file).read_bytes()
    except OSError:
        raise UsageError(f"Can't read {args.file}.") from None
    try:
        summary = _import_into(args, data)
    except (ImportRefused, ImportNotPossible) as refused:
        if refused.kind is ErrorKind.WRONG_PASSPHRASE:
            raise  # a wrong jrnl password: exit 3, as for any wrong secret
        hint = f"{refused.hint} " if refused.hint else ""
        raise UserError(
            ErrorKind.IMPORT_REFUSED,
            f"The file was refused. {refused.message}",
            hint=f"{hint}Nothing was imported; the journal is as it was.",
        ) from None
    report = _import_report(summary)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=1), file=out)
    else:
        _print_import(report, out)
    return EXIT_OK
