"""The command-line companion: ``recovery-journal SUBCOMMAND`` (the second composition root).

Secrets are never taken from argv: they are prompted for without echo on a terminal, or read from
``RECOVERY_JOURNAL_PASSPHRASE`` / ``RECOVERY_JOURNAL_NEW_PASSPHRASE`` /
``RECOVERY_JOURNAL_RECOVERY_CODE`` / ``RECOVERY_JOURNAL_PDF_PASSWORD`` for scripts (less safe: other
programs of the same user may read a process's environment). Exit codes (README): 0 ok, 2 usage
(including an unsafe ``--output``), 3 wrong passphrase or recovery code, 4 the journal's files
(damaged, half missing, not a journal, not belonging together, outdated keys), 5 an import file
refused (nothing written), 1 anything else.
Only ``chart`` imports matplotlib and only ``report`` imports Qt, each inside the command, so
commands start quickly.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from recovery_journal import __version__
from recovery_journal.errors import ErrorKind, UserError
from recovery_journal.paths import default_journal_path, normalise_journal_path
from recovery_journal.services.prederive import start_key_derivation
from recovery_journal.storage.keys import FLOOR_PARAMS, KeySettings, PendingKeys

if TYPE_CHECKING:
    from recovery_journal.domain.entries import Entry

# Only what is needed to start deriving the keys is imported up here: everything else is imported
# where it is used, while Argon2id already runs (see services/prederive.py).

ENV_PASSPHRASE = "RECOVERY_JOURNAL_PASSPHRASE"
ENV_NEW_PASSPHRASE = "RECOVERY_JOURNAL_NEW_PASSPHRASE"
ENV_RECOVERY_CODE = "RECOVERY_JOURNAL_RECOVERY_CODE"
ENV_KDF_PROFILE = "RECOVERY_JOURNAL_KDF_PROFILE"
ENV_PDF_PASSWORD = "RECOVERY_JOURNAL_PDF_PASSWORD"
ENV_IMPORT_PASSWORD = "RECOVERY_JOURNAL_IMPORT_PASSWORD"

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_SECRET, EXIT_DAMAGED = 0, 1, 2, 3, 4
EXIT_REFUSED = 5  # `import`: the file was refused, nothing was written
_SECRET_KINDS = {ErrorKind.WRONG_PASSPHRASE, ErrorKind.WRONG_RECOVERY_CODE}
_DAMAGE_KINDS = {
    ErrorKind.JOURNAL_DAMAGED,
    ErrorKind.KEY_FILE_MISSING,
    ErrorKind.KEY_FILE_DAMAGED,
    ErrorKind.NOT_A_JOURNAL,
    ErrorKind.FILES_MISMATCHED,
    ErrorKind.KEYS_OUTDATED,
    ErrorKind.KEY_POLICY,
}


class UsageError(Exception):
    """Bad arguments or missing input; exit code 2."""


# ---------------------------------------------------------------- secrets


def _secret(env: str, prompt: str, *, fallback_env: str | None = None) -> str:
    for name in (env, fallback_env):
        if name and os.environ.get(name):
            return os.environ[name]
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(prompt)
    raise UsageError(f"No terminal to ask for it: set {env} (see README, “Scripts”).")


def _new_passphrase() -> str:
    if os.environ.get(ENV_NEW_PASSPHRASE):
        chosen = os.environ[ENV_NEW_PASSPHRASE]
    else:
        chosen = _secret(ENV_NEW_PASSPHRASE, "New passphrase: ")
        if sys.stdin.isatty() and getpass.getpass("Type it again: ") != chosen:
            raise UsageError("The two passphrases were different. Nothing was changed.")
    from recovery_journal.services import passphrase as strength

    verdict = strength.assess(chosen)
    if not verdict.acceptable:
        raise UsageError(f"That passphrase is too easy to guess. {verdict.hint}")
    return chosen


def _key_settings() -> KeySettings:
    if os.environ.get(ENV_KDF_PROFILE) == "floor":
        return KeySettings(params=FLOOR_PARAMS)
    return KeySettings()


# ---------------------------------------------------------------- output helpers


def _plain_snippet(snippet: str) -> str:
    from recovery_journal.domain.entries import MATCH_END, MATCH_START

    return snippet.replace(MATCH_START, "[").replace(MATCH_END, "]").replace("\n", " ")


def _entry_line(entry: Entry) -> str:
    mood = f"mood {entry.mood:>2}" if entry.mood is not None else "       "
    first = entry.title or entry.body.strip().split("\n", 1)[0]
    if len(first) > 60:
        first = first[:59] + "…"
    tags = f"  #{' #'.join(entry.tags)}" if entry.tags else ""
    return f"{entry.id:>6}  {entry.local_date.isoformat()}  {mood}  {first}{tags}"


def _entry_json(entry: Entry) -> Any:
    from recovery_journal.services.jsonable import jsonable

    return jsonable(entry)


def _parse_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}” is not a date like 2026-03-01") from None


# ---------------------------------------------------------------- commands


def _journal(args: argparse.Namespace) -> Path:
    return normalise_journal_path(Path(args.journal)) if args.journal else default_journal_path()


def _unlocking(args: argparse.Namespace) -> tuple[Path, str, KeySettings, PendingKeys | None]:
    path, secret, settings = (
        _journal(args),
        _secret(ENV_PASSPHRASE, "Passphrase: "),
        _key_settings(),
    )
    # Argon2id starts now, on another thread, while the caller imports what it needs.
    return path, secret, settings, start_key_derivation(path, secret, settings)


def _open(args: argparse.Namespace) -> Any:
    """The journal for a command that changes it (imports the ORM while the keys derive)."""
    path, secret, settings, pending = _unlocking(args)
    from recovery_journal.services.access import open_journal

    return _noting_key_change(open_journal(path, secret, settings, pending=pending))


def _open_for_reading(args: argparse.Namespace) -> Any:
    """The journal for ``list``, ``search`` and ``show``: no ORM, so the run is about as long
    as its key derivation."""
    path, secret, settings, pending = _unlocking(args)
    from recovery_journal.services.reader import open_reader

    return _noting_key_change(open_reader(path, secret, settings, pending=pending))


def _noting_key_change(journal: Any) -> Any:
    if journal.finished_key_change:
        print(
            "recovery-journal: changing every key had not quite finished; it has now. If you "
            "never saw the new recovery code, make a new one: recovery-journal new-code",
            file=sys.stderr,
        )
    return journal


def _show_code(code: str, out: TextIO) -> None:
    print(
        "\nYour recovery code (shown only now — write it down or print it, keep it safe):", file=out
    )
    print(f"\n    {code}\n", file=out)
    print(
        "It is the only way back in if you forget your passphrase. Nobody can reset it.", file=out
    )


def cmd_init(args: argparse.Namespace, out: TextIO) -> int:
    from recovery_journal.services.access import create_journal
    from recovery_journal.services.library import seed_default_library

    chosen = _new_passphrase()
    session, code = create_journal(_journal(args), chosen, _key_settings())
    try:
        seed_default_library(session)
        print(f"Created a new encrypted journal at {session.path}", file=out)
        _show_code(code, out)
    finally:
        session.lock()
    return EXIT_OK


_ARGV_WARNING = (
    "recovery-journal: note: text given as arguments can be seen by other users' programs while "
    "this runs and stays in your shell history; pipe it in or type it at the prompt instead."
)
_PROMPT = (
    "Write your entry. Optional first lines: “# Title” and “tags: a, b”. "
    "End with Ctrl-D on a line of its own (Ctrl-Z then Enter on Windows).\n"
)


def _entry_text(args: argparse.Namespace, err: TextIO) -> tuple[str, str, tuple[str, ...]]:
    """Title, body and tags: from standard input (piped, or typed at a prompt), or — kept working
    with a warning — from the arguments."""
    from recovery_journal.domain.entry_text import parse_entry_text

    in_argv = args.text not in (None, "-")
    if in_argv or args.title or args.tag:
        print(_ARGV_WARNING, file=err)
    if in_argv:
        return args.title or "", args.text, tuple(args.tag or ())
    if sys.stdin is None:
        raise UsageError("Nothing to read the entry from: pipe it in (see README).")
    if sys.stdin.isatty():
        print(_PROMPT, file=err, end="", flush=True)
    parsed = parse_entry_text(sys.stdin.read())
    return args.title or parsed.title, parsed.body, (*parsed.tags, *(args.tag or ()))


def cmd_add(args: argparse.Namespace, out: TextIO, err: TextIO = sys.stderr) -> int:
    from recovery_journal.domain.clock import local_today
    from recovery_journal.domain.entries import Entry

    title, body, tags = _entry_text(args, err)
    if not (title.strip() or body.strip() or args.mood is not None):
        raise UsageError("Nothing to save: the entry was empty. Nothing was changed.")
    entry = Entry(
        local_date=args.date or local_today(),
        body=body,
        title=title,
        mood=args.mood,
        tags=tags,
        bring_to_therapy=args.bring_to_therapy,
    )
    session = _open(args)
    try:
        saved = session.entries.add(entry)
    finally:
        session.lock()
    print(f"Saved entry #{saved.id} for {saved.local_date.isoformat()}.", file=out)
    return EXIT_OK


def cmd_list(args: argparse.Namespace, out: TextIO) -> int:
    journal = _open_for_reading(args)
    try:
        found = journal.latest(args.limit, start=args.date_from, end=args.date_to)
    finally:
        journal.lock()
    if args.json:
        json.dump([_entry_json(e) for e in found], out, ensure_ascii=False, indent=1)
        print(file=out)
    elif not found:
        print(
            "No entries yet."
            if not (args.date_from or args.date_to)
            else "No entries in that time.",
            file=out,
        )
    for entry in [] if args.json else found:
        print(_entry_line(entry), file=out)
    return EXIT_OK


def cmd_search(args: argparse.Namespace, out: TextIO) -> int:
    journal = _open_for_reading(args)
    try:
        hits = journal.search(args.query, limit=args.limit)
    finally:
        journal.lock()
    if args.json:
        json.dump(
            [{"entry": _entry_json(h.entry), "snippet": _plain_snippet(h.snippet)} for h in hits],
            out,
            ensure_ascii=False,
            indent=1,
        )
        print(file=out)
        return EXIT_OK
    if not hits:
        print("Nothing found.", file=out)
    for hit in hits:
        print(_entry_line(hit.entry), file=out)
        print(f"        {_plain_snippet(hit.snippet)}", file=out)
    return EXIT_OK


def cmd_show(args: argparse.Namespace, out: TextIO) -> int:
    journal = _open_for_reading(args)
    try:
        entry = journal.get(args.id)
    finally:
        journal.lock()
    if args.json:
        json.dump(_entry_json(entry), out, ensure_ascii=False, indent=1)
        print(file=out)
        return EXIT_OK
    print(
        f"#{entry.id}  {entry.local_date.isoformat()}"
        + (f"  mood {entry.mood}/10" if entry.mood is not None else ""),
        file=out,
    )
    if entry.title:
        print(entry.title, file=out)
    if entry.tags:
        print("#" + " #".join(entry.tags), file=out)
    print(file=out)
    print(entry.body, file=out)
    return EXIT_OK


def _safe_output(args: argparse.Namespace) -> Path:
    """``--output``, refused (usage error, before anything is unlocked) when it is or leads to
    a journal's own file or a backups folder, or exists and ``--force`` is not given."""
    from recovery_journal.storage.output_guard import OutputRefused, check_output_path

    try:  # the journal's own backups folder (beside it) is refused with it
        return check_output_path(Path(args.output), journals=[_journal(args)], overwrite=args.force)
    except OutputRefused as refused:
        raise UsageError(f"{refused.message} {refused.hint}") from None


