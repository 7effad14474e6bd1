"""What a service needs from an unlocked journal: a transaction, or a read-only snapshot.

Services receive this small protocol instead of the whole
:class:`~recovery_journal.services.session.JournalSession` (which implements it), so a service
module never imports the session that composes it, and a test may hand a service anything that
opens transactions. The handles are opaque to services: they pass them to the typed functions and
repositories of :mod:`recovery_journal.storage`, which do every query.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from typing import Protocol

from sqlalchemy.orm import Session

from recovery_journal.storage.database import DBAPIConnection


class UnitOfWork(Protocol):
    """One transaction per use case (all or nothing), and snapshots for the plain-SQL reads."""

    def transaction(self) -> AbstractContextManager[Session]:
        """Commits at the end, rolls back entirely on any error."""
        ...

    def reading(self) -> AbstractContextManager[DBAPIConnection]:
        """A read-only snapshot for the hot read paths (lists, search)."""
        ...
