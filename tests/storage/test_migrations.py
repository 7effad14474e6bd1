"""Schema versions: the ORM matches the migrated schema; older journals upgrade after a backup."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from recovery_journal.demo import fill_demo_journal
from recovery_journal.domain.entries import Entry, EntrySource
from recovery_journal.domain.insights import CHART_KINDS
from recovery_journal.errors import ErrorKind, UserError
from recovery_journal.paths import keys_path
from recovery_journal.services.access import BackupSettings, open_journal
from recovery_journal.services.export import export_document
from recovery_journal.services.session import JournalSession
from recovery_journal.storage import database, keys, migrations
from recovery_journal.storage.migrations import v002_fulltext, v004_stable_codes
from recovery_journal.storage.orm import Base
from tests.conftest import FAST, PASSPHRASE
from tests.storage.test_dense_search_key import as_the_version_before as as_before_dense_search_key


def test_orm_tables_match_the_migrated_schema(journal: JournalSession) -> None:
    """Every ORM table and column exists exactly as migrations made it (a *system* column,
    SQLite's own rowid, is in no DDL)."""
    with journal.transaction() as s:
        conn = s.connection()
        for table in Base.metadata.sorted_tables:
            rows = conn.exec_driver_sql(f"PRAGMA table_info({table.name})").fetchall()
            declared = [c for c in table.columns if not c.system]
            assert {r[1] for r in rows} == {c.name for c in declared}, table.name
            notnull = {r[1] for r in rows if r[3]}
            expected = {c.name for c in declared if not c.nullable}
            assert notnull == expected, table.name


def test_new_journals_are_at_the_current_version(journal: JournalSession) -> None:
    assert journal._opened.schema_version() == migrations.CURRENT_VERSION


def _write_version_1_journal(path: Path) -> str:
    """A journal exactly as version 1 of the schema wrote it (before the search index)."""
    envelope, material, _ = keys.new_envelope(PASSPHRASE, FAST.params, FAST.policy)
    conn: Any = database.connect(path, material.data_key, create=True)
    migrations.migrate(conn, target=1)
    conn.execute("INSERT INTO meta VALUES ('journal_id', ?)", (envelope.journal_id,))
    conn.execute(
        "INSERT INTO entries (local_date, title, body, mood, bring_to_therapy, created_utc, "
        "updated_utc) VALUES ('2025-05-01', 'Old', 'written before search existed', 5, 0, "
        "'2025-05-01T10:00:00.000000Z', '2025-05-01T10:00:00.000000Z')"
    )
    conn.close()
    keys.write_envelope(keys_path(path), envelope)
    material.wipe()
    return envelope.journal_id


def test_version_1_journal_is_backed_up_then_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "old.rjournal"
    _write_version_1_journal(path)
    backups = BackupSettings(folder=tmp_path / "backups", daily=False)
    session = open_journal(path, PASSPHRASE, FAST, backups)
    try:
        assert session.migrated_from == 1
        assert session._opened.schema_version() == migrations.CURRENT_VERSION
        bundles = list((tmp_path / "backups").glob("*before-upgrade-v1.rjbackup"))
        assert len(bundles) == 1
        hits = session.entries.search("search existed")
        assert [h.entry.title for h in hits] == ["Old"]
        assert hits[0].entry.local_date == date(2025, 5, 1)
    finally:
        session.lock()


def test_pre_upgrade_backup_restores_the_old_version(tmp_path: Path) -> None:
    from recovery_journal.services.access import restore_backup

    path = tmp_path / "old.rjournal"
    _write_version_1_journal(path)
    backups = BackupSettings(folder=tmp_path / "backups", daily=False)
    open_journal(path, PASSPHRASE, FAST, backups).lock()
    bundle = next((tmp_path / "backups").glob("*.rjbackup"))
    info = restore_backup(bundle, tmp_path / "restored.rjournal")
    assert info.schema_version == 1


def test_a_journal_from_a_newer_app_is_refused_untouched(
    journal: JournalSession, reopen: Any
) -> None:
    with journal.transaction() as s:
        s.connection().exec_driver_sql("PRAGMA user_version = 99")
    path = journal.path
    journal.lock()
    with pytest.raises(UserError) as caught:
        open_journal(path, PASSPHRASE, FAST)
    assert caught.value.kind is ErrorKind.TOO_NEW


SEARCH_BY_DATE = next(
    m.version for m in migrations.MIGRATIONS if m.title.startswith("search index")
)


def as_before_search_by_date(session: JournalSession) -> None:
    """Put back the search index the version before the search-by-date migration had: an
    ordinary FTS5 table with its own copy of the text, rowid = entry id, prefix indexes."""
    as_before_dense_search_key(session)
    with session.transaction() as s:
        conn = s.connection()
        conn.exec_driver_sql("DROP TABLE entries_fts")
        conn.exec_driver_sql("DROP VIEW entries_search")
        conn.exec_driver_sql("DROP INDEX ux_entries_search_key")
        conn.exec_driver_sql("ALTER TABLE entries DROP COLUMN search_key")
        for statement in migrations._statements(v002_fulltext.SQL):
            conn.exec_driver_sql(statement)
        # What came after: counters chosen for Today.
        conn.exec_driver_sql("ALTER TABLE counters DROP COLUMN pinned")
        conn.exec_driver_sql(f"PRAGMA user_version = {SEARCH_BY_DATE - 1}")


def _as_version_4_wrote_it(session: JournalSession) -> None:
    """Take away what versions 5 (covering indexes) and 6 (entry columns) added."""
    as_before_search_by_date(session)
    with session.transaction() as s:
        conn = s.connection()
        for name in V5_INDEXES:
            conn.exec_driver_sql(f"DROP INDEX {name}")
        conn.exec_driver_sql("DROP INDEX ux_entries_source")
        for column in V6_COLUMNS:
            conn.exec_driver_sql(f"ALTER TABLE entries DROP COLUMN {column}")
        conn.exec_driver_sql("PRAGMA user_version = 4")


def _as_version_3_wrote_it(session: JournalSession) -> None:
    """Put back the words version 3 stored where version 4 has codes, and say version 3."""
    _as_version_4_wrote_it(session)
    with session.transaction() as s:
        conn = s.connection()
        for (table, column), renamed in v004_stable_codes.RENAMED.items():
            for old, new in renamed.items():
                conn.exec_driver_sql(
                    f"UPDATE {table} SET {column} = ? WHERE {column} = ?", (old, new)
                )
        conn.exec_driver_sql("PRAGMA user_version = 3")


V6_COLUMNS = (
    "local_time",
    "utc_offset_minutes",
    "starred",
    "source_app",
    "source_id",
    "source_mood_label",
)


def _without_time(doc: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in doc.items() if k != "exported_utc"}


def test_version_3_words_become_codes_after_a_backup(
    journal: JournalSession, journal_path: Path, tmp_path: Path
) -> None:
    """A journal as version 3 wrote it (English words) upgrades to codes, backed up first, and
    reads exactly as before."""
    fill_demo_journal(journal, days=30, end=date(2026, 1, 31))
    before = _without_time(export_document(journal))
    _as_version_3_wrote_it(journal)
    with journal.transaction() as s:
        words = s.connection().exec_driver_sql(
            "SELECT count(*) FROM warning_signs WHERE stage = 'things are breaking down'"
        )
        assert words.scalar_one() > 0
    journal.lock()
    backups = BackupSettings(folder=tmp_path / "upgrade-backups", daily=False)
    session = open_journal(journal_path, PASSPHRASE, FAST, backups)
    try:
        assert session.migrated_from == 3
        assert backups.folder is not None
        assert len(list(backups.folder.glob("*before-upgrade-v3.rjbackup"))) == 1
        assert _without_time(export_document(session)) == before
        with session.transaction() as s:
            stages = s.connection().exec_driver_sql("SELECT DISTINCT stage FROM warning_signs")
            assert {row[0] for row in stages} == {"early", "breaking_down", "crisis"}
    finally:
        session.lock()


V5_INDEXES = {
    "ix_entries_live_day_numbers",
    "ix_trigger_events_day_trigger",
    "ix_warning_sign_observations_day_sign",
    "ix_coping_uses_day_strategy",
}


def _indexes(session: JournalSession) -> set[str]:
    with session.reading() as conn:
        rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'").fetchall()
    return {str(r[0]) for r in rows}


def _insights(session: JournalSession) -> dict[str, Any]:
    service = session.insights
    period = service.period()
    charts = {kind: service.chart_data(kind, period) for kind in CHART_KINDS}
    return {"charts": charts, "report": service.report(period).to_json()}


def test_version_4_journal_gets_the_insight_indexes_after_a_backup(
    journal: JournalSession, journal_path: Path, tmp_path: Path
) -> None:
    """A journal as version 4 left it (without the covering indexes) is backed up, gains the
    indexes, and every chart and the insights report read exactly as before."""
    fill_demo_journal(journal, days=60, end=date(2026, 1, 31))
    before = _insights(journal)
    exported = _without_time(export_document(journal))
    _as_version_4_wrote_it(journal)
    assert not _indexes(journal) & V5_INDEXES
    journal.lock()
    backups = BackupSettings(folder=tmp_path / "upgrade-backups", daily=False)
    session = open_journal(journal_path, PASSPHRASE, FAST, backups)
    try:
        assert session.migrated_from == 4
        assert backups.folder is not None
        assert len(list(backups.folder.glob("*before-upgrade-v4.rjbackup"))) == 1
        assert session._opened.schema_version() == migrations.CURRENT_VERSION
        assert _indexes(session) >= V5_INDEXES
        assert _insights(session) == before
        assert _without_time(export_document(session)) == exported
    finally:
        session.lock()


@pytest.fixture
def kolkata(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """This computer's time zone is Asia/Kolkata (UTC+05:30, no DST) for the test."""
    monkeypatch.setenv("TZ", "Asia/Kolkata")
    time.tzset()
    yield
    monkeypatch.delenv("TZ")
    time.tzset()


def test_version_4_entries_get_time_and_offset_from_created_utc(
    journal: JournalSession, journal_path: Path, tmp_path: Path, kolkata: None
) -> None:
    """Upgrading a version-4 journal (backed up first) gives existing entries the wall-clock
    time of their creation in the system time zone, no star and no source."""
    created = datetime(2025, 3, 1, 20, 45, 10, tzinfo=UTC)
    journal.entries.add(Entry(date(2025, 3, 1), "late", created_utc=created))
    journal.entries.add(Entry(date(2025, 3, 2), "trashed", deleted_utc=created))
    _as_version_4_wrote_it(journal)
    journal.lock()
    backups = BackupSettings(folder=tmp_path / "v4-backups", daily=False)
    session = open_journal(journal_path, PASSPHRASE, FAST, backups)
    try:
        assert session.migrated_from == 4
        assert len(list((tmp_path / "v4-backups").glob("*before-upgrade-v4.rjbackup"))) == 1
        late = next(e for e in session.entries.everything()[0] if e.body == "late")
        assert (late.local_time, late.utc_offset_minutes) == ("02:15", 330)
        assert (late.starred, late.source) == (False, None)
        assert all(e.local_time for e in session.entries.everything()[0])
    finally:
        session.lock()


def test_an_imported_entry_is_stored_once_per_source(journal: JournalSession) -> None:
    """The unique index on (source_app, source_id): a second entry with the same source is
    refused (the import service skips it before that); entries written here have none."""
    source = EntrySource("daylio", "daylio:1", "rad")
    journal.entries.add(Entry(date(2024, 1, 1), "a", source=source))
    journal.entries.add(Entry(date(2024, 1, 1), "b"))
    journal.entries.add(Entry(date(2024, 1, 1), "c"))
    with pytest.raises(UserError):
        journal.entries.add(Entry(date(2024, 1, 2), "d", source=source))
    assert journal.entries.count() == 3
