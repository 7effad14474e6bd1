"""``report``: the summary for a therapist as a PDF (the only command that imports Qt)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from recovery_journal.cli.common import EXIT_OK, UsageError
from recovery_journal.cli.opening import open_for_writing, safe_output
from recovery_journal.cli.secrets import pdf_password


def cmd_report(args: argparse.Namespace, out: TextIO) -> int:
    from recovery_journal.domain.clock import local_today
    from recovery_journal.domain.report import ExcerptMode, Period, Preset, ReportOptions

    if args.date_to < args.date_from:
        raise UsageError("--to is before --from: the period must end on or after its first day.")
    if args.preset == "brief" and args.excerpts != "none":
        raise UsageError("Excerpts come with the full summary: add --preset full.")
    if not args.output.lower().endswith(".pdf"):
        args.output += ".pdf"
    safe_output(args)
    password = pdf_password(args)
    options = ReportOptions(
        Period(args.date_from, args.date_to),
        Preset(args.preset),
        excerpts=ExcerptMode(args.excerpts),
        display_name=args.name or "",
    )
    session = open_for_writing(args)
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
