"""The entry commands: ``add``, ``list``, ``search`` and ``show``."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date, datetime, time
from typing import TYPE_CHECKING, Any, TextIO

from recovery_journal.cli.common import EXIT_OK, UsageError
from recovery_journal.cli.opening import open_for_reading, open_for_writing

if TYPE_CHECKING:
    from recovery_journal.domain.entries import Entry

_ARGV_WARNING = (
    "recovery-journal: note: text given as arguments can be seen by other users' programs while "
    "this runs and stays in your shell history; pipe it in or type it at the prompt instead."
)
_PROMPT = (
    "Write your entry. Optional first lines: “# Title” and “tags: a, b”. "
    "End with Ctrl-D on a line of its own (Ctrl-Z then Enter on Windows).\n"
)


def _plain_snippet(snippet: str) -> str:
    from recovery_journal.domain.entries import MATCH_END, MATCH_START

    return snippet.replace(MATCH_START, "[").replace(MATCH_END, "]").replace("\n", " ")


def _entry_line(entry: Entry) -> str:
    mood = entry.check_in.mood
    mood_text = f"mood {mood:>2}" if mood is not None else "       "
    first = entry.title or entry.body.strip().split("\n", 1)[0]
    if len(first) > 60:
        first = first[:59] + "…"
    tags = f"  #{' #'.join(entry.tags)}" if entry.tags else ""
    return f"{entry.id:>6}  {entry.local_date.isoformat()}  {mood_text}  {first}{tags}"


def _entry_json(entry: Entry) -> Any:
    from recovery_journal.services.jsonable import jsonable

    return jsonable(entry)


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


def _offset_at(day: date, clock: str) -> int:
    """This computer's UTC offset in minutes at ``clock`` on ``day`` (the zone the person is in)."""
    moment = datetime.combine(day, time.fromisoformat(clock)).astimezone()
    offset = moment.utcoffset()
    return 0 if offset is None else int(offset.total_seconds() // 60)


def cmd_add(args: argparse.Namespace, out: TextIO, err: TextIO = sys.stderr) -> int:
    from recovery_journal.domain.clock import local_today
    from recovery_journal.domain.entries import CheckIn, Entry

    title, body, tags = _entry_text(args, err)
    if not (title.strip() or body.strip() or args.mood is not None):
        raise UsageError("Nothing to save: the entry was empty. Nothing was changed.")
    day = args.date or local_today()
    entry = Entry(
        local_date=day,
        body=body,
        title=title,
        check_in=CheckIn(mood=args.mood),
        tags=tags,
        bring_to_therapy=args.bring_to_therapy,
        local_time=args.time,
        utc_offset_minutes=None if args.time is None else _offset_at(day, args.time),
    )
    session = open_for_writing(args)
    try:
        saved = session.entries.add(entry)
    finally:
        session.lock()
    print(f"Saved entry #{saved.id} for {saved.local_date.isoformat()}.", file=out)
    return EXIT_OK


def cmd_list(args: argparse.Namespace, out: TextIO) -> int:
    journal = open_for_reading(args)
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
    journal = open_for_reading(args)
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
    journal = open_for_reading(args)
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
        + (f"  mood {entry.check_in.mood}/10" if entry.check_in.mood is not None else ""),
        file=out,
    )
    if entry.title:
        print(entry.title, file=out)
    if entry.tags:
        print("#" + " #".join(entry.tags), file=out)
    print(file=out)
    print(entry.body, file=out)
    return EXIT_OK
