"""The data the open exports (entries CSV, daily CSV, Markdown, JSON) are made from.

Plain, JSON-ready values read in one snapshot through the fast SQL paths of storage; the formats
themselves are written by the pure exporters in :mod:`recovery_journal.interop`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from recovery_journal.services.unit_of_work import UnitOfWork
from recovery_journal.storage import daily, export_records, export_rows, restore


def entry_documents(uow: UnitOfWork, *, live_only: bool = False) -> list[dict[str, Any]]:
    """Entries as the JSON export writes them: all by id, or (``live_only``) those not in the
    trash in the order they were lived."""
    with uow.reading() as conn:
        return export_rows.entry_documents(conn, live_only=live_only)


def each_entry_batch(uow: UnitOfWork) -> Iterator[list[dict[str, Any]]]:
    """:func:`entry_documents` (all, by id) a batch at a time, in one read snapshot held until
    the last one is taken (or the iterator is closed)."""
    with uow.reading() as conn:
        yield from export_rows.each_entry_batch(conn)


def entry_count(uow: UnitOfWork) -> int:
    """How many entries the journal holds, trash included."""
    with uow.reading() as conn:
        return export_rows.entry_count(conn)


def record_kinds() -> list[str]:
    """The names of the export's record lists (``triggers`` … ``phases``), in its order."""
    return list(restore.RECORDS)


def each_record_batch(uow: UnitOfWork, kind: str) -> Iterator[list[dict[str, Any]]]:
    """The records of one list of :func:`record_kinds`, a batch at a time, in one read
    snapshot."""
    with uow.reading() as conn:
        yield from export_records.each_record_batch(conn, restore.RECORDS[kind])


def daily_rows(uow: UnitOfWork) -> list[dict[str, Any]]:
    """One row of numbers per day with anything recorded (columns: docs/EXPORT-FORMAT.md)."""
    with uow.reading() as conn:
        return daily.daily_rows(conn)


def record_documents(uow: UnitOfWork) -> dict[str, list[dict[str, Any]]]:
    """Every record of every other kind (triggers … phases), archived ones too, in the order
    and shape the JSON export writes them."""
    with uow.reading() as conn:
        return {
            key: export_records.record_documents(conn, repository)
            for key, repository in restore.RECORDS.items()
        }
