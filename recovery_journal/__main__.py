"""``python -m recovery_journal`` / ``recovery-journal``: the app, or the CLI given a subcommand."""

from __future__ import annotations

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
    from recovery_journal.cli import main as cli_main

    return cli_main(args)


if __name__ == "__main__":
    sys.exit(main())
