"""A generic use-case set for one kind of library item or log record.

Add, update, get, list (optionally within a date range), archive and restore from the archive —
each its own transaction. Things with history are archived, never hard-deleted. The order, the day
and the archive column come from the repository (typed, in :mod:`recovery_journal.storage`).
"""

from __future__ import annotations

import builtins
import dataclasses
from datetime import date
from typing import Generic, TypeVar

from recovery_journal.domain.clock import utc_now
from recovery_journal.services.unit_of_work import UnitOfWork
from recovery_journal.storage.repository import Repository

D = TypeVar("D")


class Collection(Generic[D]):
    """Use cases over one repository, each one transaction."""

    def __init__(self, uow: UnitOfWork, repository: Repository[D]) -> None:
        self._uow = uow
        self._repo = repository

    def add(self, obj: D) -> D:
        with self._uow.transaction() as s:
            return self._repo.add(s, obj)

    def add_many(self, objs: list[D]) -> builtins.list[D]:
        with self._uow.transaction() as s:
            return self._repo.add_many(s, objs)

    def update(self, obj: D) -> D:
        with self._uow.transaction() as s:
            return self._repo.update(s, obj)

    def get(self, ident: int) -> D:
        with self._uow.transaction() as s:
            return self._repo.get(s, ident)

    def list(self, *, include_archived: bool = False, limit: int | None = None) -> builtins.list[D]:
        with self._uow.transaction() as s:
            return self._repo.active(s, include_archived=include_archived, limit=limit)

    def between(self, start: date | None = None, end: date | None = None) -> builtins.list[D]:
        """Items whose day lies in [start, end] (either bound may be open)."""
        with self._uow.transaction() as s:
            return self._repo.between(s, start, end)

    def count(self) -> int:
        with self._uow.transaction() as s:
            return self._repo.count(s)

    def archive(self, ident: int) -> D:
        return self._set_archived(ident, archived=True)

    def unarchive(self, ident: int) -> D:
        return self._set_archived(ident, archived=False)

    def _set_archived(self, ident: int, *, archived: bool) -> D:
        with self._uow.transaction() as s:
            current = self._repo.get(s, ident)
            changed = dataclasses.replace(  # type: ignore[type-var]
                current, archived_utc=utc_now() if archived else None
            )
            return self._repo.update(s, changed)

    def remove(self, ident: int) -> None:
        """Hard delete: only for items without history (plan steps, safety-plan lines)."""
        with self._uow.transaction() as s:
            self._repo.delete(s, ident)
