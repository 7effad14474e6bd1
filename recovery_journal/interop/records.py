"""The plain records every importer returns, and the one error type they raise.

An importer reads a whole file in memory and either returns an :class:`ImportResult` (a list of
:class:`ImportedEntry` plus what was skipped and why) or raises :class:`ImportRefused`, whose
message names the problem and its place (line, row, column, JSON key or byte offset) and never
quotes the text of a note. Nothing here touches a database or Qt.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from recovery_journal.errors import ErrorKind, UserError

SourceApp = Literal["daylio", "jrnl", "dayone", "recovery-journal"]

_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$")


@dataclass(frozen=True, slots=True)
class ImportedEntry:
    """One journal entry read from another app's file, ready to be stored.

    ``local_time`` is the wall-clock time the person saw (``HH:MM`` or ``HH:MM:SS``), kept exactly
    as written; ``utc_offset_minutes`` is set only when the source says it. ``source_id`` is the
    source's own id, or a stable key derived from the content, so that importing the same file
    twice can add nothing.
    """

    local_date: dt.date
    local_time: str | None
    utc_offset_minutes: int | None
    title: str
    body: str
    mood: int | None
    tags: tuple[str, ...]
    starred: bool
    source_app: SourceApp
    source_id: str
    mood_label: str | None = None

    def __post_init__(self) -> None:
        if self.mood is not None and not 0 <= self.mood <= 10:
            raise ValueError("mood must be 0-10")
        if self.local_time is not None and not _TIME.match(self.local_time):
            raise ValueError("local_time must be HH:MM or HH:MM:SS")
        if self.utc_offset_minutes is not None and abs(self.utc_offset_minutes) > 18 * 60:
            raise ValueError("utc_offset_minutes out of range")
        if not self.source_id:
            raise ValueError("source_id must not be empty")


@dataclass(frozen=True, slots=True)
class Notice:
    """Something the importer left out or changed, counted: ``code`` is stable, ``reason`` is
    a short plain sentence (never note text)."""

    code: str
    count: int
    reason: str


@dataclass(frozen=True, slots=True)
class ImportResult:
    """Everything phase 1 of an import produced: the entries, and what was skipped and why.

    ``mood_labels`` counts every distinct mood word the file used (trimmed), in the order first
    seen, so a dialog can ask the person how to map each one; ``notes`` are things the person
    should know that did not drop data (e.g. "time zone data missing: times kept in UTC").
    """

    format: str
    entries: tuple[ImportedEntry, ...]
    skipped: tuple[Notice, ...] = ()
    notes: tuple[Notice, ...] = ()
    mood_labels: Mapping[str, int] = field(default_factory=dict)

    @property
    def date_span(self) -> tuple[dt.date, dt.date] | None:
        """The first and last day covered, or None for an empty file."""
        if not self.entries:
            return None
        days = [entry.local_date for entry in self.entries]
        return min(days), max(days)


@dataclass(frozen=True, slots=True)
class Position:
    """Where in the file a problem is; every field is optional, lines and rows are 1-based
    (the CSV header is row 1), ``offset`` is a byte offset from the start of the file."""

    line: int | None = None
    row: int | None = None
    column: str | None = None
    key: str | None = None
    offset: int | None = None
    member: str | None = None

    def describe(self) -> str:
        """A short human phrase such as ``row 12 (line 14), column "time"``."""
        parts: list[str] = []
        if self.member is not None:
            parts.append(f"in {self.member}")
        if self.row is not None:
            parts.append(f"row {self.row}")
            if self.line is not None and self.line != self.row:
                parts.append(f"(line {self.line})")
        elif self.line is not None:
            parts.append(f"line {self.line}")
        if self.column is not None:
            parts.append(f'column "{self.column}"')
        if self.key is not None:
            parts.append(f"at {self.key}")
        if self.offset is not None:
            parts.append(f"byte {self.offset}")
        return ", ".join(parts).replace(", (", " (")


class ImportRefused(UserError):
    """The file cannot be imported; nothing was read into the journal.

    ``code`` is stable for programs and tests (``bad_time``, ``wrong_format``, ``zip_bomb`` …),
    ``position`` says where, ``reason`` is a short sentence. The message never contains note text.
    """

    def __init__(
        self,
        code: str,
        reason: str,
        position: Position | None = None,
        *,
        hint: str = "",
        kind: ErrorKind = ErrorKind.INVALID_INPUT,
    ) -> None:
        self.code = code
        self.reason = reason
        self.position = position or Position()
        where = self.position.describe()
        message = f"{where[:1].upper()}{where[1:]}: {reason}" if where else reason
        super().__init__(kind, message, hint=hint)


def mood_from_map(label: str | None, mood_map: Mapping[str, int] | None) -> int | None:
    """The mood the person chose for a mood word, or None; exact match first, then ignoring case."""
    if label is None or not mood_map:
        return None
    if label in mood_map:
        return mood_map[label]
    folded = label.casefold()
    for word, value in mood_map.items():
        if word.strip().casefold() == folded:
            return value
    return None


def check_mood_map(mood_map: Mapping[str, int] | None) -> None:
    """Refuse a mapping with a value that is not a whole number 0-10 (names no words)."""
    for value in (mood_map or {}).values():
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 10:
            raise ImportRefused("bad_mood_map", "a mood mapping must be a whole number 0-10.")
