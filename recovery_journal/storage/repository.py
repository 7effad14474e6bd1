"""Generic repository: domain dataclasses in, domain dataclasses out, ORM rows stay here.

Every row class's column names equal its domain class's field names (see :mod:`.orm`, checked
when a repository is made), so one converter serves every library-style entity (triggers,
strategies, contacts, counters…). Each repository knows its order, its day column and its archive
column as typed ORM attributes (no look-ups by name). The instances are in :mod:`.repositories`.
Entries, which carry tags, emotions, revisions and the search index, have :mod:`.entries`.
"""

from __future__ import annotations

import builtins
import dataclasses
from collections.abc import Sequence
from datetime import date
from typing import Any, Generic, TypeVar

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from recovery_journal.domain.clock import utc_now
from recovery_journal.errors import NotFoundError
from recovery_journal.storage.orm import Base, column_names

D = TypeVar("D")


class Repository(Generic[D]):
    """Add, update, get and list one kind of domain object through its ORM row class."""

    def __init__(
        self,
        row_cls: type[Base],
        domain_cls: type[D],
        what: str,
        *,
        order_by: Sequence[InstrumentedAttribute[Any]] = (),
        day: InstrumentedAttribute[date] | None = None,
        archived: InstrumentedAttribute[Any] | None = None,
    ) -> None:
        self.row_cls = row_cls
        self.domain_cls = domain_cls
        self.what = what
        self.order_by = tuple(order_by)
        self.day = day  # the day column, for lists within a date range
        self.archived = archived  # the archive column, for lists of active items
        self._columns = column_names(row_cls)
        fields = {f.name for f in dataclasses.fields(domain_cls)}  # type: ignore[arg-type]
        missing = set(self._columns) - fields
        if missing:
            raise TypeError(f"{domain_cls.__name__} lacks fields for columns {sorted(missing)}")

    def to_domain(self, row: Base) -> D:
        return self.domain_cls(**{name: getattr(row, name) for name in self._columns})

    def _values(self, obj: D) -> dict[str, Any]:
        return {name: getattr(obj, name) for name in self._columns if name != "id"}

    def add_all_with_ids(self, session: Session, objs: Sequence[D]) -> None:
        """Store many objects with the ids they have (restoring an export): one flush."""
        rows = []
        for obj in objs:
            values = self._values(obj)
            values["id"] = getattr(obj, "id", None)
            for stamp in ("created_utc", "updated_utc"):
                if stamp in values and values[stamp] is None:
                    values[stamp] = utc_now()
            rows.append(self.row_cls(**values))
        session.add_all(rows)
        session.flush()

    def _new_row(self, obj: D) -> Base:
        values = self._values(obj)
        if "created_utc" in values and values["created_utc"] is None:
            values["created_utc"] = utc_now()
        if "updated_utc" in values and values["updated_utc"] is None:
            values["updated_utc"] = utc_now()
        return self.row_cls(**values)

    def add(self, session: Session, obj: D) -> D:
        row = self._new_row(obj)
        session.add(row)
        session.flush()
        return self.to_domain(row)

    def add_many(self, session: Session, objs: Sequence[D]) -> builtins.list[D]:
        """Store many new objects, in order, in one flush. They get the next free ids here (no
        table has AUTOINCREMENT): without ids the ORM inserts one ``INSERT … RETURNING`` a row,
        with them one executemany."""
        table: Any = self.row_cls
        first = (session.scalar(select(func.max(table.id))) or 0) + 1
        rows = [self._new_row(obj) for obj in objs]
        for ident, row in enumerate(rows, first):
            setattr(row, "id", ident)  # noqa: B010 - Base has no typed id
        session.add_all(rows)
        session.flush()
        return [self.to_domain(row) for row in rows]

    def _row(self, session: Session, ident: int) -> Base:
        row = session.get(self.row_cls, ident)
        if row is None:
            raise NotFoundError(self.what, ident)
        return row

    def get(self, session: Session, ident: int) -> D:
        return self.to_domain(self._row(session, ident))

    def update(self, session: Session, obj: D) -> D:
        ident = getattr(obj, "id", None)
        if ident is None:
            raise NotFoundError(self.what, 0)
        row = self._row(session, ident)
        values = self._values(obj)
        if "updated_utc" in values:
            values["updated_utc"] = utc_now()
        for name, value in values.items():
            if name != "created_utc" or value is not None:
                setattr(row, name, value)
        session.flush()
        return self.to_domain(row)

    def delete(self, session: Session, ident: int) -> None:
        session.delete(self._row(session, ident))
        session.flush()

    def list(
        self,
        session: Session,
        *where: ColumnElement[bool],
        order_by: Sequence[Any] = (),
        limit: int | None = None,
    ) -> list[D]:
        table: Any = self.row_cls
        ordered = order_by or self.order_by or (table.id,)
        query = select(self.row_cls).where(*where).order_by(*ordered)
        if limit is not None:
            query = query.limit(limit)
        return [self.to_domain(row) for row in session.scalars(query)]

    def active(
        self, session: Session, *, include_archived: bool = False, limit: int | None = None
    ) -> builtins.list[D]:
        """Everything (without the archived items unless asked), in the repository's order."""
        where = [] if include_archived or self.archived is None else [self.archived.is_(None)]
        return self.list(session, *where, limit=limit)

    def between(self, session: Session, start: date | None, end: date | None) -> builtins.list[D]:
        """Items whose day lies in [start, end] (either bound may be open)."""
        if self.day is None:
            raise TypeError(f"a {self.what} has no day")
        where = [] if start is None else [self.day >= start]
        where += [] if end is None else [self.day <= end]
        return self.list(session, *where)

    def on_day(self, session: Session, day: date) -> builtins.list[D]:
        return self.between(session, day, day)

    def count(self, session: Session) -> int:
        return int(session.scalar(select(func.count()).select_from(self.row_cls)) or 0)
