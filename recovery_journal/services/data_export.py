"""The data the open exports (entries CSV, daily CSV, Markdown, JSON) are made from.

Plain, JSON-ready values read in one snapshot through the fast SQL paths of storage; the formats
themselves are written by the pure exporters in :mod:`recovery_journal.interop`.
"""

from __future__ import annotations

from typing import Any

from recovery_journal.services.unit_of_work import UnitOfWork
from recovery_journal.storage import daily, export_rows, restore


def entry_documents(uow: UnitOfWork, *, live_only: bool = False) -> list[dict[str, Any]]:
    """Entries as the JSON export writes them: all by id, or (``live_only``) those not in the
    trash in the order they were lived."""
    with uow.reading() as conn:
        return export_rows.entry_documents(conn, live_only=live_only)


def daily_rows(uow: UnitOfWork) -> list[dict[str, Any]]:
    """One row of numbers per day with anything recorded (columns: docs/EXPORT-FORMAT.md)."""
    with uow.reading() as conn:
        return daily.daily_rows(conn)


def record_documents(uow: UnitOfWork) -> dict[str, list[dict[str, Any]]]:
    """Every record of every other kind (triggers … phases), archived ones too, in the order
    and shape the JSON export writes them."""
    with uow.transaction() as s:
        return {
            key: export_rows.record_documents(s, repository)
            for key, repository in restore.RECORDS.items()
        }
