"""``python -m recovery_journal`` / ``recovery-journal``: the app, or the CLI given a subcommand."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Sequence


def _wants_gui(argv: Sequence[str]) -> bool:
    rest = list(argv)
    if rest[:1] == ["--journal"] and len(rest) >= 2:
        rest = rest[2:]
    elif rest[:1] and rest[0].startswith("--journal="):
        rest = rest[1:]
    return not rest


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if _wants_gui(args):
        from recovery_journal.app import main as gui_main  # Qt only when the app is wanted

        return gui_main(args)
    if argv is None and not {"-h", "--help", "--version"} & set(args):  # a real command line
        from recovery_journal.hugepages import relaunch_with_huge_pages

        relaunch_with_huge_pages()  # returns only when it didn't restart
    from recovery_journal.cli import main as cli_main

    code = cli_main(args)
    if argv is None:
        # A real command-line process: the journal is closed and every write committed and
        # fsynced by now, so skip the interpreter's teardown (~0.25 s of module clean-up after a
        # writing command, ~13 % of `add`; measured in docs/BENCHMARKS.md, "two tricks").
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(OSError):  # e.g. `| head` closed the pipe: nothing to add
                stream.flush()
        os._exit(code)
    return code


if __name__ == "__main__":
    sys.exit(main())