def cmd_export(args: argparse.Namespace, out: TextIO) -> int:
    target = _safe_output(args)
    session = _open(args)
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


# ---------------------------------------------------------------- import (issue 12)

IMPORT_FORMATS = ("auto", "daylio-csv", "daylio-backup", "jrnl", "jrnl-json", "dayone", "json")


def _mood_pair(text: str) -> tuple[str, int]:
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
        password = _secret(ENV_IMPORT_PASSWORD, "The jrnl journal's password: ")
    try:
        return interop.read(data, args.format, mood_map=mood_map, password=password)
    except interop.ImportRefused as refused:
        if refused.code != "password_required" or password is not None:
            raise
    password = _secret(ENV_IMPORT_PASSWORD, "The jrnl journal's password: ")
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
        session = _open(args)
        try:
            return import_export(session, document, dry_run=args.dry_run)
        finally:
            session.lock()
    result = _read_import(args, data, mood_map)
    from recovery_journal.services.importing import import_entries

    session = _open(args)
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


def _pdf_password(args: argparse.Namespace) -> str | None:
    """The summary's password: from the environment, or asked twice without echo."""
    if os.environ.get(ENV_PDF_PASSWORD):
        return os.environ[ENV_PDF_PASSWORD]
    if not args.password:
        return None
    chosen = _secret(ENV_PDF_PASSWORD, "Password for the PDF: ")
    if getpass.getpass("Type it again: ") != chosen:
        raise UsageError("The two passwords were different. Nothing was written.")
    if not chosen:
        raise UsageError("The password was empty. Nothing was written.")
    return chosen


