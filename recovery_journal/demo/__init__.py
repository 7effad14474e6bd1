"""The invented demo journal: a whole, true-to-life recovery journal written through the services.

Used by the command line (``recovery-journal demo``), the benchmarks and the screenshot script,
never by the app itself (an import-linter contract says so). ``generator`` runs it: ``simulation``
makes the days' numbers, ``writer`` their words, ``filler`` saves everything through the services;
``data`` holds the invented people and libraries, and loads the sentence fragments from
``resources/demo_texts.json``.
"""

from __future__ import annotations

from recovery_journal.demo.generator import RARE_WORD, fill_demo_journal

__all__ = ["RARE_WORD", "fill_demo_journal"]
