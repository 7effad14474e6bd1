"""Importers for other journaling apps' files: pure, in memory, no database, no Qt.

``read(data)`` detects the format from the content and returns an :class:`ImportResult` (phase 1
of an import), or raises :class:`ImportRefused` naming the problem and its place (line, row,
column, JSON key, byte offset) and never quoting note text. docs/IMPORT.md says what each
importer accepts and how it maps fields.
"""

from __future__ import annotations

from recovery_journal.interop.daylio_backup import read_daylio_backup
from recovery_journal.interop.daylio_csv import DAYLIO_DEFAULT_SUGGESTION, read_daylio_csv
from recovery_journal.interop.dayone import read_dayone
from recovery_journal.interop.detect import FORMATS, detect, needs_password, read
from recovery_journal.interop.jrnl_json import read_jrnl_json
from recovery_journal.interop.jrnl_text import read_jrnl
from recovery_journal.interop.records import (
    ImportedEntry,
    ImportRefused,
    ImportResult,
    Notice,
    Position,
    SourceApp,
)

__all__ = [
    "DAYLIO_DEFAULT_SUGGESTION",
    "FORMATS",
    "ImportRefused",
    "ImportResult",
    "ImportedEntry",
    "Notice",
    "Position",
    "SourceApp",
    "detect",
    "needs_password",
    "read",
    "read_daylio_backup",
    "read_daylio_csv",
    "read_dayone",
    "read_jrnl",
    "read_jrnl_json",
]