def cmd_report(args: argparse.Namespace, out: TextIO) -> int:
    from recovery_journal.domain.clock import local_today
    from recovery_journal.domain.report import ExcerptMode, Period, Preset, ReportOptions

    if args.date_to < args.date_from:
        raise UsageError("--to is before --from: the period must end on or after its first day.")
    if args.preset == "brief" and args.excerpts != "none":
        raise UsageError("Excerpts come with the full summary: add --preset full.")
    if not args.output.lower().endswith(".pdf"):
        args.output += ".pdf"
    _safe_output(args)
    password = _pdf_password(args)
    options = ReportOptions(
        Period(args.date_from, args.date_to),
        Preset(args.preset),
        excerpts=ExcerptMode(args.excerpts),
        display_name=args.name or "",
    )
    session = _open(args)
    try:
        from recovery_journal.report.command import write_summary  # Qt, only for this command

        written, pages = write_summary(session, options, Path(args.output), password, local_today())
    finally:
        session.lock()
    noun = "page" if pages == 1 else "pages"
    print(f"Summary written to {written} ({pages} {noun}).", file=out)
    if password:
        print("It opens only with the password you chose.", file=out)
    else:
        print("This file is NOT encrypted: keep it private, share it only by hand.", file=out)
    return EXIT_OK


