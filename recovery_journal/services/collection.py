"""A generic use-case set for one kind of library item or log record.

Add, update, get, list (optionally within a date range), archive and restore from the archive —
each its own transaction. Things with history are archived, never hard-deleted.
"""

from __future__ import annotations

import builtins
import dataclasses
from datetime import date
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from recovery_journal.domain.clock import utc_now
from recovery_journal.storage.repository import Repository

if TYPE_CHECKING:
    from recovery_journal.services.session import JournalSession

D = TypeVar("D")


class Collection(Generic[D]):
    """Use cases over one repository; ``date_field`` enables ``between``."""

    def __init__(
        self,
        session: JournalSession,
        repository: Repository[D],
        *,
        order_by: tuple[str, ...] = ("id",),
        date_field: str | None = None,
    ) -> None:
        self._session = session
        self._repo = repository
        self._order = order_by
        self._date_field = date_field

    def _columns(self, names: tuple[str, ...]) -> builtins.list[Any]:
        return [getattr(self._repo.row_cls, n) for n in names]

    def add(self, obj: D) -> D:
        with self._session.transaction() as s:
            return self._repo.add(s, obj)

    def add_many(self, objs: list[D]) -> builtins.list[D]:
        with self._session.transaction() as s:
            return [self._repo.add(s, obj) for obj in objs]

    def update(self, obj: D) -> D:
        with self._session.transaction() as s:
            return self._repo.update(s, obj)

    def get(self, ident: int) -> D:
        with self._session.transaction() as s:
            return self._repo.get(s, ident)

    def list(self, *, include_archived: bool = False, limit: int | None = None) -> builtins.list[D]:
        where = []
        if not include_archived and hasattr(self._repo.row_cls, "archived_utc"):
            where.append(self._repo.row_cls.archived_utc.is_(None))
        with self._session.transaction() as s:
            return self._repo.list(s, *where, order_by=self._columns(self._order), limit=limit)

    def where(self, **equals: object) -> builtins.list[D]:
        """Items whose named fields equal the given values (e.g. ``trigger_id=3``)."""
        conditions = [getattr(self._repo.row_cls, k) == v for k, v in equals.items()]
        with self._session.transaction() as s:
            return self._repo.list(s, *conditions, order_by=self._columns(self._order))

    def between(self, start: date | None = None, end: date | None = None) -> builtins.list[D]:
        """Items whose day lies in [start, end] (either bound may be open)."""
        if self._date_field is None:
            raise TypeError("this collection has no date")
        column = getattr(self._repo.row_cls, self._date_field)
        conditions = []
        if start is not None:
            conditions.append(column >= start)
        if end is not None:
            conditions.append(column <= end)
        with self._session.transaction() as s:
            return self._repo.list(s, *conditions, order_by=self._columns(self._order))

    def count(self) -> int:
        with self._session.transaction() as s:
            return self._repo.count(s)

    def archive(self, ident: int) -> D:
        return self._set_archived(ident, archived=True)

    def unarchive(self, ident: int) -> D:
        return self._set_archived(ident, archived=False)

    def _set_archived(self, ident: int, *, archived: bool) -> D:
        with self._session.transaction() as s:
            current = self._repo.get(s, ident)
            changed = dataclasses.replace(  # type: ignore[type-var]
                current, archived_utc=utc_now() if archived else None
            )
            return self._repo.update(s, changed)

    def remove(self, ident: int) -> None:
        """Hard delete: only for items without history (plan steps, safety-plan lines)."""
        with self._session.transaction() as s:
            self._repo.delete(s, ident)
