"""``run`` and ``main``: parse, run one command, and turn what happened into an exit code and a
kind message (never a traceback)."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import TextIO

from recovery_journal.cli.common import (
    EXIT_DAMAGED,
    EXIT_ERROR,
    EXIT_OK,
    EXIT_REFUSED,
    EXIT_SECRET,
    EXIT_USAGE,
    UsageError,
)
from recovery_journal.cli.entries import cmd_add
from recovery_journal.cli.opening import finish
from recovery_journal.cli.parser import build_parser
from recovery_journal.errors import ErrorKind, UserError

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


def exit_code_for(kind: ErrorKind) -> int:
    """The exit code of a command that failed with a :class:`UserError` of ``kind`` (README)."""
    if kind in _SECRET_KINDS:
        return EXIT_SECRET
    if kind is ErrorKind.IMPORT_REFUSED:
        return EXIT_REFUSED
    return EXIT_DAMAGED if kind in _DAMAGE_KINDS else EXIT_ERROR


def run(argv: Sequence[str], out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    """Run one command line; the exit code (README)."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return EXIT_USAGE if exit_.code not in (0, None) else EXIT_OK
    if args.command is None:
        return EXIT_USAGE
    upkeep = False
    try:
        try:
            code = int(cmd_add(args, out, err) if args.func is cmd_add else args.func(args, out))
            upkeep = code == EXIT_OK
            if upkeep:
                out.flush()  # the person has the answer before the daily backup starts
        finally:
            finish(upkeep=upkeep)
        return code
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
    """The console entry point (after ``__main__`` chose the CLI): harden, then run."""
    from recovery_journal.hardening import harden_process

    harden_process()  # no core dumps, no attaching: before any secret is read
    return run(list(sys.argv[1:] if argv is None else argv))
