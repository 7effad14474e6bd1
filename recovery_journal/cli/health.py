"""``check``: the journal's integrity (structure, encryption, links, search index)."""

from __future__ import annotations

import argparse
from typing import TextIO

from recovery_journal.cli.common import EXIT_DAMAGED, EXIT_OK
from recovery_journal.cli.opening import open_for_writing


def cmd_check(args: argparse.Namespace, out: TextIO) -> int:
    session = open_for_writing(args)
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
