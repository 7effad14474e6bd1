"""The invented demo journal: a whole, true-to-life recovery journal written through the services.

Used by the command line (``recovery-journal demo``), the benchmarks and the screenshot script,
never by the app itself (an import-linter contract says so). ``generator`` simulates the days and
writes them; ``data`` holds the invented people, libraries and sentence fragments.
"""

from __future__ import annotations

from recovery_journal.demo.generator import RARE_WORD, fill_demo_journal

__all__ = ["RARE_WORD", "fill_demo_journal"]