def cmd_backup(args: argparse.Namespace, out: TextIO) -> int:
    target = _safe_output(args)
    session = _open(args)
    try:
        info = session.backup_to(target)
    finally:
        session.lock()
    print(f"Backup written to {info.path} (encrypted; your passphrase opens it).", file=out)
    return EXIT_OK


def cmd_restore(args: argparse.Namespace, out: TextIO) -> int:
    from recovery_journal.services.access import restore_backup

    target = _journal(args)
    info = restore_backup(Path(args.bundle), target)
    print(f"Restored the backup from {info.created_utc:%Y-%m-%d %H:%M} UTC to {target}.", file=out)
    return EXIT_OK


def cmd_passwd(args: argparse.Namespace, out: TextIO) -> int:
    session = _open(args)
    try:
        old = _secret(ENV_PASSPHRASE, "Current passphrase: ")
        if not args.new_keys:
            session.change_passphrase(old, _new_passphrase(), _key_settings())
            print("Passphrase changed. Your recovery code still works.", file=out)
            return EXIT_OK
        code = session.reencrypt(old, _new_passphrase(), _key_settings())
        # Shown at once: from here on only the new passphrase and this code open the journal.
        print("Passphrase changed and the journal encrypted again under new keys.", file=out)
        print("The old passphrase, recovery code and key files no longer open it.", file=out)
        print(
            "Backups made before keep their old keys: delete the ones you don't control.", file=out
        )
        _show_code(code, out)
        return EXIT_OK
    finally:
        session.lock()


def cmd_new_code(args: argparse.Namespace, out: TextIO) -> int:
    session = _open(args)
    try:
        code = session.new_recovery_code(
            _secret(ENV_PASSPHRASE, "Passphrase (again, to confirm): "), _key_settings()
        )
        print("Your old recovery code no longer works; here is the new one.", file=out)
        _show_code(code, out)  # shown before anything else can fail
        return EXIT_OK
    finally:
        session.lock()


