"""The SQLAlchemy engine over a journal's one keyed SQLCipher connection.

SQLAlchemy receives the keyed connection through ``creator=`` on the plain sqlite dialect, a
single-connection pool and ``hide_parameters=True`` (otherwise journal text ends up in exception
messages). It is made the first time the ORM is used: read-only command-line runs never import it.
"""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import StaticPool
from sqlcipher3 import dbapi2

from recovery_journal.storage.database import DBAPIConnection


class _NoResultRows(logging.Filter):
    """Drops SQLAlchemy's DEBUG records: they print result rows, which ``hide_parameters``
    does not hide, so journal text would reach any log set to DEBUG."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno > logging.DEBUG


_NO_RESULT_ROWS = _NoResultRows()
ENGINE_LOGGING_NAME = "journal"


def make_engine(conn: DBAPIConnection) -> Engine:
    """An engine that always hands out ``conn``; transactions begin explicitly."""
    engine = create_engine(
        "sqlite://",
        module=dbapi2,
        creator=lambda: conn,
        poolclass=StaticPool,
        hide_parameters=True,
        logging_name=ENGINE_LOGGING_NAME,
    )
    logging.getLogger(f"sqlalchemy.engine.Engine.{ENGINE_LOGGING_NAME}").addFilter(_NO_RESULT_ROWS)

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        # The driver runs in autocommit mode (isolation_level=None); SQLAlchemy owns BEGIN so
        # that savepoints and rollbacks behave (SQLAlchemy's documented pysqlite recipe).
        connection.exec_driver_sql("BEGIN")

    return engine
