"""Importing into an open journal (phase 2 of an import): everything in one transaction, after a
backup, or nothing.

Phase 1 (reading another app's file) is :mod:`recovery_journal.interop`, which sits above this
layer: its records arrive here through the small :class:`ImportedRecord` protocol. Entries whose
(source app, source id) the journal already has are counted as already there, so importing the
same file twice adds nothing; two entries at the same minute are both kept. A whole Recovery
Journal export (any version so far) restores everything it holds, with its ids, into an empty
journal (:mod:`.restoring`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Protocol

from sqlalchemy.orm import Session

from recovery_journal.domain.entries import CheckIn, Entry, EntrySource
from recovery_journal.errors import ErrorKind, UserError
from recovery_journal.services.session import JournalSession
from recovery_journal.storage import restore

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


class ImportedRecord(Protocol):
    """What an importer gives for one entry (:class:`recovery_journal.interop.ImportedEntry`)."""

    @property
    def local_date(self) -> date: ...
    @property
    def local_time(self) -> str | None: ...
    @property
    def utc_offset_minutes(self) -> int | None: ...
    @property
    def title(self) -> str: ...
    @property
    def body(self) -> str: ...
    @property
    def mood(self) -> int | None: ...
    @property
    def tags(self) -> tuple[str, ...]: ...
    @property
    def starred(self) -> bool: ...
    @property
    def source_app(self) -> str: ...
    @property
    def source_id(self) -> str: ...
    @property
    def mood_label(self) -> str | None: ...


class ImportNotice(Protocol):
    """Something an importer left out, counted (:class:`recovery_journal.interop.Notice`)."""

    @property
    def code(self) -> str: ...
    @property
    def count(self) -> int: ...
    @property
    def reason(self) -> str: ...


class ImportBatch(Protocol):
    """What an importer read from one file (:class:`recovery_journal.interop.ImportResult`)."""

    @property
    def format(self) -> str: ...
    @property
    def entries(self) -> Sequence[ImportedRecord]: ...
    @property
    def skipped(self) -> Sequence[ImportNotice]: ...
    @property
    def notes(self) -> Sequence[ImportNotice]: ...


@dataclass(frozen=True, slots=True)
class Counted:
    """A kind of thing left out or worth knowing, how many, and why (never note text)."""

    code: str
    count: int
    reason: str


@dataclass(frozen=True, slots=True)
class ImportSummary:
    """What an import added (or, for a dry run, would add) and what it did not, and why.

    ``records`` counts every kind of record a whole-journal import restored (entries included);
    ``backup`` is the bundle written before anything changed (None for a dry run).
    """

    format: str
    added: int
    already_there: int
    skipped: tuple[Counted, ...] = ()
    notes: tuple[Counted, ...] = ()
    unmapped_mood_words: tuple[str, ...] = ()
    first_day: date | None = None
    last_day: date | None = None
    dry_run: bool = False
    backup: Path | None = None
    records: Mapping[str, int] = field(default_factory=dict)


class ImportNotPossible(UserError):
    """An import that cannot go ahead; nothing was written. ``code`` is stable (like the
    importers' ``ImportRefused``), the message names the record, never its text."""

    def __init__(self, code: str, message: str, *, hint: str = "") -> None:
        super().__init__(ErrorKind.INVALID_INPUT, message, hint=hint)
        self.code = code


class ImportCancelled(UserError):
    """The person cancelled; the transaction was rolled back, nothing was written."""

    def __init__(self) -> None:
        super().__init__(ErrorKind.INVALID_INPUT, "The import was cancelled. Nothing was written.")
        self.code = "cancelled"


def mood_for(label: str | None, mood_map: Mapping[str, int] | None) -> int | None:
    """The 0-10 mood the person chose for a mood word: exact match first, then ignoring case
    and surrounding spaces; None when the word is not mapped (never guessed)."""
    if label is None or not mood_map:
        return None
    if label in mood_map:
        return mood_map[label]
    folded = label.strip().casefold()
    for word, value in mood_map.items():
        if word.strip().casefold() == folded:
            return value
    return None


def _check_map(mood_map: Mapping[str, int] | None) -> None:
    for value in (mood_map or {}).values():
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 10:
            raise ImportNotPossible("bad_mood_map", "A mood mapping must be a whole number 0-10.")


def _entry(record: ImportedRecord, mood_map: Mapping[str, int] | None) -> Entry:
    label = record.mood_label.strip() if record.mood_label else None
    mood = record.mood if record.mood is not None else mood_for(label, mood_map)
    return Entry(
        local_date=record.local_date,
        body=record.body,
        title=record.title,
        check_in=CheckIn(mood=mood),
        tags=record.tags,
        local_time=record.local_time,
        utc_offset_minutes=record.utc_offset_minutes,
        starred=record.starred,
        source=EntrySource(record.source_app, record.source_id, label or None),
    )


def _is_empty(record: ImportedRecord) -> bool:
    return not (
        record.title.strip() or record.body.strip() or record.mood is not None or record.mood_label
    )


def _prepared(
    batch: ImportBatch, mood_map: Mapping[str, int] | None
) -> tuple[list[Entry], int, int]:
    """Every record as an entry (validated: a bad one refuses the file, naming its number), the
    number of empty ones left out and of repeats of one source id within the file."""
    entries: list[Entry] = []
    seen: set[tuple[str, str]] = set()
    empty = repeats = 0
    for number, record in enumerate(batch.entries, start=1):
        if _is_empty(record):
            empty += 1
            continue
        key = (record.source_app, record.source_id)
        if key in seen:
            repeats += 1
            continue
        seen.add(key)
        try:
            entries.append(_entry(record, mood_map))
        except UserError as error:
            raise ImportNotPossible(
                "bad_entry", f"Entry {number} of the file can't be imported: {error.message}"
            ) from None
    return entries, empty, repeats


def import_entries(
    session: JournalSession,
    batch: ImportBatch,
    *,
    mood_map: Mapping[str, int] | None = None,
    dry_run: bool = False,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ImportSummary:
    """Write what an importer read, in one transaction after a backup (``dry_run``: only say
    what would happen). Unmapped mood words leave the mood empty and are listed."""
    _check_map(mood_map)
    entries, empty, repeats = _prepared(batch, mood_map)
    keys = [(e.source.app, e.source.id) for e in entries if e.source is not None]
    backup = None
    if not dry_run and entries:
        backup = session.backup_before("import").path
    with session.transaction() as s:
        here = restore.existing_sources(s, keys)
        new = [e for e in entries if e.source and (e.source.app, e.source.id) not in here]
        if not dry_run:
            _write(s, new, progress, cancelled)
    return _summary(batch, entries, new, empty, repeats, dry_run, backup)


def _write(
    s: Session, entries: list[Entry], progress: Progress | None, cancelled: Cancelled | None
) -> None:
    step = max(1, len(entries) // 100)
    for done in range(0, len(entries), step):
        if cancelled is not None and cancelled():
            raise ImportCancelled()  # rolls the whole transaction back
        restore.add_entries(s, entries[done : done + step])
        if progress is not None:
            progress(min(done + step, len(entries)), len(entries))


def _summary(
    batch: ImportBatch,
    entries: list[Entry],
    new: list[Entry],
    empty: int,
    repeats: int,
    dry_run: bool,
    backup: Path | None,
) -> ImportSummary:
    skipped = [Counted(n.code, n.count, n.reason) for n in batch.skipped]
    if empty:
        skipped.append(Counted("empty_entry", empty, "entries without words, title or mood"))
    if repeats:
        skipped.append(Counted("repeated_id", repeats, "entries whose id appeared earlier"))
    unmapped = {
        e.source.mood_label: None
        for e in new
        if e.check_in.mood is None and e.source is not None and e.source.mood_label
    }
    days = [e.local_date for e in entries]
    return ImportSummary(
        format=batch.format,
        added=len(new),
        already_there=len(entries) - len(new),
        skipped=tuple(skipped),
        notes=tuple(Counted(n.code, n.count, n.reason) for n in batch.notes),
        unmapped_mood_words=tuple(w for w in unmapped if w),
        first_day=min(days, default=None),
        last_day=max(days, default=None),
        dry_run=dry_run,
        backup=backup,
        records={"entries": len(new)},
    )