def cmd_recover(args: argparse.Namespace, out: TextIO) -> int:
    from recovery_journal.services.access import recover_journal, validate_recovery_code

    code = _secret(ENV_RECOVERY_CODE, "Recovery code: ")
    validate_recovery_code(code)
    session, new_code = recover_journal(_journal(args), code, _new_passphrase(), _key_settings())
    session.lock()
    print("Your journal is open again with your new passphrase.", file=out)
    print("Your old recovery code no longer works; here is the new one.", file=out)
    _show_code(new_code, out)
    return EXIT_OK


def cmd_check(args: argparse.Namespace, out: TextIO) -> int:
    session = _open(args)
    try:
        report = session.check()
    finally:
        session.lock()
    if report.ok:
        print(
            "The journal is healthy: structure, encryption, links and search index all check out.",
            file=out,
        )
        return EXIT_OK
    print("The journal has problems:", file=out)
    print(f"  structure: {'; '.join(report.database[:5])}", file=out)
    print(f"  encryption (pages failing their check): {len(report.encryption)}", file=out)
    print(f"  broken links: {report.foreign_keys}", file=out)
    print(f"  search index: {'ok' if report.search_index_ok else 'needs rebuilding'}", file=out)
    print("Restore from a backup (`recovery-journal restore`) to be safe.", file=out)
    return EXIT_DAMAGED


def cmd_demo(args: argparse.Namespace, out: TextIO) -> int:
    from recovery_journal.demo import fill_demo_journal
    from recovery_journal.services.access import create_journal

    chosen = _new_passphrase()
    session, code = create_journal(_journal(args), chosen, _key_settings())
    try:
        counts = fill_demo_journal(session, days=args.days, seed=args.seed)
    finally:
        session.lock()
    print(
        f"Created a demo journal at {session.path} with {counts['entries']} entries over "
        f"{args.days} days (invented data).",
        file=out,
    )
    _show_code(code, out)
    return EXIT_OK


def cmd_chart(args: argparse.Namespace, out: TextIO) -> int:
    """Draw one chart to a PNG or SVG file (the only command that imports matplotlib)."""
    if Path(args.output).suffix.lower() not in (".png", ".svg"):
        raise UsageError("The output file must end in .png or .svg.")
    target = _safe_output(args)
    journal = _open_for_reading(args)
    try:
        period = journal.insights.period(args.date_from, args.date_to)
        data = journal.insights.chart_data(args.kind, period)
    finally:
        journal.lock()
    from recovery_journal.charts.common import caption
    from recovery_journal.charts.registry import LIGHT, build_chart, chart_summary, save_chart

    figure = build_chart(args.kind, data, LIGHT)
    caption(figure, chart_summary(args.kind, data), LIGHT)
    save_chart(figure, target)
    print(f"Wrote the {args.kind} chart ({period.start} to {period.end}) to {target}.", file=out)
    print("This file is NOT encrypted: keep it somewhere private.", file=out)
    return EXIT_OK


def cmd_insights(args: argparse.Namespace, out: TextIO) -> int:
    """The summary numbers and the honest patterns (docs/INSIGHTS.md)."""
    journal = _open_for_reading(args)
    try:
        report = journal.insights.report(journal.insights.period(args.date_from, args.date_to))
    finally:
        journal.lock()
    shape = report.to_json()
    if args.json:
        json.dump(shape, out, ensure_ascii=False, indent=1)
        print(file=out)
        return EXIT_OK
    print(f"From {shape['from']} to {shape['to']}:", file=out)
    for key, value in shape["summary"].items():
        print(f"  {key.replace('_', ' ')}: {'–' if value is None else value}", file=out)
    called = [a for a in shape["associations"] if a["called_out"]]
    print(
        f"{len(shape['associations'])} comparisons with at least 3 days on each side; "
        f"{len(called)} stand out (associations, not causes):",
        file=out,
    )
    for a in called:
        when = "the day after" if a["lag_days"] else "same day"
        print(
            f"  {a['kind']} “{a['factor']}” ({when}): mood {a['difference']:+.1f} "
            f"[{a['ci_low']:+.1f}, {a['ci_high']:+.1f}], {a['n_with']} days with, "
            f"{a['n_without']} without",
            file=out,
        )
    return EXIT_OK


