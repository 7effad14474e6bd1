"""Every subcommand, its options and help, and the function that runs it (argparse)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date, time
from typing import TextIO

from recovery_journal import __version__
from recovery_journal.cli.demo import cmd_demo
from recovery_journal.cli.entries import cmd_add, cmd_list, cmd_search, cmd_show
from recovery_journal.cli.files import cmd_backup, cmd_export, cmd_restore
from recovery_journal.cli.health import cmd_check
from recovery_journal.cli.importing import IMPORT_FORMATS, cmd_import, mood_pair
from recovery_journal.cli.insights import cmd_chart, cmd_insights
from recovery_journal.cli.keys import cmd_init, cmd_new_code, cmd_passwd, cmd_recover
from recovery_journal.cli.report import cmd_report
from recovery_journal.cli.secrets import ENV_PDF_PASSWORD

Command = Callable[[argparse.Namespace, TextIO], int]


def _parse_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}” is not a date like 2026-03-01") from None


def _clock(text: str) -> str:
    """``HH:MM`` (or ``HH:MM:SS``), as the person's wall clock showed it."""
    try:
        parsed = time.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError("use HH:MM, for example 21:30") from None
    if parsed.tzinfo is not None or parsed.microsecond or len(text) not in (5, 8):
        raise argparse.ArgumentTypeError("use HH:MM, for example 21:30")
    return text


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
    """The whole command line; each subcommand's ``func`` runs it."""
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

    def add(name: str, func: Command, help_: str) -> argparse.ArgumentParser:
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
    p.add_argument("--time", type=_clock, help="the time of day it is about (HH:MM)")
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
        type=mood_pair,
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
    from recovery_journal.domain.chart_kinds import CHART_KINDS

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
    p.add_argument(
        "--outcome",
        default="mood",
        metavar="NAME",
        help="what the patterns compare: mood (the default) or the name of one of your own "
        "0-10 scales or numbers",
    )
    p = add("demo", cmd_demo, "create a new journal filled with invented, realistic data")
    p.add_argument("--days", type=_positive, default=365)
    p.add_argument("--seed", type=int, default=7)
    return parser
