"""Schema versions and the one place that changes them.

The version lives in the encrypted database (``PRAGMA user_version``). Each migration is frozen SQL
run in its own transaction together with the version bump, so a crash leaves the journal at the
previous version, never between two. The vault takes a backup before running any of them.
"""

from __future__ import annotations

from dataclasses import dataclass

from recovery_journal.errors import ErrorKind, UserError
from recovery_journal.storage.database import DBAPIConnection
from recovery_journal.storage.migrations import (
    v001_initial,
    v002_fulltext,
    v003_drafts,
    v004_stable_codes,
    v005_insight_indexes,
    v006_entry_time_star_source,
    v007_own_measures,
    v008_search_by_date,
    v009_counters_on_today,
    v010_smaller_search_index,
    v011_dense_search_key,
)


@dataclass(frozen=True, slots=True)
class Migration:
    """One step from ``version - 1`` to ``version``."""

    version: int
    title: str
    sql: str
    compact: bool = False  # VACUUM after it: it frees many pages (an existing journal only)


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "initial schema", v001_initial.SQL),
    Migration(2, "full-text search index", v002_fulltext.SQL),
    Migration(3, "autosaved drafts", v003_drafts.SQL),
    Migration(4, "enumerations stored as stable codes", v004_stable_codes.SQL),
    Migration(5, "covering indexes for Insights", v005_insight_indexes.SQL),
    Migration(6, "entry time, offset, star and import source", v006_entry_time_star_source.SQL),
    Migration(7, "own daily measures", v007_own_measures.SQL),
    Migration(8, "search index by date, without a copy of the text", v008_search_by_date.SQL, True),
    Migration(9, "counters chosen for Today", v009_counters_on_today.SQL),
    Migration(
        10, "smaller search index, without word positions", v010_smaller_search_index.SQL, True
    ),
    Migration(11, "dense search key", v011_dense_search_key.SQL, True),
)
CURRENT_VERSION = MIGRATIONS[-1].version


def schema_version(conn: DBAPIConnection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def check_supported(version: int) -> None:
    if version > CURRENT_VERSION:
        raise UserError(
            ErrorKind.TOO_NEW,
            "This journal was written by a newer version of Recovery Journal.",
            hint="Update the app to open it. Nothing was changed.",
        )


def migrate(
    conn: DBAPIConnection, target: int = CURRENT_VERSION, *, compact_after: bool = True
) -> list[int]:
    """Bring the schema up to ``target``; returns the versions applied. ``compact_after=False``
    leaves the compaction a step asks for to the caller (:func:`compact_if_asked`: a copy of
    the whole file may follow, which compacts it anyway)."""
    current = schema_version(conn)
    check_supported(current)
    steps = [step for step in MIGRATIONS if current < step.version <= target]
    for step in steps:
        _apply(conn, step)
    applied = [step.version for step in steps]
    if compact_after and current > 0:
        compact_if_asked(conn, applied)
    return applied


def compact_if_asked(conn: DBAPIConnection, applied: list[int]) -> None:
    """:func:`compact` when one of the ``applied`` versions frees many pages."""
    if any(step.compact for step in MIGRATIONS if step.version in applied):
        compact(conn)


def compact(conn: DBAPIConnection) -> None:
    """Give the pages a migration freed back to the file system (``VACUUM``: an encrypted copy
    built in memory — ``temp_store = MEMORY`` — then written back, crash-safely), and empty the
    write-ahead log it went through."""
    conn.execute("VACUUM")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()


def _apply(conn: DBAPIConnection, step: Migration) -> None:
    conn.execute("BEGIN IMMEDIATE")
    try:
        for statement in _statements(step.sql):
            conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {int(step.version)}")
        conn.execute("COMMIT")
    except BaseException:
        # SQLite may have rolled back already (a full disk, an I/O error): the error that
        # stopped the step is the one to report, not "no transaction is active".
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def _statements(sql: str) -> list[str]:
    """Split frozen migration SQL on ';' at line ends (no ';' appears inside our literals)."""
    return [s.strip() for s in sql.split(";\n") if s.strip().rstrip(";")]