# ---------------------------------------------------------------- parser and main


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def _mood(text: str) -> int:
    value = int(text)
    if not 0 <= value <= 10:
        raise argparse.ArgumentTypeError("mood is a whole number from 0 to 10")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="recovery-journal",
        description="Recovery Journal: a private, encrypted journal. Without a command, opens "
        "the app.",
        epilog="Secrets are asked for on the terminal. Scripts may set RECOVERY_JOURNAL_PASSPHRASE"
        ", RECOVERY_JOURNAL_NEW_PASSPHRASE, RECOVERY_JOURNAL_RECOVERY_CODE and "
        "RECOVERY_JOURNAL_PDF_PASSWORD (less safe).",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    journal = argparse.ArgumentParser(add_help=False)
    journal.add_argument(
        "--journal",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help="the journal file (default: $RECOVERY_JOURNAL_PATH or the data folder)",
    )
    parser.add_argument("--journal", metavar="PATH", help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add(
        name: str, func: Callable[[argparse.Namespace, TextIO], int], help_: str
    ) -> argparse.ArgumentParser:
        p = sub.add_parser(name, parents=[journal], help=help_, description=help_)
        p.set_defaults(func=func)
        return p

    add("init", cmd_init, "create a new encrypted journal")
    p = add(
        "add",
        cmd_add,
        "write an entry, read from standard input or typed at the prompt (first line “# Title”, "
        "a line “tags: a, b”, then the text)",
    )
    p.add_argument("--mood", type=_mood, help="0 (worst) to 10 (best)")
    p.add_argument("--date", type=_parse_date, help="the day it is about (YYYY-MM-DD)")
    p.add_argument(
        "--bring-to-therapy", action="store_true", help="flag it to talk about in therapy"
    )
    p.add_argument("--title", help="(less private: prefer a “# Title” line in the text)")
    p.add_argument("--tag", action="append", help="(less private: prefer a “tags:” line)")
    p.add_argument("text", nargs="?", help="(less private: visible to other programs; use stdin)")
    p = add("list", cmd_list, "list entries, newest first")
    p.add_argument("--limit", type=_positive, default=20)
    p.add_argument("--from", dest="date_from", type=_parse_date)
    p.add_argument("--to", dest="date_to", type=_parse_date)
    p.add_argument("--json", action="store_true")
    p = add("search", cmd_search, "find entries by words in their title, text or tags")
    p.add_argument("query")
    p.add_argument("--limit", type=_positive, default=50)
    p.add_argument("--json", action="store_true")
    p = add("show", cmd_show, "show one entry")
    p.add_argument("id", type=int)
    p.add_argument("--json", action="store_true")
    p = add(
        "export",
        cmd_export,
        "export as JSON (everything), CSV (entries), daily CSV or Markdown (not encrypted)",
    )
    p.add_argument("--format", choices=["json", "csv", "daily-csv", "markdown"], required=True)
    p.add_argument(
        "--output",
        required=True,
        metavar="PATH",
        help="a file; for markdown, a .md file or a folder (one file per year)",
    )
    p.add_argument("--force", action="store_true", help="replace FILE if it exists")
    p = add("import", cmd_import, "import Daylio, jrnl or Day One files, or a JSON export")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--format", choices=IMPORT_FORMATS, default="auto")
    p.add_argument(
        "--mood-map",
        action="append",
        type=_mood_pair,
        metavar="WORD=N",
        help="give a mood word of the file a mood 0-10 (repeat for each word)",
    )
    p.add_argument("--dry-run", action="store_true", help="only say what would be imported")
    p.add_argument("--json", action="store_true")
    p = add("report", cmd_report, "write the summary for your therapist as a PDF")
    p.add_argument("--from", dest="date_from", type=_parse_date, required=True)
    p.add_argument("--to", dest="date_to", type=_parse_date, required=True)
    p.add_argument("--preset", choices=["brief", "full"], default="brief")
    p.add_argument("--excerpts", choices=["none", "flagged"], default="none")
    p.add_argument("--name", help="your name as it should appear on the pages (optional)")
    p.add_argument("--output", required=True, metavar="FILE.pdf")
    p.add_argument("--force", action="store_true", help="replace FILE.pdf if it exists")
    p.add_argument(
        "--password",
        action="store_true",
        help=f"protect the PDF with a password (asked twice; or set {ENV_PDF_PASSWORD})",
    )
    p = add("backup", cmd_backup, "write an encrypted backup bundle")
    p.add_argument("--output", required=True, metavar="FILE")
    p.add_argument("--force", action="store_true", help="replace FILE if it exists")
    p = add("restore", cmd_restore, "restore a backup bundle to a new journal (--journal)")
    p.add_argument("bundle")
    p = add("passwd", cmd_passwd, "change the passphrase")
    p.add_argument(
        "--new-keys",
        action="store_true",
        help="also encrypt everything again under new keys and get a new recovery code "
        "(when someone may know the old passphrase)",
    )
    add("recover", cmd_recover, "open with the recovery code and set a new passphrase")
    add("new-code", cmd_new_code, "replace the recovery code (the old one stops working)")
    add("check", cmd_check, "check the journal's integrity")
    from recovery_journal.domain.insights import CHART_KINDS

    p = add("chart", cmd_chart, "draw a chart to a PNG or SVG file (not encrypted)")
    p.add_argument("kind", metavar="KIND", choices=CHART_KINDS, help=", ".join(CHART_KINDS))
    p.add_argument("--from", dest="date_from", type=_parse_date)
    p.add_argument("--to", dest="date_to", type=_parse_date)
    p.add_argument("--output", required=True, metavar="FILE", help="ends in .png or .svg")
    p.add_argument("--force", action="store_true", help="replace FILE if it exists")
    p = add("insights", cmd_insights, "summary numbers and what seems to go with better days")
    p.add_argument("--from", dest="date_from", type=_parse_date)
    p.add_argument("--to", dest="date_to", type=_parse_date)
    p.add_argument("--json", action="store_true")
    p = add("demo", cmd_demo, "create a new journal filled with invented, realistic data")
    p.add_argument("--days", type=_positive, default=365)
    p.add_argument("--seed", type=int, default=7)
    return parser


def exit_code_for(kind: ErrorKind) -> int:
    """The exit code of a command that failed with a :class:`UserError` of ``kind`` (README)."""
    if kind in _SECRET_KINDS:
        return EXIT_SECRET
    if kind is ErrorKind.IMPORT_REFUSED:
        return EXIT_REFUSED
    return EXIT_DAMAGED if kind in _DAMAGE_KINDS else EXIT_ERROR


def run(argv: Sequence[str], out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return EXIT_USAGE if exit_.code not in (0, None) else EXIT_OK
    if args.command is None:
        return EXIT_USAGE
    try:
        if args.func is cmd_add:
            return int(cmd_add(args, out, err))
        return int(args.func(args, out))
    except UsageError as error:
        print(f"recovery-journal: {error}", file=err)
        return EXIT_USAGE
    except UserError as error:
        print(f"recovery-journal: {error.message}", file=err)
        if error.hint:
            print(f"  {error.hint}", file=err)
        return exit_code_for(error.kind)
    except BrokenPipeError:  # the reader stopped early (`… | head`): nothing went wrong
        return EXIT_OK
    except KeyboardInterrupt:
        print("\nrecovery-journal: stopped. Nothing half-written was kept.", file=err)
        return EXIT_ERROR
    except Exception as bug:
        if os.environ.get("RECOVERY_JOURNAL_DEBUG"):
            raise
        print(
            f"recovery-journal: something went wrong inside the program ({type(bug).__name__}). "
            "Your journal keeps everything saved before this.",
            file=err,
        )
        return EXIT_ERROR


def main(argv: Sequence[str] | None = None) -> int:
    from recovery_journal.hardening import harden_process

    harden_process()  # no core dumps, no attaching: before any secret is read
    return run(list(sys.argv[1:] if argv is None else argv))
