"""``demo``: a new journal filled with invented, realistic data (the only importer of the demo)."""

from __future__ import annotations

import argparse
from typing import TextIO

from recovery_journal.cli.common import EXIT_OK
from recovery_journal.cli.opening import journal_path, show_code
from recovery_journal.cli.secrets import key_settings, new_passphrase


def cmd_demo(args: argparse.Namespace, out: TextIO) -> int:
    from recovery_journal.demo import fill_demo_journal
    from recovery_journal.services.access import create_journal

    chosen = new_passphrase()
    session, code = create_journal(journal_path(args), chosen, key_settings())
    try:
        counts = fill_demo_journal(session, days=args.days, seed=args.seed)
    finally:
        session.lock()
    print(
        f"Created a demo journal at {session.path} with {counts['entries']} entries over "
        f"{args.days} days (invented data).",
        file=out,
    )
    show_code(code, out)
    return EXIT_OK
