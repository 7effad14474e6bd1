"""The data the open exports (entries CSV, daily CSV, Markdown, JSON) are made from.

Plain, JSON-ready values read in one snapshot through the fast SQL paths of storage; the formats
themselves are written by the pure exporters in :mod:`recovery_journal.interop`.
"""

from __future__ import annotations

from typing import Any

from recovery_journal.services.unit_of_work import UnitOfWork
from recovery_journal.storage import daily, export_rows


def entry_documents(uow: UnitOfWork, *, live_only: bool = False) -> list[dict[str, Any]]:
    """Entries as the JSON export writes them: all by id, or (``live_only``) those not in the
    trash in the order they were lived."""
    with uow.reading() as conn:
        return export_rows.entry_documents(conn, live_only=live_only)


def daily_rows(uow: UnitOfWork) -> list[dict[str, Any]]:
    """One row of numbers per day with anything recorded (columns: docs/EXPORT-FORMAT.md)."""
    with uow.reading() as conn:
        return daily.daily_rows(conn)
