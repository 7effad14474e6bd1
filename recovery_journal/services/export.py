"""Full export in an open format: every entity as JSON (schema in docs/EXPORT-FORMAT.md).

This is the one deliberate way journal content leaves the encrypted file, so it happens only when
the person asks, goes where they chose, and is written atomically with private (0600) permissions.
"""

from __future__ import annotations

import json
import json.encoder
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, BinaryIO

from recovery_journal import __version__
from recovery_journal.domain.clock import utc_now
from recovery_journal.errors import ErrorKind, UserError
from recovery_journal.services.data_export import (
    each_entry_batch,
    each_record_batch,
    entry_count,
    entry_documents,
    record_documents,
    record_kinds,
)
from recovery_journal.services.jsonable import EXPORT_FORMAT, EXPORT_VERSION, jsonable
from recovery_journal.services.session import JournalSession
from recovery_journal.storage.atomic import atomic_writer

__all__ = ["EXPORT_FORMAT", "EXPORT_VERSION", "ExportCancelled", "export_document", "export_json"]

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
PROGRESS_EVERY = 500  # records between two progress reports (and checks for cancel)


def _header(session: JournalSession) -> dict[str, Any]:
    return {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "app_version": __version__,
        "exported_utc": jsonable(utc_now()),
        "journal_id": session.journal_id,
    }


def export_document(session: JournalSession, progress: Progress | None = None) -> dict[str, Any]:
    """The whole journal as one JSON-ready dictionary (in memory: :func:`export_json` streams)."""
    revisions = session.entries.history_everywhere()
    doc: dict[str, Any] = {
        **_header(session),
        "entries": entry_documents(session),
        "entry_revisions": jsonable(revisions),
        "drafts": jsonable(session.entries.drafts()),
    }
    if progress:
        progress(1, 2)
    # Straight from SQL (as the entries): building every ORM row and domain object first made
    # a ten-year export take 1.3 s.
    doc.update(record_documents(session))
    if progress:
        progress(2, 2)
    return doc


def dumps(doc: dict[str, Any]) -> str:
    """The document as JSON text, one record per line. ``json.dumps(indent=…)`` runs Python's
    pure encoder (about 0.3 s for ten years); each record on its own runs the C one."""
    parts = []
    for key, value in doc.items():
        name = json.dumps(key)
        if isinstance(value, list) and value:
            records = ",\n  ".join(json.dumps(v, ensure_ascii=False) for v in value)
            parts.append(f"{name}: [\n  {records}\n ]")
        else:
            parts.append(f"{name}: {json.dumps(value, ensure_ascii=False)}")
    return "{\n " + ",\n ".join(parts) + "\n}\n"


class ExportCancelled(UserError):
    """The person cancelled an export; nothing was written (the file, if any, is as it was)."""

    def __init__(self) -> None:
        super().__init__(ErrorKind.INVALID_INPUT, "The export was cancelled. Nothing was saved.")
        self.code = "cancelled"


def _json_encoder() -> Callable[[Any], str]:
    """``json.dumps(value, ensure_ascii=False)``, the same text, without its cost per call:
    ``dumps`` builds a new encoder for every record unless ``ensure_ascii`` is on, and its
    ``encode`` builds a new C encoder each time (0.5 s of a 100-year export). This builds the C
    encoder ``json.JSONEncoder`` itself uses once (``check_circular`` off: records are trees)."""
    encoder = json.JSONEncoder(ensure_ascii=False, check_circular=False)
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:  # a Python without the C accelerator
        return encoder.encode
    iterencode = make(
        None,
        encoder.default,
        json.encoder.encode_basestring,
        None,
        encoder.key_separator,
        encoder.item_separator,
        False,
        False,
        True,
    )

    def encode(value: Any) -> str:
        return "".join(iterencode(value, 0))

    return encode


def _batches(records: list[Any]) -> Iterable[list[Any]]:
    return (records[i : i + PROGRESS_EVERY] for i in range(0, len(records), PROGRESS_EVERY))


class _Stream:
    """Writes the document the way :func:`dumps` lays it out, a batch of records at a time."""

    def __init__(self, out: BinaryIO, progress: Progress | None, cancelled: Cancelled | None):
        self._out = out
        self._progress = progress
        self._cancelled = cancelled
        self._first_part = True
        self._encode = _json_encoder()
        self.done = 0
        self.total = 1

    def _write(self, text: str) -> None:
        self._out.write(text.encode("utf-8"))

    def _part(self, key: str) -> None:
        self._write(("{\n " if self._first_part else ",\n ") + json.dumps(key) + ": ")
        self._first_part = False

    def value(self, key: str, value: Any) -> None:
        self._part(key)
        self._write(json.dumps(value, ensure_ascii=False))

    def records(self, key: str, batches: Iterable[list[Any]]) -> int:
        """A list, one record a line, written a batch at a time; checks for cancel and reports
        progress every :data:`PROGRESS_EVERY` records or so."""
        self._part(key)
        self._write("[")
        count = 0
        encode = self._encode
        try:
            for batch in batches:
                if not batch:
                    continue
                lines = ",\n  ".join([encode(record) for record in batch])
                self._write(("\n  " if count == 0 else ",\n  ") + lines)
                count += len(batch)
                reported = self.done // PROGRESS_EVERY
                self.done += len(batch)
                if self.done // PROGRESS_EVERY > reported:
                    self.step()
        finally:  # a generator's read snapshot ends now, not when the traceback is collected
            close = getattr(batches, "close", None)
            if close is not None:
                close()
        self._write("\n ]" if count else "]")
        return count

    def step(self) -> None:
        if self._cancelled is not None and self._cancelled():
            raise ExportCancelled()
        if self._progress is not None:
            self._progress(min(self.done, self.total), self.total)

    def close(self) -> None:
        self._write("\n}\n")


def export_json(
    session: JournalSession,
    destination: Path,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> dict[str, int]:
    """Write the export to ``destination``; returns how many records of each kind.

    Streamed: each entry and record is written as it is read, so the journal is never in memory
    as one document (the file is the same, byte for byte, as :func:`dumps` of
    :func:`export_document`, but for the time). ``progress(done, total)`` counts records;
    ``cancelled()`` returning True stops it (:class:`ExportCancelled`) and leaves no file.
    Atomic and private like every file with journal content (a temp file until complete)."""
    counts: dict[str, int] = {}
    with atomic_writer(destination, "the export") as out:
        stream = _Stream(out, progress, cancelled)
        revisions = jsonable(session.entries.history_everywhere())
        drafts = jsonable(session.entries.drafts())
        stream.total = entry_count(session) + len(revisions) + len(drafts) + len(record_kinds())
        stream.step()
        for key, value in _header(session).items():
            stream.value(key, value)
        counts["entries"] = stream.records("entries", each_entry_batch(session))
        counts["entry_revisions"] = stream.records("entry_revisions", _batches(revisions))
        counts["drafts"] = stream.records("drafts", _batches(drafts))
        for kind in record_kinds():
            counts[kind] = stream.records(kind, each_record_batch(session, kind))
            stream.done += 1
            stream.step()
        stream.close()
    return counts
